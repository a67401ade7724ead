import { describe, expect, it } from 'vitest';
import { priceBatchFrom, type PriceObservation } from '../../domain/prices/price-batch.js';
import { priceRowsJson } from './price-json.js';
import { priceRows } from './price-rows.js';

const rows: PriceObservation[] = [
  {
    instrumentId: 'PJM.WESTERN HUB',
    run: 'DA',
    intervalStartMs: Date.UTC(2024, 10, 3, 6),
    intervalMinutes: 60,
    lmp: -12.5,
    energy: -13,
    congestion: 0.25,
    loss: 0.25,
    ghg: null,
  },
  {
    instrumentId: 'NYISO.N.Y.C."quoted"\\',
    run: 'RT5',
    intervalStartMs: Date.UTC(2024, 10, 3, 6, 5),
    intervalMinutes: 5,
    lmp: 1234.56789,
    energy: null,
    congestion: null,
    loss: null,
    ghg: 1e-7,
  },
  {
    instrumentId: 'CAISO.TH_SP15_GEN-APND',
    run: 'RT5',
    intervalStartMs: Date.UTC(1999, 0, 1),
    intervalMinutes: 5,
    lmp: 0,
    energy: -0,
    congestion: 5e21,
    loss: 3,
    ghg: 0.1,
  },
];

describe('priceRowsJson', () => {
  it('writes exactly what JSON.stringify writes for the same rows', () => {
    const batch = priceBatchFrom(rows);
    expect(priceRowsJson(batch, null)).toBe(JSON.stringify(priceRows(batch, null)));
    const samples = Uint32Array.from([12, 1, 288]);
    expect(priceRowsJson(batch, samples)).toBe(JSON.stringify(priceRows(batch, samples)));
    expect(priceRowsJson(priceBatchFrom([]), null)).toBe('[]');
  });
});

describe('priceRowsJson timestamps', () => {
  it('formats every minute of DST and leap days like toISOString', () => {
    const starts = [
      Date.UTC(2024, 1, 29),
      Date.UTC(2024, 2, 10, 6),
      Date.UTC(2024, 10, 3, 5),
    ].flatMap((day) => Array.from({ length: 1440 }, (_, m) => day + m * 60_000));
    const batch = priceBatchFrom(
      starts.map((intervalStartMs) => ({
        instrumentId: 'SIM.A',
        run: 'RT5' as const,
        intervalStartMs,
        intervalMinutes: 1,
        lmp: 1,
      })),
    );
    const parsed = JSON.parse(priceRowsJson(batch, null)) as { intervalStart: string }[];
    expect(parsed.map((r) => r.intervalStart)).toEqual(
      starts.map((ms) => new Date(ms).toISOString()),
    );
  });
});
