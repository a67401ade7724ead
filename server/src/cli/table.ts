/** Formats rows as a plain aligned text table for terminals (numbers right-aligned). */
export const formatTable = (
  headers: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
): string => {
  const cells = rows.map((row) => row.map((cell) => (cell === null ? '' : String(cell))));
  const widths = headers.map((h, c) =>
    Math.max(h.length, ...cells.map((row) => (row[c] ?? '').length)),
  );
  const numeric = headers.map(
    (_, c) => rows.length > 0 && rows.every((row) => row[c] === null || typeof row[c] === 'number'),
  );
  const line = (values: readonly string[], header: boolean): string =>
    values
      .map((v, c) =>
        numeric[c] && !header ? v.padStart(widths[c] ?? 0) : v.padEnd(widths[c] ?? 0),
      )
      .join('  ')
      .trimEnd();
  return (
    [
      line(headers, true),
      widths.map((w) => '-'.repeat(w)).join('  '),
      ...cells.map((row) => line(row, false)),
    ].join('\n') + '\n'
  );
};
