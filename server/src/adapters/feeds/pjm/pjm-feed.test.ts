import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { testFeedContext } from '../../../../test/support/feed-context.js';
import {
  readSharedFixture,
  sampleDocument,
  sharedDocument,
} from '../../../../test/support/fixtures.js';
import {
  startFixtureServer,
  type RecordedRequest,
} from '../../../../test/support/fixture-server.js';
import { localDayBounds } from '../../../domain/time/zoned.js';
import type { FeedData } from '../../../ports/market-feed.js';
import { createPjmFeed } from './pjm-feed.js';
import { PJM_DEFAULT_PNODE_IDS } from './pjm-market.js';
import { caught, priceRows, rowsOf, seriesRows, utc } from './pjm-test-support.js';

type Answer = { status?: number; headers?: Record<string, string>; body?: Uint8Array | string };

const context = testFeedContext({ pjmApiKey: 'test-key' });
const noKeyContext = testFeedContext();
afterAll(async () => {
  await context.csv.close();
  await noKeyContext.csv.close();
});

const DA_ZONES = readSharedFixture('iso/pjm/dataminer_da_hrl_lmps_zones_2026-06-09.json');
const RT5_UNVERIFIED = readSharedFixture(
  'iso/pjm/dataminer_rt_unverified_fivemin_lmps_zones_2026-06-10.json',
);
const sample = (name: string): Uint8Array => sampleDocument(`pjm/${name}`).bytes;
const envelope = (items: readonly object[], extra: object = {}): string =>
  JSON.stringify({ links: [], items, totalRows: items.length, ...extra });
const EMPTY = envelope([]);

const day = (date: string) => {
  const { startMs, endMs } = localDayBounds('America/New_York', date);
  return { fromMs: startMs, toMs: endMs };
};

let servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

/** A loopback Data Miner: answers for each feed path, taken in order; anything unexpected is a 404. */
const dataMiner = async (answers: Record<string, Answer[]>) => {
  const server = await startFixtureServer((request: RecordedRequest) => {
    const feed = new URL(request.url, 'http://x').pathname.replace('/api/v1/', '');
    return answers[feed]?.shift() ?? { status: 404, body: 'not found' };
  });
  servers.push(server);
  const query = (i: number): Record<string, string> => {
    const request = server.requests[i];
    return Object.fromEntries(new URL(request?.url ?? '/', 'http://x').searchParams);
  };
  const paths = (): string[] => server.requests.map((r) => new URL(r.url, 'http://x').pathname);
  return { ...server, query, paths };
};

const feedAt = (baseUrl: string, nowIso: string, options: object = {}) =>
  createPjmFeed(context, { baseUrl, minIntervalMs: 1, now: () => utc(nowIso), ...options });

const countPerInstrument = (data: FeedData): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const row of priceRows(data)) {
    counts.set(row.instrumentId, (counts.get(row.instrumentId) ?? 0) + 1);
  }
  return counts;
};

