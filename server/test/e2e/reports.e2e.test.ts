import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Problem, Report, ReportList } from '@254carbon/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareDemoCurve } from '../../src/composition.js';
import {
  chromiumAvailability,
  describeIntegration,
  type Availability,
} from '../support/integration.js';
import { createTestApp } from '../support/test-platform.js';

// Friday 2026-03-06, 12:00 in Chicago (the simulator's zone); the brief covers Thursday 2026-03-05.
const NOW = Date.UTC(2026, 2, 6, 18, 0);
const DAY = '2026-03-05';
const ZONE = 'America/Chicago';
const HUBS = ['SIM.HUB_NORTH', 'SIM.HUB_SOUTH', 'SIM.HUB_WEST'];

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
let t: TestApp;

const auth = (key = t.adminKey) => ({ authorization: `Bearer ${key}` });
const get = (url: string, key?: string) => t.app.inject({ method: 'GET', url, headers: auth(key) });
const post = (url: string, payload: unknown, key?: string) =>
  t.app.inject({ method: 'POST', url, headers: auth(key), payload: payload as object });
const json = <T>(response: { body: string }): T => JSON.parse(response.body) as T;

const expectProblem = (
  response: { statusCode: number; body: string },
  status: number,
  code: Problem['code'],
): void => {
  expect(response.statusCode, response.body).toBe(status);
  expect(json<Problem>(response).code).toBe(code);
};

/** Requests a brief over HTTP and waits for it to finish. */
const brief = async (payload: object, key?: string): Promise<Report> => {
  const created = await post('/api/v1/reports', payload, key);
  expect(created.statusCode, created.body).toBe(202);
  const queued = json<Report>(created);
  expect(queued.status).toBe('queued');
  await t.platform.reports.settled(queued.id);
  return json<Report>(await get(`/api/v1/reports/${queued.id}`, key));
};

// ---- the expected numbers, computed here from the raw stored intervals, not with the report's code ----

const localHour = (ms: number): number =>
  Number(
    new Intl.DateTimeFormat('en-US', { timeZone: ZONE, hour: 'numeric', hourCycle: 'h23' }).format(
      new Date(ms),
    ),
  );
const localWeekday = (ms: number): string =>
  new Intl.DateTimeFormat('en-US', { timeZone: ZONE, weekday: 'short' }).format(new Date(ms));

interface Expected {
  average: number;
  min: number;
  max: number;
  onPeak: number | null;
  offPeak: number | null;
  hourly: Map<number, number>;
}

const avg = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Hourly means of the stored intervals, then the day's figures; on-peak = HE07–HE22 Central on weekdays. */
const expectedFor = async (
  instrument: string,
  run: 'DA' | 'RT5',
  fromMs: number,
  toMs: number,
): Promise<Expected> => {
  const { principal, context } = t.platform.caller;
  const { prices } = await t.platform.prices.query(
    principal,
    {
      instruments: instrument,
      start: new Date(fromMs).toISOString(),
      end: new Date(toMs).toISOString(),
      runs: run,
    },
    context,
  );
  const byHour = new Map<number, number[]>();
  for (let i = 0; i < prices.length; i++) {
    const hour = Math.floor((prices.intervalStartMs[i] as number) / 3_600_000) * 3_600_000;
    byHour.set(hour, [...(byHour.get(hour) ?? []), prices.lmp[i] as number]);
  }
  const hourly = new Map([...byHour].map(([h, xs]) => [h, avg(xs)]));
  const values = [...hourly.values()];
  const isOn = (h: number) =>
    !['Sat', 'Sun'].includes(localWeekday(h)) && localHour(h) >= 6 && localHour(h) <= 21;
  const on = [...hourly].filter(([h]) => isOn(h)).map(([, v]) => v);
  const off = [...hourly].filter(([h]) => !isOn(h)).map(([, v]) => v);
  return {
    average: avg(values),
    min: Math.min(...values),
    max: Math.max(...values),
    onPeak: on.length ? avg(on) : null,
    offPeak: off.length ? avg(off) : null,
    hourly,
  };
};

