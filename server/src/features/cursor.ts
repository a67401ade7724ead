import { invalidRequest } from '../platform/errors.js';

/**
 * Opaque pagination cursors: the store's keyset position, base64url-encoded so clients treat it as a token and
 * so a tampered value is rejected with a clear error instead of reaching the store.
 */
export const encodeCursor = (position: string | null): string | null =>
  position === null
    ? null
    : Buffer.from(JSON.stringify({ p: position }), 'utf8').toString('base64url');

export const decodeCursor = (cursor: string | undefined): string | null => {
  if (cursor === undefined || cursor === '') {
    return null;
  }
  try {
    const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as {
      p?: unknown;
    };
    if (typeof decoded.p === 'string') {
      return decoded.p;
    }
  } catch {
    // fall through to the error below
  }
  throw invalidRequest('The cursor is not one this API issued; start again without a cursor', [
    { field: 'cursor', message: 'use the nextCursor value from the previous page unchanged' },
  ]);
};
