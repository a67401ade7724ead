import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliHarness } from '../support/cli-harness.js';

let dataDir: string;
let env: Record<string, string>;
const { cli } = cliHarness(() => env);

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'carbon-cli-reports-'));
  env = { CARBON_DATA_DIR: dataDir, CARBON_LOG_LEVEL: 'silent', CARBON_PORT: '0' };
  const ingest = await cli('ingest', '--feed', 'sim', '--from', '2026-03-04', '--to', '2026-03-06');
  expect(ingest.code, ingest.err).toBe(0);
}, 60_000);
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe('254carbon reports', () => {
  it('makes a daily brief, saves its files, lists it and saves it again by id', async () => {
    const made = await cli('reports', 'create', 'SIM', 'daily', '2026-03-05', '--out', dataDir);
    expect(made.code, made.err).toBe(0);
    expect(made.out).toMatch(/rpt_\S+\s+SIM\s+daily\s+2026-03-05\s+succeeded/);
    const html = join(dataDir, 'SIM_daily_2026-03-05.html');
    expect(readFileSync(html, 'utf8')).toContain('data-instrument="SIM.HUB_NORTH" data-run="DA"');
    // The PDF exists exactly when this host has Chromium, and the output says which.
    const pdf = join(dataDir, 'SIM_daily_2026-03-05.pdf');
    expect(existsSync(pdf)).toBe(made.out.includes('rendered'));

    const listed = await cli('reports', 'list');
    expect(listed.code, listed.err).toBe(0);
    const id = listed.out.match(/rpt_\S+/)?.[0] ?? '';
    expect(id).not.toBe('');
    const copy = join(dataDir, 'copy.html');
    const saved = await cli('reports', 'save', id, '--file', copy);
    expect(saved.code, saved.err).toBe(0);
    expect(readFileSync(copy, 'utf8')).toBe(readFileSync(html, 'utf8'));
  }, 60_000);

  it('refuses a malformed period and stores nothing', async () => {
    const before = (await cli('reports', 'list')).out.split('\n').length;
    const bad = await cli('reports', 'create', 'SIM', 'monthly', '2026-3');
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain('2026-03');
    expect((await cli('reports', 'list')).out.split('\n').length).toBe(before);
  });
});