/** The five numbers of a table row (average, min, max, on-peak, off-peak), as printed. */
const rowCells = (html: string, attributes: string): string[] => {
  const row = html.match(new RegExp(`<tr ${attributes}>(.*?)</tr>`, 's'));
  expect(row, `row ${attributes}`).not.toBeNull();
  return [...(row?.[1] ?? '').matchAll(/<td class="num">([^<]*)<\/td>/g)].map((m) => m[1] ?? '');
};

const fmt = (v: number | null): string => (v === null ? '—' : v.toFixed(2));

beforeAll(async () => {
  t = await createTestApp({ nowMs: NOW, days: 2 });
  await prepareDemoCurve(t.platform);
  // The operator holds prices and curves from the first start; load and generation mix are granted here.
  const { principal, context } = t.platform.caller;
  for (const product of ['load', 'gen_mix'] as const) {
    await t.platform.grants.grantEntitlement(
      principal,
      { tenantId: 'operator', market: 'SIM', product, channels: ['hub', 'api', 'downloads'] },
      context,
    );
  }
}, 60_000);
afterAll(async () => {
  await t?.close();
});

describe('market briefs', () => {
  let daily: Report;
  let html: string;

  it('generates a daily brief whose numbers match the stored prices', async () => {
    daily = await brief({ market: 'SIM', kind: 'daily', period: DAY });
    expect(daily).toMatchObject({
      market: 'SIM',
      kind: 'daily',
      period: DAY,
      status: 'succeeded',
      trigger: 'on_demand',
      shared: false,
      from: '2026-03-05T06:00:00.000Z',
      to: '2026-03-06T06:00:00.000Z',
    });
    expect(daily.instruments).toEqual(expect.arrayContaining(HUBS));
    expect(['rendered', 'unavailable']).toContain(daily.pdfStatus);

    const response = await get(daily.links.html);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.headers['content-disposition']).toContain(`SIM_daily_${DAY}.html`);
    expect(response.headers['content-security-policy']).toContain('sandbox allow-scripts');
    html = response.body;

    const fromMs = Date.parse(daily.from);
    const toMs = Date.parse(daily.to);
    for (const hub of HUBS) {
      const da = await expectedFor(hub, 'DA', fromMs, toMs);
      const rt = await expectedFor(hub, 'RT5', fromMs, toMs);
      expect(da.hourly.size).toBe(24);
      expect(rt.hourly.size).toBe(24);
      for (const [run, e] of [
        ['DA', da],
        ['RT5', rt],
      ] as const) {
        const cells = rowCells(html, `data-instrument="${hub}" data-run="${run}"`);
        const printed = cells.map(Number);
        const expected = [e.average, e.min, e.max, e.onPeak as number, e.offPeak as number];
        // Two decimals as printed; the store averages in DuckDB, this test in JavaScript.
        printed.forEach((v, i) => expect(v).toBeCloseTo(expected[i] as number, 1));
        expect(cells[0]).toBe(fmt(e.average));
      }
      const spreads = [...da.hourly].map(([h, v]) => v - (rt.hourly.get(h) as number));
      const spread = rowCells(html, `data-instrument="${hub}"`);
      expect(Number(spread[0])).toBeCloseTo(avg(spreads), 1);
      expect(spread[3]).toBe('24');
    }
  });

  it('shows system load and a generation mix whose shares add up to 100 %', () => {
    expect(daily.instruments).toEqual(
      expect.arrayContaining(['SIM.SYSTEM_LOAD', 'SIM.SYSTEM_GEN']),
    );
    const load = rowCells(html, 'data-instrument="SIM.SYSTEM_LOAD"').map(Number);
    const [average = 0, min = 0, peak = 0, energy = 0] = load;
    expect(min).toBeGreaterThan(0);
    expect(min).toBeLessThanOrEqual(average);
    expect(average).toBeLessThanOrEqual(peak);
    // A whole day: energy is the average load times 24 hours.
    expect(Math.abs(energy - average * 24)).toBeLessThanOrEqual(24);
    const shares = [
      ...html.matchAll(
        /<tr data-fuel="[^"]+">.*?<td class="num">[^<]*<\/td><td class="num">([\d.]+) %<\/td>/g,
      ),
    ].map((m) => Number(m[1]));
    expect(shares.length).toBeGreaterThan(1);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 0);
  });

  it('is self-contained, draws its charts with uPlot and names the forward curve', () => {
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=/);
    expect(html).toContain('uPlot');
    expect(html).toContain('data-chart="0"');
    expect(html).toContain('Hourly profile');
    expect(html).toContain('SIM-HUB-POWER');
    expect(html).toContain('Synthetic market');
    expect(html).toMatch(
      /Open problems recorded for the period: <strong class="open-problems">\d+<\/strong>/,
    );
  });

  it('generates a monthly brief over the stored days of the month', async () => {
    const monthly = await brief({ market: 'SIM', kind: 'monthly', period: '2026-03' });
    expect(monthly).toMatchObject({ status: 'succeeded', period: '2026-03' });
    expect(monthly.from).toBe('2026-03-01T06:00:00.000Z');
    expect(monthly.to).toBe('2026-04-01T05:00:00.000Z');
    const page = (await get(monthly.links.html)).body;
    expect(page).toContain('Daily averages');
    const e = await expectedFor(
      'SIM.HUB_NORTH',
      'DA',
      Date.parse(monthly.from),
      Date.parse(monthly.to),
    );
    const cells = rowCells(page, 'data-instrument="SIM.HUB_NORTH" data-run="DA"');
    expect(Number(cells[0])).toBeCloseTo(e.average, 1);
    expect(Number(cells[2])).toBeCloseTo(e.max, 1);
  });

  it('documents the routes in the OpenAPI document', async () => {
    const doc = json<{ paths: Record<string, Record<string, unknown>> }>(await get('/docs/json'));
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/reports',
        '/api/v1/reports/{reportId}',
        '/api/v1/reports/{reportId}/html',
        '/api/v1/reports/{reportId}/pdf',
      ]),
    );
    expect(JSON.stringify(doc.paths['/api/v1/reports/{reportId}/pdf'])).toContain(
      'application/pdf',
    );
  });

  it('lists reports and refuses bad requests without storing anything', async () => {
    const before = json<ReportList>(await get('/api/v1/reports')).data.length;
    expect(before).toBeGreaterThanOrEqual(2);
    expectProblem(
      await post('/api/v1/reports', { market: 'SIM', kind: 'weekly', period: DAY }),
      400,
      'invalid_request',
    );
    expectProblem(
      await post('/api/v1/reports', { market: 'SIM', kind: 'daily', period: '2026-02-30' }),
      400,
      'invalid_request',
    );
    expectProblem(
      await post('/api/v1/reports', { market: 'SIM', kind: 'daily', period: '2027-01-01' }),
      400,
      'invalid_request',
    );
    expectProblem(
      await post('/api/v1/reports', { market: 'NOPE', kind: 'daily', period: DAY }),
      404,
      'not_found',
    );
    expect(json<ReportList>(await get('/api/v1/reports')).data.length).toBe(before);
    expectProblem(await get('/api/v1/reports/rpt_missing'), 404, 'not_found');
  });

  it('keeps reports from tenants without entitlements, and needs the downloads channel for files', async () => {
    const { principal, context } = t.platform.caller;
    await t.platform.admin.createTenant(principal, { id: 'nobody', name: 'Nothing' }, context);
    const nobody = (
      await t.platform.admin.createApiKey(
        principal,
        { tenantId: 'nobody', name: 'p', roles: ['admin'] },
        context,
      )
    ).key;
    expectProblem(await get('/api/v1/reports', nobody), 403, 'not_entitled');
    expectProblem(await get(`/api/v1/reports/${daily.id}`, nobody), 403, 'not_entitled');
    expectProblem(await get(daily.links.html, nobody), 403, 'not_entitled');
    expectProblem(
      await post('/api/v1/reports', { market: 'SIM', kind: 'daily', period: DAY }, nobody),
      403,
      'not_entitled',
    );

    // Entitled to SIM prices through the API only: another tenant's report stays unknown, and a scheduled brief
    // (which also shows load and generation mix) is hidden until the tenant holds every product it shows.
    await t.platform.admin.createTenant(principal, { id: 'api_only', name: 'API only' }, context);
    const grant = (
      products: readonly ('lmp' | 'load' | 'gen_mix')[],
      channels: ('api' | 'downloads')[],
    ) =>
      Promise.all(
        products.map((product) =>
          t.platform.grants.grantEntitlement(
            principal,
            { tenantId: 'api_only', market: 'SIM', product, channels },
            context,
          ),
        ),
      );
    await grant(['lmp'], ['api']);
    const apiOnly = (
      await t.platform.admin.createApiKey(
        principal,
        { tenantId: 'api_only', name: 'p', roles: ['analyst'] },
        context,
      )
    ).key;
    expectProblem(await get(`/api/v1/reports/${daily.id}`, apiOnly), 404, 'not_found');
    expect(await t.platform.reports.runScheduled('SIM', 'daily')).toEqual({ rows: 1 });
    expect(await t.platform.reports.runScheduled('SIM', 'daily')).toEqual({ rows: 0 });
    expect(json<ReportList>(await get('/api/v1/reports', apiOnly)).data).toEqual([]);

    await grant(['load', 'gen_mix'], ['api']);
    const listed = json<ReportList>(await get('/api/v1/reports', apiOnly)).data;
    expect(listed.map((r) => r.id)).not.toContain(daily.id);
    const scheduled = listed.find((r) => r.trigger === 'schedule');
    expect(scheduled).toMatchObject({ period: DAY, shared: true, status: 'succeeded' });
    expectProblem(await get(`/api/v1/reports/${scheduled?.id}/html`, apiOnly), 403, 'not_entitled');

    await grant(['lmp', 'load', 'gen_mix'], ['api', 'downloads']);
    const file = await get(`/api/v1/reports/${scheduled?.id}/html`, apiOnly);
    expect(file.statusCode, file.body).toBe(200);
    const trail = await t.platform.audit.list(
      { tenantId: 'api_only', action: 'reports.download.html' },
      { limit: 50 },
    );
    expect(trail.items.some((e) => e.result === 'success')).toBe(true);
    expect(trail.items.some((e) => e.result !== 'success')).toBe(true);
  });
});

