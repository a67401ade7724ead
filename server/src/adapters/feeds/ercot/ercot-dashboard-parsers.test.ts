import { describe, expect, it } from 'vitest';
import { sharedDocument, textDocument } from '../../../../test/support/fixtures.js';
import {
  seriesObservationAt,
  validateSeriesBatch,
  type SeriesObservation,
} from '../../../domain/series/series-batch.js';
import type { FeedData } from '../../../ports/market-feed.js';
import { parseFuelMix, parseSupplyDemand } from './ercot-dashboard-parsers.js';

const SUPPLY_DEMAND = 'iso/ercot/dashboard_supply-demand_20241125.json';
const FUEL_MIX = 'iso/ercot/dashboard_fuel-mix_20241124.json';

const observations = (data: FeedData): SeriesObservation[] => {
  if (data.kind !== 'series') {
    throw new Error('expected series');
  }
  expect(validateSeriesBatch(data.series)).toEqual([]);
  return Array.from({ length: data.series.length }, (_, i) => seriesObservationAt(data.series, i));
};

const iso = (ms: number): string => new Date(ms).toISOString();

describe('ERCOT supply-demand dashboard, recorded', () => {
  it('reads systemLoad as hourly SYSTEM_LOAD load.actual for the hours that have it', () => {
    const data = parseSupplyDemand(sharedDocument(SUPPLY_DEMAND));
    const rows = observations(data);
    // previousDay (2024-11-24) has systemLoad in all 24 hours, currentDay (2024-11-25, updated 02:15) in 2, nextDay in none.
    expect(rows).toHaveLength(26);
    expect(new Set(rows.map((r) => `${r.instrumentId} ${r.variable}`))).toEqual(
      new Set(['ERCOT.SYSTEM_LOAD load.actual']),
    );
    const byStart = new Map(rows.map((r) => [iso(r.intervalStartMs), r]));
    // {"hourEnding": 1, "dstFlag": "N", …, "systemLoad": 42015.44, "timestamp": "2024-11-24 01:00:00-0600",
    //  "epoch": 1732431600000}: the hour 00:00–01:00 CST, ending at the epoch given.
    expect(byStart.get('2024-11-24T06:00:00.000Z')).toMatchObject({
      valueMw: 42015.44,
      intervalMinutes: 60,
      issuedAtMs: null,
    });
    expect(Date.parse('2024-11-24T06:00:00Z') + 3_600_000).toBe(1732431600000);
    // currentDay {"hourEnding": 2, …, "systemLoad": 40804.76, "epoch": 1732521600000}.
    expect(byStart.get('2024-11-25T07:00:00.000Z')?.valueMw).toBe(40804.76);
    expect(Date.parse('2024-11-25T07:00:00Z') + 3_600_000).toBe(1732521600000);
    expect([...byStart.keys()].sort().at(-1)).toBe('2024-11-25T07:00:00.000Z');
    expect(data.instruments?.map((i) => i.id)).toEqual(['ERCOT.SYSTEM_LOAD']);
  });

  it('places a fall-back day’s repeated hour by dstFlag', () => {
    const text = JSON.stringify({
      previousDay: {
        dayDate: '2024-11-03 00:00:00-0500',
        data: [
          { hourEnding: 2, dstFlag: 'N', systemLoad: 40000 },
          { hourEnding: 2, dstFlag: 'Y', systemLoad: 39000 },
        ],
      },
    });
    const rows = observations(parseSupplyDemand(textDocument('supply-demand.json', text)));
    expect(rows.map((r) => [iso(r.intervalStartMs), r.valueMw])).toEqual([
      ['2024-11-03T06:00:00.000Z', 40000],
      ['2024-11-03T07:00:00.000Z', 39000],
    ]);
  });

  it('names the file and line of truncated JSON and the field of a bad value, returning nothing', () => {
    const bytes = sharedDocument(SUPPLY_DEMAND).bytes;
    const cut = { name: 'supply-demand.json', origin: 'test', bytes: bytes.subarray(0, 600) };
    expect(() => parseSupplyDemand(cut)).toThrow(
      /^supply-demand\.json, line 21: not valid JSON \(truncated or malformed\): Unterminated string/,
    );
    const text = JSON.stringify({
      currentDay: {
        dayDate: '2024-11-25 00:00:00-0600',
        data: [{ hourEnding: 1, dstFlag: 'N', systemLoad: 'n/a' }],
      },
    });
    expect(() => parseSupplyDemand(textDocument('supply-demand.json', text))).toThrow(
      'supply-demand.json, currentDay.data[0].systemLoad: expected a number, got "n/a"',
    );
    const badHour = JSON.stringify({
      currentDay: {
        dayDate: '2024-11-25 00:00:00-0600',
        data: [{ hourEnding: 27, dstFlag: 'N', systemLoad: 1 }],
      },
    });
    expect(() => parseSupplyDemand(textDocument('supply-demand.json', badHour))).toThrow(
      'supply-demand.json, currentDay.data[0].hourEnding: "27" is not an hour ending',
    );
  });
});

