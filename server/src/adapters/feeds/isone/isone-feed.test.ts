import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { toIsoUtc, type TimeRange } from '../../../domain/time/interval.js';
import { localDayBounds } from '../../../domain/time/zoned.js';
import type { FeedData } from '../../../ports/market-feed.js';
import {
  readSharedFixture,
  SAMPLE_FIXTURES,
  sampleDocument,
  sharedDocument,
} from '../../../../test/support/fixtures.js';
import {
  startFixtureServer,
  type FixtureHandler,
  type RecordedRequest,
} from '../../../../test/support/fixture-server.js';
import { testFeedContext } from '../../../../test/support/feed-context.js';
import { createIsoneFeed } from './isone-feed.js';

const CREDENTIALS = { isoneUsername: 'trader@example.com', isonePassword: 's3cret:pw' };
const BASIC = `Basic ${Buffer.from('trader@example.com:s3cret:pw').toString('base64')}`;
const ZONE = 'America/New_York';

const sample = (file: string): Uint8Array =>
  new Uint8Array(readFileSync(`${SAMPLE_FIXTURES}isone/${file}`));
const shared = (file: string): Uint8Array => readSharedFixture(`iso/isone/${file}`);

/** What the loopback ISO-NE answers: recorded responses and hand-written samples at the operator's paths. */
const ROUTES: Readonly<Record<string, () => Uint8Array | string>> = {
  '/hourlylmp/da/final/day/20251102': () => sample('hourlylmp_da_final_day_20251102.json'),
  '/hourlylmp/rt/final/day/20250309': () => '{"HourlyLmps":""}',
  '/hourlylmp/rt/prelim/day/20250309': () => sample('hourlylmp_rt_prelim_day_20250309.json'),
  '/fiveminutelmp/prelim/day/20251102/starthour/01': () =>
    sample('fiveminutelmp_prelim_day_20251102_starthour_01.json'),
  '/hourlysysload/day/20241103': () => shared('webservices_hourlysysload_day_20241103.json'),
  '/genfuelmix/day/20241103': () => shared('webservices_genfuelmix_day_20241103.json'),
  '/hourlyloadforecast/all/day/20241102': () =>
    shared('webservices_hourlyloadforecast_all_day_20241102.json'),
  '/hourlyloadforecast/all/day/20241103': () =>
    shared('webservices_hourlyloadforecast_all_day_20241103.json'),
  '/hourlysysload/day/20241105': () => '',
};

let handler: FixtureHandler;
const server = await startFixtureServer((request) => handler(request));
const answerRoutes: FixtureHandler = (request) => {
  const route = ROUTES[new URL(request.url, 'http://x').pathname.replace(/^\/api\/v1\.1/, '')];
  return route ? { body: route() } : { status: 404, body: 'Not Found' };
};
const context = testFeedContext(CREDENTIALS);
const feed = createIsoneFeed(context, { baseUrl: `${server.baseUrl}/api/v1.1/`, minIntervalMs: 1 });

beforeAll(() => {
  handler = answerRoutes;
});
afterEach(() => {
  server.requests.length = 0;
  handler = answerRoutes;
});
afterAll(async () => {
  await server.close();
  await context.csv.close();
});

const day = (date: string): TimeRange => {
  const { startMs, endMs } = localDayBounds(ZONE, date);
  return { fromMs: startMs, toMs: endMs };
};
const paths = (requests: readonly RecordedRequest[]): string[] => requests.map((r) => r.url);
const rowCount = (data: FeedData): number =>
  data.kind === 'prices' ? data.prices.length : data.series.length;

