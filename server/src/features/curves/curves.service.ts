import type { Principal } from '../../domain/access/principal.js';
import { OPERATOR_TENANT } from '../../domain/access/roles.js';
import { curveCalendar } from '../../domain/curves/curve-calendars.js';
import type { CurveDefinition, CurveRun, ForwardQuote } from '../../domain/curves/curve-model.js';
import { localDateOf, type IsoDate } from '../../domain/time/zoned.js';
import type { MarketDefinition } from '../../domain/markets/market.js';
import type { Clock } from '../../platform/clock.js';
import { notFound, type AppError, type FieldProblem } from '../../platform/errors.js';
import type { Logger } from '../../platform/logger.js';
import type { Bus } from '../../ports/bus.js';
import type { CurveStore, DefinitionWrite } from '../../ports/curve-store.js';
import type { MetadataStore } from '../../ports/metadata-store.js';
import type { TimeSeriesStore } from '../../ports/time-series-store.js';
import type { AccessService } from '../access/access.service.js';
import type { AuditService } from '../access/audit.service.js';
import { SYSTEM_CONTEXT, type RequestContext } from '../access/request-context.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { resolveDefinition, type CurveDefinitionInput } from './curve-definition-input.js';
import { parseDay, parseScenario, throwIf } from './curve-query-params.js';
import {
  joinPeriods,
  readDiffQuery,
  readSeriesQuery,
  servedSeries,
  type DiffQueryText,
  type SeriesQueryText,
} from './curve-reads.js';
import { checkQuotes, type QuoteOrigin, type QuoteRow } from './curve-quotes.js';
import {
  summaryOfRun,
  type BuildOutcome,
  type CurveDiffResult,
  type CurveListEntry,
  type CurveRunSummary,
  type CurveSeriesResult,
  type QuoteLoad,
  type QuoteLoadResult,
  type ScheduledBuild,
} from './curve-results.js';
import { by, type Actor } from './curve-actor.js';
import { CurveRunner } from './curve-runner.js';

export type {
  BuildOutcome,
  CurveDiffResult,
  CurveListEntry,
  CurveRunSummary,
  CurveSeriesResult,
  QuoteLoad,
  QuoteLoadResult,
  ScheduledBuild,
};
export type { CurveDefinitionInput, QuoteRow, QuoteOrigin };
export type CurveSeriesQuery = SeriesQueryText;
export type CurveDiffQuery = DiffQueryText;

const DEFAULT_PAGE = 100;

/**
 * Forward curves as a use case: define a curve, load its quotes, build it (an immutable run per as-of date and
 * scenario), and serve its prices, vintages, diagnostics and changes. Reading needs data access to the curve
 * (a grant for its market and product `curve` through the caller's channel); defining, loading and building need
 * `curves:write`. Every change is audited; reads are audited by the entitlement check.
 */
export class CurvesService {
  readonly #store: CurveStore;
  readonly #metadata: MetadataStore;
  readonly #access: AccessService;
  readonly #audit: AuditService;
  readonly #bus: Bus | null;
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #maxRows: number;
  readonly #runner: CurveRunner;
  readonly #knownMarkets: readonly MarketDefinition[];

