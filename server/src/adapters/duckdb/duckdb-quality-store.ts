import { listValue } from '@duckdb/node-api';
import type { DayCoverage, DayPresence } from '../../domain/quality/completeness.js';
import { problemMessage, type QualityFinding } from '../../domain/quality/problem-tally.js';
import {
  productOf,
  type ProblemDisposition,
  type QualityCheck,
  type QualityProblem,
  type QualitySeverity,
} from '../../domain/quality/quality-check.js';
import type { Page, PageRequest } from '../../ports/metadata-store.js';
import type {
  CompletenessUpdate,
  DayCompleteness,
  IngestRecord,
  IngestStatus,
  InspectedSource,
  ProblemCount,
  ProblemFilter,
  QualityFilter,
  QualityStore,
  StoredProblem,
} from '../../ports/quality-store.js';
import type { DuckDbDatabase } from './duckdb-database.js';
import { mergeRowFindings, replaceDayProblems } from './quality-problem-writes.js';
import {
  afterPosition,
  bitsOf,
  bitText,
  PROBLEM_ORDER,
  problemConditions,
  problemPosition,
  qualityConditions,
  streamOf,
  subjectFields,
  Where,
} from './quality-sql.js';
import { big, text, ts } from './sql-values.js';

const MINUTE_MS = 60_000;

const nullableMs = (value: unknown): number | null => (value == null ? null : Number(value));

const PROBLEM_COLUMNS = `p.id, p.market, p.feed, p.dataset, p.source, p.check_id, p.severity, p.disposition,
  p.instrument_id, p.stream, p.local_day::VARCHAR, epoch_ms(p.interval_start)::DOUBLE, p.count, p.detail,
  epoch_ms(p.first_detected_at)::DOUBLE, epoch_ms(p.detected_at)::DOUBLE, epoch_ms(p.resolved_at)::DOUBLE`;

const toProblem = (r: unknown[]): StoredProblem => ({
  // The count may have grown or shrunk as later ingests merged in: the message is written for the count now.
  message: problemMessage(text(r[5]) as QualityCheck, Number(r[12]), text(r[13])),
  id: text(r[0]),
  market: text(r[1]),
  feed: text(r[2]),
  dataset: text(r[3]),
  source: text(r[4]),
  check: text(r[5]) as QualityCheck,
  severity: text(r[6]) as QualitySeverity,
  disposition: text(r[7]) as ProblemDisposition,
  instrumentId: text(r[8]),
  ...subjectFields(text(r[9])),
  localDay: text(r[10]),
  intervalStartMs: nullableMs(r[11]),
  count: Number(r[12]),
  firstDetectedAtMs: Number(r[14]),
  detectedAtMs: Number(r[15]),
  resolvedAtMs: nullableMs(r[16]),
});

/** DuckDB implementation of the quality port (embedded mode): same file as the data it describes. */
export class DuckDbQualityStore implements QualityStore {
  readonly #db: DuckDbDatabase;

  constructor(db: DuckDbDatabase) {
    this.#db = db;
  }

