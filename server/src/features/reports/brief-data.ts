import type { PeakCalendar } from '../../domain/calendar/peak-buckets.js';
import type { Principal } from '../../domain/access/principal.js';
import type { MarketDefinition, MarketRunId } from '../../domain/markets/market.js';
import type { PriceBatch } from '../../domain/prices/price-batch.js';
import { AppError } from '../../platform/errors.js';
import type { TimeSeriesStore } from '../../ports/time-series-store.js';
import type { AccessService } from '../access/access.service.js';
import type { RequestContext } from '../access/request-context.js';
import type { CatalogService } from '../catalog/catalog.service.js';
import type { CurvesService } from '../curves/curves.service.js';
import type { PriceQueryService } from '../prices/price-query.service.js';
import type { QualityService } from '../quality/quality.service.js';
import { gatherFundamentals, type BriefFundamentals } from './brief-fundamentals.js';
import {
  dailyAverages,
  onPeakBucket,
  priceStats,
  spreadStats,
  type HourValue,
  type PriceStats,
  type SpreadStats,
} from './brief-stats.js';
import { peakCalendarFor, type ReportPeriod } from './report-period.js';

export interface HubBrief {
  readonly instrumentId: string;
  readonly name: string;
  readonly dayAhead: PriceStats | null;
  readonly realTime: PriceStats | null;
  readonly spread: SpreadStats | null;
}

/** One chart: x in epoch seconds (what uPlot reads), one line per series, null where a value is missing. */
export interface BriefChart {
  readonly title: string;
  /** Unit of the y axis; prices (the market's currency per MWh) when absent. */
  readonly unit?: string;
  readonly xs: readonly number[];
  readonly series: readonly {
    readonly label: string;
    readonly values: readonly (number | null)[];
  }[];
}

export interface QualityLine {
  readonly dataset: string;
  readonly days: number;
  readonly complete: number;
  readonly incomplete: number;
  readonly partial: number;
  readonly missingIntervals: number;
}

export interface BriefQuality {
  readonly lines: readonly QualityLine[];
  readonly openProblems: number;
  /** Set when the summary could not be read; the brief says so instead of failing. */
  readonly note: string | null;
}

export interface BriefCurve {
  readonly id: string;
  readonly name: string;
  readonly asOf: string;
  readonly bucket: string;
  readonly months: readonly { readonly label: string; readonly price: number }[];
}

/** Everything a market brief shows, computed from stored data through the use cases. */
export interface BriefData {
  readonly market: MarketDefinition;
  readonly period: ReportPeriod;
  readonly calendar: PeakCalendar;
  readonly onPeakBucket: string;
  readonly realTimeRun: MarketRunId | null;
  readonly hubs: readonly HubBrief[];
  readonly charts: readonly BriefChart[];
  readonly quality: BriefQuality;
  readonly curve: BriefCurve | null;
  /** System load and generation mix, where stored and readable by the caller. */
  readonly fundamentals: BriefFundamentals;
  readonly generatedAtMs: number;
  /** Instruments whose data the brief shows. */
  readonly instruments: readonly string[];
}

export interface BriefSources {
  readonly catalog: CatalogService;
  readonly prices: PriceQueryService;
  readonly quality: QualityService;
  readonly curves: CurvesService;
  /** For load and generation mix, which have no read use case of their own: checked here through access. */
  readonly access: AccessService;
  readonly timeSeries: TimeSeriesStore;
}

/** Forward-curve months shown: two years is what a desk reads first. */
const CURVE_MONTHS = 24;
/** Hubs per brief: briefs are about the reference hubs, not every node. */
const MAX_HUBS = 8;

/** The real-time run a brief compares the day-ahead with: the shortest the market publishes. */
const realTimeRunOf = (market: MarketDefinition): MarketRunId | null => {
  const rt = market.runs
    .filter((r) => r.id.startsWith('RT'))
    .sort((a, b) => a.intervalMinutes - b.intervalMinutes);
  return rt[0]?.id ?? null;
};

/** Hourly values of one instrument and run from a price batch, in time order. */
const hoursOf = (batch: PriceBatch, instrumentId: string, run: MarketRunId): HourValue[] => {
  const slot = batch.instrumentIds.indexOf(instrumentId);
  const runSlot = batch.runs.indexOf(run);
  const out: HourValue[] = [];
  for (let i = 0; i < batch.length; i++) {
    if (batch.instrumentIndex[i] === slot && batch.runIndex[i] === runSlot) {
      out.push({ startMs: batch.intervalStartMs[i] as number, value: batch.lmp[i] as number });
    }
  }
  return out.sort((a, b) => a.startMs - b.startMs);
};

/**
 * Gathers a brief for a caller: the market (404 when it cannot see it), its hubs it may read, their hourly DA and
 * RT prices over the period (entitlement-checked and audited by the price query), the quality summary and the
 * market's latest forward curve when the caller may read one.
 */