describe('ERCOT fuel-mix dashboard, recorded', () => {
  it('reads 5-minute generation by fuel into SYSTEM_GEN gen.<fuel>', () => {
    const data = parseFuelMix(sharedDocument(FUEL_MIX));
    const rows = observations(data);
    // 288 stamps on 2024-11-23 and 98 on 2024-11-24 (to 08:09:57), 8 fuels each.
    expect(rows).toHaveLength(386 * 8);
    expect(new Set(rows.map((r) => r.variable))).toEqual(
      new Set([
        'gen.coal',
        'gen.hydro',
        'gen.gas',
        'gen.nuclear',
        'gen.other',
        'gen.storage',
        'gen.solar',
        'gen.wind',
      ]),
    );
    const at = (variable: string, isoStart: string): SeriesObservation | undefined =>
      rows.find((r) => r.variable === variable && r.intervalStartMs === Date.parse(isoStart));
    // "2024-11-23 00:04:57-0600": {"Coal and Lignite": {"gen": 5248, …}, …, "Wind": {"gen": 22092.3, …},
    //  "Natural Gas": {"gen": 10190.1, …}, "Power Storage": {"gen": 250.3, …}} → 00:00–00:05 CST.
    expect(at('gen.coal', '2024-11-23T06:00:00Z')).toMatchObject({
      instrumentId: 'ERCOT.SYSTEM_GEN',
      valueMw: 5248,
      intervalMinutes: 5,
      issuedAtMs: null,
    });
    expect(at('gen.wind', '2024-11-23T06:00:00Z')?.valueMw).toBe(22092.3);
    expect(at('gen.gas', '2024-11-23T06:00:00Z')?.valueMw).toBe(10190.1);
    expect(at('gen.storage', '2024-11-23T06:00:00Z')?.valueMw).toBe(250.3);
    // "2024-11-24 08:09:57-0600": {"Solar": {"gen": 5535.4, …}} → 08:05–08:10 CST.
    expect(at('gen.solar', '2024-11-24T14:05:00Z')?.valueMw).toBe(5535.4);
    const coalDay = rows.filter(
      (r) =>
        r.variable === 'gen.coal' &&
        r.intervalStartMs >= Date.parse('2024-11-23T06:00:00Z') &&
        r.intervalStartMs < Date.parse('2024-11-24T06:00:00Z'),
    );
    expect(coalDay).toHaveLength(288);
  });

  it('refuses a fuel it does not know and a stamp it cannot read', () => {
    const unknown = JSON.stringify({
      data: { '2024-11-23': { '2024-11-23 00:04:57-0600': { Geothermal: { gen: 1 } } } },
    });
    expect(() => parseFuelMix(textDocument('fuel-mix.json', unknown))).toThrow(
      'fuel-mix.json, data.2024-11-23.2024-11-23 00:04:57-0600.Geothermal: unknown fuel "Geothermal"',
    );
    const stamp = JSON.stringify({
      data: { '2024-11-23': { '2024-11-23T00:04:57': { Wind: { gen: 1 } } } },
    });
    expect(() => parseFuelMix(textDocument('fuel-mix.json', stamp))).toThrow(
      'is not a time like 2024-11-23 00:04:57-0600',
    );
  });
});
