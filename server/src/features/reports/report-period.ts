import {
  EU_CET,
  US_CENTRAL,
  US_CENTRAL_MISO,
  US_EASTERN,
  US_PACIFIC,
  type PeakCalendar,
} from '../../domain/calendar/peak-buckets.js';
import type { MarketDefinition } from '../../domain/markets/market.js';
import { addDays, localDateOf, localDayBounds, parseIsoDate } from '../../domain/time/zoned.js';
import { invalidRequest } from '../../platform/errors.js';
import type { ReportKind } from '../../ports/report-store.js';

/** A brief's local day or month and its UTC span. */
export interface ReportPeriod {
  readonly kind: ReportKind;
  /** YYYY-MM-DD (daily) or YYYY-MM (monthly), market-local. */
  readonly label: string;
  /** The local days covered, first and last inclusive. */
  readonly firstDay: string;
  readonly lastDay: string;
  readonly fromMs: number;
  readonly toMs: number;
}

export const isReportKind = (value: string): value is ReportKind =>
  value === 'daily' || value === 'monthly';

/**
 * Reads a period for a kind in the market's zone: a daily brief names a day (2026-03-08), a monthly one a month
 * (2026-03). Bad input is a 400 naming the field; a period that has not started yet is refused too.
 */
export const parsePeriod = (
  kind: ReportKind,
  text: string,
  zone: string,
  nowMs: number,
): ReportPeriod => {
  const trimmed = text.trim();
  const pattern = kind === 'daily' ? /^\d{4}-\d{2}-\d{2}$/ : /^\d{4}-\d{2}$/;
  const example = kind === 'daily' ? '2026-03-08' : '2026-03';
  let period: ReportPeriod | null = null;
  if (pattern.test(trimmed)) {
    try {
      const firstDay = kind === 'daily' ? trimmed : `${trimmed}-01`;
      const first = parseIsoDate(firstDay);
      const lastDay =
        kind === 'daily' ? firstDay : first.add({ months: 1 }).subtract({ days: 1 }).toString();
      period = {
        kind,
        label: trimmed,
        firstDay,
        lastDay,
        fromMs: localDayBounds(zone, firstDay).startMs,
        toMs: localDayBounds(zone, lastDay).endMs,
      };
    } catch {
      period = null;
    }
  }
  if (period === null) {
    throw invalidRequest(`"${text}" is not a ${kind} period; write it like ${example}.`, [
      { field: 'period', message: `a ${kind === 'daily' ? 'day' : 'month'} such as ${example}` },
    ]);
  }
  if (period.fromMs > nowMs) {
    throw invalidRequest(`${period.label} has not started yet in ${zone}; nothing to report.`, [
      { field: 'period', message: 'a day or month that has started' },
    ]);
  }
  return period;
};

/** The local day before `nowMs` in a zone: what the scheduled daily brief covers. */
export const previousLocalDay = (zone: string, nowMs: number): string =>
  addDays(localDateOf(zone, nowMs), -1);

/** The local month before the one `nowMs` falls in: what the brief on the 1st covers. */
export const previousLocalMonth = (zone: string, nowMs: number): string =>
  parseIsoDate(localDateOf(zone, nowMs)).subtract({ months: 1 }).toString().slice(0, 7);

/**
 * The peak calendar for a market's on-peak and off-peak averages, from its zone: the ISOs' own calendars
 * (MISO's EST clock included), EEX buckets for European zones, and the Eastern convention (HE08–HE23) in the
 * market's zone otherwise, so a market without a listed calendar still gets a stated, conventional split.
 */
export const peakCalendarFor = (market: MarketDefinition): PeakCalendar => {
  const known = [US_EASTERN, US_CENTRAL_MISO, US_CENTRAL, US_PACIFIC].find(
    (c) => c.zone === market.timezone,
  );
  if (known) {
    return known;
  }
  if (market.timezone.startsWith('Europe/')) {
    return { ...EU_CET, zone: market.timezone };
  }
  return { ...US_EASTERN, id: `US_${market.id}`, zone: market.timezone };
};
