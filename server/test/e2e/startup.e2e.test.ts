import type { PriceResponse } from '@254carbon/contracts';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createSppFeed } from '../../src/adapters/feeds/spp/spp-feed.js';
import { testFeedContext } from '../support/feed-context.js';
import { startTestServer } from '../support/test-platform.js';

/** A loopback port nothing listens on: the operator is "offline". */
const closedPort = (): Promise<number> =>
  new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

describe('first start on the embedded default', () => {
  it('creates an administrator with an API key and serves simulator prices as soon as it listens', async () => {
    const started = Date.now();
    const server = await startTestServer();
    try {
      const admin = server.created.find((c) => c.tenantId === 'operator');
      expect(admin).toMatchObject({ username: 'admin' });
      expect(admin?.password).toMatch(/^[\w-]{20}$/);
      expect(admin?.apiKey).toMatch(/^c254_[a-f0-9]{16}\.[\w-]{43}$/);
      const headers = { authorization: `Bearer ${admin?.apiKey ?? ''}` };
      const today = new Date().toISOString().slice(0, 10);
      const url = `${server.url}/api/v1/prices?instruments=SIM.HUB_NORTH&start=${today}T00:00:00Z&end=${new Date(Date.now() + 86_400_000).toISOString()}`;
      expect((await fetch(url)).status).toBe(401);
      const response = await fetch(url, { headers });
      expect(response.status).toBe(200);
      const body = (await response.json()) as PriceResponse;
      expect(body.data.filter((r) => r.run === 'RT5').length).toBeGreaterThan(0);
      expect(body.data.some((r) => r.run === 'DA')).toBe(true);
      expect(Date.now() - started).toBeLessThan(60_000);
      const jobs = (await (await fetch(`${server.url}/api/v1/jobs`, { headers })).json()) as {
        data: { name: string; lastRun: { status: string; trigger: string } | null }[];
      };
      const ingestJobs = jobs.data.filter((j) => j.name.startsWith('ingest.'));
      expect(ingestJobs).toHaveLength(4);
      expect(
        ingestJobs.every(
          (j) => j.lastRun?.status === 'succeeded' && j.lastRun.trigger === 'startup',
        ),
      ).toBe(true);
      // The simulator's demo forward curve is there too, built as of today, with its daily build scheduled.
      const curves = (await (await fetch(`${server.url}/api/v1/curves`, { headers })).json()) as {
        data: { id: string; latestAsOf: string | null }[];
      };
      expect(curves.data).toEqual([
        expect.objectContaining({ id: 'SIM-HUB-POWER', latestAsOf: expect.any(String) }),
      ]);
      expect(jobs.data.map((j) => j.name)).toContain('curves.build.SIM-HUB-POWER');
    } finally {
      await server.close();
    }
  });
});

describe('an operator that cannot be reached', () => {
  it('does not delay the start, records the failed runs with the reason, and keeps serving stored data', async () => {
    const port = await closedPort();
    const context = testFeedContext({}, { retries: 1 });
    const offlineSpp = createSppFeed(context, { baseUrl: `http://127.0.0.1:${port}` });
    const server = await startTestServer(
      { CARBON_FEEDS: 'spp', CARBON_SIM_BACKFILL_DAYS: '1', CARBON_JOB_MAX_ATTEMPTS: '1' },
      [offlineSpp],
    );
    try {
      const admin = server.created.find((c) => c.tenantId === 'operator');
      const headers = { authorization: `Bearer ${admin?.apiKey ?? ''}` };
      type Jobs = {
        data: { name: string; lastRun: { status: string; error: string | null } | null }[];
      };
      let spp: Jobs['data'] = [];
      const settled = (): boolean =>
        spp.length > 0 && spp.every((j) => j.lastRun && j.lastRun.status !== 'running');
      for (let i = 0; i < 150 && !settled(); i++) {
        await new Promise((r) => setTimeout(r, 100));
        const jobs = (await (await fetch(`${server.url}/api/v1/jobs`, { headers })).json()) as Jobs;
        spp = jobs.data.filter((j) => j.name.startsWith('ingest.spp.'));
      }
      expect(spp.map((j) => j.name).sort()).toEqual(['ingest.spp.lmp.da', 'ingest.spp.lmp.rt5']);
      for (const job of spp) {
        expect(job.lastRun?.status).toBe('failed');
        expect(job.lastRun?.error).toMatch(/could not be reached.*Stored data is still served/);
      }
      const latest = await fetch(`${server.url}/api/v1/prices/latest?market=SIM`, { headers });
      expect(latest.status).toBe(200);
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    } finally {
      await server.close();
      await context.csv.close();
    }
  });
});
