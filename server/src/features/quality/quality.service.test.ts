import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InProcessBus } from '../../adapters/bus/in-process-bus.js';
import { openDuckDbStores, type DuckDbStores } from '../../adapters/duckdb/open-duckdb-stores.js';
import { makePrincipal, type Principal } from '../../domain/access/principal.js';
import type { MarketDefinition } from '../../domain/markets/market.js';
import { PriceBatchBuilder, priceBatchFrom } from '../../domain/prices/price-batch.js';
import { LocalDayCalendar } from '../../domain/quality/local-days.js';
import { seriesBatchFrom } from '../../domain/series/series-batch.js';
import type { TimeRange } from '../../domain/time/interval.js';
import { ManualClock } from '../../platform/clock.js';
import { silentLogger } from '../../platform/logger.js';
import type { FeedData, FeedDataset, MarketFeed } from '../../ports/market-feed.js';
import { AccessService } from '../access/access.service.js';
import { AuditService } from '../access/audit.service.js';
import { SYSTEM_CONTEXT } from '../access/request-context.js';
import type { IngestBatchContext } from '../ingest/quality-gate.js';
import { QualityService } from './quality.service.js';

const ZONE = 'America/Chicago';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const calendar = new LocalDayCalendar(ZONE);
const SPRING = calendar.day('2026-03-08'); // 23 hours: 06:00Z to 05:00Z
const NOW = Date.UTC(2026, 2, 9, 18); // 13:00 CDT on the 9th

const MARKET: MarketDefinition = {
  id: 'TEST',
  name: 'Test market',
  timezone: ZONE,
  currency: 'USD',
  runs: [
    { id: 'DA', intervalMinutes: 60, description: 'Day-ahead hourly' },
    { id: 'RT5', intervalMinutes: 5, description: 'Real-time 5-minute' },
  ],
  synthetic: false,
};

const dataset = (id: string, kind: 'prices' | 'series', run?: 'DA' | 'RT5'): FeedDataset => ({
  id,
  kind,
  ...(run ? { run } : {}),
  description: `test ${id}`,
  schedule: { cron: '0 */5 * * * *', timezone: ZONE },
});

/** RT publishes each 5-minute interval when it ends; DA clears at 12:30 local for tomorrow. */
const publishedUntil = (datasetId: string, nowMs: number): number => {
  if (datasetId !== 'prices.da') {
    return Math.floor(nowMs / (5 * MINUTE)) * 5 * MINUTE;
  }
  const today = calendar.dayAt(nowMs);
  const tomorrow = calendar.dayAt(today.endMs);
  return nowMs >= today.startMs + 12.5 * HOUR
    ? calendar.dayAt(tomorrow.endMs).startMs
    : today.endMs;
};

const FEED: MarketFeed = {
  id: 'test',
  market: MARKET,
  datasets: [
    dataset('prices.rt5', 'prices', 'RT5'),
    dataset('prices.da', 'prices', 'DA'),
    dataset('load', 'series'),
  ],
  instruments: () => Promise.resolve([]),
  publishedUntil,
  fetch: () => Promise.reject(new Error('not used')),
};

const operator = makePrincipal({
  tenantId: 'operator',
  actor: 'cli:test',
  displayName: 'test',
  roles: ['admin'],
  method: 'cli',
});
const tenantKey = (tenantId: string): Principal =>
  makePrincipal({
    tenantId,
    actor: `key:${tenantId}`,
    displayName: tenantId,
    roles: ['viewer'],
    method: 'api_key',
  });

let stores: DuckDbStores;
let clock: ManualClock;
let quality: QualityService;

beforeEach(async () => {
  clock = new ManualClock(NOW);
  stores = await openDuckDbStores(
    { file: ':memory:', threads: 1, memoryLimit: null, readers: 2 },
    clock,
  );
  const audit = new AuditService({
    store: stores.audit,
    clock,
    logger: silentLogger(),
    flushMs: 1000,
  });
  await audit.init();
  const access = new AccessService({
    identity: stores.identity,
    audit,
    clock,
    bus: new InProcessBus(silentLogger()),
  });
  quality = new QualityService({
    store: stores.quality,
    metadata: stores.metadata,
    access,
    feeds: [FEED],
    clock,
    logger: silentLogger(),
  });
});
afterEach(async () => {
  await stores.close();
});

const context = (
  datasetId: string,
  window: TimeRange | null,
  source = 'test://',
): IngestBatchContext => ({
  feed: FEED,
  dataset: FEED.datasets.find((d) => d.id === datasetId)!,
  window,
  source,
});

