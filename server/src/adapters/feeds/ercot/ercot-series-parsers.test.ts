import { afterAll, describe, expect, it } from 'vitest';
import { sharedDocument, textDocument } from '../../../../test/support/fixtures.js';
import {
  seriesObservationAt,
  validateSeriesBatch,
  type SeriesObservation,
} from '../../../domain/series/series-batch.js';
import { AppError } from '../../../platform/errors.js';
import type { FeedData } from '../../../ports/market-feed.js';
import { CsvEngine } from '../kit/csv-engine.js';
import { unzipDocument } from '../kit/zip.js';
import { parseLoadForecast, parseWind } from './ercot-series-parsers.js';

const csv = new CsvEngine();
afterAll(() => csv.close());

const LOAD_FORECAST = 'iso/ercot/mis_doc_load_forecast_by_forecast_zone.zip';
const WIND = 'iso/ercot/mis_doc_WPPHRLYAVGACTNP4732_20250313.zip';

const observations = (data: FeedData): SeriesObservation[] => {
  if (data.kind !== 'series') {
    throw new Error('expected series');
  }
  expect(validateSeriesBatch(data.series)).toEqual([]);
  return Array.from({ length: data.series.length }, (_, i) => seriesObservationAt(data.series, i));
};

const find = (
  rows: readonly SeriesObservation[],
  id: string,
  isoStart: string,
  forecast: boolean,
): SeriesObservation | undefined =>
  rows.find(
    (r) =>
      r.instrumentId === id &&
      r.intervalStartMs === Date.parse(isoStart) &&
      (r.issuedAtMs !== null) === forecast,
  );

describe('ERCOT seven-day load forecast by forecast zone (NP3-560-CD), recorded', () => {
  it('reads each zone and the system total as load.forecast vintages issued at 12:30 CDT', async () => {
    const data = await parseLoadForecast(csv, sharedDocument(LOAD_FORECAST));
    const rows = observations(data);
    const issuedAtMs = Date.parse('2025-03-13T17:30:00Z');
    // 192 hours in the file (03/13 HE 1:00 … 03/20 HE 24:00); the 12 hours that ended before 12:30 are hindcasts.
    expect(rows).toHaveLength(180 * 5);
    expect(new Set(rows.map((r) => r.issuedAtMs))).toEqual(new Set([issuedAtMs]));
    expect(new Set(rows.map((r) => r.variable))).toEqual(new Set(['load.forecast']));
    // Line 14: "03/13/2025,13:00,15498.885088427726741,13050.088070239259548,9161.228287622071211,
    //           14343.6586611328125,52053.86010742187,N" → 12:00–13:00 CDT.
    expect(find(rows, 'ERCOT.LOAD.NORTH', '2025-03-13T17:00:00Z', true)).toMatchObject({
      valueMw: Number('15498.885088427726741'),
      intervalMinutes: 60,
      issuedAtMs,
    });
    expect(find(rows, 'ERCOT.SYSTEM_LOAD', '2025-03-13T17:00:00Z', true)?.valueMw).toBe(
      52053.86010742187,
    );
    // Line 13 (HE 12:00, ended 12:00 CDT) is not a forecast any more when issued at 12:30.
    expect(find(rows, 'ERCOT.LOAD.NORTH', '2025-03-13T16:00:00Z', true)).toBeUndefined();
    // Line 91: "03/16/2025,18:00,…,11954.6909337890625,45855.61987304687,N".
    expect(find(rows, 'ERCOT.LOAD.HOUSTON', '2025-03-16T22:00:00Z', true)?.valueMw).toBe(
      Number('11954.6909337890625'),
    );
    // Last line: "03/20/2025,24:00,12121.656647155761605,…" → 23:00 CDT on 03/20.
    expect(find(rows, 'ERCOT.LOAD.NORTH', '2025-03-21T04:00:00Z', true)?.valueMw).toBe(
      Number('12121.656647155761605'),
    );
    expect(data.instruments?.map((i) => [i.id, i.kind, i.product])).toEqual([
      ['ERCOT.LOAD.NORTH', 'zone', 'load'],
      ['ERCOT.LOAD.SOUTH', 'zone', 'load'],
      ['ERCOT.LOAD.WEST', 'zone', 'load'],
      ['ERCOT.LOAD.HOUSTON', 'zone', 'load'],
      ['ERCOT.SYSTEM_LOAD', 'system', 'load'],
    ]);
  });

  it('reads the CSV alone too, taking the vintage from its MIS name', async () => {
    const [member] = unzipDocument(sharedDocument(LOAD_FORECAST));
    expect(member?.name).toBe('cdr.00012311.0000000000000000.20250313.123000.LFCCONGESTNP3560.csv');
    expect(observations(await parseLoadForecast(csv, member!))).toHaveLength(900);
  });

  it('refuses a forecast whose file name does not say when it was issued', async () => {
    const [member] = unzipDocument(sharedDocument(LOAD_FORECAST));
    const renamed = { ...member!, name: 'forecast.csv' };
    await expect(parseLoadForecast(csv, renamed)).rejects.toThrow(
      'forecast.csv, file name: cannot tell when this forecast was issued',
    );
  });

  it('names file, line and field of a missing zone value', async () => {
    const text = [
      'DeliveryDate,HourEnding,North,South,West,Houston,SystemTotal,DSTFlag    ',
      '03/13/2025,1:00,13005.49,10953.51,8647.10,11191.65,43797.76,N',
      '03/13/2025,2:00,12709.50,,8627.98,11244.70,43078.02,N',
    ].join('\n');
    const document = textDocument(
      'cdr.00012311.0000000000000000.20250313.003000.LFCCONGESTNP3560.csv',
      text,
    );
    const error = await parseLoadForecast(csv, document).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toBe(
      'cdr.00012311.0000000000000000.20250313.003000.LFCCONGESTNP3560.csv, line 3, South: no MW value',
    );
  });
});