describe('ISO-NE feed', () => {
  it('describes the ISONE market, its runs and the hub and zone master', async () => {
    expect(feed.market).toMatchObject({
      id: 'ISONE',
      timezone: ZONE,
      currency: 'USD',
      synthetic: false,
      runs: [
        { id: 'DA', intervalMinutes: 60 },
        { id: 'RT5', intervalMinutes: 5 },
        { id: 'RT60', intervalMinutes: 60 },
      ],
    });
    const master = await feed.instruments();
    expect(master.filter((i) => i.product === 'lmp').map((i) => [i.id, i.kind])).toEqual([
      ['ISONE..H.INTERNAL_HUB', 'hub'],
      ['ISONE..Z.MAINE', 'zone'],
      ['ISONE..Z.NEWHAMPSHIRE', 'zone'],
      ['ISONE..Z.VERMONT', 'zone'],
      ['ISONE..Z.CONNECTICUT', 'zone'],
      ['ISONE..Z.RHODEISLAND', 'zone'],
      ['ISONE..Z.SEMASS', 'zone'],
      ['ISONE..Z.WCMASS', 'zone'],
      ['ISONE..Z.NEMASSBOST', 'zone'],
    ]);
    expect(master.find((i) => i.code === '.Z.SEMASS')?.aliases).toEqual([
      { source: 'isone', code: '.Z.SEMASS', validFromMs: null, validToMs: null },
    ]);
    expect(master.filter((i) => i.kind === 'system').map((i) => i.id)).toEqual([
      'ISONE.SYSTEM_LOAD',
      'ISONE.SYSTEM_GEN',
    ]);
  });

  it('fetches day-ahead LMPs of the fall-back day with Basic log-in and JSON accepted (hand-written sample)', async () => {
    const data = await feed.fetch('lmp.da', day('2025-11-02'));
    expect(paths(server.requests)).toEqual(['/api/v1.1/hourlylmp/da/final/day/20251102']);
    expect(server.requests[0]?.headers.authorization).toBe(BASIC);
    expect(server.requests[0]?.headers.accept).toBe('application/json');
    expect(rowCount(data)).toBe(29);
    expect(data.instruments?.map((i) => i.code)).toContain('.I.ROSETON 345 1');
  });

  it('falls back to preliminary real-time prices while final ones are not out, keeping finished hours only (hand-written sample)', async () => {
    const whole = await feed.fetch('lmp.rt60', day('2025-03-09'));
    expect(paths(server.requests)).toEqual([
      '/api/v1.1/hourlylmp/rt/final/day/20250309',
      '/api/v1.1/hourlylmp/rt/prelim/day/20250309',
    ]);
    expect(rowCount(whole)).toBe(23);
    // Catching up at 03:00 EDT: only the two hours that have finished (00:00 and 01:00 EST).
    const partial = await feed.fetch('lmp.rt60', {
      fromMs: day('2025-03-09').fromMs,
      toMs: Date.parse('2025-03-09T07:00:00Z'),
    });
    expect(partial.kind === 'prices' && [...partial.prices.intervalStartMs].map(toIsoUtc)).toEqual([
      '2025-03-09T05:00:00.000Z',
      '2025-03-09T06:00:00.000Z',
    ]);
  });

  it('asks 5-minute prices by local start hour: 23 on the spring day, the repeated 01 once on the fall day', async () => {
    handler = () => ({ status: 404 });
    const spring = await feed.fetch('lmp.rt5', day('2025-03-09'));
    expect(rowCount(spring)).toBe(0);
    const hours = paths(server.requests)
      .filter((p) => p.includes('/final/'))
      .map((p) => p.slice(-2));
    expect(hours).toEqual([
      '00',
      '01',
      ...Array.from({ length: 21 }, (_, i) => String(i + 3).padStart(2, '0')),
    ]);
    expect(server.requests).toHaveLength(46);

    server.requests.length = 0;
    handler = answerRoutes;
    // Both 01:00 hours of 2025-11-02 (05:00Z–07:00Z): one final request (404), one prelim with 24 intervals.
    const fall = await feed.fetch('lmp.rt5', {
      fromMs: Date.parse('2025-11-02T05:00:00Z'),
      toMs: Date.parse('2025-11-02T07:00:00Z'),
    });
    expect(paths(server.requests)).toEqual([
      '/api/v1.1/fiveminutelmp/final/day/20251102/starthour/01',
      '/api/v1.1/fiveminutelmp/prelim/day/20251102/starthour/01',
    ]);
    expect(rowCount(fall)).toBe(24);
  });

  it('fetches 25 hours of system load and generation mix on the fall-back day', async () => {
    const load = await feed.fetch('load', day('2024-11-03'));
    const mix = await feed.fetch('genmix', day('2024-11-03'));
    expect(paths(server.requests)).toEqual([
      '/api/v1.1/hourlysysload/day/20241103',
      '/api/v1.1/genfuelmix/day/20241103',
    ]);
    expect(rowCount(load)).toBe(25);
    // 7 fuels ran that day × 25 hours
    expect(rowCount(mix)).toBe(7 * 25);
  });

  it('fetches forecasts of the window, and of the next day too when catching up to now', async () => {
    expect(rowCount(await feed.fetch('load.forecast', day('2024-11-02')))).toBe(216);
    expect(paths(server.requests)).toEqual(['/api/v1.1/hourlyloadforecast/all/day/20241102']);
    server.requests.length = 0;
    const frontier = await feed.fetch('load.forecast', {
      fromMs: day('2024-11-02').fromMs,
      toMs: Date.parse('2024-11-02T16:00:00Z'),
    });
    expect(paths(server.requests)).toEqual([
      '/api/v1.1/hourlyloadforecast/all/day/20241102',
      '/api/v1.1/hourlyloadforecast/all/day/20241103',
    ]);
    expect(rowCount(frontier)).toBe(216 + 175);
  });

  it('gives empty data for a day not yet published (404 or an empty body)', async () => {
    expect(rowCount(await feed.fetch('lmp.da', day('2030-01-02')))).toBe(0);
    expect(rowCount(await feed.fetch('load', day('2024-11-05')))).toBe(0);
  });

  it('retries a 5xx answer and then succeeds', async () => {
    let calls = 0;
    handler = (request) => (++calls === 1 ? { status: 503 } : answerRoutes(request));
    const data = await feed.fetch('load', day('2024-11-03'));
    expect(server.requests).toHaveLength(2);
    expect(rowCount(data)).toBe(25);
  });

  it('names both settings when a credential is missing, before asking anything', async () => {
    for (const credentials of [{}, { isoneUsername: 'trader@example.com' }]) {
      const context = testFeedContext(credentials);
      const unconfigured = createIsoneFeed(context, { baseUrl: server.baseUrl });
      await expect(unconfigured.fetch('lmp.da', day('2025-11-02'))).rejects.toThrow(
        /ISO-NE lmp\.da \(web services, HTTP Basic log-in from CARBON_ISONE_USERNAME and CARBON_ISONE_PASSWORD\) needs CARBON_ISONE_(USERNAME|PASSWORD)/,
      );
      await context.csv.close();
    }
    expect(server.requests).toHaveLength(0);
  });

  it('says which settings to check when ISO-NE refuses the log-in', async () => {
    handler = () => ({ status: 401 });
    await expect(feed.fetch('genmix', day('2024-11-03'))).rejects.toThrow(
      /answered HTTP 401 .* Check CARBON_ISONE_USERNAME and CARBON_ISONE_PASSWORD/,
    );
  });

  it('parses saved responses with the same parsers, plain or zipped', async () => {
    const single = await feed.parseDocument!(
      'genmix',
      sharedDocument('iso/isone/webservices_genfuelmix_day_20241102.json'),
    );
    expect(rowCount(single)).toBe(9 * 24);
    const zipped = zipSync({
      'webservices_hourlysysload_day_20241102.json': shared(
        'webservices_hourlysysload_day_20241102.json',
      ),
      'webservices_hourlysysload_day_20241103.json': shared(
        'webservices_hourlysysload_day_20241103.json',
      ),
    });
    const both = await feed.parseDocument!('load', {
      name: 'hourlysysload_2024-11.zip',
      bytes: zipped,
      origin: 'test',
    });
    expect(rowCount(both)).toBe(24 + 25);
    const smd = await feed.parseDocument!(
      'smd.hourly',
      sharedDocument('iso/isone/smd_hourly_2025_CT_sheet_sample.csv'),
    );
    expect(rowCount(smd)).toBe(144);
    const da = await feed.parseDocument!(
      'lmp.da',
      sampleDocument('isone/hourlylmp_da_final_day_20251102.json'),
    );
    expect(rowCount(da)).toBe(29);
  });

  it('recognises each dataset from the names of saved files', () => {
    const datasetsFor = (name: string): string[] =>
      feed.datasets.filter((d) => d.files?.test(name)).map((d) => d.id);
    expect(datasetsFor('webservices_genfuelmix_day_20241102.json')).toEqual(['genmix']);
    expect(datasetsFor('webservices_hourlysysload_day_20241103.json')).toEqual(['load']);
    expect(datasetsFor('webservices_hourlyloadforecast_all_day_20241103.json')).toEqual([
      'load.forecast',
    ]);
    expect(datasetsFor('hourlylmp_da_final_day_20251102.json')).toEqual(['lmp.da']);
    expect(datasetsFor('hourlylmp_rt_prelim_day_20250309.json')).toEqual(['lmp.rt60']);
    expect(datasetsFor('fiveminutelmp_prelim_day_20251102_starthour_01.json')).toEqual(['lmp.rt5']);
    // One SMD sheet feeds both: `ingest --file` loads its prices and its zone load.
    expect(datasetsFor('smd_hourly_2025_CT_sheet_sample.csv')).toEqual(['smd.hourly', 'smd.load']);
    expect(feed.datasets.filter((d) => d.id.startsWith('smd.')).map((d) => d.schedule)).toEqual([
      undefined,
      undefined,
    ]);
  });

  it('tells how far each dataset is published, with room for posting delays', () => {
    const at = (iso: string): number => Date.parse(iso);
    // 13:59 EDT: tomorrow's day-ahead prices are not posted yet; at 14:00 they are.
    expect(toIsoUtc(feed.publishedUntil('lmp.da', at('2025-07-01T17:59:00Z')))).toBe(
      '2025-07-02T04:00:00.000Z',
    );
    expect(toIsoUtc(feed.publishedUntil('lmp.da', at('2025-07-01T18:00:00Z')))).toBe(
      '2025-07-03T04:00:00.000Z',
    );
    expect(toIsoUtc(feed.publishedUntil('lmp.rt5', at('2025-07-01T18:13:00Z')))).toBe(
      '2025-07-01T18:00:00.000Z',
    );
    expect(toIsoUtc(feed.publishedUntil('lmp.rt60', at('2025-07-01T18:13:00Z')))).toBe(
      '2025-07-01T17:00:00.000Z',
    );
    expect(toIsoUtc(feed.publishedUntil('load.forecast', at('2025-07-01T18:13:00Z')))).toBe(
      '2025-07-01T18:00:00.000Z',
    );
    expect(feed.publishedUntil('smd.hourly', at('2025-07-01T18:13:00Z'))).toBe(0);
    expect(() => feed.publishedUntil('prices.da', 0)).toThrow('Unknown ISONE dataset "prices.da"');
  });

  it('refuses to fetch the file-only SMD datasets', async () => {
    await expect(feed.fetch('smd.hourly', day('2025-03-09'))).rejects.toThrow('ingest --file');
  });
});
