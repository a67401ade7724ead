import { describe, expect, it } from 'vitest';
import { US_CENTRAL } from '../../domain/calendar/peak-buckets.js';
import { dailyAverages, priceStats, spreadStats } from './brief-stats.js';

const HOUR = 3_600_000;
// Thursday 2026-03-05 00:00 in Chicago (CST, UTC−6).
const DAY_START = Date.UTC(2026, 2, 5, 6);
const hours = (values: readonly number[], startMs = DAY_START) =>
  values.map((value, i) => ({ startMs: startMs + i * HOUR, value }));

describe('priceStats', () => {
  it('splits a weekday into on-peak HE07–HE22 and the other hours', () => {
    // Off-peak hours priced 10, on-peak hours (local 06:00–21:59) priced 40.
    const values = Array.from({ length: 24 }, (_, h) => (h >= 6 && h <= 21 ? 40 : 10));
    const stats = priceStats(hours(values), US_CENTRAL);
    expect(stats).toEqual({
      hours: 24,
      average: (16 * 40 + 8 * 10) / 24,
      min: 10,
      max: 40,
      onPeak: 40,
      offPeak: 10,
    });
  });

  it('has no on-peak average on a weekend day', () => {
    const saturday = Date.UTC(2026, 2, 7, 6);
    const stats = priceStats(hours([5, 7, 9], saturday), US_CENTRAL);
    expect(stats?.onPeak).toBeNull();
    expect(stats?.offPeak).toBe(7);
  });

  it('is null without prices', () => {
    expect(priceStats([], US_CENTRAL)).toBeNull();
  });
});

describe('spreadStats', () => {
  it('averages DA − RT over the hours both have', () => {
    const spread = spreadStats(hours([30, 40, 50]), hours([25, 45]));
    expect(spread).toEqual({ hours: 2, average: 0, min: -5, max: 5 });
    expect(spreadStats(hours([1]), [])).toBeNull();
  });
});

describe('dailyAverages', () => {
  it('groups by market-local day', () => {
    // 05:00 UTC on the 5th is still the 4th in Chicago.
    const out = dailyAverages(
      [
        { startMs: Date.UTC(2026, 2, 5, 5), value: 1 },
        { startMs: Date.UTC(2026, 2, 5, 6), value: 2 },
        { startMs: Date.UTC(2026, 2, 5, 7), value: 4 },
      ],
      'America/Chicago',
    );
    expect(out).toEqual([
      { day: '2026-03-04', average: 1 },
      { day: '2026-03-05', average: 3 },
    ]);
  });
});
