import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  httpAppFor,
  openPlatform,
  prepareAccess,
  startServer,
  type RunningServer,
} from '../../src/composition.js';
import { ManualClock } from '../../src/platform/clock.js';
import { loadConfig, type Config } from '../../src/platform/config.js';
import { silentLogger } from '../../src/platform/logger.js';

/**
 * A whole platform on loopback for end-to-end tests: a fresh data directory, the embedded store, the simulator
 * with a short backfill, and an OS-assigned port.
 */
export const startTestServer = async (
  env: Record<string, string> = {},
): Promise<RunningServer & { config: Config; dataDir: string; close(): Promise<void> }> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'carbon-e2e-'));
  const config = loadConfig({
    CARBON_DATA_DIR: dataDir,
    CARBON_PORT: '0',
    CARBON_HOST: '127.0.0.1',
    CARBON_SIM_BACKFILL_DAYS: '2',
    CARBON_LOG_LEVEL: 'silent',
    ...env,
  });
  const server = await startServer(config, { logger: silentLogger() });
  return {
    ...server,
    config,
    dataDir,
    close: async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

/**
 * The HTTP app over an in-memory platform with simulator data ingested for `days` days before `nowMs`, for fast
 * in-process API tests (Fastify inject, no sockets). The clock is fixed, so results are deterministic.
 */
export const createTestApp = async (options: {
  nowMs: number;
  days: number;
  env?: Record<string, string>;
}) => {
  const clock = new ManualClock(options.nowMs);
  const config = loadConfig({
    CARBON_DUCKDB_FILE: ':memory:',
    CARBON_LOG_LEVEL: 'silent',
    CARBON_SCHEDULER_ENABLED: 'false',
    ...options.env,
  });
  const platform = await openPlatform(config, { logger: silentLogger(), clock });
  await platform.ingest.ingest({
    feed: 'sim',
    range: { fromMs: options.nowMs - options.days * 86_400_000, toMs: options.nowMs + 86_400_000 },
  });
  const created = await prepareAccess(platform);
  const adminKey = created.find((c) => c.apiKey !== null)?.apiKey;
  if (!adminKey) {
    throw new Error('the first start should have created an admin API key');
  }
  const app = await httpAppFor(platform, null);
  return {
    app,
    platform,
    clock,
    adminKey,
    created,
    close: async () => {
      await app.close();
      await platform.close();
    },
  };
};
