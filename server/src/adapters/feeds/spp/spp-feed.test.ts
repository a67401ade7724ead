import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { priceObservationAt, type PriceBatch } from '../../../domain/prices/price-batch.js';
import { toIsoUtc, type TimeRange } from '../../../domain/time/interval.js';
import { localDayBounds } from '../../../domain/time/zoned.js';
import { AppError } from '../../../platform/errors.js';
import type { FeedData } from '../../../ports/market-feed.js';
import { testFeedContext } from '../../../../test/support/feed-context.js';
import {
  startFixtureServer,
  type FixtureHandler,
  type RecordedRequest,
} from '../../../../test/support/fixture-server.js';
import {
  readSharedFixture,
  sampleDocument,
  sharedDocument,
} from '../../../../test/support/fixtures.js';
import { createSppFeed } from './spp-feed.js';

const ZONE = 'America/Chicago';
const context = testFeedContext();
afterAll(() => context.csv.close());

let server: Awaited<ReturnType<typeof startFixtureServer>> | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const DOWNLOAD = '/file-browser-api/download';
const RECORDED: Readonly<Record<string, Uint8Array>> = {
  [`${DOWNLOAD}/da-lmp-by-settlement-location?path=/2025/03/By_Day/DA-LMP-SL-202503190100.csv`]:
    readSharedFixture('iso/spp/DA-LMP-SL-202503190100_subset.csv'),
  [`${DOWNLOAD}/rtbm-lmp-by-location?path=/2025/03/By_Interval/31/RTBM-LMP-SL-202503310840.csv`]:
    readSharedFixture('iso/spp/RTBM-LMP-SL-202503310840.csv'),
  [`${DOWNLOAD}/rtbm-lmp-by-location?path=/2025/03/By_Interval/31/RTBM-LMP-SL-202503310845.csv`]:
    readSharedFixture('iso/spp/RTBM-LMP-SL-202503310845_empty.csv'),
  [`${DOWNLOAD}/da-lmp-by-settlement-location?path=/2025/11/By_Day/DA-LMP-SL-202511020100.csv`]:
    sampleDocument('spp/DA-LMP-SL-202511020100_handwritten.csv').bytes,
  [`${DOWNLOAD}/rtbm-lmp-by-location?path=/2025/11/By_Day/RTBM-LMP-DAILY-SL-20251102.csv`]:
    sampleDocument('spp/RTBM-LMP-DAILY-SL-20251102_handwritten.csv').bytes,
};

/** Serves the recorded files at SPP's paths and 404 ("not published yet") for everything else. */
const serveRecorded: FixtureHandler = (request) => {
  const body = RECORDED[request.url];
  return body === undefined ? { status: 404, body: 'Not Found' } : { body };
};

const start = async (
  handler: FixtureHandler = serveRecorded,
): Promise<{ feed: ReturnType<typeof createSppFeed>; requests: RecordedRequest[] }> => {
  server = await startFixtureServer(handler);
  return {
    feed: createSppFeed(context, { baseUrl: server.baseUrl, minIntervalMs: 0 }),
    requests: server.requests,
  };
};

const day = (date: string): TimeRange => {
  const bounds = localDayBounds(ZONE, date);
  return { fromMs: bounds.startMs, toMs: bounds.endMs };
};

const pricesOf = (data: FeedData): PriceBatch => {
  if (data.kind !== 'prices') {
    throw new Error('expected prices');
  }
  return data.prices;
};

const fileOf = (request: RecordedRequest): string =>
  request.url.slice(request.url.lastIndexOf('/') + 1);

