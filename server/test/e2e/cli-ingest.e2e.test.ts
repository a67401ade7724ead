import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliHarness } from '../support/cli-harness.js';
import { readSharedFixture, SHARED_FIXTURES } from '../support/fixtures.js';

let dataDir: string;
let env: Record<string, string>;
const { cli } = cliHarness(() => env);

const CAISO_ZIP = 'iso/caiso/oasis_PRC_LMP_DAM_20200101_hubs_dlaps.zip';
const MISO_PRICES = 'iso/miso/20260714_da_expost_lmp_hubs_subset.csv';
// The fixture carries its trade date in the operator's name; saved files keep that name.
const CAISO_NAME = '20200101_20200101_PRC_LMP_DAM_20200630_22_50_44_v1.csv';

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'carbon-cli-ingest-'));
  env = {
    CARBON_DATA_DIR: dataDir,
    CARBON_LOG_LEVEL: 'silent',
    CARBON_PORT: '0',
    CARBON_SIM_ENABLED: 'false',
  };
});
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

const hubRows = async (): Promise<string[]> => {
  const out = await cli(
    'prices',
    '--instruments',
    'CAISO.TH_SP15_GEN-APND',
    '--from',
    '2020-01-01T00:00:00Z',
    '--to',
    '2020-01-03T00:00:00Z',
    '--format',
    'csv',
  );
  expect(out.code, out.err).toBe(0);
  return out.out.trim().split('\n').slice(1);
};

describe('254carbon ingest --file', () => {
  it('loads a saved OASIS zip with the CAISO parser, once, and serves its prices', async () => {
    expect(readSharedFixture(CAISO_ZIP).length).toBeGreaterThan(0);
    const first = await cli('ingest', '--file', join(SHARED_FIXTURES, CAISO_ZIP));
    expect(first.code, first.err).toBe(0);
    expect(first.err).toContain('oasis_PRC_LMP_DAM_20200101_hubs_dlaps.zip → caiso/lmp.da');
    // 7 locations × 24 hours, each with LMP, energy, congestion and loss.
    expect(first.out).toBe('Loaded 1 file: 168 rows, 168 new, 0 revised, 0 unchanged.\n');
    const rows = await hubRows();
    expect(rows).toHaveLength(24);
    const again = await cli('ingest', '--file', join(SHARED_FIXTURES, CAISO_ZIP));
    expect(again.out).toBe('Loaded 1 file: 168 rows, 0 new, 0 revised, 168 unchanged.\n');
    expect(await hubRows()).toEqual(rows);
  });

  it('refuses a truncated file, naming file, line and field, and stores nothing from it', async () => {
    const text = new TextDecoder().decode(
      readSharedFixture('iso/caiso/oasis_PRC_LMP_DAM_20200101_hubs_dlaps.csv'),
    );
    const cut = join(dataDir, CAISO_NAME);
    // Keep the header and 40 lines, then cut the next one in the middle of its timestamp.
    const lines = text.split('\n');
    writeFileSync(cut, [...lines.slice(0, 41), (lines[41] ?? '').slice(0, 30)].join('\n'));
    const before = await hubRows();
    const result = await cli('ingest', '--file', cut, '--feed', 'caiso', '--dataset', 'lmp.da');
    expect(result.code).toBe(1);
    // The cut line ends inside its second column: DuckDB reports the first value it cannot read there.
    expect(result.err).toMatch(
      new RegExp(`${CAISO_NAME}, line 42, INTERVALENDTIME_GMT: "2020" is not a timestamp`),
    );
    expect(await hubRows()).toEqual(before);
  });

  it('loads files of several markets in one go, telling which dataset each went to', async () => {
    const miso = join(dataDir, '20260714_da_expost_lmp.csv');
    copyFileSync(join(SHARED_FIXTURES, MISO_PRICES), miso);
    const result = await cli('ingest', '--file', miso, join(SHARED_FIXTURES, CAISO_ZIP));
    expect(result.code, result.err).toBe(0);
    expect(result.err).toContain('20260714_da_expost_lmp.csv → miso/lmp.da');
    expect(result.out).toMatch(/^Loaded 2 files: \d+ rows/);
  });

  it('explains which datasets load files when a name says nothing, and lists feeds with their schedules', async () => {
    const odd = join(dataDir, 'prices.csv');
    writeFileSync(odd, 'a,b\n1,2\n');
    const result = await cli('ingest', '--file', odd);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/No dataset recognises the file name prices\.csv.*caiso\/lmp\.da/);
    const feeds = await cli('feeds');
    expect(feeds.out).toMatch(/caiso\s+lmp\.da\s+on demand\s+yes/);
    expect(feeds.err).toContain('CARBON_FEEDS');
  });
});
