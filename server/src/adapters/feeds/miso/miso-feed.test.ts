import { zipSync } from 'fflate';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { sampleDocument, sharedDocument } from '../../../../test/support/fixtures.js';
import {
  startFixtureServer,
  type FixtureHandler,
  type RecordedRequest,
} from '../../../../test/support/fixture-server.js';
import { testFeedContext } from '../../../../test/support/feed-context.js';
import { priceObservationAt, type PriceBatch } from '../../../domain/prices/price-batch.js';
import { seriesObservationAt, type SeriesBatch } from '../../../domain/series/series-batch.js';
import type { TimeRange } from '../../../domain/time/interval.js';
import type { FeedData } from '../../../ports/market-feed.js';
import { createMisoFeed } from './miso-feed.js';

const DA_CSV = sharedDocument('iso/miso/20260714_da_expost_lmp_hubs_subset.csv').bytes;
const DF_AL = sharedDocument('iso/miso/20250310_df_al.xls').bytes;
const ROLLING = sampleDocument('miso/GetRealTimeFiveMinExPost_Rolling_20260714_sample.json').bytes;
const WEEKLY_ZIP = zipSync({
  '20250317_5MIN_LMP.csv': sampleDocument('miso/20250317_5MIN_LMP_sample.csv').bytes,
});

const context = testFeedContext();
afterAll(() => context.csv.close());

/** One EST market day as the ingest asks for it: [00:00 EST, next 00:00 EST) = [05:00Z, next 05:00Z). */
const estDay = (date: string): TimeRange => {
  const fromMs = Date.parse(`${date}T05:00:00Z`);
  return { fromMs, toMs: fromMs + 86_400_000 };
};
/** 10:00 EST on 2026-07-14: "today" for the public API. */
const NOW = Date.parse('2026-07-14T15:00:00Z');

let server: Awaited<ReturnType<typeof startFixtureServer>> | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const serve = async (routes: Record<string, FixtureHandler>) => {
  server = await startFixtureServer((request) => {
    const path = request.url.split('?')[0] ?? '';
    const route = routes[path];
    return route ? route(request) : { status: 404, body: 'Not Found' };
  });
  return {
    feed: createMisoFeed(context, { baseUrl: server.baseUrl, now: () => NOW, minIntervalMs: 1 }),
    requests: server.requests,
  };
};
const ok =
  (body: Uint8Array | string): FixtureHandler =>
  () => ({ body });

const pricesOf = (data: FeedData): PriceBatch => {
  if (data.kind !== 'prices') {
    throw new Error('expected prices');
  }
  return data.prices;
};
const seriesOf = (data: FeedData): SeriesBatch => {
  if (data.kind !== 'series') {
    throw new Error('expected series');
  }
  return data.series;
};
const paths = (requests: RecordedRequest[]): string[] => requests.map((r) => r.url);

