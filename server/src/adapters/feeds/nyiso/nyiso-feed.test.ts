import { unzipSync, zipSync } from 'fflate';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { validatePriceBatch } from '../../../domain/prices/price-batch.js';
import { validateSeriesBatch } from '../../../domain/series/series-batch.js';
import { localDayBounds } from '../../../domain/time/zoned.js';
import { AppError } from '../../../platform/errors.js';
import type { FeedData, MarketFeed } from '../../../ports/market-feed.js';
import { testFeedContext } from '../../../../test/support/feed-context.js';
import {
  startFixtureServer,
  type RecordedRequest,
} from '../../../../test/support/fixture-server.js';
import { readSharedFixture, sharedDocument } from '../../../../test/support/fixtures.js';
import { createNyisoFeed } from './nyiso-feed.js';

const ZONE = 'America/New_York';
const context = testFeedContext();

/** What the loopback server answers per path; anything else is a 404, as NYISO answers for a missing file. */
type Answer = { status?: number; body?: Uint8Array | string };
let answers = new Map<string, Answer | Answer[]>();
let server: Awaited<ReturnType<typeof startFixtureServer>>;

const recorded = (file: string): Answer => ({ body: readSharedFixture(`iso/nyiso/${file}`) });

beforeAll(async () => {
  server = await startFixtureServer((request: RecordedRequest) => {
    const answer = answers.get(request.url);
    if (Array.isArray(answer)) {
      return answer.shift() ?? { status: 404 };
    }
    return answer ?? { status: 404, body: 'Not Found' };
  });
});
afterEach(() => {
  answers = new Map();
  server.requests.length = 0;
});
afterAll(async () => {
  await server.close();
  await context.csv.close();
});

const feedAt = (nowIso: string): MarketFeed =>
  createNyisoFeed(context, { baseUrl: server.baseUrl, now: () => Date.parse(nowIso) });

const day = (date: string): { fromMs: number; toMs: number } => {
  const { startMs, endMs } = localDayBounds(ZONE, date);
  return { fromMs: startMs, toMs: endMs };
};

const lengthOf = (data: FeedData): number => {
  if (data.kind === 'prices') {
    expect(validatePriceBatch(data.prices)).toEqual([]);
    return data.prices.length;
  }
  expect(validateSeriesBatch(data.series)).toEqual([]);
  return data.series.length;
};

const distinctStarts = (data: FeedData): number => {
  const batch = data.kind === 'prices' ? data.prices : data.series;
  return new Set(batch.intervalStartMs).size;
};

const paths = (): string[] => server.requests.map((r) => r.url);

