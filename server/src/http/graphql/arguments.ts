import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { invalidRequest, type FieldProblem } from '../../platform/errors.js';

type WithoutNulls<T> = { [K in keyof T]: Exclude<T[K], null> };

/**
 * Checks GraphQL arguments, phrased as the REST query string, against the REST contract's schema: the same lengths,
 * ranges and allowed values apply whichever API is used. Field problems name the argument and say what is allowed.
 */
export const checkArguments = <T extends object>(schema: TSchema, input: T): WithoutNulls<T> => {
  // GraphQL passes an omitted nullable argument as null; REST simply leaves it out.
  const defined = Object.fromEntries(
    Object.entries(input).filter(([, value]) => value !== undefined && value !== null),
  ) as WithoutNulls<T>;
  const errors = Value.Errors(schema, defined);
  if (errors.length === 0) {
    return defined;
  }
  const fields: FieldProblem[] = errors.map((error) => {
    const params: Record<string, unknown> = error.params;
    const field = error.instancePath.replace(/^\//, '').replace(/\//g, '.') || 'arguments';
    const message = Array.isArray(params.allowedValues)
      ? `must be one of ${params.allowedValues.join(', ')}`
      : error.message;
    return { field, message };
  });
  throw invalidRequest(fields.map((f) => `${f.field} ${f.message}`).join('; '), fields);
};

/** A GraphQL list argument as the REST API's comma-separated form; undefined stays undefined. */
export const commaList = (values: readonly string[] | null | undefined): string | undefined =>
  values === null || values === undefined ? undefined : values.join(',');
