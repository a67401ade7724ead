import { describe, expect, it } from 'vitest';
import { localDayBounds } from '../../../domain/time/zoned.js';
import { MISO_TIMEZONE } from './miso-market.js';
import { estDateOf, estDatesIn, estDayStartMs, mondayOf, reportDateOf } from './miso-time.js';

describe('MISO EST clock', () => {
  it('starts every market day at 05:00Z, summer and winter alike', () => {
    expect(new Date(estDayStartMs('2026-07-14')).toISOString()).toBe('2026-07-14T05:00:00.000Z');
    expect(new Date(estDayStartMs('2026-01-14')).toISOString()).toBe('2026-01-14T05:00:00.000Z');
    // The market zone agrees, including on US daylight-saving change days: always 24 hours.
    for (const date of ['2025-03-09', '2025-11-02', '2026-07-14']) {
      expect(localDayBounds(MISO_TIMEZONE, date)).toEqual({
        startMs: estDayStartMs(date),
        endMs: estDayStartMs(date) + 86_400_000,
        hours: 24,
      });
    }
  });

  it('finds the EST dates a UTC range touches', () => {
    expect(estDateOf(Date.parse('2026-07-15T04:59:59Z'))).toBe('2026-07-14');
    expect(estDateOf(Date.parse('2026-07-15T05:00:00Z'))).toBe('2026-07-15');
    expect(
      estDatesIn(Date.parse('2026-07-14T05:00:00Z'), Date.parse('2026-07-15T05:00:00Z')),
    ).toEqual(['2026-07-14']);
    // A scheduled look-back that crosses EST midnight needs both days.
    expect(
      estDatesIn(Date.parse('2026-07-15T04:45:00Z'), Date.parse('2026-07-15T05:10:00Z')),
    ).toEqual(['2026-07-14', '2026-07-15']);
  });

  it('reads report dates from file names and finds the Monday of a week', () => {
    expect(reportDateOf('20260714_da_expost_lmp.csv')).toBe('2026-07-14');
    expect(reportDateOf('/data/miso/20250310_df_al.xls')).toBe('2025-03-10');
    expect(reportDateOf('da_expost_lmp.csv')).toBeNull();
    expect(reportDateOf('20251399_da_expost_lmp.csv')).toBeNull();
    expect(mondayOf('2025-03-09')).toBe('2025-03-03');
    expect(mondayOf('2025-03-10')).toBe('2025-03-10');
  });
});
