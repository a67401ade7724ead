import { randomUUID } from 'node:crypto';
import type { SourceDocument } from '../../../ports/market-feed.js';
import type { CsvEngine, CsvLayout, CsvTable } from '../kit/csv-engine.js';
import { sourceProblem } from '../kit/source-problem.js';

/** OASIS writes times as `2020-01-02T02:00:00-00:00`; DuckDB applies the offset, so the columns read as UTC. */
export const OASIS_TIMESTAMP_FORMAT = '%Y-%m-%dT%H:%M:%S%z';

/** OASIS headers are upper-case; reading them case-blind survives a report that changes that. */
export const oasisHeader = (name: string): string => name.trim().toUpperCase();

export const sqlText = (text: string): string => `'${text.replaceAll("'", "''")}'`;

/** A problem one of the validation queries found: the member (file) index, its line, the field, what is wrong. */
export interface RowProblem {
  readonly member: number;
  readonly line: number;
  readonly field: string;
  readonly message: string;
}

/**
 * Runs a query selecting `member, _line, field, message` for rows with problems and throws the first one (in
 * file order) as a source problem naming the member file, line and field. Nothing is returned from a file with
 * a problem, so callers run this before building any batch.
 */
export const throwFirstProblem = async (
  table: CsvTable,
  members: readonly SourceDocument[],
  problemsSql: string,
): Promise<void> => {
  const [first] = await table.rows(
    `SELECT member, _line, field, message FROM (${problemsSql}) ORDER BY member, _line LIMIT 1`,
  );
  if (first !== undefined) {
    const member = members[Number(first.member)] ?? members[0];
    throw sourceProblem(
      member?.name ?? 'OASIS report',
      Number(first._line),
      String(first.field),
      String(first.message),
    );
  }
};

/**
 * Loads the CSV members of one OASIS answer into one table and runs `finish` over it. OASIS splits large
 * answers into one CSV per component (an all-node RTM hour comes as LMP, MCC, MCE, MCL and MGHG files), and
 * a location's components can only be paired once all members are in. The table lives in the engine's
 * database, not a connection, so each member's reader can append to it; it is dropped when `finish` ends.
 * `select(table, member)` gives the SELECT that turns one member's rows into the table's rows, and must
 * include `member` and `_line` so problems can be traced to a file and line.
 */
export const withMemberTable = async <T>(
  csv: CsvEngine,
  members: readonly SourceDocument[],
  layout: CsvLayout,
  select: (table: CsvTable, member: number) => string,
  finish: (table: CsvTable, name: string) => Promise<T>,
): Promise<T> => {
  const [first] = members;
  if (first === undefined) {
    throw new Error('withMemberTable needs at least one member');
  }
  const name = `caiso_rows_${randomUUID().replaceAll('-', '')}`;
  const append = (index: number, current: CsvTable): Promise<T> => {
    const member = members[index];
    if (member === undefined) {
      return finish(current, name);
    }
    return csv.read(member, layout, async (table) => {
      await table.run(`INSERT INTO ${name} ${select(table, index)}`);
      return append(index + 1, table);
    });
  };
  return csv.read(first, layout, async (table) => {
    try {
      await table.run(`CREATE TABLE ${name} AS ${select(table, 0)}`);
      return await append(1, table);
    } finally {
      try {
        await table.run(`DROP TABLE IF EXISTS ${name}`);
      } catch {
        // Dropping only tidies up; the in-memory database goes with the engine anyway.
      }
    }
  });
};
