import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { coverageOf, slotsIn, type DayPresence } from '../../src/domain/quality/completeness.js';
import {
  dayMinutes,
  LocalDayCalendar,
  type LocalDay,
} from '../../src/domain/quality/local-days.js';
import type { QualityFinding } from '../../src/domain/quality/problem-tally.js';
import {
  CHECK_RULES,
  type QualityCheck,
  type QualityProblem,
} from '../../src/domain/quality/quality-check.js';
import type { QualityStore } from '../../src/ports/quality-store.js';

export interface QualityStoreHarness {
  readonly store: QualityStore;
  close(): Promise<void>;
}

const T0 = Date.UTC(2026, 2, 9, 18);
const calendar = new LocalDayCalendar('America/Chicago');
const SPRING = calendar.day('2026-03-08'); // 23 hours
const NEXT = calendar.day('2026-03-09');

const problem = (
  check: QualityCheck,
  instrumentId: string,
  localDay: string,
  extra: Partial<QualityProblem> = {},
): QualityProblem => ({
  check,
  ...CHECK_RULES[check],
  instrumentId,
  run: 'RT5',
  variable: null,
  localDay,
  intervalStartMs: SPRING.startMs,
  count: 1,
  message: `${check} at ${instrumentId}`,
  ...extra,
});

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A finding on `day` affecting the intervals starting at these minutes after local midnight. */
const finding = (
  check: QualityCheck,
  instrumentId: string,
  day: LocalDay,
  minutes: readonly number[],
  extra: Partial<QualityProblem> = {},
): QualityFinding => {
  const affected = new Uint8Array(dayMinutes(day));
  minutes.forEach((m) => (affected[m] = 1));
  const first = Math.min(...minutes);
  return {
    ...problem(check, instrumentId, day.date, {
      count: minutes.length,
      intervalStartMs: day.startMs + first * MINUTE,
      ...extra,
    }),
    day,
    detail: `example at minute ${first}`,
    affected,
  };
};

const SOURCE = {
  market: 'MISO',
  feed: 'miso',
  dataset: 'prices.rt5',
  source: 'https://api.misoenergy.org/rt5',
};

/** What a window of [fromHour, toHour) after local midnight covered. */
const window = (day: LocalDay, fromHour: number, toHour: number) =>
  coverageOf(calendar, [
    {
      fromMs: day.startMs + fromHour * HOUR,
      toMs: Math.min(day.endMs, day.startMs + toHour * HOUR),
    },
  ]);

const presence = (instrumentId: string, day: LocalDay, presentSlots: number): DayPresence => {
  const slots = slotsIn(day, 5);
  const present = new Uint8Array(slots);
  present.fill(1, 0, presentSlots);
  return {
    subject: { instrumentId, run: 'RT5', variable: null },
    day,
    intervalMinutes: 5,
    slots,
    present,
  };
};

const target = { market: 'MISO', feed: 'miso', dataset: 'prices.rt5' };

