import { describe, expect, it } from 'vitest';
import { bootstrapContracts } from './bootstrap.js';
import { weightedAverage, type GridContract, type PeriodGrid } from './contract-grid.js';
import {
  integratedSquaredDerivative,
  maxSmoothnessSpline,
  type MaxSmoothnessSpline,
} from './max-smoothness.js';
import { evaluateQuartic } from './quartic.js';
import {
  contractOf,
  utcDayGrid,
  utcHourGrid,
  utcMonthGrid,
  weekdayOf,
  type CalendarGrid,
} from './test-grids.js';

/** |actual − expected| < half a unit in the last of `decimals` printed decimals. */
const expectPrinted = (actual: number | undefined, expected: number, decimals: number): void => {
  expect(actual).toBeDefined();
  expect(Math.abs((actual ?? Number.NaN) - expected)).toBeLessThan(0.5 * 10 ** -decimals);
};

/** The spline's value for a grid key. */
const valueAt = (grid: CalendarGrid, spline: MaxSmoothnessSpline, key: string): number =>
  spline.values[grid.indexOf(key) - spline.first] ?? Number.NaN;

/** Weighted averages of the spline over each contract minus its price. */
const averageErrors = (
  grid: PeriodGrid,
  spline: MaxSmoothnessSpline,
  contracts: readonly GridContract[],
): number[] => {
  const onGrid = new Float64Array(grid.weights.length);
  onGrid.set(spline.values, spline.first);
  return contracts.map((c) => Math.abs(weightedAverage(grid, onGrid, c) - c.price));
};

describe('G4: max-smoothness spline README, daily, day-of-week multipliers, τ = 0', () => {
  const grid = utcDayGrid('2019-07-01', '2020-03-31');
  const contracts = [
    contractOf(grid, 'Jul-19', '2019-07-01', '2019-07-31', 77.98),
    contractOf(grid, 'Aug-19', '2019-08-01', '2019-08-31', 76.01),
    contractOf(grid, 'Sep-19', '2019-09-01', '2019-09-30', 78.74),
    contractOf(grid, 'Q4-19', '2019-10-01', '2019-12-31', 85.58),
    contractOf(grid, 'Q1-20', '2020-01-01', '2020-03-31', 87.01),
  ];
  // Mon .95, Tue .99, Wed 1.05, Thu 1.01, Fri .98, Sat .92, Sun .91.
  const dayOfWeek = [0.95, 0.99, 1.05, 1.01, 0.98, 0.92, 0.91];
  const multAdjust = Float64Array.from(grid.keys, (key) => dayOfWeek[weekdayOf(key) - 1] ?? 1);
  const spline = maxSmoothnessSpline(grid, contracts, { multAdjust });

  it('has 275 daily values', () => {
    expect(spline.values).toHaveLength(275);
    expect(spline.first).toBe(0);
    expect(spline.last).toBe(274);
  });

  it('starts 77.68539, 80.83184, 85.59869, 82.21079 (2019-07-01..04)', () => {
    const expected = [77.68539, 80.83184, 85.59869, 82.21079];
    ['2019-07-01', '2019-07-02', '2019-07-03', '2019-07-04'].forEach((key, i) =>
      expectPrinted(valueAt(grid, spline, key), expected[i] ?? 0, 5),
    );
  });

  it('ends 81.21869, 80.30742, 83.80771, 87.30550 (2020-03-28..31)', () => {
    const expected = [81.21869, 80.30742, 83.80771, 87.3055];
    ['2020-03-28', '2020-03-29', '2020-03-30', '2020-03-31'].forEach((key, i) =>
      expectPrinted(valueAt(grid, spline, key), expected[i] ?? 0, 5),
    );
  });

  it('has the first-segment coefficients of curves.md §5 (derived there, not published by cmdty)', () => {
    const [a, b, c, d, e] = spline.segments[0]?.coefficients ?? [];
    expectPrinted(a, 81.7740973, 7);
    expectPrinted(b, -0.12577648, 9);
    expectPrinted(c, -3.1978e-7, 11);
    expectPrinted(d, 9.60605e-7, 12);
    expectPrinted(e, 4.17579e-7, 12);
  });

  it('reproduces every contract average (1e-10)', () => {
    expect(spline.maxAverageError).toBeLessThan(1e-10);
    averageErrors(grid, spline, contracts).forEach((error) => expect(error).toBeLessThan(1e-10));
  });
});

