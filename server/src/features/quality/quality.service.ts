import type { Principal } from '../../domain/access/principal.js';
import type { MarketRunId } from '../../domain/markets/market.js';
import {
  freshnessGraceMs,
  judgeFreshness,
  type FreshnessStatus,
} from '../../domain/quality/freshness.js';
import { completenessProblem } from '../../domain/quality/completeness.js';
import { DEFAULT_PRICE_RANGE, type PriceRange } from '../../domain/quality/price-checks.js';
import type { QualityProblem } from '../../domain/quality/quality-check.js';
import type { IsoDate } from '../../domain/time/zoned.js';
import type { Clock } from '../../platform/clock.js';
import { notFound } from '../../platform/errors.js';
import type { Logger } from '../../platform/logger.js';
import type { FeedData, MarketFeed } from '../../ports/market-feed.js';
import type { InstrumentScope, MetadataStore } from '../../ports/metadata-store.js';
import type {
  DayCompleteness,
  ProblemCount,
  QualityStore,
  StoredProblem,
} from '../../ports/quality-store.js';
import type { WriteResult } from '../../ports/time-series-store.js';
import type { AccessService } from '../access/access.service.js';
import type { RequestContext } from '../access/request-context.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import type { IngestBatchContext, QualityGate } from '../ingest/quality-gate.js';
import { checkBatch, completenessEvidence, newestIntervalEnd } from './batch-quality.js';
import {
  MAX_SUMMARY_DAYS,
  parseDayRange,
  parseOptionalDays,
  parseProblemFilters,
} from './quality-params.js';

export type { DayCompleteness, ProblemCount, StoredProblem };

/** How current one feed dataset is: the newest stored interval against what the source has published. */
export interface DatasetFreshness {
  readonly market: string;
  readonly feed: string;
  readonly dataset: string;
  readonly kind: 'prices' | 'series';
  readonly run: MarketRunId | null;
  readonly description: string;
  readonly status: FreshnessStatus;
  readonly newestIntervalEndMs: number | null;
  /** What the source had published `graceMs` ago, which should be stored by now. */
  readonly expectedUntilMs: number;
  readonly graceMs: number;
  readonly lagMs: number | null;
  readonly lastIngestAtMs: number | null;
  /** Where the newest interval comes from: the quality gate's record, or (for data stored before it) the checkpoint. */
  readonly basis: 'ingest' | 'checkpoint' | 'none';
  readonly message: string;
}

export interface QualitySummaryQuery {
  readonly market?: string | undefined;
  readonly feed?: string | undefined;
  readonly dataset?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

export interface QualitySummary {
  readonly fromDay: IsoDate;
  readonly toDay: IsoDate;
  readonly generatedAtMs: number;
  readonly freshness: DatasetFreshness[];
  readonly completeness: DayCompleteness[];
  /** Open problems in the range per dataset, check and severity. */
  readonly problems: ProblemCount[];
}

export interface ProblemQuery extends QualitySummaryQuery {
  readonly check?: string | undefined;
  readonly severity?: string | undefined;
  readonly instrument?: string | undefined;
  readonly status?: string | undefined;
  readonly limit?: number | undefined;
  readonly cursor?: string | undefined;
}

const DEFAULT_PAGE = 100;

/**
 * Data quality on every ingest, and what it found. As the ingest's `QualityGate` it checks each parsed batch
 * before it is stored (ADR 0010), records the problems, and after the write records completeness and freshness.
 * As a use case it serves those records to callers, filtered by the markets and instruments they may list.
 */
export class QualityService implements QualityGate {
  readonly #store: QualityStore;
  readonly #metadata: MetadataStore;
  readonly #access: AccessService;
  readonly #feeds: readonly MarketFeed[];
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #priceRange: PriceRange;

