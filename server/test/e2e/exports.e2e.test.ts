import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type {
  CurvePrices,
  ExportJob,
  ExportList,
  ExportSchedule,
  PriceResponse,
  Problem,
} from '@254carbon/contracts';
import { parse } from 'csv-parse/sync';
import { parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareDemoCurve } from '../../src/composition.js';
import { createTestApp } from '../support/test-platform.js';

// Monday 2026-03-09, 13:00 in Chicago (the simulator's zone).
const NOW = Date.UTC(2026, 2, 9, 18, 0);
const HOUR = 3_600_000;
const MAX_EXPORT_ROWS = 50_000;

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
let t: TestApp;
let exportDir: string;
let otherKey: string;
let viewerKey: string;

const auth = (key = t.adminKey) => ({ authorization: `Bearer ${key}` });
const json = <T>(response: { body: string }): T => JSON.parse(response.body) as T;
const get = (url: string, key?: string) => t.app.inject({ method: 'GET', url, headers: auth(key) });
const post = (url: string, payload: unknown, headers: Record<string, string> = {}, key?: string) =>
  t.app.inject({
    method: 'POST',
    url,
    headers: { ...auth(key), ...headers },
    payload: payload as object,
  });
/** Downloads without any credentials: the signed link is the credential. */
const download = (url: string) => t.app.inject({ method: 'GET', url });

const expectProblem = (
  response: { statusCode: number; body: string },
  status: number,
  code: Problem['code'],
): Problem => {
  expect(response.statusCode, response.body).toBe(status);
  const problem = json<Problem>(response);
  expect(problem).toMatchObject({ status, code });
  return problem;
};

/** Starts an export, waits for the background writer and returns the finished job. */
const exportNow = async (
  body: unknown,
  headers: Record<string, string> = {},
): Promise<ExportJob> => {
  const accepted = await post('/api/v1/exports', body, headers);
  expect(accepted.statusCode, accepted.body).toBe(202);
  expect(json<ExportJob>(accepted).status).toBe('queued');
  await t.platform.exports.settled();
  const done = json<ExportJob>(await get(`/api/v1/exports/${json<ExportJob>(accepted).id}`));
  expect(done.status, done.error ?? '').toBe('succeeded');
  return done;
};

const fetchFile = async (job: ExportJob): Promise<Buffer> => {
  expect(job.downloadUrl).toMatch(
    /^\/api\/v1\/exports\/ex_[0-9a-f]+\/download\?expires=\d+&signature=/,
  );
  const response = await download(job.downloadUrl as string);
  expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
  const bytes = response.rawPayload;
  // The checksum and size the job reports are those of the bytes served.
  expect(`sha256:${createHash('sha256').update(bytes).digest('hex')}`).toBe(job.checksum);
  expect(bytes.length).toBe(job.bytes);
  return bytes;
};

const readParquet = (bytes: Buffer): Promise<Record<string, unknown>[]> =>
  parquetReadObjects({
    file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    compressors,
  });

const isoOf = (value: unknown): string =>
  value instanceof Date ? value.toISOString() : new Date(Number(value) / 1000).toISOString();

const nullableNumber = (value: unknown): number | null =>
  value === null || value === undefined || value === '' ? null : Number(value);

beforeAll(async () => {
  exportDir = mkdtempSync(join(tmpdir(), 'carbon-exports-'));
  t = await createTestApp({
    nowMs: NOW,
    days: 2,
    env: {
      CARBON_EXPORT_DIR: exportDir,
      CARBON_EXPORT_MAX_ROWS: String(MAX_EXPORT_ROWS),
      CARBON_EXPORT_TTL: '24h',
      CARBON_EXPORT_LINK_TTL: '1h',
      CARBON_MAX_ROWS_PER_RESPONSE: '20000',
    },
  });
  await prepareDemoCurve(t.platform);
  const { principal, context } = t.platform.caller;
  await t.platform.admin.createTenant(principal, { id: 'other', name: 'Other desk' }, context);
  await t.platform.grants.grantEntitlement(
    principal,
    { tenantId: 'other', market: 'SIM', product: 'lmp', channels: ['api', 'downloads'] },
    context,
  );
  otherKey = (
    await t.platform.admin.createApiKey(
      principal,
      { tenantId: 'other', name: 'analyst', roles: ['analyst'] },
      context,
    )
  ).key;
  viewerKey = (
    await t.platform.admin.createApiKey(
      principal,
      { tenantId: 'other', name: 'viewer', roles: ['viewer'] },
      context,
    )
  ).key;
});
afterAll(async () => {
  await t.close();
  rmSync(exportDir, { recursive: true, force: true });
});

