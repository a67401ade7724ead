import { describe, expect, it } from 'vitest';
import { PriceBatchBuilder, type PriceBatch } from '../../domain/prices/price-batch.js';
import { NewRowSelector, renderUpdate } from './stream-update.js';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 2, 9, 0);

const batch = (hours: readonly number[], lmp = 10): PriceBatch => {
  const builder = new PriceBatchBuilder();
  const run = builder.runSlot('DA');
  const slot = builder.instrumentSlot('MISO.INDIANA.HUB');
  for (const h of hours) {
    builder.addColumns(slot, run, T0 + h * HOUR, 60, lmp + h, lmp, 0.25, NaN, NaN);
  }
  return builder.build();
};

describe('renderUpdate', () => {
  it('renders rows as the contract’s JSON, unpublished components as null', () => {
    const update = renderUpdate(7, T0, batch([1]), Uint32Array.from([0]));
    expect(update.market).toEqual(['MISO']);
    expect(JSON.parse(update.rowJson[0] as string)).toEqual({
      instrument: 'MISO.INDIANA.HUB',
      run: 'DA',
      intervalStart: '2026-03-09T01:00:00.000Z',
      intervalMinutes: 60,
      lmp: 11,
      energy: 10,
      congestion: 0.25,
      loss: null,
      ghg: null,
    });
  });
});

describe('NewRowSelector', () => {
  it('streams every row of an all-new batch, and only later intervals of a re-read window', () => {
    const selector = new NewRowSelector();
    expect([...selector.select(batch([0, 1, 2]), 0)]).toEqual([0, 1, 2]);
    // A catch-up re-reads hours 1–2 (unchanged) and brings hour 3: only hour 3 is news.
    expect([...selector.select(batch([1, 2, 3]), 2)]).toEqual([2]);
    // Nothing unchanged: a correction of an older hour is news too.
    expect([...selector.select(batch([1], 50), 0)]).toEqual([0]);
  });
});
