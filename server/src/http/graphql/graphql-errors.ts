import type { ErrorCode } from '@254carbon/contracts';
import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import type {
  ExecutionResult,
  GraphQLError as GraphQLErrorType,
  GraphQLFormattedError,
} from 'graphql';
import { AppError } from '../../platform/errors.js';
import { STATUS_BY_CODE } from '../problem.js';
import { gql } from './graphql-runtime.js';

const { GraphQLError } = gql;

const CODES = new Set<string>(Object.keys(STATUS_BY_CODE));
const isErrorCode = (value: unknown): value is ErrorCode =>
  typeof value === 'string' && CODES.has(value);

/**
 * The REST code of a GraphQL error: the use case's AppError code; a code our own validation rules set; a GraphQL
 * syntax or validation error (no underlying error) is invalid_request; anything else is an internal failure.
 */
const codeOf = (error: GraphQLErrorType): ErrorCode => {
  const original = error.originalError;
  if (original instanceof AppError) {
    return original.code;
  }
  if (isErrorCode(error.extensions.code)) {
    return error.extensions.code;
  }
  return original === undefined || original instanceof GraphQLError
    ? 'invalid_request'
    : 'internal';
};

/** One error as sent: the AppError's message and code (and field problems), as a REST problem would carry them. */
const formatOne = (
  error: GraphQLErrorType,
  requestId: string,
  log: FastifyBaseLogger,
): GraphQLFormattedError & { extensions: { code: ErrorCode } } => {
  const code = codeOf(error);
  const original = error.originalError;
  if (code === 'internal') {
    log.error({ err: original ?? error }, 'GraphQL resolver failed');
  }
  const fields =
    original instanceof AppError && original.fields.length > 0 ? original.fields : null;
  return {
    message:
      code === 'internal'
        ? `Something went wrong on our side. Quote request id ${requestId} when reporting it.`
        : error.message,
    ...(error.locations ? { locations: error.locations } : {}),
    ...(error.path ? { path: error.path } : {}),
    extensions: { code, requestId, ...(fields ? { fields: fields.map((f) => ({ ...f })) } : {}) },
  };
};

/**
 * Formats an execution's errors. Every data field is non-null, so any failure nulls the whole `data`; then the
 * HTTP status is the REST status of the first error's code (graphql-over-http allows 4xx/5xx when data is null).
 */
export const formatExecution = (
  execution: ExecutionResult,
  request: FastifyRequest,
): { statusCode: number; response: ExecutionResult } => {
  const errors = (execution.errors ?? []).map((e) => formatOne(e, request.id, request.log));
  const first = errors[0];
  const statusCode =
    execution.data === null || execution.data === undefined
      ? first
        ? STATUS_BY_CODE[first.extensions.code]
        : 200
      : 200;
  // formatted errors are plain JSON; GraphQLError is only the declared element type of ExecutionResult.
  return {
    statusCode,
    response: { data: execution.data ?? null, errors: errors as unknown as GraphQLErrorType[] },
  };
};

/**
 * Errors before execution: the access-control hook (not signed in, not permitted, rate limited), a malformed
 * request, or a query refused by validation (syntax, unknown fields, depth, cost). Answered in GraphQL's shape,
 * with the REST status and headers.
 */
export const sendRequestError = (
  error: Error & { errors?: unknown; statusCode?: number },
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply => {
  const graphqlErrors = Array.isArray(error.errors)
    ? error.errors.map((e: unknown) =>
        e instanceof GraphQLError ? e : new GraphQLError(String(e), { extensions: {} }),
      )
    : [
        error instanceof AppError
          ? new GraphQLError(error.message, { originalError: error })
          : new GraphQLError(error.message, {
              extensions: {
                code:
                  typeof error.statusCode === 'number' && error.statusCode < 500
                    ? 'invalid_request'
                    : 'internal',
              },
            }),
      ];
  if (error instanceof AppError) {
    if (error.retryAfterMs !== null) {
      reply.header('retry-after', String(Math.max(1, Math.ceil(error.retryAfterMs / 1000))));
    }
    if (error.code === 'not_authenticated') {
      reply.header('www-authenticate', 'Bearer realm="254carbon"');
    }
  }
  const { statusCode, response } = formatExecution({ errors: graphqlErrors }, request);
  return reply.code(statusCode).send(response);
};
