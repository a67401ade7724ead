import { DAY_MS, floorToMinutes, HOUR_MS, MINUTE_MS } from '../../../domain/time/interval.js';
import {
  addDays,
  localDateOf,
  localDayBounds,
  localToUtcMs,
  parseIsoDate,
  utcMsToLocal,
} from '../../../domain/time/zoned.js';
import type { FeedDataset } from '../../../ports/market-feed.js';
import { PJM_TIMEZONE } from './pjm-market.js';

export type PjmDatasetId = 'lmp.da' | 'lmp.rt5' | 'lmp.rt60' | 'load' | 'load.forecast' | 'genmix';

/** A file name containing the feed name as a word: `da_hrl_lmps`, `dataminer_da_hrl_lmps_zones_2026-06-09.json`. */
const feedFile = (...feeds: string[]): RegExp =>
  new RegExp(`(?:^|[^a-z])(?:${feeds.join('|')})(?:[^a-z].*)?$`, 'i');

const schedule = (cron: string): FeedDataset['schedule'] => ({ cron, timezone: PJM_TIMEZONE });

export const PJM_DATASETS: readonly FeedDataset[] = Object.freeze([
  {
    id: 'lmp.da',
    kind: 'prices',
    run: 'DA',
    description:
      'Day-ahead hourly LMPs with energy, congestion and loss (Data Miner 2 da_hrl_lmps); hubs and zones by default. ' +
      'PJM posts the next day around 13:30 Eastern.',
    // A second run re-reads tomorrow in case PJM posted late.
    schedule: schedule('0 5 14,16 * * *'),
    files: feedFile('da_hrl_lmps'),
    revisitMs: DAY_MS,
  },
  {
    id: 'lmp.rt5',
    kind: 'prices',
    run: 'RT5',
    description:
      'Real-time 5-minute LMPs: verified (rt_fivemin_hrl_lmps) where PJM has posted them, otherwise unverified ' +
      '(rt_unverified_fivemin_lmps, energy derived as LMP − congestion − loss).',
    schedule: schedule('30 */5 * * * *'),
    files: feedFile('rt_fivemin_hrl_lmps', 'rt_unverified_fivemin_lmps'),
    // Unverified intervals that appeared late.
    revisitMs: HOUR_MS,
  },
  {
    id: 'lmp.rt60',
    kind: 'prices',
    run: 'RT60',
    description:
      'Real-time hourly integrated LMPs (rt_hrl_lmps), posted around noon of the next business day.',
    schedule: schedule('0 15 12,17 * * *'),
    files: feedFile('rt_hrl_lmps'),
    // Friday to Sunday are posted together on Monday; holidays move postings by a day.
    revisitMs: 3 * DAY_MS,
  },
  {
    id: 'load',
    kind: 'series',
    description:
      'Hourly metered load by load area and for the RTO (hrl_load_metered); adjusted for up to 90 days.',
    schedule: schedule('0 30 17 * * *'),
    files: feedFile('hrl_load_metered'),
    revisitMs: 3 * DAY_MS,
  },
  {
    id: 'load.forecast',
    kind: 'series',
    description:
      'PJM 7-day hourly load forecast by forecast area and for the RTO (load_frcstd_7_day), each evaluation kept as its own vintage.',
    schedule: schedule('0 20,50 * * * *'),
    files: feedFile('load_frcstd_7_day'),
    // Every evaluation re-forecasts the whole week, so each run reads all seven days again.
    revisitMs: 7 * DAY_MS,
  },
  {
    id: 'genmix',
    kind: 'series',
    description: 'Hourly generation by fuel type for the RTO (gen_by_fuel).',
    schedule: schedule('0 15 * * * *'),
    files: feedFile('gen_by_fuel'),
    revisitMs: 3 * HOUR_MS,
  },
] satisfies FeedDataset[]);

const today = (nowMs: number): string => localDateOf(PJM_TIMEZONE, nowMs);

/** `date` at `hour`:`minute` Eastern, in UTC ms. */
const easternAt = (date: string, hour: number, minute: number): number => {
  const d = parseIsoDate(date);
  return localToUtcMs(
    PJM_TIMEZONE,
    { year: d.year, month: d.month, day: d.day, hour, minute },
    'earlier',
  );
};

/** The next business day after `date` (Friday, Saturday and Sunday → Monday); holidays are not known here. */
const nextBusinessDay = (date: string): string => {
  const weekday = parseIsoDate(date).dayOfWeek; // 1 = Monday … 7 = Sunday
  return addDays(date, weekday >= 5 ? 8 - weekday : 1);
};

/**
 * End of the last operating day posted by `nowMs`, for reports PJM posts on the next business day at a fixed
 * Eastern time (settlement LMPs around noon; metered load after the 16:00 meter-data deadline).
 */
export const postedNextBusinessDay = (nowMs: number, hour: number, minute: number): number => {
  let day = addDays(today(nowMs), -1);
  while (easternAt(nextBusinessDay(day), hour, minute) > nowMs) {
    day = addDays(day, -1);
  }
  return localDayBounds(PJM_TIMEZONE, day).endMs;
};

/** Day-ahead results for tomorrow count as posted from 14:00 Eastern (PJM posts around 13:30). */
const daPublishedUntil = (nowMs: number): number => {
  const local = utcMsToLocal(PJM_TIMEZONE, nowMs);
  const day = local.hour >= 14 ? addDays(today(nowMs), 1) : today(nowMs);
  return localDayBounds(PJM_TIMEZONE, day).endMs;
};

export const pjmPublishedUntil = (datasetId: PjmDatasetId, nowMs: number): number => {
  switch (datasetId) {
    case 'lmp.da':
      return daPublishedUntil(nowMs);
    case 'lmp.rt5':
      // Unverified 5-minute LMPs appear a few minutes after each interval; leave one interval of slack.
      return floorToMinutes(nowMs - 5 * MINUTE_MS, 5);
    case 'lmp.rt60':
      return postedNextBusinessDay(nowMs, 12, 0);
    case 'load':
      return postedNextBusinessDay(nowMs, 17, 0);
    case 'load.forecast':
      // The 7-day forecast covers today and the six days after it.
      return localDayBounds(PJM_TIMEZONE, addDays(today(nowMs), 6)).endMs;
    case 'genmix':
      return floorToMinutes(nowMs - 10 * MINUTE_MS, 60);
  }
};
