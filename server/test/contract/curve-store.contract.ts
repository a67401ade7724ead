import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  CurveDefinition,
  CurveRun,
  ForwardQuote,
  ShapeModel,
} from '../../src/domain/curves/curve-model.js';
import type { CurveStore } from '../../src/ports/curve-store.js';

export interface CurveStoreHarness {
  readonly store: CurveStore;
  /** Closes and opens the store again over the same data; null for stores that do not persist. */
  readonly reopen: (() => Promise<CurveStore>) | null;
  close(): Promise<void>;
}

const T0 = Date.UTC(2026, 2, 9, 18);

const DEFINITION: CurveDefinition = {
  id: 'PJM-WH-POWER',
  name: 'PJM West Hub power',
  market: 'PJM',
  commodity: 'power',
  calendar: 'US_EASTERN',
  currency: 'USD',
  unit: 'USD/MWh',
  shapeInstrument: 'PJM.WESTERN HUB',
  extension: { longRunLevel: null, escalationPerYear: 0.02, reversionYears: 3 },
  method: { smoothness: 1, priorWeight: 0.001, shapeHistoryYears: 3, staleAfterDays: 5 },
};

const GAS: CurveDefinition = {
  ...DEFINITION,
  id: 'HH-GAS',
  name: 'Henry Hub gas',
  market: 'SIM',
  commodity: 'gas',
  unit: 'USD/MMBtu',
  shapeInstrument: null,
  extension: { longRunLevel: 3.5, escalationPerYear: 0, reversionYears: 5 },
};

const quote = (overrides: Partial<ForwardQuote> = {}): ForwardQuote => ({
  curveId: DEFINITION.id,
  asOf: '2026-03-09',
  contract: 'Apr-2026',
  deliveryStart: '2026-04-01',
  deliveryEnd: '2026-05-01',
  bucket: '5x16',
  settle: 48.25,
  mid: null,
  bid: null,
  ask: null,
  source: 'settlement',
  quoteDate: '2026-03-09',
  ...overrides,
});

/** A NaN whose payload is not the canonical one: it must come back with the same bits. */
const oddNaN = (): number => {
  const bytes = new Float64Array(1);
  new DataView(bytes.buffer).setBigUint64(0, 0x7ff8_0000_dead_beefn, true);
  return bytes[0] as number;
};

/** Daily values over many years with NaN on weekends for a weekend-less bucket, as a real build has. */
const daily = (days: number, seed: number): Float64Array[] =>
  [0, 1, 2].map((b) => {
    const values = new Float64Array(days);
    for (let d = 0; d < days; d++) {
      values[d] =
        b === 1 && d % 7 < 5 ? Number.NaN : seed + b * 10 + Math.sin(d / 29) * 7.123456789;
    }
    values[3] = -0;
    values[4] = oddNaN();
    values[5] = Number.MIN_VALUE;
    return values;
  });

const SHAPE: ShapeModel = {
  buckets: ['5x16', '2x16', '7x8'],
  seasonal: [0, 1, 2].map((b) => Float64Array.from({ length: 12 }, (_, m) => (m - 6) * 0.7 + b)),
  hourly: Array.from({ length: 12 }, (_, m) =>
    [0, 1].map((t) => Float64Array.from({ length: 24 }, (_, h) => Math.cos(h / 3 + m + t) * 4)),
  ),
  days: 1095,
  fromDay: '2023-03-10',
  toDay: '2026-03-09',
};

const run = (overrides: Partial<CurveRun> & { seed?: number } = {}): CurveRun => {
  const { seed = 40, ...fields } = overrides;
  return {
    runId: `cr_${seed.toString(16).padStart(16, '0')}`,
    curveId: DEFINITION.id,
    asOf: '2026-03-09',
    scenario: 'base',
    inputsHash: 'ab'.repeat(32),
    engineVersion: 'test-1',
    builtAtMs: T0,
    quotes: [quote(), quote({ bucket: '7x24', settle: null, bid: 39.5, ask: 41 })],
    diagnostics: {
      residuals: [
        {
          contract: 'Apr-2026',
          bucket: '5x16',
          deliveryStart: '2026-04-01',
          deliveryEnd: '2026-05-01',
          side: 'settle',
          target: 48.25,
          bid: null,
          ask: null,
          average: 48.250000000001,
          residual: 1e-12,
          constraint: 'equal',
        },
      ],
      maxAbsResidual: 1e-12,
      warnings: [
        {
          level: 'warning',
          code: 'crossed-band',
          message: 'bid above ask',
          contracts: ['Q3-2026 5x16'],
        },
      ],
      lastQuotedDay: '2026-04-30',
      solveMs: 12.5,
    },
    values: {
      startDay: '2026-03-10',
      days: 9063,
      buckets: ['5x16', '2x16', '7x8'],
      daily: daily(9063, seed),
      shape: SHAPE,
    },
    ...fields,
  };
};

