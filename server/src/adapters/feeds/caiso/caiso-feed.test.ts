import { zipSync } from 'fflate';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { TimeRange } from '../../../domain/time/interval.js';
import { localDayBounds } from '../../../domain/time/zoned.js';
import { AppError } from '../../../platform/errors.js';
import type { FeedData } from '../../../ports/market-feed.js';
import { testFeedContext } from '../../../../test/support/feed-context.js';
import {
  startFixtureServer,
  type FixtureHandler,
  type RecordedRequest,
} from '../../../../test/support/fixture-server.js';
import { sampleDocument, sharedDocument } from '../../../../test/support/fixtures.js';
import type { HttpSourceOptions } from '../kit/http-source.js';
import { createCaisoFeed, type CaisoFeedOptions } from './caiso-feed.js';

const base = testFeedContext({}, { retries: 2 });
const httpOptions: Pick<HttpSourceOptions, 'name' | 'minIntervalMs'>[] = [];
const context = {
  ...base,
  http: (options: Parameters<typeof base.http>[0]) => {
    httpOptions.push({ name: options.name, minIntervalMs: options.minIntervalMs });
    return base.http(options);
  },
};
afterAll(() => base.csv.close());

const ZONE = 'America/Los_Angeles';
const day = (date: string): TimeRange => {
  const { startMs, endMs } = localDayBounds(ZONE, date);
  return { fromMs: startMs, toMs: endMs };
};
const FAR_FUTURE = () => Date.parse('2030-01-01T00:00:00Z');

const zip = (members: Record<string, Uint8Array>): Uint8Array => zipSync(members);
const NO_DATA = zip({
  'INVALID_REQUEST.xml': sampleDocument('caiso/oasis_error_1000_no_data.xml').bytes,
});
const DAM_ZIP = sharedDocument('iso/caiso/oasis_PRC_LMP_DAM_20200101_hubs_dlaps.zip').bytes;

let server: Awaited<ReturnType<typeof startFixtureServer>> | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const feedWith = async (handler: FixtureHandler, options: CaisoFeedOptions = {}) => {
  server = await startFixtureServer(handler);
  const feed = createCaisoFeed(context, {
    baseUrl: server.baseUrl,
    minIntervalMs: 0,
    now: FAR_FUTURE,
    ...options,
  });
  return { feed, requests: server.requests };
};

const query = (request: RecordedRequest): Record<string, string> =>
  Object.fromEntries(new URL(request.url, 'http://x').searchParams);

const zipAnswer = (name: string, bytes: Uint8Array) => ({
  headers: {
    'content-type': 'application/x-zip-compressed',
    'content-disposition': `inline; filename=${name}`,
  },
  body: bytes,
});

const lengthOf = (data: FeedData): number =>
  data.kind === 'prices' ? data.prices.length : data.series.length;

const failureOf = async (work: Promise<unknown>): Promise<AppError> => {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
};