/** The behaviour every QualityStore must have. */
export const describeQualityStore = (
  name: string,
  open: () => Promise<QualityStoreHarness>,
): void => {
  describe(`QualityStore contract: ${name}`, () => {
    let h: QualityStoreHarness;
    let store: QualityStore;
    beforeEach(async () => {
      h = await open();
      store = h.store;
    });
    afterEach(async () => {
      await h.close();
    });

    it('records one problem per check, subject and day, merging overlapping windows without double counting', async () => {
      // Window A covers 00:00–12:00 of the 23-hour day.
      expect(
        await store.replaceProblems(
          SOURCE,
          [
            finding('components.sum', 'MISO.A', SPRING, [60, 65, 700]),
            finding('duplicate.identical', 'MISO.B', SPRING, [30]),
          ],
          window(SPRING, 0, 12),
          T0,
        ),
      ).toEqual({ open: 2, resolved: 0 });
      const first = (await store.listProblems({}, { limit: 10 })).items;
      expect(first.map((p) => [p.check, p.instrumentId, p.count])).toEqual([
        ['components.sum', 'MISO.A', 3],
        ['duplicate.identical', 'MISO.B', 1],
      ]);
      expect(first[0]).toMatchObject({
        ...SOURCE,
        run: 'RT5',
        variable: null,
        severity: 'error',
        disposition: 'stored',
        localDay: '2026-03-08',
        intervalStartMs: SPRING.startMs + 60 * MINUTE,
        firstDetectedAtMs: T0,
        detectedAtMs: T0,
        resolvedAtMs: null,
      });
      expect(first[0]?.message).toContain('3 intervals where the components do not add up');

      // Window B re-reads the last hour of A (a revisit) and the rest of the day: 11:40 again, and 15:00.
      await store.replaceProblems(
        { ...SOURCE, source: 'revisit' },
        [finding('components.sum', 'MISO.A', SPRING, [700, 900])],
        window(SPRING, 11, 24),
        T0 + 1000,
      );
      let open = (await store.listProblems({}, { limit: 10 })).items;
      expect(open.map((p) => [p.check, p.count, p.source])).toEqual([
        ['components.sum', 4, 'revisit'],
        ['duplicate.identical', 1, 'https://api.misoenergy.org/rt5'],
      ]);
      expect(open[0]).toMatchObject({
        id: first[0]?.id,
        firstDetectedAtMs: T0,
        detectedAtMs: T0 + 1000,
      });
      expect(open[0]?.message).toContain('4 intervals');

      // The operator corrects the morning: window A again, clean. Only 15:00 is left; the repeat is resolved.
      expect(await store.replaceProblems(SOURCE, [], window(SPRING, 0, 12), T0 + 2000)).toEqual({
        open: 0,
        resolved: 1,
      });
      open = (await store.listProblems({}, { limit: 10 })).items;
      expect(open.map((p) => [p.check, p.count, p.intervalStartMs])).toEqual([
        ['components.sum', 1, SPRING.startMs + 900 * MINUTE],
      ]);
      expect(open[0]?.message).toMatch(/^1 interval where/);
      const resolved = (await store.listProblems({ status: 'resolved' }, { limit: 10 })).items;
      expect(resolved.map((p) => [p.check, p.resolvedAtMs])).toEqual([
        ['duplicate.identical', T0 + 2000],
      ]);

      // Found again later: the same record reopens.
      await store.replaceProblems(
        SOURCE,
        [finding('duplicate.identical', 'MISO.B', SPRING, [30])],
        window(SPRING, 0, 12),
        T0 + 3000,
      );
      const all = (await store.listProblems({ status: 'all' }, { limit: 10 })).items;
      expect(all).toHaveLength(2);
      expect(all.every((p) => p.resolvedAtMs === null)).toBe(true);
    });

    it('leaves other datasets, and minutes a window did not cover, alone', async () => {
      await store.replaceProblems(
        SOURCE,
        [finding('price.out_of_range', 'MISO.A', SPRING, [600])],
        window(SPRING, 0, 24),
        T0,
      );
      await store.replaceProblems(
        { ...SOURCE, dataset: 'prices.da' },
        [finding('price.out_of_range', 'MISO.A', SPRING, [600], { run: 'DA' })],
        window(SPRING, 0, 24),
        T0,
      );
      await store.replaceProblems(
        SOURCE,
        [finding('price.out_of_range', 'MISO.A', NEXT, [0])],
        window(NEXT, 0, 1),
        T0,
      );
      // A clean re-read of 00:00–09:00 on the 8th and of the next day's first hour only.
      await store.replaceProblems(SOURCE, [], window(SPRING, 0, 9), T0 + 1);
      await store.replaceProblems(
        { ...SOURCE, dataset: 'prices.da' },
        [],
        window(NEXT, 0, 24),
        T0 + 1,
      );
      expect(
        (await store.listProblems({}, { limit: 10 })).items.map((p) => [p.localDay, p.dataset]),
      ).toEqual([
        ['2026-03-09', 'prices.rt5'],
        ['2026-03-08', 'prices.da'],
        ['2026-03-08', 'prices.rt5'],
      ]);
    });

    it('filters problems and pages through them, newest day first and errors before warnings', async () => {
      await store.replaceProblems(
        SOURCE,
        [
          finding('duplicate.identical', 'MISO.A', SPRING, [0]),
          finding('components.sum', 'MISO.B', SPRING, [0]),
          finding('components.sum', 'MISO.A', SPRING, [0]),
          finding('price.out_of_range', 'MISO.A', NEXT, [0]),
        ],
        [...window(SPRING, 0, 24), ...window(NEXT, 0, 24)],
        T0,
      );
      await store.replaceProblems(
        { ...SOURCE, market: 'CAISO', feed: 'caiso', dataset: 'prices.da' },
        [finding('price.unusable', 'CAISO.X', SPRING, [0], { run: 'DA' })],
        window(SPRING, 0, 24),
        T0,
      );
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const page = await store.listProblems({}, { limit: 2, after });
        seen.push(
          ...page.items.map((p) => `${p.localDay} ${p.severity} ${p.instrumentId} ${p.check}`),
        );
        after = page.next;
      } while (after !== null);
      expect(seen).toEqual([
        '2026-03-09 error MISO.A price.out_of_range',
        '2026-03-08 error CAISO.X price.unusable',
        '2026-03-08 error MISO.A components.sum',
        '2026-03-08 error MISO.B components.sum',
        '2026-03-08 warning MISO.A duplicate.identical',
      ]);
      const ids = async (filter: Parameters<QualityStore['listProblems']>[0]) =>
        (await store.listProblems(filter, { limit: 10 })).items.map(
          (p) => `${p.instrumentId} ${p.check}`,
        );
      expect(await ids({ market: 'CAISO' })).toEqual(['CAISO.X price.unusable']);
      expect(await ids({ feed: 'miso', check: 'components.sum' })).toEqual([
        'MISO.A components.sum',
        'MISO.B components.sum',
      ]);
      expect(await ids({ severity: 'warning' })).toEqual(['MISO.A duplicate.identical']);
      expect(await ids({ instrumentId: 'MISO.A', fromDay: '2026-03-09' })).toEqual([
        'MISO.A price.out_of_range',
      ]);
      expect(await ids({ dataset: 'prices.rt5', toDay: '2026-03-08' })).toHaveLength(3);
      // Entitlement scopes: a market and product, optionally named instruments.
      expect(
        await ids({ scope: [{ market: 'MISO', product: 'lmp', instruments: ['MISO.B'] }] }),
      ).toEqual(['MISO.B components.sum']);
      expect(
        await ids({ scope: [{ market: 'MISO', product: 'load', instruments: null }] }),
      ).toEqual([]);
      expect(await ids({ scope: [] })).toEqual([]);
      expect(await store.countProblems({ market: 'MISO' })).toEqual([
        { ...target, check: 'components.sum', severity: 'error', problems: 2, intervals: 2 },
        { ...target, check: 'price.out_of_range', severity: 'error', problems: 1, intervals: 1 },
        { ...target, check: 'duplicate.identical', severity: 'warning', problems: 1, intervals: 1 },
      ]);
    });

    it('judges a 23-hour day only once two windows have covered it, and lets re-ingesting fill gaps', async () => {
      // A UTC-day window covers 2026-03-08 local from 00:00 CST to 19:00 CDT only.
      const firstWindow = { fromMs: Date.UTC(2026, 2, 8), toMs: Date.UTC(2026, 2, 9) };
      const judged = await store.mergeCompleteness({
        ...target,
        coverage: coverageOf(calendar, [firstWindow]),
        presence: [presence('MISO.A', SPRING, 200), presence('MISO.B', SPRING, 200)],
        atMs: T0,
      });
      expect(judged).toEqual([]);
      let [day] = await store.completeness({ fromDay: '2026-03-08', toDay: '2026-03-08' });
      expect(day).toEqual({
        ...target,
        run: 'RT5',
        variable: null,
        localDay: '2026-03-08',
        dayMinutes: 23 * 60,
        coveredMinutes: 18 * 60,
        intervalMinutes: 5,
        expectedIntervals: 276,
        instruments: 2,
        complete: 0,
        incomplete: 0,
        partial: 2,
        presentIntervals: 400,
        missingIntervals: 0,
      });

      // The next window covers the rest; MISO.A is then complete, MISO.B still lacks intervals.
      const secondWindow = { fromMs: Date.UTC(2026, 2, 9), toMs: Date.UTC(2026, 2, 10) };
      const tail = (instrumentId: string, count: number): DayPresence => {
        const p = presence(instrumentId, SPRING, 0);
        p.present.fill(1, 200, 200 + count);
        return p;
      };
      const incomplete = await store.mergeCompleteness({
        ...target,
        coverage: coverageOf(calendar, [secondWindow]),
        presence: [tail('MISO.A', 76), tail('MISO.B', 70)],
        atMs: T0 + 1,
      });
      expect(incomplete).toHaveLength(1);
      expect(incomplete[0]).toMatchObject({
        subject: { instrumentId: 'MISO.B', run: 'RT5', variable: null },
        day: SPRING,
        intervalMinutes: 5,
        slots: 276,
      });
      expect(incomplete[0]?.present.reduce((a, b) => a + b, 0)).toBe(270);
      [day] = await store.completeness({ fromDay: '2026-03-08', toDay: '2026-03-08' });
      expect(day).toMatchObject({
        coveredMinutes: 23 * 60,
        complete: 1,
        incomplete: 1,
        partial: 0,
        presentIntervals: 546,
        missingIntervals: 6,
      });

      // Re-ingesting the gap fills it; the same intervals again are not counted twice.
      const refill = await store.mergeCompleteness({
        ...target,
        coverage: coverageOf(calendar, [secondWindow]),
        presence: [tail('MISO.B', 76), tail('MISO.A', 76)],
        atMs: T0 + 2,
      });
      expect(refill).toEqual([]);
      [day] = await store.completeness({ fromDay: '2026-03-08', toDay: '2026-03-08' });
      expect(day).toMatchObject({ complete: 2, incomplete: 0, presentIntervals: 552 });
      expect(
        await store.completeness({
          scope: [{ market: 'MISO', product: 'lmp', instruments: ['MISO.A'] }],
        }),
      ).toEqual([expect.objectContaining({ localDay: '2026-03-08', instruments: 1, complete: 1 })]);
    });

    it('opens completeness problems per day and resolves them when the gap is filled', async () => {
      const where = SOURCE;
      const gap = problem('completeness.missing', 'MISO.B', '2026-03-08', { count: 6 });
      expect(await store.putCompletenessProblems(where, ['2026-03-08'], [gap], T0)).toEqual({
        open: 1,
        resolved: 0,
      });
      expect(
        await store.putCompletenessProblems(where, ['2026-03-08'], [{ ...gap, count: 2 }], T0 + 1),
      ).toEqual({ open: 1, resolved: 0 });
      const [open] = (await store.listProblems({ check: 'completeness.missing' }, { limit: 5 }))
        .items;
      expect(open).toMatchObject({ count: 2, disposition: 'absent', resolvedAtMs: null });
      // Another day's judgement leaves this day alone.
      await store.putCompletenessProblems(where, ['2026-03-09'], [], T0 + 2);
      expect((await store.listProblems({}, { limit: 5 })).items).toHaveLength(1);
      expect(await store.putCompletenessProblems(where, ['2026-03-08'], [], T0 + 3)).toEqual({
        open: 0,
        resolved: 1,
      });
      expect((await store.listProblems({}, { limit: 5 })).items).toEqual([]);
    });

    it('remembers the last ingest and the newest interval ever stored per feed dataset', async () => {
      expect(await store.ingestStatuses()).toEqual([]);
      await store.recordIngest({
        ...target,
        atMs: T0,
        newestIntervalEndMs: T0 - 600_000,
        rows: 3_500,
        source: 'a',
      });
      // A backfill of older data must not make the dataset look older than it is.
      await store.recordIngest({
        ...target,
        atMs: T0 + 60_000,
        newestIntervalEndMs: T0 - 86_400_000,
        rows: 10,
        source: 'b',
      });
      await store.recordIngest({
        ...target,
        dataset: 'prices.da',
        atMs: T0,
        newestIntervalEndMs: null,
        rows: 0,
        source: 'c',
      });
      expect(await store.ingestStatuses()).toEqual([
        {
          ...target,
          dataset: 'prices.da',
          lastIngestAtMs: T0,
          newestIntervalEndMs: null,
          lastRows: 0,
          lastSource: 'c',
        },
        {
          ...target,
          lastIngestAtMs: T0 + 60_000,
          newestIntervalEndMs: T0 - 600_000,
          lastRows: 10,
          lastSource: 'b',
        },
      ]);
    });
  });
};
