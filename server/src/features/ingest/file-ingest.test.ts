import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InProcessBus } from '../../adapters/bus/in-process-bus.js';
import { openDuckDbStores, type DuckDbStores } from '../../adapters/duckdb/open-duckdb-stores.js';
import { sourceProblem } from '../../adapters/feeds/kit/source-problem.js';
import type { InstrumentDefinition } from '../../domain/instruments/instrument.js';
import { priceBatchFrom } from '../../domain/prices/price-batch.js';
import { ManualClock } from '../../platform/clock.js';
import { silentLogger } from '../../platform/logger.js';
import type { FeedData, MarketFeed, SourceDocument } from '../../ports/market-feed.js';
import { IngestService } from './ingest.service.js';
import type { IngestBatchContext, QualityGate } from './quality-gate.js';

const instrument = (code: string, name: string, kind: 'hub' | 'node'): InstrumentDefinition => ({
  id: `TST.${code}`,
  market: 'TST',
  code,
  name,
  kind,
  product: 'lmp',
  aliases: [],
});

/** A tiny market whose "operator files" are JSON lists of {code, start, lmp}; enough to drive the ingest. */
const testFeed: MarketFeed = {
  id: 'tst',
  market: {
    id: 'TST',
    name: 'Test market',
    timezone: 'America/Chicago',
    currency: 'USD',
    runs: [{ id: 'DA', intervalMinutes: 60, description: 'Day-ahead' }],
    synthetic: true,
  },
  datasets: [
    {
      id: 'lmp.da',
      kind: 'prices',
      run: 'DA',
      description: 'test day-ahead',
      schedule: { cron: '0 0 13 * * *', timezone: 'America/Chicago' },
      files: /^\d{8}_tst_da\.json$/,
    },
    {
      id: 'lmp.rt',
      kind: 'prices',
      run: 'RT5',
      description: 'not loadable from files',
      schedule: { cron: '0 */5 * * * *', timezone: 'America/Chicago' },
    },
  ],
  instruments: () => Promise.resolve([instrument('HUB', 'Test Hub (curated name)', 'hub')]),
  publishedUntil: () => 0,
  fetch: () => Promise.reject(new Error('not used')),
  parseDocument: (_dataset: string, document: SourceDocument): Promise<FeedData> => {
    const rows = JSON.parse(new TextDecoder().decode(document.bytes)) as {
      code: string;
      start: string;
      lmp: number | null;
    }[];
    rows.forEach((row, i) => {
      if (typeof row.lmp !== 'number') {
        throw sourceProblem(document.name, i + 1, 'lmp', 'missing price');
      }
    });
    return Promise.resolve({
      kind: 'prices',
      prices: priceBatchFrom(
        rows.map((row) => ({
          instrumentId: `TST.${row.code}`,
          run: 'DA' as const,
          intervalStartMs: Date.parse(row.start),
          intervalMinutes: 60,
          lmp: row.lmp as number,
        })),
      ),
      instruments: [...new Set(rows.map((r) => r.code))].map((code) => ({
        ...instrument(code, code, code === 'HUB' ? 'hub' : 'node'),
        aliases: [{ source: 'tst.id', code: `${code}-ID`, validFromMs: null, validToMs: null }],
      })),
    });
  },
};

const file = (name: string, rows: unknown[]): SourceDocument => ({
  name,
  bytes: new TextEncoder().encode(JSON.stringify(rows)),
  origin: `/archive/${name}`,
});

const GOOD = file('20260301_tst_da.json', [
  { code: 'HUB', start: '2026-03-01T06:00:00Z', lmp: 31.5 },
  { code: 'NODE_7', start: '2026-03-01T06:00:00Z', lmp: 29.25 },
]);

let stores: DuckDbStores;
let inspected: IngestBatchContext[];

const quality: QualityGate = {
  inspect: (context, data) => {
    inspected.push(context);
    return Promise.resolve(data);
  },
  stored: () => Promise.resolve(),
};