describe('G5: bootstrap then spline, daily (README "Using From Python")', () => {
  const grid = utcDayGrid('2019-05-31', '2021-09-30');
  const contracts = [
    contractOf(grid, '2019-05-31', '2019-05-31', '2019-05-31', 34.875),
    contractOf(grid, 'Jun 1-2', '2019-06-01', '2019-06-02', 32.87),
    contractOf(grid, 'Jun 3-9', '2019-06-03', '2019-06-09', 32.14),
    contractOf(grid, 'Jun-19', '2019-06-01', '2019-06-30', 31.08),
    contractOf(grid, 'Jul-19', '2019-07-01', '2019-07-31', 29.95),
    contractOf(grid, 'Q3-19', '2019-07-01', '2019-09-30', 30.18),
    contractOf(grid, 'Q4-19', '2019-10-01', '2019-12-31', 37.64),
    contractOf(grid, 'Win-19', '2019-10-01', '2020-03-31', 38.05),
    contractOf(grid, 'Sum-20', '2020-04-01', '2020-09-30', 32.39),
    contractOf(grid, 'Win-20', '2020-10-01', '2021-03-31', 37.84),
    contractOf(grid, 'Gas-year-20', '2020-10-01', '2021-09-30', 35.12),
  ];
  const bootstrapped = bootstrapContracts(grid, contracts);
  const spline = maxSmoothnessSpline(grid, bootstrapped.contracts);

  it('bootstraps to 11 segments; 4 of them carry derived prices', () => {
    const segments = bootstrapped.contracts.map((c) => [c.label, c.price] as const);
    expect(segments.map(([label]) => label)).toEqual([
      '2019-05-31',
      '2019-06-01..2019-06-02',
      '2019-06-03..2019-06-09',
      '2019-06-10..2019-06-30',
      '2019-07-01..2019-07-31',
      '2019-08-01..2019-09-30',
      '2019-10-01..2019-12-31',
      '2020-01-01..2020-03-31',
      '2020-04-01..2020-09-30',
      '2020-10-01..2021-03-31',
      '2021-04-01..2021-09-30',
    ]);
    const expected = [
      34.875, 32.87, 32.14, 30.55619, 29.95, 30.296885, 37.64, 38.464505, 32.39, 37.84, 32.414863,
    ];
    segments.forEach(([, price], i) => expectPrinted(price, expected[i] ?? 0, 6));
    expect(bootstrapped.gaps).toEqual([]);
  });

  it('has 854 daily values', () => {
    expect(spline.values).toHaveLength(854);
  });

  it('starts 34.875000, 33.404383, 32.335617 … (2019-05-31, 06-01..06-11)', () => {
    const expected = [
      34.875, 33.404383, 32.335617, 31.800171, 31.676636, 31.804146, 32.057113, 32.337666,
      32.575648, 32.72862, 32.781858, 32.745075,
    ];
    expected.forEach((value, i) => expectPrinted(spline.values[i], value, 6));
  });

  it('ends … 25.975706, 25.900556 (2021-09-19..09-30)', () => {
    const expected = [
      26.727181, 26.652039, 26.576895, 26.501749, 26.426602, 26.351454, 26.276305, 26.201156,
      26.126006, 26.050856, 25.975706, 25.900556,
    ];
    const tail = spline.values.subarray(spline.values.length - 12);
    expected.forEach((value, i) => expectPrinted(tail[i], value, 6));
  });

  it('reproduces the input quotes, not just the bootstrapped segments (1e-10)', () => {
    expect(spline.maxAverageError).toBeLessThan(1e-10);
    averageErrors(grid, spline, contracts).forEach((error) => expect(error).toBeLessThan(1e-10));
  });
});

