import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Problem, QualityProblemPage, QualitySummary } from '@254carbon/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PriceBatchBuilder } from '../../src/domain/prices/price-batch.js';
import { localDayBounds } from '../../src/domain/time/zoned.js';
import type { IngestBatchContext } from '../../src/features/ingest/quality-gate.js';
import { cliHarness } from '../support/cli-harness.js';
import { createTestApp } from '../support/test-platform.js';

// Monday 2026-03-09 13:00 in Chicago. The batch under test is for Sunday 2025-11-02, the 25-hour fall-back day.
const NOW = Date.UTC(2026, 2, 9, 18, 0);
const FALL_BACK = localDayBounds('America/Chicago', '2025-11-02');
const FIVE_MINUTES = 300_000;

let t: Awaited<ReturnType<typeof createTestApp>>;

const get = (url: string) =>
  t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${t.adminKey}` } });
const json = <T>(response: { body: string }): T => JSON.parse(response.body) as T;

/**
 * A real-time window of the simulator's market with the faults a risk desk worries about: SIM.HUB_NORTH has one
 * interval published twice, one whose components do not add up, one priced at 15,000 $/MWh, and is missing the
 * two intervals from 01:00 to 01:10 CST (the second, repeated 01:00 hour); SIM.NODE_N01 is complete.
 */
const faultyWindow = () => {
  const builder = new PriceBatchBuilder();
  const run = builder.runSlot('RT5');
  const hub = builder.instrumentSlot('SIM.HUB_NORTH');
  const node = builder.instrumentSlot('SIM.NODE_N01');
  const secondOneAm = Date.UTC(2025, 10, 2, 7);
  for (let start = FALL_BACK.startMs; start < FALL_BACK.endMs; start += FIVE_MINUTES) {
    builder.addColumns(node, run, start, 5, 31, 29, 1.5, 0.5, Number.NaN);
    if (start === secondOneAm || start === secondOneAm + FIVE_MINUTES) {
      continue;
    }
    const slot = (start - FALL_BACK.startMs) / FIVE_MINUTES;
    const lmp = slot === 150 ? 15_000 : 30;
    const congestion = slot === 100 ? 4 : 1.5;
    builder.addColumns(hub, run, start, 5, lmp, lmp - 2, congestion, 0.5, Number.NaN);
    if (slot === 50) {
      builder.addColumns(hub, run, start, 5, lmp, lmp - 2, congestion, 0.5, Number.NaN);
    }
  }
  return builder.build();
};

beforeAll(async () => {
  t = await createTestApp({ nowMs: NOW, days: 1 });
  const feed = t.platform.ingest.feed('sim');
  const context: IngestBatchContext = {
    feed,
    dataset: feed.datasets.find((d) => d.id === 'prices.rt5')!,
    // The fetch window covered the whole local day, so its completeness is judged.
    window: { fromMs: FALL_BACK.startMs, toMs: FALL_BACK.endMs },
    source: 'sim://prices.rt5/2025-11-02',
  };
  // What the ingest does for every fetched window: inspect, store what comes back, then report the write.
  const checked = await t.platform.quality.inspect(context, {
    kind: 'prices',
    prices: faultyWindow(),
  });
  const stored = checked.kind === 'prices' ? checked.prices.length : 0;
  await t.platform.quality.stored(context, checked, {
    inserted: stored,
    revised: 0,
    unchanged: 0,
  });
});
afterAll(async () => {
  await t.close();
});

describe('GET /api/v1/quality/problems', () => {
  it('lists every problem of the window with local times, errors first', async () => {
    const response = await get('/api/v1/quality/problems?market=SIM&from=2025-11-02&to=2025-11-02');
    expect(response.statusCode).toBe(200);
    const page = json<QualityProblemPage>(response);
    expect(
      page.data.map((p) => [p.severity, p.check, p.instrument, p.count, p.disposition]),
    ).toEqual([
      ['error', 'completeness.missing', 'SIM.HUB_NORTH', 2, 'absent'],
      ['error', 'components.sum', 'SIM.HUB_NORTH', 1, 'stored'],
      ['error', 'price.out_of_range', 'SIM.HUB_NORTH', 1, 'stored'],
      ['warning', 'duplicate.identical', 'SIM.HUB_NORTH', 1, 'removed'],
    ]);
    const byCheck = new Map(page.data.map((p) => [p.check, p]));
    expect(byCheck.get('completeness.missing')).toMatchObject({
      market: 'SIM',
      feed: 'sim',
      dataset: 'prices.rt5',
      run: 'RT5',
      localDay: '2025-11-02',
      intervalStart: '2025-11-02T07:00:00.000Z',
      source: 'sim://prices.rt5/2025-11-02',
      resolvedAt: null,
      message:
        '298 of 300 5-minute intervals present on this 25-hour day (2 missing): 01:00–01:10 CST',
    });
    expect(byCheck.get('components.sum')?.message).toContain(
      'energy 28.00 + congestion 4.00 + loss 0.50 = 32.50 vs LMP 30.00, off by 2.50',
    );
    expect(byCheck.get('price.out_of_range')?.message).toContain('LMP 15000.00');
    expect(byCheck.get('duplicate.identical')?.message).toContain('one copy stored');
  });

  it('filters by check and severity, and pages with a cursor', async () => {
    const warnings = json<QualityProblemPage>(
      await get('/api/v1/quality/problems?severity=warning'),
    );
    expect(warnings.data.map((p) => p.check)).toEqual(['duplicate.identical']);
    const first = json<QualityProblemPage>(await get('/api/v1/quality/problems?limit=3'));
    expect(first.data).toHaveLength(3);
    expect(first.page.nextCursor).not.toBeNull();
    const second = json<QualityProblemPage>(
      await get(`/api/v1/quality/problems?limit=3&cursor=${first.page.nextCursor ?? ''}`),
    );
    expect(second.data.map((p) => p.check)).toEqual(['duplicate.identical']);
    expect(second.page.nextCursor).toBeNull();
  });

  it('answers bad parameters with problem documents naming them', async () => {
    const expectProblem = async (url: string, status: number, field?: string) => {
      const response = await get(url);
      expect(response.statusCode).toBe(status);
      expect(response.headers['content-type']).toContain('application/problem+json');
      const problem = json<Problem>(response);
      if (field) {
        expect(problem.errors?.map((e) => e.field)).toContain(field);
      }
      return problem;
    };
    await expectProblem('/api/v1/quality/problems?check=made.up', 400, 'check');
    await expectProblem('/api/v1/quality/problems?from=yesterday', 400, 'from');
    await expectProblem('/api/v1/quality/problems?from=2025-02-30', 400, 'from');
    await expectProblem('/api/v1/quality/problems?form=2025-11-02', 400, 'form');
    await expectProblem('/api/v1/quality?from=2025-11-03&to=2025-11-01', 400, 'to');
    expect((await expectProblem('/api/v1/quality?market=NOPE', 404)).detail).toContain(
      'Unknown market "NOPE"',
    );
  });
});

describe('GET /api/v1/quality', () => {
  it('shows completeness of the 25-hour day and the open problems', async () => {
    const response = await get('/api/v1/quality?market=SIM&from=2025-11-01&to=2025-11-03');
    expect(response.statusCode).toBe(200);
    const summary = json<QualitySummary>(response);
    expect(summary.meta).toMatchObject({ from: '2025-11-01', to: '2025-11-03' });
    expect(summary.completeness).toEqual([
      {
        market: 'SIM',
        feed: 'sim',
        dataset: 'prices.rt5',
        run: 'RT5',
        variable: null,
        localDay: '2025-11-02',
        dayHours: 25,
        coveredHours: 25,
        intervalMinutes: 5,
        expectedIntervals: 300,
        instruments: 2,
        complete: 1,
        incomplete: 1,
        partial: 0,
        presentIntervals: 598,
        missingIntervals: 2,
      },
    ]);
    expect(summary.problems.map((p) => [p.check, p.severity, p.problems])).toEqual([
      ['completeness.missing', 'error', 1],
      ['components.sum', 'error', 1],
      ['price.out_of_range', 'error', 1],
      ['duplicate.identical', 'warning', 1],
    ]);
  });

  it('reports freshness per dataset: fresh once stored, stale 10 minutes after an interval is due', async () => {
    // Today's last hour of real-time prices and tomorrow's day-ahead prices (cleared at 12:30), through the gate.
    const feed = t.platform.ingest.feed('sim');
    const tomorrow = localDayBounds('America/Chicago', '2026-03-10');
    for (const [dataset, window] of [
      ['prices.rt5', { fromMs: NOW - 3_600_000, toMs: NOW }],
      ['prices.da', { fromMs: tomorrow.startMs, toMs: tomorrow.endMs }],
    ] as const) {
      const context: IngestBatchContext = {
        feed,
        dataset: feed.datasets.find((d) => d.id === dataset)!,
        window,
        source: `sim://${dataset}`,
      };
      const checked = await t.platform.quality.inspect(context, await feed.fetch(dataset, window));
      const rows = checked.kind === 'prices' ? checked.prices.length : 0;
      await t.platform.quality.stored(context, checked, {
        inserted: rows,
        revised: 0,
        unchanged: 0,
      });
    }
    const freshness = async () =>
      new Map(
        json<QualitySummary>(await get('/api/v1/quality?feed=sim')).freshness.map((f) => [
          f.dataset,
          f,
        ]),
      );
    let byDataset = await freshness();
    expect([...byDataset.keys()]).toEqual(['prices.da', 'prices.rt5', 'load', 'genmix']);
    expect(byDataset.get('prices.rt5')).toMatchObject({
      market: 'SIM',
      run: 'RT5',
      status: 'fresh',
      graceMinutes: 10,
      newestIntervalEnd: '2026-03-09T18:00:00.000Z',
    });
    expect(byDataset.get('prices.da')).toMatchObject({
      status: 'fresh',
      graceMinutes: 60,
      newestIntervalEnd: '2026-03-11T05:00:00.000Z',
    });
    t.clock.advance(16 * 60_000);
    try {
      byDataset = await freshness();
      expect(byDataset.get('prices.rt5')).toMatchObject({ status: 'stale', lagMinutes: 5 });
      expect(byDataset.get('prices.rt5')?.message).toContain(
        'stored only through 2026-03-09 13:00 CDT',
      );
    } finally {
      t.clock.set(NOW);
    }
  });

  it('is described in the OpenAPI document', async () => {
    const doc = json<{ paths: Record<string, unknown> }>(await get('/docs/json'));
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/quality', '/api/v1/quality/problems']),
    );
  });
});

