import type { InstrumentDefinition } from '../../../domain/instruments/instrument.js';
import { emptyPriceBatch } from '../../../domain/prices/price-batch.js';
import { emptySeriesBatch, type SeriesBatch } from '../../../domain/series/series-batch.js';
import { floorToMinutes, type TimeRange } from '../../../domain/time/interval.js';
import { addDays, localDateOf, localDayBounds, utcMsToLocal } from '../../../domain/time/zoned.js';
import { AppError } from '../../../platform/errors.js';
import type {
  FeedData,
  FeedDataset,
  MarketFeed,
  SourceDocument,
} from '../../../ports/market-feed.js';
import type { CsvEngine } from '../kit/csv-engine.js';
import type { FeedContext } from '../kit/feed-context.js';
import { parseFuelMix, parseSupplyDemand } from './ercot-dashboard-parsers.js';
import { ERCOT_MARKET, ERCOT_TIMEZONE, ercotInstruments } from './ercot-market.js';
import { mergeFeedData } from './ercot-merge.js';
import {
  ErcotClient,
  type ErcotClientOptions,
  type ErcotDocumentRef,
  type ErcotReport,
} from './ercot-mis.js';
import { parseDamSpp, parseRtSpp } from './ercot-price-parsers.js';
import { parseScedLmp } from './ercot-sced-parser.js';
import { parseLoadForecast, parseWind } from './ercot-series-parsers.js';

export const ERCOT_FEED_ID = 'ercot';

export type ErcotDatasetId =
  'lmp.da' | 'lmp.rt15' | 'lmp.rt5' | 'load' | 'load.forecast' | 'wind' | 'genmix';

const ZONE = ERCOT_TIMEZONE;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * For forecast reports (load.forecast, wind) the fetch window selects documents by **publication time**: each
 * hourly posting is a forecast vintage, and the ingest's consecutive windows then collect every vintage once.
 */
export const ERCOT_DATASETS: readonly FeedDataset[] = Object.freeze([
  {
    id: 'lmp.da',
    kind: 'prices',
    run: 'DA',
    description:
      'DAM Settlement Point Prices (NP4-190-CD), hourly, every resource node, hub and load zone. Posted after ' +
      'the day-ahead market clears (about 13:30 Central) for the next operating day.',
    schedule: { cron: '0 5 14 * * *', timezone: ZONE },
    files: /DAMSPNP4190/i,
  },
  {
    id: 'lmp.rt15',
    kind: 'prices',
    run: 'RT15',
    description:
      'Real-time Settlement Point Prices (NP6-905-CD), 15-minute, every resource node, hub and load zone ' +
      '(energy-weighted load zones as <zone>_EW). One file per interval, posted a few minutes after it ends.',
    schedule: { cron: '0 3,18,33,48 * * * *', timezone: ZONE },
    files: /SPPHLZNP6905/i,
  },
  {
    id: 'lmp.rt5',
    kind: 'prices',
    run: 'RT5',
    description:
      'SCED LMPs by settlement point (NP6-788-CD), one file per SCED run (every 5 minutes); LMP only.',
    schedule: { cron: '30 2-59/5 * * * *', timezone: ZONE },
    files: /LMPSROSNODENP6788/i,
  },
  {
    id: 'load',
    kind: 'series',
    description:
      'Actual ERCOT system load, hourly, from the supply-demand dashboard. The dashboard holds yesterday and ' +
      'today only, so older windows come back empty.',
    schedule: { cron: '0 7 * * * *', timezone: ZONE },
    files: /supply-demand.*\.json$/i,
  },
  {
    id: 'load.forecast',
    kind: 'series',
    description:
      'Seven-day load forecast by forecast zone and system total (NP3-560-CD), hourly, posted every hour at ' +
      ':30; each posting is stored as a vintage. Windows select postings by publication time.',
    schedule: { cron: '0 40 * * * *', timezone: ZONE },
    // LFCCONGESTNP3560 is ERCOT's name; the second form is how the shared fixture saved the download.
    files: /LFCCONGESTNP3560|load_forecast_by_forecast_zone/i,
  },
  {
    id: 'wind',
    kind: 'series',
    description:
      'Hourly wind generation, actual and STWPF forecast, system-wide and by region (NP4-732-CD), posted every ' +
      'hour at :55; forecasts stored as vintages. Windows select postings by publication time.',
    schedule: { cron: '0 5 * * * *', timezone: ZONE },
    files: /WPPHRLYAVGACTNP4732/i,
  },
  {
    id: 'genmix',
    kind: 'series',
    description:
      'Generation by fuel every 5 minutes from the fuel-mix dashboard (yesterday and today only).',
    schedule: { cron: '15 */5 * * * *', timezone: ZONE },
    files: /fuel-mix.*\.json$/i,
  },
] satisfies FeedDataset[]);

