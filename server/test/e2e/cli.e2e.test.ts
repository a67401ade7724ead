import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPlatform, prepareAccess } from '../../src/composition.js';
import { loadConfig } from '../../src/platform/config.js';
import { silentLogger } from '../../src/platform/logger.js';
import { cliHarness } from '../support/cli-harness.js';

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

const waitFor = async (condition: () => Promise<boolean>, timeoutMs: number): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) {
      throw new Error('timed out waiting for the server');
    }
    await new Promise((r) => setTimeout(r, 200));
  }
};

let dataDir: string;
let env: Record<string, string>;

const { runtime, cli } = cliHarness(() => env);

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'carbon-cli-'));
  env = { CARBON_DATA_DIR: dataDir, CARBON_LOG_LEVEL: 'silent', CARBON_PORT: '0' };
});
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe('254carbon CLI', () => {
  it('migrates once, then reports the schema current', async () => {
    expect(await cli('migrate')).toMatchObject({
      code: 0,
      out: 'Applied: 1_canonical_model, 2_access_and_audit, 3_data_quality, 4_forward_curves, 5_exports, 6_reports\n',
    });
    expect(await cli('migrate')).toMatchObject({ code: 0, out: 'The schema is up to date.\n' });
  });

  it('ingests a range with progress, and a re-run stores nothing twice', async () => {
    const first = await cli(
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
    expect(first.code).toBe(0);
    // Not a terminal: one progress line per stored day, then the totals. 2025-11-02 has 25 hours.
    expect(first.err).toContain('sim/prices.da: stored up to');
    expect(first.out).toMatch(
      /Ingested sim 2025-11-01T05:00:00Z → 2025-11-03T06:00:00Z: 539 rows fetched, 539 new, 0 revised, 0 unchanged\./,
    );
    const again = await cli(
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
    expect(again.out).toContain('539 rows fetched, 0 new, 0 revised, 539 unchanged.');
  });

  it('prints prices as CSV and as a table', async () => {
    const csv = await cli(
      'prices',
      '--instruments',
      'SIM.HUB_NORTH',
      '--from',
      '2025-11-02',
      '--to',
      '2025-11-03',
      '--runs',
      'DA',
      '--format',
      'csv',
    );
    expect(csv.code).toBe(0);
    const rows = parse<Record<string, string>>(csv.out, { columns: true });
    expect(rows).toHaveLength(25);
    expect(rows[0]).toMatchObject({
      instrument: 'SIM.HUB_NORTH',
      run: 'DA',
      interval_start_utc: '2025-11-02T05:00:00.000Z',
      interval_minutes: '60',
    });
    // The repeated 1 a.m. hour appears twice in local time but as two distinct UTC intervals.
    expect(rows[1]?.interval_start_utc).toBe('2025-11-02T06:00:00.000Z');
    expect(rows[2]?.interval_start_utc).toBe('2025-11-02T07:00:00.000Z');
    const table = await cli(
      'prices',
      '--instruments',
      'SIM.HUB_NORTH',
      '--from',
      '2025-11-02',
      '--to',
      '2025-11-03',
      '--resample',
      '1d',
    );
    expect(table.out.split('\n')[0]).toMatch(
      /^instrument\s+run\s+interval_start_utc\s+minutes\s+lmp/,
    );
    expect(table.out).toMatch(/SIM\.HUB_NORTH\s+DA\s+2025-11-02T05:00:00Z\s+1500\s/);
  });

  it('lists jobs, markets, instruments and feeds', async () => {
    expect((await cli('jobs')).out).toContain('ingest.sim.prices.rt5');
    expect((await cli('markets')).out).toMatch(
      /SIM\s+Simulated market \(synthetic data\)\s+America\/Chicago/,
    );
    expect(
      (await cli('instruments', '--market', 'SIM', '--kind', 'hub')).out.trim().split('\n'),
    ).toHaveLength(5);
    expect((await cli('feeds')).out).toContain('prices.rt5');
  });

  it('runs a job now and shows its run', async () => {
    const run = await cli('jobs', 'run', 'ingest.sim.genmix');
    expect(run).toMatchObject({ code: 0 });
    expect(run.out).toMatch(/^ingest\.sim\.genmix: succeeded after 1 attempt\(s\), \d+ rows/);
    expect((await cli('jobs', 'runs', '--job', 'ingest.sim.genmix')).out).toMatch(
      /ingest\.sim\.genmix\s+1\s+manual\s+succeeded/,
    );
  });

  it('explains bad input and exits non-zero without storing anything', async () => {
    const bad = await cli(
      'prices',
      '--instruments',
      'SIM.HUB_NORTH',
      '--from',
      '2025-11-03',
      '--to',
      '2025-11-02',
    );
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('end: end (2025-11-02T05:00:00.000Z) must be after start');
    const badIngest = await cli(
      'ingest',
      '--feed',
      'sim',
      '--from',
      'last week',
      '--to',
      '2025-11-02',
    );
    expect(badIngest.code).toBe(1);
    expect(badIngest.err).toContain('--from: "last week" is not a time');
    const usage = await cli('prices', '--from', '2025-11-02');
    expect(usage.code).toBe(2);
    expect(usage.err).toContain("required option '--instruments <ids>' not specified");
    const config = await (async () => {
      env = { ...env, CARBON_PORT: 'eighty' };
      try {
        return await cli('markets');
      } finally {
        env = { ...env, CARBON_PORT: '0' };
      }
    })();
    expect(config.code).toBe(1);
    expect(config.err).toContain('CARBON_PORT must be a whole number');
  });

  it('reads through the running server when `serve` holds the database file', async () => {
    const first = await openPlatform(loadConfig(env), { logger: silentLogger() });
    const adminKey = (await prepareAccess(first)).find((c) => c.apiKey !== null)?.apiKey ?? '';
    await first.close();
    const port = await freePort();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(new URL('../support/serve-process.ts', import.meta.url))],
      {
        env: {
          ...process.env,
          ...env,
          CARBON_PORT: String(port),
          CARBON_SCHEDULER_ENABLED: 'false',
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let childErrors = '';
    child.stderr.on('data', (chunk: Buffer) => {
      childErrors += chunk.toString();
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    env = { ...env, CARBON_PORT: String(port) };
    try {
      await waitFor(async () => {
        if (child.exitCode !== null) {
          throw new Error(`the server process exited: ${childErrors}`);
        }
        return (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null))?.ok === true;
      }, 60_000);
      // Without an API key the CLI says how to get one.
      const keyless = await cli(
        'prices',
        '--instruments',
        'SIM.HUB_NORTH',
        '--from',
        '2025-11-02',
        '--to',
        '2025-11-03',
      );
      expect(keyless.code).toBe(1);
      expect(keyless.err).toContain('set CARBON_CLI_API_KEY');
      env = { ...env, CARBON_CLI_API_KEY: adminKey };
      const direct = await runtime()
        .open(loadConfig(env))
        .catch((e: unknown) => e);
      expect(String(direct)).toContain('is in use by another process');
      const viaServer = await cli(
        'prices',
        '--instruments',
        'SIM.HUB_NORTH',
        '--from',
        '2025-11-02',
        '--to',
        '2025-11-03',
        '--runs',
        'DA',
        '--format',
        'csv',
      );
      expect(viaServer.err).toBe('');
      expect(viaServer.code).toBe(0);
      expect(parse(viaServer.out, { columns: true })).toHaveLength(25);
      expect((await cli('jobs', 'runs')).out).toContain('ingest.sim.genmix');
      // Writing still needs the file: a clear error, not a fallback.
      expect((await cli('migrate')).err).toContain('is in use by another process');
    } finally {
      env = { ...env, CARBON_PORT: '0', CARBON_CLI_API_KEY: '' };
      child.kill('SIGTERM');
      await exited;
    }
  }, 120_000); // starts a second Node process that compiles the server from source
});
