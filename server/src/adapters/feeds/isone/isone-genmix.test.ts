import { describe, expect, it } from 'vitest';
import {
  FUELS,
  seriesObservationAt,
  validateSeriesBatch,
  type SeriesObservation,
} from '../../../domain/series/series-batch.js';
import { toIsoUtc } from '../../../domain/time/interval.js';
import type { FeedData } from '../../../ports/market-feed.js';
import { sharedDocument, textDocument } from '../../../../test/support/fixtures.js';
import { collectGenMix, fuelOfCategory } from './isone-genmix.js';

const observations = (data: FeedData): SeriesObservation[] => {
  if (data.kind !== 'series') {
    throw new Error('expected series');
  }
  expect(validateSeriesBatch(data.series)).toEqual([]);
  return Array.from({ length: data.series.length }, (_, i) => seriesObservationAt(data.series, i));
};

const genmix = (day: string): SeriesObservation[] =>
  observations(
    collectGenMix(sharedDocument(`iso/isone/webservices_genfuelmix_day_${day}.json`)).result(),
  );

const value = (rows: readonly SeriesObservation[], variable: string, iso: string): number => {
  const row = rows.find((r) => r.variable === variable && toIsoUtc(r.intervalStartMs) === iso);
  if (!row) {
    throw new Error(`no ${variable} at ${iso}`);
  }
  return row.valueMw;
};

describe('ISO-NE generation fuel mix', () => {
  it('maps every ISO-NE fuel category onto our fuels', () => {
    expect(
      ['Coal', 'Hydro', 'Natural Gas', 'Nuclear', 'Oil', 'Other', 'Solar', 'Wind'].map(
        fuelOfCategory,
      ),
    ).toEqual(['coal', 'hydro', 'gas', 'nuclear', 'oil', 'other', 'solar', 'wind']);
    expect(['Wood', 'Refuse', 'Landfill Gas'].map(fuelOfCategory)).toEqual([
      'biomass',
      'biomass',
      'biomass',
    ]);
    expect(fuelOfCategory('Battery Storage')).toBe('storage');
    expect(fuelOfCategory('Something New')).toBe('other');
    expect(FUELS).toEqual(expect.arrayContaining(['biomass', 'storage', 'other']));
  });

  it('averages the irregular readings of an ordinary day over 24 clock hours', () => {
    const rows = genmix('20241102');
    expect(
      rows.every((r) => r.instrumentId === 'ISONE.SYSTEM_GEN' && r.intervalMinutes === 60),
    ).toBe(true);
    const hours = new Set(rows.map((r) => r.intervalStartMs));
    expect(hours.size).toBe(24);
    expect(toIsoUtc(Math.min(...hours))).toBe('2024-11-02T04:00:00.000Z');
    expect(toIsoUtc(Math.max(...hours))).toBe('2024-11-03T03:00:00.000Z');
    // 9 fuels seen that day (coal and oil ran a few minutes) × 24 hours
    expect(new Set(rows.map((r) => r.variable)).size).toBe(9);
    expect(rows).toHaveLength(9 * 24);
    // Hydro readings of the first hour (00:00 EDT), each holding until the next:
    //   00:08:02 267, 00:18:56 267, 00:26:21 268, 00:34:59 265, 00:44:47 267, 00:46:32 267, 00:56:47 267
    // covered 00:08:02–01:00:00 = 3118 s: (267×1099 + 268×518 + 265×588 + 267×913) / 3118 = 266.789
    expect(value(rows, 'gen.hydro', '2024-11-02T04:00:00.000Z')).toBe(266.789);
    // Wood 191 + Refuse 304 + Landfill Gas 4 at 00:08:02 all count as biomass.
    expect(value(rows, 'gen.biomass', '2024-11-02T04:00:00.000Z')).toBe(500.737);
    expect(value(rows, 'gen.solar', '2024-11-02T04:00:00.000Z')).toBe(0);
  });

  it('has 25 hours on the fall-back day: readings at -04:00 and -05:00 fall into different hours', () => {
    const rows = genmix('20241103');
    const hours = [...new Set(rows.map((r) => r.intervalStartMs))].sort((a, b) => a - b);
    expect(hours).toHaveLength(25);
    expect(toIsoUtc(hours[0]!)).toBe('2024-11-03T04:00:00.000Z');
    expect(toIsoUtc(hours[24]!)).toBe('2024-11-04T04:00:00.000Z');
    // First 01:00 hour (EDT, 05:00Z) from the -04:00 readings; second (EST, 06:00Z) from the -05:00 readings, e.g.
    //   {"BeginDate":"2024-11-03T01:01:16.000-05:00","GenMw":1228,"FuelCategoryRollup":"Nuclear",…}
    // (averages computed independently from the raw readings with the same hold-until-next rule)
    expect(value(rows, 'gen.nuclear', '2024-11-03T05:00:00.000Z')).toBe(1231.139);
    expect(value(rows, 'gen.nuclear', '2024-11-03T06:00:00.000Z')).toBe(1231.635);
    expect(value(rows, 'gen.gas', '2024-11-03T06:00:00.000Z')).toBe(6770.745);
  });

  it('names file, line and field of a bad reading, and refuses a category listed twice at one instant', () => {
    const record = (mw: string, category = 'Hydro'): string =>
      `{"BeginDate":"2024-11-02T00:08:02.000-04:00","GenMw":${mw},"FuelCategoryRollup":"Hydro","FuelCategory":"${category}","MarginalFlag":"N"}`;
    const doc = (...records: string[]): string =>
      `{"GenFuelMixes":{"GenFuelMix":[\n${records.join(',\n')}\n]}}`;
    expect(() =>
      collectGenMix(textDocument('g.json', doc(record('267'), record('null', 'Wind')))),
    ).toThrow('g.json, line 3, GenFuelMixes.GenFuelMix[1].GenMw: missing value');
    expect(() => collectGenMix(textDocument('h.json', doc(record('267'), record('268'))))).toThrow(
      'h.json, line 3, GenFuelMixes.GenFuelMix[1].FuelCategory: Hydro is listed twice at 2024-11-02T00:08:02.000-04:00',
    );
  });

  it('rejects a truncated recorded response', () => {
    const bytes = sharedDocument('iso/isone/webservices_genfuelmix_day_20241102.json').bytes;
    const cut = new TextDecoder().decode(bytes.subarray(0, 50_000));
    expect(() => collectGenMix(textDocument('genfuelmix_day_20241102.json', cut))).toThrow(
      /^genfuelmix_day_20241102\.json, line 1, \w+: the JSON ends before it is complete/,
    );
  });
});
