import type { InstrumentDefinition } from '../../../domain/instruments/instrument.js';
import { floorToMinutes, type TimeRange } from '../../../domain/time/interval.js';
import { addDays, type IsoDate } from '../../../domain/time/zoned.js';
import { AppError } from '../../../platform/errors.js';
import type {
  FeedData,
  FeedDataset,
  MarketFeed,
  SourceDocument,
} from '../../../ports/market-feed.js';
import type { FeedContext } from '../kit/feed-context.js';
import type { HttpSource } from '../kit/http-source.js';
import { mergeFeedData } from '../kit/merge-feed-data.js';
import { pricesWithin } from './miso-batches.js';
import { parseMisoFiveMinuteApi } from './miso-five-minute-api.js';
import { parseMisoFiveMinuteReport } from './miso-five-minute-lmp.js';
import { parseMisoHourlyLmp } from './miso-hourly-lmp.js';
import { parseMisoLoadReport } from './miso-load.js';
import { MISO_MARKET, MISO_TIMEZONE, misoInstruments } from './miso-market.js';
import { compactDate, estDateOf, estDatesIn, estDayStartMs, mondayOf } from './miso-time.js';

export const MISO_FEED_ID = 'miso';

/**
 * No generation-mix dataset yet: the public API's FuelMix response shape is not documented in our reference
 * (shared/reference/connectors.md gives only "JSON"), and a parser written against a guessed shape would be wrong
 * in ways no test could catch.
 */
export type MisoDatasetId = 'lmp.da' | 'lmp.rt5' | 'lmp.rt60' | 'load' | 'load.forecast';

/** Schedules are on MISO's own EST clock (the market's zone), like its publication times. */
const at = (cron: string): FeedDataset['schedule'] => ({ cron, timezone: MISO_TIMEZONE });

export const MISO_DATASETS: readonly FeedDataset[] = Object.freeze([
  {
    id: 'lmp.da',
    kind: 'prices',
    run: 'DA',
    description:
      'Day-ahead ex-post hourly LMPs for every node (da_expost_lmp.csv), published the afternoon before the operating day.',
    // Day-ahead results post by about 16:00 Central (16:00–17:00 EST); a second look catches late postings.
    schedule: at('0 30 17,20 * * *'),
    files: /_da_expost_lmp\.(csv|zip)$/i,
  },
  {
    id: 'lmp.rt5',
    kind: 'prices',
    run: 'RT5',
    description:
      'Real-time 5-minute ex-post LMPs: today and yesterday from the public API (preliminary), older weeks from the weekly 5MIN_LMP.zip (final).',
    schedule: at('30 */5 * * * *'),
    // Ex-post prices of an interval are approved a few minutes after it ends; look back over the last few.
    revisitMs: 15 * 60_000,
    files: /(_5MIN_LMP\.(zip|csv)|GetRealTimeFiveMinExPost.*\.json)$/i,
  },
  {
    id: 'lmp.rt60',
    kind: 'prices',
    run: 'RT60',
    description:
      'Real-time hourly final ex-post LMPs (rt_lmp_final.csv), about a week after the operating day.',
    schedule: at('0 0 9,15 * * *'),
    files: /_rt_lmp_final\.(csv|zip)$/i,
  },
  {
    id: 'load',
    kind: 'series',
    description:
      'Hourly actual load by Local Resource Zone and MISO total, from the next day\u2019s forecast-and-actual load report (df_al.xls).',
    schedule: at('0 15 1,9 * * *'),
    // One report feeds both load datasets; `ingest --file` loads it into each.
    files: /_df_al\.xlsx?$/i,
  },
  {
    id: 'load.forecast',
    kind: 'series',
    description:
      'Hourly medium-term load forecast by Local Resource Zone and MISO total for six days, issued daily (df_al.xls).',
    schedule: at('0 15 1,9 * * *'),
    files: /_df_al\.xlsx?$/i,
  },
] satisfies FeedDataset[]);

const KNOWN = MISO_DATASETS.map((d) => d.id).join(', ');

const datasetOf = (datasetId: string): FeedDataset & { id: MisoDatasetId } => {
  const dataset = MISO_DATASETS.find((d) => d.id === datasetId);
  if (!dataset) {
    throw new AppError(
      'invalid_request',
      `Unknown MISO dataset "${datasetId}"; known datasets: ${KNOWN}.`,
    );
  }
  return dataset as FeedDataset & { id: MisoDatasetId };
};

