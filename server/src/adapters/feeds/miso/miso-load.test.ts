import { read, utils, write } from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { sharedDocument, textDocument } from '../../../../test/support/fixtures.js';
import {
  seriesObservationAt,
  validateSeriesBatch,
  type SeriesBatch,
  type SeriesObservation,
} from '../../../domain/series/series-batch.js';
import type { FeedData, SourceDocument } from '../../../ports/market-feed.js';
import { parseMisoLoadReport, type MisoLoadVariable } from './miso-load.js';

const FIXTURE = 'iso/miso/20250310_df_al.xls';
const NAME = '20250310_df_al.xls';

const seriesOf = (data: FeedData): SeriesBatch => {
  if (data.kind !== 'series') {
    throw new Error('expected series');
  }
  expect(validateSeriesBatch(data.series)).toEqual([]);
  return data.series;
};
const observations = (
  document: SourceDocument,
  variable: MisoLoadVariable,
): SeriesObservation[] => {
  const batch = seriesOf(parseMisoLoadReport(document, [variable]));
  return Array.from({ length: batch.length }, (_, i) => seriesObservationAt(batch, i));
};
const at = (list: SeriesObservation[], id: string, iso: string): SeriesObservation | undefined =>
  list.find((o) => o.instrumentId === id && o.intervalStartMs === Date.parse(iso));

/** The fixture's sheet as rows, to write altered copies of the real report for the error cases. */
const fixtureRows = (): unknown[][] => {
  const book = read(sharedDocument(FIXTURE).bytes, { type: 'array' });
  const sheet = book.Sheets[book.SheetNames[0]!]!;
  return utils.sheet_to_json<unknown[]>(sheet, {
    header: 1,
    raw: true,
    defval: null,
    blankrows: true,
  });
};
const workbookOf = (rows: unknown[][], name = NAME): SourceDocument => {
  const book = utils.book_new();
  utils.book_append_sheet(book, utils.aoa_to_sheet(rows), 'Sheet1');
  return {
    name,
    bytes: new Uint8Array(write(book, { bookType: 'biff8', type: 'array' }) as ArrayBuffer),
    origin: name,
  };
};
const expectProblem = (document: SourceDocument, message: string | RegExp): void => {
  expect(() => parseMisoLoadReport(document, ['load.actual'])).toThrow(
    expect.objectContaining({
      code: 'invalid_source_data',
      message: typeof message === 'string' ? message : expect.stringMatching(message),
    }),
  );
};