describe('PJM feed fetch (loopback Data Miner)', () => {
  it('asks da_hrl_lmps for hubs and zones of one EPT day with the key, and reads the recorded answer', async () => {
    const server = await dataMiner({ da_hrl_lmps: [{ body: DA_ZONES }] });
    const data = await feedAt(server.baseUrl, '2026-06-10T12:00:00').fetch(
      'lmp.da',
      day('2026-06-09'),
    );
    expect(priceRows(data)).toHaveLength(552);
    expect(server.paths()).toEqual(['/api/v1/da_hrl_lmps']);
    expect(server.requests[0]?.headers['ocp-apim-subscription-key']).toBe('test-key');
    expect(server.query(0)).toEqual({
      rowCount: '50000',
      startRow: '1',
      fields:
        'datetime_beginning_utc,pnode_id,pnode_name,type,system_energy_price_da,total_lmp_da,' +
        'congestion_price_da,marginal_loss_price_da,row_is_current',
      pnode_id: PJM_DEFAULT_PNODE_IDS.join(';'),
      row_is_current: 'TRUE',
      datetime_beginning_ept: '06/09/2026 00:00to06/09/2026 23:59',
    });
    expect(PJM_DEFAULT_PNODE_IDS).toHaveLength(35);
  });

  it('hand-written sample: fetches the fall-back day as one EPT day and gets 25 hours per pnode', async () => {
    const server = await dataMiner({
      da_hrl_lmps: [
        { body: sample('dataminer_da_hrl_lmps_hubs_zones_2025-11-02_fallback_sample.json') },
      ],
    });
    const data = await feedAt(server.baseUrl, '2025-11-05T12:00:00').fetch(
      'lmp.da',
      day('2025-11-02'),
    );
    expect(server.query(0).datetime_beginning_ept).toBe('11/02/2025 00:00to11/02/2025 23:59');
    expect(countPerInstrument(data)).toEqual(
      new Map([
        ['PJM.WESTERN HUB', 25],
        ['PJM.AECO', 25],
      ]),
    );
  });

  it('hand-written sample: fetches the spring-forward day of rt_hrl_lmps and gets 23 hours per pnode', async () => {
    const server = await dataMiner({
      rt_hrl_lmps: [
        { body: sample('dataminer_rt_hrl_lmps_hubs_2026-03-08_springforward_sample.json') },
      ],
    });
    const data = await feedAt(server.baseUrl, '2026-03-12T12:00:00').fetch(
      'lmp.rt60',
      day('2026-03-08'),
    );
    expect(server.paths()).toEqual(['/api/v1/rt_hrl_lmps']);
    expect(server.query(0).datetime_beginning_ept).toBe('03/08/2026 00:00to03/08/2026 23:59');
    expect(countPerInstrument(data)).toEqual(
      new Map([
        ['PJM.WESTERN HUB', 23],
        ['PJM.PJM-RTO', 23],
      ]),
    );
  });

  it('falls back to unverified 5-minute LMPs when the verified feed has nothing for the window', async () => {
    const server = await dataMiner({
      rt_fivemin_hrl_lmps: [{ body: EMPTY }],
      rt_unverified_fivemin_lmps: [{ body: RT5_UNVERIFIED }],
    });
    // Thursday 13:00 EDT: Wednesday's verified LMPs are due, but PJM has not posted them.
    const data = await feedAt(server.baseUrl, '2026-06-11T17:00:00').fetch(
      'lmp.rt5',
      day('2026-06-10'),
    );
    expect(server.paths()).toEqual([
      '/api/v1/rt_fivemin_hrl_lmps',
      '/api/v1/rt_unverified_fivemin_lmps',
    ]);
    expect(server.query(1)).toEqual({
      rowCount: '50000',
      startRow: '1',
      fields:
        'datetime_beginning_utc,pnode_id,pnode_name,type,total_lmp_rt,congestion_price_rt,marginal_loss_price_rt',
      pnode_id: PJM_DEFAULT_PNODE_IDS.join(';'),
      datetime_beginning_ept: '06/10/2026 00:00to06/10/2026 23:59',
    });
    const rows = priceRows(data);
    expect(rows).toHaveLength(154);
    // {"datetime_beginning_utc":"2026-06-10T19:10:00","pnode_id":51292,"pnode_name":"BGE","total_lmp_rt":1070.33}
    expect(rowsOf(rows, 'PJM.BGE').at(-1)).toMatchObject({
      intervalStartMs: utc('2026-06-10T19:10:00'),
      lmp: 1070.33,
      run: 'RT5',
    });
  });

  it('asks only the unverified 5-minute feed for a day whose verified LMPs are not due yet', async () => {
    const server = await dataMiner({ rt_unverified_fivemin_lmps: [{ body: RT5_UNVERIFIED }] });
    const data = await feedAt(server.baseUrl, '2026-06-10T19:30:00').fetch('lmp.rt5', {
      fromMs: utc('2026-06-10T18:40:00'),
      toMs: utc('2026-06-10T18:50:00'),
    });
    expect(server.paths()).toEqual(['/api/v1/rt_unverified_fivemin_lmps']);
    expect(server.query(0).datetime_beginning_ept).toBe('06/10/2026 14:40to06/10/2026 14:49');
    // 22 zones × the two intervals inside the window (the recorded answer has seven).
    expect(priceRows(data)).toHaveLength(44);
  });

  it('uses verified 5-minute LMPs when PJM has posted them (hand-written sample)', async () => {
    const server = await dataMiner({
      rt_fivemin_hrl_lmps: [
        { body: sample('dataminer_rt_fivemin_hrl_lmps_hubs_2026-06-10_sample.json') },
      ],
    });
    const data = await feedAt(server.baseUrl, '2026-06-12T12:00:00').fetch(
      'lmp.rt5',
      day('2026-06-10'),
    );
    expect(server.paths()).toEqual(['/api/v1/rt_fivemin_hrl_lmps']);
    // "datetime_beginning_utc": "2026-06-10T18:45:00", "pnode_name": "BGE", "system_energy_price_rt": 514.75,
    // "total_lmp_rt": 939.1, "congestion_price_rt": 402.75, "marginal_loss_price_rt": 21.6
    expect(rowsOf(priceRows(data), 'PJM.BGE')[1]).toMatchObject({
      intervalStartMs: utc('2026-06-10T18:45:00'),
      lmp: 939.1,
      energy: 514.75,
      congestion: 402.75,
      loss: 21.6,
    });
  });

  it('follows links.next on the configured host and combines the pages', async () => {
    const row = (iso: string, lmp: number) => ({
      datetime_beginning_utc: iso,
      pnode_id: 1,
      pnode_name: 'PJM-RTO',
      type: 'ZONE',
      total_lmp_da: lmp,
    });
    const next = 'https://api.pjm.com/api/v1/da_hrl_lmps?rowCount=2&startRow=3';
    const server = await dataMiner({
      da_hrl_lmps: [
        {
          body: envelope([row('2026-06-09T04:00:00', 30), row('2026-06-09T05:00:00', 31)], {
            totalRows: 3,
            links: [{ rel: 'next', href: next }],
          }),
        },
        { body: envelope([row('2026-06-09T06:00:00', 32)], { totalRows: 3 }) },
      ],
    });
    const data = await feedAt(server.baseUrl, '2026-06-10T12:00:00').fetch(
      'lmp.da',
      day('2026-06-09'),
    );
    expect(priceRows(data).map((r) => r.lmp)).toEqual([30, 31, 32]);
    expect(server.requests[1]?.url).toBe('/api/v1/da_hrl_lmps?rowCount=2&startRow=3');
    expect(server.requests[1]?.headers['ocp-apim-subscription-key']).toBe('test-key');
  });

  it('stops at a malformed page, naming the page, line and field, and returns nothing', async () => {
    const row = {
      datetime_beginning_utc: '2026-06-09T04:00:00',
      pnode_id: 1,
      pnode_name: 'PJM-RTO',
    };
    const server = await dataMiner({
      da_hrl_lmps: [
        {
          body: envelope([{ ...row, total_lmp_da: 30 }], {
            totalRows: 2,
            links: [{ rel: 'next', href: '/api/v1/da_hrl_lmps?rowCount=1&startRow=2' }],
          }),
        },
        { body: envelope([{ ...row, pnode_id: 3, total_lmp_da: null }], { totalRows: 2 }) },
      ],
    });
    const error = await caught(() =>
      feedAt(server.baseUrl, '2026-06-10T12:00:00').fetch('lmp.da', day('2026-06-09')),
    );
    expect(error.code).toBe('invalid_source_data');
    expect(error.message).toBe(
      'da_hrl_lmps (page 2), line 1, items[0].total_lmp_da: is null; expected a number',
    );
  });

  it('asks archived days without fields or pnode filter and keeps hubs and zones itself', async () => {
    const row = (pnodeId: number, name: string, type: string) => ({
      datetime_beginning_utc: '2023-06-09T04:00:00',
      datetime_beginning_ept: '2023-06-09T00:00:00',
      pnode_id: pnodeId,
      pnode_name: name,
      type,
      total_lmp_da: 25,
      row_is_current: true,
    });
    const server = await dataMiner({
      da_hrl_lmps: [
        { body: envelope([row(51291, 'AECO', 'ZONE'), row(2156110343, 'SOME 138 KV GEN', 'GEN')]) },
      ],
    });
    const data = await feedAt(server.baseUrl, '2026-06-10T12:00:00').fetch(
      'lmp.da',
      day('2023-06-09'),
    );
    expect(server.query(0)).toEqual({
      rowCount: '50000',
      startRow: '1',
      row_is_current: 'TRUE',
      datetime_beginning_ept: '06/09/2023 00:00to06/09/2023 23:59',
    });
    expect(priceRows(data).map((r) => r.instrumentId)).toEqual(['PJM.AECO']);
  });

  it('asks every pnode when configured for all of them', async () => {
    const server = await dataMiner({ da_hrl_lmps: [{ body: DA_ZONES }] });
    await feedAt(server.baseUrl, '2026-06-10T12:00:00', { pnodes: 'all' }).fetch(
      'lmp.da',
      day('2026-06-09'),
    );
    expect(server.query(0).pnode_id).toBeUndefined();
  });

  it('gives empty data, not an error, for a 404, an empty body or no rows', async () => {
    const server = await dataMiner({
      gen_by_fuel: [{ status: 404 }, { body: '' }, { body: EMPTY }],
    });
    const feed = feedAt(server.baseUrl, '2026-06-10T12:00:00');
    for (let i = 0; i < 3; i++) {
      expect(seriesRows(await feed.fetch('genmix', day('2026-06-09')))).toEqual([]);
    }
    expect(server.requests).toHaveLength(3);
  });

  it('retries a 5xx and a 429, then reads the answer', async () => {
    const server = await dataMiner({
      gen_by_fuel: [
        { status: 503 },
        { status: 429, headers: { 'retry-after': '0' } },
        { body: sharedDocument('iso/pjm/dataminer_gen_by_fuel_2025-02-09.json').bytes },
      ],
    });
    const data = await feedAt(server.baseUrl, '2025-02-10T12:00:00').fetch('genmix', {
      fromMs: utc('2025-02-09T00:00:00'),
      toMs: utc('2025-02-10T00:00:00'),
    });
    expect(server.requests).toHaveLength(3);
    expect(server.query(2).datetime_beginning_ept).toBe('02/08/2025 19:00to02/09/2025 18:59');
    expect(seriesRows(data)).toHaveLength(220);
  });

  it('fetches load and the load forecast with their own date fields (hand-written samples)', async () => {
    const server = await dataMiner({
      hrl_load_metered: [
        { body: sample('dataminer_hrl_load_metered_2025-11-02_fallback_sample.json') },
      ],
      load_frcstd_7_day: [{ body: sample('dataminer_load_frcstd_7_day_2026-06-10_sample.json') }],
    });
    const feed = feedAt(server.baseUrl, '2026-06-10T12:00:00');
    const load = seriesRows(await feed.fetch('load', day('2025-11-02')));
    expect(rowsOf(load, 'PJM.SYSTEM_LOAD')).toHaveLength(25);
    expect(server.query(0)).toEqual({
      rowCount: '50000',
      startRow: '1',
      datetime_beginning_ept: '11/02/2025 00:00to11/02/2025 23:59',
    });
    const forecast = seriesRows(await feed.fetch('load.forecast', day('2026-06-10')));
    expect(forecast).toHaveLength(12);
    expect(server.query(1).forecast_datetime_beginning_ept).toBe(
      '06/10/2026 00:00to06/10/2026 23:59',
    );
  });

  it('fails before any request when CARBON_PJM_API_KEY is missing, saying where to get a key', async () => {
    const server = await dataMiner({});
    const feed = createPjmFeed(noKeyContext, { baseUrl: server.baseUrl, minIntervalMs: 1 });
    const error = await caught(() => feed.fetch('lmp.da', day('2026-06-09')));
    expect(error.message).toBe(
      'PJM Data Miner 2 (a free key from apiportal.pjm.com) needs CARBON_PJM_API_KEY; set it in the environment.',
    );
    expect(server.requests).toHaveLength(0);
  });

  it('says which setting to check when Data Miner refuses the key', async () => {
    const server = await dataMiner({ da_hrl_lmps: [{ status: 401 }] });
    const error = await caught(() =>
      feedAt(server.baseUrl, '2026-06-10T12:00:00').fetch('lmp.da', day('2026-06-09')),
    );
    expect(error.code).toBe('upstream_unavailable');
    expect(error.message).toMatch(/HTTP 401 .* Check CARBON_PJM_API_KEY/);
  });

  it('paces requests to the configured interval', async () => {
    const times: number[] = [];
    const server = await startFixtureServer(() => {
      times.push(Date.now());
      return { body: EMPTY };
    });
    servers.push(server);
    const feed = feedAt(server.baseUrl, '2026-06-10T12:00:00', { minIntervalMs: 150 });
    await feed.fetch('lmp.da', day('2026-06-09'));
    await feed.fetch('genmix', day('2026-06-09'));
    expect(times).toHaveLength(2);
    // Measured where the server receives them, so the first request's connection set-up eats into the gap.
    expect((times[1] as number) - (times[0] as number)).toBeGreaterThanOrEqual(100);
  });
});