describe('NYISO feed: fetching from MIS', () => {
  it('fetches the fall-back day as one daily file and returns its 25 hours', async () => {
    answers.set(
      '/public/csv/damlbmp/20251102damlbmp_zone.csv',
      recorded('20251102damlbmp_zone_sample.csv'),
    );
    const feed = feedAt('2025-11-02T15:00:00Z');
    const window = day('2025-11-02');
    expect(window.toMs - window.fromMs).toBe(25 * 3_600_000);
    const data = await feed.fetch('lmp.da', window);
    expect(paths()).toEqual(['/public/csv/damlbmp/20251102damlbmp_zone.csv']);
    expect(server.requests[0]?.method).toBe('GET');
    expect(server.requests[0]?.headers['user-agent']).toBe('254carbon-test');
    // Keyless: no credential of any kind goes to NYISO.
    expect(
      Object.keys(server.requests[0]?.headers ?? {}).filter((h) => /auth|key|token/i.test(h)),
    ).toEqual([]);
    expect(lengthOf(data)).toBe(75);
    expect(distinctStarts(data)).toBe(25);
    expect(data.instruments?.map((i) => i.id)).toEqual(['NYISO.N.Y.C.', 'NYISO.PJM', 'NYISO.WEST']);
  });

  it('fetches the spring-forward day and returns its 23 hours', async () => {
    answers.set(
      '/public/csv/damlbmp/20250309damlbmp_zone.csv',
      recorded('20250309damlbmp_zone_sample.csv'),
    );
    const data = await feedAt('2025-03-12T15:00:00Z').fetch('lmp.da', day('2025-03-09'));
    expect(paths()).toEqual(['/public/csv/damlbmp/20250309damlbmp_zone.csv']);
    expect(lengthOf(data)).toBe(69);
    expect(distinctStarts(data)).toBe(23);
  });

  it('reads older days from the monthly archive, downloading it once for the whole run', async () => {
    answers.set(
      '/public/csv/rtfuelmix/20250201rtfuelmix_csv.zip',
      recorded('20250201rtfuelmix_csv.zip'),
    );
    const feed = feedAt('2025-06-01T12:00:00Z');
    const first = await feed.fetch('genmix', day('2025-02-01'));
    const tenth = await feed.fetch('genmix', day('2025-02-10'));
    expect(paths()).toEqual(['/public/csv/rtfuelmix/20250201rtfuelmix_csv.zip']);
    // 20250201rtfuelmix.csv: 288 five-minute stamps × 6 fuels; 20250210: 287 (NYISO skipped 15:10:00).
    expect(lengthOf(first)).toBe(288 * 6);
    expect(lengthOf(tenth)).toBe(287 * 6);
    const starts = first.kind === 'series' ? first.series.intervalStartMs : new Float64Array();
    expect(Math.min(...starts)).toBe(day('2025-02-01').fromMs);
    expect(Math.max(...starts)).toBe(day('2025-02-01').toMs - 5 * 60_000);
    expect(first.instruments?.map((i) => i.id)).toEqual(['NYISO.SYSTEM_GEN']);
  });

  it('falls back to the archive when a recent daily file has already gone', async () => {
    answers.set(
      '/public/csv/rtfuelmix/20250201rtfuelmix_csv.zip',
      recorded('20250201rtfuelmix_csv.zip'),
    );
    const data = await feedAt('2025-02-06T17:00:00Z').fetch('genmix', day('2025-02-03'));
    expect(paths()).toEqual([
      '/public/csv/rtfuelmix/20250203rtfuelmix.csv',
      '/public/csv/rtfuelmix/20250201rtfuelmix_csv.zip',
    ]);
    expect(lengthOf(data)).toBe(287 * 6);
  });

  it('gives empty data for a file not yet published, without looking in the archive', async () => {
    const data = await feedAt('2025-11-02T15:00:00Z').fetch('lmp.da', day('2025-11-03'));
    expect(paths()).toEqual(['/public/csv/damlbmp/20251103damlbmp_zone.csv']);
    expect(data.kind).toBe('prices');
    expect(lengthOf(data)).toBe(0);
  });

  it('gives empty data for an empty body', async () => {
    answers.set('/public/csv/pal/20171122pal.csv', { body: '' });
    const data = await feedAt('2017-11-22T18:00:00Z').fetch('load', day('2017-11-22'));
    expect(lengthOf(data)).toBe(0);
  });

  it('gives empty data when neither the archive nor a daily file has the day', async () => {
    const data = await feedAt('2025-06-01T12:00:00Z').fetch('lmp.rt5', day('2025-01-15'));
    expect(paths()).toEqual([
      '/public/csv/realtime/20250101realtime_zone_csv.zip',
      '/public/csv/realtime/20250115realtime_zone.csv',
    ]);
    expect(lengthOf(data)).toBe(0);
  });

  it('retries a 5xx answer and then reads the file', async () => {
    answers.set('/public/csv/pal/20171122pal.csv', [
      { status: 503, body: 'busy' },
      recorded('20171122pal.csv'),
    ]);
    const data = await feedAt('2017-11-23T12:00:00Z').fetch('load', day('2017-11-22'));
    expect(paths()).toEqual(['/public/csv/pal/20171122pal.csv', '/public/csv/pal/20171122pal.csv']);
    expect(lengthOf(data)).toBe(12 * 288);
  });

  it('fails with upstream_unavailable when NYISO keeps failing', async () => {
    answers.set('/public/csv/isolf/20171122isolf.csv', [
      { status: 500 },
      { status: 502 },
      { status: 503 },
    ]);
    const error = await feedAt('2017-11-22T12:00:00Z')
      .fetch('load.forecast', day('2017-11-22'))
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('upstream_unavailable');
    expect((error as AppError).message).toMatch(
      /^NYISO MIS could not be reached for http:\/\/127\.0\.0\.1:\d+\/public\/csv\/isolf\/20171122isolf\.csv after 3 attempts/,
    );
  });

  it('fetches every local day a window touches', async () => {
    answers.set('/public/csv/isolf/20171122isolf.csv', recorded('20171122isolf.csv'));
    const window = {
      fromMs: day('2017-11-21').fromMs + 12 * 3_600_000,
      toMs: day('2017-11-22').toMs,
    };
    const data = await feedAt('2017-11-22T12:00:00Z').fetch('load.forecast', window);
    expect(paths()).toEqual([
      '/public/csv/isolf/20171121isolf.csv',
      '/public/csv/isolf/20171122isolf.csv',
    ]);
    expect(lengthOf(data)).toBe(144 * 12);
  });

  it('reports a broken upstream file as invalid_source_data naming file, line and field', async () => {
    const text = new TextDecoder().decode(readSharedFixture('iso/nyiso/20171122rtfuelmix.csv'));
    answers.set('/public/csv/rtfuelmix/20171122rtfuelmix.csv', {
      body: text.replace(
        '11/22/2017 00:05:00,EST,Nuclear,5413.0',
        '11/22/2017 00:05:00,EST,Nuclear,5413.O',
      ),
    });
    const error = await feedAt('2017-11-22T12:00:00Z')
      .fetch('genmix', day('2017-11-22'))
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect((error as AppError).code).toBe('invalid_source_data');
    expect((error as AppError).message).toBe(
      '20171122rtfuelmix.csv, line 4, Gen MW: "5413.O" is not a number',
    );
  });

  it('refuses an unknown dataset and an open window', async () => {
    const feed = feedAt('2025-11-02T15:00:00Z');
    await expect(feed.fetch('lmp.rt15', day('2025-11-02'))).rejects.toMatchObject({
      code: 'invalid_request',
      message: expect.stringContaining('Unknown NYISO dataset "lmp.rt15"'),
    });
    await expect(
      feed.fetch('lmp.da', { fromMs: 0, toMs: Number.POSITIVE_INFINITY }),
    ).rejects.toMatchObject({ code: 'invalid_request' });
  });
});

