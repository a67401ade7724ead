import type {
  InstrumentPage,
  LatestPriceResponse,
  MarketList,
  PriceResponse,
  Problem,
} from '@254carbon/contracts';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/test-platform.js';

// Monday 2026-03-09 13:00 in Chicago (CDT); the day before is the 23-hour spring-forward day.
const NOW = Date.UTC(2026, 2, 9, 18, 0);

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
let t: TestApp;

const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'GET',
    url,
    headers: { authorization: `Bearer ${t.adminKey}`, ...headers },
  });
const json = <T>(response: { body: string }): T => JSON.parse(response.body) as T;

const expectProblem = (
  response: { statusCode: number; headers: Record<string, unknown>; body: string },
  status: number,
  code: Problem['code'],
): Problem => {
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toContain('application/problem+json');
  const problem = json<Problem>(response);
  expect(problem).toMatchObject({ status, code });
  expect(problem.requestId).toBe(response.headers['x-request-id']);
  expect(problem.detail.length).toBeGreaterThan(10);
  return problem;
};

beforeAll(async () => {
  t = await createTestApp({ nowMs: NOW, days: 4, env: { CARBON_MAX_ROWS_PER_RESPONSE: '20000' } });
});
afterAll(async () => {
  await t.close();
});

describe('operations endpoints', () => {
  it('reports liveness, readiness and Prometheus metrics', async () => {
    expect(json<{ status: string }>(await get('/healthz')).status).toBe('ok');
    const ready = await get('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(json<{ status: string; checks: Record<string, { ok: boolean }> }>(ready)).toMatchObject({
      status: 'ready',
      checks: { timeSeriesStore: { ok: true }, metadataStore: { ok: true } },
    });
    const metrics = await get('/metrics');
    expect(metrics.headers['content-type']).toContain('text/plain');
    expect(metrics.body).toContain('carbon_http_request_duration_seconds_bucket');
    expect(metrics.body).toMatch(
      /carbon_ingested_rows_total\{feed="sim",dataset="prices.rt5",outcome="inserted"\} \d+/,
    );
  });

  it('serves the OpenAPI document generated from the route schemas', async () => {
    const doc = json<{ openapi: string; paths: Record<string, unknown> }>(await get('/docs/json'));
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/prices',
        '/api/v1/prices/latest',
        '/api/v1/instruments',
        '/api/v1/markets',
        '/api/v1/jobs/runs',
      ]),
    );
  });

  it('answers unknown routes with a problem document', async () => {
    expectProblem(await get('/api/v1/nothing-here'), 404, 'not_found');
  });
});

describe('reference data', () => {
  it('lists the simulator market, clearly marked synthetic', async () => {
    const markets = json<MarketList>(await get('/api/v1/markets')).data;
    expect(markets).toEqual([
      expect.objectContaining({
        id: 'SIM',
        timezone: 'America/Chicago',
        currency: 'USD',
        synthetic: true,
      }),
    ]);
    expect(markets[0]?.runs.map((r) => [r.id, r.intervalMinutes])).toEqual([
      ['DA', 60],
      ['RT5', 5],
    ]);
  });

  it('filters instruments and pages through them with a cursor', async () => {
    const hubs = json<InstrumentPage>(await get('/api/v1/instruments?market=SIM&kind=hub'));
    expect(hubs.data.map((i) => i.id)).toEqual(['SIM.HUB_NORTH', 'SIM.HUB_SOUTH', 'SIM.HUB_WEST']);
    expect(hubs.data[0]).toMatchObject({ timezone: 'America/Chicago', product: 'lmp' });
    const first = json<InstrumentPage>(await get('/api/v1/instruments?market=SIM&limit=5'));
    expect(first.data).toHaveLength(5);
    const second = json<InstrumentPage>(
      await get(`/api/v1/instruments?market=SIM&limit=5&cursor=${first.page.nextCursor ?? ''}`),
    );
    expect((second.data[0]?.id ?? '') > (first.data[4]?.id ?? '~')).toBe(true);
    expect(
      json<InstrumentPage>(await get('/api/v1/instruments?q=north')).data.map((i) => i.id),
    ).toContain('SIM.HUB_NORTH');
  });

  it('rejects a forged cursor, an unknown parameter and a bad kind, naming the parameter', async () => {
    expect(
      expectProblem(await get('/api/v1/instruments?cursor=abc'), 400, 'invalid_request').errors?.[0]
        ?.field,
    ).toBe('cursor');
    const typo = expectProblem(await get('/api/v1/instruments?markt=SIM'), 400, 'invalid_request');
    expect(typo.errors).toEqual([
      { field: 'markt', message: 'is not a parameter of this endpoint (see /docs)' },
    ]);
    const kind = expectProblem(
      await get('/api/v1/instruments?kind=planet'),
      400,
      'invalid_request',
    );
    expect(kind.errors?.[0]).toMatchObject({
      field: 'kind',
      message: expect.stringContaining('hub'),
    });
  });

  it('gets one instrument, and 404s an unknown one with the request id the caller sent', async () => {
    expect(json<{ id: string }>(await get('/api/v1/instruments/SIM.HUB_NORTH')).id).toBe(
      'SIM.HUB_NORTH',
    );
    const missing = expectProblem(
      await get('/api/v1/instruments/SIM.NOPE', { 'x-request-id': 'trace-42' }),
      404,
      'not_found',
    );
    expect(missing.requestId).toBe('trace-42');
    expect(missing.detail).toContain('SIM.NOPE');
  });
});

