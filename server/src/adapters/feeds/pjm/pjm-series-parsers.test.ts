/*
 * gen_by_fuel is recorded (../shared/fixtures/iso/pjm). No recording exists for hrl_load_metered or
 * load_frcstd_7_day, so their samples in server/test/fixtures/pjm are hand-written in the Data Miner 2 envelope of
 * the recorded responses with the feeds' documented fields: hrl_load_metered datetime_beginning_utc/_ept,
 * nerc_region, mkt_region, zone, load_area (RTO for the whole RTO), mw, is_verified; load_frcstd_7_day
 * evaluated_at_datetime_utc/_ept, forecast_datetime_beginning_utc/_ept, forecast_datetime_ending_utc/_ept,
 * forecast_area (RTO_COMBINED for the RTO), forecast_load_mw (connectors.md §2 PJM; gridstatus pjm.py).
 */
import { describe, expect, it } from 'vitest';
import {
  readSharedFixture,
  sampleDocument,
  sharedDocument,
  textDocument,
} from '../../../../test/support/fixtures.js';
import { localDayBounds } from '../../../domain/time/zoned.js';
import { parseFuelMixDocument } from './pjm-fuel-mix-parser.js';
import { parseLoadForecastDocument } from './pjm-load-forecast-parser.js';
import { parseMeteredLoadDocument } from './pjm-load-parser.js';
import { caught, rowsOf, seriesRows, utc } from './pjm-test-support.js';

const GEN_BY_FUEL = 'iso/pjm/dataminer_gen_by_fuel_2025-02-09.json';
const METERED_FALLBACK = 'pjm/dataminer_hrl_load_metered_2025-11-02_fallback_sample.json';
const FORECAST = 'pjm/dataminer_load_frcstd_7_day_2026-06-10_sample.json';

