import { describe, expect, it } from 'vitest';
import {
  seriesObservationAt,
  validateSeriesBatch,
  type SeriesObservation,
} from '../../../domain/series/series-batch.js';
import { toIsoUtc } from '../../../domain/time/interval.js';
import type { FeedData } from '../../../ports/market-feed.js';
import { sharedDocument, textDocument } from '../../../../test/support/fixtures.js';
import { collectLoadForecast, collectSystemLoad } from './isone-load.js';

const observations = (data: FeedData): SeriesObservation[] => {
  if (data.kind !== 'series') {
    throw new Error('expected series');
  }
  expect(validateSeriesBatch(data.series)).toEqual([]);
  return Array.from({ length: data.series.length }, (_, i) => seriesObservationAt(data.series, i));
};

const SYSTEM_LOAD = 'ISONE.SYSTEM_LOAD';
const sysload = (day: string): SeriesObservation[] =>
  observations(
    collectSystemLoad(
      sharedDocument(`iso/isone/webservices_hourlysysload_day_${day}.json`),
    ).result(),
  );
const forecast = (day: string): SeriesObservation[] =>
  observations(
    collectLoadForecast(
      sharedDocument(`iso/isone/webservices_hourlyloadforecast_all_day_${day}.json`),
    ).result(),
  );

describe('ISO-NE hourly system load', () => {
  it('reads 24 hours of native load on an ordinary day', () => {
    const rows = sysload('20241102');
    expect(rows).toHaveLength(24);
    expect(rows.every((r) => r.instrumentId === SYSTEM_LOAD && r.variable === 'load.actual')).toBe(
      true,
    );
    // {"BeginDate":"2024-11-02T00:00:00.000-04:00","Location":{"@LocId":"32","$":"NEPOOL AREA"},
    //  "Load":9875.86,"NativeLoad":9594.62,"ArdDemand":281.24}
    expect(rows[0]).toMatchObject({
      intervalStartMs: Date.parse('2024-11-02T04:00:00Z'),
      intervalMinutes: 60,
      valueMw: 9594.62,
      issuedAtMs: null,
    });
    expect(toIsoUtc(rows[23]!.intervalStartMs)).toBe('2024-11-03T03:00:00.000Z');
  });

  it('reads 25 hours on the fall-back day, the repeated 01:00 by its two offsets', () => {
    const rows = sysload('20241103');
    expect(rows).toHaveLength(25);
    const starts = rows.map((r) => toIsoUtc(r.intervalStartMs));
    expect(new Set(starts).size).toBe(25);
    expect(starts.slice(0, 4)).toEqual([
      '2024-11-03T04:00:00.000Z',
      '2024-11-03T05:00:00.000Z',
      '2024-11-03T06:00:00.000Z',
      '2024-11-03T07:00:00.000Z',
    ]);
    // "2024-11-03T01:00:00.000-04:00" … "NativeLoad":9804.213
    // "2024-11-03T01:00:00.000-05:00" … "Load":9951.317,"NativeLoad":9625.231,"ArdDemand":326.086
    expect(rows[1]!.valueMw).toBe(9804.213);
    expect(rows[2]!.valueMw).toBe(9625.231);
    expect(toIsoUtc(rows[24]!.intervalStartMs)).toBe('2024-11-04T04:00:00.000Z');
  });

  it('falls back to Load when NativeLoad is not given, and names file, line and field of a bad value', () => {
    const one = (fields: string): string =>
      `{"HourlySystemLoads":{"HourlySystemLoad":[{"BeginDate":"2024-11-02T00:00:00.000-04:00",` +
      `"Location":{"@LocId":"32","$":"NEPOOL AREA"},${fields}}]}}`;
    expect(
      observations(collectSystemLoad(textDocument('a.json', one('"Load":9875.86'))).result())[0],
    ).toMatchObject({ valueMw: 9875.86 });
    expect(() => collectSystemLoad(textDocument('b.json', one('"NativeLoad":"n/a"')))).toThrow(
      'b.json, line 1, HourlySystemLoads.HourlySystemLoad[0].NativeLoad: "n/a" is not a number',
    );
    expect(() => collectSystemLoad(textDocument('c.json', one('"ArdDemand":3')))).toThrow(
      'c.json, line 1, HourlySystemLoads.HourlySystemLoad[0].Load: missing value',
    );
  });

  it('rejects a truncated recorded response', () => {
    const bytes = sharedDocument('iso/isone/webservices_hourlysysload_day_20241103.json').bytes;
    const cut = new TextDecoder().decode(bytes.subarray(0, 1000));
    expect(() => collectSystemLoad(textDocument('20241103.json', cut))).toThrow(
      /^20241103\.json, line 1, \w+: the JSON ends before it is complete/,
    );
  });
});