const REPORTS = {
  'lmp.da': { reportTypeId: 12331, emil: 'np4-190-cd' },
  'lmp.rt15': { reportTypeId: 12301, emil: 'np6-905-cd' },
  'lmp.rt5': { reportTypeId: 12300, emil: 'np6-788-cd' },
  'load.forecast': { reportTypeId: 12311, emil: 'np3-560-cd' },
  wind: { reportTypeId: 13028, emil: 'np4-732-cd' },
} as const satisfies Record<string, ErcotReport>;

type DocumentDatasetId = keyof typeof REPORTS;

const KNOWN = ERCOT_DATASETS.map((d) => d.id).join(', ');

const datasetIdOf = (datasetId: string): ErcotDatasetId => {
  if (ERCOT_DATASETS.some((d) => d.id === datasetId)) {
    return datasetId as ErcotDatasetId;
  }
  throw new AppError(
    'invalid_request',
    `Unknown ERCOT dataset "${datasetId}"; known datasets: ${KNOWN}.`,
  );
};

/** DAM results are dependably posted by this local time for the next operating day. */
const DAM_POSTED_MINUTE = 14 * 60;

const damPublishedUntil = (nowMs: number): number => {
  const local = utcMsToLocal(ZONE, nowMs);
  const today = localDateOf(ZONE, nowMs);
  const posted = local.hour * 60 + local.minute >= DAM_POSTED_MINUTE;
  return localDayBounds(ZONE, posted ? addDays(today, 1) : today).endMs;
};

/**
 * Price windows are turned into publication-time ranges of documents: RT SPP for [t, t+15) is posted within
 * minutes after t+15 and a SCED run's LMPs within minutes after t, so the RT15 range is the window shifted by 15
 * minutes and the RT5 range the window itself; each posting then belongs to exactly one window (a late one to the
 * next, whose rows outside it are kept). DAM prices for day D are posted on day D-1.
 */
const RT15_LAG_MS = 15 * MINUTE_MS;

const emptyData = (kind: FeedData['kind']): FeedData =>
  kind === 'prices'
    ? { kind, prices: emptyPriceBatch(), instruments: [] }
    : { kind, series: emptySeriesBatch(), instruments: [] };

/** Series rows whose interval starts in [fromMs, toMs). */
const seriesWithin = (series: SeriesBatch, fromMs: number, toMs: number): SeriesBatch => {
  const keep: number[] = [];
  for (let i = 0; i < series.length; i++) {
    const start = series.intervalStartMs[i] as number;
    if (start >= fromMs && start < toMs) {
      keep.push(i);
    }
  }
  const pick = <T extends Float64Array | Uint16Array | Uint32Array>(column: T): T =>
    new (column.constructor as new (values: number[]) => T)(keep.map((i) => column[i] as number));
  return {
    ...series,
    length: keep.length,
    instrumentIndex: pick(series.instrumentIndex),
    variableIndex: pick(series.variableIndex),
    intervalStartMs: pick(series.intervalStartMs),
    intervalMinutes: pick(series.intervalMinutes),
    valueMw: pick(series.valueMw),
    issuedAtMs: pick(series.issuedAtMs),
  };
};

export type ErcotFeedOptions = ErcotClientOptions;

/**
 * ERCOT: settlement point prices (DAM hourly, RT 15-minute), SCED 5-minute LMPs, system load, the seven-day load
 * forecast, hourly wind and the 5-minute fuel mix. Reports come from the MIS website listing for recent days and
 * from the Public API archive (credentials CARBON_ERCOT_USERNAME, CARBON_ERCOT_PASSWORD,
 * CARBON_ERCOT_SUBSCRIPTION_KEY) for anything older than the listing reaches.
 */