const MINUTE_MS = 60_000;
/** Day-ahead results are out by 17:00 EST (16:00 Central in winter). */
const DA_POSTED_MINUTE = 17 * 60;
/** The load report for a day is posted shortly after midnight EST. */
const LOAD_POSTED_MINUTE = 60;
/** Real-time final hourly LMPs trail the operating day by about a week. */
const RT_FINAL_LAG_DAYS = 7;

export interface MisoFeedOptions {
  /** Replaces both MISO hosts (market reports and public API), for tests against a loopback server. */
  readonly baseUrl?: string;
  /** The clock that decides which days the public API still serves; tests pin it. */
  readonly now?: () => number;
  /** Least time between two requests to one MISO host; default one second (both sit behind Cloudflare). */
  readonly minIntervalMs?: number;
}

/** Where one document of a fetch comes from and how it is read. */
interface PlannedDocument {
  readonly url: string;
  /** The document's name where the URL's last segment is not a file name (API endpoints). */
  readonly name?: string;
  readonly source: 'reports' | 'api';
  /** A weekly archive: parsed whole once, then cut to each window asked for. */
  readonly weekly?: boolean;
  readonly parse: (document: SourceDocument) => Promise<FeedData> | FeedData;
}

/**
 * MISO market data: keyless market reports on docs.misoenergy.org and the public real-time API on
 * public-api.misoenergy.org, both behind Cloudflare, so requests carry the configured User-Agent and are paced to
 * one a second. Every time is on MISO's EST clock (UTC−5 all year) and converted to UTC in the parsers.
 */