describe('ISO-NE hourly load forecast, all vintages', () => {
  it('keeps every vintage of every hour with its creation time as the issue time', () => {
    const rows = forecast('20241102');
    // 24 hours × 9 vintages
    expect(rows).toHaveLength(216);
    expect(new Set(rows.map((r) => r.issuedAtMs)).size).toBe(9);
    expect(
      rows.every((r) => r.variable === 'load.forecast' && r.instrumentId === SYSTEM_LOAD),
    ).toBe(true);
    // {"BeginDate":"2024-11-02T00:00:00.000-04:00","CreationDate":"2024-10-31T04:00:55.000-04:00","LoadMw":9910,…}
    expect(rows[0]).toMatchObject({
      intervalStartMs: Date.parse('2024-11-02T04:00:00Z'),
      intervalMinutes: 60,
      valueMw: 9910,
      issuedAtMs: Date.parse('2024-10-31T08:00:55Z'),
    });
    // {"BeginDate":"2024-11-02T00:00:00.000-04:00","CreationDate":"2024-11-02T11:41:33.000-04:00","LoadMw":9610,…}
    expect(rows[8]).toMatchObject({
      valueMw: 9610,
      issuedAtMs: Date.parse('2024-11-02T15:41:33Z'),
    });
  });

  it('has 25 forecast hours on the fall-back day, vintages issued across the offset change', () => {
    const rows = forecast('20241103');
    // 25 hours × 7 vintages
    expect(rows).toHaveLength(175);
    expect(new Set(rows.map((r) => r.intervalStartMs)).size).toBe(25);
    const secondOneAm = rows.filter(
      (r) => r.intervalStartMs === Date.parse('2024-11-03T06:00:00Z'),
    );
    expect(secondOneAm).toHaveLength(7);
    // {"BeginDate":"2024-11-03T01:00:00.000-05:00","CreationDate":"2024-11-03T04:14:54.000-05:00","LoadMw":9810,…}
    expect(
      secondOneAm.find((r) => r.issuedAtMs === Date.parse('2024-11-03T09:14:54Z'))?.valueMw,
    ).toBe(9810);
    // {"BeginDate":"2024-11-03T01:00:00.000-05:00","CreationDate":"2024-11-02T04:15:22.000-04:00","LoadMw":9790,…}
    expect(
      secondOneAm.find((r) => r.issuedAtMs === Date.parse('2024-11-02T08:15:22Z'))?.valueMw,
    ).toBe(9790);
  });

  it('names file, line and field of a missing creation time', () => {
    const text = [
      '{"HourlyLoadForecasts":{"HourlyLoadForecast":[',
      '  {"BeginDate":"2024-11-02T00:00:00.000-04:00","CreationDate":"2024-10-31T04:00:55.000-04:00","LoadMw":9910},',
      '  {"BeginDate":"2024-11-02T01:00:00.000-04:00","LoadMw":9490}',
      ']}}',
    ].join('\n');
    expect(() => collectLoadForecast(textDocument('f.json', text))).toThrow(
      'f.json, line 3, HourlyLoadForecasts.HourlyLoadForecast[1].CreationDate: missing timestamp',
    );
  });
});