export const gatherBrief = async (
  sources: BriefSources,
  principal: Principal,
  input: { market: string; period: ReportPeriod; nowMs: number },
  context: RequestContext,
): Promise<BriefData> => {
  const market = await sources.catalog.getMarketFor(principal, input.market, context);
  const calendar = peakCalendarFor(market);
  const hubs = (
    await sources.catalog.listInstruments(
      principal,
      { market: market.id, kind: 'hub', limit: MAX_HUBS },
      context,
    )
  ).items;
  if (hubs.length === 0) {
    throw new AppError(
      'not_entitled',
      `No hub prices of ${market.id} are available to you; a brief needs at least one hub.`,
    );
  }
  const rtRun = realTimeRunOf(market);
  const runs: MarketRunId[] = ['DA', ...(rtRun ? [rtRun] : [])];
  const { prices } = await sources.prices.query(
    principal,
    {
      instruments: hubs.map((h) => h.id).join(','),
      start: new Date(input.period.fromMs).toISOString(),
      end: new Date(input.period.toMs).toISOString(),
      runs: runs.join(','),
      resample: '1h',
      agg: 'avg',
    },
    context,
  );
  const hubBriefs: HubBrief[] = [];
  const lines: { label: string; hours: HourValue[] }[] = [];
  for (const hub of hubs) {
    const da = hoursOf(prices, hub.id, 'DA');
    const rt = rtRun ? hoursOf(prices, hub.id, rtRun) : [];
    hubBriefs.push({
      instrumentId: hub.id,
      name: hub.name,
      dayAhead: priceStats(da, calendar),
      realTime: priceStats(rt, calendar),
      spread: spreadStats(da, rt),
    });
    lines.push({ label: `${hub.name} DA`, hours: da });
    if (rtRun) {
      lines.push({ label: `${hub.name} ${rtRun}`, hours: rt });
    }
  }
  const fundamentals = await gatherFundamentals(
    sources,
    principal,
    market.id,
    { fromMs: input.period.fromMs, toMs: input.period.toMs },
    context,
  );
  const charts = [priceChart(input.period, market.timezone, lines)];
  if (fundamentals.load) {
    const loadChart = priceChart(input.period, market.timezone, [
      { label: fundamentals.load.name, hours: [...fundamentals.load.hourly] },
    ]);
    charts.push({
      ...loadChart,
      title: `System load (${loadChart.title.toLowerCase()})`,
      unit: 'MW',
    });
  }
  return {
    market,
    period: input.period,
    calendar,
    onPeakBucket: onPeakBucket(calendar),
    realTimeRun: rtRun,
    hubs: hubBriefs,
    charts,
    quality: await qualityOf(sources, principal, market.id, input.period, context),
    curve: await curveOf(sources, principal, market.id, context),
    fundamentals,
    generatedAtMs: input.nowMs,
    instruments: [...hubs.map((h) => h.id), ...fundamentals.instruments],
  };
};

/** Daily brief: the hourly profile; monthly brief: the daily averages. */
const priceChart = (
  period: ReportPeriod,
  zone: string,
  lines: readonly { label: string; hours: HourValue[] }[],
): BriefChart => {
  if (period.kind === 'daily') {
    const xs = [...new Set(lines.flatMap((l) => l.hours.map((h) => h.startMs)))].sort(
      (a, b) => a - b,
    );
    return {
      title: 'Hourly profile',
      xs: xs.map((ms) => ms / 1000),
      series: lines.map((l) => {
        const at = new Map(l.hours.map((h) => [h.startMs, h.value]));
        return { label: l.label, values: xs.map((ms) => at.get(ms) ?? null) };
      }),
    };
  }
  const daily = lines.map((l) => ({ label: l.label, days: dailyAverages(l.hours, zone) }));
  const days = [...new Set(daily.flatMap((d) => d.days.map((x) => x.day)))].sort();
  return {
    title: 'Daily averages',
    // Local noon of each day, so the axis labels fall on the right date in any zone.
    xs: days.map((d) => Date.parse(`${d}T12:00:00Z`) / 1000),
    series: daily.map((d) => {
      const at = new Map(d.days.map((x) => [x.day, x.average]));
      return { label: d.label, values: days.map((day) => at.get(day) ?? null) };
    }),
  };
};

const qualityOf = async (
  sources: BriefSources,
  principal: Principal,
  market: string,
  period: ReportPeriod,
  context: RequestContext,
): Promise<BriefQuality> => {
  try {
    const summary = await sources.quality.summary(
      principal,
      { market, from: period.firstDay, to: period.lastDay },
      context,
    );
    const byDataset = new Map<string, QualityLine>();
    for (const c of summary.completeness) {
      const key = `${c.feed}/${c.dataset}`;
      const before = byDataset.get(key) ?? {
        dataset: key,
        days: 0,
        complete: 0,
        incomplete: 0,
        partial: 0,
        missingIntervals: 0,
      };
      byDataset.set(key, {
        dataset: key,
        days: before.days + 1,
        complete: before.complete + c.complete,
        incomplete: before.incomplete + c.incomplete,
        partial: before.partial + c.partial,
        missingIntervals: before.missingIntervals + c.missingIntervals,
      });
    }
    return {
      lines: [...byDataset.values()].sort((a, b) => a.dataset.localeCompare(b.dataset)),
      openProblems: summary.problems.reduce((n, p) => n + p.problems, 0),
      note: null,
    };
  } catch (error) {
    return {
      lines: [],
      openProblems: 0,
      note: `Data-quality summary unavailable: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
};

/** The market's first curve (by id) with a build that the caller may read, as monthly 7x24/base prices. */
const curveOf = async (
  sources: BriefSources,
  principal: Principal,
  market: string,
  context: RequestContext,
): Promise<BriefCurve | null> => {
  let entries;
  try {
    entries = await sources.curves.list(principal, context);
  } catch {
    return null; // no curve entitlement: the brief simply has no curve section
  }
  const entry = entries
    .filter((e) => e.definition.market === market && e.latestAsOf !== null)
    .sort((a, b) => a.definition.id.localeCompare(b.definition.id))[0];
  if (!entry) {
    return null;
  }
  const series = await sources.curves.series(
    principal,
    entry.definition.id,
    { granularity: 'month' },
    context,
  );
  return {
    id: entry.definition.id,
    name: entry.definition.name,
    asOf: series.run.asOf,
    bucket: series.bucket,
    months: series.points.slice(0, CURVE_MONTHS).map((p) => ({ label: p.label, price: p.price })),
  };
};
