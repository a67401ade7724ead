import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDuckDbStores, type DuckDbStores } from '../../adapters/duckdb/open-duckdb-stores.js';
import { systemClock } from '../../platform/clock.js';
import { silentLogger } from '../../platform/logger.js';
import { JobScheduler, type JobDefinition } from './job-scheduler.js';

let stores: DuckDbStores;
let scheduler: JobScheduler;

const job = (name: string, run: JobDefinition['run'], schedule = '0 0 0 1 1 *'): JobDefinition => ({
  name,
  description: name,
  schedule,
  timezone: 'UTC',
  run,
});

beforeEach(async () => {
  stores = await openDuckDbStores(
    { file: ':memory:', threads: 1, memoryLimit: null, readers: 2 },
    systemClock,
  );
  scheduler = new JobScheduler({
    metadata: stores.metadata,
    clock: systemClock,
    logger: silentLogger(),
    maxAttempts: 3,
    retryBaseMs: 40,
  });
});
afterEach(async () => {
  await scheduler.stop();
  await stores.close();
});

const runsOf = async (name: string) =>
  (await stores.metadata.listJobRuns({ job: name }, { limit: 100 })).items.slice().reverse();

describe('JobScheduler', () => {
  it('records a successful run with its rows and timing', async () => {
    scheduler.register(job('ok', () => Promise.resolve({ rows: 42 })));
    const run = await scheduler.runNow('ok');
    expect(run).toMatchObject({
      job: 'ok',
      status: 'succeeded',
      rows: 42,
      attempt: 1,
      trigger: 'manual',
      error: null,
    });
    expect(run.finishedAtMs).toBeGreaterThanOrEqual(run.startedAtMs);
    expect(await runsOf('ok')).toEqual([run]);
  });

  it('retries a failing job with exponential backoff and records every attempt', async () => {
    let calls = 0;
    const startedAt: number[] = [];
    scheduler.register(
      job('flaky', () => {
        calls++;
        startedAt.push(Date.now());
        return calls < 3
          ? Promise.reject(new Error(`upstream down (try ${calls})`))
          : Promise.resolve({ rows: 7 });
      }),
    );
    const final = await scheduler.runNow('flaky');
    expect(final).toMatchObject({ status: 'succeeded', attempt: 3, trigger: 'retry', rows: 7 });
    const runs = await runsOf('flaky');
    expect(runs.map((r) => [r.attempt, r.trigger, r.status, r.error])).toEqual([
      [1, 'manual', 'failed', 'upstream down (try 1)'],
      [2, 'retry', 'failed', 'upstream down (try 2)'],
      [3, 'retry', 'succeeded', null],
    ]);
    // Backoff doubles: about 40 ms, then about 80 ms.
    expect(startedAt[1]! - startedAt[0]!).toBeGreaterThanOrEqual(35);
    expect(startedAt[2]! - startedAt[1]!).toBeGreaterThanOrEqual(75);
  });

  it('gives up after the last attempt and reports the failure', async () => {
    scheduler.register(
      job('broken', () =>
        Promise.reject(new Error('no route to host', { cause: new Error('ECONNREFUSED') })),
      ),
    );
    const final = await scheduler.runNow('broken');
    expect(final).toMatchObject({
      status: 'failed',
      attempt: 3,
      error: 'no route to host (cause: ECONNREFUSED)',
    });
    expect((await runsOf('broken')).every((r) => r.status === 'failed')).toBe(true);
  });

  it('keeps other jobs running while one fails and waits to retry', async () => {
    const patient = new JobScheduler({
      metadata: stores.metadata,
      clock: systemClock,
      logger: silentLogger(),
      maxAttempts: 3,
      retryBaseMs: 60_000,
    });
    patient.register(job('broken', () => Promise.reject(new Error('boom'))));
    patient.register(job('healthy', () => Promise.resolve({ rows: 1 })));
    let brokenSettled = false;
    const broken = patient.runNow('broken').finally(() => {
      brokenSettled = true;
    });
    const healthy = await patient.runNow('healthy');
    expect(healthy.status).toBe('succeeded');
    expect(brokenSettled).toBe(false); // still waiting out its backoff
    await patient.stop();
    expect(await broken).toMatchObject({ status: 'failed', attempt: 1 });
  });

  it('does not start a second run of a job that is still running', async () => {
    let release: () => void = () => undefined;
    let started: () => void = () => undefined;
    // The run starts only after its record is written; release it once it is really waiting.
    const running = new Promise<void>((r) => {
      started = r;
    });
    let calls = 0;
    scheduler.register(
      job('slow', async () => {
        calls++;
        await new Promise<void>((r) => {
          release = r;
          started();
        });
        return { rows: 0 };
      }),
    );
    const first = scheduler.runNow('slow');
    const second = scheduler.runNow('slow');
    expect(second).toBe(first);
    await running;
    expect(scheduler.runNow('slow')).toBe(first);
    release();
    await first;
    expect(calls).toBe(1);
  });

  it('runs jobs on their cron schedule and stops when asked', async () => {
    let calls = 0;
    scheduler.register(job('tick', () => Promise.resolve({ rows: ++calls }), '* * * * * *'));
    scheduler.start();
    expect(scheduler.jobs()[0]?.nextRunAtMs).toBeGreaterThan(Date.now() - 1);
    await new Promise((r) => setTimeout(r, 2300));
    await scheduler.stop();
    const seen = calls;
    expect(seen).toBeGreaterThanOrEqual(2);
    await new Promise((r) => setTimeout(r, 1200));
    expect(calls).toBe(seen);
    expect(
      (await runsOf('tick')).every((r) => r.trigger === 'schedule' && r.status === 'succeeded'),
    ).toBe(true);
  });

  it('cancels a pending retry when stopped', async () => {
    const slow = new JobScheduler({
      metadata: stores.metadata,
      clock: systemClock,
      logger: silentLogger(),
      maxAttempts: 5,
      retryBaseMs: 60_000,
    });
    slow.register(job('down', () => Promise.reject(new Error('down'))));
    const run = slow.runNow('down');
    await new Promise((r) => setTimeout(r, 50));
    const stoppedAt = Date.now();
    await slow.stop();
    expect((await run).attempt).toBe(1);
    expect(Date.now() - stoppedAt).toBeLessThan(1000);
  });

  it('refuses an invalid cron expression and an unknown job', () => {
    expect(() =>
      scheduler.register(job('typo', () => Promise.resolve({ rows: 0 }), '61 * * * * *')),
    ).toThrow();
    expect(() => scheduler.runNow('nope')).toThrow(/Unknown job "nope"/);
  });
});