describe('PJM gen_by_fuel parser', () => {
  it('reads the recorded response: 22 hours × 10 PJM fuel types onto our fuels, by UTC hour start', () => {
    const data = parseFuelMixDocument(sharedDocument(GEN_BY_FUEL));
    const rows = seriesRows(data);
    expect(rows).toHaveLength(220);
    expect(new Set(rows.map((r) => r.instrumentId))).toEqual(new Set(['PJM.SYSTEM_GEN']));
    expect(new Set(rows.map((r) => r.variable))).toEqual(
      new Set([
        'gen.coal',
        'gen.gas',
        'gen.hydro',
        'gen.other',
        'gen.nuclear',
        'gen.oil',
        'gen.biomass',
        'gen.solar',
        'gen.storage',
        'gen.wind',
      ]),
    );
    const starts = [...new Set(rows.map((r) => r.intervalStartMs))].sort((a, b) => a - b);
    expect(starts).toEqual(
      Array.from({ length: 22 }, (_, h) => utc('2025-02-09T00:00:00') + h * 3_600_000),
    );
    expect(rows.every((r) => r.intervalMinutes === 60 && r.issuedAtMs === null)).toBe(true);
    const at = (variable: string, iso: string): number | undefined =>
      rows.find((r) => r.variable === variable && r.intervalStartMs === utc(iso))?.valueMw;
    // {"datetime_beginning_utc":"2025-02-09T00:00:00","fuel_type":"Gas","mw":47280.0}
    expect(at('gen.gas', '2025-02-09T00:00:00')).toBe(47280);
    // {"datetime_beginning_utc":"2025-02-09T00:00:00","fuel_type":"Multiple Fuels","mw":1179.0}
    expect(at('gen.other', '2025-02-09T00:00:00')).toBe(1179);
    // {"datetime_beginning_utc":"2025-02-09T00:00:00","fuel_type":"Other Renewables","mw":659.0}
    expect(at('gen.biomass', '2025-02-09T00:00:00')).toBe(659);
    // {"datetime_beginning_utc":"2025-02-09T21:00:00","fuel_type":"Solar","mw":2719.0}
    expect(at('gen.solar', '2025-02-09T21:00:00')).toBe(2719);
    // {"datetime_beginning_utc":"2025-02-09T21:00:00","fuel_type":"Nuclear","mw":33625.0}
    expect(at('gen.nuclear', '2025-02-09T21:00:00')).toBe(33625);
    expect(data.instruments).toEqual([
      expect.objectContaining({ id: 'PJM.SYSTEM_GEN', kind: 'system', product: 'gen_mix' }),
    ]);
  });

  it('sums PJM fuel types that share a category ("Multiple Fuels" and "Other" are both other)', () => {
    const item = (fuel: string, mw: number) => ({
      datetime_beginning_utc: '2025-02-09T00:00:00',
      fuel_type: fuel,
      mw,
    });
    const rows = seriesRows(
      parseFuelMixDocument(
        textDocument(
          'gen_by_fuel.json',
          JSON.stringify({
            items: [item('Multiple Fuels', 1179), item('Other', 21)],
            totalRows: 2,
          }),
        ),
      ),
    );
    expect(rows.map((r) => [r.variable, r.valueMw])).toEqual([['gen.other', 1200]]);
  });

  it('refuses a fuel type it does not know, and a truncated response, naming file, line and field', async () => {
    // The recorded response is pretty-printed; line 40 is `"fuel_type": "Oil",` of items[5].
    const text = new TextDecoder().decode(readSharedFixture(GEN_BY_FUEL));
    expect(text.split('\n')[39]).toBe('      "fuel_type": "Oil",');
    const renamed = text.replace('"fuel_type": "Oil"', '"fuel_type": "Petroleum"');
    const unknown = await caught(() =>
      parseFuelMixDocument(textDocument('gen_by_fuel.json', renamed)),
    );
    expect(unknown.code).toBe('invalid_source_data');
    expect(unknown.message).toBe(
      'gen_by_fuel.json, line 40, items[5].fuel_type: "Petroleum" is not a PJM fuel type we know ' +
        '(Coal, Gas, Hydro, Nuclear, Oil, Solar, Wind, Storage, Other Renewables, Multiple Fuels, Other)',
    );
    // Cut after 1,000 bytes: inside the key of items[5], on line 39.
    const truncated = await caught(() =>
      parseFuelMixDocument(textDocument('gen_by_fuel.json', text.slice(0, 1000))),
    );
    expect(truncated.code).toBe('invalid_source_data');
    expect(truncated.message).toBe(
      'gen_by_fuel.json, line 39, items[5]: the JSON ends early; the response looks truncated ' +
        '(Unterminated string in JSON at position 1000)',
    );
  });
});

describe('PJM hrl_load_metered parser', () => {
  it('hand-written sample: a fall-back day gives 25 hourly loads per area, the RTO row as system load', () => {
    const data = parseMeteredLoadDocument(sampleDocument(METERED_FALLBACK));
    const rows = seriesRows(data);
    expect(rows).toHaveLength(75);
    const day = localDayBounds('America/New_York', '2025-11-02');
    for (const id of ['PJM.SYSTEM_LOAD', 'PJM.LOAD.AE', 'PJM.LOAD.AEPAPT']) {
      expect(rowsOf(rows, id).map((r) => r.intervalStartMs)).toEqual(
        Array.from({ length: 25 }, (_, h) => day.startMs + h * 3_600_000),
      );
    }
    expect(rows.every((r) => r.variable === 'load.actual' && r.intervalMinutes === 60)).toBe(true);
    // "datetime_beginning_utc": "2025-11-02T05:00:00", "datetime_beginning_ept": "2025-11-02T01:00:00", … "load_area": "RTO", "mw": 78936.5
    // "datetime_beginning_utc": "2025-11-02T06:00:00", "datetime_beginning_ept": "2025-11-02T01:00:00", … "load_area": "RTO", "mw": 79872.5
    expect(
      rowsOf(rows, 'PJM.SYSTEM_LOAD')
        .slice(1, 3)
        .map((r) => r.valueMw),
    ).toEqual([78936.5, 79872.5]);
    // "datetime_beginning_utc": "2025-11-02T06:00:00", … "zone": "AEP", "load_area": "AEPAPT", "mw": 5530.037
    expect(rowsOf(rows, 'PJM.LOAD.AEPAPT')[2]?.valueMw).toBe(5530.037);
    expect(data.instruments?.map((i) => [i.id, i.name, i.kind, i.product])).toEqual([
      ['PJM.SYSTEM_LOAD', 'PJM RTO load', 'system', 'load'],
      ['PJM.LOAD.AE', 'PJM load area AE', 'zone', 'load'],
      ['PJM.LOAD.AEPAPT', 'PJM load area AEPAPT (zone AEP)', 'zone', 'load'],
    ]);
  });

  it('refuses a load area given twice for one hour', async () => {
    const item = { datetime_beginning_utc: '2025-11-02T05:00:00', load_area: 'AE', mw: 1 };
    const error = await caught(() =>
      parseMeteredLoadDocument(
        textDocument('hrl_load_metered.json', JSON.stringify({ items: [item, item] })),
      ),
    );
    expect(error.message).toBe(
      'hrl_load_metered.json, line 1, items[1].load_area: repeats load area "AE" for this hour',
    );
  });
});