  replaceProblems(
    source: InspectedSource,
    findings: readonly QualityFinding[],
    coverage: readonly DayCoverage[],
    atMs: number,
  ): Promise<{ open: number; resolved: number }> {
    return this.#db.transaction(({ connection }) =>
      mergeRowFindings(connection, source, findings, coverage, atMs),
    );
  }

  putCompletenessProblems(
    source: InspectedSource,
    days: readonly string[],
    problems: readonly QualityProblem[],
    atMs: number,
  ): Promise<{ open: number; resolved: number }> {
    if (days.length === 0) {
      return Promise.resolve({ open: 0, resolved: 0 });
    }
    return this.#db.transaction(({ connection }) =>
      replaceDayProblems(connection, source, days, problems, atMs),
    );
  }

  async mergeCompleteness(update: CompletenessUpdate): Promise<DayPresence[]> {
    const days = [
      ...new Set([
        ...update.coverage.map((c) => c.day.date),
        ...update.presence.map((p) => p.day.date),
      ]),
    ];
    if (days.length === 0) {
      return [];
    }
    const now = big(update.atMs);
    return this.#db.transaction(async ({ connection }) => {
      if (update.coverage.length > 0) {
        await connection.run(
          `INSERT INTO quality_coverage
           SELECT $1, $2, d::DATE, ${ts('s')}, m, c::BIT, ${ts('$7')}
           FROM (SELECT unnest($3::VARCHAR[]) d, unnest($4::BIGINT[]) s, unnest($5::USMALLINT[]) m,
                        unnest($6::VARCHAR[]) c)
           ON CONFLICT (feed, dataset, local_day) DO UPDATE SET
             covered = quality_coverage.covered | excluded.covered, updated_at = excluded.updated_at`,
          [
            update.feed,
            update.dataset,
            listValue(update.coverage.map((c) => c.day.date)),
            listValue(update.coverage.map((c) => big(c.day.startMs))),
            listValue(update.coverage.map((c) => c.covered.length)),
            listValue(update.coverage.map((c) => bitText(c.covered))),
            now,
          ],
        );
      }
      if (update.presence.length > 0) {
        const rows = update.presence;
        await connection.run(
          `INSERT INTO quality_completeness
           SELECT $1, $2, $3, i, p, s, d::DATE, m, n, b::BIT, ${ts('$11')}
           FROM (SELECT unnest($4::VARCHAR[]) i, unnest($5::VARCHAR[]) p, unnest($6::VARCHAR[]) s,
                        unnest($7::VARCHAR[]) d, unnest($8::USMALLINT[]) m, unnest($9::USMALLINT[]) n,
                        unnest($10::VARCHAR[]) b)
           ON CONFLICT (feed, dataset, instrument_id, stream, local_day, interval_minutes) DO UPDATE SET
             present = quality_completeness.present | excluded.present, updated_at = excluded.updated_at`,
          [
            update.market,
            update.feed,
            update.dataset,
            listValue(rows.map((r) => r.subject.instrumentId)),
            listValue(rows.map((r) => productOf(r.subject))),
            listValue(rows.map((r) => streamOf(r.subject))),
            listValue(rows.map((r) => r.day.date)),
            listValue(rows.map((r) => r.intervalMinutes)),
            listValue(rows.map((r) => r.slots)),
            listValue(rows.map((r) => bitText(r.present))),
            now,
          ],
        );
      }
      const judged = await connection.runAndReadAll(
        `SELECT c.instrument_id, c.stream, c.local_day::VARCHAR, c.interval_minutes, c.slots,
                c.present::VARCHAR, epoch_ms(v.day_start)::DOUBLE, v.day_minutes
         FROM quality_completeness c
         JOIN quality_coverage v ON v.feed = c.feed AND v.dataset = c.dataset AND v.local_day = c.local_day
         WHERE c.feed = $1 AND c.dataset = $2 AND c.local_day IN (SELECT unnest($3::VARCHAR[])::DATE)
           AND bit_count(v.covered) = v.day_minutes AND bit_count(c.present) < c.slots
         ORDER BY c.local_day, c.instrument_id, c.stream`,
        [update.feed, update.dataset, listValue(days)],
      );
      return judged.getRowsJS().map((r) => {
        const startMs = Number(r[6]);
        return {
          subject: { instrumentId: text(r[0]), ...subjectFields(text(r[1])) },
          day: { date: text(r[2]), startMs, endMs: startMs + Number(r[7]) * MINUTE_MS },
          intervalMinutes: Number(r[3]),
          slots: Number(r[4]),
          present: bitsOf(text(r[5])),
        };
      });
    });
  }

  async listProblems(filter: ProblemFilter, page: PageRequest): Promise<Page<StoredProblem>> {
    const where = afterPosition(problemConditions(new Where(), filter), page.after);
    const reader = await this.#db.read(({ connection }) =>
      connection.runAndReadAll(
        `SELECT ${PROBLEM_COLUMNS} FROM quality_problems p ${where.sql()}
         ORDER BY ${PROBLEM_ORDER} LIMIT ${page.limit + 1}`,
        where.params as never,
      ),
    );
    const items = reader.getRowsJS().map(toProblem);
    const more = items.length > page.limit;
    const pageItems = more ? items.slice(0, page.limit) : items;
    const last = pageItems.at(-1);
    return { items: pageItems, next: more && last ? problemPosition(last) : null };
  }

  async countProblems(filter: ProblemFilter): Promise<ProblemCount[]> {
    const where = problemConditions(new Where(), filter);
    const reader = await this.#db.read(({ connection }) =>
      connection.runAndReadAll(
        `SELECT p.market, p.feed, p.dataset, p.check_id, p.severity, count(*)::DOUBLE, sum(p.count)::DOUBLE
         FROM quality_problems p ${where.sql()}
         GROUP BY ALL ORDER BY p.market, p.feed, p.dataset, p.severity, p.check_id`,
        where.params as never,
      ),
    );
    return reader.getRowsJS().map((r) => ({
      market: text(r[0]),
      feed: text(r[1]),
      dataset: text(r[2]),
      check: text(r[3]) as QualityCheck,
      severity: text(r[4]) as QualitySeverity,
      problems: Number(r[5]),
      intervals: Number(r[6]),
    }));
  }

  async completeness(filter: QualityFilter): Promise<DayCompleteness[]> {
    const where = qualityConditions(new Where(), filter, 'c');
    const reader = await this.#db.read(({ connection }) =>
      connection.runAndReadAll(
        `WITH judged AS (
           SELECT c.market, c.feed, c.dataset, c.stream, c.local_day, c.interval_minutes, c.slots,
                  bit_count(c.present) AS present, v.day_minutes, bit_count(v.covered) AS covered,
                  bit_count(v.covered) = v.day_minutes AS whole
           FROM quality_completeness c
           JOIN quality_coverage v ON v.feed = c.feed AND v.dataset = c.dataset AND v.local_day = c.local_day
           ${where.sql()})
         SELECT market, feed, dataset, stream, local_day::VARCHAR, max(day_minutes)::DOUBLE,
                max(covered)::DOUBLE, interval_minutes::DOUBLE, max(slots)::DOUBLE, count(*)::DOUBLE,
                (count(*) FILTER (WHERE whole AND present >= slots))::DOUBLE,
                (count(*) FILTER (WHERE whole AND present < slots))::DOUBLE,
                (count(*) FILTER (WHERE NOT whole))::DOUBLE,
                sum(present)::DOUBLE,
                coalesce(sum(slots - present) FILTER (WHERE whole), 0)::DOUBLE
         FROM judged
         GROUP BY market, feed, dataset, stream, local_day, interval_minutes
         ORDER BY local_day DESC, market, feed, dataset, stream, interval_minutes`,
        where.params as never,
      ),
    );
    return reader.getRowsJS().map((r) => ({
      market: text(r[0]),
      feed: text(r[1]),
      dataset: text(r[2]),
      ...subjectFields(text(r[3])),
      localDay: text(r[4]),
      dayMinutes: Number(r[5]),
      coveredMinutes: Number(r[6]),
      intervalMinutes: Number(r[7]),
      expectedIntervals: Number(r[8]),
      instruments: Number(r[9]),
      complete: Number(r[10]),
      incomplete: Number(r[11]),
      partial: Number(r[12]),
      presentIntervals: Number(r[13]),
      missingIntervals: Number(r[14]),
    }));
  }

  async recordIngest(record: IngestRecord): Promise<void> {
    await this.#db.write(({ connection }) =>
      connection.run(
        `INSERT INTO quality_ingests VALUES ($1, $2, $3, ${ts('$4')},
           CASE WHEN $5::BIGINT IS NULL THEN NULL ELSE ${ts('$5')} END, $6, $7)
         ON CONFLICT (feed, dataset) DO UPDATE SET market = excluded.market,
           last_ingest_at = excluded.last_ingest_at,
           newest_interval_end = greatest(quality_ingests.newest_interval_end, excluded.newest_interval_end),
           last_rows = excluded.last_rows, last_source = excluded.last_source`,
        [
          record.feed,
          record.dataset,
          record.market,
          big(record.atMs),
          record.newestIntervalEndMs === null ? null : big(record.newestIntervalEndMs),
          big(record.rows),
          record.source,
        ],
      ),
    );
  }

  async ingestStatuses(): Promise<IngestStatus[]> {
    const reader = await this.#db.read(({ connection }) =>
      connection.runAndReadAll(
        `SELECT market, feed, dataset, epoch_ms(last_ingest_at)::DOUBLE, epoch_ms(newest_interval_end)::DOUBLE,
                last_rows::DOUBLE, last_source
         FROM quality_ingests ORDER BY market, feed, dataset`,
      ),
    );
    return reader.getRowsJS().map((r) => ({
      market: text(r[0]),
      feed: text(r[1]),
      dataset: text(r[2]),
      lastIngestAtMs: Number(r[3]),
      newestIntervalEndMs: nullableMs(r[4]),
      lastRows: Number(r[5]),
      lastSource: text(r[6]),
    }));
  }
}
