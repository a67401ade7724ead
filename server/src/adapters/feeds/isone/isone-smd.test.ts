import { afterAll, describe, expect, it } from 'vitest';
import {
  priceObservationAt,
  validatePriceBatch,
  type PriceObservation,
} from '../../../domain/prices/price-batch.js';
import {
  seriesObservationAt,
  validateSeriesBatch,
  type SeriesObservation,
} from '../../../domain/series/series-batch.js';
import { toIsoUtc } from '../../../domain/time/interval.js';
import { localDateOf } from '../../../domain/time/zoned.js';
import type { FeedData } from '../../../ports/market-feed.js';
import { sharedDocument, textDocument } from '../../../../test/support/fixtures.js';
import { CsvEngine } from '../kit/csv-engine.js';
import { parseSmdLoad, parseSmdPrices } from './isone-smd.js';
import { isoneHourEndingToInterval } from './isone-time.js';

const csv = new CsvEngine();
afterAll(() => csv.close());

const FIXTURE = 'iso/isone/smd_hourly_2025_CT_sheet_sample.csv';
const CT = 'ISONE..Z.CONNECTICUT';
const HEADER =
  'Date,Hr_End,DA_Demand,RT_Demand,DA_LMP,DA_EC,DA_CC,DA_MLC,RT_LMP,RT_EC,RT_CC,RT_MLC,Dry_Bulb,Dew_Point';

const prices = (data: FeedData): PriceObservation[] => {
  if (data.kind !== 'prices') {
    throw new Error('expected prices');
  }
  expect(validatePriceBatch(data.prices)).toEqual([]);
  return Array.from({ length: data.prices.length }, (_, i) => priceObservationAt(data.prices, i));
};

const series = (data: FeedData): SeriesObservation[] => {
  if (data.kind !== 'series') {
    throw new Error('expected series');
  }
  expect(validateSeriesBatch(data.series)).toEqual([]);
  return Array.from({ length: data.series.length }, (_, i) => seriesObservationAt(data.series, i));
};

const at = (rows: readonly PriceObservation[], run: string, iso: string): PriceObservation => {
  const row = rows.find((r) => r.run === run && toIsoUtc(r.intervalStartMs) === iso);
  if (!row) {
    throw new Error(`no ${run} row at ${iso}`);
  }
  return row;
};

const hoursPerLocalDay = (rows: readonly { intervalStartMs: number }[]): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const r of rows) {
    const day = localDateOf('America/New_York', r.intervalStartMs);
    counts[day] = (counts[day] ?? 0) + 1;
  }
  return counts;
};

describe('ISO-NE hour-ending labels', () => {
  it('skips 02 on the spring-forward day and repeats it as 02X on the fall-back day', () => {
    const start = (date: string, label: string): string =>
      toIsoUtc(isoneHourEndingToInterval(date, label).startMs);
    expect(start('2025-03-09', '01')).toBe('2025-03-09T05:00:00.000Z');
    expect(start('2025-03-09', '03')).toBe('2025-03-09T06:00:00.000Z');
    expect(start('2025-03-09', '04')).toBe('2025-03-09T07:00:00.000Z');
    expect(start('2025-03-09', '24')).toBe('2025-03-10T03:00:00.000Z');
    expect(start('2025-11-02', '02')).toBe('2025-11-02T05:00:00.000Z');
    expect(start('2025-11-02', '02X')).toBe('2025-11-02T06:00:00.000Z');
    expect(start('2025-11-02', '03')).toBe('2025-11-02T07:00:00.000Z');
    expect(start('2025-07-01', '1')).toBe('2025-07-01T04:00:00.000Z');
    expect(() => start('2025-03-09', '02')).toThrow('spring-forward day');
    expect(() => start('2025-07-01', '02X')).toThrow('not the fall-back day');
    expect(() => start('2025-07-01', '25')).toThrow('from 1 to 24');
  });
});