  constructor(deps: {
    store: QualityStore;
    metadata: MetadataStore;
    access: AccessService;
    feeds: readonly MarketFeed[];
    clock: Clock;
    logger: Logger;
    priceRange?: PriceRange;
  }) {
    this.#store = deps.store;
    this.#metadata = deps.metadata;
    this.#access = deps.access;
    this.#feeds = deps.feeds;
    this.#clock = deps.clock;
    this.#logger = deps.logger;
    this.#priceRange = deps.priceRange ?? DEFAULT_PRICE_RANGE;
  }

  async inspect(context: IngestBatchContext, data: FeedData): Promise<FeedData> {
    const checked = checkBatch(context, data, this.#priceRange);
    const { open, resolved } = await this.#store.replaceProblems(
      { ...targetOf(context), source: context.source },
      checked.findings,
      checked.coverage,
      this.#clock.now(),
    );
    if (open > 0) {
      this.#logger.warn(
        {
          feed: context.feed.id,
          dataset: context.dataset.id,
          source: context.source,
          problems: open,
          resolved,
          withheldRows: checked.withheld,
          checks: [...new Set(checked.findings.map((p) => p.check))],
        },
        'data quality problems found; see 254carbon quality problems',
      );
    }
    return checked.data;
  }

  async stored(context: IngestBatchContext, data: FeedData, result: WriteResult): Promise<void> {
    const atMs = this.#clock.now();
    const target = targetOf(context);
    const evidence = completenessEvidence(context, data);
    const incomplete = await this.#store.mergeCompleteness({
      ...target,
      coverage: evidence.coverage,
      presence: evidence.presence,
      atMs,
    });
    const zone = context.feed.market.timezone;
    const problems = incomplete
      .map((d) => completenessProblem(zone, d.subject, d.day, d.intervalMinutes, d.present))
      .filter((p): p is QualityProblem => p !== null);
    await this.#store.putCompletenessProblems(
      { ...target, source: context.source },
      evidence.days,
      problems,
      atMs,
    );
    await this.#store.recordIngest({
      ...target,
      atMs,
      newestIntervalEndMs: newestIntervalEnd(data),
      rows: result.inserted + result.revised + result.unchanged,
      source: context.source,
    });
  }

  /** Freshness per feed dataset, completeness per day and open problem counts, for a range of local days. */
  async summary(
    principal: Principal | null,
    query: QualitySummaryQuery,
    context: RequestContext,
  ): Promise<QualitySummary> {
    const p = await this.#access.requireDataAccess(
      principal,
      'data:read',
      'quality.summary',
      context,
    );
    const nowMs = this.#clock.now();
    const days = parseDayRange(query.from, query.to, todayUtc(nowMs), MAX_SUMMARY_DAYS);
    const feeds = await this.#visibleFeeds(p, query);
    const filter = { ...(await this.#scopeFilter(p)), ...selection(query), ...days };
    const [freshness, completeness, problems] = await Promise.all([
      this.#freshness(feeds, query.dataset, nowMs),
      this.#store.completeness(filter),
      this.#store.countProblems({ ...filter, status: 'open' }),
    ]);
    return { ...days, generatedAtMs: nowMs, freshness, completeness, problems };
  }

  /** Problems found on ingest, newest day first, keyset-paged. */
  async problems(
    principal: Principal | null,
    query: ProblemQuery,
    context: RequestContext,
  ): Promise<{ items: readonly StoredProblem[]; nextCursor: string | null }> {
    const p = await this.#access.requireDataAccess(
      principal,
      'data:read',
      'quality.problems',
      context,
    );
    const filters = parseProblemFilters(query);
    const days = parseOptionalDays(query.from, query.to);
    await this.#visibleFeeds(p, query);
    const page = await this.#store.listProblems(
      {
        ...(await this.#scopeFilter(p)),
        ...selection(query),
        ...days,
        ...filters,
        ...(query.instrument ? { instrumentId: query.instrument } : {}),
      },
      { limit: query.limit ?? DEFAULT_PAGE, after: decodeCursor(query.cursor) },
    );
    return { items: page.items, nextCursor: encodeCursor(page.next) };
  }

  /**
   * The feeds whose quality the caller may see (markets it holds grants in), narrowed by the query. A market or
   * feed the caller may not see is reported as unknown, so other tenants' markets cannot be probed.
   */
  async #visibleFeeds(principal: Principal, query: QualitySummaryQuery): Promise<MarketFeed[]> {
    const allowed = await this.#access.marketsOf(principal);
    const visible = this.#feeds.filter((f) => allowed === null || allowed.has(f.market.id));
    const markets = [...new Set(visible.map((f) => f.market.id))].sort();
    if (query.market && !markets.includes(query.market)) {
      throw notFound(
        `Unknown market "${query.market}". Markets with quality records you may see: ${markets.join(', ') || 'none'}.`,
      );
    }
    const inMarket = visible.filter((f) => !query.market || f.market.id === query.market);
    if (query.feed && !inMarket.some((f) => f.id === query.feed)) {
      throw notFound(
        `Unknown feed "${query.feed}". Feeds: ${inMarket.map((f) => f.id).join(', ') || 'none'}.`,
      );
    }
    return inMarket.filter((f) => !query.feed || f.id === query.feed);
  }

  async #scopeFilter(principal: Principal): Promise<{ scope?: InstrumentScope[] }> {
    const scope = await this.#access.scopeOf(principal);
    return scope === null ? {} : { scope };
  }

  async #freshness(
    feeds: readonly MarketFeed[],
    datasetId: string | undefined,
    nowMs: number,
  ): Promise<DatasetFreshness[]> {
    const statuses = new Map(
      (await this.#store.ingestStatuses()).map((s) => [`${s.feed}/${s.dataset}`, s]),
    );
    const rows: DatasetFreshness[] = [];
    for (const feed of feeds) {
      for (const dataset of feed.datasets) {
        if (datasetId && dataset.id !== datasetId) {
          continue;
        }
        const status = statuses.get(`${feed.id}/${dataset.id}`);
        const checkpoint = status ? null : await this.#metadata.getCheckpoint(feed.id, dataset.id);
        const newestIntervalEndMs = status?.newestIntervalEndMs ?? checkpoint?.watermarkMs ?? null;
        const run = dataset.run ?? null;
        const graceMs = freshnessGraceMs(run);
        const expectedUntilMs = this.#publishedUntil(feed, dataset.id, nowMs - graceMs);
        const verdict = judgeFreshness({
          zone: feed.market.timezone,
          nowMs,
          expectedUntilMs,
          graceMs,
          newestIntervalEndMs,
        });
        rows.push({
          market: feed.market.id,
          feed: feed.id,
          dataset: dataset.id,
          kind: dataset.kind,
          run,
          description: dataset.description,
          ...verdict,
          newestIntervalEndMs,
          expectedUntilMs,
          graceMs,
          lastIngestAtMs: status?.lastIngestAtMs ?? checkpoint?.updatedAtMs ?? null,
          basis: status ? 'ingest' : checkpoint ? 'checkpoint' : 'none',
        });
      }
    }
    return rows;
  }

  /** What a feed says it had published; a feed that cannot say must not take the whole report down. */
  #publishedUntil(feed: MarketFeed, datasetId: string, atMs: number): number {
    try {
      return feed.publishedUntil(datasetId, atMs);
    } catch (error) {
      this.#logger.warn({ feed: feed.id, dataset: datasetId, err: error }, 'publishedUntil failed');
      return atMs;
    }
  }
}

const targetOf = (context: IngestBatchContext) => ({
  market: context.feed.market.id,
  feed: context.feed.id,
  dataset: context.dataset.id,
});

const selection = (query: QualitySummaryQuery) => ({
  ...(query.market ? { market: query.market } : {}),
  ...(query.feed ? { feed: query.feed } : {}),
  ...(query.dataset ? { dataset: query.dataset } : {}),
});

const todayUtc = (nowMs: number): IsoDate => new Date(nowMs).toISOString().slice(0, 10);