  constructor(deps: {
    store: CurveStore;
    timeSeries: TimeSeriesStore;
    metadata: MetadataStore;
    access: AccessService;
    audit: AuditService;
    bus?: Bus;
    clock: Clock;
    logger: Logger;
    maxRows: number;
    /**
     * Markets the platform has connectors for, stored with the first curve defined on them: a desk marks a PJM
     * curve before (or without) ingesting PJM prices.
     */
    knownMarkets?: readonly MarketDefinition[];
  }) {
    this.#store = deps.store;
    this.#metadata = deps.metadata;
    this.#access = deps.access;
    this.#audit = deps.audit;
    this.#bus = deps.bus ?? null;
    this.#clock = deps.clock;
    this.#logger = deps.logger;
    this.#maxRows = deps.maxRows;
    this.#knownMarkets = deps.knownMarkets ?? [];
    this.#runner = new CurveRunner({
      store: deps.store,
      timeSeries: deps.timeSeries,
      clock: deps.clock,
    });
  }

  // ---- reading ----

  /** The curves the caller may see, with the as-of date of each one's latest base run. */
  async list(principal: Principal | null, context: RequestContext): Promise<CurveListEntry[]> {
    const p = await this.#access.requireDataAccess(principal, 'data:read', 'curves.list', context);
    const latest = new Map((await this.#store.latestRuns('base')).map((s) => [s.curveId, s.asOf]));
    const entries: CurveListEntry[] = [];
    for (const definition of await this.#store.listDefinitions()) {
      if (await this.#access.mayList(p, curveItem(definition))) {
        entries.push({ definition, latestAsOf: latest.get(definition.id) ?? null });
      }
    }
    return entries;
  }

  /** One curve and its latest base run; a curve the caller may not see is reported as unknown. */
  async get(
    principal: Principal | null,
    curveId: string,
    context: RequestContext,
  ): Promise<{ definition: CurveDefinition; latestRun: CurveRunSummary | null }> {
    const p = await this.#access.requireDataAccess(principal, 'data:read', 'curves.get', context);
    const definition = await this.#store.getDefinition(curveId);
    if (definition === null || !(await this.#access.mayList(p, curveItem(definition)))) {
      throw unknownCurve(curveId);
    }
    const latest = await this.#store.listRuns(curveId, { scenario: 'base' }, { limit: 1 });
    return { definition, latestRun: latest.items[0] ?? null };
  }

  /**
   * Prices of the latest run at or before an as-of date (or the latest run), at a granularity and bucket, over an
   * optional window of delivery days. Refused with a 400 that says how to narrow it when it would exceed the
   * response limit (hourly to 2050 is about 220,000 rows).
   */
  async series(
    principal: Principal | null,
    curveId: string,
    query: CurveSeriesQuery,
    context: RequestContext,
    // Exports pass their own action and a larger row cap (a file is not one response).
    options: { asFile: boolean; action?: string; maxRows?: number } = { asFile: false },
  ): Promise<CurveSeriesResult> {
    const action = options.action ?? (options.asFile ? 'curves.download' : 'curves.read');
    const maxRows = options.maxRows ?? this.#maxRows;
    const definition = await this.#readable(principal, curveId, action, context, options.asFile);
    const selection = readSeriesQuery(definition, query);
    const run = await this.#runAt(definition, selection.scenario, selection.asOf, 'asOf');
    const [points = []] = servedSeries(definition, [run.values], selection, maxRows);
    return {
      definition,
      run: summaryOfRun(run),
      granularity: selection.granularity,
      bucket: selection.bucket,
      points,
      rowLimit: maxRows,
    };
  }

  /** The runs (vintages) of a curve, newest as-of first; keyset-paged. */
  async runs(
    principal: Principal | null,
    curveId: string,
    query: {
      scenario?: string | undefined;
      limit?: number | undefined;
      cursor?: string | undefined;
    },
    context: RequestContext,
  ): Promise<{ items: readonly CurveRunSummary[]; nextCursor: string | null }> {
    await this.#readable(principal, curveId, 'curves.runs', context);
    const problems: FieldProblem[] = [];
    const scenario =
      query.scenario === undefined ? undefined : parseScenario(query.scenario, problems);
    throwIf(problems);
    const page = await this.#store.listRuns(curveId, scenario === undefined ? {} : { scenario }, {
      limit: query.limit ?? DEFAULT_PAGE,
      after: decodeCursor(query.cursor),
    });
    return { items: page.items, nextCursor: encodeCursor(page.next) };
  }

  /** One run with its diagnostics and the quotes it was built from. */
  async run(
    principal: Principal | null,
    curveId: string,
    runId: string,
    context: RequestContext,
  ): Promise<CurveRun> {
    await this.#readable(principal, curveId, 'curves.run', context);
    const run = await this.#store.getRun(runId);
    if (run === null || run.curveId !== curveId) {
      throw notFound(
        `No run ${runId} of ${curveId}. GET /api/v1/curves/${curveId}/runs lists them.`,
      );
    }
    return run;
  }

  /** Per delivery period: the price in the run at `from`, at `to`, and the change. */
  async diff(
    principal: Principal | null,
    curveId: string,
    query: CurveDiffQuery,
    context: RequestContext,
  ): Promise<CurveDiffResult> {
    const definition = await this.#readable(principal, curveId, 'curves.diff', context);
    const selection = readDiffQuery(definition, query);
    const runFrom = await this.#runAt(definition, selection.scenario, selection.fromAsOf, 'from');
    const runTo = await this.#runAt(definition, selection.scenario, selection.toAsOf, 'to');
    const [before = [], after = []] = servedSeries(
      definition,
      [runFrom.values, runTo.values],
      selection,
      this.#maxRows,
    );
    return {
      definition,
      from: summaryOfRun(runFrom),
      to: summaryOfRun(runTo),
      scenario: selection.scenario,
      granularity: selection.granularity,
      bucket: selection.bucket,
      rows: joinPeriods(before, after),
    };
  }

  /** Quotes marked for one as-of date (by default the latest with quotes). */
  async quotes(
    principal: Principal | null,
    curveId: string,
    query: { asOf?: string | undefined },
    context: RequestContext,
  ): Promise<{ asOf: IsoDate | null; quotes: readonly ForwardQuote[] }> {
    await this.#readable(principal, curveId, 'curves.quotes', context);
    const problems: FieldProblem[] = [];
    const asked = parseDay('asOf', query.asOf, problems);
    throwIf(problems);
    const asOf = asked ?? (await this.#store.latestQuoteAsOf(curveId));
    if (asOf === null) {
      return { asOf: null, quotes: [] };
    }
    return {
      asOf,
      quotes: await this.#store.listQuotes(curveId, { fromAsOf: asOf, toAsOf: asOf }),
    };
  }

  // ---- writing ----

  /**
   * Defines a curve, or replaces its definition (settings left out take their defaults). Its market, commodity,
   * calendar, currency and unit are fixed once it exists: stored quotes and runs are expressed in them.
   */
  async define(
    principal: Principal | null,
    input: CurveDefinitionInput,
    context: RequestContext,
  ): Promise<{ definition: CurveDefinition; result: DefinitionWrite }> {
    const p = this.#access.requirePermission(principal, 'curves:write', 'curves.define', context);
    const definition = await resolveDefinition(
      input,
      this.#metadata,
      (id) => this.#store.getDefinition(id),
      this.#knownMarkets,
    );
    const result = await this.#store.putDefinition(definition, this.#clock.now());
    if (result !== 'unchanged') {
      this.#record(by(p, context), 'curves.define', definition.id, { result, ...definition });
    }
    if (result === 'created') {
      // Awaited so the new curve's daily job is scheduled before the caller (maybe a CLI about to exit) goes on.
      await this.#bus?.publish('curves.defined', { curveId: definition.id });
    }
    return { definition, result };
  }

  /**
   * Loads quotes: every row is checked first (unknown curve, malformed contract, a bucket the curve does not have,
   * prices that are not finite, a row without a settle, a mid or bid and ask …) and one error names them all by row;
   * then all are stored in one transaction, or none. A quote for the same curve, as-of, contract, bucket and source
   * as a stored one re-marks it.
   */
  async loadQuotes(
    principal: Principal | null,
    load: QuoteLoad,
    context: RequestContext,
  ): Promise<QuoteLoadResult> {
    const p = this.#access.requirePermission(
      principal,
      'curves:write',
      'curves.quotes.load',
      context,
    );
    if (load.curveId !== undefined) {
      await this.#definition(load.curveId);
    }
    const definitions = new Map((await this.#store.listDefinitions()).map((d) => [d.id, d]));
    const checked = checkQuotes(load.rows, load.origin, definitions, load.curveId);
    const written = await this.#store.putQuotes(checked.quotes, this.#clock.now());
    const curves = [...new Set(checked.quotes.map((q) => q.curveId))].sort();
    const asOfs = [...new Set(checked.quotes.map((q) => q.asOf))].sort();
    this.#record(by(p, context), 'curves.quotes.load', curves.join(','), {
      ...(load.origin.kind === 'file' ? { file: load.origin.file } : {}),
      quotes: checked.quotes.length,
      ...written,
      asOfs,
    });
    return { quotes: checked.quotes.length, ...written, curves, asOfs, warnings: checked.warnings };
  }

  /**
   * Builds a curve as of a date from the quotes marked at or before it. The same inputs give the same run (returned
   * unchanged, `created: false`); quotes the engine cannot honour together are a 422 naming them.
   */
  async build(
    principal: Principal | null,
    request: { curveId: string; asOf: string; scenario?: string | undefined },
    context: RequestContext,
  ): Promise<BuildOutcome> {
    const p = this.#access.requirePermission(principal, 'curves:write', 'curves.build', context);
    const problems: FieldProblem[] = [];
    const asOf = parseDay('asOf', request.asOf, problems);
    if (asOf === null && problems.length === 0) {
      problems.push({ field: 'asOf', message: 'an as-of date (YYYY-MM-DD) is required' });
    }
    const scenario = parseScenario(request.scenario, problems);
    throwIf(problems);
    const definition = await this.#definition(request.curveId);
    return this.#build(by(p, context), definition, asOf as IsoDate, scenario);
  }

  /**
   * The daily build of the scheduler: as of today in the curve's calendar zone, when quotes are marked for today;
   * otherwise it reports that there was nothing to build.
   */
  async buildScheduled(curveId: string): Promise<ScheduledBuild> {
    const definition = await this.#definition(curveId);
    const asOf = localDateOf(curveCalendar(definition.calendar).zone, this.#clock.now());
    if ((await this.#store.latestQuoteAsOf(curveId, asOf)) !== asOf) {
      this.#logger.info({ curve: curveId, asOf }, 'no quotes marked for today: nothing to build');
      return { curveId, asOf, outcome: null };
    }
    const system = { actor: 'system', tenantId: OPERATOR_TENANT, context: SYSTEM_CONTEXT };
    const outcome = await this.#build(system, definition, asOf, 'base');
    return { curveId, asOf, outcome };
  }

  /** Every defined curve, for scheduling (no caller: the platform's own use). */
  async definitions(): Promise<CurveDefinition[]> {
    return this.#store.listDefinitions();
  }

  async #build(
    actor: Actor,
    definition: CurveDefinition,
    asOf: IsoDate,
    scenario: string,
  ): Promise<BuildOutcome> {
    const audit = (result: 'success' | 'failure', details: Record<string, unknown>): void =>
      this.#record(actor, 'curves.build', definition.id, { asOf, scenario, ...details }, result);
    try {
      const { run, created } = await this.#runner.run({ definition, asOf, scenario });
      const summary = summaryOfRun(run);
      audit('success', {
        runId: run.runId,
        created,
        quotes: summary.quoteCount,
        maxAbsResidual: summary.maxAbsResidual,
        warnings: summary.warningCount,
      });
      return { created, run: summary };
    } catch (error) {
      audit('failure', { error: error instanceof Error ? error.message : String(error) });
      throw error;
    }
  }

  /**
   * The first check of every read: data access for the channel, a known curve (404 otherwise), and an
   * entitlement to it (403 otherwise, as for an instrument's prices).
   */
  async #readable(
    principal: Principal | null,
    curveId: string,
    action: string,
    context: RequestContext,
    asFile = false,
  ): Promise<CurveDefinition> {
    const p = await this.#access.requireDataAccess(
      principal,
      asFile ? 'data:export' : 'data:read',
      action,
      context,
    );
    const definition = await this.#definition(curveId);
    await this.#access.requireData(
      p,
      { instruments: [curveItem(definition)], range: null, asFile },
      action,
      context,
    );
    return definition;
  }

  async #runAt(
    definition: CurveDefinition,
    scenario: string,
    asOf: IsoDate | null,
    field: string,
  ): Promise<CurveRun> {
    const run = await this.#store.latestRun(definition.id, scenario, asOf);
    if (run === null) {
      throw notFound(
        `${definition.id} has no ${scenario} run${asOf === null ? '' : ` as of ${asOf} or earlier`} ` +
          `(${field}); build one with POST /api/v1/curves/${definition.id}/builds.`,
      );
    }
    return run;
  }

  async #definition(curveId: string): Promise<CurveDefinition> {
    const definition = await this.#store.getDefinition(curveId);
    if (definition === null) {
      throw unknownCurve(curveId);
    }
    return definition;
  }

  #record(
    by: Actor,
    action: string,
    resourceId: string,
    details: Record<string, unknown>,
    result: 'success' | 'failure' = 'success',
  ): void {
    this.#audit.record({
      actor: by.actor,
      tenantId: by.tenantId,
      action,
      resourceType: 'curve',
      resourceId,
      result,
      ip: by.context.ip,
      requestId: by.context.requestId,
      details,
    });
  }
}

/** A curve as the entitlement rules see it: an item of product `curve` in its market. */
const curveItem = (definition: CurveDefinition) => ({
  id: definition.id,
  market: definition.market,
  product: 'curve' as const,
});

const unknownCurve = (curveId: string): AppError =>
  notFound(`Unknown curve ${curveId}. GET /api/v1/curves lists the curves you can use.`);