describe('254carbon quality', () => {
  let dataDir: string;
  const { cli } = cliHarness(() => ({ CARBON_DATA_DIR: dataDir, CARBON_LOG_LEVEL: 'silent' }));
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'carbon-quality-cli-'));
  });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints freshness, completeness and problems tables, and refuses an unknown check', async () => {
    const ingest = await cli(
      'ingest',
      '--feed',
      'sim',
      '--dataset',
      'prices.da',
      '--from',
      '2025-11-01',
      '--to',
      '2025-11-03',
    );
    expect(ingest.code).toBe(0);
    const summary = await cli(
      'quality',
      '--market',
      'SIM',
      '--from',
      '2025-11-01',
      '--to',
      '2025-11-03',
    );
    expect(summary.code).toBe(0);
    expect(summary.out).toContain('Freshness');
    expect(summary.out).toMatch(/sim\s+prices\.da\s+/);
    expect(summary.out).toContain('Completeness, 2025-11-01 to 2025-11-03 (market-local days)');
    expect(summary.out).toContain('Open problems');
    const problems = await cli('quality', 'problems', '--status', 'all');
    expect(problems.code).toBe(0);
    expect(problems.out).toMatch(/^day\s+severity\s+check\s+instrument/);
    expect((await cli('quality', 'problems', '--check', 'made.up')).code).toBe(2);
    const badDay = await cli('quality', '--from', '2025-13-01');
    expect(badDay.code).toBe(1);
    expect(badDay.err).toContain('from');
  });
});
