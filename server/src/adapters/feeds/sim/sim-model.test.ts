import { describe, expect, it } from 'vitest';
import { validatePriceBatch, type PriceBatch } from '../../../domain/prices/price-batch.js';
import { DAY_MS, HOUR_MS, MINUTE_MS, type TimeRange } from '../../../domain/time/interval.js';
import { localDayBounds } from '../../../domain/time/zoned.js';
import { SIM_PRICE_LOCATIONS, SIM_TIMEZONE } from './sim-market.js';
import {
  createSimModel,
  simulatePrices,
  softFloor,
  stackPrice,
  type SimPriceRun,
} from './sim-model.js';

const LOCATIONS = SIM_PRICE_LOCATIONS.length;
const APRIL = Date.UTC(2025, 3, 1, 5);
const model = createSimModel(254);

const prices = (run: SimPriceRun, window: TimeRange, seed = 254): PriceBatch =>
  simulatePrices(seed === 254 ? model : createSimModel(seed), run, window);

const COLUMNS = [
  'instrumentIndex',
  'runIndex',
  'intervalStartMs',
  'intervalMinutes',
  'lmp',
  'energy',
  'congestion',
  'loss',
  'ghg',
] as const;

const bytes = (a: ArrayBufferView): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

/** Bitwise equality of every column (NaN payloads and -0 included). */
const expectSameBits = (actual: PriceBatch, expected: PriceBatch): void => {
  expect(actual.length).toBe(expected.length);
  expect(actual.instrumentIds).toEqual(expected.instrumentIds);
  expect(actual.runs).toEqual(expected.runs);
  for (const column of COLUMNS) {
    expect(bytes(actual[column]).equals(bytes(expected[column])), column).toBe(true);
  }
};

const concat = (parts: readonly PriceBatch[], column: (typeof COLUMNS)[number]): Buffer =>
  Buffer.concat(parts.map((p) => bytes(p[column])));

/** Values of one instrument's column, in row order. */
const seriesOf = (batch: PriceBatch, id: string, column: 'lmp' | 'energy' = 'lmp'): number[] => {
  const slot = batch.instrumentIds.indexOf(id);
  const out: number[] = [];
  for (let i = 0; i < batch.length; i++) {
    if (batch.instrumentIndex[i] === slot) {
      out.push(batch[column][i]!);
    }
  }
  return out;
};

const mean = (v: readonly number[]): number => v.reduce((a, x) => a + x, 0) / v.length;
const std = (v: readonly number[]): number => {
  const m = mean(v);
  return Math.sqrt(v.reduce((a, x) => a + (x - m) ** 2, 0) / v.length);
};
const diffs = (v: readonly number[]): number[] => v.slice(1).map((x, i) => x - v[i]!);

