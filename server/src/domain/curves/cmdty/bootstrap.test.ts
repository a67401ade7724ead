import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../platform/errors.js';
import { weekdayCount } from '../../calendar/business-days.js';
import { bootstrapContracts } from './bootstrap.js';
import { weightedAverage, type GridContract, type PeriodGrid } from './contract-grid.js';
import { contractOf, rangeOf, utcDayGrid, utcMonthGrid } from './test-grids.js';

/** |actual − expected| < half a unit in the last of `decimals` printed decimals. */
const expectPrinted = (actual: number | undefined, expected: number, decimals: number): void => {
  expect(actual).toBeDefined();
  expect(Math.abs((actual ?? Number.NaN) - expected)).toBeLessThan(0.5 * 10 ** -decimals);
};

const errorOf = (run: () => unknown): Error => {
  try {
    run();
  } catch (error) {
    if (error instanceof Error) {
      return error;
    }
  }
  throw new Error('expected the call to throw');
};

const expectAveragesReproduced = (
  grid: PeriodGrid,
  values: Float64Array,
  contracts: readonly GridContract[],
  tolerance: number,
): void => {
  for (const contract of contracts) {
    expect(Math.abs(weightedAverage(grid, values, contract) - contract.price)).toBeLessThan(
      tolerance,
    );
  }
};

describe('G1: bootstrapper README (C#), monthly, Jan-20 19.05 and Q1-20 17.22', () => {
  const grid = utcMonthGrid('2020-01', '2020-03');
  const contracts = [
    contractOf(grid, 'Jan-20', '2020-01', '2020-01', 19.05),
    contractOf(grid, 'Q1-20', '2020-01', '2020-03', 17.22),
  ];
  const result = bootstrapContracts(grid, contracts);

  it('gives 19.05000, 16.27450, 16.27450', () => {
    expectPrinted(result.values[0], 19.05, 5);
    expectPrinted(result.values[1], 16.2745, 5);
    expectPrinted(result.values[2], 16.2745, 5);
    // Closed form: February and March together must carry Q1 minus January.
    expect(result.values[1]).toBeCloseTo((17.22 * 91 - 19.05 * 31) / 60, 12);
  });

  it('bootstraps two contracts: [2020-01, 19.05] and [2020-02..2020-03, 16.2745]', () => {
    expect(result.contracts.map(({ first, last, label }) => ({ first, last, label }))).toEqual([
      { first: 0, last: 0, label: '2020-01' },
      { first: 1, last: 2, label: '2020-02..2020-03' },
    ]);
    expectPrinted(result.contracts[0]?.price, 19.05, 4);
    expectPrinted(result.contracts[1]?.price, 16.2745, 4);
    expect(result.gaps).toEqual([]);
    expect(result.rank).toBe(2);
  });
});

