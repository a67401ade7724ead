import {
  isMarketRunId,
  type MarketDefinition,
  type MarketRunId,
} from '../../domain/markets/market.js';
import type { PriceBatch } from '../../domain/prices/price-batch.js';
import {
  AGGREGATIONS,
  estimatePriceRows,
  nominalBucketMinutes,
  RESAMPLE_FREQUENCIES,
  resampleBucket,
  type Aggregation,
  type ResampleFrequency,
} from '../../domain/prices/price-query.js';
import type { TimeRange } from '../../domain/time/interval.js';
import { parseInstant } from '../../domain/time/parse-instant.js';
import { isValidTimeZone } from '../../domain/time/zoned.js';
import { invalidRequest, type FieldProblem } from '../../platform/errors.js';
import type { TimeSeriesStore } from '../../ports/time-series-store.js';
import type { Principal } from '../../domain/access/principal.js';
import type { AccessService } from '../access/access.service.js';
import type { RequestContext } from '../access/request-context.js';
import type { CatalogService, InstrumentView } from '../catalog/catalog.service.js';

/** A price query as a caller phrases it (query string or CLI options), before validation. */
export interface PriceQueryInput {
  readonly instruments: string;
  readonly start: string;
  readonly end: string;
  readonly runs?: string | undefined;
  readonly resample?: string | undefined;
  readonly agg?: string | undefined;
  readonly tz?: string | undefined;
}

export interface PriceQueryResult {
  readonly prices: PriceBatch;
  /** Source intervals per bucket when resampled; null for raw intervals. */
  readonly samples: Uint32Array | null;
  readonly instruments: readonly string[];
  readonly runs: readonly MarketRunId[];
  readonly range: TimeRange;
  readonly resample: ResampleFrequency | null;
  readonly aggregation: Aggregation | null;
  readonly rowLimit: number;
}

export interface LatestPriceInput {
  readonly market?: string | undefined;
  readonly instruments?: string | undefined;
  readonly runs?: string | undefined;
}

/** The most instruments one request may name; more belongs in an export. */
export const MAX_INSTRUMENTS_PER_QUERY = 100;

const splitList = (text: string | undefined): string[] =>
  text === undefined
    ? []
    : [
        ...new Set(
          text
            .split(',')
            .map((s) => s.trim())
            .filter((s) => s !== ''),
        ),
      ];

/**
 * Validates and runs price queries: raw intervals or resampled buckets for a set of instruments and runs.
 * Every rejection names the parameter and says what to change; nothing here writes.
 */
export class PriceQueryService {
  readonly #catalog: CatalogService;
  readonly #access: AccessService;
  readonly #store: TimeSeriesStore;
  readonly #maxRows: number;

  constructor(deps: {
    catalog: CatalogService;
    access: AccessService;
    store: TimeSeriesStore;
    maxRows: number;
  }) {
    this.#catalog = deps.catalog;
    this.#access = deps.access;
    this.#store = deps.store;
    this.#maxRows = deps.maxRows;
  }

  /**
   * Runs a price query for a caller. Order of refusals: not signed in (401), role (403), malformed input (400),
   * unknown instruments (404), not entitled to the instruments, range or channel (403), too large (400).
   */
  async query(
    principal: Principal | null,
    input: PriceQueryInput,
    context: RequestContext,
    options: { asFile: boolean } = { asFile: false },
  ): Promise<PriceQueryResult> {
    const action = options.asFile ? 'prices.download' : 'prices.read';
    const caller = this.#access.requirePermission(
      principal,
      options.asFile ? 'data:export' : 'data:read',
      action,
      context,
    );
    const ids = splitList(input.instruments);
    const problems: FieldProblem[] = [];
    if (ids.length === 0) {
      problems.push({
        field: 'instruments',
        message: 'name at least one instrument, e.g. instruments=SIM.HUB_NORTH',
      });
    } else if (ids.length > MAX_INSTRUMENTS_PER_QUERY) {
      problems.push({
        field: 'instruments',
        message: `at most ${MAX_INSTRUMENTS_PER_QUERY} instruments per request (got ${ids.length}); use an export for more`,
      });
    }
    const resample = parseResample(input.resample, problems);
    const aggregation = parseAggregation(input.agg, resample, problems);
    throwIf(problems);

    const instruments = await this.#catalog.resolveInstruments(ids);
    const markets = await this.#marketsOf(instruments);
    const runs = parseRuns(input.runs, markets, problems);
    const zone = zoneFor(input.tz, markets, problems);
    throwIf(problems);

