import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  priceBatchFrom,
  priceObservationAt,
  type PriceObservation,
} from '../../src/domain/prices/price-batch.js';
import { seriesBatchFrom, seriesObservationAt } from '../../src/domain/series/series-batch.js';
import type { ManualClock } from '../../src/platform/clock.js';
import { AppError } from '../../src/platform/errors.js';
import type { TimeSeriesStore } from '../../src/ports/time-series-store.js';

/** What an adapter's test gives the contract suite: a fresh, empty store and its clock. */
export interface TimeSeriesStoreHarness {
  readonly store: TimeSeriesStore;
  readonly clock: ManualClock;
  /** Closes and reopens the same database, when the adapter persists (null for in-memory stores). */
  readonly reopen: (() => Promise<TimeSeriesStore>) | null;
  close(): Promise<void>;
}

const H = 3_600_000;
const T0 = Date.UTC(2024, 6, 1); // 2024-07-01T00:00Z
const iso = (ms: number): string => new Date(ms).toISOString();

const rt5 = (
  instrumentId: string,
  startMs: number,
  lmp: number,
  extra: Partial<PriceObservation> = {},
): PriceObservation => ({
  instrumentId,
  run: 'RT5',
  intervalStartMs: startMs,
  intervalMinutes: 5,
  lmp,
  energy: lmp - 1,
  congestion: 0.5,
  loss: 0.5,
  ghg: null,
  ...extra,
});

const hourly = (
  instrumentId: string,
  hours: number,
  level: (h: number) => number,
): PriceObservation[] =>
  Array.from({ length: hours }, (_, h) => ({
    instrumentId,
    run: 'DA' as const,
    intervalStartMs: T0 + h * H,
    intervalMinutes: 60,
    lmp: level(h),
    energy: level(h),
    congestion: 0,
    loss: 0,
    ghg: null,
  }));

const everyFiveMinutes = (
  instrumentId: string,
  fromMs: number,
  count: number,
  level: (i: number) => number,
) => Array.from({ length: count }, (_, i) => rt5(instrumentId, fromMs + i * 300_000, level(i)));

const rows = (batch: Parameters<typeof priceObservationAt>[0]) =>
  Array.from({ length: batch.length }, (_, i) => priceObservationAt(batch, i));

const all = { fromMs: Date.UTC(2000, 0, 1), toMs: Date.UTC(2090, 0, 1) };

/**
 * The behaviour every TimeSeriesStore must have. Each adapter's test calls this with a factory for a fresh store:
 * DuckDB always; server engines in CI.
 */
