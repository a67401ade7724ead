/**
 * The closed set of failure kinds. Use cases and adapters throw `AppError` with one of these codes;
 * only the HTTP layer turns a code into a status (see http/problem.ts), so no use case knows about HTTP.
 */
export type ErrorCode =
  | 'invalid_request'
  | 'not_authenticated'
  | 'not_entitled'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'upstream_unavailable'
  /** A source document (an operator's file or response) that cannot be read; names file, line and field. */
  | 'invalid_source_data'
  | 'unavailable'
  | 'internal';

/** One rejected input: a query parameter, body path, CLI option or `file:line:field`. */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

export interface AppErrorOptions {
  readonly cause?: unknown;
  /** Per-field problems, reported together so a caller can fix everything in one go. */
  readonly fields?: readonly FieldProblem[];
  /** For rate_limited: when the caller may try again. */
  readonly retryAfterMs?: number;
}

/** An expected failure with a stable code and a message that says what to change. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: readonly FieldProblem[];
  readonly retryAfterMs: number | null;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.fields = options.fields ?? [];
    this.retryAfterMs = options.retryAfterMs ?? null;
  }
}

export const invalidRequest = (message: string, fields?: readonly FieldProblem[]): AppError =>
  new AppError('invalid_request', message, fields ? { fields } : {});

export const notFound = (message: string): AppError => new AppError('not_found', message);

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;