    const range = parseRange(input.start, input.end, zone, problems);
    if (resample !== null && (resample === '1d' || resample === '1mo') && zone === null) {
      problems.push({ field: 'tz', message: mixedZoneMessage(markets) });
    }
    throwIf(problems);
    const safeRange = range as TimeRange;
    await this.#access.requireData(
      caller,
      {
        instruments: instruments.map((i) => ({ id: i.id, market: i.market, product: i.product })),
        range: safeRange,
        asFile: options.asFile,
      },
      action,
      context,
    );

    // The shortest interval any of the markets publishes for a run bounds the row count from above.
    const runMinutes = runs.map((run) =>
      Math.min(
        ...markets.flatMap((m) => m.runs.filter((r) => r.id === run).map((r) => r.intervalMinutes)),
      ),
    );
    const estimate = estimatePriceRows(
      instruments.length,
      runMinutes,
      safeRange,
      resample === null ? null : nominalBucketMinutes(resample),
    );
    if (estimate > this.#maxRows) {
      throw this.#tooManyRows(`about ${estimate.toLocaleString('en-US')}`, resample);
    }
    const base = { instrumentIds: ids, runs, range: safeRange, limit: this.#maxRows + 1 };
    const result =
      resample === null
        ? { prices: await this.#store.readPrices(base), samples: null }
        : await this.#store
            .resamplePrices({
              ...base,
              bucket: resampleBucket(resample, zone ?? 'UTC'),
              aggregation: aggregation as Aggregation,
            })
            .then((r) => ({ prices: r.prices, samples: r.samples }));
    if (result.prices.length > this.#maxRows) {
      throw this.#tooManyRows('more than that', resample);
    }
    return {
      ...result,
      instruments: ids,
      runs,
      range: safeRange,
      resample,
      aggregation: resample === null ? null : aggregation,
      rowLimit: this.#maxRows,
    };
  }

  /** The newest interval per instrument and run, for a market or a list of instruments. */
  async latest(
    principal: Principal | null,
    input: LatestPriceInput,
    context: RequestContext,
  ): Promise<{ prices: PriceBatch; receivedAtMs: Float64Array }> {
    const p = this.#access.requirePermission(principal, 'data:read', 'prices.latest', context);
    const problems: FieldProblem[] = [];
    const ids = splitList(input.instruments);
    if (ids.length > MAX_INSTRUMENTS_PER_QUERY) {
      problems.push({
        field: 'instruments',
        message: `at most ${MAX_INSTRUMENTS_PER_QUERY} instruments per request`,
      });
    }
    throwIf(problems);
    if (input.market !== undefined) {
      await this.#catalog.getMarketFor(p, input.market, context);
    }
    if (ids.length > 0) {
      const named = await this.#catalog.resolveInstruments(ids);
      await this.#access.requireData(
        p,
        {
          instruments: named.map((i) => ({ id: i.id, market: i.market, product: i.product })),
          range: null,
          asFile: false,
        },
        'prices.latest',
        context,
      );
    }
    const runList = splitList(input.runs);
    for (const run of runList) {
      if (!isMarketRunId(run)) {
        problems.push({
          field: 'runs',
          message: `"${run}" is not a market run (DA, RT5, RT15, RT60, HASP)`,
        });
      }
    }
    throwIf(problems);
    const latest = await this.#store.latestPrices({
      ...(ids.length > 0 ? { instrumentIds: ids } : {}),
      ...(input.market !== undefined ? { market: input.market } : {}),
      ...(runList.length > 0 ? { runs: runList as MarketRunId[] } : {}),
    });
    return this.#onlyListable(p, latest);
  }

  /** Keeps the rows of instruments the caller may see (a market-wide latest must not show other grants' nodes). */
  async #onlyListable(
    principal: Principal,
    latest: { prices: PriceBatch; receivedAtMs: Float64Array },
  ): Promise<{ prices: PriceBatch; receivedAtMs: Float64Array }> {
    const ids = latest.prices.instrumentIds;
    const views = await this.#catalog.resolveInstruments(ids).catch(() => null);
    const allowed = new Set<number>();
    for (const [slot, id] of ids.entries()) {
      const view = views?.find((v) => v.id === id);
      if (view && (await this.#access.mayList(principal, view))) {
        allowed.add(slot);
      }
    }
    const keep = Uint32Array.from({ length: latest.prices.length }, (_, i) => i).filter((i) =>
      allowed.has(latest.prices.instrumentIndex[i] as number),
    );
    return keep.length === latest.prices.length ? latest : selectRows(latest, keep);
  }

  async #marketsOf(instruments: readonly InstrumentView[]): Promise<MarketDefinition[]> {
    const ids = [...new Set(instruments.map((i) => i.market))];
    return Promise.all(ids.map((id) => this.#catalog.getMarket(id)));
  }

  #tooManyRows(amount: string, resample: ResampleFrequency | null): Error {
    const hint =
      resample === null
        ? 'shorten the time range, ask for fewer instruments or runs, or resample (for example resample=1h)'
        : 'shorten the time range, ask for fewer instruments or runs, or use a coarser resample (1d or 1mo)';
    return invalidRequest(
      `This query would return ${amount} rows; the limit per response is ${this.#maxRows.toLocaleString('en-US')}. To narrow it: ${hint}.`,
      [{ field: 'start', message: 'time range too long for one response' }],
    );
  }
}

const throwIf = (problems: FieldProblem[]): void => {
  if (problems.length > 0) {
    throw invalidRequest(problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);
  }
};

