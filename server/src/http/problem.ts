import type { ErrorCode, FieldError, Problem } from '@254carbon/contracts';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorCode as PlatformErrorCode } from '../platform/errors.js';

/** The one place where error codes become HTTP statuses. */
export const STATUS_BY_CODE: Readonly<Record<ErrorCode, number>> = {
  invalid_request: 400,
  not_authenticated: 401,
  not_entitled: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  upstream_unavailable: 502,
  invalid_source_data: 422,
  unavailable: 503,
  internal: 500,
};

const TITLE_BY_CODE: Readonly<Record<ErrorCode, string>> = {
  invalid_request: 'Invalid request',
  not_authenticated: 'Not authenticated',
  not_entitled: 'Not entitled',
  not_found: 'Not found',
  conflict: 'Conflict',
  rate_limited: 'Too many requests',
  upstream_unavailable: 'Upstream source unavailable',
  invalid_source_data: 'Unreadable source data',
  unavailable: 'Service unavailable',
  internal: 'Internal error',
};

// The platform's codes and the wire contract's codes must be the same set; this fails to compile otherwise.
const sameCodes: [PlatformErrorCode, ErrorCode] extends [ErrorCode, PlatformErrorCode]
  ? true
  : never = true;
void sameCodes;

export const problemOf = (
  code: ErrorCode,
  detail: string,
  requestId: string,
  fields: readonly FieldError[] = [],
): Problem => ({
  type: `https://254carbon.dev/problems/${code.replace(/_/g, '-')}`,
  title: TITLE_BY_CODE[code],
  status: STATUS_BY_CODE[code],
  detail,
  code,
  requestId,
  ...(fields.length > 0 ? { errors: [...fields] } : {}),
});

export const sendProblem = (reply: FastifyReply, problem: Problem): FastifyReply =>
  reply.code(problem.status).type('application/problem+json').send(JSON.stringify(problem));

/** Turns Fastify's schema-validation errors into field problems that name the parameter. */
const validationFields = (error: FastifyError): FieldError[] =>
  (error.validation ?? []).map((v) => {
    const params: Record<string, unknown> = v.params;
    const path = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const field =
      typeof params.additionalProperty === 'string'
        ? params.additionalProperty
        : typeof params.missingProperty === 'string'
          ? params.missingProperty
          : path || (error.validationContext ?? 'request');
    const message =
      typeof params.additionalProperty === 'string'
        ? 'is not a parameter of this endpoint (see /docs)'
        : typeof params.allowedValues !== 'undefined'
          ? `must be one of ${(params.allowedValues as unknown[]).join(', ')}`
          : (v.message ?? 'is invalid');
    return { field, message };
  });

/** Maps any error thrown by a route to a problem response; unknown errors are logged and hidden. */
export const handleError = (
  error: FastifyError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply => {
  if (error instanceof AppError) {
    if (error.code === 'internal') {
      request.log.error({ err: error }, 'internal error');
    }
    if (error.retryAfterMs !== null) {
      reply.header('retry-after', String(Math.max(1, Math.ceil(error.retryAfterMs / 1000))));
    }
    if (error.code === 'not_authenticated') {
      reply.header('www-authenticate', 'Bearer realm="254carbon"');
    }
    return sendProblem(reply, problemOf(error.code, error.message, request.id, error.fields));
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    const fields = mergeUnionErrors(validationFields(fastifyError));
    const detail = fields.map((f) => `${f.field} ${f.message}`).join('; ');
    return sendProblem(reply, problemOf('invalid_request', detail, request.id, fields));
  }
  if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode < 500) {
    const code: ErrorCode =
      fastifyError.statusCode === 404
        ? 'not_found'
        : fastifyError.statusCode === 429
          ? 'rate_limited'
          : 'invalid_request';
    return sendProblem(reply, problemOf(code, fastifyError.message, request.id));
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendProblem(
    reply,
    problemOf(
      'internal',
      `Something went wrong on our side. Quote request id ${request.id} when reporting it.`,
      request.id,
    ),
  );
};

/** A value outside an enumeration yields one error per alternative; report it once with all allowed values. */
const mergeUnionErrors = (fields: FieldError[]): FieldError[] => {
  const byField = new Map<string, FieldError>();
  for (const f of fields) {
    const seen = byField.get(f.field);
    if (!seen) {
      byField.set(f.field, f);
    } else if (
      f.message.startsWith('must be equal to constant') ||
      seen.message.startsWith('must be equal to constant')
    ) {
      byField.set(f.field, {
        field: f.field,
        message: 'has a value that is not allowed (see /docs for the options)',
      });
    }
  }
  return [...byField.values()];
};
