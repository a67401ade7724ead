import { describe, expect, it } from 'vitest';
import {
  priceObservationAt,
  validatePriceBatch,
  type PriceObservation,
} from '../../../domain/prices/price-batch.js';
import { toIsoUtc } from '../../../domain/time/interval.js';
import type { FeedData } from '../../../ports/market-feed.js';
import { sampleDocument, textDocument } from '../../../../test/support/fixtures.js';
import { collectLmps, FIVE_MINUTE_LMP, HOURLY_LMP } from './isone-lmp.js';

const observations = (data: FeedData): PriceObservation[] => {
  if (data.kind !== 'prices') {
    throw new Error('expected prices');
  }
  expect(validatePriceBatch(data.prices)).toEqual([]);
  return Array.from({ length: data.prices.length }, (_, i) => priceObservationAt(data.prices, i));
};

const at = (rows: readonly PriceObservation[], id: string, iso: string): PriceObservation => {
  const row = rows.find((r) => r.instrumentId === id && toIsoUtc(r.intervalStartMs) === iso);
  if (!row) {
    throw new Error(`no row for ${id} at ${iso}`);
  }
  return row;
};

const CT = 'ISONE..Z.CONNECTICUT';

describe('ISO-NE web-services LMP parser', () => {
  it('reads day-ahead hourly LMPs of the fall-back day: 25 hours, two 01:00s told apart by offset (hand-written sample)', () => {
    const rows = observations(
      collectLmps(
        sampleDocument('isone/hourlylmp_da_final_day_20251102.json'),
        HOURLY_LMP,
        'DA',
      ).result(),
    );
    const ct = rows.filter((r) => r.instrumentId === CT);
    expect(ct).toHaveLength(25);
    expect(new Set(ct.map((r) => r.intervalStartMs)).size).toBe(25);
    expect(ct.every((r) => r.run === 'DA' && r.intervalMinutes === 60)).toBe(true);
    // "BeginDate": "2025-11-02T00:00:00.000-04:00" … "LmpTotal": 31.7, 32.04, 0.0, -0.34 (SMD CT HE 01)
    expect(at(rows, CT, '2025-11-02T04:00:00.000Z')).toMatchObject({
      lmp: 31.7,
      energy: 32.04,
      congestion: 0,
      loss: -0.34,
    });
    // "2025-11-02T01:00:00.000-04:00" → 33.2 (SMD HE 02); "2025-11-02T01:00:00.000-05:00" → 31.21 (SMD HE 02X)
    expect(at(rows, CT, '2025-11-02T05:00:00.000Z').lmp).toBe(33.2);
    expect(at(rows, CT, '2025-11-02T06:00:00.000Z')).toMatchObject({ lmp: 31.21, loss: -0.48 });
    // "2025-11-02T02:00:00.000-05:00" → 30.77 (SMD HE 03); "23:00:00.000-05:00" → 41.94 (SMD HE 24)
    expect(at(rows, CT, '2025-11-02T07:00:00.000Z').lmp).toBe(30.77);
    expect(at(rows, CT, '2025-11-03T04:00:00.000Z').lmp).toBe(41.94);
  });

  it('gives each location the kind of its @LocType and keeps its name as the code (hand-written sample)', () => {
    const data = collectLmps(
      sampleDocument('isone/hourlylmp_da_final_day_20251102.json'),
      HOURLY_LMP,
      'DA',
    ).result();
    const kinds = Object.fromEntries((data.instruments ?? []).map((i) => [i.code, i.kind]));
    expect(kinds).toEqual({
      '.H.INTERNAL_HUB': 'hub',
      '.Z.CONNECTICUT': 'zone',
      'UN.FRNKLNSQ13.810CC': 'node',
      '.I.ROSETON 345 1': 'node',
      '.DR.CT_Eastern': 'zone',
    });
    const rows = observations(data);
    // "@LocType": "EXT. NODE", "$": ".I.ROSETON 345 1" … "LmpTotal": 32.95, 32.04, 0, 0.91
    expect(at(rows, 'ISONE..I.ROSETON 345 1', '2025-11-02T04:00:00.000Z')).toMatchObject({
      lmp: 32.95,
      energy: 32.04,
      congestion: 0,
      loss: 0.91,
    });
  });

  it('reads real-time hourly LMPs of the spring-forward day: 23 hours, 01:00 EST then 03:00 EDT (hand-written sample)', () => {
    const rows = observations(
      collectLmps(
        sampleDocument('isone/hourlylmp_rt_prelim_day_20250309.json'),
        HOURLY_LMP,
        'RT60',
      ).result(),
    );
    expect(rows).toHaveLength(23);
    expect(rows.map((r) => toIsoUtc(r.intervalStartMs)).slice(0, 4)).toEqual([
      '2025-03-09T05:00:00.000Z',
      '2025-03-09T06:00:00.000Z',
      '2025-03-09T07:00:00.000Z',
      '2025-03-09T08:00:00.000Z',
    ]);
    // "2025-03-09T01:00:00.000-05:00" … 62.35, 69.68, -4.8, -2.53 (SMD CT HE 03, RT columns)
    expect(at(rows, CT, '2025-03-09T06:00:00.000Z')).toMatchObject({
      run: 'RT60',
      lmp: 62.35,
      energy: 69.68,
      congestion: -4.8,
      loss: -2.53,
    });
  });

  it('reads 5-minute LMPs of the repeated hour: 24 distinct intervals from one starthour (hand-written sample)', () => {
    const rows = observations(
      collectLmps(
        sampleDocument('isone/fiveminutelmp_prelim_day_20251102_starthour_01.json'),
        FIVE_MINUTE_LMP,
        'RT5',
      ).result(),
    );
    expect(rows).toHaveLength(24);
    expect(rows.every((r) => r.intervalMinutes === 5 && r.run === 'RT5')).toBe(true);
    const starts = rows.map((r) => toIsoUtc(r.intervalStartMs));
    expect(new Set(starts).size).toBe(24);
    expect(starts[0]).toBe('2025-11-02T05:00:00.000Z');
    expect(starts[11]).toBe('2025-11-02T05:55:00.000Z');
    expect(starts[12]).toBe('2025-11-02T06:00:00.000Z');
    expect(starts[23]).toBe('2025-11-02T06:55:00.000Z');
    // "BeginDate": "2025-11-02T01:00:00.000-05:00" … "LmpTotal": 33.25, 32.84, 0.0, 0.41
    expect(rows[12]).toMatchObject({ lmp: 33.25, energy: 32.84, congestion: 0, loss: 0.41 });
  });

  it('gives no rows for an empty envelope (nothing published)', () => {
    for (const text of ['{"HourlyLmps":""}', '{"HourlyLmps":{}}', '{"HourlyLmps":null}', '{}']) {
      const data = collectLmps(textDocument('x.json', text), HOURLY_LMP, 'DA').result();
      expect(data.kind === 'prices' && data.prices.length).toBe(0);
    }
  });

  it('accepts a single record sent as an object and components left out as not published', () => {
    const text =
      '{"HourlyLmps":{"HourlyLmp":{"BeginDate":"2025-01-15T07:00:00.000-05:00",' +
      '"Location":{"@LocId":"4000","@LocType":"HUB","$":".H.INTERNAL_HUB"},"LmpTotal":"88.12"}}}';
    const [row] = observations(
      collectLmps(textDocument('one.json', text), HOURLY_LMP, 'DA').result(),
    );
    expect(row).toMatchObject({
      instrumentId: 'ISONE..H.INTERNAL_HUB',
      intervalStartMs: Date.parse('2025-01-15T12:00:00Z'),
      lmp: 88.12,
      energy: null,
      congestion: null,
      loss: null,
    });
  });

  it('names file, line and field for a record without its price', () => {
    const text = [
      '{"HourlyLmps":{"HourlyLmp":[',
      '{"BeginDate":"2025-01-15T07:00:00.000-05:00","Location":{"$":".H.INTERNAL_HUB"},"LmpTotal":50},',
      '{"BeginDate":"2025-01-15T08:00:00.000-05:00","Location":{"$":".H.INTERNAL_HUB"},"EnergyComponent":50}',
      ']}}',
    ].join('\n');
    expect(() => collectLmps(textDocument('bad.json', text), HOURLY_LMP, 'DA')).toThrow(
      'bad.json, line 3, HourlyLmps.HourlyLmp[1].LmpTotal: missing value',
    );
  });

  it('rejects a timestamp without offset, an impossible date and an hour that does not start an interval', () => {
    const record = (begin: string): string =>
      `{"HourlyLmps":{"HourlyLmp":[{"BeginDate":"${begin}","Location":{"$":"X"},"LmpTotal":1}]}}`;
    expect(() =>
      collectLmps(textDocument('a.json', record('2025-01-15T07:00:00')), HOURLY_LMP, 'DA'),
    ).toThrow(
      /a\.json, line 1, HourlyLmps\.HourlyLmp\[0\]\.BeginDate: "2025-01-15T07:00:00" is not a timestamp with a UTC offset/,
    );
    expect(() =>
      collectLmps(
        textDocument('b.json', record('2025-02-30T07:00:00.000-05:00')),
        HOURLY_LMP,
        'DA',
      ),
    ).toThrow(/b\.json, line 1, HourlyLmps\.HourlyLmp\[0\]\.BeginDate: .* is not a timestamp/);
    expect(() =>
      collectLmps(
        textDocument('c.json', record('2025-01-15T07:30:00.000-05:00')),
        HOURLY_LMP,
        'DA',
      ),
    ).toThrow('does not start a 60-minute interval');
  });

  it('names file, line and the field being read for a truncated response, and returns nothing', () => {
    const whole = new TextDecoder().decode(
      sampleDocument('isone/hourlylmp_da_final_day_20251102.json').bytes,
    );
    const cut = whole.slice(0, whole.indexOf('"LmpTotal": 33.2') + 14);
    expect(() => collectLmps(textDocument('cut.json', cut), HOURLY_LMP, 'DA')).toThrow(
      /^cut\.json, line \d+, LmpTotal: the JSON ends before it is complete/,
    );
    expect(() =>
      collectLmps(
        textDocument('junk.json', '{"HourlyLmps":{"HourlyLmp":[{"BeginDate" "x"}]}}'),
        HOURLY_LMP,
        'DA',
      ),
    ).toThrow(/^junk\.json, line 1, HourlyLmp: not valid JSON/);
  });

  it('refuses another report', () => {
    expect(() =>
      collectLmps(
        textDocument('load.json', '{"HourlySystemLoads":{"HourlySystemLoad":[]}}'),
        HOURLY_LMP,
        'DA',
      ),
    ).toThrow('load.json, line 1, HourlyLmps: not an ISO-NE HourlyLmps response');
  });
});