export const createErcotFeed = (
  context: FeedContext,
  options: ErcotFeedOptions = {},
): MarketFeed => {
  const client = new ErcotClient(context, options);
  const { csv } = context;

  const parse = (id: ErcotDatasetId, document: SourceDocument): Promise<FeedData> =>
    parseWith(csv, id, document);

  /** Downloads and parses the documents published in [fromMs, toMs), in publication order (later wins). */
  const fetchPublished = async (
    id: DocumentDatasetId,
    fromMs: number,
    toMs: number,
    signal?: AbortSignal,
    pick: (refs: ErcotDocumentRef[]) => ErcotDocumentRef[] = (refs) => refs,
  ): Promise<FeedData> => {
    const refs = pick(await client.published(REPORTS[id], fromMs, toMs, `ERCOT ${id}`, signal));
    const parts: FeedData[] = [];
    for (const ref of refs) {
      const document = await client.download(ref, signal);
      if (document !== null) {
        parts.push(await parse(id, document));
      }
    }
    const kind = id.startsWith('lmp.') ? 'prices' : 'series';
    return parts.length === 0 ? emptyData(kind) : mergeFeedData(kind, parts);
  };

  /** The latest DAM posting made on the day before each operating day the window touches. */
  const fetchDayAhead = (window: TimeRange, signal?: AbortSignal): Promise<FeedData> => {
    const firstDay = localDateOf(ZONE, window.fromMs);
    const lastDay = localDateOf(ZONE, window.toMs - 1);
    return fetchPublished(
      'lmp.da',
      localDayBounds(ZONE, addDays(firstDay, -1)).startMs,
      localDayBounds(ZONE, lastDay).startMs,
      signal,
      (refs) => {
        const latestPerDay = new Map<string, ErcotDocumentRef>();
        for (const ref of refs) {
          latestPerDay.set(localDateOf(ZONE, ref.publishedMs), ref);
        }
        return [...latestPerDay.values()];
      },
    );
  };

  /** Dashboards hold yesterday and today; rows from a day before the window are kept so late fills land. */
  const fetchDashboard = async (
    id: 'load' | 'genmix',
    window: TimeRange,
    signal?: AbortSignal,
  ): Promise<FeedData> => {
    const file = id === 'load' ? 'supply-demand.json' : 'fuel-mix.json';
    const data = await parse(id, await client.dashboard(file, signal));
    return data.kind === 'series'
      ? { ...data, series: seriesWithin(data.series, window.fromMs - DAY_MS, window.toMs) }
      : data;
  };

  return {
    id: ERCOT_FEED_ID,
    market: ERCOT_MARKET,
    datasets: ERCOT_DATASETS,
    instruments: (): Promise<InstrumentDefinition[]> => Promise.resolve(ercotInstruments()),
    publishedUntil: (datasetId: string, nowMs: number): number => {
      const id = datasetIdOf(datasetId);
      switch (id) {
        case 'lmp.da':
          return damPublishedUntil(nowMs);
        case 'lmp.rt15':
          // The window's documents are posted up to 15 minutes after it ends; allow two more for the listing.
          return floorToMinutes(nowMs - RT15_LAG_MS - 2 * MINUTE_MS, 15);
        case 'lmp.rt5':
          return floorToMinutes(nowMs - 2 * MINUTE_MS, 5);
        case 'load':
          return floorToMinutes(nowMs, 60);
        case 'genmix':
          return floorToMinutes(nowMs, 5);
        case 'load.forecast':
        case 'wind':
          // Publication-time windows: postings up to a few minutes ago are in the listing.
          return floorToMinutes(nowMs - 5 * MINUTE_MS, 5);
      }
    },
    fetch: async (
      datasetId: string,
      window: TimeRange,
      signal?: AbortSignal,
    ): Promise<FeedData> => {
      const id = datasetIdOf(datasetId);
      if (!(window.toMs > window.fromMs)) {
        return emptyData(id.startsWith('lmp.') ? 'prices' : 'series');
      }
      switch (id) {
        case 'lmp.da':
          return fetchDayAhead(window, signal);
        case 'lmp.rt15':
          return fetchPublished(id, window.fromMs + RT15_LAG_MS, window.toMs + RT15_LAG_MS, signal);
        case 'lmp.rt5':
        case 'load.forecast':
        case 'wind':
          return fetchPublished(id, window.fromMs, window.toMs, signal);
        case 'load':
        case 'genmix':
          return fetchDashboard(id, window, signal);
      }
    },
    parseDocument: (datasetId: string, document: SourceDocument): Promise<FeedData> =>
      Promise.resolve().then(() => parse(datasetIdOf(datasetId), document)),
  };
};

/** The parser of each dataset; `fetch` and `ingest --file` both come through here. */
const parseWith = (
  csv: CsvEngine,
  id: ErcotDatasetId,
  document: SourceDocument,
): Promise<FeedData> => {
  switch (id) {
    case 'lmp.da':
      return parseDamSpp(csv, document);
    case 'lmp.rt15':
      return parseRtSpp(csv, document);
    case 'lmp.rt5':
      return parseScedLmp(csv, document);
    case 'load.forecast':
      return parseLoadForecast(csv, document);
    case 'wind':
      return parseWind(csv, document);
    case 'load':
      return Promise.resolve(parseSupplyDemand(document));
    case 'genmix':
      return Promise.resolve(parseFuelMix(document));
  }
};
