import type { Principal } from '../../domain/access/principal.js';
import type { Clock } from '../../platform/clock.js';
import { AppError, invalidRequest, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { Logger } from '../../platform/logger.js';
import type { PdfRenderer } from '../../ports/pdf-renderer.js';
import type {
  ReportKind,
  ReportOutcome,
  ReportRecord,
  ReportStore,
  ReportTrigger,
} from '../../ports/report-store.js';
import type { AccessService } from '../access/access.service.js';
import type { AuditService } from '../access/audit.service.js';
import type { RequestContext } from '../access/request-context.js';
import { gatherBrief, type BriefSources } from './brief-data.js';
import { CHARTS_READY_SELECTOR, renderBriefHtml, type ChartAssets } from './brief-html.js';
import {
  isReportKind,
  parsePeriod,
  previousLocalDay,
  previousLocalMonth,
} from './report-period.js';

export interface ReportRequest {
  readonly market: string;
  readonly kind: string;
  readonly period: string;
}

export interface ReportListQuery {
  readonly market?: string | undefined;
  readonly limit?: number | undefined;
}

/** A stored document and how to name it when downloaded. */
export interface ReportDocument {
  readonly record: ReportRecord;
  readonly bytes: Uint8Array;
  readonly fileName: string;
}

const DEFAULT_LIST = 50;
const MAX_LIST = 500;

const unrestricted = (principal: Principal): boolean => principal.method === 'cli';

/**
 * Daily and monthly market briefs (ADR 0015). A request is stored at once (queued) and generated in the background
 * under the requester's identity, so every number in it went through the same entitlement checks as the API;
 * scheduled briefs run as the system and are readable by each tenant entitled to every instrument they show.
 * Reading a brief's HTML or PDF is a file download: data:export, the downloads channel, audited.
 */
export class ReportsService {
  readonly #store: ReportStore;
  readonly #sources: BriefSources;
  readonly #access: AccessService;
  readonly #audit: AuditService;
  readonly #pdf: PdfRenderer;
  readonly #assets: ChartAssets;
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #system: Principal;
  readonly #inFlight = new Map<string, Promise<void>>();
  /** PDFs are printed one at a time: each needs a browser, and a burst of requests must not start dozens. */
  #printing: Promise<unknown> = Promise.resolve();

  constructor(deps: {
    store: ReportStore;
    sources: BriefSources;
    access: AccessService;
    audit: AuditService;
    pdf: PdfRenderer;
    assets: ChartAssets;
    clock: Clock;
    logger: Logger;
    /** Who scheduled briefs run as (the local system, which entitlements do not restrict). */
    system: Principal;
  }) {
    this.#store = deps.store;
    this.#sources = deps.sources;
    this.#access = deps.access;
    this.#audit = deps.audit;
    this.#pdf = deps.pdf;
    this.#assets = deps.assets;
    this.#clock = deps.clock;
    this.#logger = deps.logger;
    this.#system = deps.system;
  }

  /**
   * Queues a brief and starts generating it. Refusals before anything is stored: not signed in (401), role or no
   * entitlement (403), bad kind or period (400), a market the caller cannot see (404).
   */
  async request(
    principal: Principal | null,
    input: ReportRequest,
    context: RequestContext,
  ): Promise<ReportRecord> {
    const p = await this.#access.requireDataAccess(
      principal,
      'data:read',
      'reports.request',
      context,
    );
    return this.#queue(p, input, 'on_demand', context);
  }

  /** Waits until a report's generation has finished (tests, the command line); returns the stored record. */
  async settled(id: string): Promise<ReportRecord | null> {
    await this.#inFlight.get(id);
    return this.#store.get(id);
  }

  /** Reports the caller may read, newest first. */
  async list(
    principal: Principal | null,
    query: ReportListQuery,
    context: RequestContext,
  ): Promise<ReportRecord[]> {
    const p = await this.#access.requireDataAccess(principal, 'data:read', 'reports.list', context);
    const limit = query.limit ?? DEFAULT_LIST;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIST) {
      throw invalidRequest(`limit must be a whole number from 1 to ${MAX_LIST}.`, [
        { field: 'limit', message: `1–${MAX_LIST}` },
      ]);
    }
    const records = await this.#store.list({
      tenantId: unrestricted(p) ? null : p.tenantId,
      market: query.market,
      // Some stored reports may be hidden from this caller; read more so a page is usually full.
      limit: Math.min(limit * 4, MAX_LIST * 4),
    });
    const visible: ReportRecord[] = [];
    for (const record of records) {
      if (visible.length < limit && (await this.#visible(p, record))) {
        visible.push(record);
      }
    }
    return visible;
  }

  /** One report's record; one the caller may not see is reported as unknown. */
  async get(
    principal: Principal | null,
    id: string,
    context: RequestContext,
  ): Promise<ReportRecord> {
    const p = await this.#access.requireDataAccess(principal, 'data:read', 'reports.get', context);
    return this.#visibleRecord(p, id);
  }

  /**
   * A report's HTML or PDF as a file: needs data:export and an entitlement (with the downloads channel) to every
   * instrument it shows over its whole period; audited like any file download.
   */
  async document(
    principal: Principal | null,
    id: string,
    format: 'html' | 'pdf',
    context: RequestContext,
  ): Promise<ReportDocument> {
    const action = `reports.download.${format}`;
    const p = await this.#access.requireDataAccess(principal, 'data:export', action, context);
    const record = await this.#visibleRecord(p, id);
    if (record.status !== 'succeeded') {
      throw new AppError(
        'conflict',
        `Report ${id} is ${record.status}${record.message ? ` (${record.message})` : ''}; its documents exist once it has succeeded.`,
      );
    }
    if (format === 'pdf' && record.pdfStatus !== 'rendered') {
      throw new AppError(
        'unavailable',
        `The PDF of report ${id} is ${record.pdfStatus}: ${record.message ?? 'not rendered'}. The HTML is at /api/v1/reports/${id}/html.`,
      );
    }
    const instruments = await this.#sources.catalog.resolveInstruments(record.instruments);
    await this.#access.requireData(
      p,
      {
        instruments: instruments.map((i) => ({ id: i.id, market: i.market, product: i.product })),
        range: { fromMs: record.fromMs, toMs: record.toMs },
        asFile: true,
      },
      action,
      context,
    );
    const bytes = await this.#store.content(id, format);
    if (bytes === null) {
      throw notFound(`Report ${id} has no stored ${format.toUpperCase()}.`);
    }
    return {
      record,
      bytes,
      fileName: `${record.market}_${record.kind}_${record.period}.${format}`,
    };
  }

  /**
   * The scheduled brief of the previous local day (daily) or month (monthly) for a market, as the system. A brief
   * already made by the schedule for that period is not made again (0 rows).
   */
  async runScheduled(market: string, kind: ReportKind): Promise<{ rows: number }> {
    const definition = await this.#sources.catalog.getMarket(market);
    const nowMs = this.#clock.now();
    const period =
      kind === 'daily'
        ? previousLocalDay(definition.timezone, nowMs)
        : previousLocalMonth(definition.timezone, nowMs);
    const existing = await this.#store.list({ tenantId: null, market, limit: MAX_LIST });
    if (
      existing.some(
        (r) =>
          r.trigger === 'schedule' &&
          r.kind === kind &&
          r.period === period &&
          r.status === 'succeeded',
      )
    ) {
      return { rows: 0 };
    }
    const context: RequestContext = {
      ip: null,
      requestId: `schedule-${newId()}`,
      userAgent: '254carbon-scheduler',
    };
    const record = await this.#queue(this.#system, { market, kind, period }, 'schedule', context);
    const done = await this.settled(record.id);
    if (done?.status !== 'succeeded') {
      throw new Error(
        `the ${kind} brief of ${market} for ${period} failed: ${done?.message ?? 'unknown'}`,
      );
    }
    return { rows: 1 };
  }

  async #queue(
    p: Principal,
    input: ReportRequest,
    trigger: ReportTrigger,
    context: RequestContext,
  ): Promise<ReportRecord> {
    const kindText = String(input.kind ?? '').trim();
    if (!isReportKind(kindText)) {
      throw invalidRequest(`kind must be daily or monthly (got "${kindText}").`, [
        { field: 'kind', message: 'daily or monthly' },
      ]);
    }
    const market = await this.#sources.catalog.getMarketFor(p, input.market, context);
    const nowMs = this.#clock.now();
    const period = parsePeriod(kindText, String(input.period ?? ''), market.timezone, nowMs);
    const record: ReportRecord = {
      id: `rpt_${newId()}`,
      tenantId: trigger === 'schedule' ? null : p.tenantId,
      market: market.id,
      kind: kindText,
      period: period.label,
      fromMs: period.fromMs,
      toMs: period.toMs,
      instruments: [],
      status: 'queued',
      pdfStatus: 'pending',
      message: null,
      trigger,
      requestedBy: p.actor,
      createdAtMs: nowMs,
      finishedAtMs: null,
      htmlBytes: 0,
      pdfBytes: 0,
    };
    await this.#store.create(record);
    this.#audit.record({
      actor: p.actor,
      tenantId: p.tenantId,
      action: 'reports.request',
      resourceType: 'report',
      resourceId: record.id,
      result: 'success',
      ip: context.ip,
      requestId: context.requestId,
      details: { market: market.id, kind: kindText, period: period.label, trigger },
    });
    const work = this.#generate(p, record, context).finally(() => this.#inFlight.delete(record.id));
    this.#inFlight.set(record.id, work);
    return record;
  }

  /** Gathers, renders and prints one brief; every failure is stored on the record, never thrown to the caller. */
  async #generate(p: Principal, record: ReportRecord, context: RequestContext): Promise<void> {
    const base: ReportOutcome = {
      status: 'running',
      pdfStatus: 'pending',
      message: null,
      instruments: [],
      finishedAtMs: null,
      html: null,
      pdf: null,
    };
    try {
      await this.#store.update(record.id, base);
      // The stored span is the market-local one; re-reading the label only recovers its first and last days.
      const period = parsePeriod(record.kind, record.period, 'UTC', Number.POSITIVE_INFINITY);
      const data = await gatherBrief(
        this.#sources,
        p,
        {
          market: record.market,
          period: { ...period, fromMs: record.fromMs, toMs: record.toMs },
          nowMs: this.#clock.now(),
        },
        context,
      );
      const html = renderBriefHtml(data, this.#assets);
      const print = this.#printing.then(() =>
        this.#pdf.render(html, { readySelector: CHARTS_READY_SELECTOR }),
      );
      this.#printing = print.catch(() => undefined);
      const printed = await print;
      await this.#store.update(record.id, {
        status: 'succeeded',
        pdfStatus: printed.status,
        message: printed.status === 'rendered' ? null : printed.reason,
        instruments: data.instruments,
        finishedAtMs: this.#clock.now(),
        html,
        pdf: printed.status === 'rendered' ? printed.pdf : null,
      });
      if (printed.status === 'failed') {
        this.#logger.warn({ report: record.id, reason: printed.reason }, 'report PDF failed');
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.#logger.warn({ report: record.id, err: error }, 'report failed');
      await this.#store
        .update(record.id, {
          ...base,
          status: 'failed',
          pdfStatus: 'failed',
          message,
          finishedAtMs: this.#clock.now(),
        })
        .catch((e: unknown) => this.#logger.error({ err: e }, 'could not record a failed report'));
    }
  }

  /** Waits for every report being generated (before the store closes). */
  async drain(): Promise<void> {
    await Promise.allSettled([...this.#inFlight.values()]);
  }

  async #visibleRecord(p: Principal, id: string): Promise<ReportRecord> {
    const record = await this.#store.get(id);
    if (record === null || !(await this.#visible(p, record))) {
      throw notFound(`Unknown report: ${id}. GET /api/v1/reports lists yours.`);
    }
    return record;
  }

  /** Own tenant's or scheduled, in a market the caller may use, and showing only instruments it may list. */
  async #visible(p: Principal, record: ReportRecord): Promise<boolean> {
    if (unrestricted(p)) {
      return true;
    }
    if (record.tenantId !== null && record.tenantId !== p.tenantId) {
      return false;
    }
    const markets = await this.#access.marketsOf(p);
    if (markets !== null && !markets.has(record.market)) {
      return false;
    }
    if (record.instruments.length === 0) {
      return true;
    }
    const views = await this.#sources.catalog
      .resolveInstruments(record.instruments)
      .catch(() => null);
    if (views === null) {
      return false;
    }
    for (const view of views) {
      if (!(await this.#access.mayList(p, view))) {
        return false;
      }
    }
    return true;
  }
}
