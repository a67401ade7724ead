import { floorToMinutes, MINUTE_MS } from '../../../domain/time/interval.js';
import { addDays, localDateOf, localDayBounds, utcMsToLocal } from '../../../domain/time/zoned.js';
import type { FeedData, FeedDataset, SourceDocument } from '../../../ports/market-feed.js';
import type { CsvEngine } from '../kit/csv-engine.js';
import type { NyisoReport } from './nyiso-documents.js';
import { parseFuelMixDocument } from './nyiso-fuel-mix.js';
import {
  DAY_AHEAD_LBMP,
  parseLbmpDocument,
  REAL_TIME_DISPATCH_LBMP,
  REAL_TIME_HOURLY_LBMP,
  type LbmpReport,
} from './nyiso-lbmp.js';
import { parseIsolfDocument, parsePalDocument } from './nyiso-load.js';
import { NYISO_TIMEZONE } from './nyiso-market.js';

/** A dataset with what it takes to fetch and read it: NYISO's report, its parser, and when it is published. */
export interface NyisoDatasetSpec extends FeedDataset {
  readonly report: NyisoReport;
  parse(csv: CsvEngine, document: SourceDocument): Promise<FeedData>;
  publishedUntil(nowMs: number): number;
}

/** NYISO posts the day-ahead results for tomorrow by 11:00 Eastern. */
const DA_POSTED_MINUTE = 11 * 60;
/** Assumed posting time of a day's load-forecast file (the file itself carries none). */
const FORECAST_POSTED_MINUTE = 6 * 60;
/** Real-time files take a minute or two after an interval ends to include it. */
const RT_LAG_MS = 2 * MINUTE_MS;
const HOURLY_LAG_MS = 10 * MINUTE_MS;

const localToday = (nowMs: number): string => localDateOf(NYISO_TIMEZONE, nowMs);
const localMinuteOfDay = (nowMs: number): number => {
  const local = utcMsToLocal(NYISO_TIMEZONE, nowMs);
  return local.hour * 60 + local.minute;
};

const dayAheadPublishedUntil = (nowMs: number): number => {
  const today = localToday(nowMs);
  const posted = localMinuteOfDay(nowMs) >= DA_POSTED_MINUTE;
  return localDayBounds(NYISO_TIMEZONE, posted ? addDays(today, 1) : today).endMs;
};

const fiveMinutePublishedUntil = (nowMs: number): number => floorToMinutes(nowMs - RT_LAG_MS, 5);
const hourlyPublishedUntil = (nowMs: number): number => floorToMinutes(nowMs - HOURLY_LAG_MS, 60);

/**
 * A forecast window's local date picks the forecast file (vintage) of that date, which covers that day and the
 * following ones; so forecasts are "published until" the end of the last day whose file is out.
 */
const forecastPublishedUntil = (nowMs: number): number => {
  const today = localToday(nowMs);
  const posted = localMinuteOfDay(nowMs) >= FORECAST_POSTED_MINUTE;
  const bounds = localDayBounds(NYISO_TIMEZONE, today);
  return posted ? bounds.endMs : bounds.startMs;
};

const lbmpDataset = (
  id: string,
  folder: string,
  file: 'zone' | 'gen',
  report: LbmpReport,
  what: string,
  cron: string,
  publishedUntil: (nowMs: number) => number,
): NyisoDatasetSpec => ({
  id,
  kind: 'prices',
  run: report.run,
  description: `${what} LBMPs with energy, congestion and loss, ${file === 'zone' ? 'by load zone and external proxy bus' : 'by generator bus'} (NYISO ${folder}_${file}).`,
  schedule: { cron, timezone: NYISO_TIMEZONE },
  files: new RegExp(`${folder}_${file}[^/]*\\.(?:csv|zip)$`, 'i'),
  report: { folder, suffix: file === 'zone' ? '_zone' : '_gen' },
  parse: (csv, document) => parseLbmpDocument(csv, document, report, file),
  publishedUntil,
});

