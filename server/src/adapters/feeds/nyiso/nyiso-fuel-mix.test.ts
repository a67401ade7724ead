import { afterAll, describe, expect, it } from 'vitest';
import {
  FUELS,
  seriesObservationAt,
  validateSeriesBatch,
  type SeriesObservation,
} from '../../../domain/series/series-batch.js';
import { AppError } from '../../../platform/errors.js';
import type { FeedData } from '../../../ports/market-feed.js';
import { testFeedContext } from '../../../../test/support/feed-context.js';
import { sharedDocument, textDocument } from '../../../../test/support/fixtures.js';
import { parseDailyOrArchive } from './nyiso-documents.js';
import { NYISO_FUEL_CATEGORIES, parseFuelMixDocument } from './nyiso-fuel-mix.js';

const context = testFeedContext();
afterAll(() => context.csv.close());

type Row = SeriesObservation & { start: string };

const rowsOf = (data: FeedData): Row[] => {
  if (data.kind !== 'series') {
    throw new Error('expected series');
  }
  expect(validateSeriesBatch(data.series)).toEqual([]);
  return Array.from({ length: data.series.length }, (_, i) => {
    const o = seriesObservationAt(data.series, i);
    return { ...o, start: new Date(o.intervalStartMs).toISOString() };
  });
};

const valuesAt = (rows: readonly Row[], start: string): Record<string, number> =>
  Object.fromEntries(
    rows
      .filter((r) => r.start === start)
      .map((r): [string, number] => [r.variable, r.valueMw])
      .sort(([a], [b]) => a.localeCompare(b)),
  );

const GEN_VARIABLES = ['gen.gas', 'gen.hydro', 'gen.nuclear', 'gen.oil', 'gen.other', 'gen.wind'];

const parseFile = (text: string, name = '20171122rtfuelmix.csv'): Promise<FeedData> =>
  parseFuelMixDocument(context.csv, textDocument(name, text));

