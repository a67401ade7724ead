import { listValue } from '@duckdb/node-api';
import type { DayCoverage } from '../../domain/quality/completeness.js';
import type { QualityFinding } from '../../domain/quality/problem-tally.js';
import { productOf, type QualityProblem } from '../../domain/quality/quality-check.js';
import { newId } from '../../platform/ids.js';
import type { InspectedSource } from '../../ports/quality-store.js';
import type { PooledConnection } from './duckdb-database.js';
import { bitText, streamOf } from './quality-sql.js';
import { big, ts } from './sql-values.js';

/** Findings on stored rows, merged per day through their `affected` minutes. */
export const ROWS_SEGMENT = 'rows';
/** Completeness judgements, one per subject and day, replaced as a whole. */
export const DAY_SEGMENT = 'day';

type Connection = PooledConnection['connection'];

/** The key a problem is upserted on, as one string (to say "every other problem of these days"). */
const problemKey = (p: QualityProblem): string =>
  [p.check, p.instrumentId, streamOf(p), p.localDay].join('\u0001');
const KEY_SQL = `check_id || chr(1) || instrument_id || chr(1) || stream || chr(1) || local_day::VARCHAR`;

interface ProblemRow {
  readonly problem: QualityProblem;
  readonly dayStartMs: number | null;
  readonly affected: string | null;
  readonly detail: string;
}

/** Inserts problems, or updates and reopens the ones already recorded under the same key. */
const upsertProblems = async (
  connection: Connection,
  source: InspectedSource,
  segment: string,
  rows: readonly ProblemRow[],
  atMs: number,
): Promise<void> => {
  if (rows.length === 0) {
    return;
  }
  const column = <T>(pick: (row: ProblemRow) => T) => listValue(rows.map(pick) as never[]);
  const merge =
    segment === ROWS_SEGMENT
      ? 'quality_problems.affected | excluded.affected'
      : 'excluded.affected';
  await connection.run(
    `INSERT INTO quality_problems
     SELECT id, $1, $2, $3, $4, $5, check_id, severity, disposition, instrument_id, product, stream, d::DATE,
            CASE WHEN ds IS NULL THEN NULL ELSE ${ts('ds')} END, a::BIT,
            CASE WHEN s IS NULL THEN NULL ELSE ${ts('s')} END, n, detail, ${ts('$19')}, ${ts('$19')}, NULL
     FROM (SELECT unnest($6::VARCHAR[]) id, unnest($7::VARCHAR[]) check_id, unnest($8::VARCHAR[]) severity,
                  unnest($9::VARCHAR[]) disposition, unnest($10::VARCHAR[]) instrument_id,
                  unnest($11::VARCHAR[]) product, unnest($12::VARCHAR[]) stream, unnest($13::VARCHAR[]) d,
                  unnest($14::BIGINT[]) ds, unnest($15::VARCHAR[]) a, unnest($16::BIGINT[]) s,
                  unnest($17::INTEGER[]) n, unnest($18::VARCHAR[]) detail)
     ON CONFLICT (feed, dataset, segment, check_id, instrument_id, stream, local_day) DO UPDATE SET
       market = excluded.market, source = excluded.source, severity = excluded.severity,
       disposition = excluded.disposition, product = excluded.product, day_start = excluded.day_start,
       affected = ${merge}, interval_start = excluded.interval_start, count = excluded.count,
       detail = excluded.detail, detected_at = excluded.detected_at, resolved_at = NULL`,
    [
      source.market,
      source.feed,
      source.dataset,
      segment,
      source.source,
      column(() => newId()),
      column((r) => r.problem.check),
      column((r) => r.problem.severity),
      column((r) => r.problem.disposition),
      column((r) => r.problem.instrumentId),
      column((r) => productOf(r.problem)),
      column((r) => streamOf(r.problem)),
      column((r) => r.problem.localDay),
      column((r) => (r.dayStartMs === null ? null : big(r.dayStartMs))),
      column((r) => r.affected),
      column((r) => (r.problem.intervalStartMs === null ? null : big(r.problem.intervalStartMs))),
      column((r) => r.problem.count),
      column((r) => r.detail),
      big(atMs),
    ] as never,
  );
};

