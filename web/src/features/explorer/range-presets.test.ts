import { describe, expect, it } from 'vitest';
import { addDays, localDate, presetRange } from './range-presets';

const CHICAGO = 'America/Chicago';

describe('presetRange', () => {
  it('reads "today" in the market zone, not in UTC', () => {
    // 03:30 UTC on 9 March is still the evening of 8 March in Chicago.
    const now = Date.parse('2026-03-09T03:30:00Z');
    expect(presetRange('today', now, CHICAGO)).toEqual({ start: '2026-03-08', end: '2026-03-09' });
    expect(presetRange('today', now, 'UTC')).toEqual({ start: '2026-03-09', end: '2026-03-10' });
  });

  it('covers the 23-hour spring-forward day as one whole day', () => {
    // 8 March 2026 is the US spring-forward day; 12:00 CDT.
    const now = Date.parse('2026-03-08T17:00:00Z');
    expect(presetRange('yesterday-today', now, CHICAGO)).toEqual({
      start: '2026-03-07',
      end: '2026-03-09',
    });
  });

  it('counts seven calendar days back across the fall-back change', () => {
    // 1 November 2026 has 25 hours in Chicago; 05:30 UTC on 3 November is 23:30 CST on the 2nd.
    const now = Date.parse('2026-11-03T05:30:00Z');
    expect(localDate(now, CHICAGO)).toBe('2026-11-02');
    expect(presetRange('last-7-days', now, CHICAGO)).toEqual({
      start: '2026-10-27',
      end: '2026-11-03',
    });
  });

  it('rolls over months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });
});
