import { afterAll, describe, expect, it } from 'vitest';
import {
  seriesObservationAt,
  validateSeriesBatch,
  type SeriesObservation,
} from '../../../domain/series/series-batch.js';
import { localDayBounds } from '../../../domain/time/zoned.js';
import { AppError } from '../../../platform/errors.js';
import type { FeedData } from '../../../ports/market-feed.js';
import { testFeedContext } from '../../../../test/support/feed-context.js';
import { sharedDocument, textDocument } from '../../../../test/support/fixtures.js';
import { outlookDate, parseOutlookGenMix, parseOutlookLoad } from './outlook-csv.js';

const context = testFeedContext();
afterAll(() => context.csv.close());

const SPRING = 'iso/caiso/outlook_history_20190310_netdemand.csv';
const FALL = 'iso/caiso/outlook_history_20191103_netdemand.csv';
const FUEL = 'iso/caiso/outlook_history_20230101_fuelsource.csv';
const FIVE_MINUTES = 5 * 60_000;

const rowsOf = (data: FeedData): SeriesObservation[] => {
  if (data.kind !== 'series') {
    throw new Error('expected series');
  }
  expect(validateSeriesBatch(data.series)).toEqual([]);
  return Array.from({ length: data.series.length }, (_, i) =>
    seriesObservationAt(data.series, i),
  ).sort((a, b) => a.variable.localeCompare(b.variable) || a.intervalStartMs - b.intervalStartMs);
};

const valueAt = (
  rows: SeriesObservation[],
  iso: string,
  variable = 'load.actual',
): number | undefined =>
  rows.find((r) => r.variable === variable && r.intervalStartMs === Date.parse(iso))?.valueMw;

const failureOf = async (work: Promise<unknown>): Promise<AppError> => {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
};

const fixtureText = (path: string): string => new TextDecoder().decode(sharedDocument(path).bytes);

describe("Today's Outlook demand", () => {
  it('spring-forward day: 23 hours, the empty 02:00–02:55 rows skipped, the next midnight left out', async () => {
    const data = await parseOutlookLoad(context.csv, sharedDocument(SPRING));
    const rows = rowsOf(data);
    const { startMs, endMs, hours } = localDayBounds('America/Los_Angeles', '2019-03-10');
    expect(hours).toBe(23);
    expect(rows).toHaveLength(23 * 12);
    // Every 5-minute interval of the 23-hour day, consecutive in UTC, nothing outside it.
    expect(rows.map((r) => r.intervalStartMs)).toEqual(
      Array.from({ length: 276 }, (_, i) => startMs + i * FIVE_MINUTES),
    );
    expect(rows.at(-1)?.intervalStartMs).toBe(endMs - FIVE_MINUTES);
    expect(
      rows.every((r) => r.instrumentId === 'CAISO.SYSTEM_LOAD' && r.intervalMinutes === 5),
    ).toBe(true);
    expect(rows.every((r) => r.issuedAtMs === null)).toBe(true);
    // line 2: 00:00,21537,21511,19908 — midnight PST
    expect(valueAt(rows, '2019-03-10T08:00:00Z')).toBe(21511);
    // line 25: 01:55,20060,20051,18186 — 01:55 PST
    expect(valueAt(rows, '2019-03-10T09:55:00Z')).toBe(20051);
    // line 38: 03:00,20060,20035,18124 — 03:00 PDT follows 01:55 PST five minutes later
    expect(valueAt(rows, '2019-03-10T10:00:00Z')).toBe(20035);
    // line 289: 23:55,21541,21583,20622; line 290 (00:00,21541,,) is the next midnight
    expect(valueAt(rows, '2019-03-11T06:55:00Z')).toBe(21583);
    expect(data.instruments?.map((i) => i.id)).toEqual(['CAISO.SYSTEM_LOAD']);
  });

  it('fall-back day: 25 hours, of which the file has the first 01:xx hour only', async () => {
    const rows = rowsOf(await parseOutlookLoad(context.csv, sharedDocument(FALL)));
    const { startMs, endMs, hours } = localDayBounds('America/Los_Angeles', '2019-11-03');
    expect(hours).toBe(25);
    // 288 readings for the 300 intervals of the day: the second (PST) 01:00–01:55 is not in the file.
    expect(rows).toHaveLength(288);
    const secondOneOClock = Date.parse('2019-11-03T09:00:00Z');
    expect(rows.map((r) => r.intervalStartMs)).toEqual(
      Array.from({ length: 300 }, (_, i) => startMs + i * FIVE_MINUTES).filter(
        (t) => t < secondOneOClock || t >= secondOneOClock + 3_600_000,
      ),
    );
    expect(rows.at(-1)?.intervalStartMs).toBe(endMs - FIVE_MINUTES);
    // line 14: 01:00,19850,19706,19118 — the first 01:00, PDT (continues smoothly from 00:55's 19776)
    expect(valueAt(rows, '2019-11-03T08:00:00Z')).toBe(19706);
    // line 25: 01:55,19692,19080,19118
    expect(valueAt(rows, '2019-11-03T08:55:00Z')).toBe(19080);
    // line 26: 02:00,19028,18613,18187 — 02:00 PST, an hour and five minutes after 01:55 PDT
    expect(valueAt(rows, '2019-11-03T10:00:00Z')).toBe(18613);
    // line 290: 00:00,19855,19751, is the next midnight: not stored with this day
    expect(valueAt(rows, '2019-11-04T08:00:00Z')).toBeUndefined();
  });

  it('reads a second row of a repeated label as the standard-time hour', async () => {
    const text = fixtureText(FALL).replace(
      '01:00,19850,19706,19118\r\n',
      '01:00,19850,19706,19118\r\n01:00,1,2,3\r\n',
    );
    const rows = rowsOf(
      await parseOutlookLoad(context.csv, textDocument('20191103_netdemand.csv', text)),
    );
    expect(valueAt(rows, '2019-11-03T08:00:00Z')).toBe(19706);
    expect(valueAt(rows, '2019-11-03T09:00:00Z')).toBe(2);
  });

  it('takes the date from the file name or the history URL', () => {
    expect(outlookDate(sharedDocument(SPRING))).toBe('2019-03-10');
    expect(
      outlookDate({
        name: 'netdemand.csv',
        origin: 'https://www.caiso.com/outlook/history/20191103/netdemand.csv',
        bytes: new Uint8Array(),
      }),
    ).toBe('2019-11-03');
    expect(() => outlookDate(textDocument('netdemand.csv', ''))).toThrow(
      'netdemand.csv: the file name must carry its date',
    );
  });

  it('names file, line and field for malformed and truncated files, and returns nothing', async () => {
    const name = '20190310_netdemand.csv';
    const bad = await failureOf(
      parseOutlookLoad(
        context.csv,
        textDocument(name, fixtureText(SPRING).replace('01:55,20060,20051,', '01:55,20060,200S1,')),
      ),
    );
    expect(bad.code).toBe('invalid_source_data');
    expect(bad.message).toBe(`${name}, line 25, Current demand: "200S1" is not a number`);
    const text = fixtureText(SPRING);
    const truncated = await failureOf(
      parseOutlookLoad(context.csv, textDocument(name, text.slice(0, text.indexOf('01:55,') + 8))),
    );
    expect(truncated.message).toBe(
      `${name}, line 25, Current demand: expected 4 columns, found 2 (truncated or malformed line)`,
    );
    const time = await failureOf(
      parseOutlookLoad(context.csv, textDocument(name, text.replace('01:55,', '01:57,'))),
    );
    expect(time.message).toBe(
      `${name}, line 25, Time: "01:57" is not a 5-minute time of day (HH:MM)`,
    );
  });

  it('refuses values at a time the clock skips', async () => {
    const name = '20190310_netdemand.csv';
    const text = fixtureText(SPRING).replace('02:30,,,', '02:30,1,2,3');
    const error = await failureOf(parseOutlookLoad(context.csv, textDocument(name, text)));
    expect(error.message).toBe(
      `${name}, line 32, Time: 02:30 does not exist on 2019-03-10 (the clock skips 02:00-02:59) but the row has values`,
    );
  });
});

