import type {
  CurveDetail,
  CurveList,
  CurvePrices,
  CurveRunDetail,
  CurveRunPage,
  InstrumentPage,
  LatestPriceResponse,
  MarketList,
  PriceResponse,
  Problem,
} from '@254carbon/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareDemoCurve } from '../../src/composition.js';
import { createTestApp } from '../support/test-platform.js';

/** GraphQL answers exactly what REST answers, with the same access rules, error codes and messages. */

const NOW = Date.UTC(2026, 2, 9, 18, 0);
const CURVE = 'SIM-HUB-POWER';

let t: Awaited<ReturnType<typeof createTestApp>>;
let viewerKey: string;

interface GraphqlBody<T> {
  data: T | null;
  errors?: {
    message: string;
    path?: string[];
    extensions: { code: string; requestId: string; fields?: { field: string }[] };
  }[];
}

const headers = (key: string | null) => (key === null ? {} : { authorization: `Bearer ${key}` });

const graphql = async <T>(
  query: string,
  variables: Record<string, unknown> = {},
  key: string | null = t.adminKey,
) => {
  const response = await t.app.inject({
    method: 'POST',
    url: '/graphql',
    headers: headers(key),
    payload: { query, variables },
  });
  return {
    status: response.statusCode,
    headers: response.headers,
    body: response.json<GraphqlBody<T>>(),
  };
};

const rest = async <T>(url: string, key: string | null = t.adminKey) => {
  const response = await t.app.inject({ method: 'GET', url, headers: headers(key) });
  return { status: response.statusCode, body: response.json<T>() };
};

const PRICE_FIELDS =
  'instrument run intervalStart intervalMinutes lmp energy congestion loss ghg samples';
const PRICE_META = 'instruments runs start end resample agg rowCount rowLimit';
const RUN_FIELDS =
  'runId curve asOf scenario inputsHash engineVersion builtAt quotes maxAbsResidual warnings lastQuotedDay';
const CURVE_FIELDS =
  'id name market commodity calendar currency unit shapeInstrument buckets ' +
  'extension { longRunLevel escalationPerYear reversionYears } ' +
  'method { smoothness priorWeight shapeHistoryYears staleAfterDays }';

/** GraphQL returns every selected field; REST leaves `samples` out of raw rows. */
const withoutNullSamples = <T extends { samples?: number | null }>(rows: T[]) =>
  rows.map(({ samples, ...rest }) =>
    samples === null || samples === undefined ? rest : { ...rest, samples },
  );

beforeAll(async () => {
  t = await createTestApp({
    nowMs: NOW,
    days: 2,
    env: { CARBON_MAX_ROWS_PER_RESPONSE: '5000' },
  });
  await prepareDemoCurve(t.platform);
  const { principal, context } = t.platform.caller;
  await t.platform.admin.createTenant(principal, { id: 'nobody', name: 'No grants' }, context);
  viewerKey = (
    await t.platform.admin.createApiKey(
      principal,
      { tenantId: 'nobody', name: 'probe', roles: ['viewer'] },
      context,
    )
  ).key;
});
afterAll(async () => {
  await t.close();
});

