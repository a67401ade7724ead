import { zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { testFeedContext } from '../../../../test/support/feed-context.js';
import {
  readSharedFixture,
  sampleDocument,
  sharedDocument,
} from '../../../../test/support/fixtures.js';
import {
  startFixtureServer,
  type FixtureHandler,
  type RecordedRequest,
} from '../../../../test/support/fixture-server.js';
import { priceObservationAt, type PriceObservation } from '../../../domain/prices/price-batch.js';
import {
  seriesObservationAt,
  type SeriesObservation,
} from '../../../domain/series/series-batch.js';
import { localDayBounds } from '../../../domain/time/zoned.js';
import { AppError } from '../../../platform/errors.js';
import type { FeedData, SourceDocument } from '../../../ports/market-feed.js';
import type { FeedContext, FeedCredentials } from '../kit/feed-context.js';
import { unzipDocument } from '../kit/zip.js';
import { createErcotFeed, ERCOT_DATASETS } from './ercot-feed.js';
import { ErcotClient } from './ercot-mis.js';

const ZONE = 'America/Chicago';
const CREDENTIALS: Partial<FeedCredentials> = {
  ercotUsername: 'trader@example.com',
  ercotPassword: 'secret-pw',
  ercotSubscriptionKey: 'key-1',
};
const contexts: FeedContext[] = [];
const servers: { close(): Promise<void> }[] = [];
afterAll(async () => {
  await Promise.all([...contexts.map((c) => c.csv.close()), ...servers.map((s) => s.close())]);
});

const serve = async (handler: FixtureHandler, credentials: Partial<FeedCredentials> = {}) => {
  const server = await startFixtureServer(handler);
  servers.push(server);
  const context = testFeedContext(credentials);
  contexts.push(context);
  const feed = createErcotFeed(context, { baseUrl: server.baseUrl, minIntervalMs: 1 });
  return { server, feed, context };
};

const prices = (data: FeedData): PriceObservation[] =>
  data.kind === 'prices'
    ? Array.from({ length: data.prices.length }, (_, i) => priceObservationAt(data.prices, i))
    : [];
const series = (data: FeedData): SeriesObservation[] =>
  data.kind === 'series'
    ? Array.from({ length: data.series.length }, (_, i) => seriesObservationAt(data.series, i))
    : [];

const day = (date: string): { fromMs: number; toMs: number } => {
  const bounds = localDayBounds(ZONE, date);
  return { fromMs: bounds.startMs, toMs: bounds.endMs };
};

const zipped = (document: SourceDocument): Uint8Array =>
  zipSync({ [document.name]: document.bytes });

/** An MIS listing in the shape IceDocListJsonWS returns (as in the recorded report-13028 listing). */
const misListing = (
  reportTypeId: number,
  report: string,
  docs: readonly { id: string; published: string }[],
): string =>
  JSON.stringify({
    ListDocsByRptTypeRes: {
      DocumentList: docs.flatMap(({ id, published }) => {
        const stamp = `${published.slice(0, 10).replaceAll('-', '')}.${published.slice(11, 19).replaceAll(':', '')}`;
        return ['csv', 'xml'].map((format) => ({
          Document: {
            ExpiredDate: '2025-03-20T23:59:59-05:00',
            ILMStatus: 'EXT',
            SecurityStatus: 'P',
            ContentSize: '1000',
            Extension: 'zip',
            ReportTypeID: String(reportTypeId),
            Prefix: 'cdr',
            FriendlyName: `${report}_${format}`,
            ConstructedName: `cdr.000${reportTypeId}.0000000000000000.${stamp}000.${report}_${format}.zip`,
            DocID: format === 'csv' ? id : `${id}9`,
            PublishDate: published,
            ReportName: report,
            DUNS: '0000000000000000',
            DocCount: '0',
          },
        }));
      }),
    },
  });

const query = (request: RecordedRequest): URLSearchParams =>
  new URL(request.url, 'http://loopback').searchParams;
const path = (request: RecordedRequest): string => new URL(request.url, 'http://loopback').pathname;
/** A request's URL without the listing's cache-busting `_` parameter. */
const listed = (request: RecordedRequest): string => request.url.replace(/&_=\d+$/, '');
const downloads = (requests: readonly RecordedRequest[]): (string | null)[] =>
  requests
    .filter((r) => path(r) === '/misdownload/servlets/mirDownload')
    .map((r) => query(r).get('doclookupId'));

describe('ERCOT feed', () => {
  it('describes the market, its runs, datasets and the instruments known up front', async () => {
    const { feed } = await serve(() => ({ status: 404 }));
    expect(feed.market).toMatchObject({
      id: 'ERCOT',
      timezone: ZONE,
      currency: 'USD',
      synthetic: false,
    });
    expect(feed.market.runs.map((r) => [r.id, r.intervalMinutes])).toEqual([
      ['DA', 60],
      ['RT15', 15],
      ['RT5', 5],
    ]);
    expect(feed.market.runs.find((r) => r.id === 'RT15')?.description).toContain('scarcity');
    expect(feed.datasets.map((d) => d.id)).toEqual([
      'lmp.da',
      'lmp.rt15',
      'lmp.rt5',
      'load',
      'load.forecast',
      'wind',
      'genmix',
    ]);
    const instruments = await feed.instruments();
    expect(instruments.filter((i) => i.kind === 'hub').map((i) => i.code)).toEqual([
      'HB_NORTH',
      'HB_SOUTH',
      'HB_WEST',
      'HB_HOUSTON',
      'HB_PAN',
      'HB_BUSAVG',
      'HB_HUBAVG',
    ]);
    expect(instruments.find((i) => i.id === 'ERCOT.LZ_HOUSTON')).toMatchObject({
      kind: 'zone',
      product: 'lmp',
      aliases: [{ source: 'ercot', code: 'LZ_HOUSTON', validFromMs: null, validToMs: null }],
    });
    expect(instruments.find((i) => i.id === 'ERCOT.SYSTEM_GEN')).toMatchObject({
      kind: 'system',
      product: 'gen_mix',
    });
  });

  it('recognises each operator file name as exactly one dataset', () => {
    const names = {
      'lmp.da': 'cdr.00012331.0000000000000000.20241102.133004.DAMSPNP4190.csv',
      'lmp.rt15': 'cdr.00012301.0000000000000000.20241103.011602.SPPHLZNP6905_20241103_0115.csv',
      'lmp.rt5': 'cdr.00012300.0000000000000000.20241103.010551.LMPSROSNODENP6788.csv',
      load: 'dashboard_supply-demand_20241125.json',
      'load.forecast': 'mis_doc_load_forecast_by_forecast_zone.zip',
      wind: 'mis_doc_WPPHRLYAVGACTNP4732_20250313.zip',
      genmix: 'dashboard_fuel-mix_20241124.json',
    };
    for (const [id, name] of Object.entries(names)) {
      expect(ERCOT_DATASETS.filter((d) => d.files?.test(name)).map((d) => d.id)).toEqual([id]);
    }
  });

  it('says how far each dataset is published', async () => {
    const { feed } = await serve(() => ({ status: 404 }));
    // 2025-03-13 12:47 CDT.
    const now = Date.parse('2025-03-13T17:47:00Z');
    const iso = (id: string, at = now): string =>
      new Date(feed.publishedUntil(id, at)).toISOString();
    expect(iso('lmp.da')).toBe('2025-03-14T05:00:00.000Z');
    expect(iso('lmp.da', Date.parse('2025-03-13T19:30:00Z'))).toBe('2025-03-15T05:00:00.000Z');
    expect(iso('lmp.rt15')).toBe('2025-03-13T17:30:00.000Z');
    expect(iso('lmp.rt5')).toBe('2025-03-13T17:45:00.000Z');
    expect(iso('load')).toBe('2025-03-13T17:00:00.000Z');
    expect(iso('genmix')).toBe('2025-03-13T17:45:00.000Z');
    expect(iso('load.forecast')).toBe('2025-03-13T17:40:00.000Z');
  });
});

describe('ERCOT feed fetch from the MIS website', () => {
  it('fetches the wind postings of a publication window from the recorded listing and zip', async () => {
    const { server, feed } = await serve((request) => {
      if (path(request) === '/misapp/servlets/IceDocListJsonWS') {
        return {
          body: readSharedFixture('iso/ercot/mis_IceDocListJsonWS_reportTypeId_13028.json'),
        };
      }
      // The recorded posting for 12:55; the other postings of the listing answer "nothing yet" (empty body).
      return query(request).get('doclookupId') === '1085279266'
        ? { body: readSharedFixture('iso/ercot/mis_doc_WPPHRLYAVGACTNP4732_20250313.zip') }
        : { body: '' };
    });
    // Postings between 12:00 and 13:00 CDT: DocID 1085279266 (WPPHRLYAVGACTNP4732_csv, 12:55:09); its _xml twin
    // 1085279137 is not fetched.
    const data = await feed.fetch('wind', {
      fromMs: Date.parse('2025-03-13T17:00:00Z'),
      toMs: Date.parse('2025-03-13T18:00:00Z'),
    });
    expect(server.requests.map(listed)).toEqual([
      '/misapp/servlets/IceDocListJsonWS?reportTypeId=13028',
      '/misdownload/servlets/mirDownload?doclookupId=1085279266',
    ]);
    expect(Number(query(server.requests[0]!).get('_'))).toBeGreaterThan(0);
    expect(server.requests[0]?.headers.authorization).toBeUndefined();
    expect(series(data)).toHaveLength(48 * 4 + 168 * 4);
    // A whole local day: the 24 hourly postings of 2025-03-12.
    server.requests.length = 0;
    await feed.fetch('wind', day('2025-03-12'));
    expect(downloads(server.requests)).toHaveLength(24);
    expect(downloads(server.requests)[23]).toBe('1085120872');
  });

  it('fetches the RT SPP postings of a fall-back day (25 hours), skipping ones not yet published', async () => {
    const listing = misListing(12301, 'SPPHLZNP6905', [
      { id: '100', published: '2024-10-28T10:16:02-05:00' },
      { id: '101', published: '2024-11-03T00:14:00-05:00' },
      { id: '102', published: '2024-11-03T00:16:02-05:00' },
      { id: '103', published: '2024-11-03T01:16:02-05:00' },
      { id: '104', published: '2024-11-03T01:16:05-06:00' },
      { id: '105', published: '2024-11-04T00:14:30-06:00' },
      { id: '106', published: '2024-11-04T00:16:02-06:00' },
    ]);
    const first = sampleDocument(
      'ercot/cdr.00012301.0000000000000000.20241103.011602.SPPHLZNP6905_20241103_0115.csv',
    );
    const repeat = sampleDocument(
      'ercot/cdr.00012301.0000000000000000.20241103.011605.SPPHLZNP6905_20241103_0115_xhr.csv',
    );
    const { server, feed } = await serve((request) => {
      if (path(request) === '/misapp/servlets/IceDocListJsonWS') {
        return { body: listing };
      }
      const id = query(request).get('doclookupId');
      return id === '103'
        ? { body: zipped(first) }
        : id === '104'
          ? { body: zipped(repeat) }
          : id === '102'
            ? { status: 404 }
            : { body: '' };
    });
    const window = day('2024-11-03');
    expect(window.toMs - window.fromMs).toBe(25 * 3_600_000);
    const rows = prices(await feed.fetch('lmp.rt15', window));
    // Postings from 00:15 on the day to 00:15 the next: 102, 103, 104 (the repeated hour) and 105.
    expect(downloads(server.requests)).toEqual(['102', '103', '104', '105']);
    expect(listed(server.requests[0]!)).toBe(
      '/misapp/servlets/IceDocListJsonWS?reportTypeId=12301',
    );
    expect(rows).toHaveLength(8);
    const hub = rows.filter((r) => r.instrumentId === 'ERCOT.HB_NORTH');
    expect(hub.map((r) => [new Date(r.intervalStartMs).toISOString(), r.lmp])).toEqual([
      ['2024-11-03T06:00:00.000Z', 19.08],
      ['2024-11-03T07:00:00.000Z', 18.3],
    ]);
  });

  it('fetches SCED runs posted in a window inside the repeated hour, backing off on 429', async () => {
    const listing = misListing(12300, 'LMPSROSNODENP6788', [
      { id: '200', published: '2024-11-03T01:05:51-05:00' },
      { id: '201', published: '2024-11-03T01:05:53-06:00' },
    ]);
    let downloadCalls = 0;
    const { server, feed } = await serve((request) => {
      if (path(request) === '/misapp/servlets/IceDocListJsonWS') {
        return { body: listing };
      }
      // The first download is throttled (429): the feed backs off and asks again.
      downloadCalls++;
      return downloadCalls === 1
        ? { status: 429, headers: { 'retry-after': '0' } }
        : {
            body: zipped(
              sampleDocument(
                'ercot/cdr.00012300.0000000000000000.20241103.010553.LMPSROSNODENP6788.csv',
              ),
            ),
          };
    });
    const rows = prices(
      await feed.fetch('lmp.rt5', {
        fromMs: Date.parse('2024-11-03T07:00:00Z'),
        toMs: Date.parse('2024-11-03T07:10:00Z'),
      }),
    );
    expect(downloads(server.requests)).toEqual(['201', '201']);
    expect(rows.find((r) => r.instrumentId === 'ERCOT.HB_NORTH')).toMatchObject({
      intervalStartMs: Date.parse('2024-11-03T07:05:00Z'),
      lmp: 18.02,
      run: 'RT5',
    });
  });

  it('fetches the load forecast vintages of a window and retries a 5xx answer', async () => {
    let listingCalls = 0;
    const listing = misListing(12311, 'LFCCONGESTNP3560', [
      { id: '300', published: '2025-03-13T11:30:00-05:00' },
      { id: '301', published: '2025-03-13T12:30:00-05:00' },
    ]);
    const { server, feed } = await serve((request) => {
      if (path(request) === '/misapp/servlets/IceDocListJsonWS') {
        listingCalls++;
        return listingCalls === 1 ? { status: 503 } : { body: listing };
      }
      return { body: readSharedFixture('iso/ercot/mis_doc_load_forecast_by_forecast_zone.zip') };
    });
    const rows = series(
      await feed.fetch('load.forecast', {
        fromMs: Date.parse('2025-03-13T17:00:00Z'),
        toMs: Date.parse('2025-03-13T18:00:00Z'),
      }),
    );
    expect(listingCalls).toBe(2);
    expect(downloads(server.requests)).toEqual(['301']);
    expect(rows).toHaveLength(900);
  });

  it('reads the dashboards for recent days and gives older windows nothing', async () => {
    const { server, feed } = await serve((request) => ({
      body: readSharedFixture(
        path(request).endsWith('supply-demand.json')
          ? 'iso/ercot/dashboard_supply-demand_20241125.json'
          : 'iso/ercot/dashboard_fuel-mix_20241124.json',
      ),
    }));
    expect(series(await feed.fetch('load', day('2024-11-24')))).toHaveLength(24);
    expect(series(await feed.fetch('load', day('2024-11-25')))).toHaveLength(26);
    expect(series(await feed.fetch('genmix', day('2024-11-24')))).toHaveLength(386 * 8);
    expect(series(await feed.fetch('genmix', day('2024-10-01')))).toHaveLength(0);
    expect(server.requests.map((r) => r.url)).toEqual([
      '/api/1/services/read/dashboards/supply-demand.json',
      '/api/1/services/read/dashboards/supply-demand.json',
      '/api/1/services/read/dashboards/fuel-mix.json',
      '/api/1/services/read/dashboards/fuel-mix.json',
    ]);
  });
});

describe('ERCOT feed fetch from the Public API archive', () => {
  /** The MIS listing only reaches back to March 2025, so November 2024 comes from the archive. */
  const recentListing = misListing(12331, 'DAMSPNP4190', [
    { id: '400', published: '2025-03-12T13:30:04-05:00' },
  ]);
  const archive = JSON.stringify({
    _meta: { totalRecords: 2, pageSize: 1000, totalPages: 1, currentPage: 1 },
    product: { emilId: 'NP4-190-CD', name: 'DAM Settlement Point Prices', reportTypeId: 12331 },
    archives: [
      { docId: 2000, friendlyName: 'DAMSPNP4190', postDatetime: '2024-11-01T13:30:02.000' },
      { docId: 2001, friendlyName: 'DAMSPNP4190', postDatetime: '2024-11-02T13:30:04.000' },
    ],
  });
  const damFall = zipped(
    sampleDocument('ercot/cdr.00012331.0000000000000000.20241102.133004.DAMSPNP4190.csv'),
  );
  const handler =
    (expiresIn: string): FixtureHandler =>
    (request) => {
      const p = path(request);
      if (p === '/misapp/servlets/IceDocListJsonWS') {
        return { body: recentListing };
      }
      if (p.endsWith('/oauth2/v2.0/token')) {
        return {
          body: JSON.stringify({ id_token: 'tok-1', token_type: 'Bearer', expires_in: expiresIn }),
        };
      }
      return query(request).has('download') ? { body: damFall } : { body: archive };
    };

  it('signs in, sends the token and subscription key, and reads the fall-back day (hand-written sample)', async () => {
    const { server, feed } = await serve(handler('3600'), CREDENTIALS);
    const rows = prices(await feed.fetch('lmp.da', day('2024-11-03')));
    const [listingRequest, tokenRequest, archiveRequest, downloadRequest] = server.requests;
    expect(server.requests).toHaveLength(4);
    expect(listed(listingRequest!)).toBe('/misapp/servlets/IceDocListJsonWS?reportTypeId=12331');
    expect(tokenRequest?.method).toBe('POST');
    expect(path(tokenRequest!)).toBe(
      '/ercotb2c.onmicrosoft.com/B2C_1_PUBAPI-ROPC-FLOW/oauth2/v2.0/token',
    );
    expect(Object.fromEntries(new URLSearchParams(tokenRequest!.body))).toEqual({
      username: 'trader@example.com',
      password: 'secret-pw',
      grant_type: 'password',
      scope: 'openid fec253ea-0d06-4272-a5e6-b478baeecd70 offline_access',
      client_id: 'fec253ea-0d06-4272-a5e6-b478baeecd70',
      response_type: 'id_token',
    });
    // DAM prices for 11/03 are posted on 11/02 (CDT): the query spans that day, an hour either side.
    expect(path(archiveRequest!)).toBe('/api/public-reports/archive/np4-190-cd');
    expect(Object.fromEntries(query(archiveRequest!))).toEqual({
      postDatetimeFrom: '2024-11-01T23:00:00',
      postDatetimeTo: '2024-11-03T01:00:00',
      size: '1000',
      page: '1',
    });
    expect(downloadRequest?.url).toBe('/api/public-reports/archive/np4-190-cd?download=2001');
    for (const request of [archiveRequest, downloadRequest]) {
      expect(request?.headers.authorization).toBe('Bearer tok-1');
      expect(request?.headers['ocp-apim-subscription-key']).toBe('key-1');
    }
    expect(listingRequest?.headers['ocp-apim-subscription-key']).toBeUndefined();
    expect(rows).toHaveLength(75);
    expect(new Set(rows.map((r) => r.intervalStartMs)).size).toBe(25);
    // Reused for the next fetch while it is valid.
    await feed.fetch('lmp.da', day('2024-11-03'));
    expect(server.requests.filter((r) => path(r).endsWith('/token'))).toHaveLength(1);
  });

  it('signs in again when the token is about to expire', async () => {
    const { server, feed } = await serve(handler('60'), CREDENTIALS);
    await feed.fetch('lmp.da', day('2024-11-03'));
    // The archive listing and the download each needed a fresh token.
    expect(server.requests.filter((r) => path(r).endsWith('/token'))).toHaveLength(2);
  });

  it('names the missing setting and asks the archive nothing', async () => {
    const { server, feed } = await serve(handler('3600'));
    const error = await feed.fetch('lmp.da', day('2024-11-03')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toBe(
      'ERCOT lmp.da needs CARBON_ERCOT_USERNAME; set it in the environment.',
    );
    const partly = await serve(handler('3600'), { ercotUsername: 'u', ercotPassword: 'p' });
    await expect(partly.feed.fetch('lmp.da', day('2024-11-03'))).rejects.toThrow(
      'ERCOT lmp.da needs CARBON_ERCOT_SUBSCRIPTION_KEY',
    );
    expect([...server.requests, ...partly.server.requests].map(path)).toEqual([
      '/misapp/servlets/IceDocListJsonWS',
      '/misapp/servlets/IceDocListJsonWS',
    ]);
  });

  it('says which settings to check when the sign-in refuses the password', async () => {
    const { feed } = await serve((request) => {
      if (path(request) === '/misapp/servlets/IceDocListJsonWS') {
        return { body: recentListing };
      }
      return path(request).endsWith('/token')
        ? { status: 400, body: '{"error":"invalid_grant"}' }
        : { body: archive };
    }, CREDENTIALS);
    await expect(feed.fetch('lmp.da', day('2024-11-03'))).rejects.toThrow(
      /ERCOT Public API sign-in answered HTTP 400 .* Check CARBON_ERCOT_USERNAME, CARBON_ERCOT_PASSWORD/,
    );
  });

  it('lists and downloads the recorded 2-Day AS archive (NP3-911-ER)', async () => {
    const { server, context } = await serve((request) => {
      const p = path(request);
      if (p === '/misapp/servlets/IceDocListJsonWS') {
        return { body: JSON.stringify({ ListDocsByRptTypeRes: { DocumentList: [] } }) };
      }
      if (p.endsWith('/token')) {
        return { body: JSON.stringify({ id_token: 'tok-2', expires_in: 3600 }) };
      }
      return {
        body: readSharedFixture(
          query(request).has('download')
            ? 'iso/ercot/publicapi_archive_np3-911-er_download_1049861718_2_Day_AS_Disclosure_20241105.zip'
            : 'iso/ercot/publicapi_archive_np3-911-er_listing_20241105.json',
        ),
      };
    }, CREDENTIALS);
    const client = new ErcotClient(context, { baseUrl: server.baseUrl, minIntervalMs: 1 });
    const report = { reportTypeId: 13057, emil: 'np3-911-er' };
    const refs = await client.published(
      report,
      day('2024-11-05').fromMs,
      day('2024-11-05').toMs,
      'AS',
    );
    // {"docId":1049861718,"friendlyName":"2_Day_AS_Disclosure","postDatetime":"2024-11-05T03:16:10.000"}.
    expect(refs).toEqual([
      {
        source: 'archive',
        report,
        docId: '1049861718',
        name: '2_Day_AS_Disclosure',
        publishedMs: Date.parse('2024-11-05T09:16:10Z'),
      },
    ]);
    const document = await client.download(refs[0]!);
    expect(document?.bytes).toEqual(
      sharedDocument(
        'iso/ercot/publicapi_archive_np3-911-er_download_1049861718_2_Day_AS_Disclosure_20241105.zip',
      ).bytes,
    );
    expect(unzipDocument(document!)).toHaveLength(26);
    expect(server.requests.at(-1)?.url).toBe(
      '/api/public-reports/archive/np3-911-er?download=1049861718',
    );
  });
});

describe('ERCOT parseDocument', () => {
  it('parses each dataset’s file as the operator serves it', async () => {
    const context = testFeedContext();
    contexts.push(context);
    const feed = createErcotFeed(context);
    expect(
      series(
        await feed.parseDocument!(
          'wind',
          sharedDocument('iso/ercot/mis_doc_WPPHRLYAVGACTNP4732_20250313.zip'),
        ),
      ),
    ).toHaveLength(864);
    expect(
      series(
        await feed.parseDocument!(
          'load.forecast',
          sharedDocument('iso/ercot/mis_doc_load_forecast_by_forecast_zone.zip'),
        ),
      ),
    ).toHaveLength(900);
    expect(
      series(
        await feed.parseDocument!(
          'genmix',
          sharedDocument('iso/ercot/dashboard_fuel-mix_20241124.json'),
        ),
      ),
    ).toHaveLength(3088);
    expect(
      prices(
        await feed.parseDocument!(
          'lmp.da',
          sampleDocument('ercot/cdr.00012331.0000000000000000.20250308.133002.DAMSPNP4190.csv'),
        ),
      ),
    ).toHaveLength(69);
    await expect(
      feed.parseDocument!('lmp.hourly', sampleDocument('ercot/README.md')),
    ).rejects.toThrow('Unknown ERCOT dataset "lmp.hourly"');
  });
});
