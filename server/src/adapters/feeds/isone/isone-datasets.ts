import { floorToMinutes, MINUTE_MS } from '../../../domain/time/interval.js';
import { addDays, localDateOf, localDayBounds, utcMsToLocal } from '../../../domain/time/zoned.js';
import { AppError } from '../../../platform/errors.js';
import type { FeedDataset } from '../../../ports/market-feed.js';
import { ISONE_TIMEZONE } from './isone-market.js';

export type IsoneDatasetId =
  | 'lmp.da'
  | 'lmp.rt5'
  | 'lmp.rt60'
  | 'load'
  | 'load.forecast'
  | 'genmix'
  | 'smd.hourly'
  | 'smd.load';

const schedule = (cron: string): FeedDataset['schedule'] => ({ cron, timezone: ISONE_TIMEZONE });

/** Saved responses: the name a fetch gives them (`hourlylmp_da_final_day_20241102.json`), optionally prefixed. */
/** The SMD workbook's zone sheets exported to CSV, e.g. 2025_smd_hourly_CT.csv: prices and zone load. */
const SMD_FILES = /smd_hourly.*\.(?:csv|zip)$/i;

const saved = (report: string): RegExp => new RegExp(`${report}[_-].*\\.(?:json|zip)$`, 'i');

export const ISONE_DATASETS: readonly FeedDataset[] = Object.freeze([
  {
    id: 'lmp.da',
    kind: 'prices',
    run: 'DA',
    description:
      'Day-ahead hourly LMPs with energy, congestion and loss, every location (web services hourlylmp/da/final); ' +
      'published about 13:30 for the next day.',
    schedule: schedule('0 5 14,16 * * *'),
    files: saved('hourlylmp[_-]da'),
  },
  {
    id: 'lmp.rt5',
    kind: 'prices',
    run: 'RT5',
    description:
      'Real-time 5-minute LMPs with components, every location (fiveminutelmp, final where published, else prelim).',
    schedule: schedule('30 */5 * * * *'),
    files: saved('fiveminutelmp'),
  },
  {
    id: 'lmp.rt60',
    kind: 'prices',
    run: 'RT60',
    description:
      'Real-time hourly LMPs with components, every location (hourlylmp/rt, final where published, else prelim).',
    schedule: schedule('0 20 * * * *'),
    files: saved('hourlylmp[_-]rt'),
  },
  {
    id: 'load',
    kind: 'series',
    description: 'Hourly actual system load (native load, hourlysysload).',
    schedule: schedule('0 25 * * * *'),
    files: saved('hourlysysload'),
  },
  {
    id: 'load.forecast',
    kind: 'series',
    description:
      'Hourly system load forecast, every vintage ISO-NE issued (hourlyloadforecast/all).',
    schedule: schedule('0 40 * * * *'),
    files: saved('hourlyloadforecast'),
  },
  {
    id: 'genmix',
    kind: 'series',
    description: 'Generation by fuel (genfuelmix readings), averaged over each hour.',
    schedule: schedule('0 10 * * * *'),
    files: saved('genfuelmix'),
  },
  {
    id: 'smd.hourly',
    kind: 'prices',
    description:
      'SMD hourly workbook, one zone sheet exported to CSV (file only): day-ahead and real-time hourly LMPs with ' +
      'components. Name the file after its sheet, e.g. 2025_smd_hourly_CT.csv.',
    // Loaded from files only: no schedule (and publishedUntil is 0).
    files: SMD_FILES,
  },
  {
    id: 'smd.load',
    kind: 'series',
    description:
      'SMD hourly workbook zone sheet (file only): real-time zone demand, loaded from the same file as smd.hourly.',
    files: SMD_FILES,
  },
] satisfies FeedDataset[]);

const KNOWN = ISONE_DATASETS.map((d) => d.id).join(', ');

export const isoneDatasetId = (datasetId: string): IsoneDatasetId => {
  if (ISONE_DATASETS.some((d) => d.id === datasetId)) {
    return datasetId as IsoneDatasetId;
  }
  throw new AppError(
    'invalid_request',
    `Unknown ISONE dataset "${datasetId}"; known datasets: ${KNOWN}.`,
  );
};

/** ISO-NE posts day-ahead results around 13:30; 14:00 leaves room for the usual delays. */
const DA_POSTED_MINUTE = 14 * 60;

/**
 * How far each dataset is published as of `nowMs`, with a margin for ISO-NE's posting delay: the ingest moves its
 * checkpoint past whatever it asked for, so claiming an hour before it is posted would skip it.
 */
export const isonePublishedUntil = (datasetId: string, nowMs: number): number => {
  const id = isoneDatasetId(datasetId);
  const lastHourEnd = (lagMinutes: number): number =>
    floorToMinutes(nowMs - lagMinutes * MINUTE_MS, 60);
  switch (id) {
    case 'lmp.da': {
      const local = utcMsToLocal(ISONE_TIMEZONE, nowMs);
      const today = localDateOf(ISONE_TIMEZONE, nowMs);
      const posted = local.hour * 60 + local.minute >= DA_POSTED_MINUTE;
      return localDayBounds(ISONE_TIMEZONE, posted ? addDays(today, 1) : today).endMs;
    }
    case 'lmp.rt5':
      // Preliminary 5-minute prices are posted a few minutes after each interval.
      return floorToMinutes(nowMs - 10 * MINUTE_MS, 5);
    case 'lmp.rt60':
    case 'load':
      return lastHourEnd(20);
    case 'genmix':
      return lastHourEnd(5);
    case 'load.forecast':
      // No forecast is issued for an hour that has passed, so the vintages of finished hours are complete;
      // the feed fetches the forecasts for hours ahead beyond this (see fetchLoadForecast).
      return lastHourEnd(0);
    case 'smd.hourly':
    case 'smd.load':
      return 0;
  }
};
