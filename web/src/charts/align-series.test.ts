import { describe, expect, it } from 'vitest';
import { alignSeries, countPoints } from './align-series';

describe('alignSeries', () => {
  it('puts hourly and 5-minute series on the union of their times, null where a series has no value', () => {
    const hourly = { xs: [0, 3600], ys: [40, 42] };
    const fiveMinute = { xs: [0, 300, 600, 3600], ys: [39, 41, null, 43] };
    const aligned = alignSeries([hourly, fiveMinute]);
    expect(aligned.xs).toEqual([0, 300, 600, 3600]);
    expect(aligned.ys).toEqual([
      [40, null, null, 42],
      [39, 41, null, 43],
    ]);
    expect(countPoints(aligned.ys)).toBe(5);
  });

  it('sorts and de-duplicates times from series that do not overlap', () => {
    const aligned = alignSeries([
      { xs: [600, 900], ys: [1, 2] },
      { xs: [0, 600], ys: [3, 4] },
      { xs: [], ys: [] },
    ]);
    expect(aligned.xs).toEqual([0, 600, 900]);
    expect(aligned.ys).toEqual([
      [null, 1, 2],
      [3, 4, null],
      [null, null, null],
    ]);
  });
});
