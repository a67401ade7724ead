import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpAppFor, openPlatform } from '../../src/composition.js';
import { loadConfig } from '../../src/platform/config.js';
import { silentLogger } from '../../src/platform/logger.js';
import { cliHarness } from '../support/cli-harness.js';

let dataDir: string;
let env: Record<string, string>;
const { cli } = cliHarness(() => env);

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'carbon-cli-exports-'));
  env = { CARBON_DATA_DIR: dataDir, CARBON_LOG_LEVEL: 'silent', CARBON_PORT: '0' };
  const ingest = await cli('ingest', '--feed', 'sim', '--from', '2026-03-07', '--to', '2026-03-09');
  expect(ingest.code, ingest.err).toBe(0);
});
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe('254carbon exports', () => {
  it('writes the same rows as `prices --format csv`, lists the export, and its link survives a restart', async () => {
    const args = [
      '--instruments',
      'SIM.HUB_NORTH,SIM.HUB_SOUTH',
      '--from',
      '2026-03-07',
      '--to',
      '2026-03-08',
    ];
    const out = join(dataDir, 'prices.csv');
    const exported = await cli('exports', 'prices', ...args, '--format', 'csv', '--out', out);
    expect(exported.code, exported.err).toBe(0);
    const [, id, rows, bytes, checksum] =
      /^(ex_[0-9a-f]+): (\d+) rows, (\d+) bytes, (sha256:[0-9a-f]{64}) → /.exec(exported.out) ?? [];
    const file = readFileSync(out);
    expect(file.length).toBe(Number(bytes));
    expect(`sha256:${createHash('sha256').update(file).digest('hex')}`).toBe(checksum);

    const printed = await cli('prices', ...args, '--format', 'csv');
    const expected = parse<Record<string, string>>(printed.out, { columns: true });
    const ours = parse<Record<string, string>>(file, { columns: true });
    expect(ours.length).toBe(Number(rows));
    expect(ours.length).toBe(expected.length);
    ours.forEach((row, i) => {
      const want = expected[i] as Record<string, string>;
      expect([row.instrument, row.run, row.interval_start_utc]).toEqual([
        want.instrument,
        want.run,
        want.interval_start_utc,
      ]);
      expect(Number(row.lmp)).toBe(Number(want.lmp));
    });

    const listed = await cli('exports', 'list', '--format', 'json');
    expect(listed.code, listed.err).toBe(0);
    expect((JSON.parse(listed.out) as { id: string; status: string }[])[0]).toMatchObject({
      id,
      status: 'succeeded',
    });

    // The link-signing secret was generated on the first start and kept: a link made by one process opens in the
    // next one.
    const config = loadConfig(env);
    const first = await openPlatform(config, { logger: silentLogger() });
    const record = await first.exports.get(
      first.caller.principal,
      id as string,
      first.caller.context,
    );
    const link = first.exports.link(record);
    await first.close();
    const second = await openPlatform(config, { logger: silentLogger() });
    const { app } = await httpAppFor(second, null);
    try {
      const response = await app.inject({ method: 'GET', url: link?.path ?? '' });
      expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
      expect(response.rawPayload.equals(file)).toBe(true);
    } finally {
      await app.close();
      await second.close();
    }
  });

  it('refuses an export it cannot write, with the reason and nothing written', async () => {
    const bad = await cli(
      'exports',
      'prices',
      '--instruments',
      'SIM.NOPE',
      '--from',
      '2026-03-07',
      '--to',
      '2026-03-08',
    );
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain('SIM.NOPE');
  });
});
