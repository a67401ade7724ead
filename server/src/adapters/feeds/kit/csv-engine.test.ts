import { afterAll, describe, expect, it } from 'vitest';
import { sharedDocument, textDocument } from '../../../../test/support/fixtures.js';
import { CsvEngine } from './csv-engine.js';

const engine = new CsvEngine({ threads: 1 });
afterAll(async () => {
  await engine.close();
});

const CAISO_DAM = 'iso/caiso/oasis_PRC_LMP_DAM_20200101_hubs_dlaps.csv';
const LAYOUT = {
  columns: { NODE: 'VARCHAR', LMP_TYPE: 'VARCHAR', MW: 'DOUBLE', OPR_HR: 'BIGINT' },
} as const;

describe('CsvEngine', () => {
  it('reads a real OASIS report with typed columns and the line of every row', async () => {
    const result = await engine.read(sharedDocument(CAISO_DAM), LAYOUT, (table) =>
      table.rows(
        `SELECT _line, NODE, LMP_TYPE, MW, OPR_HR FROM ${table.relation} ORDER BY _line LIMIT 1`,
      ),
    );
    // Line 2 of the file: 2020-01-02T02:00:00-00:00,…,19,0,DLAP_PGAE-APND,…,DAM,LMP,LMP_PRC,…,39.14277,573
    expect(result).toEqual([
      { _line: 2n, NODE: 'DLAP_PGAE-APND', LMP_TYPE: 'LMP', MW: 39.14277, OPR_HR: 19n },
    ]);
  });

  it('counts every data line and exposes the header as written', async () => {
    const { header, count } = await engine.read(
      sharedDocument(CAISO_DAM),
      LAYOUT,
      async (table) => ({
        header: table.header,
        count: (
          await table.columns(`SELECT count(*)::DOUBLE FROM ${table.relation}`, ['f64'] as const)
        ).columns[0][0],
      }),
    );
    expect(header).toContain('INTERVALSTARTTIME_GMT');
    // 7 nodes × 24 hours × 4 LMP types
    expect(count).toBe(672);
  });

  it('names the file, line and column of a value that is not a number', async () => {
    const bad = textDocument('bad.csv', 'NODE,LMP_TYPE,MW,OPR_HR\nA,LMP,1.5,1\nA,MCC,n/a,1\n');
    await expect(
      engine.read(bad, LAYOUT, (t) => t.rows(`SELECT sum(MW) FROM ${t.relation}`)),
    ).rejects.toMatchObject({
      code: 'invalid_source_data',
      message: 'bad.csv, line 3, MW: "n/a" is not a number',
    });
  });

  it('names the line of a truncated file', async () => {
    const truncated = textDocument('cut.csv', 'NODE,LMP_TYPE,MW,OPR_HR\nA,LMP,1.5,1\nA,MC');
    await expect(
      engine.read(truncated, LAYOUT, (t) => t.rows(`SELECT count(*) FROM ${t.relation}`)),
    ).rejects.toMatchObject({
      code: 'invalid_source_data',
      message: 'cut.csv, line 3, MW: expected 4 columns, found 2 (truncated or malformed line)',
    });
  });

  it('reports a missing column against the header line, and an empty document', async () => {
    const renamed = textDocument('x.csv', 'note\nNODE,TYPE,MW,OPR_HR\nA,LMP,1,1\n');
    await expect(
      engine.read(renamed, { ...LAYOUT, skipLines: 1 }, (t) => t.rows(`SELECT 1`)),
    ).rejects.toThrow(
      /^x\.csv, line 2, LMP_TYPE: missing column; the header has: NODE, TYPE, MW, OPR_HR$/,
    );
    await expect(
      engine.read(textDocument('e.csv', ''), LAYOUT, (t) => t.rows('SELECT 1')),
    ).rejects.toThrow('e.csv: the document is empty');
  });

  it('normalises headers (padding, case) and reads quoted files with a preamble', async () => {
    const quoted = textDocument(
      'q.csv',
      'Report title\r\n\r\n"Time Stamp","Name ","LBMP ($/MWHr)"\r\n"11/02/2025 01:00","N.Y.C.","41.25"\r\n',
    );
    const rows = await engine.read(
      quoted,
      {
        skipLines: 2,
        columns: { 'time stamp': 'VARCHAR', name: 'VARCHAR', 'lbmp ($/mwhr)': 'DOUBLE' },
        normaliseHeader: (h) => h.trim().toLowerCase(),
      },
      (t) => t.rows(`SELECT _line, name, "lbmp ($/mwhr)" AS lbmp FROM ${t.relation}`),
    );
    expect(rows).toEqual([{ _line: 4n, name: 'N.Y.C.', lbmp: 41.25 }]);
  });
});