describe('NYISO feed: saved files (ingest --file)', () => {
  const feed = (): MarketFeed => feedAt('2025-11-02T15:00:00Z');

  it('parses a daily CSV and a monthly archive with the same parser as fetch', async () => {
    const daily = await feed().parseDocument!(
      'lmp.rt60',
      sharedDocument('iso/nyiso/20251102rtlbmp_zone_sample.csv'),
    );
    expect(lengthOf(daily)).toBe(75);
    // The first two daily members of the recorded February 2025 archive, re-zipped to keep the test quick
    // (the whole archive is read in nyiso-fuel-mix.test.ts).
    const members = unzipSync(readSharedFixture('iso/nyiso/20250201rtfuelmix_csv.zip'), {
      filter: (file) => ['20250201rtfuelmix.csv', '20250202rtfuelmix.csv'].includes(file.name),
    });
    const archive = await feed().parseDocument!('genmix', {
      name: '20250201rtfuelmix_csv.zip',
      bytes: zipSync(members),
      origin: 'test',
    });
    expect(lengthOf(archive)).toBe(2 * 288 * 6);
  });

  it('recognises each recorded file by name as exactly one dataset', () => {
    const datasetsFor = (name: string): string[] =>
      feed()
        .datasets.filter((d) => d.files?.test(name))
        .map((d) => d.id);
    expect(
      Object.fromEntries(
        [
          '20251102damlbmp_zone_sample.csv',
          '20251102damlbmp_zone.csv',
          '20251101damlbmp_zone_csv.zip',
          '20251102damlbmp_gen.csv',
          '20251102rtlbmp_zone_sample.csv',
          '20251102rtlbmp_gen.csv',
          'realtime_zone_lbmp_latest_20160218.csv',
          '20251102realtime_zone.csv',
          '20251102realtime_gen.csv',
          '20171122pal.csv',
          '20171101pal_csv.zip',
          '20171122isolf.csv',
          '20171122rtfuelmix.csv',
          '20250201rtfuelmix_csv.zip',
        ].map((name) => [name, datasetsFor(name)]),
      ),
    ).toEqual({
      '20251102damlbmp_zone_sample.csv': ['lmp.da'],
      '20251102damlbmp_zone.csv': ['lmp.da'],
      '20251101damlbmp_zone_csv.zip': ['lmp.da'],
      '20251102damlbmp_gen.csv': ['lmp.da.gen'],
      '20251102rtlbmp_zone_sample.csv': ['lmp.rt60'],
      '20251102rtlbmp_gen.csv': ['lmp.rt60.gen'],
      'realtime_zone_lbmp_latest_20160218.csv': ['lmp.rt5'],
      '20251102realtime_zone.csv': ['lmp.rt5'],
      '20251102realtime_gen.csv': ['lmp.rt5.gen'],
      '20171122pal.csv': ['load'],
      '20171101pal_csv.zip': ['load'],
      '20171122isolf.csv': ['load.forecast'],
      '20171122rtfuelmix.csv': ['genmix'],
      '20250201rtfuelmix_csv.zip': ['genmix'],
    });
    expect(datasetsFor('20171122palIntegrated.csv')).toEqual([]);
  });
});

