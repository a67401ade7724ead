import { describe, expect, it } from 'vitest';
import type { MarketDefinition } from '../markets/market.js';
import { priceBatchFrom, PriceBatchBuilder, type PriceObservation } from '../prices/price-batch.js';
import { LocalDayCalendar } from './local-days.js';
import { inspectPriceBatch, priceSpan, selectPriceRows } from './price-checks.js';

const MARKET: MarketDefinition = {
  id: 'TEST',
  name: 'Test market',
  timezone: 'America/Chicago',
  currency: 'USD',
  runs: [
    { id: 'DA', intervalMinutes: 60, description: 'Day-ahead hourly' },
    { id: 'RT5', intervalMinutes: 5, description: 'Real-time 5-minute' },
  ],
  synthetic: false,
};

// 2026-07-14 is an ordinary 24-hour day in Chicago (CDT, UTC−5): local midnight is 05:00Z.
const MIDNIGHT = Date.UTC(2026, 6, 14, 5);
const HOUR = 3_600_000;

const da = (
  hour: number,
  lmp: number,
  extra: Partial<PriceObservation> = {},
): PriceObservation => ({
  instrumentId: 'TEST.HUB',
  run: 'DA',
  intervalStartMs: MIDNIGHT + hour * HOUR,
  intervalMinutes: 60,
  lmp,
  energy: lmp - 2,
  congestion: 1.5,
  loss: 0.5,
  ...extra,
});

const inspect = (rows: PriceObservation[], range?: { min: number; max: number }) => {
  const batch = priceBatchFrom(rows);
  const result = inspectPriceBatch(batch, {
    market: MARKET,
    calendar: new LocalDayCalendar(MARKET.timezone),
    ...(range ? { range } : {}),
  });
  return { batch, ...result, stored: selectPriceRows(batch, result.keep, result.kept) };
};