describe('MISO forecast and actual load report (df_al.xls)', () => {
  const document = sharedDocument(FIXTURE, NAME);

  it('reads actual load by Local Resource Zone and the MISO total for the day before publication', () => {
    const list = observations(document, 'load.actual');
    // 7 areas × 24 hours of 2025-03-09 — the US spring-forward day, but EST has no gap: all 24 hours.
    expect(list).toHaveLength(168);
    const starts = [...new Set(list.map((o) => o.intervalStartMs))].sort((a, b) => a - b);
    expect(starts).toHaveLength(24);
    expect(new Date(starts[0]!).toISOString()).toBe('2025-03-09T05:00:00.000Z');
    expect(new Date(starts[23]!).toISOString()).toBe('2025-03-10T04:00:00.000Z');
    expect(
      list.every(
        (o) => o.variable === 'load.actual' && o.issuedAtMs === null && o.intervalMinutes === 60,
      ),
    ).toBe(true);
    // Row 7: 03/09/2025 | 1 | 9729 | 11097.2 | 15225 | 14893.41 | … | 64272 | 65773.06
    expect(at(list, 'MISO.LOAD.LRZ1', '2025-03-09T05:00:00Z')?.valueMw).toBe(11097.2);
    expect(at(list, 'MISO.SYSTEM_LOAD', '2025-03-09T05:00:00Z')?.valueMw).toBe(65773.06);
    // Row 9: 03/09/2025 | 3 | 9424 | 10905.64 | 14288 | 14372.82 | … (HE 3 = 02:00–03:00 EST = 07:00Z)
    expect(at(list, 'MISO.LOAD.LRZ2_7', '2025-03-09T07:00:00Z')?.valueMw).toBe(14372.82);
    // Row 30: 03/09/2025 | 24 | … | 63928 | 64878.22
    expect(at(list, 'MISO.SYSTEM_LOAD', '2025-03-10T04:00:00Z')?.valueMw).toBe(64878.22);
  });

  it('reads the forecast (MTLF) for the publication day and five more, issued at 00:00 EST of the publication day', () => {
    const list = observations(document, 'load.forecast');
    expect(list).toHaveLength(6 * 24 * 7);
    const issued = Date.parse('2025-03-10T05:00:00Z');
    expect(list.every((o) => o.variable === 'load.forecast' && o.issuedAtMs === issued)).toBe(true);
    // Row 33: 03/10/2025 | 1 | 9391 | (blank) | 15306 | … | 63085 | (blank)
    expect(at(list, 'MISO.LOAD.LRZ1', '2025-03-10T05:00:00Z')?.valueMw).toBe(9391);
    expect(at(list, 'MISO.SYSTEM_LOAD', '2025-03-10T05:00:00Z')?.valueMw).toBe(63085);
    // Row 52: 03/10/2025 | 20 | 11103 | | 17881 | | 9648 | | 4644 | | 10215 | | 18398 | | 71889
    expect(at(list, 'MISO.LOAD.LRZ8_9_10', '2025-03-11T00:00:00Z')?.valueMw).toBe(18398);
    // Row 186: 03/15/2025 | 24 | … | 67758 — the last hour of the report
    expect(at(list, 'MISO.SYSTEM_LOAD', '2025-03-16T04:00:00Z')?.valueMw).toBe(67758);
    // Row 7's MTLF (9729 for LRZ1, 03/09 HE 1) was forecast before publication, so it is not re-issued here.
    expect(at(list, 'MISO.LOAD.LRZ1', '2025-03-09T05:00:00Z')).toBeUndefined();
    const perDay = new Map<string, number>();
    for (const o of list.filter((o) => o.instrumentId === 'MISO.LOAD.LRZ4')) {
      const day = new Date(o.intervalStartMs - 5 * 3_600_000).toISOString().slice(0, 10);
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
    }
    expect([...perDay]).toEqual([
      ['2025-03-10', 24],
      ['2025-03-11', 24],
      ['2025-03-12', 24],
      ['2025-03-13', 24],
      ['2025-03-14', 24],
      ['2025-03-15', 24],
    ]);
  });

  it('registers the load zones and the system total it finds', () => {
    const data = parseMisoLoadReport(document, ['load.actual']);
    expect(data.instruments?.map((i) => [i.id, i.kind, i.product, i.aliases[0]?.code])).toEqual([
      ['MISO.LOAD.LRZ1', 'zone', 'load', 'LRZ1'],
      ['MISO.LOAD.LRZ2_7', 'zone', 'load', 'LRZ2_7'],
      ['MISO.LOAD.LRZ3_5', 'zone', 'load', 'LRZ3_5'],
      ['MISO.LOAD.LRZ4', 'zone', 'load', 'LRZ4'],
      ['MISO.LOAD.LRZ6', 'zone', 'load', 'LRZ6'],
      ['MISO.LOAD.LRZ8_9_10', 'zone', 'load', 'LRZ8_9_10'],
      ['MISO.SYSTEM_LOAD', 'system', 'load', 'MISO'],
    ]);
  });

  it('finds columns by header text, so moved or extra blank columns read the same', () => {
    const shifted = fixtureRows().map((row) => [row[0], null, ...row.slice(1)]);
    const moved = observations(workbookOf(shifted), 'load.actual');
    expect(moved).toEqual(observations(document, 'load.actual'));
  });

  it('rejects a truncated workbook and a file that is not a workbook, naming the file', () => {
    const bytes = document.bytes;
    expectProblem(
      { name: NAME, bytes: bytes.subarray(0, 20_000), origin: NAME },
      /^20250310_df_al\.xls: not a readable Excel workbook, truncated or corrupt/,
    );
    expectProblem(
      textDocument(NAME, 'Market Day,HourEnding\n'),
      '20250310_df_al.xls: not an Excel workbook (.xls or .xlsx)',
    );
  });

  it('names the row and column of an hour ending 27, a value that is not a number and a missing hour', () => {
    const rows = fixtureRows();
    rows[8]![1] = 27;
    expectProblem(
      workbookOf(rows),
      '20250310_df_al.xls, line 9, HourEnding: 27 is not an hour ending 1–24 (EST days have 24 hours)',
    );
    const text = fixtureRows();
    text[9]![3] = 'n/a';
    expectProblem(
      workbookOf(text),
      '20250310_df_al.xls, line 10, LRZ1 ActualLoad (MWh): "n/a" is not a number',
    );
    // A report whose last day stops at hour ending 20, as a cut-off copy would.
    const short = fixtureRows().filter((_, i) => i < 182 || i > 185);
    expectProblem(
      workbookOf(short),
      '20250310_df_al.xls, line 182, HourEnding: market day 2025-03-15 has 20 of its 24 hours (truncated report?)',
    );
  });

  it('rejects a workbook without market-day rows instead of returning nothing', () => {
    const rows = fixtureRows().filter((row) => typeof row[1] !== 'number');
    expectProblem(
      workbookOf(rows),
      '20250310_df_al.xls, Market Day: no rows with a market day and hour ending under a "Market Day, HourEnding, …" header',
    );
  });

  it('checks the publication date against the file name', () => {
    expectProblem(
      sharedDocument(FIXTURE, '20250311_df_al.xls'),
      '20250311_df_al.xls, Published Date: the report was published 2025-03-10 but its file name says 2025-03-11',
    );
  });
});
