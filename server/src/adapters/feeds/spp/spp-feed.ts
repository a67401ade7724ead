import type { InstrumentDefinition } from '../../../domain/instruments/instrument.js';
import { floorToMinutes, MINUTE_MS, type TimeRange } from '../../../domain/time/interval.js';
import { addDays, localDateOf, localDayBounds, utcMsToLocal } from '../../../domain/time/zoned.js';
import { AppError } from '../../../platform/errors.js';
import type {
  FeedData,
  FeedDataset,
  MarketFeed,
  SourceDocument,
} from '../../../ports/market-feed.js';
import type { FeedContext } from '../kit/feed-context.js';
import type { HttpSource } from '../kit/http-source.js';
import { daFile, marketDaysIn, rtPlan, SPP_PORTAL_URL, type SppFile } from './spp-files.js';
import { isBlankDocument, parseSppLmpDocument, type SppLmpRun } from './spp-lmp-csv.js';
import { SPP_MARKET, SPP_TIMEZONE, sppInstruments } from './spp-market.js';
import { mergeFeedData } from '../kit/merge-feed-data.js';

export const SPP_FEED_ID = 'spp';

export type SppDatasetId = 'lmp.da' | 'lmp.rt5';

/** Day-ahead results are posted at 14:00 Central; 14:30 leaves room for a late posting. */
const DA_POSTED_MINUTE = 14 * 60 + 30;
/**
 * A 5-minute file appears shortly after its interval ends, and SPP creates it empty first (a zero-byte
 * RTBM-LMP-SL file is "not yet"), so an interval counts as published three minutes after its end.
 */
const RT_LAG_MS = 3 * MINUTE_MS;
/**
 * SPP publishes no request limit for the file browser. Four requests a second reads a day of 5-minute files
 * (288) in about 75 s, which is slow enough to be a polite single client; whole past days use the roll-up.
 */
const DEFAULT_MIN_INTERVAL_MS = 250;

export const SPP_DATASETS: readonly FeedDataset[] = Object.freeze([
  {
    id: 'lmp.da',
    kind: 'prices',
    run: 'DA',
    description:
      'Day-ahead hourly LMPs with energy (MEC), congestion (MCC) and loss (MLC) for every settlement location; ' +
      'posted about 14:00 Central for the next operating day.',
    schedule: { cron: '0 30 14 * * *', timezone: SPP_TIMEZONE },
    files: /^DA-LMP-SL-\d{12}[^/]*\.(?:csv|zip)$/i,
  },
  {
    id: 'lmp.rt5',
    kind: 'prices',
    run: 'RT5',
    description:
      'Real-time balancing market 5-minute LMPs with energy, congestion and loss for every settlement location; ' +
      'one file per interval, and a daily roll-up for past days.',
    schedule: { cron: '0 3-58/5 * * * *', timezone: SPP_TIMEZONE },
    files: /^RTBM-LMP-(?:SL-(?:\d{12}d?|latestInterval)|DAILY-SL-\d{8})[^/]*\.(?:csv|zip)$/i,
  },
] satisfies FeedDataset[]);

const RUN_OF: Readonly<Record<SppDatasetId, SppLmpRun>> = { 'lmp.da': 'DA', 'lmp.rt5': 'RT5' };

const datasetIdOf = (datasetId: string): SppDatasetId => {
  if (Object.hasOwn(RUN_OF, datasetId)) {
    return datasetId as SppDatasetId;
  }
  throw new AppError(
    'invalid_request',
    `Unknown SPP dataset "${datasetId}"; known datasets: ${SPP_DATASETS.map((d) => d.id).join(', ')}.`,
  );
};

const daPublishedUntil = (nowMs: number): number => {
  const local = utcMsToLocal(SPP_TIMEZONE, nowMs);
  const today = localDateOf(SPP_TIMEZONE, nowMs);
  const posted = local.hour * 60 + local.minute >= DA_POSTED_MINUTE;
  return localDayBounds(SPP_TIMEZONE, posted ? addDays(today, 1) : today).endMs;
};

export interface SppFeedOptions {
  /** Where the SPP portal is; tests point it at a loopback server. */
  readonly baseUrl?: string;
  /** Least time between two requests; tests set 0 to walk a day of 5-minute files quickly. */
  readonly minIntervalMs?: number;
}

/**
 * SPP's Integrated Marketplace prices from the public file browser of portal.spp.org (no key needed):
 * day-ahead hourly and real-time 5-minute LMPs for every settlement location.
 */
export const createSppFeed = (context: FeedContext, options: SppFeedOptions = {}): MarketFeed => {
  const baseUrl = options.baseUrl ?? SPP_PORTAL_URL;
  let source: HttpSource | null = null;
  const http = (): HttpSource =>
    (source ??= context.http({
      name: 'SPP Marketplace portal',
      minIntervalMs: options.minIntervalMs ?? DEFAULT_MIN_INTERVAL_MS,
      credentialsHint:
        'The SPP portal needs no key but refuses some addresses outside the US; run the SPP feed from a US network.',
    }));

  /** A published document, or null while SPP has not published it (404 or an empty file). */
  const download = async (file: SppFile, signal?: AbortSignal): Promise<SourceDocument | null> => {
    const document = await http().getOptional(file.url, { signal });
    // The file browser's URL path is the folder; the operator's file name is the end of the `path` parameter.
    return document === null || isBlankDocument(document.bytes)
      ? null
      : { ...document, name: file.name };
  };

  const read = async (
    files: readonly SppFile[],
    run: SppLmpRun,
    signal?: AbortSignal,
  ): Promise<FeedData[]> => {
    const parts: FeedData[] = [];
    for (const file of files) {
      const document = await download(file, signal);
      if (document !== null) {
        parts.push(await parseSppLmpDocument(context.csv, document, run));
      }
    }
    return parts;
  };

  const fetchRealTime = async (window: TimeRange, signal?: AbortSignal): Promise<FeedData> => {
    const parts: FeedData[] = [];
    for (const day of rtPlan(window, baseUrl)) {
      const daily = day.daily === null ? null : await download(day.daily, signal);
      parts.push(
        ...(daily !== null
          ? [await parseSppLmpDocument(context.csv, daily, 'RT5')]
          : await read(day.intervals, 'RT5', signal)),
      );
    }
    return mergeFeedData('prices', parts);
  };

  return {
    id: SPP_FEED_ID,
    market: SPP_MARKET,
    datasets: SPP_DATASETS,
    instruments: (): Promise<InstrumentDefinition[]> => Promise.resolve(sppInstruments()),
    publishedUntil: (datasetId: string, nowMs: number): number => {
      switch (datasetIdOf(datasetId)) {
        case 'lmp.da':
          return daPublishedUntil(nowMs);
        case 'lmp.rt5':
          return floorToMinutes(nowMs - RT_LAG_MS, 5);
      }
    },
    fetch: async (datasetId: string, window: TimeRange, signal?: AbortSignal) => {
      switch (datasetIdOf(datasetId)) {
        case 'lmp.da': {
          const files = marketDaysIn(window).map((date) => daFile(date, baseUrl));
          return mergeFeedData('prices', await read(files, 'DA', signal));
        }
        case 'lmp.rt5':
          return fetchRealTime(window, signal);
      }
    },
    parseDocument: async (datasetId: string, document: SourceDocument): Promise<FeedData> =>
      parseSppLmpDocument(context.csv, document, RUN_OF[datasetIdOf(datasetId)]),
  };
};
