import { describe, expect, it } from 'vitest';
import { averagingCoefficients } from './averaging-operator.js';
import { combinationMembers, rowRank } from './row-rank.js';
import { contractRow } from './test-support.js';

const span = (label: string, startMonth: number, months: number) => ({
  label,
  startYear: 2027,
  startMonth,
  months,
});

describe('rowRank', () => {
  it('finds Q1 as the day-weighted average of Jan, Feb and Mar on a daily grid', () => {
    const rows = [span('Q1', 0, 3), span('Jan', 0, 1), span('Feb', 1, 1), span('Mar', 2, 1)].map(
      (s) => averagingCoefficients(contractRow('day', s)),
    );
    const rank = rowRank(rows, [1, 2, 3, 0]);
    expect(rank.basis).toEqual([1, 2, 3]);
    expect(rank.dependencies).toHaveLength(1);
    const [q1] = rank.dependencies;
    expect(q1!.row).toBe(0);
    expect(q1!.basisRows).toEqual([1, 2, 3]);
    [31 / 90, 28 / 90, 31 / 90].forEach((share, j) =>
      expect(q1!.coefficients[j]).toBeCloseTo(share, 13),
    );
    expect(combinationMembers(q1!)).toEqual([1, 2, 3]);
  });

  it('reports the row taken later as the dependent one, e.g. March when Q1 comes first', () => {
    const rows = [span('Q1', 0, 3), span('Jan', 0, 1), span('Feb', 1, 1), span('Mar', 2, 1)].map(
      (s) => averagingCoefficients(contractRow('day', s)),
    );
    const rank = rowRank(rows, [0, 1, 2, 3]);
    expect(rank.basis).toEqual([0, 1, 2]);
    const [mar] = rank.dependencies;
    expect(mar!.row).toBe(3);
    // Mar = (90·Q1 − 31·Jan − 28·Feb) / 31.
    [90 / 31, -1, -28 / 31].forEach((c, j) => expect(mar!.coefficients[j]).toBeCloseTo(c, 12));
  });

  it('treats the same delivery quoted twice as dependent, and proportional weights as the same delivery', () => {
    const jan = contractRow('hour', span('Jan', 0, 1));
    const scaled = { ...jan, weights: jan.weights.map((w) => w * 0.97), label: 'Jan again' };
    const rank = rowRank([jan, scaled].map(averagingCoefficients), [0, 1]);
    expect(rank.basis).toEqual([0]);
    expect(rank.dependencies[0]!.coefficients[0]).toBeCloseTo(1, 12);
  });

  it('keeps rows that differ in a single hour of a year as independent', () => {
    const cal = contractRow('hour', span('Cal', 0, 12));
    const weights = Float64Array.from(cal.weights);
    weights[4000] = 0;
    const rank = rowRank(
      [cal, { ...cal, weights, label: 'Cal less one hour' }].map(averagingCoefficients),
      [0, 1],
    );
    expect(rank.basis).toEqual([0, 1]);
    expect(rank.dependencies).toEqual([]);
  });

  it('handles rows with zero-weight gaps (one quote spanning stacked bucket curves) by their runs', () => {
    const weights = (pattern: (t: number) => number, from: number, to: number) =>
      Float64Array.from({ length: to - from }, (_, i) => pattern(from + i));
    const peak = { from: 0, to: 10, weights: weights(() => 1, 0, 10), label: 'peak' };
    const offPeak = { from: 20, to: 30, weights: weights(() => 2, 20, 30), label: 'off-peak' };
    // Base = both buckets, weighted 1:2, across a gap of zeros.
    const base = {
      from: 0,
      to: 30,
      weights: weights((t) => (t < 10 ? 1 : t >= 20 ? 2 : 0), 0, 30),
      label: 'base',
    };
    const rows = [peak, offPeak, base].map(averagingCoefficients);
    expect(Array.from(rows[2]!.runs)).toEqual([0, 10, 20, 30]);
    const rank = rowRank(rows, [0, 1, 2]);
    expect(rank.basis).toEqual([0, 1]);
    const [dependency] = rank.dependencies;
    expect(dependency!.coefficients[0]).toBeCloseTo(1 / 3, 14);
    expect(dependency!.coefficients[1]).toBeCloseTo(2 / 3, 14);
  });
});