/** What the ingest does with the gate: inspect, write what it returns, report the write. */
const ingest = async (ctx: IngestBatchContext, data: FeedData) => {
  const checked = await quality.inspect(ctx, data);
  const result =
    checked.kind === 'prices'
      ? await stores.timeSeries.writePrices(checked.prices)
      : await stores.timeSeries.writeSeries(checked.series);
  await quality.stored(ctx, checked, result);
  return { checked, result };
};

/** 5-minute prices for TEST.HUB over [fromMs, toMs), except the starts in `skip`. */
const rt5 = (fromMs: number, toMs: number, skip: ReadonlySet<number> = new Set()): FeedData => {
  const builder = new PriceBatchBuilder();
  const hub = builder.instrumentSlot('TEST.HUB');
  const run = builder.runSlot('RT5');
  for (let t = fromMs; t < toMs; t += 5 * MINUTE) {
    if (!skip.has(t)) {
      builder.addColumns(hub, run, t, 5, 30, 28, 1.5, 0.5, Number.NaN);
    }
  }
  return { kind: 'prices', prices: builder.build() };
};

const problems = async (principal: Principal = operator, query = {}) =>
  (await quality.problems(principal, query, SYSTEM_CONTEXT)).items;

describe('QualityService as the ingest quality gate', () => {
  it('stores what can be stored and records a duplicate, a non-summing row and an out-of-range price', async () => {
    const at = (h: number) => SPRING.startMs + h * HOUR;
    const row = (h: number, lmp: number, energy = lmp - 2) => ({
      instrumentId: 'TEST.HUB',
      run: 'DA' as const,
      intervalStartMs: at(h),
      intervalMinutes: 60,
      lmp,
      energy,
      congestion: 1.5,
      loss: 0.5,
    });
    const prices = priceBatchFrom([
      row(0, 30),
      row(1, 31),
      row(1, 31),
      row(2, 32),
      row(2, 44),
      row(3, 35, 20),
      row(4, 12_500),
    ]);
    const { checked, result } = await ingest(context('prices.da', null, 'da_20260308.csv'), {
      kind: 'prices',
      prices,
    });
    // The contradicting hour 02:00 is withheld, the repeat of 01:00 kept once; the store accepts the rest.
    expect(checked.kind === 'prices' && checked.prices.length).toBe(4);
    expect(result.inserted).toBe(4);
    const found = await problems();
    expect(found.map((p) => [p.check, p.severity, p.localDay, p.count])).toEqual([
      ['completeness.missing', 'error', '2026-03-08', 19],
      ['components.sum', 'error', '2026-03-08', 1],
      ['duplicate.conflict', 'error', '2026-03-08', 1],
      ['price.out_of_range', 'error', '2026-03-08', 1],
      ['duplicate.identical', 'warning', '2026-03-08', 1],
    ]);
    expect(found.every((p) => p.source === 'da_20260308.csv' && p.market === 'TEST')).toBe(true);
    // A day-ahead file claims its whole day: 23 hours on this date (02:00 CST is 03:00 CDT), of which 4 are
    // stored; the withheld 03:00 CDT counts as missing.
    expect(found[0]?.message).toBe(
      '4 of 23 hourly intervals present on this 23-hour day (19 missing): 03:00–04:00 CDT, 06:00–24:00 CDT',
    );
  });

  it('records each problem once however often a file is loaded, and resolves it when corrected data arrives', async () => {
    const data = rt5(SPRING.startMs, SPRING.startMs + HOUR);
    const twice: FeedData = {
      kind: 'prices',
      prices: priceBatchFrom([
        ...Array.from({ length: 2 }, () => ({
          instrumentId: 'TEST.HUB',
          run: 'RT5' as const,
          intervalStartMs: SPRING.startMs,
          intervalMinutes: 5,
          lmp: 30,
        })),
      ]),
    };
    await ingest(context('prices.rt5', null, 'rt.csv'), twice);
    await ingest(context('prices.rt5', null, 'rt.csv'), twice);
    expect((await problems(operator, { status: 'all' })).length).toBe(1);
    expect((await problems())[0]).toMatchObject({ check: 'duplicate.identical', count: 1 });
    await ingest(context('prices.rt5', null, 'rt-fixed.csv'), data);
    expect(await problems()).toEqual([]);
    expect(await problems(operator, { status: 'resolved' })).toHaveLength(1);
  });

  it('judges the 23-hour day once two UTC-day windows have covered it, and re-ingesting fills the gap', async () => {
    const missing = new Set([SPRING.startMs + HOUR, SPRING.startMs + HOUR + 5 * MINUTE]);
    const first = { fromMs: Date.UTC(2026, 2, 8), toMs: Date.UTC(2026, 2, 9) };
    const second = { fromMs: Date.UTC(2026, 2, 9), toMs: Date.UTC(2026, 2, 10) };
    await ingest(context('prices.rt5', first), rt5(first.fromMs, first.toMs, missing));
    expect(await problems(operator, { check: 'completeness.missing' })).toEqual([]);
    let summary = await quality.summary(
      operator,
      { from: '2026-03-08', to: '2026-03-08' },
      SYSTEM_CONTEXT,
    );
    expect(summary.completeness[0]).toMatchObject({
      localDay: '2026-03-08',
      dayMinutes: 1380,
      coveredMinutes: 18 * 60,
      partial: 1,
    });

    await ingest(context('prices.rt5', second), rt5(second.fromMs, second.toMs));
    const [gap] = await problems(operator, { check: 'completeness.missing' });
    expect(gap).toMatchObject({ localDay: '2026-03-08', count: 2, run: 'RT5' });
    expect(gap?.message).toBe(
      '274 of 276 5-minute intervals present on this 23-hour day (2 missing): 01:00–01:10 CST',
    );
    summary = await quality.summary(
      operator,
      { from: '2026-03-08', to: '2026-03-08' },
      SYSTEM_CONTEXT,
    );
    expect(summary.completeness[0]).toMatchObject({
      expectedIntervals: 276,
      incomplete: 1,
      missingIntervals: 2,
    });

    // The operator republishes the window with the missing intervals.
    await ingest(context('prices.rt5', first), rt5(first.fromMs, first.toMs));
    expect(await problems(operator, { check: 'completeness.missing' })).toEqual([]);
    expect(await problems(operator, { status: 'resolved' })).toHaveLength(1);
    summary = await quality.summary(
      operator,
      { from: '2026-03-08', to: '2026-03-08' },
      SYSTEM_CONTEXT,
    );
    expect(summary.completeness[0]).toMatchObject({ complete: 1, missingIntervals: 0 });
  });

  it('checks fundamentals and counts actual load toward completeness', async () => {
    const rows = Array.from({ length: 12 }, (_, k) => ({
      instrumentId: 'TEST.SYSTEM',
      variable: 'load.actual' as const,
      intervalStartMs: SPRING.startMs + k * 5 * MINUTE,
      intervalMinutes: 5,
      valueMw: k === 3 ? Number.NaN : 40_000,
    }));
    const { result } = await ingest(context('load', null, 'load.json'), {
      kind: 'series',
      series: seriesBatchFrom(rows),
    });
    expect(result.inserted).toBe(11);
    const [unusable] = await problems();
    expect(unusable).toMatchObject({ check: 'value.unusable', variable: 'load.actual', run: null });
  });
});

