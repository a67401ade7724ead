import type {
  BuildResult,
  CurveDefined,
  CurveDetail,
  CurveDiff,
  CurveList,
  CurvePrices,
  CurveQuotes,
  CurveRunDetail,
  CurveRunPage,
  Problem,
  QuotesLoaded,
} from '@254carbon/contracts';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareDemoCurve } from '../../src/composition.js';
import { createTestApp } from '../support/test-platform.js';

// Monday 2026-03-09, 13:00 in Chicago.
const NOW = Date.UTC(2026, 2, 9, 18, 0);
const CURVE = 'E2E-POWER';
const BASE = `/api/v1/curves/${CURVE}`;

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
let t: TestApp;

const auth = (key = t.adminKey) => ({ authorization: `Bearer ${key}` });
const get = (url: string, key?: string) => t.app.inject({ method: 'GET', url, headers: auth(key) });
const post = (url: string, payload: unknown, key?: string) =>
  t.app.inject({ method: 'POST', url, headers: auth(key), payload: payload as object });
const json = <T>(response: { body: string }): T => JSON.parse(response.body) as T;

const expectProblem = (
  response: { statusCode: number; headers: Record<string, unknown>; body: string },
  status: number,
  code: Problem['code'],
): Problem => {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toContain('application/problem+json');
  const problem = json<Problem>(response);
  expect(problem).toMatchObject({ status, code });
  return problem;
};

const marks = (asOf: string, april: number) => [
  { asOf, contract: 'Apr-26', bucket: '7x24', settle: april, source: 'broker' },
  { asOf, contract: 'Apr-26', bucket: '5x16', settle: april + 8, source: 'broker' },
  { asOf, contract: 'May-26', bucket: '7x24', settle: 36.5, source: 'broker' },
  { asOf, contract: 'Q3-26', bucket: '7x24', settle: 52, source: 'broker' },
  { asOf, contract: 'Cal-27', bucket: '7x24', bid: 43, ask: 45, source: 'broker' },
];

beforeAll(async () => {
  t = await createTestApp({ nowMs: NOW, days: 2, env: { CARBON_MAX_ROWS_PER_RESPONSE: '20000' } });
});
afterAll(async () => {
  await t.close();
});