describe('G2: bootstrapper tutorial (Python), monthly, Jan-19 18.95 and Q1-19 19.05', () => {
  const grid = utcMonthGrid('2019-01', '2019-03');
  const jan = contractOf(grid, 'Jan-19', '2019-01', '2019-01', 18.95);
  const q1 = contractOf(grid, 'Q1-19', '2019-01', '2019-03', 19.05);
  const feb = rangeOf(grid, '2019-02');
  const mar = rangeOf(grid, '2019-03');

  const expectCurve = (values: Float64Array, expected: readonly number[]): void => {
    expect(values).toHaveLength(expected.length);
    expected.forEach((value, p) => expectPrinted(values[p], value, 6));
  };

  it('a) plain: 18.950000, 19.102542, 19.102542', () => {
    expectCurve(bootstrapContracts(grid, [jan, q1]).values, [18.95, 19.102542, 19.102542]);
  });

  it('b) with ratio Feb/Mar = 1.1: 18.950000, 20.060761, 18.237055', () => {
    const result = bootstrapContracts(grid, [jan, q1], {
      shapings: [{ kind: 'ratio', periods: feb, relativeTo: mar, value: 1.1, label: 'Feb/Mar-19' }],
    });
    expectCurve(result.values, [18.95, 20.060761, 18.237055]);
    expect((result.values[1] ?? 0) / (result.values[2] ?? 1)).toBeCloseTo(1.1, 12);
    expect(result.contracts).toHaveLength(3);
  });

  it('c) with spread Feb − Mar = 0.21: 18.950000, 19.212881, 19.002881', () => {
    const result = bootstrapContracts(grid, [jan, q1], {
      shapings: [
        { kind: 'spread', periods: feb, relativeTo: mar, value: 0.21, label: 'Feb-Mar-19' },
      ],
    });
    expectCurve(result.values, [18.95, 19.212881, 19.002881]);
    expect((result.values[1] ?? 0) - (result.values[2] ?? 0)).toBeCloseTo(0.21, 12);
  });

  it('d) weekday weighting (23/20/21 weekdays): 18.950000, 19.106098, 19.106098', () => {
    const weekdays = [
      weekdayCount('2019-01-01', '2019-01-31'),
      weekdayCount('2019-02-01', '2019-02-28'),
      weekdayCount('2019-03-01', '2019-03-31'),
    ];
    expect(weekdays).toEqual([23, 20, 21]);
    const weekdayGrid: PeriodGrid = { ...grid, weights: Float64Array.from(weekdays) };
    expectCurve(bootstrapContracts(weekdayGrid, [jan, q1]).values, [18.95, 19.106098, 19.106098]);
  });

  describe('e) redundant Jan 18.95, Feb 18.23, Mar 17.99, Q1 18.43', () => {
    const contracts = [
      jan,
      contractOf(grid, 'Feb-19', '2019-02', '2019-02', 18.23),
      contractOf(grid, 'Mar-19', '2019-03', '2019-03', 17.99),
      contractOf(grid, 'Q1-19', '2019-01', '2019-03', 18.43),
    ];

    it('allowRedundancy fits them by least squares on raw-minute rows: 18.975161, 18.257857, 18.015161', () => {
      const result = bootstrapContracts(grid, contracts, { allowRedundancy: true });
      // Raw rows weigh each quote by its minutes; with rows divided by Σw the fit would be
      // 18.9590/18.2381/17.9990 instead (curves.md §4).
      expectCurve(result.values, [18.975161, 18.257857, 18.015161]);
      expect(result.rank).toBe(3);
    });

    it('without allowRedundancy throws, naming the redundant contracts and the implied one', () => {
      const error = errorOf(() => bootstrapContracts(grid, contracts));
      expect(error.message).toContain(
        'Redundant contracts: Jan-19, Feb-19, Mar-19 and Q1-19 (Q1-19 is a combination of the others)',
      );
      expect(isAppError(error) && error.code).toBe('invalid_request');
      expect(isAppError(error) && error.fields.map((field) => field.field)).toEqual([
        'contracts[0]',
        'contracts[1]',
        'contracts[2]',
        'contracts[3]',
      ]);
    });
  });
});

