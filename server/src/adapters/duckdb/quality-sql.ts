import { listValue } from '@duckdb/node-api';
import { isMarketRunId, type MarketRunId } from '../../domain/markets/market.js';
import type { QualitySubject } from '../../domain/quality/quality-check.js';
import type { SeriesVariable } from '../../domain/series/series-batch.js';
import type { ProblemFilter, QualityFilter } from '../../ports/quality-store.js';

/**
 * SQL pieces of the quality tables. A subject's run (prices) or variable (fundamentals) is stored in one
 * `stream` column so it can be part of the keys; run ids and variable names never collide.
 */
export const streamOf = (subject: Pick<QualitySubject, 'run' | 'variable'>): string =>
  subject.run ?? subject.variable ?? '';

export const subjectFields = (
  stream: string,
): { run: MarketRunId | null; variable: SeriesVariable | null } =>
  isMarketRunId(stream)
    ? { run: stream, variable: null }
    : { run: null, variable: stream as SeriesVariable };

/** Bits as DuckDB BIT text ('0101…'): one character per interval or minute. */
export const bitText = (bits: Uint8Array): string =>
  Buffer.from(bits.map((b) => (b === 1 ? 49 : 48))).toString('latin1');

export const bitsOf = (text: string): Uint8Array =>
  Uint8Array.from(text, (c) => (c === '1' ? 1 : 0));

/** Accumulates WHERE conditions with positional parameters. */
export class Where {
  readonly conditions: string[] = [];
  readonly params: unknown[] = [];

  param(value: unknown): string {
    return `$${this.params.push(value)}`;
  }

  add(condition: string): this {
    this.conditions.push(condition);
    return this;
  }

  sql(): string {
    return this.conditions.length > 0 ? `WHERE ${this.conditions.join(' AND ')}` : '';
  }
}

/** Conditions every quality query shares: entitlement scope, market, feed, dataset and a range of local days. */
export const qualityConditions = (where: Where, filter: QualityFilter, alias: string): Where => {
  const col = (name: string): string => `${alias}.${name}`;
  if (filter.scope) {
    const scopes = filter.scope.map(
      (s) =>
        `(${col('market')} = ${where.param(s.market)} AND ${col('product')} = ${where.param(s.product)}` +
        (s.instruments === null
          ? ')'
          : s.instruments.length === 0
            ? ' AND FALSE)'
            : ` AND list_contains(${where.param(listValue([...s.instruments]))}, ${col('instrument_id')}))`),
    );
    where.add(scopes.length > 0 ? `(${scopes.join(' OR ')})` : 'FALSE');
  }
  if (filter.market) {
    where.add(`${col('market')} = ${where.param(filter.market)}`);
  }
  if (filter.feed) {
    where.add(`${col('feed')} = ${where.param(filter.feed)}`);
  }
  if (filter.dataset) {
    where.add(`${col('dataset')} = ${where.param(filter.dataset)}`);
  }
  if (filter.fromDay) {
    where.add(`${col('local_day')} >= ${where.param(filter.fromDay)}::DATE`);
  }
  if (filter.toDay) {
    where.add(`${col('local_day')} <= ${where.param(filter.toDay)}::DATE`);
  }
  return where;
};

export const problemConditions = (where: Where, filter: ProblemFilter): Where => {
  qualityConditions(where, filter, 'p');
  if (filter.check) {
    where.add(`p.check_id = ${where.param(filter.check)}`);
  }
  if (filter.severity) {
    where.add(`p.severity = ${where.param(filter.severity)}`);
  }
  if (filter.instrumentId) {
    where.add(`p.instrument_id = ${where.param(filter.instrumentId)}`);
  }
  const status = filter.status ?? 'open';
  if (status === 'open') {
    where.add('p.resolved_at IS NULL');
  } else if (status === 'resolved') {
    where.add('p.resolved_at IS NOT NULL');
  }
  return where;
};

/** Keyset order of problem listings: newest local day first, then errors, feed, dataset, instrument, check. */
export const PROBLEM_ORDER =
  'p.local_day DESC, p.severity, p.feed, p.dataset, p.instrument_id, p.check_id, p.id';
const ORDER_TAIL = ['severity', 'feed', 'dataset', 'instrument_id', 'check_id', 'id'] as const;

/** The position after one row, as the cursor text the next page starts from. */
export const problemPosition = (row: {
  localDay: string;
  severity: string;
  feed: string;
  dataset: string;
  instrumentId: string;
  check: string;
  id: string;
}): string =>
  JSON.stringify([
    row.localDay,
    row.severity,
    row.feed,
    row.dataset,
    row.instrumentId,
    row.check,
    row.id,
  ]);

/** The condition for rows after a position (a malformed position simply starts over). */
export const afterPosition = (where: Where, position: string | null | undefined): Where => {
  if (!position) {
    return where;
  }
  let values: unknown;
  try {
    values = JSON.parse(position);
  } catch {
    return where;
  }
  if (!Array.isArray(values) || values.length !== 7 || values.some((v) => typeof v !== 'string')) {
    return where;
  }
  const [day, ...tail] = values as string[];
  const dayParam = `${where.param(day)}::DATE`;
  const columns = ORDER_TAIL.map((c) => `p.${c}`).join(', ');
  const params = tail.map((v) => where.param(v)).join(', ');
  return where.add(
    `(p.local_day < ${dayParam} OR (p.local_day = ${dayParam} AND (${columns}) > (${params})))`,
  );
};