/**
 * Merges one inspection's findings on stored rows: clears the minutes it covered on every problem of those days,
 * adds what it found, then recounts, resolving problems left with no affected interval.
 */
export const mergeRowFindings = async (
  connection: Connection,
  source: InspectedSource,
  findings: readonly QualityFinding[],
  coverage: readonly DayCoverage[],
  atMs: number,
): Promise<{ open: number; resolved: number }> => {
  const days = [...new Set([...coverage, ...findings].map((entry) => entry.day.date))];
  if (days.length === 0) {
    return { open: 0, resolved: 0 };
  }
  const target = [source.feed, source.dataset, ROWS_SEGMENT];
  const where = `feed = $1 AND dataset = $2 AND segment = $3`;
  if (coverage.length > 0) {
    await connection.run(
      `UPDATE quality_problems p SET affected = p.affected & ~c.covered
       FROM (SELECT unnest($4::VARCHAR[])::DATE AS d, unnest($5::VARCHAR[])::BIT AS covered) c
       WHERE p.feed = $1 AND p.dataset = $2 AND p.segment = $3 AND p.local_day = c.d
         AND bit_length(p.affected) = bit_length(c.covered)`,
      [
        ...target,
        listValue(coverage.map((c) => c.day.date)),
        listValue(coverage.map((c) => bitText(c.covered))),
      ],
    );
  }
  await upsertProblems(
    connection,
    source,
    ROWS_SEGMENT,
    findings.map((f) => ({
      problem: f,
      dayStartMs: f.day.startMs,
      affected: bitText(f.affected),
      detail: f.detail,
    })),
    atMs,
  );
  const inDays = `local_day IN (SELECT unnest($4::VARCHAR[])::DATE)`;
  const resolved = await connection.run(
    `UPDATE quality_problems SET count = 0, interval_start = NULL, resolved_at = ${ts('$5')}
     WHERE ${where} AND ${inDays} AND resolved_at IS NULL AND bit_count(affected) = 0`,
    [...target, listValue(days), big(atMs)],
  );
  await connection.run(
    `UPDATE quality_problems SET count = bit_count(affected),
       interval_start = day_start + to_minutes(strpos(affected::VARCHAR, '1') - 1)
     WHERE ${where} AND ${inDays} AND bit_count(affected) > 0`,
    [...target, listValue(days)],
  );
  return { open: findings.length, resolved: Number(resolved.rowsChanged) };
};

/**
 * Sets the completeness problems of whole days: the given ones are opened or updated; open ones of those days
 * that are not given (gaps since filled) are resolved.
 */
export const replaceDayProblems = async (
  connection: Connection,
  source: InspectedSource,
  days: readonly string[],
  problems: readonly QualityProblem[],
  atMs: number,
): Promise<{ open: number; resolved: number }> => {
  const params: unknown[] = [
    source.feed,
    source.dataset,
    DAY_SEGMENT,
    listValue([...days]),
    big(atMs),
  ];
  // An anti-join, not list_contains per row: a market-wide gap is one problem per node, thousands of keys.
  const keep =
    problems.length > 0
      ? `AND ${KEY_SQL} NOT IN (SELECT unnest($${params.push(listValue(problems.map(problemKey)))}::VARCHAR[]))`
      : '';
  const resolved = await connection.run(
    `UPDATE quality_problems SET resolved_at = ${ts('$5')}
     WHERE feed = $1 AND dataset = $2 AND segment = $3 AND resolved_at IS NULL
       AND local_day IN (SELECT unnest($4::VARCHAR[])::DATE) ${keep}`,
    params as never,
  );
  await upsertProblems(
    connection,
    source,
    DAY_SEGMENT,
    problems.map((p) => ({ problem: p, dayStartMs: null, affected: null, detail: p.message })),
    atMs,
  );
  return { open: problems.length, resolved: Number(resolved.rowsChanged) };
};