const DA_CRON = '0 15 11 * * *';
const RT5_CRON = '30 2-59/5 * * * *';
const RT60_CRON = '0 10 * * * *';

/**
 * Every dataset, zonal and generator-bus prices apart: the zonal files are small and are what hub and zone
 * products need; the generator files are fifty times larger (and their monthly archives tens of megabytes), so
 * they are their own datasets, ingested where nodal prices are wanted.
 */
export const NYISO_DATASET_SPECS: readonly NyisoDatasetSpec[] = Object.freeze([
  lbmpDataset(
    'lmp.da',
    'damlbmp',
    'zone',
    DAY_AHEAD_LBMP,
    'Day-ahead hourly',
    DA_CRON,
    dayAheadPublishedUntil,
  ),
  lbmpDataset(
    'lmp.da.gen',
    'damlbmp',
    'gen',
    DAY_AHEAD_LBMP,
    'Day-ahead hourly',
    DA_CRON,
    dayAheadPublishedUntil,
  ),
  lbmpDataset(
    'lmp.rt5',
    'realtime',
    'zone',
    REAL_TIME_DISPATCH_LBMP,
    'Real-time dispatch (RTD) 5-minute',
    RT5_CRON,
    fiveMinutePublishedUntil,
  ),
  lbmpDataset(
    'lmp.rt5.gen',
    'realtime',
    'gen',
    REAL_TIME_DISPATCH_LBMP,
    'Real-time dispatch (RTD) 5-minute',
    RT5_CRON,
    fiveMinutePublishedUntil,
  ),
  lbmpDataset(
    'lmp.rt60',
    'rtlbmp',
    'zone',
    REAL_TIME_HOURLY_LBMP,
    'Real-time hourly time-weighted',
    RT60_CRON,
    hourlyPublishedUntil,
  ),
  lbmpDataset(
    'lmp.rt60.gen',
    'rtlbmp',
    'gen',
    REAL_TIME_HOURLY_LBMP,
    'Real-time hourly time-weighted',
    RT60_CRON,
    hourlyPublishedUntil,
  ),
  {
    id: 'load',
    kind: 'series',
    description:
      'Real-time actual load every 5 minutes by load zone (LOAD.<zone>) and their sum (SYSTEM_LOAD) (NYISO pal).',
    schedule: { cron: '45 2-59/5 * * * *', timezone: NYISO_TIMEZONE },
    files: /(?:^|[^a-z])pal(?:_csv\.zip|\.csv)$/i,
    report: { folder: 'pal', suffix: '' },
    parse: parsePalDocument,
    publishedUntil: fiveMinutePublishedUntil,
  },
  {
    id: 'load.forecast',
    kind: 'series',
    description:
      'ISO hourly load forecast by load zone and for NYCA, one vintage per file date, several days ahead (NYISO isolf).',
    schedule: { cron: '0 30 6 * * *', timezone: NYISO_TIMEZONE },
    files: /isolf(?:_csv\.zip|\.csv)$/i,
    report: { folder: 'isolf', suffix: '' },
    parse: parseIsolfDocument,
    publishedUntil: forecastPublishedUntil,
  },
  {
    id: 'genmix',
    kind: 'series',
    description: 'Real-time generation by fuel every 5 minutes (NYISO rtfuelmix).',
    schedule: { cron: '50 2-59/5 * * * *', timezone: NYISO_TIMEZONE },
    files: /rtfuelmix(?:_csv\.zip|\.csv)$/i,
    report: { folder: 'rtfuelmix', suffix: '' },
    parse: parseFuelMixDocument,
    publishedUntil: fiveMinutePublishedUntil,
  },
] satisfies NyisoDatasetSpec[]);

/** The datasets as the MarketFeed port shows them (without the parser and report). */
export const NYISO_DATASETS: readonly FeedDataset[] = Object.freeze(
  NYISO_DATASET_SPECS.map(({ id, kind, run, description, schedule, files }) =>
    Object.freeze({
      id,
      kind,
      ...(run ? { run } : {}),
      description,
      schedule,
      ...(files ? { files } : {}),
    }),
  ),
);
