import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { startTestServer } from '../../server/test/support/test-platform.js';
import { ApiError, createClient, type PriceRow } from '../src/index.js';

/** The client against a real server listening on loopback, authenticated with an API key. */

let server: Awaited<ReturnType<typeof startTestServer>>;
let apiKey: string;

beforeAll(async () => {
  server = await startTestServer();
  apiKey = server.created.find((c) => c.tenantId === 'operator')?.apiKey ?? '';
  expect(apiKey).not.toBe('');
});
afterAll(async () => {
  await server.close();
});

const day = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe('@254carbon/client', () => {
  it('reads markets, instruments and prices, typed, as the REST API serves them', async () => {
    const client = createClient({ baseUrl: `${server.url}/`, apiKey });

    const markets = await client.markets();
    expect(markets.map((m) => m.id)).toContain('SIM');
    expect((await client.market('SIM')).timezone).toBe(
      markets.find((m) => m.id === 'SIM')?.timezone,
    );

    const page = await client.instruments({ market: 'SIM', kind: 'hub', limit: 1 });
    expect(page.data).toHaveLength(1);
    expect(page.page.nextCursor).not.toBeNull();
    const next = await client.instruments({
      market: 'SIM',
      kind: 'hub',
      limit: 1,
      cursor: page.page.nextCursor ?? undefined,
    });
    expect(next.data[0]?.id).not.toBe(page.data[0]?.id);
    expect((await client.instrument('SIM.HUB_NORTH')).market).toBe('SIM');

    const prices = await client.prices({
      instruments: ['SIM.HUB_NORTH', 'SIM.HUB_SOUTH'],
      start: day(-1),
      end: day(0),
      runs: ['DA'],
    });
    expectTypeOf(prices.data).toEqualTypeOf<PriceRow[]>();
    expectTypeOf(prices.data[0]!.lmp).toEqualTypeOf<number>();
    expect(prices.data.length).toBeGreaterThan(40);
    expect(typeof prices.data[0]?.lmp).toBe('number');
    expect(prices.meta.instruments).toEqual(['SIM.HUB_NORTH', 'SIM.HUB_SOUTH']);

    // The same bytes the REST endpoint gives a plain HTTP caller.
    const url = `${server.url}/api/v1/prices?instruments=SIM.HUB_NORTH,SIM.HUB_SOUTH&start=${day(-1)}&end=${day(0)}&runs=DA`;
    const plain = (await (
      await fetch(url, { headers: { authorization: `Bearer ${apiKey}` } })
    ).json()) as unknown;
    expect(prices).toEqual(plain);

    const daily = await client.prices({
      instruments: 'SIM.HUB_NORTH',
      start: day(-1),
      end: day(0),
      resample: '1d',
      agg: 'avg',
    });
    expect(daily.data.every((row) => (row.samples ?? 0) > 0)).toBe(true);

    const latest = await client.latest({ market: 'SIM', runs: ['DA'] });
    expect(latest.length).toBeGreaterThan(0);
    expect(latest[0]?.receivedAt).toMatch(/Z$/);
  });

  it('reads forward curves: list, detail, prices, runs and a run’s diagnostics', async () => {
    const client = createClient({ baseUrl: server.url, apiKey });
    const curves = await client.curves.list();
    const demo = curves.find((c) => c.id === 'SIM-HUB-POWER');
    expect(demo?.latestAsOf).not.toBeNull();
    const detail = await client.curves.get('SIM-HUB-POWER');
    const runId = detail.latestRun?.runId ?? '';
    const monthly = await client.curves.prices('SIM-HUB-POWER', {
      granularity: 'month',
      bucket: '7x24',
    });
    expect(monthly.meta).toMatchObject({ runId, granularity: 'month', bucket: '7x24' });
    expect(monthly.data.length).toBeGreaterThan(12);
    const runs = await client.curves.runs('SIM-HUB-POWER', { limit: 5 });
    expect(runs.data.map((r) => r.runId)).toContain(runId);
    const run = await client.curves.run('SIM-HUB-POWER', runId);
    expect(run.diagnostics.residuals.length).toBeGreaterThan(0);
  });

  it('throws ApiError with the server’s code, message and request id', async () => {
    const client = createClient({ baseUrl: server.url, apiKey });
    const missing = await client.instrument('SIM.NOWHERE').catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(ApiError);
    expect(missing).toMatchObject({ status: 404, code: 'not_found' });
    expect((missing as ApiError).requestId).not.toBeNull();

    const bad = await client
      .prices({ instruments: 'SIM.HUB_NORTH', start: day(0), end: day(-1) })
      .catch((e: unknown) => e);
    expect(bad).toMatchObject({ status: 400, code: 'invalid_request' });

    const anonymous = createClient({ baseUrl: server.url, apiKey: 'c254_0000000000000000.nope' });
    expect(await anonymous.markets().catch((e: unknown) => e)).toMatchObject({
      status: 401,
      code: 'not_authenticated',
    });
  });
});
