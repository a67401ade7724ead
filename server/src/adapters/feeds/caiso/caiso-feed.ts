import type { InstrumentDefinition } from '../../../domain/instruments/instrument.js';
import { HOUR_MS, floorToMinutes, type TimeRange } from '../../../domain/time/interval.js';
import { addDays, localDateOf, localDayBounds, type IsoDate } from '../../../domain/time/zoned.js';
import { AppError } from '../../../platform/errors.js';
import type { FeedData, MarketFeed, SourceDocument } from '../../../ports/market-feed.js';
import type { FeedContext } from '../kit/feed-context.js';
import {
  CAISO_DATASETS,
  caisoDatasetId,
  caisoPublishedUntil,
  type CaisoDatasetId,
} from './caiso-datasets.js';
import { CAISO_MARKET, CAISO_TIMEZONE, caisoInstruments } from './caiso-market.js';
import { mergeFeedData } from '../kit/merge-feed-data.js';
import { parseOasisLoadForecast, parseOasisRenewablesForecast } from './oasis-forecast.js';
import { LMP_REPORTS, parseOasisLmp, type LmpDatasetId } from './oasis-lmp.js';
import { parseOutlookGenMix, parseOutlookLoad } from './outlook-csv.js';

export const CAISO_FEED_ID = 'caiso';

export interface CaisoFeedOptions {
  /** Stands in for both https://oasis.caiso.com and https://www.caiso.com (tests). */
  readonly baseUrl?: string;
  /**
   * Price locations to ask OASIS for, e.g. only the trading hubs. Default: every APNode
   * (`grp_type=ALL_APNODES`), which OASIS serves one trade day (DAM) or one hour (RT) per request; a node list
   * may span a whole day in one request for every run.
   */
  readonly nodes?: readonly string[];
  /** Least time between two requests to one CAISO host. OASIS asks for 5 s; tests shorten it. */
  readonly minIntervalMs?: number;
  /** The current time (tests). */
  readonly now?: () => number;
}

const OASIS_URL = 'https://oasis.caiso.com';
const OUTLOOK_URL = 'https://www.caiso.com';
/** OASIS answers a request sooner than 5 s after the previous one with HTTP 429. */
const OASIS_MIN_INTERVAL_MS = 5000;
/** Today's Outlook publishes no limit; one request a second is gentle on a public web page. */
const OUTLOOK_MIN_INTERVAL_MS = 1000;
const NODE_NAME = /^[A-Za-z0-9_.-]+$/;

