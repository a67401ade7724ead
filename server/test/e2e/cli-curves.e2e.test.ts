import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliHarness } from '../support/cli-harness.js';

let dataDir: string;
let env: Record<string, string>;
const { cli } = cliHarness(() => env);

const HEADER = 'curve,as_of,contract,bucket,settle,mid,bid,ask,source,quote_date';
const marks = (asOf: string, april: number): string =>
  [
    HEADER,
    `CLI-POWER,${asOf},Apr-26,7x24,${april},,,,broker,`,
    `CLI-POWER,${asOf},Apr-26,5x16,${april + 8},,,,broker,`,
    `CLI-POWER,${asOf},May-26,7x24,36.5,,,,broker,`,
    `CLI-POWER,${asOf},Q3-26,7x24,52,,,,broker,`,
    `CLI-POWER,${asOf},Cal-27,7x24,,,43,45,broker,`,
  ].join('\n') + '\n';

const file = (name: string, text: string): string => {
  const path = join(dataDir, name);
  writeFileSync(path, text);
  return path;
};

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'carbon-cli-curves-'));
  env = { CARBON_DATA_DIR: dataDir, CARBON_LOG_LEVEL: 'silent', CARBON_PORT: '0' };
  // The simulator's market and hub, with a little day-ahead history for the shape.
  const ingest = await cli('ingest', '--feed', 'sim', '--from', '2026-03-07', '--to', '2026-03-10');
  expect(ingest.code, ingest.err).toBe(0);
});
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe('254carbon curves', () => {
  it('defines a curve, loads a quote file, builds it once, and shows its prices', async () => {
    const defined = await cli(
      'curves',
      'define',
      'CLI-POWER',
      '--name',
      'CLI hub power',
      '--market',
      'SIM',
      '--commodity',
      'power',
      '--calendar',
      'US_CENTRAL',
      '--shape-instrument',
      'SIM.HUB_NORTH',
    );
    expect(defined.code, defined.err).toBe(0);
    expect(defined.out).toBe('CLI-POWER: created (power, SIM, US_CENTRAL, USD/MWh).\n');

    const loaded = await cli(
      'curves',
      'quotes',
      'load',
      file('monday.csv', marks('2026-03-09', 34)),
    );
    expect(loaded.code, loaded.err).toBe(0);
    expect(loaded.out).toBe(
      'Loaded 5 quotes for CLI-POWER as of 2026-03-09: 5 new, 0 re-marked, 0 unchanged.\n',
    );

    const built = await cli('curves', 'build', 'CLI-POWER', '--as-of', '2026-03-09');
    expect(built.code, built.err).toBe(0);
    expect(built.out).toMatch(
      /^Built CLI-POWER as of 2026-03-09 \(base\): run (cr_[0-9a-f]{16}), 5 quotes, max residual /,
    );
    const runId = /run (cr_[0-9a-f]{16})/.exec(built.out)?.[1];
    const again = await cli('curves', 'build', 'CLI-POWER', '--as-of', '2026-03-09');
    expect(again.out).toMatch(
      new RegExp(`^Already built CLI-POWER as of 2026-03-09 \\(base\\): run ${runId}`),
    );

    const months = await cli(
      'curves',
      'show',
      'CLI-POWER',
      '--from',
      '2026-04-01',
      '--to',
      '2026-06-30',
    );
    expect(months.code, months.err).toBe(0);
    expect(months.out).toMatch(
      /^CLI-POWER as of 2026-03-09 \(base, run cr_\w+\), 7x24 by month, USD\/MWh\n/,
    );
    expect(months.out).toMatch(/\n2026-05\s+2026-05-01T05:00:00Z\s+2026-06-01T05:00:00Z\s+36\.5\n/);

    const csv = await cli(
      'curves',
      'show',
      'CLI-POWER',
      '--granularity',
      'day',
      '--bucket',
      '5x16',
      '--from',
      '2026-04-01',
      '--to',
      '2026-04-30',
      '--format',
      'csv',
    );
    expect(csv.code, csv.err).toBe(0);
    const rows = parse<Record<string, string>>(csv.out, { columns: true });
    // April 2026 has 22 weekdays and no NERC holiday.
    expect(rows).toHaveLength(22);
    const mean = rows.reduce((sum, r) => sum + Number(r.price), 0) / rows.length;
    expect(mean).toBeCloseTo(42, 6);
  });

  it('refuses a bad file naming file, line and column, and stores nothing from it', async () => {
    const bad = file(
      'bad.csv',
      [
        HEADER,
        'CLI-POWER,2026-03-09,Apr-26,7x24,33,,,,broker,',
        'CLI-POWER,2026-03-09,May-26,7x24,x,,,,broker,',
      ].join('\n'),
    );
    const refused = await cli('curves', 'quotes', 'load', bad);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('bad.csv, line 3, settle: "x" is not a finite number');
    expect(refused.err).toContain(`  - ${bad}:3:settle:`);
    // The good row of the bad file (a re-mark of April) was not stored either.
    const reload = await cli('curves', 'quotes', 'load', join(dataDir, 'monday.csv'));
    expect(reload.out).toContain('0 new, 0 re-marked, 5 unchanged');

    const typo = await cli(
      'curves',
      'quotes',
      'load',
      file('typo.csv', 'curve,as_of,contract,bucket,setle\n'),
    );
    expect(typo.code).toBe(1);
    expect(typo.err).toContain('typo.csv, line 1, setle: unknown column setle');
  });

  it('lists curves and runs, and diffs two as-of dates', async () => {
    await cli('curves', 'quotes', 'load', file('tuesday.csv', marks('2026-03-10', 35)));
    const built = await cli('curves', 'build', 'CLI-POWER', '--as-of', '2026-03-10');
    expect(built.code, built.err).toBe(0);

    const list = await cli('curves', 'list');
    expect(list.out).toMatch(
      /CLI-POWER\s+SIM\s+power\s+US_CENTRAL\s+USD\/MWh\s+2026-03-10\s+CLI hub power/,
    );
    const runs = await cli('curves', 'runs', 'CLI-POWER');
    expect(
      runs.out
        .split('\n')
        .filter((l) => l.startsWith('cr_'))
        .map((l) => l.split(/\s+/)[1]),
    ).toEqual(['2026-03-10', '2026-03-09']);
    const diff = await cli(
      'curves',
      'diff',
      'CLI-POWER',
      '--from',
      '2026-03-09',
      '--to',
      '2026-03-10',
      '--delivery-from',
      '2026-04-01',
      '--delivery-to',
      '2026-05-31',
    );
    expect(diff.code, diff.err).toBe(0);
    expect(diff.out).toMatch(/\n2026-04\s+2026-04-01T05:00:00Z\s+34\s+35\s+1\n/);
    expect(diff.out).toMatch(/\n2026-05\s+2026-05-01T05:00:00Z\s+36\.5\s+36\.5\s+-?0\n/);
  });
});
