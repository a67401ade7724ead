/** Wire shapes of prices (JSON rows and CSV), shared by the HTTP API and the CLI. */
import type { LatestPrice, PriceRow } from '@254carbon/contracts';
import { stringify } from 'csv-stringify/sync';
import type { MarketRunId } from '../../domain/markets/market.js';
import type { PriceBatch } from '../../domain/prices/price-batch.js';

type PriceColumns = PriceBatch;

const nullable = (value: number): number | null => (Number.isNaN(value) ? null : value);
const iso = (ms: number): string => new Date(ms).toISOString();

/** Price rows for JSON responses; `samples` only for resampled results. */
export const priceRows = (prices: PriceColumns, samples: Uint32Array | null): PriceRow[] => {
  const rows: PriceRow[] = new Array<PriceRow>(prices.length);
  for (let i = 0; i < prices.length; i++) {
    const row: PriceRow = {
      instrument: prices.instrumentIds[prices.instrumentIndex[i] as number] as string,
      run: prices.runs[prices.runIndex[i] as number] as MarketRunId,
      intervalStart: iso(prices.intervalStartMs[i] as number),
      intervalMinutes: prices.intervalMinutes[i] as number,
      lmp: prices.lmp[i] as number,
      energy: nullable(prices.energy[i] as number),
      congestion: nullable(prices.congestion[i] as number),
      loss: nullable(prices.loss[i] as number),
      ghg: nullable(prices.ghg[i] as number),
    };
    if (samples) {
      row.samples = samples[i];
    }
    rows[i] = row;
  }
  return rows;
};

export const latestRows = (prices: PriceColumns, receivedAtMs: Float64Array): LatestPrice[] =>
  priceRows(prices, null).map((row, i) => ({ ...row, receivedAt: iso(receivedAtMs[i] as number) }));

const CSV_COLUMNS = [
  'instrument',
  'run',
  'interval_start_utc',
  'interval_minutes',
  'lmp',
  'energy',
  'congestion',
  'loss',
  'ghg',
] as const;

/** CSV with a header; UTC ISO timestamps; empty cells where a component is not published. */
export const priceCsv = (prices: PriceColumns, samples: Uint32Array | null): string => {
  const rows = priceRows(prices, samples).map((r) => [
    r.instrument,
    r.run,
    r.intervalStart,
    r.intervalMinutes,
    r.lmp,
    r.energy,
    r.congestion,
    r.loss,
    r.ghg,
    ...(samples ? [r.samples] : []),
  ]);
  return stringify(rows, {
    header: true,
    columns: [...CSV_COLUMNS, ...(samples ? ['samples'] : [])],
    cast: { number: (n) => String(n) },
  });
};
