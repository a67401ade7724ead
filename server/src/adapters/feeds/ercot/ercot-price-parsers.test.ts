import { zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { sampleDocument, textDocument } from '../../../../test/support/fixtures.js';
import {
  priceObservationAt,
  validatePriceBatch,
  type PriceObservation,
} from '../../../domain/prices/price-batch.js';
import { AppError } from '../../../platform/errors.js';
import type { FeedData, SourceDocument } from '../../../ports/market-feed.js';
import { CsvEngine } from '../kit/csv-engine.js';
import { parseDamSpp, parseRtSpp } from './ercot-price-parsers.js';
import { parseScedLmp } from './ercot-sced-parser.js';

const csv = new CsvEngine();
afterAll(() => csv.close());

const DAM_FALL = 'ercot/cdr.00012331.0000000000000000.20241102.133004.DAMSPNP4190.csv';
const DAM_SPRING = 'ercot/cdr.00012331.0000000000000000.20250308.133002.DAMSPNP4190.csv';
const RT_FALL_FIRST =
  'ercot/cdr.00012301.0000000000000000.20241103.011602.SPPHLZNP6905_20241103_0115.csv';
const RT_FALL_REPEAT =
  'ercot/cdr.00012301.0000000000000000.20241103.011605.SPPHLZNP6905_20241103_0115_xhr.csv';
const RT_SPRING =
  'ercot/cdr.00012301.0000000000000000.20250309.011602.SPPHLZNP6905_20250309_0115.csv';
const SCED_FIRST = 'ercot/cdr.00012300.0000000000000000.20241103.010551.LMPSROSNODENP6788.csv';
const SCED_REPEAT = 'ercot/cdr.00012300.0000000000000000.20241103.010553.LMPSROSNODENP6788.csv';

const observations = (data: FeedData): PriceObservation[] => {
  if (data.kind !== 'prices') {
    throw new Error('expected prices');
  }
  expect(validatePriceBatch(data.prices)).toEqual([]);
  return Array.from({ length: data.prices.length }, (_, i) => priceObservationAt(data.prices, i));
};

const at = (rows: readonly PriceObservation[], id: string, isoStart: string): PriceObservation => {
  const found = rows.find(
    (r) => r.instrumentId === id && r.intervalStartMs === Date.parse(isoStart),
  );
  if (found === undefined) {
    throw new Error(`no row for ${id} at ${isoStart}`);
  }
  return found;
};

const hoursOf = (rows: readonly PriceObservation[], id: string): string[] =>
  rows
    .filter((r) => r.instrumentId === id)
    .map((r) => r.intervalStartMs)
    .sort((a, b) => a - b)
    .map((ms) => new Date(ms).toISOString());

const zipOf = (name: string, members: readonly SourceDocument[]): SourceDocument => ({
  name,
  origin: name,
  bytes: zipSync(Object.fromEntries(members.map((m) => [m.name, m.bytes]))),
});

describe('ERCOT DAM Settlement Point Prices (NP4-190-CD), hand-written samples', () => {
  it('reads the fall-back day as 25 hours, the DSTFlag Y row as the CST repeat (hand-written sample)', async () => {
    const rows = observations(await parseDamSpp(csv, sampleDocument(DAM_FALL)));
    expect(rows).toHaveLength(75);
    // "11/03/2024,02:00,HB_NORTH,21.25,N" → 01:00 CDT; "11/03/2024,02:00,HB_NORTH,22.5,Y" → 01:00 CST.
    expect(at(rows, 'ERCOT.HB_NORTH', '2024-11-03T06:00:00Z')).toMatchObject({
      run: 'DA',
      intervalMinutes: 60,
      lmp: 21.25,
      energy: null,
      congestion: null,
      loss: null,
      ghg: null,
    });
    expect(at(rows, 'ERCOT.HB_NORTH', '2024-11-03T07:00:00Z').lmp).toBe(22.5);
    // "11/03/2024,03:00,LZ_HOUSTON,26.12,N" → 02:00 CST.
    expect(at(rows, 'ERCOT.LZ_HOUSTON', '2024-11-03T08:00:00Z').lmp).toBe(26.12);
    const hours = hoursOf(rows, 'ERCOT.AMISTAD_ALL');
    expect(hours).toHaveLength(25);
    expect(hours[0]).toBe('2024-11-03T05:00:00.000Z');
    expect(hours[24]).toBe('2024-11-04T05:00:00.000Z');
  });

  it('reads the spring-forward day as 23 hours with 03:00 after 01:00 (hand-written sample)', async () => {
    const data = await parseDamSpp(csv, sampleDocument(DAM_SPRING));
    const rows = observations(data);
    expect(rows).toHaveLength(69);
    const hours = hoursOf(rows, 'ERCOT.HB_NORTH');
    expect(hours).toHaveLength(23);
    // "03/09/2025,01:00,HB_NORTH,20.0,N" → 00:00 CST; "03/09/2025,03:00,HB_NORTH,21.25,N" → 01:00 CST.
    expect(at(rows, 'ERCOT.HB_NORTH', '2025-03-09T06:00:00Z').lmp).toBe(20);
    expect(at(rows, 'ERCOT.HB_NORTH', '2025-03-09T07:00:00Z').lmp).toBe(21.25);
    expect(hours[22]).toBe('2025-03-10T04:00:00.000Z');
    expect(data.instruments?.map((i) => [i.id, i.kind, i.product])).toEqual([
      ['ERCOT.AMISTAD_ALL', 'node', 'lmp'],
      ['ERCOT.HB_NORTH', 'hub', 'lmp'],
      ['ERCOT.LZ_HOUSTON', 'zone', 'lmp'],
    ]);
  });

  it('reads the document zipped as the MIS serves it', async () => {
    const zipped = zipOf('cdr.00012331.0000000000000000.20241102.133004.DAMSPNP4190_csv.zip', [
      sampleDocument(DAM_FALL),
    ]);
    expect(observations(await parseDamSpp(csv, zipped))).toHaveLength(75);
  });
});

describe('ERCOT RT Settlement Point Prices (NP6-905-CD), hand-written samples', () => {
  it('reads one 15-minute interval per file, the repeated hour by DSTFlag, LZEW as <zone>_EW (hand-written sample)', async () => {
    const first = await parseRtSpp(csv, sampleDocument(RT_FALL_FIRST));
    const rows = observations(first);
    expect(rows).toHaveLength(4);
    // "11/03/2024,2,1,HB_NORTH,HU,19.08,N": hour ending 02, quarter 1 → 01:00–01:15 CDT.
    expect(at(rows, 'ERCOT.HB_NORTH', '2024-11-03T06:00:00Z')).toMatchObject({
      run: 'RT15',
      intervalMinutes: 15,
      lmp: 19.08,
      energy: null,
    });
    // "…,LZ_HOUSTON,LZ,19.61,N" and "…,LZ_HOUSTON,LZEW,19.64,N".
    expect(at(rows, 'ERCOT.LZ_HOUSTON', '2024-11-03T06:00:00Z').lmp).toBe(19.61);
    expect(at(rows, 'ERCOT.LZ_HOUSTON_EW', '2024-11-03T06:00:00Z').lmp).toBe(19.64);
    expect(first.instruments?.map((i) => [i.id, i.kind])).toEqual([
      ['ERCOT.AMISTAD_ALL', 'node'],
      ['ERCOT.HB_NORTH', 'hub'],
      ['ERCOT.LZ_HOUSTON', 'zone'],
      ['ERCOT.LZ_HOUSTON_EW', 'zone'],
    ]);
    // "11/03/2024,2,1,HB_NORTH,HU,18.3,Y" → 01:00–01:15 CST.
    const repeat = observations(await parseRtSpp(csv, sampleDocument(RT_FALL_REPEAT)));
    expect(at(repeat, 'ERCOT.HB_NORTH', '2024-11-03T07:00:00Z').lmp).toBe(18.3);
    // "03/09/2025,3,1,HB_NORTH,HU,23.11,N": the hour ending 03:00 of the spring-forward day starts 01:00 CST.
    const spring = observations(await parseRtSpp(csv, sampleDocument(RT_SPRING)));
    expect(at(spring, 'ERCOT.HB_NORTH', '2025-03-09T07:00:00Z').lmp).toBe(23.11);
  });

  it('merges the CSVs of one zip without repeating a key', async () => {
    const zipped = zipOf('rt.zip', [sampleDocument(RT_FALL_FIRST), sampleDocument(RT_FALL_REPEAT)]);
    const rows = observations(await parseRtSpp(csv, zipped));
    expect(rows).toHaveLength(8);
    expect(hoursOf(rows, 'ERCOT.LZ_HOUSTON_EW')).toEqual([
      '2024-11-03T06:00:00.000Z',
      '2024-11-03T07:00:00.000Z',
    ]);
  });
});

describe('ERCOT SCED LMPs (NP6-788-CD), hand-written samples', () => {
  it('puts a SCED run in the five minutes it starts, the repeated hour by RepeatedHourFlag (hand-written sample)', async () => {
    // "11/03/2024 01:05:11,N,HB_NORTH,18.76" → [06:05, 06:10) UTC.
    const first = observations(await parseScedLmp(csv, sampleDocument(SCED_FIRST)));
    expect(first).toHaveLength(3);
    expect(at(first, 'ERCOT.HB_NORTH', '2024-11-03T06:05:00Z')).toMatchObject({
      run: 'RT5',
      intervalMinutes: 5,
      lmp: 18.76,
      energy: null,
    });
    // "11/03/2024 01:05:13,Y,HB_NORTH,18.02" → [07:05, 07:10) UTC.
    const repeat = observations(await parseScedLmp(csv, sampleDocument(SCED_REPEAT)));
    expect(at(repeat, 'ERCOT.HB_NORTH', '2024-11-03T07:05:00Z').lmp).toBe(18.02);
    expect(at(repeat, 'ERCOT.AMISTAD_ALL', '2024-11-03T07:05:00Z').lmp).toBe(16.71);
  });

  it('reads space-padded cells, as some NP6-788-CD postings have them', async () => {
    const text = [
      'SCEDTimestamp,RepeatedHourFlag,SettlementPoint,LMP',
      '03/13/2025 14:40:13 , N , HB_NORTH   ,  22.18 ',
    ].join('\n');
    const rows = observations(await parseScedLmp(csv, textDocument('padded.csv', text)));
    expect(rows).toEqual([
      expect.objectContaining({
        instrumentId: 'ERCOT.HB_NORTH',
        intervalStartMs: Date.parse('2025-03-13T19:40:00Z'),
        lmp: 22.18,
      }),
    ]);
  });

  it('keeps the later of two SCED runs within the same five minutes', async () => {
    const text = [
      'SCEDTimestamp,RepeatedHourFlag,SettlementPoint,LMP',
      '03/13/2025 14:40:13,N,HB_NORTH,22.18',
      '03/13/2025 14:43:40,N,HB_NORTH,31.5',
      '03/13/2025 14:45:12,N,HB_NORTH,24',
    ].join('\n');
    const rows = observations(await parseScedLmp(csv, textDocument('sced.csv', text)));
    const byTime = [...rows].sort((a, b) => a.intervalStartMs - b.intervalStartMs);
    expect(byTime.map((r) => [new Date(r.intervalStartMs).toISOString(), r.lmp])).toEqual([
      ['2025-03-13T19:40:00.000Z', 31.5],
      ['2025-03-13T19:45:00.000Z', 24],
    ]);
  });
});

describe('ERCOT price files with problems', () => {
  const DAM_HEADER = 'DeliveryDate,HourEnding,SettlementPoint,SettlementPointPrice,DSTFlag';
  const problem = async (work: Promise<FeedData>): Promise<AppError> => {
    const error = await work.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('invalid_source_data');
    return error as AppError;
  };

  it('names file, line and field of a price that is not a number, and returns nothing', async () => {
    const text = `${DAM_HEADER}\n11/03/2024,01:00,HB_NORTH,20.1,N\n11/03/2024,01:00,HB_SOUTH,2O.5,N\n`;
    const error = await problem(parseDamSpp(csv, textDocument('bad_DAMSPNP4190.csv', text)));
    expect(error.message).toBe(
      'bad_DAMSPNP4190.csv, line 3, SettlementPointPrice: "2O.5" is not a number',
    );
  });

  it('names file, line and field of a truncated file, and returns nothing', async () => {
    const text = `${DAM_HEADER}\n11/03/2024,01:00,HB_NORTH,20.1,N\n11/03/2024,01:00,HB_SOU`;
    const error = await problem(parseDamSpp(csv, textDocument('cut_DAMSPNP4190.csv', text)));
    expect(error.message).toBe(
      'cut_DAMSPNP4190.csv, line 3, SettlementPointPrice: expected 5 columns, found 3 (truncated or malformed line)',
    );
  });

  it('names the line and field of an hour ending that does not exist, and of a missing price', async () => {
    const badHour = `${DAM_HEADER}\n11/03/2024,01:00,HB_NORTH,20.1,N\n11/03/2024,27:00,HB_NORTH,20.5,N\n`;
    expect((await problem(parseDamSpp(csv, textDocument('he.csv', badHour)))).message).toBe(
      'he.csv, line 3, HourEnding: "27:00" is not an hour ending: expected 1–24 (or 25 on a fall-back day), written like 01:00, 1:00 or 7',
    );
    const spring = `${DAM_HEADER}\n03/09/2025,01:00,HB_NORTH,20.1,N\n03/09/2025,02:00,HB_NORTH,20.5,N\n`;
    expect((await problem(parseDamSpp(csv, textDocument('sf.csv', spring)))).message).toContain(
      'sf.csv, line 3, HourEnding: hour ending 02:00 does not exist on 2025-03-09',
    );
    const noPrice = `${DAM_HEADER}\n11/03/2024,01:00,HB_NORTH,20.1,N\n11/03/2024,02:00,HB_NORTH,,N\n`;
    expect((await problem(parseDamSpp(csv, textDocument('np.csv', noPrice)))).message).toBe(
      'np.csv, line 3, SettlementPointPrice: no price given',
    );
    const flag = `${DAM_HEADER}\n11/03/2024,01:00,HB_NORTH,20.1,X\n`;
    expect((await problem(parseDamSpp(csv, textDocument('fl.csv', flag)))).message).toBe(
      'fl.csv, line 2, DSTFlag: "X" is not a repeated-hour flag: expected Y or N',
    );
  });

  it('rejects a second price for the same point and interval', async () => {
    const twice = `${DAM_HEADER}\n11/03/2024,01:00,HB_NORTH,20.1,N\n11/03/2024,01:00,HB_NORTH,20.2,N\n`;
    expect((await problem(parseDamSpp(csv, textDocument('dup.csv', twice)))).message).toBe(
      'dup.csv, line 3, SettlementPoint: a second price for HB_NORTH in the same interval (first on line 2)',
    );
  });

  it('rejects RT quarter hours outside 1–4, SCED times the clock skips, and a truncated zip', async () => {
    const rt = [
      'DeliveryDate,DeliveryHour,DeliveryInterval,SettlementPointName,SettlementPointType,SettlementPointPrice,DSTFlag',
      '11/04/2024,2,5,HB_NORTH,HU,19.08,N',
    ].join('\n');
    expect((await problem(parseRtSpp(csv, textDocument('rt.csv', rt)))).message).toBe(
      'rt.csv, line 2, DeliveryInterval: not a quarter hour of the hour: expected 1, 2, 3 or 4',
    );
    const sced =
      'SCEDTimestamp,RepeatedHourFlag,SettlementPoint,LMP\n03/09/2025 02:05:11,N,HB_NORTH,1\n';
    expect((await problem(parseScedLmp(csv, textDocument('sc.csv', sced)))).message).toBe(
      'sc.csv, line 2, SCEDTimestamp: 03/09/2025 02:05:11 Central time does not exist: the clock skips it at the change to daylight time',
    );
    const zipped = zipOf('cut.zip', [sampleDocument(DAM_FALL)]);
    const cut = { ...zipped, bytes: zipped.bytes.subarray(0, zipped.bytes.length - 30) };
    expect((await problem(parseDamSpp(csv, cut))).message).toMatch(
      /^cut\.zip: not a readable zip archive/,
    );
  });
});
