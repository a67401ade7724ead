import type { InstrumentDefinition } from '../../../domain/instruments/instrument.js';
import type { MarketRunId } from '../../../domain/markets/market.js';
import { HOUR_MS, type TimeRange } from '../../../domain/time/interval.js';
import {
  addDays,
  localDateOf,
  localDayBounds,
  utcMsToLocal,
  type IsoDate,
} from '../../../domain/time/zoned.js';
import { AppError } from '../../../platform/errors.js';
import type { FeedData, MarketFeed, SourceDocument } from '../../../ports/market-feed.js';
import { requireSetting, type FeedContext } from '../kit/feed-context.js';
import type { HttpSource } from '../kit/http-source.js';
import { isZip, unzipDocument } from '../kit/zip.js';
import { mergeFeedData, PriceCollector, SeriesCollector } from './isone-collect.js';
import {
  ISONE_DATASETS,
  isoneDatasetId,
  isonePublishedUntil,
  type IsoneDatasetId,
} from './isone-datasets.js';
import { collectGenMix } from './isone-genmix.js';
import { collectLoadForecast, collectSystemLoad } from './isone-load.js';
import { collectLmps, FIVE_MINUTE_LMP, HOURLY_LMP } from './isone-lmp.js';
import { ISONE_MARKET, ISONE_TIMEZONE, isoneInstruments } from './isone-market.js';
import { parseSmdLoad, parseSmdPrices } from './isone-smd.js';

export const ISONE_FEED_ID = 'isone';
export const ISONE_WEB_SERVICES_URL = 'https://webservices.iso-ne.com/api/v1.1';

/**
 * ISO-NE asks web-services users not to flood the service and answers 429 when they do; one request a second
 * keeps a day of 5-minute prices (24 requests) under half a minute.
 */
const MIN_REQUEST_INTERVAL_MS = 1000;
const CREDENTIALS = 'CARBON_ISONE_USERNAME and CARBON_ISONE_PASSWORD';

export interface IsoneFeedOptions {
  /** The web-services root, for tests against a loopback server. */
  readonly baseUrl?: string;
  /** Least time between requests; tests shorten it. */
  readonly minIntervalMs?: number;
}

const isBlank = (bytes: Uint8Array): boolean =>
  bytes.every((b) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d);

const compactDate = (date: IsoDate): string => date.replaceAll('-', '');

/** The market-local days a window touches (one for the ingest's day-sized windows). */
const localDays = (window: TimeRange): IsoDate[] => {
  const days: IsoDate[] = [];
  const last = localDateOf(ISONE_TIMEZONE, window.toMs - 1);
  for (let day = localDateOf(ISONE_TIMEZONE, window.fromMs); day <= last; day = addDays(day, 1)) {
    days.push(day);
  }
  return days;
};

/**
 * The `/day/YYYYMMDD/starthour/HH` requests covering a window: HH is the local wall-clock hour, so the
 * spring-forward day has no 02 and the fall-back day asks for 01 once; ISO-NE returns both 01:xx hours there,
 * told apart by their offsets.
 */
const startHours = (window: TimeRange): { day: string; hour: string }[] => {
  const seen = new Map<string, { day: string; hour: string }>();
  for (let ms = Math.floor(window.fromMs / HOUR_MS) * HOUR_MS; ms < window.toMs; ms += HOUR_MS) {
    const local = utcMsToLocal(ISONE_TIMEZONE, ms);
    const day = compactDate(localDateOf(ISONE_TIMEZONE, ms));
    const hour = String(local.hour).padStart(2, '0');
    seen.set(`${day}/${hour}`, { day, hour });
  }
  return [...seen.values()];
};

/**
 * ISO-NE web services (JSON, HTTP Basic log-in) and the SMD hourly workbook (saved sheets), for the ISONE market.
 * Times: web-services stamps carry Eastern offsets and are read as given; SMD hour-ending labels (with 02X) go
 * through the shared hour-ending rules. Datasets and their publication times: isone-datasets.ts.
 */
