export type RangePreset = 'today' | 'yesterday-today' | 'last-7-days';

export const RANGE_PRESETS: readonly { readonly value: RangePreset; readonly label: string }[] = [
  { value: 'today', label: 'Today' },
  { value: 'yesterday-today', label: 'Yesterday + today' },
  { value: 'last-7-days', label: 'Last 7 days' },
];

/** Whole market days: start inclusive, end exclusive, both YYYY-MM-DD read in the market's time zone. */
export interface DateRange {
  readonly start: string;
  readonly end: string;
}

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (YYYY-MM-DD) an instant falls on in `timeZone`. */
export const localDate = (epochMs: number, timeZone: string): string => {
  let formatter = dateFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dateFormatters.set(timeZone, formatter);
  }
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of formatter.formatToParts(epochMs)) {
    parts[part.type] = part.value;
  }
  return `${parts.year}-${parts.month}-${parts.day}`;
};

/** Calendar arithmetic on a YYYY-MM-DD date; time zones and DST do not enter into it. */
export const addDays = (date: string, days: number): string => {
  const [year, month, day] = date.split('-').map(Number);
  const shifted = new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, (day ?? 1) + days));
  return shifted.toISOString().slice(0, 10);
};

const DAYS_BEFORE_TODAY: Record<RangePreset, number> = {
  today: 0,
  'yesterday-today': 1,
  'last-7-days': 6,
};

/**
 * The dates a preset covers for someone looking at the market at `nowMs`. Each ends at the start of tomorrow in
 * the market's zone, so the server reads whole local days, 23 or 25 hours long on DST changes.
 */
export const presetRange = (preset: RangePreset, nowMs: number, timeZone: string): DateRange => {
  const today = localDate(nowMs, timeZone);
  return { start: addDays(today, -DAYS_BEFORE_TODAY[preset]), end: addDays(today, 1) };
};
