import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import {
  parsePeriod,
  peakCalendarFor,
  previousLocalDay,
  previousLocalMonth,
} from './report-period.js';

const NOW = Date.UTC(2026, 2, 20, 12);
const ZONE = 'America/Chicago';

describe('parsePeriod', () => {
  it('spans a local day, 23 hours on the spring DST change', () => {
    const day = parsePeriod('daily', '2026-03-08', ZONE, NOW);
    expect(day).toMatchObject({
      label: '2026-03-08',
      firstDay: '2026-03-08',
      lastDay: '2026-03-08',
    });
    expect(day.fromMs).toBe(Date.UTC(2026, 2, 8, 6));
    expect((day.toMs - day.fromMs) / 3_600_000).toBe(23);
  });

  it('spans a local month', () => {
    const month = parsePeriod('monthly', '2026-02', ZONE, NOW);
    expect(month).toMatchObject({ firstDay: '2026-02-01', lastDay: '2026-02-28' });
    expect(month.toMs).toBe(Date.UTC(2026, 2, 1, 6));
  });

  it('refuses malformed, impossible and future periods with the field named', () => {
    for (const [kind, text] of [
      ['daily', '2026-3-8'],
      ['daily', '2026-02-30'],
      ['monthly', '2026-03-01'],
      ['monthly', '2026-13'],
      ['daily', '2026-03-21'],
    ] as const) {
      expect(() => parsePeriod(kind, text, ZONE, NOW)).toThrow(AppError);
      try {
        parsePeriod(kind, text, ZONE, NOW);
      } catch (error) {
        expect((error as AppError).code).toBe('invalid_request');
        expect((error as AppError).fields[0]?.field).toBe('period');
      }
    }
  });
});

describe('schedule periods and calendars', () => {
  it('names the previous local day and month', () => {
    // 03:00 UTC on the 1st is still the last day of February in Chicago.
    const at = Date.UTC(2026, 2, 1, 3);
    expect(previousLocalDay(ZONE, at)).toBe('2026-02-27');
    expect(previousLocalMonth(ZONE, at)).toBe('2026-01');
    expect(previousLocalMonth(ZONE, NOW)).toBe('2026-02');
  });

  it('uses the ISO calendar of the market zone', () => {
    const market = { id: 'X', name: 'X', currency: 'USD', runs: [], synthetic: false };
    expect(peakCalendarFor({ ...market, timezone: 'America/Chicago' }).id).toBe('US_CENTRAL');
    expect(peakCalendarFor({ ...market, timezone: 'Etc/GMT+5' }).id).toBe('US_CENTRAL_MISO');
    expect(peakCalendarFor({ ...market, timezone: 'Europe/Paris' }).kind).toBe('eu');
  });
});
