import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { openPlatform, prepareAccess } from '../server/src/composition.js';
import { loadConfig } from '../server/src/platform/config.js';
import { silentLogger } from '../server/src/platform/logger.js';
import { percentile, rssMiB } from './machine.js';
import { ensureSyntheticStore } from './synthetic-store.js';

const INSTRUMENTS = 100;
const DAYS = 1737; // 100 × 288 × 1737 = 50.0 M rows
const FIRST_DAY = Date.UTC(2021, 11, 1);
const DAY_MS = 86_400_000;
const DAYS_PER_WRITE = 35;

export interface LoadResult {
  readonly name: string;
  readonly description: string;
  readonly requests: number;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  readonly errors: number;
  readonly maxRssMiB: number;
}

export interface PricesApiResult {
  readonly storedRows: number;
  readonly generatedSeconds: number | null;
  readonly idleRssMiB: number;
  readonly connections: number;
  readonly durationSeconds: number;
  readonly loads: readonly LoadResult[];
}

/** Builds (or reuses) a DuckDB file with 50 M 5-minute prices for 100 instruments over ~4.75 years. */
const ensureDataset = (file: string): Promise<{ rows: number; seconds: number | null }> =>
  ensureSyntheticStore(file, {
    instruments: INSTRUMENTS,
    firstDayMs: FIRST_DAY,
    days: DAYS,
    daysPerWrite: DAYS_PER_WRITE,
  });

/** Per-minute limits high enough that the benchmark measures serving, not throttling (the limiter still runs). */
const BENCH_RATE_LIMIT = '100000000';

/**
 * A tenant entitled to the benchmark market over the API, and a fresh viewer API key for it: requests go through
 * authentication, entitlement checks and rate limiting exactly as a customer's would.
 */
const provisionCaller = async (file: string, dataDir: string): Promise<string> => {
  const config = loadConfig({
    CARBON_DATA_DIR: dataDir,
    CARBON_DUCKDB_FILE: file,
    CARBON_SIM_ENABLED: 'false',
    CARBON_SCHEDULER_ENABLED: 'false',
    CARBON_DEMO_TENANTS: 'false',
  });
  const platform = await openPlatform(config, { logger: silentLogger() });
  try {
    await prepareAccess(platform);
    const { principal, context } = platform.caller;
    const tenants = await platform.admin.listTenants(principal, context);
    if (!tenants.some((t) => t.id === 'bench_desk')) {
      await platform.admin.createTenant(
        principal,
        { id: 'bench_desk', name: 'Benchmark desk' },
        context,
      );
    }
    const grants = await platform.grants.listEntitlements(
      principal,
      { tenantId: 'bench_desk' },
      context,
    );
    if (grants.length === 0) {
      await platform.grants.grantEntitlement(
        principal,
        { tenantId: 'bench_desk', market: 'BENCH', product: 'lmp', channels: ['api'] },
        context,
      );
    }
    const created = await platform.admin.createApiKey(
      principal,
      {
        tenantId: 'bench_desk',
        name: `bench ${new Date().toISOString()}`,
        roles: ['viewer'],
        expiresInDays: 1,
      },
      context,
    );
    await platform.audit.flush();
    return created.key;
  } finally {
    await platform.close();
  }
};

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

