import { AppError } from '../../../platform/errors.js';

/**
 * The error for a source document that cannot be read. It names the file, the line (1-based, as an editor shows
 * it) and the field, so whoever looks at the file finds the problem at once; the ingest stores nothing from it.
 */
export const sourceProblem = (
  file: string,
  line: number | null,
  field: string | null,
  message: string,
): AppError => {
  const where = [file, line === null ? null : `line ${line}`, field].filter((p) => p !== null);
  return new AppError('invalid_source_data', `${where.join(', ')}: ${message}`, {
    fields: [{ field: [file, line, field].filter((p) => p !== null).join(':'), message }],
  });
};