/** OASIS wants UTC as YYYYMMDDTHH:MM-0000. */
const oasisTime = (ms: number): string => {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 16)}-0000`;
};

interface LocalDay {
  readonly date: IsoDate;
  readonly startMs: number;
  readonly endMs: number;
}

/** The Pacific operating days that overlap a window. */
const localDaysOf = (window: TimeRange): LocalDay[] => {
  const days: LocalDay[] = [];
  for (let date = localDateOf(CAISO_TIMEZONE, window.fromMs); ; date = addDays(date, 1)) {
    const { startMs, endMs } = localDayBounds(CAISO_TIMEZONE, date);
    if (startMs >= window.toMs) {
      return days;
    }
    days.push({ date, startMs, endMs });
  }
};

/** A SingleZip request for [startMs, endMs) with the report's own parameters, in OASIS's usual order. */
const singleZip = (
  base: string,
  report: Readonly<Record<string, string | number>>,
  startMs: number,
  endMs: number,
): string =>
  `${base}/oasisapi/SingleZip?resultformat=6&${Object.entries(report)
    .map(([key, value]) => `${key}=${value}`)
    .join('&')}&startdatetime=${oasisTime(startMs)}&enddatetime=${oasisTime(endMs)}`;

/**
 * CAISO: day-ahead, fifteen-minute and five-minute LMPs from OASIS, load and fuel mix from Today's Outlook,
 * and day-ahead load and wind/solar forecasts from OASIS. All keyless. OASIS requests are paced to one per
 * 5 s across every dataset of this feed (one HTTP source), since the limit is per caller, not per report.
 */
export const createCaisoFeed = (
  context: FeedContext,
  options: CaisoFeedOptions = {},
): MarketFeed => {
  const nodes = options.nodes;
  if (nodes !== undefined) {
    const bad = nodes.find((n) => !NODE_NAME.test(n));
    if (nodes.length === 0 || bad !== undefined) {
      throw new AppError(
        'invalid_request',
        `CAISO nodes must be OASIS node names such as TH_SP15_GEN-APND${bad === undefined ? '' : `; got "${bad}"`}.`,
      );
    }
  }
  const now = options.now ?? Date.now;
  const oasisBase = options.baseUrl ?? OASIS_URL;
  const outlookBase = options.baseUrl ?? OUTLOOK_URL;
  const oasis = context.http({
    name: 'CAISO OASIS',
    minIntervalMs: options.minIntervalMs ?? OASIS_MIN_INTERVAL_MS,
  });
  const outlook = context.http({
    name: "CAISO Today's Outlook",
    minIntervalMs: options.minIntervalMs ?? OUTLOOK_MIN_INTERVAL_MS,
  });

  const parse = (id: CaisoDatasetId, document: SourceDocument): Promise<FeedData> => {
    switch (id) {
      case 'lmp.da':
      case 'lmp.rt15':
      case 'lmp.rt5':
        return parseOasisLmp(context.csv, LMP_REPORTS[id], document);
      case 'load':
        return parseOutlookLoad(context.csv, document);
      case 'genmix':
        return parseOutlookGenMix(context.csv, document);
      case 'load.forecast':
        return parseOasisLoadForecast(context.csv, document);
      case 'genmix.forecast':
        return parseOasisRenewablesForecast(context.csv, document);
    }
  };

  /** LMP requests: one per day, or one per hour for all nodes in real time (OASIS's limit for ALL_APNODES). */
  const lmpRequests = (
    id: LmpDatasetId,
    days: readonly LocalDay[],
    window: TimeRange,
  ): string[] => {
    const report = LMP_REPORTS[id];
    const query = {
      queryname: report.queryName,
      version: report.version,
      market_run_id: report.marketRunId,
      ...(nodes === undefined ? { grp_type: 'ALL_APNODES' } : { node: nodes.join(',') }),
    };
    if (nodes !== undefined || report.intervalMinutes === 60) {
      return days.map((d) => singleZip(oasisBase, query, d.startMs, d.endMs));
    }
    const urls: string[] = [];
    for (const day of days) {
      const from = Math.max(day.startMs, floorToMinutes(window.fromMs, 60));
      for (let hour = from; hour < Math.min(day.endMs, window.toMs); hour += HOUR_MS) {
        urls.push(singleZip(oasisBase, query, hour, hour + HOUR_MS));
      }
    }
    return urls;
  };

  /** The OASIS requests covering the operating days of a window, up to what is published. */
  const oasisRequests = (id: CaisoDatasetId, window: TimeRange): string[] => {
    const untilMs = Math.min(window.toMs, caisoPublishedUntil(id, now()));
    const days = localDaysOf(window).filter((d) => d.startMs < untilMs);
    const perDay = (report: Readonly<Record<string, string | number>>): string[] =>
      days.map((d) => singleZip(oasisBase, report, d.startMs, d.endMs));
    switch (id) {
      case 'load.forecast':
        return perDay({ queryname: 'SLD_FCST', version: 1, market_run_id: 'DAM' });
      case 'genmix.forecast':
        return perDay({ queryname: 'SLD_REN_FCST', version: 1, market_run_id: 'DAM' });
      case 'lmp.da':
      case 'lmp.rt15':
      case 'lmp.rt5':
        return lmpRequests(id, days, { fromMs: window.fromMs, toMs: untilMs });
      case 'load':
      case 'genmix':
        return [];
    }
  };

  const fetchOasis = async (
    id: CaisoDatasetId,
    window: TimeRange,
    signal?: AbortSignal,
  ): Promise<FeedData[]> => {
    const parts: FeedData[] = [];
    for (const url of oasisRequests(id, window)) {
      const document = await oasis.getOptional(url, { signal });
      // A missing or empty answer is a report not published yet, like OASIS's own "no data" (error 1000).
      if (document !== null && document.bytes.length > 0) {
        parts.push(await parse(id, document));
      }
    }
    return parts;
  };

  /**
   * Outlook history for each past day; for today, history if it exists yet, else the current file. The
   * current file is still yesterday's for a few minutes after midnight: readings later than now show that,
   * and such a file is treated as not published.
   */
  const fetchOutlook = async (
    id: 'load' | 'genmix',
    window: TimeRange,
    signal?: AbortSignal,
  ): Promise<FeedData[]> => {
    const file = id === 'load' ? 'netdemand.csv' : 'fuelsource.csv';
    const parts: FeedData[] = [];
    const nowMs = now();
    for (const day of localDaysOf(window).filter((d) => d.startMs < nowMs)) {
      const compact = day.date.replaceAll('-', '');
      let document = await outlook.getOptional(
        `${outlookBase}/outlook/history/${compact}/${file}`,
        {
          signal,
        },
      );
      const current = document === null && day.endMs > nowMs;
      if (current) {
        document = await outlook.getOptional(`${outlookBase}/outlook/current/${file}`, { signal });
      }
      if (document === null || document.bytes.length === 0) {
        continue;
      }
      // The date lives only in the URL; the name carries it to the parser.
      const part = await parse(id, { ...document, name: `${compact}_${file}` });
      const latest = part.kind === 'series' ? Math.max(...part.series.intervalStartMs) : 0;
      if (!(current && latest > nowMs + 5 * 60_000)) {
        parts.push(part);
      }
    }
    return parts;
  };

  return {
    id: CAISO_FEED_ID,
    market: CAISO_MARKET,
    datasets: CAISO_DATASETS,
    instruments: (): Promise<InstrumentDefinition[]> => Promise.resolve(caisoInstruments()),
    publishedUntil: (datasetId: string, nowMs: number): number =>
      caisoPublishedUntil(caisoDatasetId(datasetId), nowMs),
    fetch: async (
      datasetId: string,
      window: TimeRange,
      signal?: AbortSignal,
    ): Promise<FeedData> => {
      const id = caisoDatasetId(datasetId);
      if (!(window.fromMs < window.toMs) || !Number.isFinite(window.toMs - window.fromMs)) {
        throw new AppError(
          'invalid_request',
          'CAISO fetch window must be a finite, non-empty range.',
        );
      }
      const kind = CAISO_DATASETS.find((d) => d.id === id)?.kind ?? 'series';
      const parts =
        id === 'load' || id === 'genmix'
          ? await fetchOutlook(id, window, signal)
          : await fetchOasis(id, window, signal);
      return mergeFeedData(kind, parts);
    },
    parseDocument: async (datasetId: string, document: SourceDocument): Promise<FeedData> =>
      parse(caisoDatasetId(datasetId), document),
  };
};