describe('MISO feed', () => {
  it('describes MISO on its fixed EST clock with hubs, load zones and system load', async () => {
    const feed = createMisoFeed(context);
    expect(feed.id).toBe('miso');
    expect(feed.market).toMatchObject({
      id: 'MISO',
      timezone: 'Etc/GMT+5',
      currency: 'USD',
      synthetic: false,
    });
    expect(feed.market.runs.map((r) => [r.id, r.intervalMinutes])).toEqual([
      ['DA', 60],
      ['RT5', 5],
      ['RT60', 60],
    ]);
    const instruments = await feed.instruments();
    expect(instruments.filter((i) => i.kind === 'hub').map((i) => i.id)).toEqual([
      'MISO.ARKANSAS.HUB',
      'MISO.ILLINOIS.HUB',
      'MISO.INDIANA.HUB',
      'MISO.LOUISIANA.HUB',
      'MISO.MICHIGAN.HUB',
      'MISO.MINN.HUB',
      'MISO.MS.HUB',
      'MISO.TEXAS.HUB',
    ]);
    expect(instruments.filter((i) => i.product === 'load').map((i) => [i.id, i.kind])).toEqual([
      ['MISO.LOAD.LRZ1', 'zone'],
      ['MISO.LOAD.LRZ2_7', 'zone'],
      ['MISO.LOAD.LRZ3_5', 'zone'],
      ['MISO.LOAD.LRZ4', 'zone'],
      ['MISO.LOAD.LRZ6', 'zone'],
      ['MISO.LOAD.LRZ8_9_10', 'zone'],
      ['MISO.SYSTEM_LOAD', 'system'],
    ]);
    expect(instruments.every((i) => i.aliases[0]?.source === 'miso')).toBe(true);
    expect(feed.datasets.map((d) => [d.id, d.kind, d.run, d.schedule?.cron])).toEqual([
      ['lmp.da', 'prices', 'DA', '0 30 17,20 * * *'],
      ['lmp.rt5', 'prices', 'RT5', '30 */5 * * * *'],
      ['lmp.rt60', 'prices', 'RT60', '0 0 9,15 * * *'],
      ['load', 'series', undefined, '0 15 1,9 * * *'],
      ['load.forecast', 'series', undefined, '0 15 1,9 * * *'],
    ]);
    expect(feed.datasets.every((d) => d.schedule?.timezone === 'Etc/GMT+5')).toBe(true);
  });

  it('tells ingest --file which dataset an operator file belongs to', () => {
    const feed = createMisoFeed(context);
    const matches = (name: string): string[] =>
      feed.datasets.filter((d) => d.files?.test(name)).map((d) => d.id);
    expect(matches('20260714_da_expost_lmp.csv')).toEqual(['lmp.da']);
    expect(matches('20260714_rt_lmp_final.csv')).toEqual(['lmp.rt60']);
    expect(matches('20250317_5MIN_LMP.zip')).toEqual(['lmp.rt5']);
    expect(matches('GetRealTimeFiveMinExPost_Rolling_20260714.json')).toEqual(['lmp.rt5']);
    // One report feeds both load datasets.
    expect(matches('20250310_df_al.xls')).toEqual(['load', 'load.forecast']);
    expect(matches('20260714_da_exante_lmp.csv')).toEqual([]);
  });

  it('fetches the DA ex-post report of the window day from the market reports path', async () => {
    const { feed, requests } = await serve({
      '/marketreports/20260714_da_expost_lmp.csv': ok(DA_CSV),
    });
    const prices = pricesOf(await feed.fetch('lmp.da', estDay('2026-07-14')));
    expect(paths(requests)).toEqual(['/marketreports/20260714_da_expost_lmp.csv']);
    expect(requests[0]?.headers['user-agent']).toBe('254carbon-test');
    // MISO is keyless: nothing credential-like is sent.
    expect(
      Object.keys(requests[0]?.headers ?? {}).filter((h) => /auth|key|token/i.test(h)),
    ).toEqual([]);
    expect(prices.length).toBe(72);
    expect(prices.runs).toEqual(['DA']);
    expect(Math.min(...prices.intervalStartMs)).toBe(Date.parse('2026-07-14T05:00:00Z'));
  });

  it('asks for exactly one report on US daylight-saving change days: MISO days are 24 EST hours', async () => {
    const { feed, requests } = await serve({});
    await feed.fetch('lmp.da', estDay('2025-11-02'));
    await feed.fetch('lmp.rt60', estDay('2025-03-09'));
    expect(paths(requests)).toEqual([
      '/marketreports/20251102_da_expost_lmp.csv',
      '/marketreports/20250309_rt_lmp_final.csv',
    ]);
  });

  it('gives empty data for a report not yet published (404 or an empty body)', async () => {
    const { feed, requests } = await serve({
      '/marketreports/20260715_da_expost_lmp.csv': ok(''),
    });
    expect(pricesOf(await feed.fetch('lmp.da', estDay('2026-07-15'))).length).toBe(0);
    expect(pricesOf(await feed.fetch('lmp.da', estDay('2026-07-16'))).length).toBe(0);
    expect(seriesOf(await feed.fetch('load', estDay('2026-07-16'))).length).toBe(0);
    expect(requests).toHaveLength(3);
  });

  it('retries a 5xx answer and then reads the report', async () => {
    let calls = 0;
    const { feed, requests } = await serve({
      '/marketreports/20260714_da_expost_lmp.csv': () =>
        ++calls === 1 ? { status: 503, body: 'busy' } : { body: DA_CSV },
    });
    expect(pricesOf(await feed.fetch('lmp.da', estDay('2026-07-14'))).length).toBe(72);
    expect(requests).toHaveLength(2);
  });

  it('fails with invalid_source_data, naming the document, when what is served cannot be read', async () => {
    const { feed } = await serve({
      '/marketreports/20260714_da_expost_lmp.csv': ok('<html>Just a moment...</html>'),
      '/api/MarketPricing/GetRealTimeFiveMinExPost/Rolling': ok('{"headers":["INTERVAL"'),
    });
    await expect(feed.fetch('lmp.da', estDay('2026-07-14'))).rejects.toMatchObject({
      code: 'invalid_source_data',
      message: expect.stringMatching(
        /^20260714_da_expost_lmp\.csv, line 2: expected the market date/,
      ),
    });
    await expect(feed.fetch('lmp.rt5', estDay('2026-07-14'))).rejects.toMatchObject({
      code: 'invalid_source_data',
      message: expect.stringMatching(
        /^GetRealTimeFiveMinExPost_Rolling\.json, line 1: not valid JSON/,
      ),
    });
  });

  it('reads actual load from the next day\u2019s df_al report and forecasts from the previous day\u2019s', async () => {
    const { feed, requests } = await serve({ '/marketreports/20250310_df_al.xls': ok(DF_AL) });
    const actual = seriesOf(await feed.fetch('load', estDay('2025-03-09')));
    expect(actual.length).toBe(168);
    expect(actual.variables).toEqual(['load.actual']);
    const forecast = seriesOf(await feed.fetch('load.forecast', estDay('2025-03-11')));
    expect(forecast.variables).toEqual(['load.forecast']);
    const first = seriesObservationAt(forecast, 0);
    expect(first.issuedAtMs).toBe(Date.parse('2025-03-10T05:00:00Z'));
    expect(paths(requests)).toEqual([
      '/marketreports/20250310_df_al.xls',
      '/marketreports/20250310_df_al.xls',
    ]);
  });

  it('takes today\u2019s and yesterday\u2019s 5-minute prices from the public API (hand-written sample)', async () => {
    const { feed, requests } = await serve({
      '/api/MarketPricing/GetRealTimeFiveMinExPost/Rolling': ok(ROLLING),
      '/api/MarketPricing/GetRealTimeFiveMinExPost/Previous': ok(
        '{"headers":["INTERVAL","CPNODE","LMP","MLC","MCC"],"data":[]}',
      ),
    });
    const today = pricesOf(await feed.fetch('lmp.rt5', estDay('2026-07-14')));
    expect(today.length).toBe(9);
    expect(priceObservationAt(today, 0)).toMatchObject({ run: 'RT5', intervalMinutes: 5 });
    expect(pricesOf(await feed.fetch('lmp.rt5', estDay('2026-07-13'))).length).toBe(0);
    expect(pricesOf(await feed.fetch('lmp.rt5', estDay('2026-07-15'))).length).toBe(0);
    expect(paths(requests)).toEqual([
      '/api/MarketPricing/GetRealTimeFiveMinExPost/Rolling',
      '/api/MarketPricing/GetRealTimeFiveMinExPost/Previous',
    ]);
    expect(requests[0]?.headers.accept).toBe('application/json');
  });

  it('takes older 5-minute prices from the weekly archive, once per week of days (hand-written sample)', async () => {
    const { feed, requests } = await serve({
      '/marketreports/20250317_5MIN_LMP.zip': ok(WEEKLY_ZIP),
    });
    const sunday = await feed.fetch('lmp.rt5', estDay('2025-03-09'));
    // 03/09/2025 00:00, 02:00 and 23:55 for both hubs: EST day 2025-03-09 = [05:00Z, 05:00Z next day)
    expect(
      [...pricesOf(sunday).intervalStartMs].sort().map((ms) => new Date(ms).toISOString()),
    ).toEqual([
      '2025-03-09T05:00:00.000Z',
      '2025-03-09T05:00:00.000Z',
      '2025-03-09T07:00:00.000Z',
      '2025-03-09T07:00:00.000Z',
      '2025-03-10T04:55:00.000Z',
      '2025-03-10T04:55:00.000Z',
    ]);
    expect(pricesOf(sunday).instrumentIds).toHaveLength(2);
    expect(sunday.instruments?.map((i) => i.id)).toEqual(['MISO.INDIANA.HUB', 'MISO.MINN.HUB']);
    const saturday = pricesOf(await feed.fetch('lmp.rt5', estDay('2025-03-08')));
    expect([...saturday.intervalStartMs]).toEqual([
      Date.parse('2025-03-09T04:55:00Z'),
      Date.parse('2025-03-09T04:55:00Z'),
    ]);
    expect(paths(requests)).toEqual(['/marketreports/20250317_5MIN_LMP.zip']);
  });

  it('asks again for a weekly archive that was not yet published', async () => {
    const { feed, requests } = await serve({});
    await feed.fetch('lmp.rt5', estDay('2025-03-09'));
    await feed.fetch('lmp.rt5', estDay('2025-03-08'));
    expect(paths(requests)).toEqual([
      '/marketreports/20250317_5MIN_LMP.zip',
      '/marketreports/20250317_5MIN_LMP.zip',
    ]);
  });

  it('merges the reports of a window of several days into one batch', async () => {
    const july15 = new TextDecoder().decode(DA_CSV).replace('07/14/2026', '07/15/2026');
    const { feed } = await serve({
      '/marketreports/20260714_da_expost_lmp.csv': ok(DA_CSV),
      '/marketreports/20260715_da_expost_lmp.csv': ok(july15),
    });
    const data = await feed.fetch('lmp.da', {
      fromMs: estDay('2026-07-14').fromMs,
      toMs: estDay('2026-07-15').toMs,
    });
    const prices = pricesOf(data);
    expect(prices.length).toBe(144);
    expect(prices.instrumentIds).toHaveLength(3);
    expect(data.instruments).toHaveLength(3);
    const indiana = Array.from({ length: prices.length }, (_, i) =>
      priceObservationAt(prices, i),
    ).filter((o) => o.instrumentId === 'MISO.INDIANA.HUB');
    expect(indiana).toHaveLength(48);
    expect(new Set(indiana.map((o) => o.intervalStartMs)).size).toBe(48);
    expect(Math.max(...indiana.map((o) => o.intervalStartMs))).toBe(
      Date.parse('2026-07-16T04:00:00Z'),
    );
  });

  it('fetches each document once for a window of several days', async () => {
    const { feed, requests } = await serve({});
    await feed.fetch('lmp.da', {
      fromMs: estDay('2026-07-10').fromMs,
      toMs: estDay('2026-07-12').toMs,
    });
    await feed.fetch('lmp.rt5', {
      fromMs: estDay('2025-03-03').fromMs,
      toMs: estDay('2025-03-10').toMs,
    });
    expect(paths(requests)).toEqual([
      '/marketreports/20260710_da_expost_lmp.csv',
      '/marketreports/20260711_da_expost_lmp.csv',
      '/marketreports/20260712_da_expost_lmp.csv',
      '/marketreports/20250317_5MIN_LMP.zip',
      '/marketreports/20250324_5MIN_LMP.zip',
    ]);
  });

  it('parses saved documents as the operator serves them', async () => {
    const feed = createMisoFeed(context);
    const da = await feed.parseDocument!(
      'lmp.da',
      sharedDocument(
        'iso/miso/20260714_da_expost_lmp_hubs_subset.csv',
        '20260714_da_expost_lmp.csv',
      ),
    );
    expect(pricesOf(da).length).toBe(72);
    const weekly = await feed.parseDocument!('lmp.rt5', {
      name: '20250317_5MIN_LMP.zip',
      bytes: WEEKLY_ZIP,
      origin: 'file',
    });
    expect(pricesOf(weekly).length).toBe(12);
    const rolling = await feed.parseDocument!(
      'lmp.rt5',
      sampleDocument('miso/GetRealTimeFiveMinExPost_Rolling_20260714_sample.json'),
    );
    expect(pricesOf(rolling).length).toBe(9);
    const forecast = await feed.parseDocument!(
      'load.forecast',
      sharedDocument('iso/miso/20250310_df_al.xls'),
    );
    expect(seriesOf(forecast).length).toBe(1008);
    const actual = seriesOf(
      await feed.parseDocument!('load', sharedDocument('iso/miso/20250310_df_al.xls')),
    );
    expect(actual.length).toBe(168);
    expect(actual.variables).toEqual(['load.actual']);
    await expect(
      feed.parseDocument!('lmp.rt15', sharedDocument('iso/miso/20250310_df_al.xls')),
    ).rejects.toMatchObject({
      code: 'invalid_request',
    });
  });

  it('knows how far each dataset is published on the EST clock', () => {
    const feed = createMisoFeed(context);
    const until = (id: string, iso: string): string =>
      new Date(feed.publishedUntil(id, Date.parse(iso))).toISOString();
    // 16:59 EST: tomorrow's day-ahead not yet posted; 17:00 EST: through the end of tomorrow (EST).
    expect(until('lmp.da', '2026-07-14T21:59:00Z')).toBe('2026-07-15T05:00:00.000Z');
    expect(until('lmp.da', '2026-07-14T22:00:00Z')).toBe('2026-07-16T05:00:00.000Z');
    expect(until('lmp.rt5', '2026-07-14T15:07:31Z')).toBe('2026-07-14T15:05:00.000Z');
    expect(until('lmp.rt60', '2026-07-14T15:00:00Z')).toBe('2026-07-08T05:00:00.000Z');
    // Load: yesterday's actuals and tomorrow's forecast once today's report is out (01:00 EST).
    expect(until('load', '2026-07-14T05:30:00Z')).toBe('2026-07-13T05:00:00.000Z');
    expect(until('load', '2026-07-14T06:00:00Z')).toBe('2026-07-14T05:00:00.000Z');
    expect(until('load.forecast', '2026-07-14T06:00:00Z')).toBe('2026-07-16T05:00:00.000Z');
    expect(() => feed.publishedUntil('genmix', 0)).toThrow('Unknown MISO dataset "genmix"');
  });
});