describe('GraphQL returns the same data as REST', () => {
  it('markets', async () => {
    const g = await graphql<{ markets: unknown[] }>(
      '{ markets { id name timezone currency synthetic runs { id intervalMinutes description } } }',
    );
    expect(g.status, JSON.stringify(g.body)).toBe(200);
    const r = await rest<MarketList>('/api/v1/markets');
    expect(g.body.data?.markets).toEqual(r.body.data);
    expect(r.body.data.length).toBeGreaterThan(0);
  });

  it('instruments with filters and cursor pagination', async () => {
    const query = `query($cursor: String) {
      instruments(market: "SIM", kind: "hub", limit: 2, cursor: $cursor) {
        data { id market code name kind product timezone aliases { source code validFrom validTo } }
        page { limit nextCursor }
      }
    }`;
    const first = await graphql<{ instruments: InstrumentPage }>(query);
    const restFirst = await rest<InstrumentPage>('/api/v1/instruments?market=SIM&kind=hub&limit=2');
    expect(first.body.data?.instruments).toEqual(restFirst.body);
    const cursor = restFirst.body.page.nextCursor;
    expect(cursor).not.toBeNull();
    const second = await graphql<{ instruments: InstrumentPage }>(query, { cursor });
    const restSecond = await rest<InstrumentPage>(
      `/api/v1/instruments?market=SIM&kind=hub&limit=2&cursor=${encodeURIComponent(cursor ?? '')}`,
    );
    expect(second.body.data?.instruments).toEqual(restSecond.body);
    expect(second.body.data?.instruments.data[0]?.id).not.toBe(
      first.body.data?.instruments.data[0]?.id,
    );
  });

  it('raw and resampled prices, with runs', async () => {
    const query = `query($instruments: [String!]!, $runs: [String!], $resample: String, $agg: String) {
      prices(instruments: $instruments, start: "2026-03-08", end: "2026-03-09", runs: $runs,
             resample: $resample, agg: $agg) {
        data { ${PRICE_FIELDS} } meta { ${PRICE_META} }
      }
    }`;
    const raw = await graphql<{ prices: PriceResponse }>(query, {
      instruments: ['SIM.HUB_NORTH', 'SIM.HUB_SOUTH'],
      runs: ['DA'],
    });
    const restRaw = await rest<PriceResponse>(
      '/api/v1/prices?instruments=SIM.HUB_NORTH,SIM.HUB_SOUTH&start=2026-03-08&end=2026-03-09&runs=DA',
    );
    expect(raw.status, JSON.stringify(raw.body.errors)).toBe(200);
    // 2026-03-08 is the 23-hour day of the spring DST change in the simulator's zone.
    expect(restRaw.body.data.length).toBe(46);
    expect({
      ...raw.body.data?.prices,
      data: withoutNullSamples(raw.body.data?.prices.data ?? []),
    }).toEqual(restRaw.body);

    const daily = await graphql<{ prices: PriceResponse }>(query, {
      instruments: ['SIM.HUB_NORTH'],
      resample: '1d',
      agg: 'max',
    });
    const restDaily = await rest<PriceResponse>(
      '/api/v1/prices?instruments=SIM.HUB_NORTH&start=2026-03-08&end=2026-03-09&resample=1d&agg=max',
    );
    expect(daily.body.data?.prices).toEqual(restDaily.body);
    expect(restDaily.body.data[0]?.samples).toBeGreaterThan(0);
  });

  it('latest prices', async () => {
    const g = await graphql<{ latestPrices: unknown[] }>(`
      {
        latestPrices(market: "SIM", runs: ["DA"]) {
          instrument
          run
          intervalStart
          intervalMinutes
          lmp
          energy
          congestion
          loss
          ghg
          receivedAt
        }
      }
    `);
    const r = await rest<LatestPriceResponse>('/api/v1/prices/latest?market=SIM&runs=DA');
    expect(g.body.data?.latestPrices).toEqual(r.body.data);
    expect(r.body.data.length).toBeGreaterThan(0);
  });

  it('curves: list, latest run, prices by as-of, granularity and bucket, runs and diagnostics', async () => {
    const list = await graphql<{ curves: unknown[] }>(`{ curves { ${CURVE_FIELDS} latestAsOf } }`);
    expect(list.body.data?.curves).toEqual((await rest<CurveList>('/api/v1/curves')).body.data);

    const detail = await rest<CurveDetail>(`/api/v1/curves/${CURVE}`);
    const runId = detail.body.latestRun?.runId ?? '';
    const g = await graphql<{
      curve: CurveDetail['curve'] & {
        latestRun: CurveDetail['latestRun'];
        prices: CurvePrices;
        runs: CurveRunPage;
        run: CurveRunDetail;
      };
    }>(
      `query($id: String!, $runId: String!) { curve(id: $id) {
        ${CURVE_FIELDS}
        latestRun { ${RUN_FIELDS} }
        prices(asOf: "2026-03-09", granularity: "month", bucket: "5x16") {
          data { period start end price }
          meta { curve runId asOf scenario granularity bucket currency unit rowCount rowLimit }
        }
        runs(limit: 5) { data { ${RUN_FIELDS} } page { limit nextCursor } }
        run(runId: $runId) {
          ${RUN_FIELDS}
          diagnostics {
            residuals { contract bucket deliveryStart deliveryEnd side target bid ask average residual constraint }
            maxAbsResidual warnings { level code message contracts } activeConstraints lastQuotedDay solveMs
          }
          quotesUsed { curve asOf contract deliveryStart deliveryEnd bucket settle mid bid ask source quoteDate }
        }
      } }`,
      { id: CURVE, runId },
    );
    expect(g.status, JSON.stringify(g.body.errors)).toBe(200);
    const curve = g.body.data?.curve;
    const { latestRun, prices, runs, run, ...definition } = curve ?? ({} as never);
    expect(definition).toEqual(detail.body.curve);
    expect(latestRun).toEqual(detail.body.latestRun);
    expect(prices).toEqual(
      (
        await rest<CurvePrices>(
          `/api/v1/curves/${CURVE}/prices?asOf=2026-03-09&granularity=month&bucket=5x16`,
        )
      ).body,
    );
    expect(prices.data.length).toBeGreaterThan(12);
    expect(runs).toEqual((await rest<CurveRunPage>(`/api/v1/curves/${CURVE}/runs?limit=5`)).body);
    expect(run).toEqual((await rest<CurveRunDetail>(`/api/v1/curves/${CURVE}/runs/${runId}`)).body);
  });

  it('serves queries over GET too', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/graphql?query=${encodeURIComponent('{ markets { id } }')}`,
      headers: headers(t.adminKey),
    });
    expect(response.statusCode).toBe(200);
    expect(
      response.json<GraphqlBody<{ markets: { id: string }[] }>>().data?.markets,
    ).toContainEqual({
      id: 'SIM',
    });
  });

  it('allows introspection', async () => {
    const g = await graphql<{ __schema: { queryType: { fields: { name: string }[] } } }>(
      '{ __schema { queryType { fields { name args { name type { kind ofType { kind ofType { kind name } } } } } } } }',
    );
    expect(g.status).toBe(200);
    expect(g.body.data?.__schema.queryType.fields.map((f) => f.name)).toEqual(
      expect.arrayContaining([
        'markets',
        'instruments',
        'prices',
        'latestPrices',
        'curves',
        'curve',
      ]),
    );
  });
});

describe('GraphQL errors carry the REST codes and messages', () => {
  const expectSameError = async (
    g: Awaited<ReturnType<typeof graphql>>,
    restUrl: string,
    key: string | null = t.adminKey,
  ) => {
    const r = await rest<Problem>(restUrl, key);
    expect(g.status).toBe(r.status);
    expect(g.body.data).toBeNull();
    expect(g.body.errors?.[0]?.extensions.code).toBe(r.body.code);
    expect(g.body.errors?.[0]?.message).toBe(r.body.detail);
    return r.body;
  };

  it('not found', async () => {
    const g = await graphql('{ instrument(id: "SIM.NOWHERE") { id } }');
    expect((await expectSameError(g, '/api/v1/instruments/SIM.NOWHERE')).code).toBe('not_found');
    await expectSameError(
      await graphql(`
        {
          curve(id: "NO-SUCH-CURVE") {
            id
          }
        }
      `),
      '/api/v1/curves/NO-SUCH-CURVE',
    );
  });

  it('invalid requests: a bad value, and a query above the row limit', async () => {
    const bad = await graphql(
      '{ prices(instruments: ["SIM.HUB_NORTH"], start: "2026-03-09", end: "2026-03-08") { meta { rowCount } } }',
    );
    await expectSameError(
      bad,
      '/api/v1/prices?instruments=SIM.HUB_NORTH&start=2026-03-09&end=2026-03-08',
    );
    expect(bad.body.errors?.[0]?.extensions.code).toBe('invalid_request');

    const big = await graphql(
      '{ prices(instruments: ["SIM.HUB_NORTH", "SIM.HUB_SOUTH"], start: "2026-02-01", end: "2026-03-09", runs: ["RT5"]) { meta { rowCount } } }',
    );
    const problem = await expectSameError(
      big,
      '/api/v1/prices?instruments=SIM.HUB_NORTH,SIM.HUB_SOUTH&start=2026-02-01&end=2026-03-09&runs=RT5',
    );
    expect(problem.detail).toMatch(/5,000|5000/);

    const resample = await graphql(
      '{ prices(instruments: ["SIM.HUB_NORTH"], start: "2026-03-08", end: "2026-03-09", resample: "2h") { meta { rowCount } } }',
    );
    expect(resample.status).toBe(400);
    expect(resample.body.errors?.[0]).toMatchObject({
      message: 'resample must be one of 5m, 15m, 1h, 1d, 1mo',
      extensions: { code: 'invalid_request', fields: [{ field: 'resample' }] },
    });
  });

  it('anonymous callers get 401 not_authenticated, as on REST', async () => {
    const g = await graphql('{ markets { id } }', {}, null);
    expect(g.status).toBe(401);
    expect(g.headers['www-authenticate']).toContain('Bearer');
    expect(g.body.errors?.[0]?.extensions.code).toBe('not_authenticated');
    const get = await t.app.inject({ method: 'GET', url: '/graphql?query=%7Bmarkets%7Bid%7D%7D' });
    expect(get.statusCode).toBe(401);
  });

  it('an unentitled viewer is refused every data field with REST’s code and message', async () => {
    await expectSameError(
      await graphql('{ markets { id } }', {}, viewerKey),
      '/api/v1/markets',
      viewerKey,
    );
    await expectSameError(
      await graphql('{ instruments { data { id } } }', {}, viewerKey),
      '/api/v1/instruments',
      viewerKey,
    );
    await expectSameError(
      await graphql(
        '{ prices(instruments: ["SIM.HUB_NORTH"], start: "2026-03-08", end: "2026-03-09") { meta { rowCount } } }',
        {},
        viewerKey,
      ),
      '/api/v1/prices?instruments=SIM.HUB_NORTH&start=2026-03-08&end=2026-03-09',
      viewerKey,
    );
    await expectSameError(
      await graphql('{ latestPrices { lmp } }', {}, viewerKey),
      '/api/v1/prices/latest',
      viewerKey,
    );
    const curves = await graphql('{ curves { id } }', {}, viewerKey);
    expect(curves.status).toBe(403);
    expect(curves.body.errors?.[0]?.extensions.code).toBe('not_entitled');
  });

  it('records GraphQL refusals in the audit trail like REST ones', async () => {
    const before = await t.platform.audit.list(
      { tenantId: 'nobody', result: 'denied' },
      { limit: 500 },
    );
    await graphql('{ markets { id } }', {}, viewerKey);
    const after = await t.platform.audit.list(
      { tenantId: 'nobody', result: 'denied' },
      { limit: 500 },
    );
    expect(after.items.length).toBe(before.items.length + 1);
  });
});

describe('GraphQL query limits', () => {
  it('refuses a query nested deeper than the configured limit before running it', async () => {
    const shallow = await createTestApp({
      nowMs: NOW,
      days: 0,
      env: { CARBON_GRAPHQL_MAX_DEPTH: '4', CARBON_SIM_ENABLED: 'false' },
    });
    const response = await shallow.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: headers(shallow.adminKey),
      payload: {
        query: `{ curve(id: "${CURVE}") { run(runId: "x") { diagnostics { residuals { contract } } } } }`,
      },
    });
    await shallow.close();
    const g = { status: response.statusCode, body: response.json<GraphqlBody<unknown>>() };
    expect(g.status).toBe(400);
    expect(g.body.data).toBeNull();
    expect(g.body.errors?.[0]).toMatchObject({
      message: expect.stringContaining('nests 5 levels deep; the limit is 4'),
      extensions: { code: 'invalid_request' },
    });
    // The curve and run do not exist there: had the query run, it would be a not_found.
    expect(g.body.errors?.some((e) => e.extensions.code === 'not_found')).toBe(false);
    // The same query is within the default limit (8).
    const deep = await graphql(
      `{ curve(id: "${CURVE}") { run(runId: "x") { diagnostics { residuals { contract } } } } }`,
    );
    expect(deep.body.errors?.[0]?.extensions.code).toBe('not_found');
  });

  it('refuses a query whose estimated cost is too high, counting limits given as variables', async () => {
    const query = 'query($n: Int) { curves { runs(limit: $n) { data { runId } } } }';
    const costly = await graphql(query, { n: 1000 });
    expect(costly.status).toBe(400);
    expect(costly.body.errors?.[0]).toMatchObject({
      message: expect.stringContaining('estimated cost is 50100; the limit is 20000'),
      extensions: { code: 'invalid_request' },
    });
    const cheap = await graphql<{ curves: unknown[] }>(query, { n: 10 });
    expect(cheap.status, JSON.stringify(cheap.body.errors)).toBe(200);
    expect(cheap.body.data?.curves.length).toBeGreaterThan(0);
    // Aliases cannot fan one request out into many price queries: each series counts as 1,000 rows.
    const series = (i: number) =>
      `p${i}: prices(instruments: ["SIM.HUB_NORTH"], start: "2026-03-08", end: "2026-03-09") { data { lmp } }`;
    const fanOut = await graphql(
      `{ ${Array.from({ length: 25 }, (_, i) => series(i)).join(' ')} }`,
    );
    expect(fanOut.status).toBe(400);
    expect(fanOut.body.errors?.[0]?.message).toContain('estimated cost is 25025');
    const few = await graphql(`{ ${Array.from({ length: 3 }, (_, i) => series(i)).join(' ')} }`);
    expect(few.status, JSON.stringify(few.body.errors)).toBe(200);
    // The largest page REST serves is within the default cost.
    const page = await graphql<{ instruments: InstrumentPage }>(
      '{ instruments(limit: 1000) { data { id aliases { code } } page { nextCursor } } }',
    );
    expect(page.status, JSON.stringify(page.body.errors)).toBe(200);
  });

  it('answers malformed GraphQL with invalid_request', async () => {
    const syntax = await graphql('{ markets { id }');
    expect(syntax.status).toBe(400);
    expect(syntax.body.errors?.[0]?.extensions.code).toBe('invalid_request');
    const unknown = await graphql('{ markets { nope } }');
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors?.[0]?.message).toContain('nope');
  });
});
