import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InProcessBus } from '../../adapters/bus/in-process-bus.js';
import { openDuckDbStores, type DuckDbStores } from '../../adapters/duckdb/open-duckdb-stores.js';
import { createSimFeed } from '../../adapters/feeds/sim/sim-feed.js';
import { ManualClock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { silentLogger } from '../../platform/logger.js';
import type { PricesWrittenEvent } from '../../ports/bus.js';
import { emptyPriceBatch } from '../../domain/prices/price-batch.js';
import type { TimeRange } from '../../domain/time/interval.js';
import type { MarketFeed } from '../../ports/market-feed.js';
import { IngestService, type IngestProgress } from './ingest.service.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 0, 15, 18, 2); // 12:02 in Chicago
const LOCATIONS = 11;

let stores: DuckDbStores;
let clock: ManualClock;
let bus: InProcessBus;

const service = (feeds: MarketFeed[] = [createSimFeed({ seed: 7 })]) =>
  new IngestService({
    feeds,
    metadata: stores.metadata,
    store: stores.timeSeries,
    bus,
    clock,
    logger: silentLogger(),
  });

beforeEach(async () => {
  clock = new ManualClock(NOW);
  stores = await openDuckDbStores(
    { file: ':memory:', threads: 1, memoryLimit: null, readers: 2 },
    clock,
  );
  bus = new InProcessBus(silentLogger());
});
afterEach(async () => {
  await stores.close();
});

describe('IngestService', () => {
  it('ingests a range day by day, registering the market and instruments, and reports progress', async () => {
    const ingest = service();
    const progress: IngestProgress[] = [];
    const events: PricesWrittenEvent[] = [];
    bus.subscribe('prices.written', (e) => {
      events.push(e);
    });
    // Two Chicago days: windows run from local midnight to local midnight (06:00Z in January).
    const range = ingest.parseRange('sim', '2026-01-10', '2026-01-12');
    const totals = await ingest.ingest({
      feed: 'sim',
      dataset: 'prices.rt5',
      range,
      onProgress: (p) => progress.push(p),
    });
    expect(totals).toMatchObject({
      rows: 2 * 288 * LOCATIONS,
      inserted: 2 * 288 * LOCATIONS,
      revised: 0,
      unchanged: 0,
      chunks: 2,
    });
    expect(progress.map((p) => new Date(p.doneUntilMs).toISOString())).toEqual([
      '2026-01-11T06:00:00.000Z',
      '2026-01-12T06:00:00.000Z',
    ]);
    expect(events).toHaveLength(2);
    expect((await stores.metadata.getMarket('SIM'))?.synthetic).toBe(true);
    expect(
      (await stores.metadata.listInstruments({ market: 'SIM' }, { limit: 100 })).items.length,
    ).toBeGreaterThanOrEqual(LOCATIONS);
  });

  it('is idempotent: ingesting the same range again stores nothing new and announces nothing', async () => {
    const ingest = service();
    const range = { fromMs: Date.UTC(2026, 0, 10), toMs: Date.UTC(2026, 0, 11) };
    await ingest.ingest({ feed: 'sim', range });
    let announced = 0;
    bus.subscribe('prices.written', () => {
      announced++;
    });
    const again = await ingest.ingest({ feed: 'sim', range });
    expect(again.inserted + again.revised).toBe(0);
    expect(again.unchanged).toBe(again.rows);
    expect(announced).toBe(0);
  });

  it('reads date-only ranges as market-local days: the fall-back day has 25 hours', async () => {
    const ingest = service();
    const range = ingest.parseRange('sim', '2025-11-02', '2025-11-03');
    expect(range.toMs - range.fromMs).toBe(25 * 3_600_000);
    const totals = await ingest.ingest({ feed: 'sim', dataset: 'prices.da', range });
    expect(totals.rows).toBe(25 * LOCATIONS);
  });

  it('never asks a source for data it has not published yet', async () => {
    const ingest = service();
    const totals = await ingest.ingest({
      feed: 'sim',
      dataset: 'prices.rt5',
      range: { fromMs: Date.UTC(2026, 0, 15, 17, 0), toMs: NOW + DAY },
    });
    // 11:00–12:00 local is finished; the 12:00 interval is still running at 12:02.
    expect(totals.rows).toBe(12 * LOCATIONS);
  });

  it('catches up from the checkpoint: a first backfill, then only what is new', async () => {
    const ingest = service();
    const first = await ingest.catchUp('sim', 'prices.rt5', 2 * DAY);
    const checkpoint = await stores.metadata.getCheckpoint('sim', 'prices.rt5');
    expect(checkpoint?.watermarkMs).toBe(Date.UTC(2026, 0, 15, 18, 0));
    // The first backfill starts at the local midnight two days back (2026-01-13 00:00 in Chicago).
    expect(first.rows).toBe(
      ((checkpoint!.watermarkMs - Date.UTC(2026, 0, 13, 6)) / 300_000) * LOCATIONS,
    );
    clock.advance(11 * 60_000); // 12:13: two more intervals have finished
    const next = await ingest.catchUp('sim', 'prices.rt5', 2 * DAY);
    expect(next.rows).toBe(2 * LOCATIONS);
    expect(await ingest.catchUp('sim', 'prices.rt5', 2 * DAY)).toMatchObject({ rows: 0 });
  });

  it('keeps what was stored and the checkpoint when the source fails mid-way, then resumes', async () => {
    const sim = createSimFeed({ seed: 7 });
    let failOn: number | null = Date.UTC(2026, 0, 14, 6); // 2026-01-14 00:00 in Chicago
    const flaky: MarketFeed = {
      ...sim,
      datasets: sim.datasets,
      market: sim.market,
      instruments: () => sim.instruments(),
      publishedUntil: (d, now) => sim.publishedUntil(d, now),
      fetch: (dataset, window, signal) => {
        if (window.fromMs === failOn) {
          return Promise.reject(new AppError('upstream_unavailable', 'SIM is down'));
        }
        return sim.fetch(dataset, window, signal);
      },
    };
    const ingest = service([flaky]);
    await expect(ingest.catchUp('sim', 'prices.rt5', 3 * DAY)).rejects.toMatchObject({
      code: 'upstream_unavailable',
    });
    expect((await stores.metadata.getCheckpoint('sim', 'prices.rt5'))?.watermarkMs).toBe(
      Date.UTC(2026, 0, 14, 6),
    );
    failOn = null;
    const resumed = await ingest.catchUp('sim', 'prices.rt5', 3 * DAY);
    expect(resumed.rows).toBe(
      ((Date.UTC(2026, 0, 15, 18, 0) - Date.UTC(2026, 0, 14, 6)) / 300_000) * LOCATIONS,
    );
    expect(resumed.unchanged).toBe(0);
  });

  it('stops at a chunk boundary when cancelled', async () => {
    const ingest = service();
    const abort = new AbortController();
    const run = ingest.ingest({
      feed: 'sim',
      dataset: 'prices.rt5',
      range: { fromMs: Date.UTC(2026, 0, 1, 6), toMs: Date.UTC(2026, 0, 10, 6) },
      signal: abort.signal,
      onProgress: () => abort.abort(),
    });
    await expect(run).rejects.toThrow(/cancelled at 2026-01-02T06:00:00.000Z/);
  });

  it('does not step past a recent window the operator has not published yet, and re-reads the revisit span', async () => {
    const sim = createSimFeed({ seed: 7 });
    let unpublishedFrom: number | null = Date.UTC(2026, 0, 15, 6); // today (Chicago) is still empty
    const fetched: TimeRange[] = [];
    const late: MarketFeed = {
      ...sim,
      datasets: sim.datasets.map((d) => ({ ...d, revisitMs: 3_600_000 })),
      fetch: (dataset, window, signal) => {
        fetched.push(window);
        return unpublishedFrom !== null && window.fromMs >= unpublishedFrom
          ? Promise.resolve({ kind: 'prices', prices: emptyPriceBatch() })
          : sim.fetch(dataset, window, signal);
      },
    };
    const ingest = service([late]);
    await ingest.catchUp('sim', 'prices.rt5', 2 * DAY);
    expect((await stores.metadata.getCheckpoint('sim', 'prices.rt5'))?.watermarkMs).toBe(
      Date.UTC(2026, 0, 15, 6),
    );
    unpublishedFrom = null;
    fetched.length = 0;
    const next = await ingest.catchUp('sim', 'prices.rt5', 2 * DAY);
    // The next run starts an hour before the checkpoint (revisit) and now finds today's intervals.
    expect(fetched[0]?.fromMs).toBe(Date.UTC(2026, 0, 15, 5));
    expect(next.inserted).toBe(
      ((NOW - 2 * 60_000 - Date.UTC(2026, 0, 15, 6)) / 300_000) * LOCATIONS,
    );
    expect((await stores.metadata.getCheckpoint('sim', 'prices.rt5'))?.watermarkMs).toBe(
      Date.UTC(2026, 0, 15, 18, 0),
    );
  });

  it('resumes a backfill where it stopped, and leaves the schedule checkpoint alone', async () => {
    const ingest = service();
    const range = ingest.parseRange('sim', '2026-01-01', '2026-01-05');
    const abort = new AbortController();
    let days = 0;
    await expect(
      ingest.ingest({
        feed: 'sim',
        dataset: 'prices.rt5',
        range,
        resumable: true,
        signal: abort.signal,
        onProgress: () => {
          days += 1;
          if (days === 2) {
            abort.abort();
          }
        },
      }),
    ).rejects.toThrow(/cancelled/);
    const resumed = await ingest.ingest({
      feed: 'sim',
      dataset: 'prices.rt5',
      range,
      resumable: true,
    });
    // Two of the four local days were stored before Ctrl-C; the rerun fetches only the other two.
    expect(resumed).toMatchObject({ chunks: 2, rows: 2 * 288 * LOCATIONS, unchanged: 0 });
    expect(await stores.metadata.getCheckpoint('sim', 'prices.rt5')).toBeNull();
    expect(
      await ingest.ingest({ feed: 'sim', dataset: 'prices.rt5', range, resumable: true }),
    ).toMatchObject({ chunks: 0, rows: 0 });
  });

  it('rejects unknown feeds, datasets and malformed ranges with the valid choices', async () => {
    const ingest = service();
    expect(() => ingest.feed('caiso')).toThrow(/Known feeds: sim/);
    await expect(
      ingest.ingest({ feed: 'sim', dataset: 'nope', range: { fromMs: 0, toMs: 1 } }),
    ).rejects.toThrow(/prices.da, prices.rt5/);
    expect(() => ingest.parseRange('sim', 'yesterday', '2026-01-02')).toThrow(/--from/);
    expect(() => ingest.parseRange('sim', '2026-01-02', '2026-01-01')).toThrow(
      /must be after --from/,
    );
  });
});