describe('NYISO feed: market, instruments and schedule', () => {
  const feed = (): MarketFeed => feedAt('2025-11-02T15:00:00Z');

  it('describes the market and the instruments known up front', async () => {
    expect(feed().id).toBe('nyiso');
    expect(feed().market).toMatchObject({
      id: 'NYISO',
      timezone: ZONE,
      currency: 'USD',
      synthetic: false,
    });
    expect(feed().market.runs.map((r) => [r.id, r.intervalMinutes])).toEqual([
      ['DA', 60],
      ['RT5', 5],
      ['RT60', 60],
    ]);
    const instruments = await feed().instruments();
    expect(new Set(instruments.map((i) => i.id)).size).toBe(instruments.length);
    const summary = (kind: string, product: string): string[] =>
      instruments.filter((i) => i.kind === kind && i.product === product).map((i) => i.code);
    expect(summary('zone', 'lmp')).toHaveLength(11);
    expect(summary('node', 'lmp')).toEqual(['H Q', 'NPX', 'O H', 'PJM']);
    expect(summary('zone', 'load')).toContain('LOAD.N.Y.C.');
    expect(summary('system', 'load')).toEqual(['SYSTEM_LOAD']);
    expect(summary('system', 'gen_mix')).toEqual(['SYSTEM_GEN']);
  });

  it('lists its datasets with runs and schedules in New York time', () => {
    expect(feed().datasets.map((d) => [d.id, d.kind, d.run ?? null, d.schedule?.cron])).toEqual([
      ['lmp.da', 'prices', 'DA', '0 15 11 * * *'],
      ['lmp.da.gen', 'prices', 'DA', '0 15 11 * * *'],
      ['lmp.rt5', 'prices', 'RT5', '30 2-59/5 * * * *'],
      ['lmp.rt5.gen', 'prices', 'RT5', '30 2-59/5 * * * *'],
      ['lmp.rt60', 'prices', 'RT60', '0 10 * * * *'],
      ['lmp.rt60.gen', 'prices', 'RT60', '0 10 * * * *'],
      ['load', 'series', null, '45 2-59/5 * * * *'],
      ['load.forecast', 'series', null, '0 30 6 * * *'],
      ['genmix', 'series', null, '50 2-59/5 * * * *'],
    ]);
    expect(new Set(feed().datasets.map((d) => d.schedule?.timezone))).toEqual(new Set([ZONE]));
  });

  it('says how far each dataset is published', () => {
    const until = (id: string, nowIso: string): string =>
      new Date(feed().publishedUntil(id, Date.parse(nowIso))).toISOString();
    // 10:59 EST: today's day-ahead only; 11:00: tomorrow's too.
    expect(until('lmp.da', '2025-11-03T15:59:00Z')).toBe('2025-11-04T05:00:00.000Z');
    expect(until('lmp.da', '2025-11-03T16:00:00Z')).toBe('2025-11-05T05:00:00.000Z');
    // the day before the fall-back day: tomorrow ends 25 hours after it starts
    expect(until('lmp.da.gen', '2025-11-01T16:00:00Z')).toBe('2025-11-03T05:00:00.000Z');
    expect(until('lmp.rt5', '2025-11-03T16:07:30Z')).toBe('2025-11-03T16:05:00.000Z');
    expect(until('lmp.rt5', '2025-11-03T16:06:59Z')).toBe('2025-11-03T16:00:00.000Z');
    expect(until('lmp.rt60', '2025-11-03T16:09:00Z')).toBe('2025-11-03T15:00:00.000Z');
    expect(until('lmp.rt60', '2025-11-03T16:10:00Z')).toBe('2025-11-03T16:00:00.000Z');
    expect(until('load', '2025-11-03T16:07:30Z')).toBe('2025-11-03T16:05:00.000Z');
    expect(until('genmix', '2025-11-03T16:07:30Z')).toBe('2025-11-03T16:05:00.000Z');
    // forecast windows are file dates: today's file counts once it is assumed posted (06:00)
    expect(until('load.forecast', '2025-11-03T10:59:00Z')).toBe('2025-11-03T05:00:00.000Z');
    expect(until('load.forecast', '2025-11-03T11:00:00Z')).toBe('2025-11-04T05:00:00.000Z');
  });
});
