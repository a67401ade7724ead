const partFormatters = new Map<string, Intl.DateTimeFormat>();

const partsFormatter = (timeZone: string): Intl.DateTimeFormat => {
  let formatter = partFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    });
    partFormatters.set(timeZone, formatter);
  }
  return formatter;
};

export interface ZonedParts {
  readonly year: string;
  readonly month: string;
  readonly day: string;
  readonly hour: string;
  readonly minute: string;
  readonly second: string;
  /** Short zone name at that instant, e.g. CST, CDT or UTC. */
  readonly zone: string;
}

/** Calendar fields of an instant as read on a wall clock in `timeZone`. */
export const zonedParts = (epochMs: number, timeZone: string): ZonedParts => {
  const parts: Record<string, string> = {};
  for (const part of partsFormatter(timeZone).formatToParts(epochMs)) {
    parts[part.type] = part.value;
  }
  return {
    year: parts.year ?? '',
    month: parts.month ?? '',
    day: parts.day ?? '',
    hour: parts.hour ?? '',
    minute: parts.minute ?? '',
    second: parts.second ?? '',
    zone: parts.timeZoneName ?? timeZone,
  };
};

/** `2026-03-08 14:05` in the given zone. */
export const formatDateTime = (epochMs: number, timeZone: string): string => {
  const p = zonedParts(epochMs, timeZone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
};

/** `14:05:09` in the given zone. */
export const formatTime = (epochMs: number, timeZone: string): string => {
  const p = zonedParts(epochMs, timeZone);
  return `${p.hour}:${p.minute}:${p.second}`;
};

export const zoneName = (epochMs: number, timeZone: string): string =>
  zonedParts(epochMs, timeZone).zone;

const priceFormat = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/** Price per MWh with two decimals; an em dash where the market does not publish the value. */
export const formatPrice = (value: number | null | undefined): string =>
  value === null || value === undefined ? '—' : priceFormat.format(value);

const countFormat = new Intl.NumberFormat('en-US');

export const formatCount = (value: number | null | undefined): string =>
  value === null || value === undefined ? '—' : countFormat.format(value);

export const formatDuration = (ms: number | null | undefined): string => {
  if (ms === null || ms === undefined) {
    return '—';
  }
  if (ms < 1000) {
    return `${Math.round(ms)} ms`;
  }
  if (ms < 60_000) {
    return `${(ms / 1000).toFixed(1)} s`;
  }
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return seconds === 0 ? `${minutes} min` : `${minutes} min ${seconds} s`;
};

/** `in 2 h 5 min` or `3 min ago`, relative to `nowMs`. */
export const formatRelative = (targetMs: number, nowMs: number): string => {
  const delta = targetMs - nowMs;
  const minutes = Math.round(Math.abs(delta) / 60_000);
  let span: string;
  if (minutes < 1) {
    span = '< 1 min';
  } else if (minutes < 60) {
    span = `${minutes} min`;
  } else if (minutes < 48 * 60) {
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    span = rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
  } else {
    span = `${Math.round(minutes / (24 * 60))} d`;
  }
  return delta >= 0 ? `in ${span}` : `${span} ago`;
};
