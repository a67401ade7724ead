import type { PriceResponse } from '@254carbon/contracts';
import { describe, expect, it } from 'vitest';
import { startTestServer } from '../support/test-platform.js';

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
    } finally {
      await server.close();
    }
  });
});