const parseResample = (
  value: string | undefined,
  problems: FieldProblem[],
): ResampleFrequency | null => {
  if (value === undefined || value === '') {
    return null;
  }
  if ((RESAMPLE_FREQUENCIES as readonly string[]).includes(value)) {
    return value as ResampleFrequency;
  }
  problems.push({
    field: 'resample',
    message: `"${value}" is not a bucket size; use one of ${RESAMPLE_FREQUENCIES.join(', ')}`,
  });
  return null;
};

const parseAggregation = (
  value: string | undefined,
  resample: ResampleFrequency | null,
  problems: FieldProblem[],
): Aggregation | null => {
  if (value === undefined || value === '') {
    return resample === null ? null : 'avg';
  }
  if (!(AGGREGATIONS as readonly string[]).includes(value)) {
    problems.push({
      field: 'agg',
      message: `"${value}" is not an aggregation; use one of ${AGGREGATIONS.join(', ')}`,
    });
    return null;
  }
  if (resample === null) {
    problems.push({
      field: 'agg',
      message: 'an aggregation needs resample (e.g. resample=1h&agg=max)',
    });
  }
  return value as Aggregation;
};

const parseRuns = (
  value: string | undefined,
  markets: readonly MarketDefinition[],
  problems: FieldProblem[],
): MarketRunId[] => {
  const offered = [...new Set(markets.flatMap((m) => m.runs.map((r) => r.id)))];
  const asked = splitList(value);
  if (asked.length === 0) {
    return offered;
  }
  const runs: MarketRunId[] = [];
  for (const run of asked) {
    if (!isMarketRunId(run) || !offered.includes(run)) {
      problems.push({
        field: 'runs',
        message: `"${run}" is not published for ${markets.map((m) => m.id).join(', ')}; available: ${offered.join(', ')}`,
      });
    } else {
      runs.push(run);
    }
  }
  return runs;
};

/** The zone date-only times and local-calendar buckets are read in; null when markets disagree and none was given. */
const zoneFor = (
  value: string | undefined,
  markets: readonly MarketDefinition[],
  problems: FieldProblem[],
): string | null => {
  if (value === undefined || value === '' || value === 'market') {
    const zones = [...new Set(markets.map((m) => m.timezone))];
    return zones.length === 1 ? (zones[0] as string) : null;
  }
  if (value.toUpperCase() === 'UTC') {
    return 'UTC';
  }
  if (!isValidTimeZone(value)) {
    problems.push({
      field: 'tz',
      message: `"${value}" is not a time zone; use market, UTC or an IANA name such as America/Chicago`,
    });
    return null;
  }
  return value;
};

const mixedZoneMessage = (markets: readonly MarketDefinition[]): string =>
  `the instruments belong to markets in different time zones (${markets.map((m) => `${m.id}: ${m.timezone}`).join(', ')}); ` +
  'give tz=UTC or an IANA zone';

const parseRange = (
  start: string,
  end: string,
  zone: string | null,
  problems: FieldProblem[],
): TimeRange | null => {
  const read = (field: 'start' | 'end', text: string): number | null => {
    if (text === undefined || text.trim() === '') {
      problems.push({
        field,
        message: `${field} is required: a bounded time range keeps responses fast (e.g. ${field}=2026-01-15)`,
      });
      return null;
    }
    try {
      const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(text.trim());
      if (dateOnly && zone === null) {
        problems.push({
          field,
          message: 'a date without a time needs tz (the instruments span several time zones)',
        });
        return null;
      }
      return parseInstant(text, zone ?? 'UTC');
    } catch (error) {
      problems.push({ field, message: error instanceof Error ? error.message : String(error) });
      return null;
    }
  };
  const fromMs = read('start', start);
  const toMs = read('end', end);
  if (fromMs === null || toMs === null) {
    return null;
  }
  if (toMs <= fromMs) {
    problems.push({
      field: 'end',
      message: `end (${new Date(toMs).toISOString()}) must be after start (${new Date(fromMs).toISOString()})`,
    });
    return null;
  }
  return { fromMs, toMs };
};

/** The chosen rows of a latest-price result, with their dictionaries kept (unused slots are harmless). */
const selectRows = (
  latest: { prices: PriceBatch; receivedAtMs: Float64Array },
  rows: Uint32Array,
): { prices: PriceBatch; receivedAtMs: Float64Array } => {
  const pick = <T extends Float64Array | Uint32Array | Uint16Array | Uint8Array>(column: T): T => {
    const out = new (column.constructor as new (n: number) => T)(rows.length);
    rows.forEach((row, i) => {
      out[i] = column[row] as number;
    });
    return out;
  };
  const p = latest.prices;
  return {
    prices: {
      ...p,
      length: rows.length,
      instrumentIndex: pick(p.instrumentIndex),
      runIndex: pick(p.runIndex),
      intervalStartMs: pick(p.intervalStartMs),
      intervalMinutes: pick(p.intervalMinutes),
      lmp: pick(p.lmp),
      energy: pick(p.energy),
      congestion: pick(p.congestion),
      loss: pick(p.loss),
      ghg: pick(p.ghg),
    },
    receivedAtMs: pick(latest.receivedAtMs),
  };
};