export const createIsoneFeed = (
  context: FeedContext,
  options: IsoneFeedOptions = {},
): MarketFeed => {
  const baseUrl = (options.baseUrl ?? ISONE_WEB_SERVICES_URL).replace(/\/+$/, '');
  let http: HttpSource | null = null;

  /** The Authorization header, or an error naming both settings when either is missing. */
  const authorization = (datasetId: string): string => {
    const purpose = `ISO-NE ${datasetId} (web services, HTTP Basic log-in from ${CREDENTIALS})`;
    const username = requireSetting(
      context.credentials.isoneUsername,
      'CARBON_ISONE_USERNAME',
      purpose,
    );
    const password = requireSetting(
      context.credentials.isonePassword,
      'CARBON_ISONE_PASSWORD',
      purpose,
    );
    return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
  };

  /** One response, named after its path; null when ISO-NE has not published it (404 or an empty body). */
  const request = async (
    path: string,
    auth: string,
    signal: AbortSignal | undefined,
  ): Promise<SourceDocument | null> => {
    http ??= context.http({
      name: 'ISO-NE web services',
      minIntervalMs: options.minIntervalMs ?? MIN_REQUEST_INTERVAL_MS,
      headers: () => ({ accept: 'application/json' }),
      credentialsHint: `Check ${CREDENTIALS}: an ISO Express account with web-services access.`,
    });
    const document = await http.getOptional(`${baseUrl}${path}`, {
      headers: { authorization: auth },
      signal,
    });
    if (document === null || isBlank(document.bytes)) {
      return null;
    }
    return { ...document, name: `${path.slice(1).replaceAll('/', '_')}.json` };
  };

  /** Hourly LMPs of each day: final where ISO-NE has settled the day, else preliminary (real time only). */
  const fetchHourlyLmps = async (
    run: MarketRunId,
    window: TimeRange,
    auth: string,
    signal?: AbortSignal,
  ): Promise<PriceCollector> => {
    const collector = new PriceCollector();
    const market = run === 'DA' ? 'da' : 'rt';
    for (const day of localDays(window).map(compactDate)) {
      for (const version of run === 'DA' ? ['final'] : ['final', 'prelim']) {
        const before = collector.length;
        const document = await request(`/hourlylmp/${market}/${version}/day/${day}`, auth, signal);
        if (document !== null) {
          collectLmps(document, HOURLY_LMP, run, collector);
        }
        if (collector.length > before) {
          break;
        }
      }
    }
    return collector;
  };

  const fetchFiveMinuteLmps = async (
    window: TimeRange,
    auth: string,
    signal?: AbortSignal,
  ): Promise<PriceCollector> => {
    const collector = new PriceCollector();
    for (const { day, hour } of startHours(window)) {
      for (const version of ['final', 'prelim']) {
        const before = collector.length;
        const path = `/fiveminutelmp/${version}/day/${day}/starthour/${hour}`;
        const document = await request(path, auth, signal);
        if (document !== null) {
          collectLmps(document, FIVE_MINUTE_LMP, 'RT5', collector);
        }
        if (collector.length > before) {
          break;
        }
      }
    }
    return collector;
  };

  const fetchDays = async (
    report: string,
    days: readonly IsoDate[],
    collect: (document: SourceDocument, collector: SeriesCollector) => void,
    auth: string,
    signal?: AbortSignal,
  ): Promise<SeriesCollector> => {
    const collector = new SeriesCollector();
    for (const day of days) {
      const document = await request(`/${report}/day/${compactDate(day)}`, auth, signal);
      if (document !== null) {
        collect(document, collector);
      }
    }
    return collector;
  };

  /**
   * Forecast days for a window, every vintage. A window that stops short of local midnight is the ingest catching
   * up to now; it also takes the next day's forecasts, so the current forecast for tomorrow is stored as soon as
   * it is issued. Later runs add the later vintages (a different issue time is a different point).
   */
  const forecastDays = (window: TimeRange): IsoDate[] => {
    const days = localDays(window);
    const last = days.at(-1) as IsoDate;
    const atFrontier = window.toMs < localDayBounds(ISONE_TIMEZONE, last).endMs;
    return atFrontier ? [...days, addDays(last, 1)] : days;
  };

  const fetchData = async (
    id: IsoneDatasetId,
    window: TimeRange,
    signal?: AbortSignal,
  ): Promise<FeedData> => {
    // Actuals for intervals still running are left for the next run; earlier ones in the same response are kept,
    // which fills an hour that was posted late.
    const finished = (endMs: number): boolean => endMs <= window.toMs;
    switch (id) {
      case 'lmp.da':
        return (await fetchHourlyLmps('DA', window, authorization(id), signal)).result();
      case 'lmp.rt60':
        return (await fetchHourlyLmps('RT60', window, authorization(id), signal)).result(finished);
      case 'lmp.rt5':
        return (await fetchFiveMinuteLmps(window, authorization(id), signal)).result(finished);
      case 'load': {
        const auth = authorization(id);
        const days = localDays(window);
        return (await fetchDays('hourlysysload', days, collectSystemLoad, auth, signal)).result(
          finished,
        );
      }
      case 'load.forecast': {
        const auth = authorization(id);
        const days = forecastDays(window);
        return (
          await fetchDays('hourlyloadforecast/all', days, collectLoadForecast, auth, signal)
        ).result();
      }
      case 'genmix': {
        const auth = authorization(id);
        const days = localDays(window);
        return (await fetchDays('genfuelmix', days, collectGenMix, auth, signal)).result(finished);
      }
      case 'smd.hourly':
      case 'smd.load':
        throw new AppError(
          'invalid_request',
          `ISONE ${id} is not served online; load the exported sheet with ingest --file.`,
        );
    }
  };

  const parseOne = async (id: IsoneDatasetId, document: SourceDocument): Promise<FeedData> => {
    switch (id) {
      case 'lmp.da':
        return collectLmps(document, HOURLY_LMP, 'DA').result();
      case 'lmp.rt60':
        return collectLmps(document, HOURLY_LMP, 'RT60').result();
      case 'lmp.rt5':
        return collectLmps(document, FIVE_MINUTE_LMP, 'RT5').result();
      case 'load':
        return collectSystemLoad(document).result();
      case 'load.forecast':
        return collectLoadForecast(document).result();
      case 'genmix':
        return collectGenMix(document).result();
      case 'smd.hourly':
        return parseSmdPrices(context.csv, document);
      case 'smd.load':
        return parseSmdLoad(context.csv, document);
    }
  };

  return {
    id: ISONE_FEED_ID,
    market: ISONE_MARKET,
    datasets: ISONE_DATASETS,
    instruments: (): Promise<InstrumentDefinition[]> => Promise.resolve(isoneInstruments()),
    publishedUntil: isonePublishedUntil,
    fetch: (datasetId, window, signal) => fetchData(isoneDatasetId(datasetId), window, signal),
    parseDocument: async (datasetId, document) => {
      const id = isoneDatasetId(datasetId);
      if (!isZip(document.bytes)) {
        return parseOne(id, document);
      }
      // Not how ISO-NE serves anything, but how many days of saved responses are usually kept.
      const parts: FeedData[] = [];
      const members = unzipDocument(document, (name) => /\.(?:json|csv)$/i.test(name));
      for (const member of members.filter((m) => !m.origin.includes('__MACOSX/'))) {
        parts.push(await parseOne(id, member));
      }
      const kind = ISONE_DATASETS.find((d) => d.id === id)?.kind ?? 'prices';
      return mergeFeedData(parts, kind);
    },
  };
};