describe('G8: cmdty MaxSmoothnessSplineCurveBuilderTest properties', () => {
  it('a) flat 84.54 in, flat 84.54 out with τ = 0.5 (1e-12)', () => {
    const grid = utcDayGrid('2019-01-01', '2020-03-31');
    const contracts = [
      contractOf(grid, 'Jan-19', '2019-01-01', '2019-01-31', 84.54),
      contractOf(grid, 'Feb-19', '2019-02-01', '2019-02-28', 84.54),
      contractOf(grid, 'Mar-19', '2019-03-01', '2019-03-31', 84.54),
      contractOf(grid, 'Q2-19', '2019-04-01', '2019-06-30', 84.54),
      contractOf(grid, 'Q3-19', '2019-07-01', '2019-09-30', 84.54),
      contractOf(grid, 'Win-19', '2019-10-01', '2020-03-31', 84.54),
    ];
    // A constant has p' = p'' = 0, so it is optimal for every τ whatever its time unit.
    for (const periodLength of [1, 1 / 365]) {
      const spline = maxSmoothnessSpline({ ...grid, periodLength }, contracts, { tension: 0.5 });
      expect(spline.values).toHaveLength(456);
      spline.values.forEach((value) => expect(Math.abs(value - 84.54)).toBeLessThan(1e-12));
    }
  });

  it('b) 14 daily contracts rising 0.8 a day give an hourly curve rising 0.8/24 an hour (1e-12)', () => {
    const grid = utcHourGrid('2019-05-11', '2019-05-24');
    const contracts = Array.from({ length: 14 }, (_, i) => {
      const day = `2019-05-${String(11 + i).padStart(2, '0')}`;
      return contractOf(grid, day, `${day}T00`, `${day}T23`, 45.7 + 0.8 * i);
    });
    const spline = maxSmoothnessSpline(grid, contracts);
    expect(spline.values).toHaveLength(14 * 24);
    for (let h = 1; h < spline.values.length; h += 1) {
      const step = (spline.values[h] ?? 0) - (spline.values[h - 1] ?? 0);
      expect(Math.abs(step - 0.8 / 24)).toBeLessThan(1e-12);
    }
  });

  it('c) ∫p′² strictly decreases as τ rises through 0 … 10000', () => {
    const grid = utcMonthGrid('2019-01', '2019-12');
    const months = ['06', '07', '08', '09', '10', '11', '12'];
    const contracts = [
      contractOf(grid, 'Q1-19', '2019-01', '2019-03', 13.55),
      contractOf(grid, 'Apr-19', '2019-04', '2019-04', 12.1),
      contractOf(grid, 'May-19', '2019-05', '2019-05', 14.72),
      ...months.map((m) => contractOf(grid, `${m}-19`, `2019-${m}`, `2019-${m}`, 15.07)),
    ];
    const tensions = [0, 0.01, 0.1, 0.5, 0.9, 1.5, 10, 1000, 10000];
    const slopes = tensions.map((tension) => {
      const spline = maxSmoothnessSpline(grid, contracts, { tension });
      expect(spline.maxAverageError).toBeLessThan(1e-10);
      return integratedSquaredDerivative(spline, 1);
    });
    slopes.slice(1).forEach((slope, i) => expect(slope).toBeLessThan(slopes[i] ?? 0));
  });
});