const bytes = (a: Float64Array): number[] => [
  ...new Uint8Array(a.buffer, a.byteOffset, a.byteLength),
];

/** Equal including every bit of every value (toEqual treats all NaNs as one). */
const expectSameRun = (actual: CurveRun | null, expected: CurveRun): void => {
  expect(actual).not.toBeNull();
  const { values, ...rest } = actual as CurveRun;
  const { values: expectedValues, ...expectedRest } = expected;
  expect(rest).toEqual(expectedRest);
  expect(values.startDay).toBe(expectedValues.startDay);
  expect(values.days).toBe(expectedValues.days);
  expect(values.buckets).toEqual(expectedValues.buckets);
  expect(values.daily.map(bytes)).toEqual(expectedValues.daily.map(bytes));
  if (expectedValues.shape === null) {
    expect(values.shape).toBeNull();
  } else {
    const shape = values.shape as ShapeModel;
    expect({ ...shape, seasonal: null, hourly: null }).toEqual({
      ...expectedValues.shape,
      seasonal: null,
      hourly: null,
    });
    expect(shape.seasonal.map(bytes)).toEqual(expectedValues.shape.seasonal.map(bytes));
    expect(shape.hourly.map((m) => m.map(bytes))).toEqual(
      expectedValues.shape.hourly.map((m) => m.map(bytes)),
    );
  }
};

