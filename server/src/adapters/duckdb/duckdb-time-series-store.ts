import type { MarketRunId } from '../../domain/markets/market.js';
import { emptyPriceBatch, type PriceBatch } from '../../domain/prices/price-batch.js';
import { type SeriesBatch } from '../../domain/series/series-batch.js';
import type { Clock } from '../../platform/clock.js';
import type {
  LatestPriceFilter,
  LatestPrices,
  PriceCoverage,
  PriceReadQuery,
  PriceResampleQuery,
  PriceRevision,
  ResampledPrices,
  SeriesReadQuery,
  TimeSeriesStore,
  WriteResult,
} from '../../ports/time-series-store.js';
import { permute, rowOrder, toPriceBatch } from './price-batches.js';
import { AGGREGATE, bucketSql, keyFilter, runFilter } from './price-sql.js';
import { readColumns, type ReadKind } from './columns.js';
import type { DuckDbDatabase } from './duckdb-database.js';
import { RUN_CODE, runFromCode } from './run-codes.js';
import { PRICE_STAGE_DDL, writePriceBatch } from './price-writer.js';
import { SeriesKeys } from './series-keys.js';
import { DuckDbSeriesTable, SERIES_STAGE_DDL } from './series-table.js';
import { ts, big } from './sql-values.js';

const PRICE_COLUMNS = ['i32', 'u8', 'f64', 'u16', 'f64', 'f64?', 'f64?', 'f64?', 'f64?'] as const;

/** DuckDB implementation of the time-series port (embedded mode). See docs/adr/0004. */
export class DuckDbTimeSeriesStore implements TimeSeriesStore {
  readonly #db: DuckDbDatabase;
  readonly #clock: Clock;
  readonly #keys: SeriesKeys;
  readonly #series: DuckDbSeriesTable;

  private constructor(db: DuckDbDatabase, clock: Clock, keys: SeriesKeys) {
    this.#db = db;
    this.#clock = clock;
    this.#keys = keys;
    this.#series = new DuckDbSeriesTable(db, clock, keys);
  }

  static async create(db: DuckDbDatabase, clock: Clock): Promise<DuckDbTimeSeriesStore> {
    const keys = await SeriesKeys.load(db);
    await db.write(async ({ connection }) => {
      for (const ddl of PRICE_STAGE_DDL) {
        await connection.run(ddl);
      }
      await connection.run(SERIES_STAGE_DDL);
    });
    return new DuckDbTimeSeriesStore(db, clock, keys);
  }

