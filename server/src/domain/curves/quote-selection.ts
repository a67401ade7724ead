import { addDays, type IsoDate } from '../time/zoned.js';
import type { ForwardQuote } from './curve-model.js';

/**
 * The latest quote per contract (delivery and bucket) marked at or before the as-of date whose delivery has not
 * ended by the first delivery day. Several sources quoting the same contract on the same day: settlements win over
 * mids over bid/ask, then the source name decides, so the choice never depends on input order.
 */
export const selectQuotes = (quotes: readonly ForwardQuote[], asOf: IsoDate): ForwardQuote[] => {
  const firstDay = addDays(asOf, 1);
  const rank = (q: ForwardQuote): number => (q.settle !== null ? 0 : q.mid !== null ? 1 : 2);
  const best = new Map<string, ForwardQuote>();
  for (const q of quotes) {
    if (q.asOf > asOf || q.deliveryEnd <= firstDay) {
      continue;
    }
    const key = `${q.curveId}|${q.deliveryStart}|${q.deliveryEnd}|${q.bucket}`;
    const held = best.get(key);
    const better =
      held === undefined ||
      q.asOf > held.asOf ||
      (q.asOf === held.asOf &&
        (rank(q) < rank(held) || (rank(q) === rank(held) && q.source < held.source)));
    if (better) {
      best.set(key, q);
    }
  }
  return [...best.values()].sort(compareQuotes);
};

export const compareQuotes = (a: ForwardQuote, b: ForwardQuote): number =>
  a.deliveryStart.localeCompare(b.deliveryStart) ||
  a.deliveryEnd.localeCompare(b.deliveryEnd) ||
  a.bucket.localeCompare(b.bucket);