describe('CAISO feed description', () => {
  it('describes the market, its datasets and the instruments known up front', async () => {
    const feed = createCaisoFeed(context);
    expect(feed.id).toBe('caiso');
    expect(feed.market).toMatchObject({
      id: 'CAISO',
      timezone: ZONE,
      currency: 'USD',
      synthetic: false,
    });
    expect(feed.market.runs.map((r) => [r.id, r.intervalMinutes])).toEqual([
      ['DA', 60],
      ['RT15', 15],
      ['RT5', 5],
    ]);
    expect(feed.datasets.map((d) => [d.id, d.kind, d.run, d.schedule?.cron])).toEqual([
      ['lmp.da', 'prices', 'DA', '0 10 13,15 * * *'],
      ['lmp.rt15', 'prices', 'RT15', '30 3,18,33,48 * * * *'],
      ['lmp.rt5', 'prices', 'RT5', '30 1-59/5 * * * *'],
      ['load', 'series', undefined, '20 */5 * * * *'],
      ['load.forecast', 'series', undefined, '0 15 10,16 * * *'],
      ['genmix', 'series', undefined, '40 */5 * * * *'],
      ['genmix.forecast', 'series', undefined, '0 20 10,16 * * *'],
    ]);
    expect(feed.datasets.every((d) => d.schedule?.timezone === ZONE)).toBe(true);
    const filesOf = (id: string) => feed.datasets.find((d) => d.id === id)?.files;
    const fileCases: [string, string][] = [
      ['lmp.da', 'oasis_PRC_LMP_DAM_20200101_hubs_dlaps.zip'],
      ['lmp.da', '20200101_20200101_PRC_LMP_DAM_20200630_22_50_44_v1.csv'],
      ['lmp.rt15', 'PRC_RTPD_LMP_RTPD_20250309_handwritten.csv'],
      ['lmp.rt5', '20251102_20251102_PRC_INTVL_LMP_RTM_20251103_10_00_00_v3.zip'],
      ['load', 'outlook_history_20190310_netdemand.csv'],
      ['load', '20260720_demand.csv'],
      ['genmix', 'outlook_history_20230101_fuelsource.csv'],
      ['load.forecast', 'oasis_SLD_FCST_7DA_20250219_20250227.zip'],
      ['load.forecast', 'oasis_SLD_FCST_RTPD_20140508_resultformat_xml.xml'],
      ['genmix.forecast', 'oasis_SLD_REN_FCST_DAM_20250204_20250211.zip'],
    ];
    for (const [id, file] of fileCases) {
      expect(
        feed.datasets.filter((d) => d.files?.test(file)).map((d) => d.id),
        file,
      ).toEqual([id]);
    }
    expect(filesOf('lmp.da')?.test('PRC_RTPD_LMP_RTPD.csv')).toBe(false);

    const instruments = await feed.instruments();
    expect(instruments.filter((i) => i.kind === 'hub').map((i) => i.id)).toEqual([
      'CAISO.TH_NP15_GEN-APND',
      'CAISO.TH_SP15_GEN-APND',
      'CAISO.TH_ZP26_GEN-APND',
    ]);
    expect(instruments.filter((i) => i.kind === 'zone' && i.product === 'lmp')).toHaveLength(4);
    expect(instruments.find((i) => i.id === 'CAISO.SYSTEM_LOAD')).toMatchObject({
      kind: 'system',
      product: 'load',
    });
    expect(instruments.find((i) => i.id === 'CAISO.SYSTEM_GEN')).toMatchObject({
      kind: 'system',
      product: 'gen_mix',
    });
    expect(new Set(instruments.map((i) => i.id)).size).toBe(instruments.length);
    for (const i of instruments) {
      expect(i.aliases[0]).toMatchObject({ source: 'caiso' });
    }
  });

  it('paces OASIS to one request per 5 s across all datasets', () => {
    httpOptions.length = 0;
    createCaisoFeed(context);
    expect(httpOptions).toEqual([
      { name: 'CAISO OASIS', minIntervalMs: 5000 },
      { name: "CAISO Today's Outlook", minIntervalMs: 1000 },
    ]);
  });

  it('knows when each dataset is published', () => {
    const feed = createCaisoFeed(context);
    // 2025-07-01 12:59 PDT: tomorrow's day-ahead prices are not out yet, the day-ahead forecast is.
    const beforeResults = Date.parse('2025-07-01T19:59:00Z');
    const endOfToday = localDayBounds(ZONE, '2025-07-01').endMs;
    const endOfTomorrow = localDayBounds(ZONE, '2025-07-02').endMs;
    expect(feed.publishedUntil('lmp.da', beforeResults)).toBe(endOfToday);
    expect(feed.publishedUntil('lmp.da', beforeResults + 60_000)).toBe(endOfTomorrow);
    expect(feed.publishedUntil('load.forecast', beforeResults)).toBe(endOfTomorrow);
    expect(feed.publishedUntil('lmp.rt15', Date.parse('2025-07-01T19:59:00Z'))).toBe(
      Date.parse('2025-07-01T19:45:00Z'),
    );
    expect(feed.publishedUntil('lmp.rt5', Date.parse('2025-07-01T19:59:00Z'))).toBe(
      Date.parse('2025-07-01T19:55:00Z'),
    );
    expect(() => feed.publishedUntil('lmp.hasp', 0)).toThrow('Unknown CAISO dataset "lmp.hasp"');
  });

  it('refuses node names OASIS would not know', () => {
    expect(() => createCaisoFeed(context, { nodes: ['TH_SP15_GEN-APND&grp_type=ALL'] })).toThrow(
      AppError,
    );
    expect(() => createCaisoFeed(context, { nodes: [] })).toThrow(AppError);
  });
});