describe('SIM price model', () => {
  it('is deterministic under a seed and differs between seeds', () => {
    const window = { fromMs: APRIL, toMs: APRIL + 2 * DAY_MS };
    for (const run of ['DA', 'RT5'] as const) {
      expectSameBits(prices(run, window), simulatePrices(createSimModel(254), run, window));
      const other = prices(run, window, 255);
      expect(bytes(other.lmp).equals(bytes(prices(run, window).lmp))).toBe(false);
    }
  });

  it('gives bitwise the same values whether a window is fetched whole or in pieces', () => {
    const from = Date.UTC(2024, 2, 9, 3, 2); // not on the grid, and spanning the spring-forward day
    const cuts = [
      from,
      from + 7 * HOUR_MS + 31 * MINUTE_MS,
      from + 30 * HOUR_MS,
      from + 3 * DAY_MS,
    ];
    for (const run of ['DA', 'RT5'] as const) {
      const whole = prices(run, { fromMs: cuts[0]!, toMs: cuts[3]! });
      const parts = cuts.slice(1).map((to, i) => prices(run, { fromMs: cuts[i]!, toMs: to }));
      for (const column of COLUMNS.filter((c) => c !== 'instrumentIndex' && c !== 'runIndex')) {
        expect(concat(parts, column).equals(bytes(whole[column])), `${run} ${column}`).toBe(true);
      }
      // A single interval fetched alone matches the same interval inside a long window.
      const at = Date.UTC(2024, 2, 10, 14, run === 'DA' ? 0 : 35);
      const single = prices(run, { fromMs: at, toMs: at + MINUTE_MS });
      expect(single.length).toBe(LOCATIONS);
      const row = whole.intervalStartMs.indexOf(at);
      expect(bytes(single.lmp).equals(bytes(whole.lmp.subarray(row, row + LOCATIONS)))).toBe(true);
    }
  });

  it('publishes 24 DA and 288 RT5 intervals per instrument per UTC day, ordered by time', () => {
    const day = { fromMs: Date.UTC(2025, 5, 2), toMs: Date.UTC(2025, 5, 3) };
    const da = prices('DA', day);
    const rt = prices('RT5', day);
    expect(da.length).toBe(24 * LOCATIONS);
    expect(rt.length).toBe(288 * LOCATIONS);
    expect(new Set(da.intervalMinutes)).toEqual(new Set([60]));
    expect(new Set(rt.intervalMinutes)).toEqual(new Set([5]));
    expect(da.runs).toEqual(['DA']);
    expect(rt.runs).toEqual(['RT5']);
    for (let i = 1; i < rt.length; i++) {
      expect(rt.intervalStartMs[i]! >= rt.intervalStartMs[i - 1]!).toBe(true);
    }
    expect(validatePriceBatch(da)).toEqual([]);
    expect(validatePriceBatch(rt)).toEqual([]);
    expect(prices('RT5', { fromMs: day.toMs, toMs: day.fromMs }).length).toBe(0);
  });

  it('stores cents with energy + congestion + loss = LMP to the cent and no GHG component', () => {
    const batch = prices('RT5', { fromMs: APRIL, toMs: APRIL + 7 * DAY_MS });
    const cents = (x: number): number => Math.round(x * 100);
    let bad = 0;
    for (let i = 0; i < batch.length; i++) {
      const [lmp, e, c, l] = [
        batch.lmp[i]!,
        batch.energy[i]!,
        batch.congestion[i]!,
        batch.loss[i]!,
      ];
      const ok =
        Math.abs(lmp * 100 - cents(lmp)) < 1e-6 &&
        cents(e) + cents(c) + cents(l) === cents(lmp) &&
        Math.abs(e + c + l - lmp) < 1e-9 &&
        Number.isNaN(batch.ghg[i]);
      bad += ok ? 0 : 1;
    }
    expect(batch.length).toBe(7 * 288 * LOCATIONS);
    expect(bad).toBe(0);
  });

  it('looks like a real market over four spring weeks', () => {
    const window = { fromMs: APRIL, toMs: APRIL + 28 * DAY_MS };
    const da = prices('DA', window);
    const rt = prices('RT5', window);
    for (const { code } of SIM_PRICE_LOCATIONS) {
      const id = `SIM.${code}`;
      for (const batch of [da, rt]) {
        const m = mean(seriesOf(batch, id));
        expect(m, id).toBeGreaterThan(20);
        expect(m, id).toBeLessThan(70);
      }
    }
    const all = [...rt.lmp];
    expect(Math.min(...all)).toBeGreaterThan(-35);
    expect(Math.max(...all)).toBeGreaterThan(200);
    expect(Math.max(...all)).toBeLessThan(1100);
    expect(Math.max(...da.lmp)).toBeLessThan(Math.max(...all));
    // The solar-export-constrained nodes go negative; the unconstrained central node rarely does.
    const negativeShare = (id: string): number =>
      seriesOf(rt, id).filter((x) => x < 0).length / (28 * 288);
    expect(negativeShare('SIM.NODE_N06')).toBeGreaterThan(0.01);
    expect(negativeShare('SIM.NODE_N07')).toBeGreaterThan(0.005);
    expect(negativeShare('SIM.NODE_N06')).toBeGreaterThan(3 * negativeShare('SIM.NODE_N03'));
    // Congestion differs by node: near zero at N03, large at the pocket and export-constrained nodes.
    const meanAbs = (id: string): number => mean(congestionOf(rt, id).map(Math.abs));
    expect(meanAbs('SIM.NODE_N03')).toBeLessThan(0.5);
    expect(meanAbs('SIM.NODE_N05')).toBeGreaterThan(2);
    expect(meanAbs('SIM.NODE_N06')).toBeGreaterThan(2);
  });

  it('makes DA smoother than RT, with a real DA/RT spread', () => {
    const window = { fromMs: APRIL, toMs: APRIL + 28 * DAY_MS };
    const da = seriesOf(prices('DA', window), 'SIM.HUB_NORTH');
    const rt = seriesOf(prices('RT5', window), 'SIM.HUB_NORTH');
    const rtHourly = da.map((_, h) => mean(rt.slice(h * 12, h * 12 + 12)));
    const spread = rtHourly.map((x, h) => x - da[h]!);
    expect(std(spread)).toBeGreaterThan(1);
    expect(std(diffs(da))).toBeLessThan(std(diffs(rt)));
    // DA and RT track the same system: hourly levels are strongly correlated.
    const correlation =
      mean(da.map((x, h) => (x - mean(da)) * (rtHourly[h]! - mean(rtHourly)))) /
      (std(da) * std(rtHourly));
    expect(correlation).toBeGreaterThan(0.5);
  });

  it('produces contiguous UTC intervals across 23- and 25-hour local days', () => {
    for (const [date, hours] of [
      ['2024-03-10', 23],
      ['2024-11-03', 25],
    ] as const) {
      const bounds = localDayBounds(SIM_TIMEZONE, date);
      expect(bounds.hours).toBe(hours);
      const window = { fromMs: bounds.startMs, toMs: bounds.endMs };
      for (const [run, perHour] of [
        ['DA', 1],
        ['RT5', 12],
      ] as const) {
        const batch = prices(run, window);
        const slot = batch.instrumentIds.indexOf('SIM.HUB_WEST');
        const starts = [...batch.intervalStartMs].filter(
          (_, i) => batch.instrumentIndex[i] === slot,
        );
        expect(starts.length).toBe(hours * perHour);
        expect(starts[0]).toBe(bounds.startMs);
        const step = (60 / perHour) * MINUTE_MS;
        expect(diffs(starts).every((d) => d === step)).toBe(true);
        expect(starts.at(-1)! + step).toBe(bounds.endMs);
      }
    }
  });

  it('prices along a merit order and floors negatives softly', () => {
    expect(stackPrice(15_000, 1)).toBeLessThan(0);
    expect(stackPrice(30_000, 1)).toBeGreaterThan(20);
    expect(stackPrice(30_000, 1)).toBeLessThan(40);
    expect(stackPrice(50_000, 1)).toBeGreaterThan(80);
    for (let n = 10_000; n < 55_000; n += 500) {
      expect(stackPrice(n + 500, 1)).toBeGreaterThan(stackPrice(n, 1));
    }
    expect(softFloor(-10)).toBe(-10);
    expect(softFloor(-25)).toBeLessThan(-20);
    expect(softFloor(-1000)).toBeGreaterThan(-32.01);
  });

  it('generates a week for all instruments and both runs (speed is benchmarked elsewhere)', () => {
    const week = { fromMs: Date.UTC(2025, 6, 7), toMs: Date.UTC(2025, 6, 14) };
    expect(prices('RT5', week).length).toBe(7 * 288 * LOCATIONS);
    expect(prices('DA', week).length).toBe(7 * 24 * LOCATIONS);
  });
});

function congestionOf(batch: PriceBatch, id: string): number[] {
  const slot = batch.instrumentIds.indexOf(id);
  return [...batch.congestion].filter((_, i) => batch.instrumentIndex[i] === slot);
}
