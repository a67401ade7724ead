import { afterAll, describe, expect, it } from 'vitest';
import {
  seriesObservationAt,
  validateSeriesBatch,
  type SeriesObservation,
} from '../../../domain/series/series-batch.js';
import { HOUR_MS } from '../../../domain/time/interval.js';
import { AppError } from '../../../platform/errors.js';
import type { FeedData } from '../../../ports/market-feed.js';
import { testFeedContext } from '../../../../test/support/feed-context.js';
import { sharedDocument, textDocument } from '../../../../test/support/fixtures.js';
import { parseIsolfDocument, parsePalDocument } from './nyiso-load.js';

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
  }).sort(
    (a, b) => a.instrumentId.localeCompare(b.instrumentId) || a.intervalStartMs - b.intervalStartMs,
  );
};

const find = (rows: readonly Row[], id: string, start: string): Row => {
  const row = rows.find((r) => r.instrumentId === id && r.start === start);
  if (!row) {
    throw new Error(`no ${id} @ ${start}`);
  }
  return row;
};

const rejection = async (promise: Promise<unknown>): Promise<AppError> => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('invalid_source_data');
  return error as AppError;
};

const ZONES = [
  'CAPITL',
  'CENTRL',
  'DUNWOD',
  'GENESE',
  'HUD VL',
  'LONGIL',
  'MHK VL',
  'MILLWD',
  'N.Y.C.',
  'NORTH',
  'WEST',
];

describe('NYISO pal (real-time actual load, Time Zone column)', () => {
  it('gives 288 five-minute readings per zone and their sum as SYSTEM_LOAD', async () => {
    const data = await parsePalDocument(context.csv, sharedDocument('iso/nyiso/20171122pal.csv'));
    const rows = rowsOf(data);
    const day = Date.parse('2017-11-22T05:00:00.000Z');
    for (const id of [...ZONES.map((z) => `NYISO.LOAD.${z}`), 'NYISO.SYSTEM_LOAD']) {
      const starts = rows.filter((r) => r.instrumentId === id).map((r) => r.intervalStartMs);
      expect(starts).toEqual(Array.from({ length: 288 }, (_, k) => day + k * 5 * 60_000));
    }
    expect(rows).toHaveLength(12 * 288);
    expect(new Set(rows.map((r) => `${r.variable}/${r.intervalMinutes}/${r.issuedAtMs}`))).toEqual(
      new Set(['load.actual/5/null']),
    );
    // line 2: "11/22/2017 00:00:00","EST","CAPITL",61757,1140.5
    expect(find(rows, 'NYISO.LOAD.CAPITL', '2017-11-22T05:00:00.000Z').valueMw).toBe(1140.5);
    // line 10: "11/22/2017 00:00:00","EST","N.Y.C.",61761,4776.8
    expect(find(rows, 'NYISO.LOAD.N.Y.C.', '2017-11-22T05:00:00.000Z').valueMw).toBe(4776.8);
    // lines 2-12 sum to 14840.8; lines 1608-1618 (12:00:00 EST) to 18929.9
    expect(find(rows, 'NYISO.SYSTEM_LOAD', '2017-11-22T05:00:00.000Z').valueMw).toBeCloseTo(
      14840.8,
      6,
    );
    expect(find(rows, 'NYISO.SYSTEM_LOAD', '2017-11-22T17:00:00.000Z').valueMw).toBeCloseTo(
      18929.9,
      6,
    );
    // line 3191: "11/22/2017 23:55:00","EST","WEST",61752,1678.2
    expect(find(rows, 'NYISO.LOAD.WEST', '2017-11-23T04:55:00.000Z').valueMw).toBe(1678.2);
    // "11/22/2017 00:07:34" snapshots are not 5-minute readings and are left out
    expect(rows.some((r) => r.start.startsWith('2017-11-22T05:07'))).toBe(false);
    expect(data.instruments?.map((i) => [i.id, i.kind, i.product])).toEqual([
      ...ZONES.map((z) => [`NYISO.LOAD.${z}`, 'zone', 'load']),
      ['NYISO.SYSTEM_LOAD', 'system', 'load'],
    ]);
  });

  it('places EDT and EST readings of the repeated hour by the Time Zone column', async () => {
    const text = [
      '"Time Stamp","Time Zone","Name","PTID","Load"',
      '"11/02/2025 01:55:00","EDT","WEST",61752,1500.1',
      '"11/02/2025 01:00:00","EST","WEST",61752,1490.2',
      '"11/02/2025 01:05:00","EST","WEST",61752,1480.3',
      '',
    ].join('\r\n');
    const rows = rowsOf(await parsePalDocument(context.csv, textDocument('20251102pal.csv', text)));
    expect(rows.map((r) => [r.start, r.valueMw])).toEqual([
      ['2025-11-02T05:55:00.000Z', 1500.1],
      ['2025-11-02T06:00:00.000Z', 1490.2],
      ['2025-11-02T06:05:00.000Z', 1480.3],
    ]);
  });

  const header = '"Time Stamp","Time Zone","Name","PTID","Load"\n';
  it.each([
    [
      'a Time Zone that is neither EST nor EDT',
      '"11/22/2017 00:00:00","PST","WEST",61752,1.0\n',
      'line 2, Time Zone: "PST" is neither EST nor EDT',
    ],
    [
      'a Time Zone New York was not on',
      '"11/22/2017 00:00:00","EDT","WEST",61752,1.0\n',
      'line 2, Time Zone: "11/22/2017 00:00:00 EDT" is not a time New York keeps: its clock was not on EDT then',
    ],
    [
      'a missing load',
      '"11/22/2017 00:00:00","EST","WEST",61752,1.0\n"11/22/2017 00:05:00","EST","WEST",61752,\n',
      'line 3, Load: the load is missing',
    ],
    [
      'a second reading for a zone at one time',
      '"11/22/2017 00:00:00","EST","WEST",61752,1.0\n"11/22/2017 00:00:00","EST","WEST",61752,2.0\n',
      'line 3, Name: a second row for WEST at "11/22/2017 00:00:00"',
    ],
    [
      'a truncated line',
      '"11/22/2017 00:00:00","EST","WEST",61752,1.0\n"11/22/2017 00:05:00","EST","WE',
      'line 3, Name: the line ends inside a quoted value (truncated or malformed)',
    ],
  ])('names file, line and field for %s', async (_what, lines, message) => {
    const error = await rejection(
      parsePalDocument(context.csv, textDocument('20171122pal.csv', `${header}${lines}`)),
    );
    expect(error.message).toBe(`20171122pal.csv, ${message}`);
  });
});