describe('G3: partial overlaps, null-space target (cmdty BootstrapperTest, issue #12)', () => {
  const grid = utcDayGrid('2020-08-24', '2020-09-30');
  const contracts = [
    contractOf(grid, 'Wk 35', '2020-08-24', '2020-08-30', 10),
    contractOf(grid, 'Wk 36', '2020-08-31', '2020-09-06', 10),
    contractOf(grid, 'Sep-20', '2020-09-01', '2020-09-30', 10),
  ];
  const segments = [
    { first: grid.indexOf('2020-08-24'), last: grid.indexOf('2020-08-30') },
    { first: grid.indexOf('2020-08-31'), last: grid.indexOf('2020-08-31') },
    { first: grid.indexOf('2020-09-01'), last: grid.indexOf('2020-09-06') },
    { first: grid.indexOf('2020-09-07'), last: grid.indexOf('2020-09-30') },
  ];

  it('gives 10.0 everywhere: curve, bootstrapped contracts and target (1e-10)', () => {
    const result = bootstrapContracts(grid, contracts);
    expect(result.values).toHaveLength(38);
    for (const series of [result.values, result.solution, result.target ?? new Float64Array()]) {
      expect(series).toHaveLength(38);
      series.forEach((value) => expect(Math.abs(value - 10)).toBeLessThan(1e-10));
    }
    expect(result.contracts.map(({ first, last }) => ({ first, last }))).toEqual(segments);
    result.contracts.forEach((c) => expect(Math.abs(c.price - 10)).toBeLessThan(1e-10));
  });

  it('minimum norm alone (cmdty before 1.1.0) gives 10, 1.7241…, 11.3793…, 9.6551…', () => {
    const result = bootstrapContracts(grid, contracts, { target: 'none' });
    expect(result.target).toBeNull();
    const prices = result.contracts.map((c) => c.price);
    const expected = [10, 1.724137931034483, 11.379310344827585, 9.655172413793101];
    expect(prices).toHaveLength(4);
    prices.forEach((price, i) => expect(Math.abs(price - (expected[i] ?? 0))).toBeLessThan(1e-10));
    // Even the odd-looking minimum-norm curve reproduces every quote.
    expectAveragesReproduced(grid, result.values, contracts, 1e-10);
  });

  it("cmdty's doc example: A⁺b = [8, 8, 14, 6], moved to [10, 10, 10, 10]", () => {
    const four: PeriodGrid = { weights: new Float64Array([1, 1, 1, 1]) };
    const quotes = [
      { first: 0, last: 2, price: 10, label: 't1..t3' },
      { first: 2, last: 3, price: 10, label: 't3..t4' },
    ];
    const minimumNorm = bootstrapContracts(four, quotes, { target: 'none' }).solution;
    [8, 8, 14, 6].forEach((value, p) => expect(minimumNorm[p]).toBeCloseTo(value, 12));
    const moved = bootstrapContracts(four, quotes).solution;
    moved.forEach((value) => expect(value).toBeCloseTo(10, 12));
  });
});

