import type { InstrumentDefinition } from '../../../domain/instruments/instrument.js';
import type { TimeRange } from '../../../domain/time/interval.js';
import { AppError } from '../../../platform/errors.js';
import type { FeedData, MarketFeed, SourceDocument } from '../../../ports/market-feed.js';
import { requireSetting, type FeedContext } from '../kit/feed-context.js';
import { readAllPages, type DataMinerSearch } from './dataminer-client.js';
import { readDocument, type DataMinerReader } from './dataminer-page.js';
import {
  PJM_DATASETS,
  pjmPublishedUntil,
  postedNextBusinessDay,
  type PjmDatasetId,
} from './pjm-datasets.js';
import { PjmFuelMixReader } from './pjm-fuel-mix-parser.js';
import { PjmLoadForecastReader } from './pjm-load-forecast-parser.js';
import { PjmMeteredLoadReader } from './pjm-load-parser.js';
import { LMP_REPORTS, PjmLmpReader, type LmpReport } from './pjm-lmp-parser.js';
import { PJM_DEFAULT_PNODE_IDS, PJM_MARKET, pjmInstruments } from './pjm-market.js';
import { planDataMinerWindows, type DataMinerWindow } from './pjm-window-plan.js';

export const PJM_FEED_ID = 'pjm';
export const PJM_BASE_URL = 'https://api.pjm.com';
/** PJM allows keys of non-members 6 Data Miner requests a minute (members 600); 10 s apart keeps within it. */
export const PJM_MIN_INTERVAL_MS = 10_000;

export interface PjmFeedOptions {
  /** Data Miner 2 host; tests point it at a loopback server. */
  readonly baseUrl?: string;
  /** Least time between two requests; lower it (e.g. 100 ms) for a PJM member key. */
  readonly minIntervalMs?: number;
  /** Pnodes the LMP datasets fetch: the 12 hubs and 23 zones by default, or every pnode ('all'). */
  readonly pnodes?: readonly number[] | 'all';
  /** The clock that places Data Miner's archive boundary (tests). */
  readonly now?: () => number;
}

const KEY_PURPOSE = 'PJM Data Miner 2 (a free key from apiportal.pjm.com)';

/** How each dataset is searched and read. */
interface DatasetPlan {
  /** Feeds in order of preference: the next is asked only when the one before has nothing for the window. */
  readonly feeds: readonly string[];
  readonly intervalMinutes: number;
  /** The EPT field the date filter applies to. */
  readonly dateField: string;
  readonly reader: (
    window: TimeRange | null,
    pnodes: ReadonlySet<number> | null,
  ) => DataMinerReader;
  /**
   * When the first feed can have rows only up to some time (verified LMPs are posted on the next business day),
   * windows after it go straight to the next feed: one request instead of two, which matters at 6 a minute.
   */
  readonly firstFeedUntil?: (nowMs: number) => number;
}

const lmpPlan = (reports: readonly LmpReport[]): DatasetPlan => {
  const [first] = reports as [LmpReport];
  return {
    feeds: reports.map((r) => r.feed),
    intervalMinutes: first.intervalMinutes,
    dateField: 'datetime_beginning_ept',
    reader: (window, pnodeIds) => new PjmLmpReader(first, { window, pnodeIds }),
  };
};

const PLANS: Readonly<Record<PjmDatasetId, DatasetPlan>> = {
  'lmp.da': lmpPlan([LMP_REPORTS.da_hrl_lmps]),
  'lmp.rt5': {
    ...lmpPlan([LMP_REPORTS.rt_fivemin_hrl_lmps, LMP_REPORTS.rt_unverified_fivemin_lmps]),
    // Verified 5-minute LMPs are settled with the hourly ones, around noon of the next business day.
    firstFeedUntil: (nowMs) => postedNextBusinessDay(nowMs, 12, 0),
  },
  'lmp.rt60': lmpPlan([LMP_REPORTS.rt_hrl_lmps]),
  load: {
    feeds: ['hrl_load_metered'],
    intervalMinutes: 60,
    dateField: 'datetime_beginning_ept',
    reader: (window) => new PjmMeteredLoadReader(window),
  },
  'load.forecast': {
    feeds: ['load_frcstd_7_day'],
    intervalMinutes: 60,
    dateField: 'forecast_datetime_beginning_ept',
    reader: (window) => new PjmLoadForecastReader(window),
  },
  genmix: {
    feeds: ['gen_by_fuel'],
    intervalMinutes: 60,
    dateField: 'datetime_beginning_ept',
    reader: (window) => new PjmFuelMixReader(window),
  },
};

const isLmpFeed = (feed: string): feed is keyof typeof LMP_REPORTS => feed in LMP_REPORTS;