export const createMisoFeed = (context: FeedContext, options: MisoFeedOptions = {}): MarketFeed => {
  const reportsBase = `${options.baseUrl ?? 'https://docs.misoenergy.org'}/marketreports`;
  const apiBase = `${options.baseUrl ?? 'https://public-api.misoenergy.org'}/api/MarketPricing`;
  const now = options.now ?? Date.now;
  const spacingMs = options.minIntervalMs ?? 1000;
  const sources: Record<PlannedDocument['source'], HttpSource> = {
    reports: context.http({ name: 'MISO market reports', minIntervalMs: spacingMs }),
    api: context.http({
      name: 'MISO public API',
      minIntervalMs: spacingMs,
      headers: () => ({ accept: 'application/json' }),
    }),
  };
  // The ingest asks for one day at a time, and seven days share one weekly 5-minute archive (millions of rows):
  // keep the last one parsed instead of downloading and reading it again for every day.
  let lastWeekly: { url: string; data: Promise<FeedData | null> } | null = null;

  const report = (
    date: IsoDate,
    suffix: string,
    parse: PlannedDocument['parse'],
  ): PlannedDocument => ({
    url: `${reportsBase}/${compactDate(date)}${suffix}`,
    source: 'reports',
    parse,
  });

  const plan = (id: MisoDatasetId, date: IsoDate): PlannedDocument | null => {
    switch (id) {
      case 'lmp.da':
        return report(date, '_da_expost_lmp.csv', (d) => parseMisoHourlyLmp(context.csv, d, 'DA'));
      case 'lmp.rt60':
        return report(date, '_rt_lmp_final.csv', (d) => parseMisoHourlyLmp(context.csv, d, 'RT60'));
      case 'load':
        // A day's actual load is first reported in the next day's report.
        return report(addDays(date, 1), '_df_al.xls', (d) =>
          parseMisoLoadReport(d, ['load.actual']),
        );
      case 'load.forecast':
        // The day-ahead vintage: the report published the day before, which also forecasts four more days.
        return report(addDays(date, -1), '_df_al.xls', (d) =>
          parseMisoLoadReport(d, ['load.forecast']),
        );
      case 'lmp.rt5': {
        const today = estDateOf(now());
        if (date > today) {
          return null;
        }
        if (date === today || date === addDays(today, -1)) {
          const which = date === today ? 'Rolling' : 'Previous';
          return {
            url: `${apiBase}/GetRealTimeFiveMinExPost/${which}`,
            name: `GetRealTimeFiveMinExPost_${which}.json`,
            source: 'api',
            parse: parseMisoFiveMinuteApi,
          };
        }
        // The archive published on Monday M holds the week starting M − 14 days.
        const published = addDays(mondayOf(date), 14);
        return {
          ...report(published, '_5MIN_LMP.zip', (d) => parseMisoFiveMinuteReport(context.csv, d)),
          weekly: true,
        };
      }
    }
  };

  /** The document's data, or null when it is not published yet (404 or an empty body), which is no error. */
  const getAndParse = async (
    planned: PlannedDocument,
    signal?: AbortSignal,
  ): Promise<FeedData | null> => {
    const served = await sources[planned.source].getOptional(planned.url, {
      signal,
      ...(planned.name ? { name: planned.name } : {}),
    });
    return served === null || served.bytes.length === 0 ? null : planned.parse(served);
  };

  const load = (planned: PlannedDocument, signal?: AbortSignal): Promise<FeedData | null> => {
    if (!planned.weekly) {
      return getAndParse(planned, signal);
    }
    if (lastWeekly?.url === planned.url) {
      return lastWeekly.data;
    }
    const data = getAndParse(planned, signal);
    const entry = { url: planned.url, data };
    lastWeekly = entry;
    // Only a served archive is worth keeping: one not yet published (or a failure) is asked for again next time.
    const forget = (): void => {
      if (lastWeekly === entry) {
        lastWeekly = null;
      }
    };
    void data.then((parsed) => (parsed === null ? forget() : undefined), forget);
    return data;
  };

  const fetchWindow = async (
    datasetId: string,
    window: TimeRange,
    signal?: AbortSignal,
  ): Promise<FeedData> => {
    const dataset = datasetOf(datasetId);
    if (
      !Number.isFinite(window.fromMs) ||
      !Number.isFinite(window.toMs) ||
      window.toMs <= window.fromMs
    ) {
      throw new AppError(
        'invalid_request',
        'MISO fetch window must be a non-empty range with finite bounds.',
      );
    }
    const planned = new Map<string, PlannedDocument>();
    for (const date of estDatesIn(window.fromMs, window.toMs)) {
      const document = plan(dataset.id, date);
      if (document && !planned.has(document.url)) {
        planned.set(document.url, document);
      }
    }
    const parts: FeedData[] = [];
    for (const document of planned.values()) {
      const data = await load(document, signal);
      if (data !== null) {
        parts.push(document.weekly ? pricesWithin(data, window) : data);
      }
    }
    return mergeFeedData(dataset.kind, parts);
  };

  const parseDocument = async (datasetId: string, document: SourceDocument): Promise<FeedData> => {
    const id = datasetOf(datasetId).id;
    switch (id) {
      case 'lmp.da':
        return parseMisoHourlyLmp(context.csv, document, 'DA');
      case 'lmp.rt60':
        return parseMisoHourlyLmp(context.csv, document, 'RT60');
      case 'lmp.rt5': {
        const firstByte = document.bytes.find(
          (b) => b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09,
        );
        return firstByte === 0x7b
          ? parseMisoFiveMinuteApi(document)
          : parseMisoFiveMinuteReport(context.csv, document);
      }
      case 'load':
        return parseMisoLoadReport(document, ['load.actual']);
      case 'load.forecast':
        return parseMisoLoadReport(document, ['load.forecast']);
    }
  };

  const publishedUntil = (datasetId: string, nowMs: number): number => {
    const id = datasetOf(datasetId).id;
    const today = estDateOf(nowMs);
    const minuteOfDay = Math.floor((nowMs - estDayStartMs(today)) / MINUTE_MS);
    switch (id) {
      case 'lmp.da':
        return estDayStartMs(addDays(today, minuteOfDay >= DA_POSTED_MINUTE ? 2 : 1));
      case 'lmp.rt5':
        return floorToMinutes(nowMs, 5);
      case 'lmp.rt60':
        return estDayStartMs(addDays(today, 1 - RT_FINAL_LAG_DAYS));
      case 'load':
        return estDayStartMs(addDays(today, minuteOfDay >= LOAD_POSTED_MINUTE ? 0 : -1));
      case 'load.forecast':
        return estDayStartMs(addDays(today, minuteOfDay >= LOAD_POSTED_MINUTE ? 2 : 1));
    }
  };

  return {
    id: MISO_FEED_ID,
    market: MISO_MARKET,
    datasets: MISO_DATASETS,
    instruments: (): Promise<InstrumentDefinition[]> => Promise.resolve(misoInstruments()),
    publishedUntil,
    fetch: fetchWindow,
    parseDocument,
  };
};