describe('CAISO OASIS fetch (loopback)', () => {
  it('asks for one Pacific trade day of all APNodes in UTC and parses the answer', async () => {
    const { feed, requests } = await feedWith(() =>
      zipAnswer('20200101_20200101_PRC_LMP_DAM_20200630_22_50_44_v1.zip', DAM_ZIP),
    );
    const data = await feed.fetch('lmp.da', day('2020-01-01'));
    expect(requests.map((r) => r.url)).toEqual([
      '/oasisapi/SingleZip?resultformat=6&queryname=PRC_LMP&version=12&market_run_id=DAM' +
        '&grp_type=ALL_APNODES&startdatetime=20200101T08:00-0000&enddatetime=20200102T08:00-0000',
    ]);
    expect(requests[0]?.headers['user-agent']).toBe('254carbon-test');
    expect(data.kind).toBe('prices');
    expect(lengthOf(data)).toBe(168);
    expect(data.instruments).toHaveLength(7);
  });

  it('covers 25 and 23 hours on DST days, and treats "no data" as not published', async () => {
    const { feed, requests } = await feedWith(() => zipAnswer('INVALID_REQUEST.xml.zip', NO_DATA));
    expect(lengthOf(await feed.fetch('lmp.da', day('2025-11-02')))).toBe(0);
    expect(lengthOf(await feed.fetch('lmp.da', day('2025-03-09')))).toBe(0);
    expect(requests.map((r) => [query(r).startdatetime, query(r).enddatetime])).toEqual([
      ['20251102T07:00-0000', '20251103T08:00-0000'],
      ['20250309T08:00-0000', '20250310T07:00-0000'],
    ]);
  });

  it('asks for all-node real-time prices one hour at a time: 25 requests on the fall-back day (hand-written sample)', async () => {
    const sample = sampleDocument('caiso/PRC_INTVL_LMP_RTM_20251102_handwritten.csv').bytes;
    const { feed, requests } = await feedWith((request) =>
      query(request).startdatetime === '20251102T08:00-0000'
        ? zipAnswer('PRC_INTVL_LMP.zip', zip({ 'PRC_INTVL_LMP_RTM_v3.csv': sample }))
        : zipAnswer('INVALID_REQUEST.xml.zip', NO_DATA),
    );
    const data = await feed.fetch('lmp.rt5', day('2025-11-02'));
    expect(requests).toHaveLength(25);
    expect(query(requests[0]!)).toMatchObject({
      queryname: 'PRC_INTVL_LMP',
      version: '3',
      market_run_id: 'RTM',
      grp_type: 'ALL_APNODES',
      startdatetime: '20251102T07:00-0000',
      enddatetime: '20251102T08:00-0000',
    });
    expect(query(requests[24]!)).toMatchObject({
      startdatetime: '20251103T07:00-0000',
      enddatetime: '20251103T08:00-0000',
    });
    expect(data.kind === 'prices' && [data.prices.length, data.prices.runs]).toEqual([4, ['RT5']]);
  });

  it('asks only for what is published: real-time hours up to now, no day-ahead before it clears', async () => {
    const { feed, requests } = await feedWith(() => zipAnswer('INVALID_REQUEST.xml.zip', NO_DATA), {
      // 2025-03-09 03:20 PDT: two local hours and a bit have passed on the spring-forward day.
      now: () => Date.parse('2025-03-09T10:20:00Z'),
    });
    await feed.fetch('lmp.rt15', day('2025-03-09'));
    expect(requests.map((r) => query(r).startdatetime)).toEqual([
      '20250309T08:00-0000',
      '20250309T09:00-0000',
      '20250309T10:00-0000',
    ]);
    expect(lengthOf(await feed.fetch('lmp.da', day('2025-03-10')))).toBe(0);
    expect(requests).toHaveLength(3);
  });

  it('asks for a node list one day at a time for every run', async () => {
    const { feed, requests } = await feedWith(() => zipAnswer('INVALID_REQUEST.xml.zip', NO_DATA), {
      nodes: ['TH_NP15_GEN-APND', 'DLAP_PGAE-APND'],
    });
    await feed.fetch('lmp.rt15', day('2025-03-09'));
    expect(requests.map((r) => r.url)).toEqual([
      '/oasisapi/SingleZip?resultformat=6&queryname=PRC_RTPD_LMP&version=3&market_run_id=RTPD' +
        '&node=TH_NP15_GEN-APND,DLAP_PGAE-APND&startdatetime=20250309T08:00-0000&enddatetime=20250310T07:00-0000',
    ]);
  });

  it('gives empty data for 404 and empty answers, retries a 5xx, and reports OASIS errors', async () => {
    let calls = 0;
    const { feed, requests } = await feedWith(() => {
      calls += 1;
      return calls === 1 ? { status: 404 } : calls === 2 ? { body: '' } : { status: 503 };
    });
    expect(lengthOf(await feed.fetch('lmp.da', day('2020-01-01')))).toBe(0);
    expect(lengthOf(await feed.fetch('lmp.da', day('2020-01-02')))).toBe(0);
    const unavailable = await failureOf(feed.fetch('lmp.da', day('2020-01-03')));
    expect(unavailable.code).toBe('upstream_unavailable');
    expect(requests).toHaveLength(2 + 3);

    await server?.close();
    let attempts = 0;
    const retried = await feedWith(() => {
      attempts += 1;
      return attempts === 1 ? { status: 503 } : zipAnswer('x.zip', DAM_ZIP);
    });
    expect(lengthOf(await retried.feed.fetch('lmp.da', day('2020-01-01')))).toBe(168);
    expect(retried.requests).toHaveLength(2);

    await server?.close();
    const refused = await feedWith(() =>
      zipAnswer(
        'INVALID_REQUEST.xml.zip',
        zip({
          'INVALID_REQUEST.xml': sampleDocument('caiso/oasis_error_1004_window_too_long.xml').bytes,
        }),
      ),
    );
    const error = await failureOf(refused.feed.fetch('lmp.da', day('2020-01-01')));
    expect(error.message).toContain(
      'error 1004 "Data can be requested for period of 31 days only"',
    );
  });

  it('fetches the day-ahead load and wind/solar forecasts for a trade day', async () => {
    const { feed, requests } = await feedWith((request) =>
      query(request).queryname === 'SLD_FCST'
        ? // Served for a DAM request, this recorded 7DA answer tests transport and parsing.
          zipAnswer(
            '20250219_20250227_SLD_FCST_7DA_20250221_01_09_58_v1.zip',
            sharedDocument('iso/caiso/oasis_SLD_FCST_7DA_20250219_20250227.zip').bytes,
          )
        : zipAnswer(
            '20250204_20250211_SLD_REN_FCST_DAM_20250214_04_52_10_v1.zip',
            sharedDocument('iso/caiso/oasis_SLD_REN_FCST_DAM_20250204_20250211.zip').bytes,
          ),
    );
    expect(lengthOf(await feed.fetch('load.forecast', day('2025-02-20')))).toBe(6432);
    expect(lengthOf(await feed.fetch('genmix.forecast', day('2025-02-05')))).toBe(1008);
    expect(requests.map((r) => r.url)).toEqual([
      '/oasisapi/SingleZip?resultformat=6&queryname=SLD_FCST&version=1&market_run_id=DAM' +
        '&startdatetime=20250220T08:00-0000&enddatetime=20250221T08:00-0000',
      '/oasisapi/SingleZip?resultformat=6&queryname=SLD_REN_FCST&version=1&market_run_id=DAM' +
        '&startdatetime=20250205T08:00-0000&enddatetime=20250206T08:00-0000',
    ]);
  });
});