describe('SPP feed: market and datasets', () => {
  const feed = createSppFeed(context);

  it('describes SPP in Central time with DA hourly and RTBM 5-minute runs, keyless', async () => {
    expect(feed.id).toBe('spp');
    expect(feed.market).toMatchObject({
      id: 'SPP',
      timezone: ZONE,
      currency: 'USD',
      synthetic: false,
    });
    expect(feed.market.runs.map((r) => [r.id, r.intervalMinutes])).toEqual([
      ['DA', 60],
      ['RT5', 5],
    ]);
    expect(feed.datasets.map((d) => [d.id, d.kind, d.run, d.schedule?.cron])).toEqual([
      ['lmp.da', 'prices', 'DA', '0 30 14 * * *'],
      ['lmp.rt5', 'prices', 'RT5', '0 3-58/5 * * * *'],
    ]);
    expect(feed.datasets.every((d) => d.schedule?.timezone === ZONE)).toBe(true);
    expect((await feed.instruments()).map((i) => [i.id, i.kind, i.product, i.name])).toEqual([
      ['SPP.SPPNORTH_HUB', 'hub', 'lmp', 'SPP North Hub'],
      ['SPP.SPPSOUTH_HUB', 'hub', 'lmp', 'SPP South Hub'],
    ]);
  });

  it('recognises SPP file names for ingest --file', () => {
    const datasetFor = (name: string): string[] =>
      feed.datasets.filter((d) => d.files?.test(name)).map((d) => d.id);
    expect(datasetFor('DA-LMP-SL-202503190100.csv')).toEqual(['lmp.da']);
    expect(datasetFor('DA-LMP-SL-202503190100_subset.csv')).toEqual(['lmp.da']);
    expect(datasetFor('RTBM-LMP-SL-202503310840.csv')).toEqual(['lmp.rt5']);
    expect(datasetFor('RTBM-LMP-SL-202511020105d.csv')).toEqual(['lmp.rt5']);
    expect(datasetFor('RTBM-LMP-SL-latestInterval.csv')).toEqual(['lmp.rt5']);
    expect(datasetFor('RTBM-LMP-DAILY-SL-20251102.csv')).toEqual(['lmp.rt5']);
    expect(datasetFor('RTBM-LMP-B-202503310840.csv')).toEqual([]);
    expect(datasetFor('20250319_da_expost_lmp.csv')).toEqual([]);
  });

  it('publishes DA for tomorrow from 14:30 Central and RTBM up to the interval that ended 3 minutes ago', () => {
    const local = (iso: string): number => Date.parse(iso);
    // 14:29 CDT on 2025-03-19 = 19:29Z: still only today.
    expect(feed.publishedUntil('lmp.da', local('2025-03-19T19:29:00Z'))).toBe(
      day('2025-03-19').toMs,
    );
    expect(feed.publishedUntil('lmp.da', local('2025-03-19T19:30:00Z'))).toBe(
      day('2025-03-20').toMs,
    );
    // Tomorrow is the 25-hour fall-back day.
    expect(feed.publishedUntil('lmp.da', local('2025-11-01T20:00:00Z'))).toBe(
      day('2025-11-02').toMs,
    );
    expect(feed.publishedUntil('lmp.rt5', local('2025-03-31T13:42:59Z'))).toBe(
      local('2025-03-31T13:35:00Z'),
    );
    expect(feed.publishedUntil('lmp.rt5', local('2025-03-31T13:43:00Z'))).toBe(
      local('2025-03-31T13:40:00Z'),
    );
    expect(() => feed.publishedUntil('load', 0)).toThrow(/Unknown SPP dataset "load"/);
  });

  it('parses saved documents with the dataset parser and refuses unknown datasets', async () => {
    const data = await feed.parseDocument!(
      'lmp.rt5',
      sharedDocument('iso/spp/RTBM-LMP-SL-202503310840.csv'),
    );
    expect(pricesOf(data).length).toBe(1234);
    await expect(
      feed.parseDocument!('genmix', sharedDocument('iso/spp/RTBM-LMP-SL-202503310840.csv')),
    ).rejects.toMatchObject({ code: 'invalid_request' });
  });
});

