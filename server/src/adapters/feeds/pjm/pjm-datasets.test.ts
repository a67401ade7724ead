import { afterAll, describe, expect, it } from 'vitest';
import { testFeedContext } from '../../../../test/support/feed-context.js';
import { sampleDocument, sharedDocument } from '../../../../test/support/fixtures.js';
import { startFixtureServer } from '../../../../test/support/fixture-server.js';
import { localDayBounds } from '../../../domain/time/zoned.js';
import { createPjmFeed } from './pjm-feed.js';
import { caught, priceRows, seriesRows, utc } from './pjm-test-support.js';

const context = testFeedContext({ pjmApiKey: 'test-key' });
afterAll(() => context.csv.close());
const feed = createPjmFeed(context);
const endOf = (date: string): number => localDayBounds('America/New_York', date).endMs;

describe('PJM feed description', () => {
  it('describes PJM: Eastern time, USD, DA/RT5/RT60, not synthetic', () => {
    expect(feed.id).toBe('pjm');
    expect(feed.market).toMatchObject({
      id: 'PJM',
      timezone: 'America/New_York',
      currency: 'USD',
      synthetic: false,
    });
    expect(feed.market.runs.map((r) => [r.id, r.intervalMinutes])).toEqual([
      ['DA', 60],
      ['RT5', 5],
      ['RT60', 60],
    ]);
  });

  it('knows the hubs, zones (with pnode ids), system load and generation mix up front', async () => {
    const instruments = await feed.instruments();
    expect(new Set(instruments.map((i) => i.id)).size).toBe(instruments.length);
    expect(instruments.filter((i) => i.kind === 'hub').map((i) => i.code)).toContain('WESTERN HUB');
    expect(instruments.filter((i) => i.kind === 'hub')).toHaveLength(12);
    expect(instruments.filter((i) => i.kind === 'zone')).toHaveLength(23);
    expect(instruments.find((i) => i.id === 'PJM.AECO')?.aliases).toEqual([
      { source: 'pjm', code: 'AECO', validFromMs: null, validToMs: null },
      { source: 'pjm.pnode_id', code: '51291', validFromMs: null, validToMs: null },
    ]);
    expect(instruments.find((i) => i.id === 'PJM.SYSTEM_LOAD')).toMatchObject({
      kind: 'system',
      product: 'load',
    });
    expect(instruments.find((i) => i.id === 'PJM.SYSTEM_GEN')).toMatchObject({
      kind: 'system',
      product: 'gen_mix',
    });
  });

  it('schedules every dataset in Eastern time and re-reads what PJM posts late or revises', () => {
    const hours = (ms: number | undefined) => (ms ?? 0) / 3_600_000;
    expect(
      feed.datasets.map((d) => [d.id, d.kind, d.run, d.schedule?.cron, hours(d.revisitMs)]),
    ).toEqual([
      ['lmp.da', 'prices', 'DA', '0 5 14,16 * * *', 24],
      ['lmp.rt5', 'prices', 'RT5', '30 */5 * * * *', 1],
      ['lmp.rt60', 'prices', 'RT60', '0 15 12,17 * * *', 72],
      ['load', 'series', undefined, '0 30 17 * * *', 72],
      ['load.forecast', 'series', undefined, '0 20,50 * * * *', 168],
      ['genmix', 'series', undefined, '0 15 * * * *', 3],
    ]);
    expect(feed.datasets.every((d) => d.schedule?.timezone === 'America/New_York')).toBe(true);
  });

  it('recognises saved Data Miner responses by feed name', () => {
    const datasetFor = (name: string): string[] =>
      feed.datasets.filter((d) => d.files?.test(name)).map((d) => d.id);
    expect(datasetFor('dataminer_da_hrl_lmps_zones_2026-06-09.json')).toEqual(['lmp.da']);
    expect(datasetFor('dataminer_rt_unverified_fivemin_lmps_zones_2026-06-10.json')).toEqual([
      'lmp.rt5',
    ]);
    expect(datasetFor('rt_fivemin_hrl_lmps')).toEqual(['lmp.rt5']);
    expect(datasetFor('rt_hrl_lmps.json')).toEqual(['lmp.rt60']);
    expect(datasetFor('dataminer_gen_by_fuel_2025-02-09.json')).toEqual(['genmix']);
    expect(datasetFor('hrl_load_metered-20191215121616.json')).toEqual(['load']);
    expect(datasetFor('load_frcstd_7_day.json')).toEqual(['load.forecast']);
    expect(datasetFor('20251102damlbmp_zone.csv')).toEqual([]);
  });

  it('parses saved responses with the fetch parsers (recorded fixtures and a hand-written sample)', async () => {
    const da = await feed.parseDocument!(
      'lmp.da',
      sharedDocument('iso/pjm/dataminer_da_hrl_lmps_zones_2026-06-09.json'),
    );
    expect(priceRows(da)).toHaveLength(552);
    const mix = await feed.parseDocument!(
      'genmix',
      sharedDocument('iso/pjm/dataminer_gen_by_fuel_2025-02-09.json'),
    );
    expect(seriesRows(mix)).toHaveLength(220);
    const rt5 = await feed.parseDocument!(
      'lmp.rt5',
      sampleDocument('pjm/dataminer_rt_fivemin_hrl_lmps_hubs_2026-06-10_sample.json'),
    );
    expect(priceRows(rt5)).toHaveLength(6);
  });

  it('refuses an unknown dataset', async () => {
    const error = await caught(() => feed.publishedUntil('lmp.rt15', 0));
    expect(error.message).toBe(
      'Unknown PJM dataset "lmp.rt15"; known datasets: lmp.da, lmp.rt5, lmp.rt60, load, load.forecast, genmix.',
    );
  });
});

