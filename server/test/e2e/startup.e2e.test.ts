import type { PriceResponse } from '@254carbon/contracts';
import { describe, expect, it } from 'vitest';
import { startTestServer } from '../support/test-platform.js';

describe('first start on the embedded default', () => {
  it('serves simulator prices over HTTP as soon as it listens', async () => {
    const started = Date.now();
    const server = await startTestServer();
    try {
      const today = new Date().toISOString().slice(0, 10);
      const response = await fetch(
        `${server.url}/api/v1/prices?instruments=SIM.HUB_NORTH&start=${today}T00:00:00Z&end=${new Date(Date.now() + 86_400_000).toISOString()}`,
      );
      expect(response.status).toBe(200);
      const body = (await response.json()) as PriceResponse;
      expect(body.data.filter((r) => r.run === 'RT5').length).toBeGreaterThan(0);
      expect(body.data.some((r) => r.run === 'DA')).toBe(true);
      expect(Date.now() - started).toBeLessThan(60_000);
      const jobs = (await (await fetch(`${server.url}/api/v1/jobs`)).json()) as {
        data: { lastRun: { status: string; trigger: string } | null }[];
      };
      expect(
        jobs.data.every(
          (j) => j.lastRun?.status === 'succeeded' && j.lastRun.trigger === 'startup',
        ),
      ).toBe(true);
    } finally {
      await server.close();
    }
  });
});