describe('NYISO rtfuelmix (5-minute fuel mix, interval end, Time Zone column)', () => {
  it('maps every NYISO category onto our fuels', () => {
    expect(Object.keys(NYISO_FUEL_CATEGORIES).sort()).toEqual([
      'Dual Fuel',
      'Hydro',
      'Natural Gas',
      'Nuclear',
      'Other Fossil Fuels',
      'Other Renewables',
      'Wind',
    ]);
    for (const fuel of Object.values(NYISO_FUEL_CATEGORIES)) {
      expect(FUELS).toContain(fuel);
    }
  });

  it('reads the 2017 daily file: 287 intervals per fuel, dual fuel and gas summed', async () => {
    const data = await parseFuelMixDocument(
      context.csv,
      sharedDocument('iso/nyiso/20171122rtfuelmix.csv'),
    );
    const rows = rowsOf(data);
    // 00:05 … 23:55 EST are interval ends: 287 intervals (the 2017 file stops before 24:00).
    expect(rows).toHaveLength(287 * 6);
    for (const variable of GEN_VARIABLES) {
      const starts = rows
        .filter((r) => r.variable === variable)
        .map((r) => r.intervalStartMs)
        .sort((a, b) => a - b);
      const first = Date.parse('2017-11-22T05:00:00.000Z');
      expect(starts).toEqual(Array.from({ length: 287 }, (_, k) => first + k * 5 * 60_000));
    }
    expect(
      new Set(rows.map((r) => `${r.instrumentId}/${r.intervalMinutes}/${r.issuedAtMs}`)),
    ).toEqual(new Set(['NYISO.SYSTEM_GEN/5/null']));
    // lines 2-8: 11/22/2017 00:05:00,EST, Dual Fuel 1447.0, Natural Gas 1565.0, Nuclear 5413.0,
    // Other Fossil Fuels 0.0, Other Renewables 271.0, Wind 509.0, Hydro 3547.0 → interval 00:00–00:05 EST
    expect(valuesAt(rows, '2017-11-22T05:00:00.000Z')).toEqual({
      'gen.gas': 3012,
      'gen.hydro': 3547,
      'gen.nuclear': 5413,
      'gen.oil': 0,
      'gen.other': 271,
      'gen.wind': 509,
    });
    // last line: 11/22/2017 23:55:00,EST,Hydro,3445.0 → interval 23:50–23:55 EST
    expect(valuesAt(rows, '2017-11-23T04:50:00.000Z')['gen.hydro']).toBe(3445);
    // the 00:07:34 and 00:09:40 snapshots are left out
    expect(rows.some((r) => r.start.startsWith('2017-11-22T05:07'))).toBe(false);
    expect(data.instruments?.map((i) => [i.id, i.kind, i.product])).toEqual([
      ['NYISO.SYSTEM_GEN', 'system', 'gen_mix'],
    ]);
  });

  it('reads the February 2025 monthly archive: 28 daily members, each day 00:05 to the next 00:00', async () => {
    const started = performance.now();
    const data = await parseDailyOrArchive(
      'series',
      sharedDocument('iso/nyiso/20250201rtfuelmix_csv.zip'),
      (daily) => parseFuelMixDocument(context.csv, daily),
    );
    const elapsedMs = performance.now() - started;
    const rows = rowsOf(data);
    // 28 days × 288 five-minute stamps, less 6 stamps NYISO did not post (e.g. 02/03 23:50:00), × 6 fuels.
    expect(rows).toHaveLength((28 * 288 - 6) * 6);
    // 20250201rtfuelmix.csv lines 2-3: 02/01/2025 00:05:00,EST,Dual Fuel,4613.0 / Natural Gas,3487.0
    expect(valuesAt(rows, '2025-02-01T05:00:00.000Z')['gen.gas']).toBe(8100);
    // 20250228rtfuelmix.csv lines 2039-2045: 03/01/2025 00:00:00,EST, … Wind 2070.0, Hydro 2108.0
    expect(valuesAt(rows, '2025-03-01T04:55:00.000Z')).toEqual({
      'gen.gas': 6518,
      'gen.hydro': 2108,
      'gen.nuclear': 3238,
      'gen.oil': 1,
      'gen.other': 209,
      'gen.wind': 2070,
    });
    const days = new Set(rows.map((r) => r.start.slice(0, 10)));
    expect(days.size).toBe(29); // UTC dates: Feb 1 05:00Z … Mar 1 04:55Z
    expect(elapsedMs).toBeLessThan(5000);
  });

  const header = 'Time Stamp,Time Zone,Fuel Category,Gen MW\n';
  it.each([
    [
      'an unknown fuel category',
      '11/22/2017 00:05:00,EST,Nuclear,5413.0\n11/22/2017 00:05:00,EST,Solar Thermal,1.0\n',
      'line 3, Fuel Category: unknown fuel category "Solar Thermal"; known: Dual Fuel, Natural Gas, Nuclear, Other Fossil Fuels, Other Renewables, Wind, Hydro',
    ],
    [
      'a missing value',
      '11/22/2017 00:05:00,EST,Nuclear,\n',
      'line 2, Gen MW: the generation is missing',
    ],
    [
      'a value that is not a number (malformed)',
      '11/22/2017 00:05:00,EST,Nuclear,54l3.0\n',
      'line 2, Gen MW: "54l3.0" is not a number',
    ],
    [
      'a category twice at one time',
      '11/22/2017 00:05:00,EST,Wind,1.0\n11/22/2017 00:05:00,EST,Wind,2.0\n',
      'line 3, Fuel Category: a second row for Wind at "11/22/2017 00:05:00"',
    ],
    [
      'a truncated line',
      '11/22/2017 00:05:00,EST,Wind,1.0\n11/22/2017 00:10:00,EST',
      'line 3, Fuel Category: expected 4 columns, found 2 (truncated or malformed line)',
    ],
  ])('names file, line and field for %s', async (_what, lines, message) => {
    const error = await parseFile(`${header}${lines}`).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toBe(`20171122rtfuelmix.csv, ${message}`);
  });

  it('reports a truncated monthly archive against its name and returns nothing', async () => {
    const zip = sharedDocument('iso/nyiso/20250201rtfuelmix_csv.zip');
    const cut = { ...zip, bytes: zip.bytes.subarray(0, 100_000) };
    const error = await parseDailyOrArchive('series', cut, (daily) =>
      parseFuelMixDocument(context.csv, daily),
    ).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(
      /^20250201rtfuelmix_csv\.zip: not a readable zip archive \(truncated or corrupt\)/,
    );
  });
});