describe('QualityService queries', () => {
  it('reports freshness: real-time stale after 10 minutes, day-ahead stale when tomorrow is late, no data', async () => {
    await ingest(context('prices.rt5', { fromMs: NOW - HOUR, toMs: NOW }), rt5(NOW - HOUR, NOW));
    const fresh = (await quality.summary(operator, {}, SYSTEM_CONTEXT)).freshness;
    expect(fresh.map((f) => [f.dataset, f.status, f.basis])).toEqual([
      ['prices.rt5', 'fresh', 'ingest'],
      ['prices.da', 'no_data', 'none'],
      ['load', 'no_data', 'none'],
    ]);
    clock.advance(16 * MINUTE);
    const [rt] = (await quality.summary(operator, { dataset: 'prices.rt5' }, SYSTEM_CONTEXT))
      .freshness;
    expect(rt).toMatchObject({ status: 'stale', lagMs: 5 * MINUTE, graceMs: 10 * MINUTE });
    expect(rt?.message).toContain('stored only through 2026-03-09 13:00 CDT');

    // Day-ahead: today is stored; tomorrow is expected an hour after the 12:30 clearing.
    await stores.metadata.putCheckpoint({
      feed: 'test',
      dataset: 'prices.da',
      watermarkMs: calendar.day('2026-03-09').endMs,
      updatedAtMs: NOW,
    });
    clock.set(Date.UTC(2026, 2, 9, 18, 29)); // 13:29 CDT
    let [da] = (await quality.summary(operator, { dataset: 'prices.da' }, SYSTEM_CONTEXT))
      .freshness;
    expect(da).toMatchObject({ status: 'fresh', basis: 'checkpoint' });
    clock.set(Date.UTC(2026, 2, 9, 18, 31));
    [da] = (await quality.summary(operator, { dataset: 'prices.da' }, SYSTEM_CONTEXT)).freshness;
    expect(da).toMatchObject({ status: 'stale', lagMs: 24 * HOUR });
  });

  it('shows each tenant only the markets and instruments it may list', async () => {
    const data: FeedData = {
      kind: 'prices',
      prices: priceBatchFrom(
        ['TEST.HUB', 'TEST.NODE'].map((instrumentId) => ({
          instrumentId,
          run: 'RT5' as const,
          intervalStartMs: SPRING.startMs,
          intervalMinutes: 5,
          lmp: 20_000,
        })),
      ),
    };
    await ingest(context('prices.rt5', null), data);
    for (const tenant of ['hubs', 'other', 'nothing']) {
      await stores.identity.createTenant({
        id: tenant,
        name: tenant,
        status: 'active',
        createdAtMs: NOW,
      });
    }
    const grant = (id: string, tenantId: string, market: string, instruments: string[] | null) =>
      stores.identity.createEntitlement({
        id,
        tenantId,
        market,
        product: 'lmp',
        channels: ['api'],
        instruments,
        dataFromMs: null,
        dataToMs: null,
        seats: null,
      });
    await grant('g1', 'hubs', 'TEST', ['TEST.HUB']);
    await grant('g2', 'other', 'ELSEWHERE', null);
    expect((await problems(tenantKey('hubs'))).map((p) => p.instrumentId)).toEqual(['TEST.HUB']);
    expect((await problems(operator)).map((p) => p.instrumentId)).toEqual([
      'TEST.HUB',
      'TEST.NODE',
    ]);
    const summary = await quality.summary(
      tenantKey('hubs'),
      { from: '2026-03-08' },
      SYSTEM_CONTEXT,
    );
    expect(summary.problems).toEqual([
      expect.objectContaining({ check: 'price.out_of_range', problems: 1 }),
    ]);
    await expect(
      quality.problems(tenantKey('other'), { market: 'TEST' }, SYSTEM_CONTEXT),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect(await problems(tenantKey('other'))).toEqual([]);
    expect((await quality.summary(tenantKey('other'), {}, SYSTEM_CONTEXT)).freshness).toEqual([]);
    await expect(quality.summary(tenantKey('nothing'), {}, SYSTEM_CONTEXT)).rejects.toMatchObject({
      code: 'not_entitled',
    });
    await expect(quality.summary(null, {}, SYSTEM_CONTEXT)).rejects.toMatchObject({
      code: 'not_authenticated',
    });
  });

  it('refuses bad parameters, naming each one', async () => {
    const refused = async (query: Record<string, string>) => {
      try {
        await quality.summary(operator, query, SYSTEM_CONTEXT);
      } catch (error) {
        return error as { code: string; fields: { field: string }[] };
      }
      return null;
    };
    expect(await refused({ from: '2026-02-30' })).toMatchObject({
      code: 'invalid_request',
      fields: [{ field: 'from' }],
    });
    expect(await refused({ from: '2026-03-09', to: '2026-03-01' })).toMatchObject({
      fields: [{ field: 'to' }],
    });
    expect(await refused({ from: '2024-01-01', to: '2026-01-01' })).toMatchObject({
      fields: [{ field: 'to' }],
    });
    expect(await refused({ feed: 'nope' })).toMatchObject({ code: 'not_found' });
    await expect(
      quality.problems(operator, { check: 'nope', severity: 'fatal' }, SYSTEM_CONTEXT),
    ).rejects.toMatchObject({ fields: [{ field: 'check' }, { field: 'severity' }] });
    await expect(
      quality.problems(operator, { cursor: 'garbage' }, SYSTEM_CONTEXT),
    ).rejects.toMatchObject({ code: 'invalid_request' });
  });

  it('defaults to the week ending tomorrow', async () => {
    const summary = await quality.summary(operator, {}, SYSTEM_CONTEXT);
    expect([summary.fromDay, summary.toDay]).toEqual(['2026-03-03', '2026-03-10']);
  });
});
