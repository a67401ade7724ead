import { PriceBatchBuilder, type PriceBatch } from '../server/src/domain/prices/price-batch.js';

/**
 * Benchmark data: `instruments` nodes with 5-minute prices, generated fast and deterministically (the simulator
 * models 11 SIM locations; benchmarks need hundreds of series and tens of millions of rows).
 */
export const benchInstrumentIds = (count: number): string[] =>
  Array.from({ length: count }, (_, i) => `BENCH.NODE_${String(i + 1).padStart(3, '0')}`);

export const syntheticRt5Batch = (
  instrumentIds: readonly string[],
  fromMs: number,
  intervals: number,
): PriceBatch => {
  const builder = new PriceBatchBuilder(instrumentIds.length * intervals);
  const slots = instrumentIds.map((id) => builder.instrumentSlot(id));
  const run = builder.runSlot('RT5');
  for (let k = 0; k < intervals; k++) {
    const start = fromMs + k * 300_000;
    const hour = (start / 3_600_000) % 24;
    const shape = 30 + 12 * Math.sin(((hour - 6) / 24) * 2 * Math.PI);
    for (let i = 0; i < slots.length; i++) {
      // Cheap deterministic noise per (instrument, interval); rounded to cents like operators publish.
      const noise = (((start / 300_000) * 2654435761 + i * 40503) % 1000) / 100 - 5;
      const energy = Math.round((shape + noise) * 100) / 100;
      const congestion = Math.round(((i % 7) - 3) * 0.37 * 100) / 100;
      const loss = Math.round(energy * 0.02 * 100) / 100;
      builder.addColumns(
        slots[i] as number,
        run,
        start,
        5,
        Math.round((energy + congestion + loss) * 100) / 100,
        energy,
        congestion,
        loss,
        Number.NaN,
      );
    }
  }
  return builder.build();
};
