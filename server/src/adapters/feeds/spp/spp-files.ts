import { MINUTE_MS, type TimeRange } from '../../../domain/time/interval.js';
import {
  addDays,
  localDateOf,
  localDayBounds,
  localToUtcMs,
  utcMsToLocal,
  type IsoDate,
  type LocalDateTime,
} from '../../../domain/time/zoned.js';
import { SPP_TIMEZONE } from './spp-market.js';

/** SPP's Marketplace portal; every file below is downloaded through its file browser. */
export const SPP_PORTAL_URL = 'https://portal.spp.org';

/** One document to download: the operator's file name and where the file browser serves it. */
export interface SppFile {
  readonly name: string;
  readonly url: string;
}

const DA_FOLDER = 'da-lmp-by-settlement-location';
const RT_FOLDER = 'rtbm-lmp-by-location';
const RT_MINUTES = 5;

const pad = (n: number): string => String(n).padStart(2, '0');
const compactDate = (date: IsoDate): string => date.replaceAll('-', '');
const stamp = (t: LocalDateTime): string =>
  `${t.year}${pad(t.month)}${pad(t.day)}${pad(t.hour)}${pad(t.minute)}`;

const download = (baseUrl: string, folder: string, path: string, name: string): SppFile => ({
  name,
  // The file browser takes the path unencoded, slashes included, in its `path` parameter.
  url: `${baseUrl}/file-browser-api/download/${folder}?path=${path}/${name}`,
});

/** The local (Central) market days a window touches, in order. */
export const marketDaysIn = (window: TimeRange): IsoDate[] => {
  const days: IsoDate[] = [];
  if (!(window.toMs > window.fromMs)) {
    return days;
  }
  const last = localDateOf(SPP_TIMEZONE, window.toMs - 1);
  for (let day = localDateOf(SPP_TIMEZONE, window.fromMs); day <= last; day = addDays(day, 1)) {
    days.push(day);
  }
  return days;
};

/**
 * The day-ahead file of operating day `date`: `By_Day/DA-LMP-SL-<YYYYMMDD>0100.csv`, named after the end of
 * its first hour (01:00 local), in the folder of that day's month. It holds every hour of the day: 23, 24 or 25.
 */
export const daFile = (date: IsoDate, baseUrl = SPP_PORTAL_URL): SppFile => {
  const [year, month] = date.split('-');
  return download(
    baseUrl,
    DA_FOLDER,
    `/${year}/${month}/By_Day`,
    `DA-LMP-SL-${compactDate(date)}0100.csv`,
  );
};

/** The daily RTBM roll-up of operating day `date`: `By_Day/RTBM-LMP-DAILY-SL-<YYYYMMDD>.csv`. */
export const rtDailyFile = (date: IsoDate, baseUrl = SPP_PORTAL_URL): SppFile => {
  const [year, month] = date.split('-');
  return download(
    baseUrl,
    RT_FOLDER,
    `/${year}/${month}/By_Day`,
    `RTBM-LMP-DAILY-SL-${compactDate(date)}.csv`,
  );
};

/**
 * The 5-minute RTBM file of the interval ending at `endMs` (UTC). SPP names it after the interval's local
 * (Central) end, `RTBM-LMP-SL-<YYYYMMDDHHMM>.csv`, and files it in the day folder of the interval's start, so
 * the 23:55–00:00 interval (`…0000.csv` of the next date) sits with the day it belongs to. On the fall-back
 * day the local ends 01:00–01:55 occur twice; the second (standard-time) occurrence gets a `d` suffix
 * (`RTBM-LMP-SL-202511020105d.csv`).
 */
export const rtIntervalFile = (endMs: number, baseUrl = SPP_PORTAL_URL): SppFile => {
  const end = utcMsToLocal(SPP_TIMEZONE, endMs);
  const start = utcMsToLocal(SPP_TIMEZONE, endMs - RT_MINUTES * MINUTE_MS);
  const repeated = localToUtcMs(SPP_TIMEZONE, end, 'earlier') !== endMs;
  return download(
    baseUrl,
    RT_FOLDER,
    `/${start.year}/${pad(start.month)}/By_Interval/${pad(start.day)}`,
    `RTBM-LMP-SL-${stamp(end)}${repeated ? 'd' : ''}.csv`,
  );
};

/** The 5-minute files of every interval that starts inside `window`, in time order. */
export const rtIntervalFiles = (window: TimeRange, baseUrl = SPP_PORTAL_URL): SppFile[] => {
  const step = RT_MINUTES * MINUTE_MS;
  const files: SppFile[] = [];
  for (let start = Math.ceil(window.fromMs / step) * step; start < window.toMs; start += step) {
    files.push(rtIntervalFile(start + step, baseUrl));
  }
  return files;
};

/**
 * How to download the RTBM prices of one window, one part per market day: a day the window covers whole is
 * tried as the daily roll-up first (one request instead of 288), falling back to its 5-minute files while the
 * roll-up is not published; a partly covered day (today, a catch-up from a mid-day watermark) is read from
 * its 5-minute files only.
 */
export interface RtPlanPart {
  readonly date: IsoDate;
  readonly daily: SppFile | null;
  readonly intervals: readonly SppFile[];
}

export const rtPlan = (window: TimeRange, baseUrl = SPP_PORTAL_URL): RtPlanPart[] =>
  marketDaysIn(window).map((date) => {
    const day = localDayBounds(SPP_TIMEZONE, date);
    const part = {
      fromMs: Math.max(window.fromMs, day.startMs),
      toMs: Math.min(window.toMs, day.endMs),
    };
    const whole = part.fromMs === day.startMs && part.toMs === day.endMs;
    return {
      date,
      daily: whole ? rtDailyFile(date, baseUrl) : null,
      intervals: rtIntervalFiles(part, baseUrl),
    };
  });
