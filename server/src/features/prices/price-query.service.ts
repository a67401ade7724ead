import {
  isMarketRunId,
  type MarketDefinition,
  type MarketRunId,
} from '../../domain/markets/market.js';
import type { PriceBatch } from '../../domain/prices/price-batch.js';
import {
  estimatePriceRows,
  nominalBucketMinutes,
  resampleBucket,
  type Aggregation,
  type ResampleFrequency,
} from '../../domain/prices/price-query.js';
import type { TimeRange } from '../../domain/time/interval.js';
import { invalidRequest, type FieldProblem } from '../../platform/errors.js';
import type { TimeSeriesStore } from '../../ports/time-series-store.js';
import type { Principal } from '../../domain/access/principal.js';
import type { AccessService } from '../access/access.service.js';
import type { RequestContext } from '../access/request-context.js';
import type { CatalogService, InstrumentView } from '../catalog/catalog.service.js';
import {
  mixedZoneMessage,
  parseAggregation,
  parseRange,
  parseResample,
  parseRuns,
  splitList,
  throwIf,
  zoneFor,
} from './price-query-params.js';

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

/** A validated price query the caller may run, with an upper bound of its rows. */
export interface PricePlan {
  readonly ids: readonly string[];
  readonly runs: readonly MarketRunId[];
  readonly range: TimeRange;
  readonly resample: ResampleFrequency | null;
  readonly aggregation: Aggregation | null;
  /** The zone of local buckets and date-only bounds; null when the markets' zones differ. */
  readonly zone: string | null;
  readonly estimate: number;
}

export interface LatestPriceInput {
  readonly market?: string | undefined;
  readonly instruments?: string | undefined;
  readonly runs?: string | undefined;
}

/** The most instruments one request may name; more belongs in an export. */
export const MAX_INSTRUMENTS_PER_QUERY = 100;

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
   * Validates a price query and checks the caller's access to it without reading anything: what `query` reads,
   * and what an export writes to a file. Returns the validated query and an upper bound of its rows.
   */
  async plan(
    principal: Principal | null,
    input: PriceQueryInput,
    context: RequestContext,
    options: { action: string; asFile: boolean; maxInstruments?: number },
  ): Promise<PricePlan> {
    const { action } = options;
    const maxInstruments = options.maxInstruments ?? MAX_INSTRUMENTS_PER_QUERY;
    const caller = await this.#access.requireDataAccess(
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
    } else if (ids.length > maxInstruments) {
      problems.push({
        field: 'instruments',
        message: `at most ${maxInstruments} instruments per request (got ${ids.length})${options.asFile && maxInstruments === MAX_INSTRUMENTS_PER_QUERY ? '; use an export for more' : ''}`,
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
    return {
      ids,
      runs,
      range: safeRange,
      resample,
      aggregation: resample === null ? null : aggregation,
      zone,
      estimate,
    };
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
    const plan = await this.plan(principal, input, context, { action, asFile: options.asFile });
    const { ids, runs, resample, aggregation, estimate } = plan;
    const safeRange = plan.range;
    if (estimate > this.#maxRows) {
      throw this.#tooManyRows(`about ${estimate.toLocaleString('en-US')}`, resample);
    }
    const zone = plan.zone;
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
    const p = await this.#access.requireDataAccess(
      principal,
      'data:read',
      'prices.latest',
      context,
    );
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