const PRICE_FILTERS = {
  instruments: ['SIM.HUB_SOUTH', 'SIM.HUB_NORTH'],
  start: '2026-03-08',
  end: '2026-03-09',
};
const PRICE_QUERY = 'instruments=SIM.HUB_SOUTH,SIM.HUB_NORTH&start=2026-03-08&end=2026-03-09';

describe('exports over HTTP', () => {
  it('exports prices to Parquet with the same rows as the prices API', async () => {
    const job = await exportNow({ dataset: 'prices', filters: PRICE_FILTERS, format: 'parquet' });
    const api = json<PriceResponse>(await get(`/api/v1/prices?${PRICE_QUERY}`)).data;
    expect(api.length).toBeGreaterThan(500);
    expect(job).toMatchObject({ rows: api.length, format: 'parquet', gzip: false });
    expect(job.checksum).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(job.fileName).toBe(`${job.id}.parquet`);

    // Parquet rows come in storage order (the fastest path); put them in the API's order to compare.
    const runs = ['DA', 'RT5', 'RT15', 'RT60', 'HASP'];
    const rank = (row: Record<string, unknown>): [number, number, string] => [
      PRICE_FILTERS.instruments.indexOf(row.instrument as string),
      runs.indexOf(row.run as string),
      isoOf(row.interval_start_utc),
    ];
    const rows = (await readParquet(await fetchFile(job))).sort((a, b) => {
      const [x, y] = [rank(a), rank(b)];
      return x[0] - y[0] || x[1] - y[1] || (x[2] < y[2] ? -1 : x[2] > y[2] ? 1 : 0);
    });
    expect(Object.keys(rows[0] ?? {})).toEqual([
      'instrument',
      'run',
      'interval_start_utc',
      'interval_minutes',
      'lmp',
      'energy',
      'congestion',
      'loss',
      'ghg',
    ]);
    expect(rows.length).toBe(api.length);
    rows.forEach((row, i) => {
      const expected = api[i];
      expect({
        instrument: row.instrument,
        run: row.run,
        intervalStart: isoOf(row.interval_start_utc),
        intervalMinutes: Number(row.interval_minutes),
        lmp: row.lmp,
        energy: nullableNumber(row.energy),
        congestion: nullableNumber(row.congestion),
        loss: nullableNumber(row.loss),
        ghg: nullableNumber(row.ghg),
      }).toEqual(expected);
    });
  });

  it('exports resampled prices to gzip CSV matching the API’s CSV row by row', async () => {
    const job = await exportNow({
      dataset: 'prices',
      filters: { ...PRICE_FILTERS, resample: '1h', agg: 'max', runs: ['RT5'] },
      format: 'csv',
      gzip: true,
    });
    expect(job.fileName).toBe(`${job.id}.csv.gz`);
    const file = await fetchFile(job);
    const ours = parse<Record<string, string>>(gunzipSync(file), { columns: true });
    const api = parse<Record<string, string>>(
      (await get(`/api/v1/prices?${PRICE_QUERY}&resample=1h&agg=max&runs=RT5&format=csv`)).body,
      { columns: true },
    );
    // 2026-03-08 is the spring-forward day in Chicago: 23 hourly buckets per hub.
    expect(ours.length).toBe(23 * 2);
    expect(ours.length).toBe(api.length);
    expect(Object.keys(ours[0] ?? {})).toEqual(Object.keys(api[0] ?? {}));
    ours.forEach((row, i) => {
      const expected = api[i] as Record<string, string>;
      for (const [column, value] of Object.entries(row)) {
        // Text columns are identical; numbers equal as numbers (DuckDB writes 35.0 where JavaScript writes 35).
        if (['instrument', 'run', 'interval_start_utc'].includes(column)) {
          expect(value, `${i}:${column}`).toBe(expected[column]);
        } else {
          expect(nullableNumber(value), `${i}:${column}`).toBe(nullableNumber(expected[column]));
        }
      }
    });
  });

  it('exports a forward curve to CSV and Parquet with the points the curve API serves', async () => {
    const filters = { curve: 'SIM-HUB-POWER', granularity: 'month', bucket: '5x16' };
    const api = json<CurvePrices>(
      await get('/api/v1/curves/SIM-HUB-POWER/prices?granularity=month&bucket=5x16'),
    );
    expect(api.data.length).toBeGreaterThan(200);
    const csvJob = await exportNow({ dataset: 'curve', filters, format: 'csv' });
    const csv = parse<Record<string, string>>(await fetchFile(csvJob), { columns: true });
    const parquetJob = await exportNow({ dataset: 'curve', filters, format: 'parquet' });
    const parquet = await readParquet(await fetchFile(parquetJob));
    expect(csv.length).toBe(api.data.length);
    expect(parquet.length).toBe(api.data.length);
    api.data.forEach((point, i) => {
      const c = csv[i] as Record<string, string>;
      expect(c).toEqual({
        curve: 'SIM-HUB-POWER',
        as_of: api.meta.asOf,
        scenario: 'base',
        bucket: '5x16',
        period: point.period,
        start_utc: point.start,
        end_utc: point.end,
        price: c.price,
      });
      expect(Number(c.price)).toBe(point.price);
      const p = parquet[i] as Record<string, unknown>;
      expect([p.period, isoOf(p.start_utc), isoOf(p.end_utc), p.price]).toEqual([
        point.period,
        point.start,
        point.end,
        point.price,
      ]);
    });
  });

  it('returns the same export for a repeated Idempotency-Key and refuses a different request with 409', async () => {
    const body = { dataset: 'prices', filters: PRICE_FILTERS, format: 'csv' };
    const first = await post('/api/v1/exports', body, { 'idempotency-key': 'nightly-2026-03-08' });
    expect(first.statusCode, first.body).toBe(202);
    // Key order does not matter: the request is compared in canonical form.
    const again = await post(
      '/api/v1/exports',
      {
        format: 'csv',
        filters: { end: '2026-03-09', start: '2026-03-08', instruments: PRICE_FILTERS.instruments },
        dataset: 'prices',
      },
      { 'idempotency-key': 'nightly-2026-03-08' },
    );
    expect(again.statusCode, again.body).toBe(200);
    expect(json<ExportJob>(again).id).toBe(json<ExportJob>(first).id);
    const before = json<ExportList>(await get('/api/v1/exports?limit=200')).data.length;
    const different = await post(
      '/api/v1/exports',
      { ...body, format: 'parquet' },
      { 'idempotency-key': 'nightly-2026-03-08' },
    );
    expect(expectProblem(different, 409, 'conflict').detail).toContain(json<ExportJob>(first).id);
    expect(json<ExportList>(await get('/api/v1/exports?limit=200')).data.length).toBe(before);
    await t.platform.exports.settled();
  });

  it('refuses an export over the row cap, and bad filters, before queuing anything', async () => {
    const before = json<ExportList>(await get('/api/v1/exports?limit=200')).data.length;
    const tooBig = expectProblem(
      await post('/api/v1/exports', {
        dataset: 'prices',
        filters: {
          instruments: ['SIM.HUB_NORTH', 'SIM.HUB_SOUTH'],
          start: '2025-06-01',
          end: '2026-03-01',
        },
        format: 'parquet',
      }),
      400,
      'invalid_request',
    );
    expect(tooBig.detail).toMatch(/limit per export is 50,000/);
    expectProblem(
      await post('/api/v1/exports', {
        dataset: 'prices',
        filters: { ...PRICE_FILTERS, runs: ['NOPE'] },
        format: 'csv',
      }),
      400,
      'invalid_request',
    );
    expectProblem(
      await post('/api/v1/exports', {
        dataset: 'prices',
        filters: PRICE_FILTERS,
        format: 'parquet',
        gzip: true,
      }),
      400,
      'invalid_request',
    );
    expectProblem(
      await post('/api/v1/exports', {
        dataset: 'sql',
        filters: { query: 'SELECT 1' },
        format: 'csv',
      }),
      400,
      'invalid_request',
    );
    expectProblem(
      await post('/api/v1/exports', {
        dataset: 'prices',
        filters: { ...PRICE_FILTERS, instruments: ['SIM.NOPE'] },
        format: 'csv',
      }),
      404,
      'not_found',
    );
    expect(json<ExportList>(await get('/api/v1/exports?limit=200')).data.length).toBe(before);
  });

  it('refuses a tampered or expired download link with 403, and audits downloads', async () => {
    const job = await exportNow({ dataset: 'prices', filters: PRICE_FILTERS, format: 'csv' });
    const url = job.downloadUrl as string;
    const signature = new URL(url, 'http://x').searchParams.get('signature') as string;
    const flipped = `${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`;
    expectProblem(await download(url.replace(signature, flipped)), 403, 'not_entitled');
    // A later expiry with the old signature, or another export's id, is just as invalid.
    const expires = Number(new URL(url, 'http://x').searchParams.get('expires'));
    expectProblem(
      await download(url.replace(`expires=${expires}`, `expires=${expires + 3600}`)),
      403,
      'not_entitled',
    );
    expectProblem(
      // Another id (the last hex digit changed, never to itself).
      await download(
        url.replace(job.id, `${job.id.slice(0, -1)}${job.id.endsWith('0') ? '1' : '0'}`),
      ),
      403,
      'not_entitled',
    );
    expect((await download(url)).statusCode).toBe(200);

    t.clock.advance(HOUR + 1000);
    try {
      expectProblem(await download(url), 403, 'not_entitled');
      // A fresh link from the status endpoint works again (the export itself lives 24 h).
      const fresh = json<ExportJob>(await get(`/api/v1/exports/${job.id}`));
      expect(fresh.downloadUrl).not.toBe(url);
      expect((await download(fresh.downloadUrl as string)).statusCode).toBe(200);
    } finally {
      t.clock.advance(-(HOUR + 1000));
    }
    await t.platform.audit.flush();
    const audit = await t.platform.audit.list({ action: 'exports.download' }, { limit: 100 });
    expect(audit.items.some((r) => r.resourceId === job.id && r.result === 'success')).toBe(true);
    expect(audit.items.filter((r) => r.result === 'denied').length).toBeGreaterThanOrEqual(4);
  });

  it('keeps exports to their tenant and needs data:export and the downloads channel', async () => {
    const mine = json<ExportList>(await get('/api/v1/exports')).data;
    expect(mine.length).toBeGreaterThan(0);
    const id = (mine[0] as ExportJob).id;
    expectProblem(await get(`/api/v1/exports/${id}`, otherKey), 404, 'not_found');
    expect(json<ExportList>(await get('/api/v1/exports', otherKey)).data).toEqual([]);

    // The other tenant can export what it is entitled to, and sees only that.
    const accepted = await post(
      '/api/v1/exports',
      { dataset: 'prices', filters: PRICE_FILTERS, format: 'csv' },
      {},
      otherKey,
    );
    expect(accepted.statusCode, accepted.body).toBe(202);
    await t.platform.exports.settled();
    expect(json<ExportList>(await get('/api/v1/exports', otherKey)).data.map((e) => e.id)).toEqual([
      json<ExportJob>(accepted).id,
    ]);
    expectProblem(await get(`/api/v1/exports/${json<ExportJob>(accepted).id}`), 404, 'not_found');
    // Its grant has no curve product (403, as the curve API answers); a viewer may not export at all.
    expectProblem(
      await post(
        '/api/v1/exports',
        { dataset: 'curve', filters: { curve: 'SIM-HUB-POWER' }, format: 'csv' },
        {},
        otherKey,
      ),
      403,
      'not_entitled',
    );
    expectProblem(
      await post(
        '/api/v1/exports',
        { dataset: 'prices', filters: PRICE_FILTERS, format: 'csv' },
        {},
        viewerKey,
      ),
      403,
      'not_entitled',
    );
  });

  it('runs scheduled exports for the run date, once per firing', async () => {
    const created = await post('/api/v1/exports/schedules', {
      name: 'Yesterday’s DA hubs',
      cron: '0 6 * * *',
      timezone: 'America/Chicago',
      dataset: 'prices',
      filters: { instruments: ['SIM.HUB_NORTH'], runs: ['DA'], startDay: -1, endDay: 0 },
      format: 'parquet',
    });
    expect(created.statusCode, created.body).toBe(201);
    const schedule = json<ExportSchedule>(created);
    expect(schedule.nextRunAt).toBe('2026-03-10T11:00:00.000Z');
    expectProblem(
      await post('/api/v1/exports/schedules', {
        name: 'bad',
        cron: '0 6 * *',
        timezone: 'Mars/Base',
        dataset: 'prices',
        filters: { instruments: ['SIM.HUB_NORTH'], startDay: -1, endDay: 0 },
        format: 'csv',
      }),
      400,
      'invalid_request',
    );

    // Not due yet.
    expect((await t.platform.scheduler.runNow('exports.schedules')).rows).toBe(0);
    t.clock.set(Date.UTC(2026, 2, 10, 11, 0, 30));
    try {
      expect((await t.platform.scheduler.runNow('exports.schedules')).rows).toBe(1);
      expect((await t.platform.scheduler.runNow('exports.schedules')).rows).toBe(0);
      await t.platform.exports.settled();
      const made = json<ExportList>(await get('/api/v1/exports')).data.filter(
        (e) => e.scheduleId === schedule.id,
      );
      expect(made).toHaveLength(1);
      const job = made[0] as ExportJob;
      expect(job).toMatchObject({ status: 'succeeded', rows: 24 });
      expect(job.request).toMatchObject({
        filters: {
          start: '2026-03-09',
          end: '2026-03-10',
          instruments: ['SIM.HUB_NORTH'],
          runs: ['DA'],
        },
      });
      const rows = await readParquet(await fetchFile(job));
      expect(isoOf(rows[0]?.interval_start_utc)).toBe('2026-03-09T05:00:00.000Z');

      const listed = json<{ data: ExportSchedule[] }>(await get('/api/v1/exports/schedules')).data;
      expect(listed.find((s) => s.id === schedule.id)).toMatchObject({
        lastExportId: job.id,
        nextRunAt: '2026-03-11T11:00:00.000Z',
      });
      expect(
        json<{ data: unknown[] }>(await get('/api/v1/exports/schedules', otherKey)).data,
      ).toEqual([]);
      expectProblem(
        await t.app.inject({
          method: 'DELETE',
          url: `/api/v1/exports/schedules/${schedule.id}`,
          headers: auth(otherKey),
        }),
        404,
        'not_found',
      );
      const deleted = await t.app.inject({
        method: 'DELETE',
        url: `/api/v1/exports/schedules/${schedule.id}`,
        headers: auth(),
      });
      expect(deleted.statusCode).toBe(204);
      expect(json<{ data: unknown[] }>(await get('/api/v1/exports/schedules')).data).toEqual([]);
    } finally {
      t.clock.set(NOW);
    }
  });

  it('stops running a schedule whose creator’s API key was revoked', async () => {
    const { principal, context } = t.platform.caller;
    const key = await t.platform.admin.createApiKey(
      principal,
      { tenantId: 'other', name: 'scheduler', roles: ['analyst'] },
      context,
    );
    const created = await post(
      '/api/v1/exports/schedules',
      {
        name: 'Daily DA',
        cron: '0 6 * * *',
        timezone: 'America/Chicago',
        dataset: 'prices',
        filters: { instruments: ['SIM.HUB_NORTH'], runs: ['DA'], startDay: -1, endDay: 0 },
        format: 'csv',
      },
      {},
      key.key,
    );
    expect(created.statusCode, created.body).toBe(201);
    await t.platform.admin.revokeApiKey(principal, key.record.id, context);
    t.clock.set(Date.UTC(2026, 2, 10, 11, 0, 30));
    try {
      expect((await t.platform.scheduler.runNow('exports.schedules')).rows).toBe(0);
      const listed = json<{ data: ExportSchedule[] }>(
        await get('/api/v1/exports/schedules', otherKey),
      ).data;
      // The firing is consumed (not retried every minute) and produced no export.
      expect(listed[0]).toMatchObject({
        lastRunAt: '2026-03-10T11:00:30.000Z',
        lastExportId: null,
      });
    } finally {
      t.clock.set(NOW);
    }
  });

  it('deletes expired exports, files and records, in the cleanup job', async () => {
    const job = await exportNow({ dataset: 'prices', filters: PRICE_FILTERS, format: 'parquet' });
    const file = join(exportDir, job.fileName);
    expect(existsSync(file)).toBe(true);
    expect((await t.platform.scheduler.runNow('exports.cleanup')).rows).toBe(0);
    t.clock.advance(24 * HOUR + 1000);
    try {
      const run = await t.platform.scheduler.runNow('exports.cleanup');
      expect(run.rows).toBeGreaterThanOrEqual(1);
      expect(existsSync(file)).toBe(false);
      expectProblem(await get(`/api/v1/exports/${job.id}`), 404, 'not_found');
      const left = json<ExportList>(await get('/api/v1/exports?limit=200')).data;
      // Only the scheduled export, made a day later, is still within its 24 hours.
      expect(left.map((e) => e.scheduleId !== null)).toEqual([true]);
    } finally {
      t.clock.set(NOW);
    }
  });
});