describe('ERCOT hourly wind actual and forecast (NP4-732-CD), recorded', () => {
  it('reads actual generation and STWPF vintages by region', async () => {
    const data = await parseWind(csv, sharedDocument(WIND));
    const rows = observations(data);
    // Member cdr.00013028.0000000000000000.20250313.135509.WPPHRLYAVGACTNP4732.csv: issued 13:55:09 CDT.
    const issuedAtMs = Date.parse('2025-03-13T18:55:09Z');
    const actuals = rows.filter((r) => r.issuedAtMs === null);
    const forecasts = rows.filter((r) => r.issuedAtMs !== null);
    // 216 hours (03/11 HE 14 … 03/20 HE 13): actuals for the 48 past hours, forecasts for the 168 still to come.
    expect(actuals).toHaveLength(48 * 4);
    expect(forecasts).toHaveLength(168 * 4);
    expect(new Set(rows.map((r) => r.variable))).toEqual(new Set(['gen.wind']));
    expect(new Set(forecasts.map((r) => r.issuedAtMs))).toEqual(new Set([issuedAtMs]));
    // Line 2: "03/11/2025,14,15527.49,17318.8,17404.1,…": HE 14 CDT → 18:00Z.
    expect(find(rows, 'ERCOT.GEN.SYSTEM_WIDE', '2025-03-11T18:00:00Z', false)?.valueMw).toBe(
      15527.49,
    );
    // Line 49: "03/13/2025,13,4191.64,3755.3,4123.1,3490.6,91.83,158.4,63.3,38.6,3987.49,…,112.32,…".
    expect(find(rows, 'ERCOT.GEN.SYSTEM_WIDE', '2025-03-13T17:00:00Z', false)?.valueMw).toBe(
      4191.64,
    );
    expect(find(rows, 'ERCOT.GEN.LZ_SOUTH_HOUSTON', '2025-03-13T17:00:00Z', false)?.valueMw).toBe(
      91.83,
    );
    expect(find(rows, 'ERCOT.GEN.LZ_WEST', '2025-03-13T17:00:00Z', false)?.valueMw).toBe(3987.49);
    expect(find(rows, 'ERCOT.GEN.LZ_NORTH', '2025-03-13T17:00:00Z', false)?.valueMw).toBe(112.32);
    // Its STWPF (4123.1) ended before the issue time: not kept as a forecast.
    expect(find(rows, 'ERCOT.GEN.SYSTEM_WIDE', '2025-03-13T17:00:00Z', true)).toBeUndefined();
    // Line 50: "03/13/2025,14,,6343.6,7733.8,6992.9,,215.9,317,262.1,,5922.6,7111.2,6509.2,,205.1,305.6,…".
    expect(find(rows, 'ERCOT.GEN.SYSTEM_WIDE', '2025-03-13T18:00:00Z', false)).toBeUndefined();
    expect(find(rows, 'ERCOT.GEN.SYSTEM_WIDE', '2025-03-13T18:00:00Z', true)).toMatchObject({
      valueMw: 7733.8,
      issuedAtMs,
      intervalMinutes: 60,
    });
    expect(find(rows, 'ERCOT.GEN.LZ_SOUTH_HOUSTON', '2025-03-13T18:00:00Z', true)?.valueMw).toBe(
      317,
    );
    expect(find(rows, 'ERCOT.GEN.LZ_WEST', '2025-03-13T18:00:00Z', true)?.valueMw).toBe(7111.2);
    expect(find(rows, 'ERCOT.GEN.LZ_NORTH', '2025-03-13T18:00:00Z', true)?.valueMw).toBe(305.6);
    // Last line: "03/20/2025,13,,7674.1,9615.6,…".
    expect(find(rows, 'ERCOT.GEN.SYSTEM_WIDE', '2025-03-20T17:00:00Z', true)?.valueMw).toBe(9615.6);
    expect(data.instruments?.map((i) => [i.id, i.kind, i.product])).toEqual([
      ['ERCOT.GEN.SYSTEM_WIDE', 'system', 'gen_mix'],
      ['ERCOT.GEN.LZ_SOUTH_HOUSTON', 'zone', 'gen_mix'],
      ['ERCOT.GEN.LZ_WEST', 'zone', 'gen_mix'],
      ['ERCOT.GEN.LZ_NORTH', 'zone', 'gen_mix'],
    ]);
  });

  it('names file, line and field of a value that is not a number', async () => {
    const text = [
      'DELIVERY_DATE,HOUR_ENDING,SYSTEM_WIDE_GEN,COP_HSL_SYSTEM_WIDE,STWPF_SYSTEM_WIDE,DSTFlag',
      '03/11/2025,14,15527.49,17318.8,17404.1,N',
      '03/11/2025,15,n/a,17177.7,17472,N',
    ].join('\n');
    const name = 'cdr.00013028.0000000000000000.20250313.135509.WPPHRLYAVGACTNP4732.csv';
    await expect(parseWind(csv, textDocument(name, text))).rejects.toThrow(
      `${name}, line 3, SYSTEM_WIDE_GEN: "n/a" is not a number`,
    );
  });
});