describe('bootstrapContracts', () => {
  const grid = utcMonthGrid('2026-01', '2027-12');
  const quotes = [
    contractOf(grid, 'Jan-26', '2026-01', '2026-01', 41.2),
    contractOf(grid, 'Feb-26', '2026-02', '2026-02', 39.8),
    contractOf(grid, 'Q1-26', '2026-01', '2026-03', 38.9),
    contractOf(grid, 'Q2-26', '2026-04', '2026-06', 31.5),
    contractOf(grid, 'Sum-26', '2026-04', '2026-09', 33.1),
    contractOf(grid, 'Win-26', '2026-10', '2027-03', 44.6),
    contractOf(grid, 'Cal-27', '2027-01', '2027-12', 40.05),
  ];

  it('reproduces every quote with the piecewise-flat curve (1e-10)', () => {
    const result = bootstrapContracts(grid, quotes);
    expectAveragesReproduced(grid, result.values, quotes, 1e-10);
    expectAveragesReproduced(grid, result.solution, quotes, 1e-10);
    expect(result.gaps).toEqual([]);
  });

  it('splits at every start and every end + 1 of the quotes', () => {
    const result = bootstrapContracts(grid, quotes);
    expect(result.contracts.map((c) => c.label)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04..2026-06',
      '2026-07..2026-09',
      '2026-10..2026-12',
      '2027-01..2027-03',
      '2027-04..2027-12',
    ]);
  });

  it('reports uncovered periods as gaps with no price instead of filling them', () => {
    const withGap = [
      contractOf(grid, 'Jan-26', '2026-01', '2026-01', 41.2),
      contractOf(grid, 'Apr-26', '2026-04', '2026-04', 30.1),
    ];
    const result = bootstrapContracts(grid, withGap);
    expect(result.gaps).toEqual([
      { first: 1, last: 2 },
      { first: 4, last: 23 },
    ]);
    expect(Number.isNaN(result.values[1])).toBe(true);
    expect(Number.isNaN(result.values[23])).toBe(true);
    expect(result.values[3]).toBeCloseTo(30.1, 12);
    expect(result.contracts.map((c) => c.label)).toEqual(['2026-01', '2026-04']);
  });

  it('follows the shortest covering contract per period, not the shortest overall', () => {
    // Jan-26 is the shortest contract overall; cmdty's code would pull Q3 towards its price 41.2.
    const overlapping = [
      contractOf(grid, 'Jan-26', '2026-01', '2026-01', 41.2),
      contractOf(grid, 'Jul-Aug-26', '2026-07', '2026-08', 30),
      contractOf(grid, 'Aug-Sep-26', '2026-08', '2026-09', 30),
    ];
    const result = bootstrapContracts(grid, overlapping);
    [6, 7, 8].forEach((p) => expect(result.values[p]).toBeCloseTo(30, 10));
    expect(result.target?.[6]).toBe(30);
  });

  it('takes a caller-supplied target curve', () => {
    const overlapping = [
      contractOf(grid, 'Jul-Aug-26', '2026-07', '2026-08', 30),
      contractOf(grid, 'Aug-Sep-26', '2026-08', '2026-09', 30),
    ];
    const target = new Float64Array(24).fill(30);
    target[7] = 36; // August
    const result = bootstrapContracts(grid, overlapping, { target });
    expect(result.values[7]).toBeGreaterThan(31);
    expectAveragesReproduced(grid, result.values, overlapping, 1e-10);
    expect(() => bootstrapContracts(grid, overlapping, { target: new Float64Array(3) })).toThrow(
      /one finite value per grid period \(24\)/,
    );
  });

  it('names a contract whose weights add up to 0', () => {
    const weights = Float64Array.from(grid.weights);
    weights[1] = 0;
    const zeroFeb: PeriodGrid = { ...grid, weights };
    const contracts = [quotes[0]!, contractOf(grid, 'Feb-26', '2026-02', '2026-02', 39.8)];
    expect(() => bootstrapContracts(zeroFeb, contracts)).toThrow(
      'Contract Feb-26 (2026-02) has total weight 0; the weights of its periods must add up to more than 0',
    );
  });

  it('names redundant shapings together with the contracts they repeat', () => {
    const contracts = [
      contractOf(grid, 'Q1-26', '2026-01', '2026-03', 38.9),
      contractOf(grid, 'Q3-26', '2026-07', '2026-09', 33),
      contractOf(grid, 'Jul-26', '2026-07', '2026-07', 34),
    ];
    const spread = {
      kind: 'spread' as const,
      periods: rangeOf(grid, '2026-07'),
      relativeTo: rangeOf(grid, '2026-07', '2026-09'),
      value: 1,
      label: 'Jul-Q3 spread',
    };
    const error = errorOf(() => bootstrapContracts(grid, contracts, { shapings: [spread] }));
    expect(error.message).toContain(
      'Redundant contracts and shapings: Q3-26, Jul-26 and Jul-Q3 spread (Jul-Q3 spread is a combination of the others)',
    );
    expect(error.message).not.toContain('Q1-26');
  });

  it('reports independent redundant groups separately', () => {
    const contracts = [
      contractOf(grid, 'Jan-26', '2026-01', '2026-01', 41.2),
      contractOf(grid, 'Jan-26 again', '2026-01', '2026-01', 41.3),
      contractOf(grid, 'Apr-26', '2026-04', '2026-04', 30),
      contractOf(grid, 'May-Jun-26', '2026-05', '2026-06', 31),
      contractOf(grid, 'Q2-26', '2026-04', '2026-06', 30.7),
    ];
    const error = errorOf(() => bootstrapContracts(grid, contracts));
    expect(error.message).toContain(
      'Redundant contracts: Apr-26, May-Jun-26 and Q2-26 (Q2-26 is a combination of the others); Jan-26 and Jan-26 again (Jan-26 again is a combination of the other)',
    );
  });

  it('rejects ranges outside the grid', () => {
    expect(() =>
      bootstrapContracts(grid, [{ first: 20, last: 30, price: 1, label: 'Cal-28' }]),
    ).toThrow('Contract Cal-28 covers periods 20..30, outside the grid 0..23');
  });
});