describe('maxSmoothnessSpline', () => {
  const monthly = [1.35, 1.25, 1.15, 1.05, 0.8, 0.7, 0.72, 0.81, 0.95, 1.02, 1.11, 1.22];

  it('holds averages with monthly multipliers and front/back slopes 0.8 / −1.5 (cmdty test)', () => {
    const grid = utcDayGrid('2019-01-01', '2020-12-31');
    const contracts = [
      contractOf(grid, 'Jan-19', '2019-01-01', '2019-01-31', 51.2),
      contractOf(grid, 'Feb-19', '2019-02-01', '2019-02-28', 50.6),
      contractOf(grid, 'Q2-19', '2019-04-01', '2019-06-30', 42.3),
      contractOf(grid, 'Q3-19', '2019-07-01', '2019-09-30', 40.9),
      contractOf(grid, 'Q4-19', '2019-10-01', '2019-12-31', 47.5),
      contractOf(grid, 'Cal-20', '2020-01-01', '2020-12-31', 45.1),
    ];
    const multAdjust = Float64Array.from(
      grid.keys,
      (key) => monthly[Number(key.slice(5, 7)) - 1] ?? 1,
    );
    const spline = maxSmoothnessSpline(grid, contracts, {
      multAdjust,
      frontFirstDerivative: 0.8,
      backFirstDerivative: -1.5,
    });
    averageErrors(grid, spline, contracts).forEach((error) => expect(error).toBeLessThan(1e-10));
    const first = spline.segments[0];
    const last = spline.segments.at(-1);
    expect(first && evaluateQuartic(first.coefficients, 0, 1)).toBeCloseTo(0.8, 10);
    expect(last && evaluateQuartic(last.coefficients, last.length, 1)).toBeCloseTo(-1.5, 10);
    // March 2019 is quoted by nobody: it becomes a gap piece between Feb-19 and Q2-19.
    expect(spline.segments.map((s) => s.contract?.label ?? 'gap')).toEqual([
      'Jan-19',
      'Feb-19',
      'gap',
      'Q2-19',
      'Q3-19',
      'Q4-19',
      'Cal-20',
    ]);
  });

  it('is C² at every knot, gaps included', () => {
    const grid = utcMonthGrid('2019-01', '2019-12');
    const contracts = [
      contractOf(grid, 'Q1-19', '2019-01', '2019-03', 13.55),
      contractOf(grid, 'Jun-19', '2019-06', '2019-06', 15.1),
      contractOf(grid, 'Q4-19', '2019-10', '2019-12', 16.2),
    ];
    const { segments } = maxSmoothnessSpline(grid, contracts, { tension: 0.1 });
    expect(segments).toHaveLength(5);
    segments.slice(1).forEach((next, i) => {
      const previous = segments[i]!;
      expect(next.start).toBeCloseTo(previous.start + previous.length, 12);
      for (const order of [0, 1, 2] as const) {
        const left = evaluateQuartic(previous.coefficients, previous.length, order);
        const right = evaluateQuartic(next.coefficients, 0, order);
        expect(Math.abs(left - right)).toBeLessThan(1e-9 * Math.max(1, Math.abs(left)));
      }
    });
  });

  it('gives the same curve in years as in periods when τ = 0, and rescales τ by (periods per year)²', () => {
    const grid = utcDayGrid('2019-07-01', '2020-03-31');
    const contracts = [
      contractOf(grid, 'Jul-19', '2019-07-01', '2019-07-31', 77.98),
      contractOf(grid, 'Aug-19', '2019-08-01', '2019-08-31', 76.01),
      contractOf(grid, 'Q4-19', '2019-10-01', '2019-12-31', 85.58),
      contractOf(grid, 'Q1-20', '2020-01-01', '2020-03-31', 87.01),
    ];
    const inYears: PeriodGrid = { ...grid, periodLength: 1 / 365 };
    const compare = (a: MaxSmoothnessSpline, b: MaxSmoothnessSpline): void =>
      a.values.forEach((value, i) => expect(value).toBeCloseTo(b.values[i] ?? 0, 9));
    compare(maxSmoothnessSpline(grid, contracts), maxSmoothnessSpline(inYears, contracts));
    // ∫(p''² + τp'²)dt in days equals, up to a constant factor, ∫(p''² + 365²τ p'²)dt in years.
    compare(
      maxSmoothnessSpline(grid, contracts, { tension: 0.002 }),
      maxSmoothnessSpline(inYears, contracts, { tension: 0.002 * 365 ** 2 }),
    );
    // The slope of the first piece is per day in one and per year in the other.
    const perDay = maxSmoothnessSpline(grid, contracts).segments[0]!.coefficients[1];
    const perYear = maxSmoothnessSpline(inYears, contracts).segments[0]!.coefficients[1];
    expect(perYear / perDay).toBeCloseTo(365, 6);
  });

  it('keeps daily curves to 2050 accurate: averages within 1e-11 (local time, not absolute)', () => {
    const grid = utcDayGrid('2026-01-01', '2050-12-31');
    const contracts: GridContract[] = [];
    const add = (label: string, from: string, to: string, price: number): void => {
      contracts.push(contractOf(grid, label, from, to, price));
    };
    ['01', '02', '03', '04', '05', '06'].forEach((m, i) => {
      const end = new Date(Date.UTC(2026, i + 1, 0)).toISOString().slice(0, 10);
      add(`${m}-26`, `2026-${m}-01`, end, 40 + 3 * Math.cos(i));
    });
    add('Q3-26', '2026-07-01', '2026-09-30', 36.4);
    add('Q4-26', '2026-10-01', '2026-12-31', 44.2);
    for (let year = 2027; year <= 2050; year += 1) {
      add(`Cal-${year}`, `${year}-01-01`, `${year}-12-31`, 42 + 0.35 * (year - 2027));
    }
    const spline = maxSmoothnessSpline(grid, contracts, { backFirstDerivative: 0 });
    expect(spline.values).toHaveLength(9131);
    expect(spline.maxAverageError).toBeLessThan(1e-11);
  });

  it('names the overlapping pair, whatever the input order', () => {
    const grid = utcMonthGrid('2019-01', '2019-12');
    const contracts = [
      contractOf(grid, 'Q3-19', '2019-07', '2019-09', 30),
      contractOf(grid, 'Q1-19', '2019-01', '2019-03', 31),
      contractOf(grid, 'Aug-19', '2019-08', '2019-08', 29),
    ];
    expect(() => maxSmoothnessSpline(grid, contracts)).toThrow(
      'Contracts Q3-19 (2019-07..2019-09) and Aug-19 (2019-08) overlap; bootstrap overlapping contracts first',
    );
  });

  it('rejects a single contract, negative tension and a bad multiplier array', () => {
    const grid = utcMonthGrid('2019-01', '2019-12');
    const q1 = contractOf(grid, 'Q1-19', '2019-01', '2019-03', 31);
    const q2 = contractOf(grid, 'Q2-19', '2019-04', '2019-06', 30);
    expect(() => maxSmoothnessSpline(grid, [q1])).toThrow(/at least two contracts, got 1/);
    expect(() => maxSmoothnessSpline(grid, [q1, q2], { tension: -1 })).toThrow(/Tension/);
    expect(() => maxSmoothnessSpline(grid, [q1, q2], { multAdjust: new Float64Array(3) })).toThrow(
      /multAdjust needs one finite value per grid period \(12\)/,
    );
    expect(() => maxSmoothnessSpline({ ...grid, periodLength: 0 }, [q1, q2])).toThrow(
      /Period 2019-01 has length 0/,
    );
  });
});
