import { describe, expect, it } from 'vitest';
import { intervalGaps, valueInForce } from './intervals';

describe('intervalGaps', () => {
  const xs = [0, 300, 600, 900, 3600, 7200, 10800];

  it('treats alignment nulls inside an interval as continuous', () => {
    const ys = [40, null, null, null, 41, 42, 43];
    const spans = [3600, null, null, null, 3600, 3600, 3600];
    expect(intervalGaps(xs, ys, spans, true)).toEqual([]);
  });

  it('finds a missing hour of a stepped series, starting where the last interval ends', () => {
    const ys = [40, null, null, null, null, null, 42];
    const spans = [3600, null, null, null, null, null, 3600];
    expect(intervalGaps(xs, ys, spans, true)).toEqual([[3600, 10800]]);
  });

  it('starts a line series gap at its last point', () => {
    const ys = [40, 41, null, null, null, null, 42];
    const spans = [300, 300, null, null, null, null, 300];
    expect(intervalGaps(xs, ys, spans, false)).toEqual([[300, 10800]]);
  });

  it('does not read a 25-hour day as a gap', () => {
    const day = 86_400;
    expect(intervalGaps([0, day + 3600], [1, 2], [day, day], true)).toEqual([]);
  });
});

describe('valueInForce', () => {
  const xs = [0, 300, 600, 3600, 3900];
  const hourly = [40, null, null, 41, null];
  const spans = [3600, null, null, 3600, null];

  it('reads an hourly value anywhere inside its hour', () => {
    expect(valueInForce(xs, hourly, spans, 0)).toBe(40);
    expect(valueInForce(xs, hourly, spans, 2)).toBe(40);
    expect(valueInForce(xs, hourly, spans, 4)).toBe(41);
  });

  it('is null once the last interval has ended', () => {
    const fiveMinute = [30, 31, null, null, null];
    expect(valueInForce(xs, fiveMinute, [300, 300, null, null, null], 2)).toBeNull();
    expect(valueInForce(xs, [null, 1, null, null, null], spans, 0)).toBeNull();
  });
});