describe("CAISO Today's Outlook fetch (loopback)", () => {
  const outlook = (path: string) => sharedDocument(`iso/caiso/${path}`).bytes;

  it('reads the history files of past days, DST days included', async () => {
    const { feed, requests } = await feedWith((request) => {
      const files: Record<string, Uint8Array> = {
        '/outlook/history/20190310/netdemand.csv': outlook(
          'outlook_history_20190310_netdemand.csv',
        ),
        '/outlook/history/20191103/netdemand.csv': outlook(
          'outlook_history_20191103_netdemand.csv',
        ),
        '/outlook/history/20230101/fuelsource.csv': outlook(
          'outlook_history_20230101_fuelsource.csv',
        ),
      };
      const body = files[request.url];
      return body === undefined
        ? { status: 404 }
        : { headers: { 'content-type': 'text/csv' }, body };
    });
    expect(lengthOf(await feed.fetch('load', day('2019-03-10')))).toBe(23 * 12);
    expect(lengthOf(await feed.fetch('load', day('2019-11-03')))).toBe(24 * 12);
    expect(lengthOf(await feed.fetch('genmix', day('2023-01-01')))).toBe(288 * 11);
    expect(lengthOf(await feed.fetch('genmix', day('2023-01-02')))).toBe(0);
    expect(requests.map((r) => r.url)).toEqual([
      '/outlook/history/20190310/netdemand.csv',
      '/outlook/history/20191103/netdemand.csv',
      '/outlook/history/20230101/fuelsource.csv',
      '/outlook/history/20230102/fuelsource.csv',
    ]);
  });

  it("falls back to the current file for today, unless it is still yesterday's", async () => {
    const { feed, requests } = await feedWith(
      (request) =>
        request.url === '/outlook/current/netdemand.csv'
          ? { body: outlook('outlook_history_20191103_netdemand.csv') }
          : { status: 404 },
      // 2019-11-04 00:03 PST: the current file still holds 2019-11-03's full day.
      { now: () => Date.parse('2019-11-04T08:03:00Z') },
    );
    expect(lengthOf(await feed.fetch('load', day('2019-11-04')))).toBe(0);
    expect(lengthOf(await feed.fetch('load', day('2019-11-05')))).toBe(0);
    expect(requests.map((r) => r.url)).toEqual([
      '/outlook/history/20191104/netdemand.csv',
      '/outlook/current/netdemand.csv',
    ]);

    await server?.close();
    const late = await feedWith(
      (request) =>
        request.url === '/outlook/current/netdemand.csv'
          ? { body: outlook('outlook_history_20191103_netdemand.csv') }
          : { status: 404 },
      { now: () => Date.parse('2019-11-04T07:58:00Z') },
    );
    expect(lengthOf(await late.feed.fetch('load', day('2019-11-03')))).toBe(288);
  });
});