describe('ISO-NE SMD hourly sheet (CSV export)', () => {
  it('reads DA and RT hourly LMPs of the zone: 24, 23 and 25 hours on the ordinary, spring and fall days', async () => {
    const rows = prices(await parseSmdPrices(csv, sharedDocument(FIXTURE)));
    expect(rows).toHaveLength(2 * 72);
    expect(new Set(rows.map((r) => r.instrumentId))).toEqual(new Set([CT]));
    for (const run of ['DA', 'RT60']) {
      const ofRun = rows.filter((r) => r.run === run);
      expect(new Set(ofRun.map((r) => r.intervalStartMs)).size).toBe(72);
      expect(hoursPerLocalDay(ofRun)).toEqual({
        '2025-03-08': 24,
        '2025-03-09': 23,
        '2025-11-02': 25,
      });
    }
  });

  it('rounds the export float noise back to the published cents', async () => {
    const rows = prices(await parseSmdPrices(csv, sharedDocument(FIXTURE)));
    // 2025-03-08,03,2749.3,2623.182,42.46,43.730000000000004,0.03,-1.3,43.300000000000004,45.52,-0.8,-1.42,31,14
    expect(at(rows, 'DA', '2025-03-08T07:00:00.000Z')).toMatchObject({
      instrumentId: CT,
      intervalMinutes: 60,
      lmp: 42.46,
      energy: 43.73,
      congestion: 0.03,
      loss: -1.3,
    });
    expect(at(rows, 'RT60', '2025-03-08T07:00:00.000Z')).toMatchObject({
      lmp: 43.3,
      energy: 45.52,
      congestion: -0.8,
      loss: -1.42,
    });
    for (const r of rows) {
      expect(
        Math.abs(r.lmp - ((r.energy ?? 0) + (r.congestion ?? 0) + (r.loss ?? 0))),
      ).toBeLessThan(0.005);
    }
  });

  it('places the spring-forward day: HE 01 then HE 03 one hour later', async () => {
    const rows = prices(await parseSmdPrices(csv, sharedDocument(FIXTURE)));
    // 2025-03-09,01,2683.2,2783.655,40.13,41.72,0.04,-1.6300000000000001,40.47,…
    expect(at(rows, 'DA', '2025-03-09T05:00:00.000Z').lmp).toBe(40.13);
    // 2025-03-09,03,2550.8,2699.939,49.410000000000004,54.75,-3.34,-2.0,62.35,69.68,-4.8,-2.5300000000000002,33,17
    expect(at(rows, 'DA', '2025-03-09T06:00:00.000Z')).toMatchObject({
      lmp: 49.41,
      energy: 54.75,
      congestion: -3.34,
      loss: -2,
    });
    expect(at(rows, 'RT60', '2025-03-09T06:00:00.000Z')).toMatchObject({ lmp: 62.35, loss: -2.53 });
    // 2025-03-09,04,2458.7,2668.992,38.4,…
    expect(at(rows, 'DA', '2025-03-09T07:00:00.000Z').lmp).toBe(38.4);
  });

  it('places the fall-back day: HE 02 in daylight time, 02X in standard time', async () => {
    const rows = prices(await parseSmdPrices(csv, sharedDocument(FIXTURE)));
    // 2025-11-02,02,2168.0,2266.127,33.2,33.59,0.0,-0.39,36.01,36.300000000000004,0.0,-0.29,40,29
    expect(at(rows, 'DA', '2025-11-02T05:00:00.000Z')).toMatchObject({ lmp: 33.2, energy: 33.59 });
    expect(at(rows, 'RT60', '2025-11-02T05:00:00.000Z')).toMatchObject({
      lmp: 36.01,
      energy: 36.3,
    });
    // 2025-11-02,02X,2125.5,2216.712,31.21,31.69,0.0,-0.48,35.910000000000004,36.27,0.0,-0.36,40,29
    expect(at(rows, 'DA', '2025-11-02T06:00:00.000Z')).toMatchObject({ lmp: 31.21, loss: -0.48 });
    expect(at(rows, 'RT60', '2025-11-02T06:00:00.000Z').lmp).toBe(35.91);
    // 2025-11-02,03,2092.6,2199.715,30.77,31.18,0.0,-0.41000000000000003,38.75,…
    expect(at(rows, 'DA', '2025-11-02T07:00:00.000Z')).toMatchObject({ lmp: 30.77, loss: -0.41 });
    // 2025-11-02,24,2499.3,2409.17,41.94,…
    expect(at(rows, 'DA', '2025-11-03T04:00:00.000Z').lmp).toBe(41.94);
  });

  it('reads the zone real-time demand as zone load', async () => {
    const data = await parseSmdLoad(csv, sharedDocument(FIXTURE));
    expect(data.instruments?.map((i) => [i.id, i.kind, i.product])).toEqual([
      ['ISONE.LOAD..Z.CONNECTICUT', 'zone', 'load'],
    ]);
    const rows = series(data);
    expect(rows).toHaveLength(72);
    expect(hoursPerLocalDay(rows)).toEqual({
      '2025-03-08': 24,
      '2025-03-09': 23,
      '2025-11-02': 25,
    });
    // 2025-11-02,02X,2125.5,2216.712,…
    expect(
      rows.find((r) => toIsoUtc(r.intervalStartMs) === '2025-11-02T06:00:00.000Z'),
    ).toMatchObject({
      instrumentId: 'ISONE.LOAD..Z.CONNECTICUT',
      variable: 'load.actual',
      intervalMinutes: 60,
      valueMw: 2216.712,
      issuedAtMs: null,
    });
  });

  it('names file, line and field of an impossible hour, a missing price, text for a number and a cut line', async () => {
    const sheet = (...lines: string[]): string => [HEADER, ...lines].join('\n') + '\n';
    const good = '2025-03-08,01,2898.3,2742.999,48.67,49.94,0.04,-1.31,41.43,42.5,0.2,-1.27,31,18';
    const cases: [string, RegExp | string][] = [
      [
        sheet(
          good,
          '2025-03-08,27,2778.1,2661.132,44.56,45.89,0.04,-1.37,41.96,43.32,-0.05,-1.31,34,16',
        ),
        'smd_hourly_2025_CT.csv, line 3, Hr_End: Hour ending must be a whole number from 1 to 24, got 27',
      ],
      [
        sheet(
          good,
          '2025-03-09,02,2778.1,2661.132,44.56,45.89,0.04,-1.37,41.96,43.32,-0.05,-1.31,34,16',
        ),
        'smd_hourly_2025_CT.csv, line 3, Hr_End: Hour ending "02" does not exist: 2025-03-09 is the spring-forward day',
      ],
      [
        sheet(
          good,
          '2025-03-08,02,2778.1,2661.132,,45.89,0.04,-1.37,41.96,43.32,-0.05,-1.31,34,16',
        ),
        'smd_hourly_2025_CT.csv, line 3, DA_LMP: missing value',
      ],
      [
        sheet(
          good,
          '2025-03-08,02,2778.1,2661.132,44.56,45.89,0.04,-1.37,n/a,43.32,-0.05,-1.31,34,16',
        ),
        /^smd_hourly_2025_CT\.csv, line 3, RT_LMP: "n\/a" is not a number/,
      ],
      [
        sheet(good, '2025-03-08,02,2778.1,2661.132,44.56,45.8'),
        /^smd_hourly_2025_CT\.csv, line 3.*expected 14 columns, found 6/,
      ],
      [
        sheet('03/8/2025x,01' + good.slice(13)),
        'smd_hourly_2025_CT.csv, line 2, Date: "03/8/2025x" is not a date',
      ],
    ];
    for (const [text, message] of cases) {
      await expect(
        parseSmdPrices(csv, textDocument('smd_hourly_2025_CT.csv', text)),
      ).rejects.toThrow(message);
    }
  });

  it('accepts dates as Excel shows them and needs the zone in the file name', async () => {
    const text = `${HEADER}\n3/9/2025,03,2550.8,2699.939,49.41,54.75,-3.34,-2.0,62.35,69.68,-4.8,-2.53,33,17\n`;
    const [row] = prices(await parseSmdPrices(csv, textDocument('2025_smd_hourly_NEMA.csv', text)));
    expect(row).toMatchObject({
      instrumentId: 'ISONE..Z.NEMASSBOST',
      intervalStartMs: Date.parse('2025-03-09T06:00:00Z'),
      lmp: 49.41,
    });
    await expect(parseSmdPrices(csv, textDocument('2025_smd_hourly.csv', text))).rejects.toThrow(
      '2025_smd_hourly.csv: cannot tell which SMD sheet this is',
    );
  });
});