describe('PJM publication times', () => {
  it('publishes tomorrow day-ahead from 14:00 Eastern', () => {
    expect(feed.publishedUntil('lmp.da', utc('2026-06-10T17:59:00'))).toBe(endOf('2026-06-10'));
    expect(feed.publishedUntil('lmp.da', utc('2026-06-10T18:00:00'))).toBe(endOf('2026-06-11'));
  });

  it('publishes real-time 5-minute data up to the interval before the last finished one', () => {
    expect(feed.publishedUntil('lmp.rt5', utc('2026-06-10T16:07:30'))).toBe(
      utc('2026-06-10T16:00:00'),
    );
  });

  it('publishes settled hourly LMPs at noon of the next business day (Friday to Sunday on Monday)', () => {
    // Wednesday 11:59 EDT: Monday is the last posted day; at noon Tuesday is.
    expect(feed.publishedUntil('lmp.rt60', utc('2026-06-10T15:59:00'))).toBe(endOf('2026-06-08'));
    expect(feed.publishedUntil('lmp.rt60', utc('2026-06-10T16:00:00'))).toBe(endOf('2026-06-09'));
    // Sunday: Thursday's day was posted Friday noon; Friday to Sunday wait for Monday noon.
    expect(feed.publishedUntil('lmp.rt60', utc('2026-06-14T20:00:00'))).toBe(endOf('2026-06-11'));
    expect(feed.publishedUntil('lmp.rt60', utc('2026-06-15T16:00:00'))).toBe(endOf('2026-06-14'));
    expect(feed.publishedUntil('load', utc('2026-06-15T16:00:00'))).toBe(endOf('2026-06-11'));
    expect(feed.publishedUntil('load', utc('2026-06-15T21:00:00'))).toBe(endOf('2026-06-14'));
  });

  it('publishes the 7-day forecast through six days ahead and the fuel mix by the hour', () => {
    expect(feed.publishedUntil('load.forecast', utc('2026-06-10T16:00:00'))).toBe(
      endOf('2026-06-16'),
    );
    expect(feed.publishedUntil('genmix', utc('2026-06-10T16:09:00'))).toBe(
      utc('2026-06-10T15:00:00'),
    );
    expect(feed.publishedUntil('genmix', utc('2026-06-10T16:11:00'))).toBe(
      utc('2026-06-10T16:00:00'),
    );
  });
});

describe('PJM fetch window', () => {
  it('drops the second 01:00 EPT hour when only the first was asked for (hand-written sample)', async () => {
    const server = await startFixtureServer(() => ({
      body: sampleDocument('pjm/dataminer_da_hrl_lmps_hubs_zones_2025-11-02_fallback_sample.json')
        .bytes,
    }));
    try {
      const data = await createPjmFeed(context, {
        baseUrl: server.baseUrl,
        minIntervalMs: 1,
        now: () => utc('2025-11-05T12:00:00'),
      }).fetch('lmp.da', { fromMs: utc('2025-11-02T05:00:00'), toMs: utc('2025-11-02T06:00:00') });
      const query = new URL(server.requests[0]?.url ?? '', 'http://x').searchParams;
      // The EPT filter names a wall-clock hour that happens twice; the UTC start decides.
      expect(query.get('datetime_beginning_ept')).toBe('11/02/2025 01:00to11/02/2025 01:59');
      expect(priceRows(data).map((r) => [r.instrumentId, r.intervalStartMs])).toEqual([
        ['PJM.WESTERN HUB', utc('2025-11-02T05:00:00')],
        ['PJM.AECO', utc('2025-11-02T05:00:00')],
      ]);
    } finally {
      await server.close();
    }
  });
});