describe('forward curves over HTTP', () => {
  it('defines a curve, loads quotes, builds it and serves it by month, day and hour', async () => {
    const defined = await post('/api/v1/curves', {
      id: CURVE,
      name: 'E2E hub power',
      market: 'SIM',
      commodity: 'power',
      calendar: 'US_CENTRAL',
      shapeInstrument: 'SIM.HUB_NORTH',
    });
    expect(defined.statusCode, defined.body).toBe(201);
    expect(json<CurveDefined>(defined)).toMatchObject({
      result: 'created',
      curve: { id: CURVE, unit: 'USD/MWh', buckets: expect.arrayContaining(['7x24', '5x16']) },
    });

    const loaded = await post(`${BASE}/quotes`, marks('2026-03-09', 34));
    expect(loaded.statusCode, loaded.body).toBe(200);
    expect(json<QuotesLoaded>(loaded)).toMatchObject({
      quotes: 5,
      inserted: 5,
      curves: [CURVE],
      asOfs: ['2026-03-09'],
    });

    const built = await post(`${BASE}/builds`, { asOf: '2026-03-09' });
    expect(built.statusCode, built.body).toBe(201);
    const run = json<BuildResult>(built).run;
    expect(run).toMatchObject({ curve: CURVE, asOf: '2026-03-09', scenario: 'base', quotes: 5 });
    const again = await post(`${BASE}/builds`, { asOf: '2026-03-09' });
    expect(again.statusCode).toBe(200);
    expect(json<BuildResult>(again)).toEqual({ created: false, run });

    const months = json<CurvePrices>(await get(`${BASE}/prices`));
    expect(months.meta).toMatchObject({ runId: run.runId, granularity: 'month', bucket: '7x24' });
    expect(months.data.find((p) => p.period === '2026-05')?.price).toBeCloseTo(36.5, 6);
    expect(months.data.at(-1)?.period).toBe('2050-12');

    const peak = json<CurvePrices>(
      await get(`${BASE}/prices?granularity=month&bucket=5x16&from=2026-04-01&to=2026-04-30`),
    );
    expect(peak.data.map((p) => [p.period, Math.round(p.price * 1e6) / 1e6])).toEqual([
      ['2026-04', 42],
    ]);
    const days = json<CurvePrices>(
      await get(`${BASE}/prices?asOf=2026-03-09&granularity=day&from=2026-05-01&to=2026-05-31`),
    );
    expect(days.data).toHaveLength(31);
    const hours = json<CurvePrices>(
      await get(`${BASE}/prices?granularity=hour&from=2026-03-08&to=2026-03-10`),
    );
    // The curve starts the day after the as-of date; the 10th is a 24-hour day in Chicago.
    expect(hours.data).toHaveLength(24);
    expect(hours.data[0]).toMatchObject({ period: expect.stringMatching(/^2026-03-10T00/) });
    expect(hours.data[0]?.start).toBe('2026-03-10T05:00:00.000Z');
  });

  it('serves CSV and refuses a response over the row limit, saying how to narrow it', async () => {
    const csv = await get(
      `${BASE}/prices?granularity=day&from=2026-04-01&to=2026-04-30&format=csv`,
    );
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const rows = parse<Record<string, string>>(csv.body, { columns: true });
    expect(rows).toHaveLength(30);
    expect(rows[0]).toMatchObject({
      curve: CURVE,
      as_of: '2026-03-09',
      bucket: '7x24',
      period: '2026-04-01',
    });
    expect(Number(rows[0]?.price)).toBeGreaterThan(0);

    const tooMany = expectProblem(
      await get(`${BASE}/prices?granularity=hour`),
      400,
      'invalid_request',
    );
    expect(tooMany.detail).toMatch(/limit per response is 20,000\. To narrow it: give from and to/);
    expect(tooMany.errors?.[0]?.field).toBe('to');
    const typo = expectProblem(await get(`${BASE}/prices?granularty=day`), 400, 'invalid_request');
    expect(typo.errors?.[0]).toMatchObject({ field: 'granularty' });
    expectProblem(await get(`${BASE}/prices?bucket=peak`), 400, 'invalid_request');
  });

  it('lists runs, shows a run’s diagnostics, the quotes, and the change between two as-of dates', async () => {
    await post(`${BASE}/quotes`, marks('2026-03-10', 35));
    const second = json<BuildResult>(await post(`${BASE}/builds`, { asOf: '2026-03-10' }));
    const runs = json<CurveRunPage>(await get(`${BASE}/runs?limit=1`));
    expect(runs.data.map((r) => r.asOf)).toEqual(['2026-03-10']);
    const older = json<CurveRunPage>(
      await get(`${BASE}/runs?limit=1&cursor=${runs.page.nextCursor ?? ''}`),
    );
    expect(older.data.map((r) => r.asOf)).toEqual(['2026-03-09']);

    const detail = json<CurveRunDetail>(await get(`${BASE}/runs/${second.run.runId}`));
    expect(detail.quotesUsed).toHaveLength(5);
    expect(detail.diagnostics.residuals.map((r) => `${r.contract} ${r.bucket}`)).toContain(
      'Cal-2027 7x24',
    );
    expect(Array.isArray(detail.diagnostics.activeConstraints)).toBe(true);
    expect(detail.diagnostics.warnings.length).toBeGreaterThan(0);
    expectProblem(await get(`${BASE}/runs/cr_0000000000000000`), 404, 'not_found');

    const quotes = json<CurveQuotes>(await get(`${BASE}/quotes?asOf=2026-03-10`));
    expect(quotes.data.map((q) => [q.contract, q.bucket, q.settle])).toContainEqual([
      'Apr-2026',
      '7x24',
      35,
    ]);

    const diff = json<CurveDiff>(
      await get(
        `${BASE}/diff?from=2026-03-09&to=2026-03-10&deliveryFrom=2026-04-01&deliveryTo=2026-05-31`,
      ),
    );
    expect(diff.meta).toMatchObject({ from: { asOf: '2026-03-09' }, to: { asOf: '2026-03-10' } });
    expect(
      diff.data.map((r) => [r.period, Math.round((r.change ?? Number.NaN) * 1e6) / 1e6 + 0]),
    ).toEqual([
      ['2026-04', 1],
      ['2026-05', 0],
    ]);
    expectProblem(await get(`${BASE}/diff?from=2026-03-09`), 400, 'invalid_request');

    const list = json<CurveList>(await get('/api/v1/curves'));
    expect(list.data.find((c) => c.id === CURVE)?.latestAsOf).toBe('2026-03-10');
    const one = json<CurveDetail>(await get(BASE));
    expect(one.latestRun?.runId).toBe(second.run.runId);
  });

  it('refuses bad quotes by row and contradictory ones at build, changing nothing', async () => {
    const bad = expectProblem(
      await post(`${BASE}/quotes`, [
        { asOf: '2026-03-11', contract: 'Apr-26', bucket: '7x24', settle: 30 },
        { asOf: '2026-03-11', contract: 'Apr-26', bucket: 'offpeak', settle: 30 },
        { asOf: '2026-03-11', contract: 'Jun-26', bucket: '7x24' },
      ]),
      400,
      'invalid_request',
    );
    expect(bad.errors?.map((e) => e.field)).toEqual(['1.bucket', '2.settle']);
    expect(json<CurveQuotes>(await get(`${BASE}/quotes?asOf=2026-03-11`)).data).toEqual([]);

    await post(`${BASE}/quotes`, [
      ...marks('2026-03-11', 35),
      { asOf: '2026-03-11', contract: 'Jun-26', bucket: '7x24', settle: 40, source: 'broker' },
      { asOf: '2026-03-11', contract: 'Q2-26', bucket: '7x24', settle: 60, source: 'broker' },
    ]);
    const contradiction = expectProblem(
      await post(`${BASE}/builds`, { asOf: '2026-03-11' }),
      422,
      'invalid_source_data',
    );
    expect(contradiction.errors?.map((e) => e.message).join(' ')).toContain('Q2-2026 7x24');
    const runs = json<CurveRunPage>(await get(`${BASE}/runs`));
    expect(runs.data.map((r) => r.asOf)).not.toContain('2026-03-11');
  });

  it('keeps curves from tenants without a curve grant, as it does prices', async () => {
    const { principal, context } = t.platform.caller;
    await t.platform.admin.createTenant(
      principal,
      { id: 'lmp_only', name: 'Prices only' },
      context,
    );
    await t.platform.grants.grantEntitlement(
      principal,
      { tenantId: 'lmp_only', market: 'SIM', product: 'lmp', channels: ['api'] },
      context,
    );
    const key = (
      await t.platform.admin.createApiKey(
        principal,
        { tenantId: 'lmp_only', name: 'probe', roles: ['admin'] },
        context,
      )
    ).key;
    expect(json<CurveList>(await get('/api/v1/curves', key)).data).toEqual([]);
    expectProblem(await get(BASE, key), 404, 'not_found');
    expectProblem(await get(`${BASE}/prices`, key), 403, 'not_entitled');
    expectProblem(await post(`${BASE}/builds`, { asOf: '2026-03-09' }, key), 403, 'not_entitled');

    await t.platform.grants.grantEntitlement(
      principal,
      {
        tenantId: 'lmp_only',
        market: 'SIM',
        product: 'curve',
        channels: ['api'],
        instruments: [CURVE],
      },
      context,
    );
    expect((await get(`${BASE}/prices`, key)).statusCode).toBe(200);
  });

  it('seeds the simulator’s demo curve with synthetic quotes and a build', async () => {
    await prepareDemoCurve(t.platform);
    const demo = json<CurveDetail>(await get('/api/v1/curves/SIM-HUB-POWER'));
    expect(demo.curve).toMatchObject({
      market: 'SIM',
      calendar: 'US_CENTRAL',
      shapeInstrument: 'SIM.HUB_NORTH',
    });
    expect(demo.latestRun?.asOf).toBe('2026-03-09');
    const quotes = json<CurveQuotes>(await get('/api/v1/curves/SIM-HUB-POWER/quotes'));
    expect(quotes.data.length).toBeGreaterThan(10);
    expect(quotes.data.every((q) => q.source === 'sim')).toBe(true);
    // Idempotent: the same day seeds nothing new.
    await prepareDemoCurve(t.platform);
    const runs = json<CurveRunPage>(await get('/api/v1/curves/SIM-HUB-POWER/runs'));
    expect(runs.data).toHaveLength(1);
  });
});
