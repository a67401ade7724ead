import { ApiError } from './client';

export interface ErrorDescription {
  readonly detail: string;
  readonly requestId: string | null;
  /** One line per rejected field, e.g. "start: must be a date". */
  readonly items: readonly string[];
}

/** What to show a user for any thrown value: the API's problem details when there are some. */
export const describeError = (error: unknown): ErrorDescription => {
  if (error instanceof ApiError) {
    const { detail } = error.problem;
    const fields = error.fieldErrors;
    // A lone field error is usually what the detail already says; repeating it adds nothing.
    const isRepeat = fields.length === 1 && detail.includes(fields[0]?.message ?? '');
    const items = isRepeat ? [] : fields.map((e) => `${e.field}: ${e.message}`);
    return { detail, requestId: error.requestId, items };
  }
  if (error instanceof Error) {
    return { detail: error.message, requestId: null, items: [] };
  }
  return { detail: String(error), requestId: null, items: [] };
};