const startServer = async (
  file: string,
  dataDir: string,
): Promise<{ child: ChildProcess; url: string }> => {
  const port = await freePort();
  const bin = fileURLToPath(new URL('../server/bin/254carbon.js', import.meta.url));
  const child = spawn(process.execPath, [bin, 'serve'], {
    env: {
      ...process.env,
      CARBON_DATA_DIR: dataDir,
      CARBON_DUCKDB_FILE: file,
      CARBON_PORT: String(port),
      CARBON_SIM_ENABLED: 'false',
      CARBON_SCHEDULER_ENABLED: 'false',
      CARBON_LOG_LEVEL: 'warn',
      CARBON_DEMO_TENANTS: 'false',
      CARBON_RATE_LIMIT_ACTOR: BENCH_RATE_LIMIT,
      CARBON_RATE_LIMIT_TENANT: BENCH_RATE_LIMIT,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const ok = await fetch(`${url}/healthz`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) {
      return { child, url };
    }
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill();
      throw new Error('the server did not start');
    }
    await new Promise((r) => setTimeout(r, 200));
  }
};

const dayPath = (instrument: number, day: number): string => {
  const start = new Date(FIRST_DAY + day * DAY_MS).toISOString().slice(0, 10);
  const end = new Date(FIRST_DAY + (day + 1) * DAY_MS).toISOString().slice(0, 10);
  return `/api/v1/prices?instruments=BENCH.NODE_${String(instrument + 1).padStart(3, '0')}&start=${start}T00:00:00Z&end=${end}T00:00:00Z&runs=RT5`;
};

const runLoad = async (
  url: string,
  apiKey: string,
  pid: number,
  name: string,
  description: string,
  nextPath: () => string,
  connections: number,
  durationSeconds: number,
): Promise<LoadResult> => {
  const latencies: number[] = [];
  let maxRss = 0;
  const sampler = setInterval(() => {
    void rssMiB(pid).then((mib) => {
      maxRss = Math.max(maxRss, mib);
    });
  }, 250);
  const result = await autocannon({
    url,
    connections,
    duration: durationSeconds,
    headers: { authorization: `Bearer ${apiKey}` },
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: nextPath() }) }],
    setupClient: (client) => {
      client.on('response', (_status: number, _bytes: number, responseTime: number) => {
        latencies.push(responseTime);
      });
    },
  });
  clearInterval(sampler);
  latencies.sort((a, b) => a - b);
  return {
    name,
    description,
    requests: result.requests.total,
    requestsPerSecond: result.requests.total / durationSeconds,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    p99Ms: percentile(latencies, 99),
    errors: result.errors + result.non2xx + result.timeouts,
    maxRssMiB: maxRss,
  };
};

/**
 * (b) GET /api/v1/prices for one instrument and one day of 5-minute data with 50 M rows stored, under autocannon
 * on loopback (the server and the load generator share the machine's cores), and (c) server RSS idle and under load.
 */
export const runPricesApiBench = async (dataDir: string): Promise<PricesApiResult> => {
  const file = join(dataDir, 'prices-50m.duckdb');
  const dataset = await ensureDataset(file);
  const apiKey = await provisionCaller(file, dataDir);
  const { child, url } = await startServer(file, dataDir);
  const get = (path: string): Promise<Response> =>
    fetch(`${url}${path}`, { headers: { authorization: `Bearer ${apiKey}` } });
  const pid = child.pid as number;
  const connections = 10;
  const durationSeconds = 10;
  try {
    const probe = (await (await get(dayPath(0, DAYS - 1))).json()) as {
      data: unknown[];
    };
    if (probe.data.length !== 288) {
      throw new Error(`expected 288 rows for one day, got ${probe.data.length}`);
    }
    await new Promise((r) => setTimeout(r, 2000));
    const idleRssMiB = await rssMiB(pid);
    const random = (n: number): number => Math.floor(Math.random() * n);
    const sameDay = await runLoad(
      url,
      apiKey,
      pid,
      'same day',
      'one instrument-day requested over and over (a live chart)',
      () => dayPath(0, DAYS - 1),
      connections,
      durationSeconds,
    );
    // A server that has been answering dashboards holds the recent days: request each of the 3,000 once first.
    const recent = Array.from({ length: INSTRUMENTS * 30 }, (_, k) =>
      dayPath(k % INSTRUMENTS, DAYS - 1 - Math.floor(k / INSTRUMENTS)),
    );
    await Promise.all(
      Array.from({ length: 4 }, async (_, worker) => {
        for (let k = worker; k < recent.length; k += 4) {
          await (await get(recent[k] as string)).arrayBuffer();
        }
      }),
    );
    const loads = [
      sameDay,
      await runLoad(
        url,
        apiKey,
        pid,
        'recent days',
        'random instrument (of 100) × random day of the last 30, after one pass over them',
        () => dayPath(random(INSTRUMENTS), DAYS - 1 - random(30)),
        connections,
        durationSeconds,
      ),
      await runLoad(
        url,
        apiKey,
        pid,
        'whole history',
        `random instrument × random day of all ${DAYS} (mostly cache misses)`,
        () => dayPath(random(INSTRUMENTS), random(DAYS)),
        connections,
        durationSeconds,
      ),
    ];
    return {
      storedRows: dataset.rows,
      generatedSeconds: dataset.seconds,
      idleRssMiB,
      connections,
      durationSeconds,
      loads,
    };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
};
