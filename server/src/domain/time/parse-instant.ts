import { Temporal } from 'temporal-polyfill';
import { parseIsoDate } from './zoned.js';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

/**
 * Reads a time given by a user: an ISO 8601 instant with `Z` or an offset, or a date (`YYYY-MM-DD`)
 * meaning local midnight in `zoneForDates`. A date-time without an offset is refused rather than guessed,
 * because guessing the zone is how market-data tools shift whole days.
 */
export const parseInstant = (text: string, zoneForDates: string): number => {
  const value = text.trim();
  if (DATE_ONLY.test(value)) {
    return parseIsoDate(value).toZonedDateTime({ timeZone: zoneForDates }).epochMilliseconds;
  }
  if (WITH_OFFSET.test(value)) {
    return Temporal.Instant.from(value.toUpperCase()).epochMilliseconds;
  }
  throw new RangeError(
    `"${text}" is not a time: use YYYY-MM-DD, or an ISO 8601 time with Z or an offset (e.g. 2026-01-15T00:00:00Z)`,
  );
};
