import {
  claimedRanges,
  coverageOf,
  type DayCoverage,
  type DayPresence,
} from '../../domain/quality/completeness.js';
import { LocalDayCalendar } from '../../domain/quality/local-days.js';
import {
  inspectPriceBatch,
  pricePresence,
  priceSpan,
  selectPriceRows,
  type PriceRange,
} from '../../domain/quality/price-checks.js';
import type { QualityFinding } from '../../domain/quality/problem-tally.js';
import {
  inspectSeriesBatch,
  selectSeriesRows,
  seriesPresence,
  seriesSpan,
} from '../../domain/quality/series-checks.js';
import { MINUTE_MS, type TimeRange } from '../../domain/time/interval.js';
import type { FeedData } from '../../ports/market-feed.js';
import type { IngestBatchContext } from '../ingest/quality-gate.js';

/*
 * What the quality gate does with one batch, apart from storing records: the checks before the write and the
 * completeness evidence after it. Kept apart from the service so the service reads as the flow it is.
 */

export interface CheckedBatch {
  /** What to store: the batch without repeats, contradictions and unusable rows (the same object if none). */
  readonly data: FeedData;
  readonly findings: QualityFinding[];
  /** The minutes of each local day this inspection examined: earlier findings there are replaced. */
  readonly coverage: DayCoverage[];
  readonly withheld: number;
}

export const calendarOf = (context: IngestBatchContext): LocalDayCalendar =>
  new LocalDayCalendar(context.feed.market.timezone);

/** [first start, last end) of the rows of a batch that describe the past or present (not forecasts). */
export const spanOf = (data: FeedData): TimeRange | null =>
  data.kind === 'prices' ? priceSpan(data.prices) : seriesSpan(data.series);

/**
 * What a batch claims to cover: the window fetched, or a file's span (whole local days for day-ahead files, which
 * operators publish a day at a time).
 */
const claimedBy = (context: IngestBatchContext, data: FeedData): TimeRange[] =>
  claimedRanges(
    context.window,
    spanOf(data),
    data.kind === 'prices' && context.dataset.run === 'DA',
    calendarOf(context),
  );

/** Runs the checks on a parsed batch and returns what to store. */
export const checkBatch = (
  context: IngestBatchContext,
  data: FeedData,
  priceRange: PriceRange,
): CheckedBatch => {
  const calendar = calendarOf(context);
  const coverage = coverageOf(calendar, claimedBy(context, data));
  if (data.kind === 'prices') {
    const result = inspectPriceBatch(data.prices, {
      market: context.feed.market,
      calendar,
      range: priceRange,
    });
    const prices = selectPriceRows(data.prices, result.keep, result.kept);
    return {
      data: prices === data.prices ? data : { ...data, prices },
      findings: result.problems,
      coverage,
      withheld: data.prices.length - result.kept,
    };
  }
  const result = inspectSeriesBatch(data.series, calendar);
  const series = selectSeriesRows(data.series, result.keep, result.kept);
  return {
    data: series === data.series ? data : { ...data, series },
    findings: result.problems,
    coverage,
    withheld: data.series.length - result.kept,
  };
};

export interface CompletenessEvidence {
  readonly coverage: DayCoverage[];
  readonly presence: DayPresence[];
  /** Every local day the evidence touches (whose completeness judgement may change). */
  readonly days: string[];
}

/**
 * What a stored batch proves about completeness: which minutes of which local days were asked for (the window,
 * or a file's span; whole days for day-ahead files) and which intervals each instrument had on them.
 */
export const completenessEvidence = (
  context: IngestBatchContext,
  data: FeedData,
): CompletenessEvidence => {
  const calendar = calendarOf(context);
  const claimed = claimedBy(context, data);
  const claimedDays = claimed.flatMap((range) => calendar.daysOverlapping(range));
  const tally =
    data.kind === 'prices'
      ? pricePresence(data.prices, context.feed.market, calendar)
      : seriesPresence(data.series, calendar);
  const presence = tally.result(claimedDays);
  const coverage = coverageOf(calendar, claimed);
  // Data outside what was asked for still counts as present; its day is recorded as not covered (partial).
  for (const { day } of presence) {
    if (!coverage.some((c) => c.day.date === day.date)) {
      coverage.push({ day, covered: new Uint8Array((day.endMs - day.startMs) / MINUTE_MS) });
    }
  }
  const days = [...new Set([...coverage, ...presence].map((entry) => entry.day.date))].sort();
  return { coverage, presence, days };
};

/**
 * End of the newest interval a stored batch holds, for freshness. Forecasts reach into the future, so they count
 * only for datasets that publish nothing else.
 */
export const newestIntervalEnd = (data: FeedData): number | null => {
  const span = spanOf(data);
  if (span !== null || data.kind === 'prices') {
    return span?.toMs ?? null;
  }
  let newest = -Infinity;
  for (let i = 0; i < data.series.length; i++) {
    newest = Math.max(
      newest,
      (data.series.intervalStartMs[i] as number) +
        (data.series.intervalMinutes[i] as number) * MINUTE_MS,
    );
  }
  return Number.isFinite(newest) ? newest : null;
};
