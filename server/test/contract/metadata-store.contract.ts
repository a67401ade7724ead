import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InstrumentDefinition } from '../../src/domain/instruments/instrument.js';
import type { MarketDefinition } from '../../src/domain/markets/market.js';
import type { MetadataStore } from '../../src/ports/metadata-store.js';

export interface MetadataStoreHarness {
  readonly store: MetadataStore;
  close(): Promise<void>;
}

const market = (id: string, timezone = 'America/Chicago'): MarketDefinition => ({
  id,
  name: `${id} market`,
  timezone,
  currency: 'USD',
  runs: [
    { id: 'DA', intervalMinutes: 60, description: 'Day-ahead' },
    { id: 'RT5', intervalMinutes: 5, description: 'Real-time 5-minute' },
  ],
  synthetic: false,
});

const instrument = (
  market: string,
  code: string,
  extra: Partial<InstrumentDefinition> = {},
): InstrumentDefinition => ({
  id: `${market}.${code}`,
  market,
  code,
  name: `${code} (${market})`,
  kind: 'node',
  product: 'lmp',
  aliases: [],
  ...extra,
});

const D = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);

/** The behaviour every MetadataStore must have (DuckDB always; PostgreSQL in CI). */
export const describeMetadataStore = (
  name: string,
  open: () => Promise<MetadataStoreHarness>,
): void => {
  describe(`MetadataStore contract: ${name}`, () => {
    let h: MetadataStoreHarness;
    let store: MetadataStore;
    beforeEach(async () => {
      h = await open();
      store = h.store;
    });
    afterEach(async () => {
      await h.close();
    });

    it('upserts, lists and gets markets', async () => {
      await store.upsertMarkets([market('MISO'), market('CAISO', 'America/Los_Angeles')]);
      await store.upsertMarkets([{ ...market('MISO'), name: 'Midcontinent ISO' }]);
      expect((await store.listMarkets()).map((m) => [m.id, m.name])).toEqual([
        ['CAISO', 'CAISO market'],
        ['MISO', 'Midcontinent ISO'],
      ]);
      expect(await store.getMarket('CAISO')).toEqual(market('CAISO', 'America/Los_Angeles'));
      expect(await store.getMarket('NOPE')).toBeNull();
    });

    it('upserts instruments with aliases, counting only real changes', async () => {
      const hub = instrument('CAISO', 'TH_SP15_GEN-APND', {
        kind: 'hub',
        aliases: [
          { source: 'oasis', code: 'TH_SP15_GEN-APND', validFromMs: null, validToMs: null },
        ],
      });
      expect(await store.upsertInstruments([hub, instrument('CAISO', 'NODE_A')])).toEqual({
        created: 2,
        updated: 0,
      });
      expect(await store.upsertInstruments([hub])).toEqual({ created: 0, updated: 0 });
      const renamed = {
        ...hub,
        name: 'SP15 trading hub',
        aliases: [
          ...hub.aliases,
          { source: 'ice', code: 'SP-15', validFromMs: D(2020, 1, 1), validToMs: null },
        ],
      };
      expect(await store.upsertInstruments([renamed])).toEqual({ created: 0, updated: 1 });
      const [stored] = await store.getInstruments(['CAISO.TH_SP15_GEN-APND']);
      expect(stored?.name).toBe('SP15 trading hub');
      expect(stored?.aliases).toEqual([
        { source: 'ice', code: 'SP-15', validFromMs: D(2020, 1, 1), validToMs: null },
        { source: 'oasis', code: 'TH_SP15_GEN-APND', validFromMs: null, validToMs: null },
      ]);
      expect(
        (
          await store.getInstruments(['CAISO.NODE_A', 'CAISO.MISSING', 'CAISO.TH_SP15_GEN-APND'])
        ).map((i) => i.id),
      ).toEqual(['CAISO.NODE_A', 'CAISO.TH_SP15_GEN-APND']);
    });

    it('registers a whole market of instruments in one call, the last definition of an id winning', async () => {
      const nodes = Array.from({ length: 5000 }, (_, n) =>
        instrument('MISO', `NODE_${n}`, {
          aliases: [
            { source: 'miso', code: `NODE_${n}`, validFromMs: null, validToMs: null },
            {
              source: 'miso-id',
              code: String(n),
              validFromMs: D(2024, 1, 1),
              validToMs: D(2025, 1, 1),
            },
          ],
        }),
      );
      const renamed = { ...instrument('MISO', 'NODE_7'), name: 'Node seven' };
      expect(await store.upsertInstruments([...nodes, renamed])).toEqual({
        created: 5000,
        updated: 0,
      });
      const [seven, last] = await store.getInstruments(['MISO.NODE_7', 'MISO.NODE_4999']);
      expect(seven).toEqual(renamed);
      expect(last?.aliases).toEqual(nodes[4999]?.aliases);
      expect(await store.resolveAlias('miso-id', '4999', D(2024, 6, 1))).toBe('MISO.NODE_4999');
      expect(await store.resolveAlias('miso-id', '4999', D(2025, 6, 1))).toBeNull();
    });

    it('filters instruments by market, kind and text, and pages through them in id order', async () => {
      await store.upsertInstruments([
        instrument('MISO', 'INDIANA.HUB', { kind: 'hub', name: 'Indiana Hub' }),
        instrument('MISO', 'MICHIGAN.HUB', { kind: 'hub', name: 'Michigan Hub' }),
        instrument('MISO', 'AMIL.BGS6', { name: 'Ameren Illinois node' }),
        instrument('PJM', 'WESTERN HUB', { kind: 'hub', name: 'Western Hub' }),
      ]);
      const hubs = await store.listInstruments({ market: 'MISO', kind: 'hub' }, { limit: 10 });
      expect(hubs.items.map((i) => i.id)).toEqual(['MISO.INDIANA.HUB', 'MISO.MICHIGAN.HUB']);
      expect(hubs.next).toBeNull();
      expect((await store.listInstruments({ text: 'HUB' }, { limit: 10 })).items).toHaveLength(3);
      expect(
        (await store.listInstruments({ text: 'illinois' }, { limit: 10 })).items.map((i) => i.id),
      ).toEqual(['MISO.AMIL.BGS6']);
      // LIKE wildcards in user text match literally.
      expect((await store.listInstruments({ text: '%' }, { limit: 10 })).items).toHaveLength(0);
      const first = await store.listInstruments({}, { limit: 3 });
      expect(first.items.map((i) => i.id)).toEqual([
        'MISO.AMIL.BGS6',
        'MISO.INDIANA.HUB',
        'MISO.MICHIGAN.HUB',
      ]);
      expect(first.next).not.toBeNull();
      const second = await store.listInstruments({}, { limit: 3, after: first.next });
      expect(second.items.map((i) => i.id)).toEqual(['PJM.WESTERN HUB']);
      expect(second.next).toBeNull();
    });

    it('limits listing to entitlement scopes', async () => {
      await store.upsertInstruments([
        instrument('CAISO', 'TH_SP15_GEN-APND', { kind: 'hub' }),
        instrument('CAISO', 'TH_NP15_GEN-APND', { kind: 'hub' }),
        instrument('CAISO', 'NODE_1'),
        instrument('MISO', 'INDIANA.HUB', { kind: 'hub' }),
      ]);
      const caisoHubs = [
        {
          market: 'CAISO',
          product: 'lmp' as const,
          instruments: ['CAISO.TH_SP15_GEN-APND', 'CAISO.TH_NP15_GEN-APND'],
        },
      ];
      expect(
        (await store.listInstruments({ scope: caisoHubs }, { limit: 10 })).items.map((i) => i.id),
      ).toEqual(['CAISO.TH_NP15_GEN-APND', 'CAISO.TH_SP15_GEN-APND']);
      expect(
        (await store.listInstruments({ scope: caisoHubs, text: 'node' }, { limit: 10 })).items,
      ).toEqual([]);
      expect(
        (
          await store.listInstruments(
            { scope: [{ market: 'MISO', product: 'lmp', instruments: null }] },
            { limit: 10 },
          )
        ).items.map((i) => i.id),
      ).toEqual(['MISO.INDIANA.HUB']);
      expect((await store.listInstruments({ scope: [] }, { limit: 10 })).items).toEqual([]);
      // An id list with SQL in it is data, not code.
      expect(
        (
          await store.listInstruments(
            { scope: [{ market: 'CAISO', product: 'lmp', instruments: ["x') OR 1=1 --"] }] },
            { limit: 10 },
          )
        ).items,
      ).toEqual([]);
    });

    it('resolves vendor aliases by validity window', async () => {
      await store.upsertInstruments([
        instrument('PJM', 'OLD', {
          aliases: [{ source: 'pjm', code: '1234', validFromMs: null, validToMs: D(2022, 1, 1) }],
        }),
        instrument('PJM', 'NEW', {
          aliases: [{ source: 'pjm', code: '1234', validFromMs: D(2022, 1, 1), validToMs: null }],
        }),
      ]);
      expect(await store.resolveAlias('pjm', '1234', D(2021, 6, 1))).toBe('PJM.OLD');
      expect(await store.resolveAlias('pjm', '1234', D(2022, 1, 1))).toBe('PJM.NEW');
      expect(await store.resolveAlias('pjm', '9999', D(2022, 1, 1))).toBeNull();
    });

    it('records job runs and pages through them newest first', async () => {
      const base = D(2026, 1, 1);
      for (let i = 0; i < 5; i++) {
        await store.startJobRun({
          id: `run-${i}`,
          job: i % 2 ? 'b' : 'a',
          trigger: 'schedule',
          attempt: 1,
          startedAtMs: base + i * 1000,
        });
      }
      await store.finishJobRun('run-4', {
        status: 'failed',
        finishedAtMs: base + 4500,
        rows: null,
        error: 'upstream down',
      });
      await store.finishJobRun('run-3', {
        status: 'succeeded',
        finishedAtMs: base + 3500,
        rows: 288,
        error: null,
      });
      const page1 = await store.listJobRuns({}, { limit: 2 });
      expect(page1.items.map((r) => r.id)).toEqual(['run-4', 'run-3']);
      expect(page1.items[0]).toMatchObject({
        status: 'failed',
        error: 'upstream down',
        finishedAtMs: base + 4500,
      });
      expect(page1.items[1]).toMatchObject({ status: 'succeeded', rows: 288 });
      const page2 = await store.listJobRuns({}, { limit: 2, after: page1.next });
      expect(page2.items.map((r) => r.id)).toEqual(['run-2', 'run-1']);
      const page3 = await store.listJobRuns({}, { limit: 2, after: page2.next });
      expect(page3.items.map((r) => r.id)).toEqual(['run-0']);
      expect(page3.next).toBeNull();
      expect(
        (await store.listJobRuns({ job: 'a', status: 'running' }, { limit: 10 })).items.map(
          (r) => r.id,
        ),
      ).toEqual(['run-2', 'run-0']);
      const latest = await store.latestJobRuns();
      expect(latest.get('a')?.id).toBe('run-4');
      expect(latest.get('b')?.id).toBe('run-3');
    });

    it('keeps one checkpoint per feed and dataset', async () => {
      expect(await store.getCheckpoint('sim', 'prices.rt5')).toBeNull();
      await store.putCheckpoint({
        feed: 'sim',
        dataset: 'prices.rt5',
        watermarkMs: D(2026, 1, 1),
        updatedAtMs: D(2026, 1, 2),
      });
      await store.putCheckpoint({
        feed: 'sim',
        dataset: 'prices.rt5',
        watermarkMs: D(2026, 1, 3),
        updatedAtMs: D(2026, 1, 4),
      });
      expect(await store.getCheckpoint('sim', 'prices.rt5')).toEqual({
        feed: 'sim',
        dataset: 'prices.rt5',
        watermarkMs: D(2026, 1, 3),
        updatedAtMs: D(2026, 1, 4),
      });
    });
  });
};