describe('SPP feed: fetching from the portal file browser', () => {
  it('downloads one DA file per market day, keyless, and names the document after the file', async () => {
    const { feed, requests } = await start();
    const data = await feed.fetch('lmp.da', day('2025-03-19'));
    expect(requests.map((r) => r.url)).toEqual([
      `${DOWNLOAD}/da-lmp-by-settlement-location?path=/2025/03/By_Day/DA-LMP-SL-202503190100.csv`,
    ]);
    expect(requests[0]!.method).toBe('GET');
    expect(requests[0]!.headers['user-agent']).toBe('254carbon-test');
    expect(requests[0]!.headers.authorization).toBeUndefined();
    const prices = pricesOf(data);
    expect(prices.length).toBe(75 * 24);
    expect(data.instruments).toHaveLength(75);
  });

  it('fetches the 25-hour DA file of the fall-back day 2025-11-02 with one request (hand-written sample)', async () => {
    const { feed, requests } = await start();
    const prices = pricesOf(await feed.fetch('lmp.da', day('2025-11-02')));
    expect(requests.map(fileOf)).toEqual(['DA-LMP-SL-202511020100.csv']);
    expect(prices.length).toBe(50);
    expect(new Set(prices.intervalStartMs).size).toBe(25);
  });

  it('reads a whole past day from the daily roll-up with one request (hand-written sample, fall-back day)', async () => {
    const { feed, requests } = await start();
    const prices = pricesOf(await feed.fetch('lmp.rt5', day('2025-11-02')));
    expect(requests.map(fileOf)).toEqual(['RTBM-LMP-DAILY-SL-20251102.csv']);
    expect(prices.length).toBe(600);
    expect(new Set(prices.intervalStartMs).size).toBe(300);
  });

  it.each([
    ['fall-back', '2025-11-02', 300, 12],
    ['spring-forward', '2025-03-09', 276, 0],
  ])(
    'walks the 5-minute files of the %s day %s while its roll-up is not published (%i files, %i with a d suffix)',
    async (_kind, date, files, suffixed) => {
      const { feed, requests } = await start(() => ({ status: 404 }));
      const prices = pricesOf(await feed.fetch('lmp.rt5', day(date)));
      expect(prices.length).toBe(0);
      const [rollUp, ...intervals] = requests.map(fileOf);
      expect(rollUp).toBe(`RTBM-LMP-DAILY-SL-${date.replaceAll('-', '')}.csv`);
      expect(intervals).toHaveLength(files);
      expect(new Set(intervals).size).toBe(files);
      expect(intervals.filter((name) => name.endsWith('d.csv'))).toHaveLength(suffixed);
      const folder = `/${date.slice(0, 4)}/${date.slice(5, 7)}/By_Interval/${date.slice(8)}/`;
      expect(requests.slice(1).every((r) => r.url.includes(folder))).toBe(true);
    },
  );

  it('reads a partial day from 5-minute files: a 404 and a zero-byte file are "not yet published"', async () => {
    const { feed, requests } = await start();
    // [13:30, 13:45) UTC = the intervals ending 08:35 (404), 08:40 (recorded) and 08:45 CDT (recorded, empty).
    const data = await feed.fetch('lmp.rt5', {
      fromMs: Date.parse('2025-03-31T13:30:00Z'),
      toMs: Date.parse('2025-03-31T13:45:00Z'),
    });
    expect(requests.map(fileOf)).toEqual([
      'RTBM-LMP-SL-202503310835.csv',
      'RTBM-LMP-SL-202503310840.csv',
      'RTBM-LMP-SL-202503310845.csv',
    ]);
    const prices = pricesOf(data);
    expect(prices.length).toBe(1234);
    expect(data.instruments).toHaveLength(1234);
    const hub = Array.from({ length: prices.length }, (_, i) => priceObservationAt(prices, i)).find(
      (o) => o.instrumentId === 'SPP.SPPSOUTH_HUB',
    );
    // line 797: 03/31/2025 08:40:00,03/31/2025 13:40:00,SPPSOUTH_HUB,SPPSOUTH_H,30.6668,-11.1922,-248.1999,290.0589
    expect(hub).toMatchObject({ lmp: 30.6668, intervalMinutes: 5 });
    expect(toIsoUtc(hub!.intervalStartMs)).toBe('2025-03-31T13:35:00.000Z');
  });

  it('asks for the d-suffixed files across the repeated hour of 2025-11-02', async () => {
    const { feed, requests } = await start(() => ({ status: 404 }));
    await feed.fetch('lmp.rt5', {
      fromMs: Date.parse('2025-11-02T06:50:00Z'),
      toMs: Date.parse('2025-11-02T07:10:00Z'),
    });
    expect(requests.map((r) => r.url)).toEqual(
      ['0155', '0100d', '0105d', '0110d'].map(
        (end) =>
          `${DOWNLOAD}/rtbm-lmp-by-location?path=/2025/11/By_Interval/02/RTBM-LMP-SL-20251102${end}.csv`,
      ),
    );
  });

  it('retries a 5xx answer and then reads the file', async () => {
    let calls = 0;
    const { feed, requests } = await start((request) =>
      ++calls === 1 ? { status: 503, body: 'busy' } : serveRecorded(request),
    );
    const prices = pricesOf(await feed.fetch('lmp.da', day('2025-03-19')));
    expect(requests).toHaveLength(2);
    expect(requests[0]!.url).toBe(requests[1]!.url);
    expect(prices.length).toBe(1800);
  });

  it('fails with upstream_unavailable when the portal keeps failing, and explains a refusal', async () => {
    const failing = await start(() => ({ status: 502 }));
    await expect(failing.feed.fetch('lmp.da', day('2025-03-19'))).rejects.toMatchObject({
      code: 'upstream_unavailable',
      message: expect.stringMatching(
        /^SPP Marketplace portal could not be reached for .* after 3 attempts/,
      ),
    });
    expect(failing.requests).toHaveLength(3);
    await server!.close();
    const refusing = await start(() => ({ status: 403 }));
    await expect(refusing.feed.fetch('lmp.da', day('2025-03-19'))).rejects.toMatchObject({
      code: 'upstream_unavailable',
      message: expect.stringContaining('run the SPP feed from a US network'),
    });
  });

  it('rejects a malformed file with its name, line and field and returns nothing from the window', async () => {
    const { feed } = await start(() => ({
      body: 'Interval,GMTIntervalEnd,Settlement Location,Pnode,LMP,MLC,MCC,MEC\n03/19/2025 01:00:00,03/19/2025 06:00:00,AEC,SOUC,9.6667,0.1410,oops,11.7148\n',
    }));
    const error: unknown = await feed.fetch('lmp.da', day('2025-03-19')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toBe(
      'DA-LMP-SL-202503190100.csv, line 2, MCC: "oops" is not a number',
    );
  });
});