describe('NYISO isolf (hourly load forecast, wide by zone)', () => {
  it('gives every zone and the NYCA total for six days, issued at the file date', async () => {
    const data = await parseIsolfDocument(
      context.csv,
      sharedDocument('iso/nyiso/20171122isolf.csv'),
    );
    const rows = rowsOf(data);
    expect(rows).toHaveLength(144 * 12);
    const issued = Date.parse('2017-11-22T05:00:00.000Z');
    expect(new Set(rows.map((r) => `${r.variable}/${r.intervalMinutes}/${r.issuedAtMs}`))).toEqual(
      new Set([`load.forecast/60/${issued}`]),
    );
    const starts = rows
      .filter((r) => r.instrumentId === 'NYISO.SYSTEM_LOAD')
      .map((r) => r.intervalStartMs);
    expect(starts).toEqual(Array.from({ length: 144 }, (_, k) => issued + k * HOUR_MS));
    // line 2: "11/22/2017 00:00",1107,1491,505,906,881,1678,607,218,4573,464,1532,13962
    expect(
      ['CAPITL', 'HUD VL', 'N.Y.C.', 'WEST'].map(
        (z) => find(rows, `NYISO.LOAD.${z}`, '2017-11-22T05:00:00.000Z').valueMw,
      ),
    ).toEqual([1107, 881, 4573, 1532]);
    expect(find(rows, 'NYISO.SYSTEM_LOAD', '2017-11-22T05:00:00.000Z').valueMw).toBe(13962);
    // line 145: "11/27/2017 23:00",1293,1721,624,1031,1081,2120,748,286,5335,523,1692,16454
    expect(find(rows, 'NYISO.SYSTEM_LOAD', '2017-11-28T04:00:00.000Z').valueMw).toBe(16454);
    expect(find(rows, 'NYISO.LOAD.MILLWD', '2017-11-28T04:00:00.000Z').valueMw).toBe(286);
    expect(data.instruments?.map((i) => i.id)).toEqual([
      ...ZONES.map((z) => `NYISO.LOAD.${z}`),
      'NYISO.SYSTEM_LOAD',
    ]);
  });

  it('orders the repeated hour of a fall-back day by row (the file has no DST marker)', async () => {
    const text = [
      '"Time Stamp","Capitl","NYISO"',
      '"11/02/2025 00:00",1001,15001',
      '"11/02/2025 01:00",1002,15002',
      '"11/02/2025 01:00",1003,15003',
      '"11/02/2025 02:00",1004,15004',
      '',
    ].join('\r\n');
    const rows = rowsOf(
      await parseIsolfDocument(context.csv, textDocument('20251102isolf.csv', text)),
    );
    expect(
      rows.filter((r) => r.instrumentId === 'NYISO.SYSTEM_LOAD').map((r) => [r.start, r.valueMw]),
    ).toEqual([
      ['2025-11-02T04:00:00.000Z', 15001],
      ['2025-11-02T05:00:00.000Z', 15002],
      ['2025-11-02T06:00:00.000Z', 15003],
      ['2025-11-02T07:00:00.000Z', 15004],
    ]);
    // issued at the start of the file date, 2025-11-02 00:00 EDT
    expect(rows[0]?.issuedAtMs).toBe(Date.parse('2025-11-02T04:00:00.000Z'));
  });

  it('names file, line and field for a missing forecast value', async () => {
    const recorded = new TextDecoder().decode(sharedDocument('iso/nyiso/20171122isolf.csv').bytes);
    // line 3: "11/22/2017 01:00",1080,1457,485,881,846,… — blank out the Hud Vl value 846
    const broken = recorded.replace(
      '"11/22/2017 01:00",1080,1457,485,881,846,',
      '"11/22/2017 01:00",1080,1457,485,881,,',
    );
    const error = await rejection(
      parseIsolfDocument(context.csv, textDocument('20171122isolf.csv', broken)),
    );
    expect(error.message).toBe('20171122isolf.csv, line 3, HUD VL: the forecast is missing');
  });
});