describe('CAISO parseDocument', () => {
  it('parses every dataset from the files as the operator serves them', async () => {
    const feed = createCaisoFeed(context);
    const cases: [string, string, number][] = [
      ['lmp.da', 'iso/caiso/oasis_PRC_LMP_DAM_20200101_hubs_dlaps.zip', 168],
      ['load', 'iso/caiso/outlook_history_20190310_netdemand.csv', 276],
      ['genmix', 'iso/caiso/outlook_history_20230101_fuelsource.csv', 3168],
      ['load.forecast', 'iso/caiso/oasis_SLD_FCST_7DA_20250219_20250227.zip', 6432],
      ['load.forecast', 'iso/caiso/oasis_SLD_FCST_RTPD_20140508_resultformat_xml.xml', 1],
      ['genmix.forecast', 'iso/caiso/oasis_SLD_REN_FCST_DAM_20250204_20250211.zip', 1008],
    ];
    for (const [id, path, rows] of cases) {
      expect(lengthOf(await feed.parseDocument!(id, sharedDocument(path))), path).toBe(rows);
    }
    expect(
      lengthOf(
        await feed.parseDocument!(
          'lmp.rt5',
          sampleDocument('caiso/PRC_INTVL_LMP_RTM_20251102_handwritten.csv'),
        ),
      ),
    ).toBe(4);
    const unknown = await failureOf(
      feed.parseDocument!(
        'prices.rt5',
        sharedDocument('iso/caiso/oasis_PRC_LMP_DAM_20200101_hubs_dlaps.zip'),
      ),
    );
    expect(unknown.code).toBe('invalid_request');
  });
});
