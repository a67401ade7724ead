import type { MarketRunId } from '../../domain/markets/market.js';
import type { PriceBatch } from '../../domain/prices/price-batch.js';
import { marketOfInstrument } from './stream-grants.js';

/**
 * One published update: the rows of one stored batch, each already rendered as a JSON object, with what the
 * per-connection filter needs (instrument, market, run, interval start). Rendering once per update rather than
 * once per connection is what keeps fan-out cheap.
 */
export interface StreamUpdate {
  readonly seq: number;
  readonly publishedAtMs: number;
  readonly instrument: readonly string[];
  readonly market: readonly string[];
  readonly run: readonly MarketRunId[];
  readonly intervalStartMs: Float64Array;
  readonly rowJson: readonly string[];
}

/** JSON number text; NaN (an unpublished component) becomes null. */
const num = (value: number): string => (Number.isFinite(value) ? String(value) : 'null');

/** Renders the chosen rows of a batch (`rows` = row indices in the batch). */
export const renderUpdate = (
  seq: number,
  publishedAtMs: number,
  batch: PriceBatch,
  rows: Uint32Array,
): StreamUpdate => {
  const n = rows.length;
  const instrument = new Array<string>(n);
  const market = new Array<string>(n);
  const run = new Array<MarketRunId>(n);
  const intervalStartMs = new Float64Array(n);
  const rowJson = new Array<string>(n);
  const instrumentJson = batch.instrumentIds.map((id) => JSON.stringify(id));
  const markets = batch.instrumentIds.map(marketOfInstrument);
  for (let k = 0; k < n; k++) {
    const i = rows[k] as number;
    const slot = batch.instrumentIndex[i] as number;
    const runId = batch.runs[batch.runIndex[i] as number] as MarketRunId;
    const start = batch.intervalStartMs[i] as number;
    instrument[k] = batch.instrumentIds[slot] as string;
    market[k] = markets[slot] as string;
    run[k] = runId;
    intervalStartMs[k] = start;
    rowJson[k] =
      `{"instrument":${instrumentJson[slot]},"run":"${runId}",` +
      `"intervalStart":"${new Date(start).toISOString()}",` +
      `"intervalMinutes":${batch.intervalMinutes[i]},"lmp":${num(batch.lmp[i] as number)},` +
      `"energy":${num(batch.energy[i] as number)},"congestion":${num(batch.congestion[i] as number)},` +
      `"loss":${num(batch.loss[i] as number)},"ghg":${num(batch.ghg[i] as number)}}`;
  }
  return { seq, publishedAtMs, instrument, market, run, intervalStartMs, rowJson };
};

/**
 * Picks the rows of a stored batch worth streaming. A batch with no unchanged rows is all news. Otherwise (a
 * scheduled catch-up re-reads a window it has stored before) only intervals after the newest one already streamed
 * for that instrument and run are new; revisions of older intervals inside such mixed batches are not streamed
 * (the store reports counts, not which rows changed) — clients re-read history over REST.
 */
export class NewRowSelector {
  /** Newest interval start streamed per "instrument NUL run". */
  readonly #newest = new Map<string, number>();

  select(batch: PriceBatch, unchanged: number): Uint32Array {
    const n = batch.length;
    const picked = new Uint32Array(n);
    let count = 0;
    const keys = batch.instrumentIds.map((id) => batch.runs.map((run) => `${id}\u0000${run}`));
    const batchNewest = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const key = keys[batch.instrumentIndex[i] as number]?.[batch.runIndex[i] as number] as string;
      const start = batch.intervalStartMs[i] as number;
      const newest = this.#newest.get(key);
      if (unchanged === 0 || newest === undefined || start > newest) {
        picked[count++] = i;
      }
      if (start > (batchNewest.get(key) ?? Number.NEGATIVE_INFINITY)) {
        batchNewest.set(key, start);
      }
    }
    for (const [key, start] of batchNewest) {
      if (start > (this.#newest.get(key) ?? Number.NEGATIVE_INFINITY)) {
        this.#newest.set(key, start);
      }
    }
    return picked.subarray(0, count);
  }
}