describe('prices', () => {
  it('returns one local day of 5-minute prices, 276 intervals on the 23-hour spring-forward day', async () => {
    const normal = json<PriceResponse>(
      await get(
        '/api/v1/prices?instruments=SIM.HUB_NORTH&start=2026-03-06&end=2026-03-07&runs=RT5',
      ),
    );
    expect(normal.data).toHaveLength(288);
    expect(normal.data[0]).toMatchObject({
      instrument: 'SIM.HUB_NORTH',
      run: 'RT5',
      intervalStart: '2026-03-06T06:00:00.000Z',
      intervalMinutes: 5,
    });
    const dst = json<PriceResponse>(
      await get(
        '/api/v1/prices?instruments=SIM.HUB_NORTH&start=2026-03-08&end=2026-03-09&runs=RT5,DA',
      ),
    );
    expect(dst.data.filter((r) => r.run === 'RT5')).toHaveLength(276);
    expect(dst.data.filter((r) => r.run === 'DA')).toHaveLength(23);
    expect(dst.meta).toMatchObject({
      start: '2026-03-08T06:00:00.000Z',
      end: '2026-03-09T05:00:00.000Z',
      rowCount: 299,
      resample: null,
    });
    for (const row of dst.data) {
      expect(row.lmp).toBeCloseTo((row.energy ?? 0) + (row.congestion ?? 0) + (row.loss ?? 0), 6);
    }
  });

  it('returns the same rows as CSV', async () => {
    const query =
      'instruments=SIM.HUB_NORTH,SIM.HUB_SOUTH&start=2026-03-06T00:00:00Z&end=2026-03-06T06:00:00Z';
    const fromJson = json<PriceResponse>(await get(`/api/v1/prices?${query}`)).data;
    const csv = await get(`/api/v1/prices?${query}&format=csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    const rows = parse<Record<string, string>>(csv.body, { columns: true });
    expect(rows).toHaveLength(fromJson.length);
    rows.forEach((row, i) => {
      const expected = fromJson[i]!;
      expect(row).toEqual({
        instrument: expected.instrument,
        run: expected.run,
        interval_start_utc: expected.intervalStart,
        interval_minutes: String(expected.intervalMinutes),
        lmp: String(expected.lmp),
        energy: String(expected.energy),
        congestion: String(expected.congestion),
        loss: String(expected.loss),
        ghg: '',
      });
    });
  });

  it('resamples to hours and to local days (a 23-hour bucket on the DST day)', async () => {
    const hourly = json<PriceResponse>(
      await get(
        '/api/v1/prices?instruments=SIM.HUB_NORTH&start=2026-03-06&end=2026-03-07&runs=RT5&resample=1h&agg=max',
      ),
    );
    expect(hourly.data).toHaveLength(24);
    expect(hourly.data.every((r) => r.intervalMinutes === 60 && r.samples === 12)).toBe(true);
    expect(hourly.meta).toMatchObject({ resample: '1h', agg: 'max' });
    const daily = json<PriceResponse>(
      await get(
        '/api/v1/prices?instruments=SIM.HUB_NORTH&start=2026-03-07&end=2026-03-09&runs=RT5&resample=1d',
      ),
    );
    expect(daily.data.map((r) => [r.intervalStart, r.intervalMinutes, r.samples])).toEqual([
      ['2026-03-07T06:00:00.000Z', 1440, 288],
      ['2026-03-08T06:00:00.000Z', 1380, 276],
    ]);
    expect(daily.meta.agg).toBe('avg');
  });

  it('gives the latest interval of every instrument and run', async () => {
    const latest = json<LatestPriceResponse>(
      await get('/api/v1/prices/latest?market=SIM&runs=RT5'),
    ).data;
    expect(latest).toHaveLength(11);
    // RT5 is published up to the last finished 5-minute interval before "now".
    expect(new Set(latest.map((r) => r.intervalStart))).toEqual(
      new Set(['2026-03-09T17:55:00.000Z']),
    );
  });

  describe('bad input gets a 400/404 that says what to change, and stores nothing', () => {
    let coverageBefore: unknown;
    beforeAll(async () => {
      coverageBefore = await t.platform.prices.latest(
        t.platform.caller.principal,
        { market: 'SIM' },
        t.platform.caller.context,
      );
    });
    afterAll(async () => {
      expect(
        await t.platform.prices.latest(
          t.platform.caller.principal,
          { market: 'SIM' },
          t.platform.caller.context,
        ),
      ).toEqual(coverageBefore);
    });

    it('unknown instrument → 404 naming it', async () => {
      const p = expectProblem(
        await get(
          '/api/v1/prices?instruments=SIM.HUB_NORTH,SIM.MISSING&start=2026-03-06&end=2026-03-07',
        ),
        404,
        'not_found',
      );
      expect(p.detail).toContain('SIM.MISSING');
      expect(p.detail).not.toContain('SIM.HUB_NORTH,');
    });

    it('inverted range → 400 on end', async () => {
      const p = expectProblem(
        await get('/api/v1/prices?instruments=SIM.HUB_NORTH&start=2026-03-07&end=2026-03-06'),
        400,
        'invalid_request',
      );
      expect(p.errors?.[0]?.field).toBe('end');
      expect(p.detail).toContain('must be after start');
    });

    it('unbounded range → 400 asking for start/end', async () => {
      const p = expectProblem(
        await get('/api/v1/prices?instruments=SIM.HUB_NORTH'),
        400,
        'invalid_request',
      );
      expect(p.errors?.map((e) => e.field).sort()).toEqual(['end', 'start']);
    });

    it('a time without an offset → 400 rather than a guessed zone', async () => {
      const p = expectProblem(
        await get('/api/v1/prices?instruments=SIM.HUB_NORTH&start=2026-03-06T00:00&end=2026-03-07'),
        400,
        'invalid_request',
      );
      expect(p.detail).toContain('offset');
    });

    it('bad resample or aggregation → 400 listing the options', async () => {
      const p = expectProblem(
        await get(
          '/api/v1/prices?instruments=SIM.HUB_NORTH&start=2026-03-06&end=2026-03-07&resample=7m',
        ),
        400,
        'invalid_request',
      );
      expect(p.errors?.[0]).toMatchObject({
        field: 'resample',
        message: expect.stringContaining('1h'),
      });
      const agg = expectProblem(
        await get(
          '/api/v1/prices?instruments=SIM.HUB_NORTH&start=2026-03-06&end=2026-03-07&agg=max',
        ),
        400,
        'invalid_request',
      );
      expect(agg.detail).toContain('needs resample');
      const run = expectProblem(
        await get(
          '/api/v1/prices?instruments=SIM.HUB_NORTH&start=2026-03-06&end=2026-03-07&runs=RT15',
        ),
        400,
        'invalid_request',
      );
      expect(run.detail).toContain('available: DA, RT5');
    });

    it('too many rows → 400 that says how to narrow the query', async () => {
      const p = expectProblem(
        await get(
          '/api/v1/prices?instruments=SIM.HUB_NORTH,SIM.HUB_SOUTH,SIM.HUB_WEST,SIM.NODE_N01&start=2026-02-01&end=2026-03-09',
        ),
        400,
        'invalid_request',
      );
      expect(p.detail).toMatch(/limit per response is 20,000/);
      expect(p.detail).toContain('resample=1h');
      // The same range resampled fits.
      const ok = await get(
        '/api/v1/prices?instruments=SIM.HUB_NORTH,SIM.HUB_SOUTH,SIM.HUB_WEST,SIM.NODE_N01&start=2026-02-01&end=2026-03-09&resample=1h',
      );
      expect(ok.statusCode).toBe(200);
    });
  });
});

describe('jobs', () => {
  it('lists the scheduled ingestion jobs', async () => {
    const jobs = json<{ data: { name: string; schedule: string }[] }>(
      await get('/api/v1/jobs'),
    ).data;
    expect(jobs.map((j) => j.name).sort()).toEqual([
      'exports.cleanup',
      'exports.schedules',
      'housekeeping.audit-retention',
      'housekeeping.sessions',
      'ingest.sim.genmix',
      'ingest.sim.load',
      'ingest.sim.prices.da',
      'ingest.sim.prices.rt5',
      'reports.daily.SIM',
      'reports.monthly.SIM',
    ]);
  });

  it('pages through job runs newest first', async () => {
    await t.platform.scheduler.runNow('ingest.sim.prices.rt5');
    t.clock.advance(1000);
    await t.platform.scheduler.runNow('ingest.sim.prices.da');
    const page = json<{
      data: { job: string; status: string }[];
      page: { nextCursor: string | null };
    }>(await get('/api/v1/jobs/runs?limit=1'));
    expect(page.data).toEqual([
      expect.objectContaining({ job: 'ingest.sim.prices.da', status: 'succeeded' }),
    ]);
    const next = json<{ data: { job: string }[] }>(
      await get(`/api/v1/jobs/runs?limit=1&cursor=${page.page.nextCursor ?? ''}`),
    );
    expect(next.data[0]?.job).toBe('ingest.sim.prices.rt5');
    expectProblem(await get('/api/v1/jobs/runs?status=exploded'), 400, 'invalid_request');
  });
});