  writePrices(input: PriceBatch): Promise<WriteResult> {
    return writePriceBatch(this.#db, this.#keys, this.#clock.now(), input);
  }

  async readPrices(query: PriceReadQuery): Promise<PriceBatch> {
    const keys = this.#keys.keysOf(query.instrumentIds);
    if (keys.length === 0 || query.limit <= 0) {
      return emptyPriceBatch();
    }
    const select = `SELECT instrument_key, market_run, epoch_ms(interval_start)::DOUBLE, interval_minutes,
        lmp, energy, congestion, loss, ghg
      FROM price_observations
      WHERE superseded_at IS NULL AND ${keyFilter(keys)}${runFilter(query.runs)}
        AND interval_start >= ${ts('$1')} AND interval_start < ${ts('$2')}`;
    const result = await this.#selectWithinLimit(
      select,
      'instrument_key, market_run, interval_start',
      query,
      null,
      PRICE_COLUMNS,
    );
    return toPriceBatch(this.#keys, result.rowCount, result.columns, query.instrumentIds);
  }

  async resamplePrices(query: PriceResampleQuery): Promise<ResampledPrices> {
    const keys = this.#keys.keysOf(query.instrumentIds);
    if (keys.length === 0 || query.limit <= 0) {
      return { prices: emptyPriceBatch(), samples: new Uint32Array(0) };
    }
    const agg = AGGREGATE[query.aggregation];
    const bucketing = bucketSql(query.bucket);
    const select = `WITH src AS (
        SELECT instrument_key, market_run, interval_start, epoch_ms(interval_start) AS t, interval_minutes,
          lmp, energy, congestion, loss, ghg
        FROM price_observations
        WHERE superseded_at IS NULL AND ${keyFilter(keys)}${runFilter(query.runs)}
          AND interval_start >= ${ts('$1')} AND interval_start < ${ts('$2')}
      ), bucketed AS (SELECT *, ${bucketing.columns} FROM src)
      SELECT instrument_key, market_run, bucket_start::DOUBLE, bucket_minutes::USMALLINT,
        ${agg('lmp')}, ${agg('energy')}, ${agg('congestion')}, ${agg('loss')}, ${agg('ghg')}, count(*)::UINTEGER
      FROM bucketed
      GROUP BY instrument_key, market_run, bucket_start, bucket_minutes`;
    const { rowCount, columns } = await this.#selectWithinLimit(
      select,
      'instrument_key, market_run, bucket_start',
      query,
      bucketing.zone,
      [...PRICE_COLUMNS, 'u32'] as const,
    );
    const order = rowOrder(
      this.#keys,
      rowCount,
      columns[0],
      columns[1],
      columns[2],
      query.instrumentIds,
    );
    return {
      prices: toPriceBatch(this.#keys, rowCount, columns, query.instrumentIds, order),
      samples: permute(columns[9], order),
    };
  }

  async latestPrices(filter: LatestPriceFilter): Promise<LatestPrices> {
    const keys =
      filter.instrumentIds !== undefined
        ? this.#keys.keysOf(filter.instrumentIds)
        : filter.market !== undefined
          ? this.#keys.keysWithPrefix(`${filter.market}.`)
          : null;
    if (keys !== null && keys.length === 0) {
      return { prices: emptyPriceBatch(), receivedAtMs: new Float64Array(0) };
    }
    const where = [keys === null ? 'TRUE' : keyFilter(keys)];
    if (filter.runs) {
      where.push(runFilter(filter.runs).replace(/^ AND /, ''));
    }
    const { rowCount, columns } = await this.#db.read(async ({ connection }) =>
      readColumns(
        await connection.run(
          `SELECT instrument_key, market_run, epoch_ms(interval_start)::DOUBLE, interval_minutes,
             lmp, energy, congestion, loss, ghg, epoch_ms(received_at)::DOUBLE
           FROM latest_prices WHERE ${where.join(' AND ')}
           ORDER BY instrument_key, market_run`,
        ),
        ['i32', 'u8', 'f64', 'u16', 'f64', 'f64?', 'f64?', 'f64?', 'f64?', 'f64'] as const,
      ),
    );
    const requested = filter.instrumentIds ?? this.#keys.idsOf(columns[0]);
    const order = rowOrder(this.#keys, rowCount, columns[0], columns[1], columns[2], requested);
    return {
      prices: toPriceBatch(this.#keys, rowCount, columns, requested, order),
      receivedAtMs: permute(columns[9], order),
    };
  }

  async priceRevisions(
    instrumentId: string,
    run: MarketRunId,
    intervalStartMs: number,
  ): Promise<PriceRevision[]> {
    const [key] = this.#keys.keysOf([instrumentId]);
    if (key === undefined) {
      return [];
    }
    const reader = await this.#db.read(async ({ connection }) =>
      connection.runAndReadAll(
        `SELECT revision, lmp, energy, congestion, loss, ghg, epoch_ms(received_at)::DOUBLE, epoch_ms(superseded_at)::DOUBLE
         FROM price_observations
         WHERE instrument_key = $1 AND market_run = $2 AND interval_start = ${ts('$3')}
         ORDER BY revision`,
        [key, RUN_CODE[run], big(intervalStartMs)],
      ),
    );
    return reader.getRowsJS().map((row) => ({
      revision: Number(row[0]),
      lmp: row[1] as number,
      energy: row[2] as number | null,
      congestion: row[3] as number | null,
      loss: row[4] as number | null,
      ghg: row[5] as number | null,
      receivedAtMs: row[6] as number,
      supersededAtMs: row[7] as number | null,
    }));
  }

  async priceCoverage(instrumentIds?: readonly string[]): Promise<PriceCoverage[]> {
    const keys = instrumentIds ? this.#keys.keysOf(instrumentIds) : null;
    if (keys !== null && keys.length === 0) {
      return [];
    }
    const reader = await this.#db.read(async ({ connection }) =>
      connection.runAndReadAll(
        `SELECT instrument_key, market_run, epoch_ms(min(interval_start))::DOUBLE, epoch_ms(max(interval_start))::DOUBLE,
           count(*)::DOUBLE, epoch_ms(max(received_at))::DOUBLE
         FROM price_observations WHERE superseded_at IS NULL${keys ? ` AND ${keyFilter(keys)}` : ''}
         GROUP BY ALL ORDER BY ALL`,
      ),
    );
    return reader.getRowsJS().map((row) => ({
      instrumentId: this.#keys.idOf(Number(row[0])),
      run: runFromCode(Number(row[1])),
      firstIntervalStartMs: row[2] as number,
      lastIntervalStartMs: row[3] as number,
      rows: row[4] as number,
      lastReceivedAtMs: row[5] as number,
    }));
  }

  writeSeries(batch: SeriesBatch): Promise<WriteResult> {
    return this.#series.write(batch);
  }

  readSeries(query: SeriesReadQuery): Promise<SeriesBatch> {
    return this.#series.read(query);
  }

  /**
   * Runs a price select ($1 from, $2 to, $3 limit, optional $4 zone) without ORDER BY and lets the caller sort in
   * JS (see rowOrder); only a result that overflows the limit is re-run ordered, so SQL picks which rows come first.
   */
  async #selectWithinLimit<const K extends readonly ReadKind[]>(
    select: string,
    orderBy: string,
    query: PriceReadQuery,
    zone: string | null,
    kinds: K,
  ) {
    const run = (sql: string, limit: number) =>
      this.#db.read(async (pooled) => {
        const statement = await pooled.prepare(sql);
        statement.bindBigInt(1, big(query.range.fromMs));
        statement.bindBigInt(2, big(query.range.toMs));
        statement.bindBigInt(3, BigInt(limit));
        if (zone !== null) {
          statement.bindVarchar(4, zone);
        }
        return readColumns(await statement.run(), kinds);
      });
    const unordered = await run(`${select} LIMIT $3`, query.limit + 1);
    return unordered.rowCount <= query.limit
      ? unordered
      : run(`${select} ORDER BY ${orderBy} LIMIT $3`, query.limit);
  }

  async ping(): Promise<void> {
    await this.#db.read(({ connection }) => connection.run('SELECT 1'));
  }

  async close(): Promise<void> {
    await this.#db.close();
  }

  /** Row order that lists instruments as the caller asked for them (SQL orders by internal key). */
}
