import { Type, type Static } from 'typebox';

/** Every error the API can return, by stable code. HTTP statuses are derived from these codes. */
export const ErrorCode = Type.Enum([
  'invalid_request',
  'not_authenticated',
  'not_entitled',
  'not_found',
  'conflict',
  'rate_limited',
  'upstream_unavailable',
  'invalid_source_data',
  'unavailable',
  'internal',
]);
export type ErrorCode = Static<typeof ErrorCode>;

/** One offending input, named so a caller can fix it without guessing. */
export const FieldError = Type.Object({
  field: Type.String({
    description: 'Query parameter, body path or CLI option that was rejected.',
  }),
  message: Type.String(),
});
export type FieldError = Static<typeof FieldError>;

/**
 * RFC 9457 problem details (`application/problem+json`), extended with a stable `code` and the
 * `requestId` that also appears in the `x-request-id` header and in the server log.
 */
export const Problem = Type.Object({
  type: Type.String({ description: 'URI reference naming the problem type.' }),
  title: Type.String(),
  status: Type.Integer(),
  detail: Type.String({ description: 'What went wrong and what to change.' }),
  code: ErrorCode,
  requestId: Type.String(),
  instance: Type.Optional(Type.String()),
  errors: Type.Optional(Type.Array(FieldError)),
});
export type Problem = Static<typeof Problem>;