/** Fields asked for from an LMP feed; the unverified feed has no system energy and no versions. */
const lmpFields = (feed: keyof typeof LMP_REPORTS): string => {
  const { suffix } = LMP_REPORTS[feed];
  const prices = [
    `total_lmp_${suffix}`,
    `congestion_price_${suffix}`,
    `marginal_loss_price_${suffix}`,
  ];
  const verified = feed !== 'rt_unverified_fivemin_lmps';
  return [
    'datetime_beginning_utc',
    'pnode_id',
    'pnode_name',
    'type',
    ...(verified ? [`system_energy_price_${suffix}`] : []),
    ...prices,
    ...(verified ? ['row_is_current'] : []),
  ].join(',');
};

/**
 * The query for one feed and window. Recent LMP rows are asked for by pnode with only the fields we read;
 * archived rows cannot be filtered that way, so the whole feed comes back and the reader keeps our pnodes.
 * Verified LMP feeds keep superseded versions, so only current rows are asked for.
 */
const searchFor = (
  plan: DatasetPlan,
  feed: string,
  window: DataMinerWindow,
  pnodes: readonly number[] | null,
): DataMinerSearch => {
  const params: [string, string][] = [];
  if (isLmpFeed(feed)) {
    if (!window.archived) {
      params.push(['fields', lmpFields(feed)]);
      if (pnodes !== null) {
        params.push(['pnode_id', pnodes.join(';')]);
      }
    }
    if (feed !== 'rt_unverified_fivemin_lmps') {
      params.push(['row_is_current', 'TRUE']);
    }
  }
  params.push([plan.dateField, window.eptRange]);
  return { feed, params };
};

const datasetIdOf = (datasetId: string): PjmDatasetId => {
  if (datasetId in PLANS) {
    return datasetId as PjmDatasetId;
  }
  throw new AppError(
    'invalid_request',
    `Unknown PJM dataset "${datasetId}"; known datasets: ${Object.keys(PLANS).join(', ')}.`,
  );
};

/**
 * PJM through Data Miner 2 (api.pjm.com, key in `Ocp-Apim-Subscription-Key` from CARBON_PJM_API_KEY). Each
 * fetch plans its searches (pjm-window-plan.ts), pages through every answer and reads the rows with the same
 * readers `parseDocument` uses. All times come from Data Miner's `_utc` fields.
 */
export const createPjmFeed = (context: FeedContext, options: PjmFeedOptions = {}): MarketFeed => {
  const baseUrl = (options.baseUrl ?? PJM_BASE_URL).replace(/\/+$/, '');
  const now = options.now ?? Date.now;
  const pnodes = options.pnodes === 'all' ? null : (options.pnodes ?? PJM_DEFAULT_PNODE_IDS);
  const pnodeSet = pnodes === null ? null : new Set(pnodes);
  const apiKey = (): string =>
    requireSetting(context.credentials.pjmApiKey, 'CARBON_PJM_API_KEY', KEY_PURPOSE);
  const source = context.http({
    name: 'PJM Data Miner 2',
    minIntervalMs: options.minIntervalMs ?? PJM_MIN_INTERVAL_MS,
    headers: () => ({ 'Ocp-Apim-Subscription-Key': apiKey() }),
    credentialsHint:
      'Check CARBON_PJM_API_KEY: it must be an active Data Miner 2 subscription key from apiportal.pjm.com.',
  });

  const fetchWindow = async (
    datasetId: string,
    window: TimeRange,
    signal?: AbortSignal,
  ): Promise<FeedData> => {
    const plan = PLANS[datasetIdOf(datasetId)];
    apiKey();
    const reader = plan.reader(window, pnodeSet);
    const nowMs = now();
    const firstFeedUntil = plan.firstFeedUntil?.(nowMs) ?? Number.POSITIVE_INFINITY;
    for (const part of planDataMinerWindows(window, plan.intervalMinutes, nowMs)) {
      for (const [rank, feed] of plan.feeds.entries()) {
        if (rank === 0 && plan.feeds.length > 1 && part.fromMs >= firstFeedUntil) {
          continue;
        }
        // Unverified 5-minute rows are kept for a short time only; archived windows have verified rows or none.
        if (rank > 0 && part.archived) {
          break;
        }
        const before = reader.rowsRead;
        await readAllPages(source, baseUrl, searchFor(plan, feed, part, pnodes), reader, signal);
        if (reader.rowsRead > before) {
          break;
        }
      }
    }
    return reader.finish();
  };

  const parseDocument = (datasetId: string, document: SourceDocument): Promise<FeedData> =>
    new Promise((resolve) => {
      resolve(readDocument(PLANS[datasetIdOf(datasetId)].reader(null, null), document));
    });

  return {
    id: PJM_FEED_ID,
    market: PJM_MARKET,
    datasets: PJM_DATASETS,
    instruments: (): Promise<InstrumentDefinition[]> => Promise.resolve(pjmInstruments()),
    publishedUntil: (datasetId, nowMs) => pjmPublishedUntil(datasetIdOf(datasetId), nowMs),
    fetch: fetchWindow,
    parseDocument,
  };
};