describe('PJM load_frcstd_7_day parser', () => {
  it('hand-written sample: keeps every evaluation as its own vintage, RTO_COMBINED as system load', () => {
    const data = parseLoadForecastDocument(sampleDocument(FORECAST));
    const rows = seriesRows(data);
    expect(rows).toHaveLength(12);
    expect(rows.every((r) => r.variable === 'load.forecast' && r.intervalMinutes === 60)).toBe(
      true,
    );
    const system = rowsOf(rows, 'PJM.SYSTEM_LOAD').filter(
      (r) => r.intervalStartMs === utc('2026-06-10T04:00:00'),
    );
    // "evaluated_at_datetime_utc": "2026-06-09T13:45:00", … "forecast_area": "RTO_COMBINED", "forecast_load_mw": 92000
    // "evaluated_at_datetime_utc": "2026-06-09T14:15:00", … "forecast_area": "RTO_COMBINED", "forecast_load_mw": 92120
    expect(system.map((r) => [r.issuedAtMs, r.valueMw])).toEqual([
      [utc('2026-06-09T13:45:00'), 92000],
      [utc('2026-06-09T14:15:00'), 92120],
    ]);
    // "evaluated_at_datetime_utc": "2026-06-09T14:15:00", "forecast_datetime_beginning_utc": "2026-06-10T06:00:00", … "AE/MIDATL", 1458
    expect(
      rows.find(
        (r) =>
          r.instrumentId === 'PJM.LOAD.AE/MIDATL' &&
          r.intervalStartMs === utc('2026-06-10T06:00:00') &&
          r.issuedAtMs === utc('2026-06-09T14:15:00'),
      )?.valueMw,
    ).toBe(1458);
    expect(data.instruments?.map((i) => i.id)).toEqual(['PJM.SYSTEM_LOAD', 'PJM.LOAD.AE/MIDATL']);
  });

  it('refuses an interval that ends before it begins', async () => {
    const item = {
      evaluated_at_datetime_utc: '2026-06-09T13:45:00',
      forecast_datetime_beginning_utc: '2026-06-10T05:00:00',
      forecast_datetime_ending_utc: '2026-06-10T04:00:00',
      forecast_area: 'RTO_COMBINED',
      forecast_load_mw: 1,
    };
    const error = await caught(() =>
      parseLoadForecastDocument(
        textDocument('load_frcstd_7_day.json', JSON.stringify({ items: [item] })),
      ),
    );
    expect(error.message).toBe(
      'load_frcstd_7_day.json, line 1, items[0].forecast_datetime_ending_utc: must be after forecast_datetime_beginning_utc and within a day of it',
    );
  });
});
