import { BIGINT, LIST, VARCHAR, listValue, type DuckDBType } from '@duckdb/node-api';
import type {
  InstrumentAlias,
  InstrumentDefinition,
  InstrumentKind,
  InstrumentProduct,
} from '../../domain/instruments/instrument.js';
import type { MarketDefinition, MarketRunSpec } from '../../domain/markets/market.js';
import type { Clock } from '../../platform/clock.js';
import type {
  Checkpoint,
  InstrumentFilter,
  JobRunFilter,
  JobRunRecord,
  JobRunStatus,
  JobTrigger,
  MetadataStore,
  Page,
  PageRequest,
} from '../../ports/metadata-store.js';
import type { DuckDbDatabase } from './duckdb-database.js';
import { ts, big, text } from './sql-values.js';

type Row = unknown[];

/** Parameter types for `count` VARCHAR[] parameters (a list's type cannot be inferred when it may hold nulls or be empty). */
const TEXT_LISTS = (count: number): DuckDBType[] =>
  Array.from({ length: count }, () => LIST(VARCHAR));

const ms = (value: unknown): number | null => (value == null ? null : Number(value));

const toMarket = (row: Row): MarketDefinition => ({
  id: text(row[0]),
  name: text(row[1]),
  timezone: text(row[2]),
  currency: text(row[3]),
  runs: JSON.parse(text(row[4])) as MarketRunSpec[],
  synthetic: Boolean(row[5]),
});

const toJobRun = (row: Row): JobRunRecord => ({
  id: text(row[0]),
  job: text(row[1]),
  trigger: row[2] as JobTrigger,
  attempt: Number(row[3]),
  status: row[4] as JobRunStatus,
  startedAtMs: Number(row[5]),
  finishedAtMs: ms(row[6]),
  rows: ms(row[7]),
  error: row[8] == null ? null : text(row[8]),
});

const JOB_RUN_COLUMNS =
  'id, job, trigger, attempt, status, epoch_ms(started_at)::DOUBLE, epoch_ms(finished_at)::DOUBLE, rows::DOUBLE, error';