export const describeTimeSeriesStore = (
  name: string,
  open: () => Promise<TimeSeriesStoreHarness>,
  options: { readonly persistent: boolean },
): void => {
  describe(`TimeSeriesStore contract: ${name}`, () => {
    let h: TimeSeriesStoreHarness;
    let store: TimeSeriesStore;

    beforeEach(async () => {
      h = await open();
      store = h.store;
      h.clock.set(Date.UTC(2024, 6, 2, 12));
    });
    afterEach(async () => {
      await h.close();
    });

    const readAll = (instrumentIds: string[], runs: ('DA' | 'RT5')[] | null = null) =>
      store.readPrices({ instrumentIds, runs, range: all, limit: 1_000_000 });

    it('stores prices and reads them back exactly, ordered by requested instrument, run and time', async () => {
      const written = [
        ...everyFiveMinutes('SIM.B', T0, 3, (i) => 10 + i),
        rt5('SIM.A', T0 + 300_000, -12.25, { ghg: 1.5, energy: null }),
        rt5('SIM.A', T0, 40.125),
        ...hourly('SIM.A', 2, (hr) => 30 + hr),
      ];
      const result = await store.writePrices(priceBatchFrom(written));
      expect(result).toEqual({ inserted: 7, revised: 0, unchanged: 0 });

      const read = rows(await readAll(['SIM.A', 'SIM.B']));
      expect(read.map((r) => `${r.instrumentId} ${r.run} ${iso(r.intervalStartMs)}`)).toEqual([
        'SIM.A DA 2024-07-01T00:00:00.000Z',
        'SIM.A DA 2024-07-01T01:00:00.000Z',
        'SIM.A RT5 2024-07-01T00:00:00.000Z',
        'SIM.A RT5 2024-07-01T00:05:00.000Z',
        'SIM.B RT5 2024-07-01T00:00:00.000Z',
        'SIM.B RT5 2024-07-01T00:05:00.000Z',
        'SIM.B RT5 2024-07-01T00:10:00.000Z',
      ]);
      expect(read[3]).toEqual({
        instrumentId: 'SIM.A',
        run: 'RT5',
        intervalStartMs: T0 + 300_000,
        intervalMinutes: 5,
        lmp: -12.25,
        energy: null,
        congestion: 0.5,
        loss: 0.5,
        ghg: 1.5,
      });
      const reversed = rows(await readAll(['SIM.B', 'SIM.A'], ['RT5']));
      expect(reversed.map((r) => r.instrumentId)).toEqual([
        'SIM.B',
        'SIM.B',
        'SIM.B',
        'SIM.A',
        'SIM.A',
      ]);
    });

    it('accepts concurrent first writes of the same new instruments', async () => {
      const writes = ['RT5', 'DA'].map((run) =>
        store.writePrices(
          priceBatchFrom(
            ['SIM.A', 'SIM.B'].map((id) => ({ ...rt5(id, T0, 1), run: run as 'RT5' | 'DA' })),
          ),
        ),
      );
      expect(await Promise.all(writes)).toEqual([
        { inserted: 2, revised: 0, unchanged: 0 },
        { inserted: 2, revised: 0, unchanged: 0 },
      ]);
      expect((await readAll(['SIM.A', 'SIM.B'])).length).toBe(4);
    });

    it('reads a half-open range and honours the run filter and the row limit', async () => {
      await store.writePrices(
        priceBatchFrom([
          ...everyFiveMinutes('SIM.A', T0, 24, () => 20),
          ...hourly('SIM.A', 3, () => 25),
        ]),
      );
      const window = { fromMs: T0 + 300_000, toMs: T0 + 3_600_000 };
      const rt = await store.readPrices({
        instrumentIds: ['SIM.A'],
        runs: ['RT5'],
        range: window,
        limit: 100,
      });
      expect(rt.length).toBe(11);
      expect(iso(rt.intervalStartMs[0]!)).toBe('2024-07-01T00:05:00.000Z');
      expect(iso(rt.intervalStartMs[10]!)).toBe('2024-07-01T00:55:00.000Z');
      const limited = await store.readPrices({
        instrumentIds: ['SIM.A'],
        runs: null,
        range: all,
        limit: 5,
      });
      // A cut result keeps the first rows in order: DA hours first, then the earliest RT5 intervals.
      expect(rows(limited).map((r) => `${r.run} ${iso(r.intervalStartMs)}`)).toEqual([
        'DA 2024-07-01T00:00:00.000Z',
        'DA 2024-07-01T01:00:00.000Z',
        'DA 2024-07-01T02:00:00.000Z',
        'RT5 2024-07-01T00:00:00.000Z',
        'RT5 2024-07-01T00:05:00.000Z',
      ]);
      const unknown = await store.readPrices({
        instrumentIds: ['SIM.NOPE'],
        runs: null,
        range: all,
        limit: 5,
      });
      expect(unknown.length).toBe(0);
    });

    it('is idempotent: writing the same data again stores nothing new', async () => {
      const batch = priceBatchFrom(everyFiveMinutes('SIM.A', T0, 12, (i) => 30 + i));
      await store.writePrices(batch);
      expect(await store.writePrices(batch)).toEqual({ inserted: 0, revised: 0, unchanged: 12 });
      expect((await readAll(['SIM.A'])).length).toBe(12);
      expect(await store.priceRevisions('SIM.A', 'RT5', T0)).toHaveLength(1);
    });

    it('stores a corrected value as a new revision; the latest wins and history is kept', async () => {
      await store.writePrices(priceBatchFrom(everyFiveMinutes('SIM.A', T0, 3, () => 30)));
      h.clock.set(Date.UTC(2024, 6, 3));
      const correction = [
        rt5('SIM.A', T0 + 300_000, 31.5),
        rt5('SIM.A', T0 + 600_000, 30),
        rt5('SIM.A', T0 + 900_000, 33),
      ];
      expect(await store.writePrices(priceBatchFrom(correction))).toEqual({
        inserted: 1,
        revised: 1,
        unchanged: 1,
      });

      const read = rows(await readAll(['SIM.A']));
      expect(read.map((r) => r.lmp)).toEqual([30, 31.5, 30, 33]);
      const history = await store.priceRevisions('SIM.A', 'RT5', T0 + 300_000);
      expect(
        history.map((r) => [
          r.revision,
          r.lmp,
          r.supersededAtMs === null ? null : iso(r.supersededAtMs),
        ]),
      ).toEqual([
        [1, 30, '2024-07-03T00:00:00.000Z'],
        [2, 31.5, null],
      ]);
      expect(iso(history[1]!.receivedAtMs)).toBe('2024-07-03T00:00:00.000Z');
      // A component appearing later (null → value) is a correction too.
      expect(
        await store.writePrices(priceBatchFrom([rt5('SIM.A', T0, 30, { ghg: 0.25 })])),
      ).toEqual({
        inserted: 0,
        revised: 1,
        unchanged: 0,
      });
    });

    it('keeps one copy of a row repeated verbatim within a batch', async () => {
      const row = rt5('SIM.A', T0, 42);
      expect(
        await store.writePrices(priceBatchFrom([row, rt5('SIM.A', T0 + 300_000, 43), row])),
      ).toEqual({
        inserted: 2,
        revised: 0,
        unchanged: 1,
      });
      expect((await readAll(['SIM.A'])).length).toBe(2);
    });

    it('rejects a batch that contradicts itself and stores none of it', async () => {
      const attempt = store.writePrices(
        priceBatchFrom([rt5('SIM.A', T0 + 300_000, 1), rt5('SIM.A', T0, 42), rt5('SIM.A', T0, 43)]),
      );
      await expect(attempt).rejects.toMatchObject({ code: 'invalid_request' });
      expect((await readAll(['SIM.A'])).length).toBe(0);
    });

    it('rejects malformed rows with every problem named and stores nothing', async () => {
      const bad = priceBatchFrom([
        rt5('SIM.A', T0, 10),
        rt5('SIM.A', T0 + 300_000, Number.NaN),
        rt5('SIM.A', T0 + 600_000 + 7, 10),
        rt5('not an id', T0, 10),
      ]);
      const error = await store.writePrices(bad).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      const fields = (error as AppError).fields.map((f) => f.field);
      expect(fields).toContain('instrument');
      expect(fields.some((f) => f.endsWith('.lmp'))).toBe(true);
      expect(fields.some((f) => f.endsWith('.intervalStart'))).toBe(true);
      expect((await readAll(['SIM.A'])).length).toBe(0);
    });

    it('resamples to hours with a length-weighted average, min, max, first and last', async () => {
      await store.writePrices(priceBatchFrom(everyFiveMinutes('SIM.A', T0, 24, (i) => i)));
      const resample = (aggregation: 'avg' | 'min' | 'max' | 'first' | 'last') =>
        store.resamplePrices({
          instrumentIds: ['SIM.A'],
          runs: ['RT5'],
          range: all,
          limit: 100,
          bucket: { kind: 'fixed', minutes: 60 },
          aggregation,
        });
      const avg = await resample('avg');
      expect(Array.from(avg.prices.intervalStartMs, iso)).toEqual([
        '2024-07-01T00:00:00.000Z',
        '2024-07-01T01:00:00.000Z',
      ]);
      expect(Array.from(avg.prices.intervalMinutes)).toEqual([60, 60]);
      expect(Array.from(avg.prices.lmp)).toEqual([5.5, 17.5]);
      // Component averages of cent prices come back clean (0.5 here), not as float noise.
      expect(Array.from(avg.prices.congestion)).toEqual([0.5, 0.5]);
      expect(Array.from(avg.samples)).toEqual([12, 12]);
      expect(Number.isNaN(avg.prices.ghg[0])).toBe(true);
      expect(Array.from((await resample('min')).prices.lmp)).toEqual([0, 12]);
      expect(Array.from((await resample('max')).prices.lmp)).toEqual([11, 23]);
      expect(Array.from((await resample('first')).prices.lmp)).toEqual([0, 12]);
      expect(Array.from((await resample('last')).prices.lmp)).toEqual([11, 23]);
    });

    it('never upsamples: hourly rows stay hourly when smaller buckets are asked for', async () => {
      await store.writePrices(priceBatchFrom(hourly('SIM.A', 2, (hr) => 10 * hr)));
      const result = await store.resamplePrices({
        instrumentIds: ['SIM.A'],
        runs: null,
        range: all,
        limit: 100,
        bucket: { kind: 'fixed', minutes: 5 },
        aggregation: 'avg',
      });
      expect(Array.from(result.prices.intervalMinutes)).toEqual([60, 60]);
      expect(Array.from(result.prices.lmp)).toEqual([0, 10]);
    });

    it('resamples to local days in the market zone: 25-hour and 23-hour DST days are single buckets', async () => {
      const fallBackStart = Date.UTC(2024, 10, 3, 5); // 2024-11-03 00:00 CDT
      const springStart = Date.UTC(2024, 2, 10, 6); // 2024-03-10 00:00 CST
      await store.writePrices(
        priceBatchFrom([
          ...everyFiveMinutes('SIM.A', fallBackStart, 25 * 12, () => 20),
          ...everyFiveMinutes('SIM.A', springStart, 23 * 12, () => 30),
        ]),
      );
      const result = await store.resamplePrices({
        instrumentIds: ['SIM.A'],
        runs: ['RT5'],
        range: all,
        limit: 100,
        bucket: { kind: 'calendar', unit: 'day', zone: 'America/Chicago' },
        aggregation: 'avg',
      });
      expect(Array.from(result.prices.intervalStartMs, iso)).toEqual([
        '2024-03-10T06:00:00.000Z',
        '2024-11-03T05:00:00.000Z',
      ]);
      expect(Array.from(result.prices.intervalMinutes)).toEqual([23 * 60, 25 * 60]);
      expect(Array.from(result.samples)).toEqual([276, 300]);
      expect(Array.from(result.prices.lmp)).toEqual([30, 20]);

      const monthly = await store.resamplePrices({
        instrumentIds: ['SIM.A'],
        runs: ['RT5'],
        range: all,
        limit: 100,
        bucket: { kind: 'calendar', unit: 'month', zone: 'America/Chicago' },
        aggregation: 'max',
      });
      expect(Array.from(monthly.prices.intervalStartMs, iso)).toEqual([
        '2024-03-01T06:00:00.000Z',
        '2024-11-01T05:00:00.000Z',
      ]);
      // March 2024 in Chicago has 31 days minus the skipped hour; November has 30 days plus the repeated hour.
      expect(Array.from(monthly.prices.intervalMinutes)).toEqual([
        (31 * 24 - 1) * 60,
        (30 * 24 + 1) * 60,
      ]);
    });

    it('tracks the latest interval per instrument and run, ignoring revisions of older intervals', async () => {
      await store.writePrices(
        priceBatchFrom([
          ...everyFiveMinutes('SIM.A', T0, 3, () => 10),
          ...hourly('SIM.A', 2, () => 5),
        ]),
      );
      await store.writePrices(priceBatchFrom(everyFiveMinutes('OTHER.X', T0, 1, () => 99)));
      h.clock.set(Date.UTC(2024, 6, 4));
      await store.writePrices(priceBatchFrom([rt5('SIM.A', T0, 11)]));
      let latest = await store.latestPrices({ market: 'SIM' });
      expect(
        rows(latest.prices).map(
          (r) => `${r.instrumentId} ${r.run} ${iso(r.intervalStartMs)} ${r.lmp}`,
        ),
      ).toEqual(['SIM.A DA 2024-07-01T01:00:00.000Z 5', 'SIM.A RT5 2024-07-01T00:10:00.000Z 10']);
      await store.writePrices(priceBatchFrom([rt5('SIM.A', T0 + 600_000, 12)]));
      latest = await store.latestPrices({ instrumentIds: ['SIM.A'], runs: ['RT5'] });
      expect(rows(latest.prices).map((r) => r.lmp)).toEqual([12]);
      expect(iso(latest.receivedAtMs[0]!)).toBe('2024-07-04T00:00:00.000Z');
      expect((await store.latestPrices({ market: 'NONE' })).prices.length).toBe(0);
    });

    it('reports coverage per instrument and run', async () => {
      await store.writePrices(
        priceBatchFrom([
          ...everyFiveMinutes('SIM.A', T0, 4, () => 1),
          ...hourly('SIM.A', 1, () => 1),
        ]),
      );
      const coverage = await store.priceCoverage(['SIM.A']);
      expect(
        coverage.map((c) => [
          c.run,
          iso(c.firstIntervalStartMs),
          iso(c.lastIntervalStartMs),
          c.rows,
        ]),
      ).toEqual([
        ['DA', '2024-07-01T00:00:00.000Z', '2024-07-01T00:00:00.000Z', 1],
        ['RT5', '2024-07-01T00:00:00.000Z', '2024-07-01T00:15:00.000Z', 4],
      ]);
    });

    it('stores load and forecasts by vintage, idempotently, with revisions', async () => {
      const issuedA = Date.UTC(2024, 5, 30, 11);
      const issuedB = Date.UTC(2024, 5, 30, 17);
      const series = seriesBatchFrom([
        {
          instrumentId: 'SIM.LOAD',
          variable: 'load.actual',
          intervalStartMs: T0,
          intervalMinutes: 60,
          valueMw: 40_000,
        },
        {
          instrumentId: 'SIM.LOAD',
          variable: 'load.forecast',
          intervalStartMs: T0,
          intervalMinutes: 60,
          valueMw: 41_000,
          issuedAtMs: issuedA,
        },
        {
          instrumentId: 'SIM.LOAD',
          variable: 'load.forecast',
          intervalStartMs: T0,
          intervalMinutes: 60,
          valueMw: 40_500,
          issuedAtMs: issuedB,
        },
        {
          instrumentId: 'SIM.GEN',
          variable: 'gen.solar',
          intervalStartMs: T0,
          intervalMinutes: 60,
          valueMw: 0,
        },
      ]);
      expect(await store.writeSeries(series)).toEqual({ inserted: 4, revised: 0, unchanged: 0 });
      expect(await store.writeSeries(series)).toEqual({ inserted: 0, revised: 0, unchanged: 4 });
      const corrected = seriesBatchFrom([
        {
          instrumentId: 'SIM.LOAD',
          variable: 'load.actual',
          intervalStartMs: T0,
          intervalMinutes: 60,
          valueMw: 40_100,
        },
      ]);
      expect(await store.writeSeries(corrected)).toEqual({ inserted: 0, revised: 1, unchanged: 0 });
      const read = await store.readSeries({
        instrumentIds: ['SIM.LOAD'],
        variables: null,
        range: all,
        limit: 100,
      });
      expect(Array.from({ length: read.length }, (_, i) => seriesObservationAt(read, i))).toEqual([
        {
          instrumentId: 'SIM.LOAD',
          variable: 'load.actual',
          intervalStartMs: T0,
          intervalMinutes: 60,
          valueMw: 40_100,
          issuedAtMs: null,
        },
        {
          instrumentId: 'SIM.LOAD',
          variable: 'load.forecast',
          intervalStartMs: T0,
          intervalMinutes: 60,
          valueMw: 41_000,
          issuedAtMs: issuedA,
        },
        {
          instrumentId: 'SIM.LOAD',
          variable: 'load.forecast',
          intervalStartMs: T0,
          intervalMinutes: 60,
          valueMw: 40_500,
          issuedAtMs: issuedB,
        },
      ]);
      const onlyForecasts = await store.readSeries({
        instrumentIds: ['SIM.LOAD'],
        variables: ['load.forecast'],
        range: all,
        limit: 100,
      });
      expect(onlyForecasts.length).toBe(2);
    });

    // Registered only for persistent adapters: an in-memory store has no restart to survive.
    if (options.persistent) {
      it('keeps what it stored across a restart', async () => {
        if (!h.reopen) {
          throw new Error('a persistent store harness must provide reopen()');
        }
        await store.writePrices(priceBatchFrom(everyFiveMinutes('SIM.A', T0, 5, (i) => i)));
        store = await h.reopen();
        expect(
          (await store.readPrices({ instrumentIds: ['SIM.A'], runs: null, range: all, limit: 10 }))
            .length,
        ).toBe(5);
        expect(
          await store.writePrices(priceBatchFrom(everyFiveMinutes('SIM.A', T0, 5, (i) => i))),
        ).toEqual({
          inserted: 0,
          revised: 0,
          unchanged: 5,
        });
      });
    }
  });
};