describe('inspectPriceBatch', () => {
  it('passes a clean day through untouched', () => {
    const rows = Array.from({ length: 24 }, (_, h) => da(h, 30 + h));
    const { problems, stored, batch } = inspect(rows);
    expect(problems).toEqual([]);
    expect(stored).toBe(batch);
  });

  it('keeps one copy of an interval published twice with identical values and records a warning', () => {
    const { problems, stored } = inspect([da(0, 30), da(1, 31), da(1, 31), da(2, 32)]);
    expect(stored.length).toBe(3);
    expect(problems).toMatchObject([
      {
        check: 'duplicate.identical',
        severity: 'warning',
        disposition: 'removed',
        instrumentId: 'TEST.HUB',
        run: 'DA',
        variable: null,
        localDay: '2026-07-14',
        intervalStartMs: MIDNIGHT + HOUR,
        count: 1,
        message:
          '1 interval published more than once with identical values (first at 01:00 CDT); one copy stored',
        detail: '01:00 CDT',
        day: { date: '2026-07-14', startMs: MIDNIGHT },
      },
    ]);
    // The affected interval, by minute of the local day, lets a store merge findings of overlapping windows.
    expect([...problems[0]!.affected.entries()].filter(([, bit]) => bit === 1)).toEqual([[60, 1]]);
  });

  it('withholds every row of an interval published with different values, naming both prices', () => {
    const { problems, stored } = inspect([
      da(0, 30),
      da(14, 31.2),
      da(14, 31.2),
      da(14, 45.1),
      da(15, 33),
    ]);
    expect([...stored.lmp]).toEqual([30, 33]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      check: 'duplicate.conflict',
      severity: 'error',
      disposition: 'withheld',
      count: 1,
      intervalStartMs: MIDNIGHT + 14 * HOUR,
    });
    expect(problems[0]?.message).toContain('14:00 CDT: LMP 31.20 and 45.10');
    expect(problems[0]?.message).toContain('counts as missing');
  });

  it('treats the same LMP with different components as a conflict too', () => {
    const { problems } = inspect([da(3, 30), da(3, 30, { congestion: 4 })]);
    expect(problems[0]?.check).toBe('duplicate.conflict');
    expect(problems[0]?.message).toContain('same LMP 30.00 but different components');
  });

  it('accepts components that add up within a cent and flags those that do not, with the arithmetic', () => {
    const { problems, stored } = inspect([
      // 25.10 + 3.20 + 0.45 = 28.75: a cent of rounding either way is fine.
      da(0, 28.76, { energy: 25.1, congestion: 3.2, loss: 0.45 }),
      da(1, 29.75, { energy: 25.1, congestion: 3.2, loss: 0.45 }),
      da(2, 31.5, { energy: 25.1, congestion: 3.2, loss: 0.45 }),
      // Only some components published: nothing to add up.
      da(3, 99, { energy: 25.1, congestion: null, loss: 0.45 }),
      // CAISO: the GHG component is part of the sum.
      da(4, 30.75, { energy: 25.1, congestion: 3.2, loss: 0.45, ghg: 2 }),
    ]);
    expect(stored.length).toBe(5);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      check: 'components.sum',
      severity: 'error',
      disposition: 'stored',
      count: 2,
      intervalStartMs: MIDNIGHT + HOUR,
    });
    expect(problems[0]?.message).toBe(
      '2 intervals where the components do not add up to the LMP within 0.01 (worst 02:00 CDT: energy 25.10 ' +
        '+ congestion 3.20 + loss 0.45 = 28.75 vs LMP 31.50, off by 2.75); stored as published',
    );
  });

  it('stores prices outside the plausible range but flags them, against configurable bounds', () => {
    const rows = [
      da(0, -1500, { energy: -1502 }),
      da(1, 15_000, { energy: 14_998 }),
      da(2, 9_000, { energy: 8_998 }),
    ];
    const { problems, stored } = inspect(rows);
    expect(stored.length).toBe(3);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ check: 'price.out_of_range', count: 2 });
    expect(problems[0]?.message).toContain(
      'most extreme 01:00 CDT: LMP 15000.00, plausible -1000 to 10000 USD/MWh',
    );
    const tight = inspect(rows, { min: -500, max: 5_000 });
    expect(tight.problems[0]).toMatchObject({ check: 'price.out_of_range', count: 3 });
  });

  it('withholds rows without a usable price: NaN or infinite values, or beyond the store’s sanity limit', () => {
    const { problems, stored } = inspect([
      da(0, Number.NaN, { energy: null, congestion: null, loss: null }),
      da(1, 30, { congestion: Number.POSITIVE_INFINITY }),
      da(2, 250_000, { energy: null, congestion: null, loss: null }),
      da(3, 30),
    ]);
    expect(stored.length).toBe(1);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      check: 'price.unusable',
      disposition: 'withheld',
      count: 3,
    });
    expect(problems[0]?.message).toContain('00:00 CDT: LMP NaN');
  });

  it('flags intervals of the wrong length, off the grid, or of a run the market does not publish', () => {
    const rt = (minute: number, minutes = 5, run: 'RT5' | 'RT15' = 'RT5'): PriceObservation => ({
      instrumentId: 'TEST.NODE',
      run,
      intervalStartMs: MIDNIGHT + minute * 60_000,
      intervalMinutes: minutes,
      lmp: 20,
    });
    const { problems, stored } = inspect([
      rt(0),
      rt(5, 60),
      rt(13),
      rt(15, 15, 'RT15'),
      rt(30, 15, 'RT15'),
    ]);
    expect(stored.length).toBe(5);
    expect(problems.map((p) => [p.check, p.run, p.count])).toEqual([
      ['interval.alignment', 'RT5', 1],
      ['interval.length', 'RT5', 1],
      ['run.unknown', 'RT15', 2],
    ]);
    expect(problems[0]?.message).toContain('first at 00:13 CDT');
    expect(problems[1]?.message).toContain('60 minutes long where RT5 intervals are 5 minutes');
    expect(problems[2]?.message).toContain('TEST publishes no RT15 run');
  });

  it('aggregates a systematic fault into one problem per instrument and local day', () => {
    const rows = Array.from({ length: 24 }, (_, h) =>
      da(h, 30 + h, { energy: 10, congestion: 0, loss: 0 }),
    );
    // 04:00Z on the 15th is still the 14th in Chicago (23:00 CDT), so it joins the same local day.
    rows.push(da(23, 53, { instrumentId: 'TEST.NODE', energy: 0, congestion: 0, loss: 0 }));
    const { problems } = inspect(rows);
    expect(problems.map((p) => [p.instrumentId, p.localDay, p.count])).toEqual([
      ['TEST.HUB', '2026-07-14', 24],
      ['TEST.NODE', '2026-07-14', 1],
    ]);
    expect(problems[0]?.intervalStartMs).toBe(MIDNIGHT);
    expect(problems[0]?.message).toContain('worst 23:00 CDT');
  });

  it('checks a million rows (time-major, as many operators publish) in well under a second', () => {
    const builder = new PriceBatchBuilder(1_000_000);
    const run = builder.runSlot('RT5');
    const slots = Array.from({ length: 3500 }, (_, k) => builder.instrumentSlot(`TEST.N${k}`));
    for (let t = 0; t < 288; t++) {
      for (const slot of slots) {
        builder.addColumns(slot, run, MIDNIGHT + t * 300_000, 5, 25, 20, 4, 1, Number.NaN);
      }
    }
    const batch = builder.build();
    const started = performance.now();
    const result = inspectPriceBatch(batch, {
      market: MARKET,
      calendar: new LocalDayCalendar(MARKET.timezone),
    });
    const elapsed = performance.now() - started;
    expect(result.kept).toBe(batch.length);
    expect(result.problems).toEqual([]);
    expect(elapsed).toBeLessThan(2_000);
  });

  it('measures the span of a batch', () => {
    expect(priceSpan(priceBatchFrom([da(2, 1), da(0, 1)]))).toEqual({
      fromMs: MIDNIGHT,
      toMs: MIDNIGHT + 3 * HOUR,
    });
    expect(priceSpan(priceBatchFrom([]))).toBeNull();
  });
});