const service = () =>
  new IngestService({
    feeds: [testFeed],
    metadata: stores.metadata,
    store: stores.timeSeries,
    bus: new InProcessBus(silentLogger()),
    clock: new ManualClock(Date.UTC(2026, 2, 2)),
    logger: silentLogger(),
    quality,
  });

const storedRows = async (): Promise<number> =>
  (
    await stores.timeSeries.readPrices({
      instrumentIds: ['TST.HUB', 'TST.NODE_7'],
      runs: null,
      range: { fromMs: Date.UTC(2026, 2, 1), toMs: Date.UTC(2026, 2, 2) },
      limit: 1000,
    })
  ).length;

beforeEach(async () => {
  inspected = [];
  stores = await openDuckDbStores(
    { file: ':memory:', threads: 1, memoryLimit: null, readers: 1 },
    new ManualClock(0),
  );
});
afterEach(async () => {
  await stores.close();
});

describe('IngestService.ingestDocuments', () => {
  it('finds the dataset from the file name, stores the data once and registers new instruments without overwriting curated ones', async () => {
    const ingest = service();
    const first = await ingest.ingestDocuments({ documents: [GOOD] });
    expect(first).toMatchObject({ rows: 2, inserted: 2, chunks: 1 });
    expect(inspected).toEqual([
      expect.objectContaining({ window: null, source: '/archive/20260301_tst_da.json' }),
    ]);
    const [hub, node] = await stores.metadata.getInstruments(['TST.HUB', 'TST.NODE_7']);
    expect(hub?.name).toBe('Test Hub (curated name)');
    // …but it learns the operator's id for the hub from the data.
    expect(hub?.aliases).toEqual([
      { source: 'tst.id', code: 'HUB-ID', validFromMs: null, validToMs: null },
    ]);
    expect(node).toMatchObject({ kind: 'node', name: 'NODE_7' });
    const again = await ingest.ingestDocuments({ documents: [GOOD] });
    expect(again).toMatchObject({ rows: 2, inserted: 0, unchanged: 2 });
    expect(await storedRows()).toBe(2);
  });

  it('stores nothing from a malformed file and names the file, line and field', async () => {
    const bad = file('20260301_tst_da.json', [
      { code: 'HUB', start: '2026-03-01T06:00:00Z', lmp: 31.5 },
      { code: 'HUB', start: '2026-03-01T07:00:00Z', lmp: null },
    ]);
    await expect(service().ingestDocuments({ documents: [bad] })).rejects.toMatchObject({
      code: 'invalid_source_data',
      message: '20260301_tst_da.json, line 2, lmp: missing price',
    });
    expect(await storedRows()).toBe(0);
  });

  it('loads one file into every dataset of the feed that recognises it', async () => {
    const both: MarketFeed = {
      ...testFeed,
      datasets: testFeed.datasets.map((d) => ({ ...d, files: /^\d{8}_tst_da\.json$/ })),
    };
    const ingest = new IngestService({
      feeds: [both],
      metadata: stores.metadata,
      store: stores.timeSeries,
      bus: new InProcessBus(silentLogger()),
      clock: new ManualClock(Date.UTC(2026, 2, 2)),
      logger: silentLogger(),
      quality,
    });
    await ingest.ingestDocuments({ documents: [GOOD] });
    expect(inspected.map((c) => c.dataset.id)).toEqual(['lmp.da', 'lmp.rt']);
  });

  it('says which datasets load files when a name is not recognised, and accepts an explicit dataset', async () => {
    const odd = file('prices.json', [{ code: 'HUB', start: '2026-03-01T06:00:00Z', lmp: 1 }]);
    await expect(service().ingestDocuments({ documents: [odd] })).rejects.toThrow(
      /No dataset recognises the file name prices\.json.*tst\/lmp\.da/,
    );
    await expect(
      service().ingestDocuments({ documents: [odd], feed: 'tst', dataset: 'lmp.rt' }),
    ).rejects.toThrow(/cannot be loaded from a file/);
    expect(
      await service().ingestDocuments({ documents: [odd], feed: 'tst', dataset: 'lmp.da' }),
    ).toMatchObject({ inserted: 1 });
  });
});
