import type { PriceBatch } from '../../domain/prices/price-batch.js';

/**
 * Serialises price rows straight from the columns to JSON text, byte-for-byte what JSON.stringify would make of
 * the PriceRow objects, without building them. Price responses are the hottest path of the API: building and
 * stringifying objects cost ~0.35 ms per 288-row day, this ~0.05 ms (docs/adr/0005, docs/PERFORMANCE.md).
 * fast-json-stringify was measured too and was no faster than JSON.stringify for this shape.
 */
export const priceRowsJson = (prices: PriceBatch, samples: Uint32Array | null): string => {
  const n = prices.length;
  if (n === 0) {
    return '[]';
  }
  const instrumentJson = prices.instrumentIds.map((id) => JSON.stringify(id));
  const runJson = prices.runs.map((run) => JSON.stringify(run));
  const parts = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    parts[i] =
      `{"instrument":${instrumentJson[prices.instrumentIndex[i] as number]},` +
      `"run":${runJson[prices.runIndex[i] as number]},` +
      `"intervalStart":"${isoUtc(prices.intervalStartMs[i] as number)}",` +
      `"intervalMinutes":${prices.intervalMinutes[i]},` +
      `"lmp":${num(prices.lmp[i] as number)},` +
      `"energy":${num(prices.energy[i] as number)},` +
      `"congestion":${num(prices.congestion[i] as number)},` +
      `"loss":${num(prices.loss[i] as number)},` +
      `"ghg":${num(prices.ghg[i] as number)}` +
      (samples ? `,"samples":${samples[i]}}` : '}');
  }
  return `[${parts.join(',')}]`;
};

/** JSON number text; NaN (an unpublished component) and infinities become null, as JSON.stringify does. */
const num = (value: number): string => (Number.isFinite(value) ? String(value) : 'null');

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** "HH:MM:00.000Z" for every minute of a day: price intervals start on whole minutes. */
const TIME_OF_DAY = Array.from(
  { length: 1440 },
  (_, m) =>
    `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00.000Z`,
);
let cachedDay = Number.NaN;
let cachedDayPrefix = '';

/** Date.prototype.toISOString for whole-minute instants, without allocating a Date per row. */
const isoUtc = (ms: number): string => {
  if (ms % MINUTE_MS !== 0 || ms < 0) {
    return new Date(ms).toISOString();
  }
  const day = Math.floor(ms / DAY_MS);
  if (day !== cachedDay) {
    cachedDay = day;
    cachedDayPrefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
  }
  return cachedDayPrefix + (TIME_OF_DAY[(ms - day * DAY_MS) / MINUTE_MS] as string);
};