const pdftoppmAvailability = (): Availability => {
  const chromium = chromiumAvailability();
  if (!chromium.available) {
    return chromium;
  }
  return existsSync('/usr/bin/pdftoppm')
    ? { available: true, reason: '' }
    : { available: false, reason: 'pdftoppm not found (install Debian’s poppler-utils)' };
};

describeIntegration('market brief PDF printed by Chromium', pdftoppmAvailability(), () => {
  it('prints pages with charts on them', async () => {
    const report = await brief({ market: 'SIM', kind: 'daily', period: DAY });
    expect(report.pdfStatus, report.message ?? '').toBe('rendered');
    const response = await get(report.links.pdf);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const dir = mkdtempSync(join(tmpdir(), 'carbon-report-'));
    try {
      writeFileSync(join(dir, 'brief.pdf'), response.rawPayload);
      execFileSync('pdftoppm', ['-png', '-r', '40', join(dir, 'brief.pdf'), join(dir, 'page')]);
      const pngs = readdirSync(dir).filter((f) => f.endsWith('.png'));
      expect(pngs.length).toBeGreaterThanOrEqual(1);
      // The first page as raw greyscale pixels (PGM) to measure: a blank page has no variance.
      execFileSync('pdftoppm', [
        '-gray',
        '-r',
        '40',
        '-f',
        '1',
        '-l',
        '1',
        '-singlefile',
        join(dir, 'brief.pdf'),
        join(dir, 'first'),
      ]);
      const pgm = readFileSync(join(dir, 'first.pgm'));
      const header = pgm.toString('latin1', 0, 64).match(/^P5\s+(\d+)\s+(\d+)\s+255\s/);
      expect(header).not.toBeNull();
      const pixels = pgm.subarray((header?.[0] ?? '').length);
      const mean = pixels.reduce((a, b) => a + b, 0) / pixels.length;
      const variance = pixels.reduce((a, b) => a + (b - mean) ** 2, 0) / pixels.length;
      expect(variance).toBeGreaterThan(100);
      const dark = pixels.filter((p) => p < 128).length / pixels.length;
      expect(dark).toBeGreaterThan(0.005);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