/** Escapes LIKE wildcards so user text is matched literally. */
const likePattern = (text: string): string =>
  `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** DuckDB implementation of the metadata port (embedded mode): same file as the time series. */
export class DuckDbMetadataStore implements MetadataStore {
  readonly #db: DuckDbDatabase;
  readonly #clock: Clock;

  constructor(db: DuckDbDatabase, clock: Clock) {
    this.#db = db;
    this.#clock = clock;
  }

  async upsertMarkets(markets: readonly MarketDefinition[]): Promise<void> {
    await this.#db.transaction(async ({ connection }) => {
      for (const m of markets) {
        await connection.run(
          `INSERT INTO markets VALUES ($1, $2, $3, $4, $5::JSON, $6, ${ts('$7')})
           ON CONFLICT (id) DO UPDATE SET name = excluded.name, timezone = excluded.timezone,
             currency = excluded.currency, runs = excluded.runs, synthetic = excluded.synthetic,
             updated_at = excluded.updated_at`,
          [
            m.id,
            m.name,
            m.timezone,
            m.currency,
            JSON.stringify(m.runs),
            m.synthetic,
            big(this.#clock.now()),
          ],
        );
      }
    });
  }

  async listMarkets(): Promise<MarketDefinition[]> {
    const reader = await this.#db.read(({ connection }) =>
      connection.runAndReadAll(
        'SELECT id, name, timezone, currency, runs::VARCHAR, synthetic FROM markets ORDER BY id',
      ),
    );
    return reader.getRowsJS().map(toMarket);
  }

  async getMarket(id: string): Promise<MarketDefinition | null> {
    const reader = await this.#db.read(({ connection }) =>
      connection.runAndReadAll(
        'SELECT id, name, timezone, currency, runs::VARCHAR, synthetic FROM markets WHERE id = $1',
        [id],
      ),
    );
    const row = reader.getRowsJS()[0];
    return row ? toMarket(row) : null;
  }

  async upsertInstruments(
    instruments: readonly InstrumentDefinition[],
  ): Promise<{ created: number; updated: number }> {
    if (instruments.length === 0) {
      return { created: 0, updated: 0 };
    }
    const existing = new Map(
      (await this.getInstruments(instruments.map((i) => i.id))).map((i) => [i.id, i]),
    );
    // The last definition of an id wins, as if each had been upserted in turn.
    const latest = [...new Map(instruments.map((i) => [i.id, i])).values()];
    const changed = latest.filter((i) => {
      const before = existing.get(i.id);
      return !before || JSON.stringify(before) !== JSON.stringify(normalise(i));
    });
    if (changed.length === 0) {
      return { created: 0, updated: 0 };
    }
    // One statement per table, whatever the count: a first ingest of a large operator file registers
    // tens of thousands of nodes, and row-by-row statements cost ~0.2 ms each.
    const ids = listValue(changed.map((i) => i.id));
    const aliases = changed.flatMap((i) => i.aliases.map((a) => ({ id: i.id, ...a })));
    const optionalMs = (value: number | null): bigint | null =>
      value === null ? null : big(value);
    await this.#db.transaction(async ({ connection }) => {
      await connection.run(
        `INSERT INTO instruments
         SELECT id, market, code, name, kind, product, ${ts('$7')} FROM (
           SELECT unnest($1) AS id, unnest($2) AS market, unnest($3) AS code,
                  unnest($4) AS name, unnest($5) AS kind, unnest($6) AS product)
         ON CONFLICT (id) DO UPDATE SET market = excluded.market, code = excluded.code, name = excluded.name,
           kind = excluded.kind, product = excluded.product, updated_at = excluded.updated_at`,
        [
          ids,
          listValue(changed.map((i) => i.market)),
          listValue(changed.map((i) => i.code)),
          listValue(changed.map((i) => i.name)),
          listValue(changed.map((i) => i.kind)),
          listValue(changed.map((i) => i.product)),
          big(this.#clock.now()),
        ],
        [...TEXT_LISTS(6), BIGINT],
      );
      await connection.run(
        'DELETE FROM instrument_aliases WHERE instrument_id IN (SELECT unnest($1))',
        [ids],
        TEXT_LISTS(1),
      );
      if (aliases.length === 0) {
        return;
      }
      await connection.run(
        `INSERT INTO instrument_aliases
         SELECT id, source, code,
                CASE WHEN valid_from IS NULL THEN NULL ELSE epoch_ms(valid_from) END,
                CASE WHEN valid_to IS NULL THEN NULL ELSE epoch_ms(valid_to) END
         FROM (SELECT unnest($1) AS id, unnest($2) AS source, unnest($3) AS code,
                      unnest($4) AS valid_from, unnest($5) AS valid_to)`,
        [
          listValue(aliases.map((a) => a.id)),
          listValue(aliases.map((a) => a.source)),
          listValue(aliases.map((a) => a.code)),
          listValue(aliases.map((a) => optionalMs(a.validFromMs))),
          listValue(aliases.map((a) => optionalMs(a.validToMs))),
        ],
        [...TEXT_LISTS(3), LIST(BIGINT), LIST(BIGINT)],
      );
    });
    const created = changed.filter((i) => !existing.has(i.id)).length;
    return { created, updated: changed.length - created };
  }

  async getInstruments(ids: readonly string[]): Promise<InstrumentDefinition[]> {
    if (ids.length === 0) {
      return [];
    }
    const found = await this.#selectInstruments(
      'i.id IN (SELECT unnest($1::VARCHAR[]))',
      [listValue([...ids])],
      'i.id',
      ids.length,
    );
    const byId = new Map(found.map((i) => [i.id, i]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async listInstruments(
    filter: InstrumentFilter,
    page: PageRequest,
  ): Promise<Page<InstrumentDefinition>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown): string => `$${params.push(value)}`;
    if (filter.scope) {
      // Entitlement scopes: the union of (market, product, optional instrument list); none means nothing.
      const scopes = filter.scope.map(
        (s) =>
          `(i.market = ${param(s.market)} AND i.product = ${param(s.product)}` +
          (s.instruments === null
            ? ')'
            : ` AND list_contains(${param(listValue([...s.instruments]))}, i.id))`),
      );
      where.push(scopes.length > 0 ? `(${scopes.join(' OR ')})` : 'FALSE');
    }
    if (filter.market) {
      where.push(`i.market = ${param(filter.market)}`);
    }
    if (filter.kind) {
      where.push(`i.kind = ${param(filter.kind)}`);
    }
    if (filter.text) {
      const p = param(likePattern(filter.text));
      where.push(
        `(lower(i.id) LIKE ${p} ESCAPE '\\' OR lower(i.name) LIKE ${p} ESCAPE '\\' OR lower(i.code) LIKE ${p} ESCAPE '\\')`,
      );
    }
    if (page.after) {
      where.push(`i.id > ${param(page.after)}`);
    }
    const items = await this.#selectInstruments(
      where.join(' AND ') || 'TRUE',
      params,
      'i.id',
      page.limit + 1,
    );
    const more = items.length > page.limit;
    const pageItems = more ? items.slice(0, page.limit) : items;
    return { items: pageItems, next: more ? (pageItems.at(-1)?.id ?? null) : null };
  }

  async resolveAlias(source: string, code: string, atMs: number): Promise<string | null> {
    const reader = await this.#db.read(({ connection }) =>
      connection.runAndReadAll(
        `SELECT instrument_id FROM instrument_aliases
         WHERE source = $1 AND code = $2
           AND (valid_from IS NULL OR valid_from <= ${ts('$3')}) AND (valid_to IS NULL OR valid_to > ${ts('$3')})
         ORDER BY valid_from DESC NULLS LAST LIMIT 1`,
        [source, code, big(atMs)],
      ),
    );
    const row = reader.getRowsJS()[0];
    return row ? text(row[0]) : null;
  }

  async startJobRun(
    run: Omit<JobRunRecord, 'status' | 'finishedAtMs' | 'rows' | 'error'>,
  ): Promise<JobRunRecord> {
    await this.#db.write(({ connection }) =>
      connection.run(
        `INSERT INTO job_runs VALUES ($1, $2, $3, $4, 'running', ${ts('$5')}, NULL, NULL, NULL)`,
        [run.id, run.job, run.trigger, run.attempt, big(run.startedAtMs)],
      ),
    );
    return { ...run, status: 'running', finishedAtMs: null, rows: null, error: null };
  }

  async finishJobRun(
    id: string,
    outcome: {
      status: Exclude<JobRunStatus, 'running'>;
      finishedAtMs: number;
      rows: number | null;
      error: string | null;
    },
  ): Promise<void> {
    await this.#db.write(({ connection }) =>
      connection.run(
        `UPDATE job_runs SET status = $2, finished_at = ${ts('$3')}, rows = $4, error = $5 WHERE id = $1`,
        [
          id,
          outcome.status,
          big(outcome.finishedAtMs),
          outcome.rows === null ? null : big(outcome.rows),
          outcome.error === null ? null : outcome.error.slice(0, 4000),
        ],
      ),
    );
  }

  async listJobRuns(filter: JobRunFilter, page: PageRequest): Promise<Page<JobRunRecord>> {
    const where: string[] = [];
    const params: (string | bigint)[] = [];
    const param = (value: string | bigint): string => `$${params.push(value)}`;
    if (filter.job) {
      where.push(`job = ${param(filter.job)}`);
    }
    if (filter.status) {
      where.push(`status = ${param(filter.status)}`);
    }
    if (page.after) {
      // Position is "<startedAtMs>:<id>" of the last row seen; newest first.
      const [startedAt, ...rest] = page.after.split(':');
      where.push(
        `(started_at, id) < (${ts(param(big(Number(startedAt))))}, ${param(rest.join(':'))})`,
      );
    }
    const reader = await this.#db.read(({ connection }) =>
      connection.runAndReadAll(
        `SELECT ${JOB_RUN_COLUMNS} FROM job_runs ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY started_at DESC, id DESC LIMIT ${page.limit + 1}`,
        params,
      ),
    );
    const items = reader.getRowsJS().map(toJobRun);
    const more = items.length > page.limit;
    const pageItems = more ? items.slice(0, page.limit) : items;
    const last = pageItems.at(-1);
    return { items: pageItems, next: more && last ? `${last.startedAtMs}:${last.id}` : null };
  }

  async latestJobRuns(): Promise<Map<string, JobRunRecord>> {
    const reader = await this.#db.read(({ connection }) =>
      connection.runAndReadAll(
        `SELECT ${JOB_RUN_COLUMNS} FROM job_runs QUALIFY row_number() OVER (PARTITION BY job ORDER BY started_at DESC, id DESC) = 1`,
      ),
    );
    return new Map(reader.getRowsJS().map((row) => [text(row[1]), toJobRun(row)]));
  }

  async getCheckpoint(feed: string, dataset: string): Promise<Checkpoint | null> {
    const reader = await this.#db.read(({ connection }) =>
      connection.runAndReadAll(
        'SELECT epoch_ms(watermark)::DOUBLE, epoch_ms(updated_at)::DOUBLE FROM checkpoints WHERE feed = $1 AND dataset = $2',
        [feed, dataset],
      ),
    );
    const row = reader.getRowsJS()[0];
    return row ? { feed, dataset, watermarkMs: Number(row[0]), updatedAtMs: Number(row[1]) } : null;
  }

  async putCheckpoint(checkpoint: Checkpoint): Promise<void> {
    await this.#db.write(({ connection }) =>
      connection.run(
        `INSERT INTO checkpoints VALUES ($1, $2, ${ts('$3')}, ${ts('$4')})
         ON CONFLICT (feed, dataset) DO UPDATE SET watermark = excluded.watermark, updated_at = excluded.updated_at`,
        [
          checkpoint.feed,
          checkpoint.dataset,
          big(checkpoint.watermarkMs),
          big(checkpoint.updatedAtMs),
        ],
      ),
    );
  }

  async ping(): Promise<void> {
    await this.#db.read(({ connection }) => connection.run('SELECT 1'));
  }

  async close(): Promise<void> {
    await this.#db.close();
  }

  async #selectInstruments(
    where: string,
    params: unknown[],
    orderBy: string,
    limit: number,
  ): Promise<InstrumentDefinition[]> {
    const reader = await this.#db.read(({ connection }) =>
      connection.runAndReadAll(
        `SELECT i.id, i.market, i.code, i.name, i.kind, i.product,
           coalesce(list({'source': a.source, 'code': a.code,
             'validFromMs': epoch_ms(a.valid_from)::DOUBLE, 'validToMs': epoch_ms(a.valid_to)::DOUBLE}
             ORDER BY a.source, a.code, a.valid_from) FILTER (WHERE a.source IS NOT NULL), [])::JSON::VARCHAR
         FROM instruments i LEFT JOIN instrument_aliases a ON a.instrument_id = i.id
         WHERE ${where}
         GROUP BY i.id, i.market, i.code, i.name, i.kind, i.product
         ORDER BY ${orderBy} LIMIT ${limit}`,
        params as never,
      ),
    );
    return reader.getRowsJS().map((row) => ({
      id: text(row[0]),
      market: text(row[1]),
      code: text(row[2]),
      name: text(row[3]),
      kind: row[4] as InstrumentKind,
      product: row[5] as InstrumentProduct,
      aliases: JSON.parse(text(row[6])) as InstrumentAlias[],
    }));
  }
}

/** The stored form of an instrument (aliases in stable order), for change detection. */
const normalise = (i: InstrumentDefinition): InstrumentDefinition => ({
  id: i.id,
  market: i.market,
  code: i.code,
  name: i.name,
  kind: i.kind,
  product: i.product,
  aliases: [...i.aliases]
    .map((a) => ({
      source: a.source,
      code: a.code,
      validFromMs: a.validFromMs,
      validToMs: a.validToMs,
    }))
    .sort(
      (a, b) =>
        a.source.localeCompare(b.source) ||
        a.code.localeCompare(b.code) ||
        (a.validFromMs ?? 0) - (b.validFromMs ?? 0),
    ),
});