describe("Today's Outlook fuel mix", () => {
  it('maps the fuelsource columns onto fuels, keeping negative solar and battery charging', async () => {
    const data = await parseOutlookGenMix(context.csv, sharedDocument(FUEL));
    const rows = rowsOf(data);
    expect(data.kind === 'series' && data.series.variables.slice().sort()).toEqual([
      'gen.biomass',
      'gen.coal',
      'gen.gas',
      'gen.geothermal',
      'gen.hydro',
      'gen.imports',
      'gen.nuclear',
      'gen.other',
      'gen.solar',
      'gen.storage',
      'gen.wind',
    ]);
    // 288 readings (no trailing midnight row in fuelsource) × 11 fuels.
    expect(rows).toHaveLength(288 * 11);
    const { startMs } = localDayBounds('America/Los_Angeles', '2023-01-01');
    expect(rows.filter((r) => r.variable === 'gen.gas').map((r) => r.intervalStartMs)).toEqual(
      Array.from({ length: 288 }, (_, i) => startMs + i * FIVE_MINUTES),
    );
    // line 2: Time,Solar,Wind,Geothermal,Biomass,Biogas,Small hydro,Coal,Nuclear,Natural Gas,Large Hydro,
    //         Batteries,Imports,Other = 00:00,-37,3193,905,287,212,191,4,2245,8225,1477,200,6129,0
    const midnight = '2023-01-01T08:00:00Z';
    expect(
      Object.fromEntries(
        rows
          .filter((r) => r.intervalStartMs === Date.parse(midnight))
          .map((r) => [r.variable, r.valueMw]),
      ),
    ).toEqual({
      'gen.solar': -37,
      'gen.wind': 3193,
      'gen.geothermal': 905,
      'gen.biomass': 287 + 212,
      'gen.hydro': 191 + 1477,
      'gen.coal': 4,
      'gen.nuclear': 2245,
      'gen.gas': 8225,
      'gen.storage': 200,
      'gen.imports': 6129,
      'gen.other': 0,
    });
    // line 146: 12:00,6721,4018,938,313,211,200,4,2245,5167,1609,-1580,707,0 — batteries charging at noon
    expect(valueAt(rows, '2023-01-01T20:00:00Z', 'gen.solar')).toBe(6721);
    expect(valueAt(rows, '2023-01-01T20:00:00Z', 'gen.storage')).toBe(-1580);
    expect(data.instruments?.map((i) => [i.id, i.kind, i.product])).toEqual([
      ['CAISO.SYSTEM_GEN', 'system', 'gen_mix'],
    ]);
  });

  it('stops at a fuel column it cannot map', async () => {
    const name = '20230101_fuelsource.csv';
    const text = fixtureText(FUEL).replace(',Other\r\n', ',Hydrogen\r\n');
    const error = await failureOf(parseOutlookGenMix(context.csv, textDocument(name, text)));
    expect(error.message).toBe(
      `${name}, line 1, Hydrogen: a fuel column with no mapping to a fuel`,
    );
  });
});