/** The behaviour every CurveStore must have. */
export const describeCurveStore = (name: string, open: () => Promise<CurveStoreHarness>): void => {
  describe(`CurveStore contract: ${name}`, () => {
    let h: CurveStoreHarness;
    let store: CurveStore;
    beforeEach(async () => {
      h = await open();
      store = h.store;
    });
    afterEach(async () => {
      await h.close();
    });

    describe('definitions', () => {
      it('creates, reads back, and says when nothing changed', async () => {
        expect(await store.getDefinition(DEFINITION.id)).toBeNull();
        expect(await store.putDefinition(DEFINITION, T0)).toBe('created');
        expect(await store.getDefinition(DEFINITION.id)).toEqual(DEFINITION);
        // Key order of the settings objects does not matter.
        const reordered: CurveDefinition = {
          ...DEFINITION,
          method: {
            staleAfterDays: 5,
            shapeHistoryYears: 3,
            priorWeight: 0.001,
            smoothness: 1,
          },
        };
        expect(await store.putDefinition(reordered, T0 + 1)).toBe('unchanged');
      });

      it('replaces a definition and lists every one by id', async () => {
        await store.putDefinition(DEFINITION, T0);
        await store.putDefinition(GAS, T0);
        const changed: CurveDefinition = {
          ...DEFINITION,
          name: 'PJM West (renamed)',
          extension: { ...DEFINITION.extension, longRunLevel: 55.5 },
        };
        expect(await store.putDefinition(changed, T0 + 1)).toBe('updated');
        expect(await store.listDefinitions()).toEqual([GAS, changed]);
      });
    });

    describe('quotes', () => {
      it('stores a batch, with nulls, and lists it by as-of range', async () => {
        const batch = [
          quote(),
          quote({ bucket: '7x24', settle: null, mid: 41.1 }),
          quote({ asOf: '2026-03-10', quoteDate: '2026-03-09', settle: 48.5 }),
          quote({ curveId: GAS.id, bucket: '7x24', settle: null, bid: 3.1, ask: 3.15 }),
        ];
        expect(await store.putQuotes(batch, T0)).toEqual({
          inserted: 4,
          replaced: 0,
          unchanged: 0,
        });
        const all = await store.listQuotes(DEFINITION.id, {});
        expect(all).toEqual(batch.slice(0, 3).sort(byKey));
        expect(await store.listQuotes(DEFINITION.id, { toAsOf: '2026-03-09' })).toHaveLength(2);
        expect(await store.listQuotes(DEFINITION.id, { fromAsOf: '2026-03-10' })).toEqual([
          batch[2],
        ]);
        expect(await store.listQuotes(GAS.id, {})).toEqual([batch[3]]);
      });

      it('re-marks a quote with the same curve, as-of, period, bucket and source', async () => {
        await store.putQuotes([quote(), quote({ source: 'broker', settle: 48.4 })], T0);
        const again = await store.putQuotes(
          [quote({ settle: 47.9 }), quote({ source: 'broker', settle: 48.4 })],
          T0 + 1,
        );
        expect(again).toEqual({ inserted: 0, replaced: 1, unchanged: 1 });
        expect(
          (await store.listQuotes(DEFINITION.id, {})).map((q) => [q.source, q.settle]),
        ).toEqual([
          ['broker', 48.4],
          ['settlement', 47.9],
        ]);
      });

      it('lets a later quote in the same batch win over an earlier one with its key', async () => {
        const result = await store.putQuotes([quote({ settle: 1 }), quote({ settle: 2 })], T0);
        expect(result).toEqual({ inserted: 1, replaced: 0, unchanged: 0 });
        expect((await store.listQuotes(DEFINITION.id, {}))[0]?.settle).toBe(2);
      });

      it('stores nothing from a batch that fails part-way', async () => {
        await expect(
          store.putQuotes([quote(), quote({ deliveryStart: '2026-02-30', contract: 'bad' })], T0),
        ).rejects.toThrow();
        expect(await store.listQuotes(DEFINITION.id, {})).toEqual([]);
      });

      it('filters contracts that have finished delivering and finds the latest as-of', async () => {
        await store.putQuotes(
          [
            quote({
              asOf: '2026-03-02',
              contract: 'BalMo-2026-03',
              deliveryStart: '2026-03-03',
              deliveryEnd: '2026-04-01',
            }),
            quote({
              asOf: '2026-03-02',
              contract: '2026-03-09',
              deliveryStart: '2026-03-09',
              deliveryEnd: '2026-03-10',
            }),
            quote({
              asOf: '2026-03-02',
              contract: '2026-03-10',
              deliveryStart: '2026-03-10',
              deliveryEnd: '2026-03-11',
            }),
            quote({ asOf: '2026-03-05' }),
          ],
          T0,
        );
        const active = await store.listQuotes(DEFINITION.id, { deliveringAfter: '2026-03-09' });
        expect(active.map((q) => q.contract)).toEqual(['BalMo-2026-03', '2026-03-10', 'Apr-2026']);
        expect(await store.latestQuoteAsOf(DEFINITION.id)).toBe('2026-03-05');
        expect(await store.latestQuoteAsOf(DEFINITION.id, '2026-03-04')).toBe('2026-03-02');
        expect(await store.latestQuoteAsOf(DEFINITION.id, '2026-03-01')).toBeNull();
        expect(await store.latestQuoteAsOf('NOPE')).toBeNull();
      });
    });

    describe('runs', () => {
      it('round-trips values bit for bit, NaN payloads and negative zero included', async () => {
        const r = run();
        expect(await store.saveRun(r)).toBe(true);
        expectSameRun(await store.getRun(r.runId), r);
        const flat = run({ seed: 7, values: { ...r.values, shape: null } });
        await store.saveRun(flat);
        expectSameRun(await store.getRun(flat.runId), flat);
        expect(await store.getRun('cr_unknown')).toBeNull();
      });

      it('never changes a saved run', async () => {
        const r = run();
        await store.saveRun(r);
        const imposter = run({
          builtAtMs: T0 + 999,
          values: { ...r.values, daily: daily(9063, 99) },
        });
        expect(await store.saveRun(imposter)).toBe(false);
        expectSameRun(await store.getRun(r.runId), r);
      });

      it('serves the newest build of the latest as-of at or before a date, per scenario', async () => {
        const monday = run({ seed: 1, asOf: '2026-03-09' });
        const mondayRemarked = run({ seed: 2, asOf: '2026-03-09', builtAtMs: T0 + 3_600_000 });
        const tuesday = run({ seed: 3, asOf: '2026-03-10', builtAtMs: T0 + 86_400_000 });
        const stress = run({ seed: 4, asOf: '2026-03-10', scenario: 'stress' });
        for (const r of [mondayRemarked, tuesday, monday, stress]) {
          await store.saveRun(r);
        }
        expect((await store.latestRun(DEFINITION.id, 'base', null))?.runId).toBe(tuesday.runId);
        expect((await store.latestRun(DEFINITION.id, 'base', '2026-03-09'))?.runId).toBe(
          mondayRemarked.runId,
        );
        expect(await store.latestRun(DEFINITION.id, 'base', '2026-03-08')).toBeNull();
        expect((await store.latestRun(DEFINITION.id, 'stress', '2026-03-31'))?.runId).toBe(
          stress.runId,
        );
        expect(await store.latestRun(GAS.id, 'base', null)).toBeNull();
      });

      it('lists vintages newest first, page by page, with summaries', async () => {
        const runs = Array.from({ length: 5 }, (_, i) =>
          run({
            seed: i + 1,
            asOf: `2026-03-0${i + 1}`,
            builtAtMs: T0 + i,
            scenario: i === 2 ? 'stress' : 'base',
          }),
        );
        for (const r of runs) {
          await store.saveRun(r);
        }
        const first = await store.listRuns(DEFINITION.id, {}, { limit: 2 });
        expect(first.items.map((s) => s.asOf)).toEqual(['2026-03-05', '2026-03-04']);
        expect(first.items[0]).toEqual({
          runId: runs[4]?.runId,
          curveId: DEFINITION.id,
          asOf: '2026-03-05',
          scenario: 'base',
          inputsHash: 'ab'.repeat(32),
          engineVersion: 'test-1',
          builtAtMs: T0 + 4,
          quoteCount: 2,
          maxAbsResidual: 1e-12,
          warningCount: 1,
          lastQuotedDay: '2026-04-30',
        });
        const second = await store.listRuns(DEFINITION.id, {}, { limit: 2, after: first.next });
        expect(second.items.map((s) => s.asOf)).toEqual(['2026-03-03', '2026-03-02']);
        const third = await store.listRuns(DEFINITION.id, {}, { limit: 2, after: second.next });
        expect(third.items.map((s) => s.asOf)).toEqual(['2026-03-01']);
        expect(third.next).toBeNull();
        const base = await store.listRuns(DEFINITION.id, { scenario: 'base' }, { limit: 10 });
        expect(base.items).toHaveLength(4);
      });

      it('gives the latest run of every curve', async () => {
        await store.saveRun(run({ seed: 1, asOf: '2026-03-01' }));
        await store.saveRun(run({ seed: 2, asOf: '2026-03-02' }));
        await store.saveRun(run({ seed: 3, curveId: GAS.id, asOf: '2026-02-27' }));
        const latest = await store.latestRuns('base');
        expect(latest.map((s) => [s.curveId, s.asOf])).toEqual([
          [GAS.id, '2026-02-27'],
          [DEFINITION.id, '2026-03-02'],
        ]);
        expect(await store.latestRuns('stress')).toEqual([]);
      });

      it('keeps everything across a restart', async () => {
        if (!h.reopen) {
          return;
        }
        const r = run();
        await store.putDefinition(DEFINITION, T0);
        await store.putQuotes([quote()], T0);
        await store.saveRun(r);
        store = await h.reopen();
        expect(await store.getDefinition(DEFINITION.id)).toEqual(DEFINITION);
        expect(await store.listQuotes(DEFINITION.id, {})).toEqual([quote()]);
        expectSameRun(await store.getRun(r.runId), r);
      });
    });
  });
};

const byKey = (a: ForwardQuote, b: ForwardQuote): number =>
  [a.asOf, a.deliveryStart, a.deliveryEnd, a.bucket, a.source]
    .join('|')
    .localeCompare([b.asOf, b.deliveryStart, b.deliveryEnd, b.bucket, b.source].join('|'));
