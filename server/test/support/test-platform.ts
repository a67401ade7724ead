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
import type { MarketFeed } from '../../src/ports/market-feed.js';

/**
 * A whole platform on loopback for end-to-end tests: a fresh data directory, the embedded store, the simulator
 * with a short backfill, and an OS-assigned port.
 */
export const startTestServer = async (
  env: Record<string, string> = {},
  feeds: readonly MarketFeed[] = [],
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
  const server = await startServer(config, { logger: silentLogger(), feeds });
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
  feeds?: readonly MarketFeed[];
  /** An admin key from an earlier run on the same database file (the first run creates one). */
  adminKey?: string;
}) => {
  const clock = new ManualClock(options.nowMs);
  const config = loadConfig({
    CARBON_DUCKDB_FILE: ':memory:',
    CARBON_LOG_LEVEL: 'silent',
    CARBON_SCHEDULER_ENABLED: 'false',
    ...options.env,
  });
  const platform = await openPlatform(config, {
    logger: silentLogger(),
    clock,
    feeds: options.feeds ?? [],
  });
  // The simulator and the test's own feeds; the operators' connectors would go to the internet.
  const local = new Set(['sim', ...(options.feeds ?? []).map((f) => f.id)]);
  for (const feed of platform.ingest.feeds().filter((f) => local.has(f.id))) {
    await platform.ingest.ingest({
      feed: feed.id,
      range: {
        fromMs: options.nowMs - options.days * 86_400_000,
        toMs: options.nowMs + 86_400_000,
      },
    });
  }
  const created = await prepareAccess(platform);
  const adminKey = created.find((c) => c.apiKey !== null)?.apiKey ?? options.adminKey;
  if (!adminKey) {
    throw new Error('the first start should have created an admin API key');
  }
  const { app, routes } = await httpAppFor(platform, null);
  return {
    app,
    platform,
    clock,
    adminKey,
    created,
    routes,
    close: async () => {
      await app.close();
      await platform.close();
    },
  };
};
