import { describe, expect, it } from 'vitest';
import { ReplayBuffer } from './replay-buffer.js';
import type { StreamUpdate } from './stream-update.js';

const update = (seq: number, atMs: number, rows = 1): StreamUpdate => ({
  seq,
  publishedAtMs: atMs,
  instrument: Array.from({ length: rows }, () => 'SIM.HUB_NORTH'),
  market: Array.from({ length: rows }, () => 'SIM'),
  run: Array.from({ length: rows }, () => 'RT5' as const),
  intervalStartMs: new Float64Array(rows),
  rowJson: Array.from({ length: rows }, () => '{}'),
});

const seqs = (result: ReturnType<ReplayBuffer['since']>): number[] | string =>
  result.kind === 'updates' ? result.updates.map((u) => u.seq) : result.reason;

describe('ReplayBuffer', () => {
  it('returns the updates after a sequence number, oldest first', () => {
    const buffer = new ReplayBuffer({ maxUpdates: 10, maxRows: 100, maxAgeMs: 60_000 });
    for (let seq = 101; seq <= 105; seq++) {
      buffer.add(update(seq, 0), 0);
    }
    expect(seqs(buffer.since(102, 105, 101))).toEqual([103, 104, 105]);
    expect(seqs(buffer.since(105, 105, 101))).toEqual([]);
    expect(seqs(buffer.since(100, 105, 101))).toEqual([101, 102, 103, 104, 105]);
  });

  it('resets a client whose sequence fell out by count, rows or age, or was never issued', () => {
    const byCount = new ReplayBuffer({ maxUpdates: 2, maxRows: 100, maxAgeMs: 60_000 });
    [1, 2, 3].forEach((seq) => byCount.add(update(seq, 0), 0));
    expect(seqs(byCount.since(1, 3, 1))).toEqual([2, 3]);
    expect(seqs(byCount.since(0, 3, 1))).toMatch(/no longer kept for replay/);

    const byRows = new ReplayBuffer({ maxUpdates: 10, maxRows: 5, maxAgeMs: 60_000 });
    [1, 2, 3].forEach((seq) => byRows.add(update(seq, 0, 2), 0));
    expect(seqs(byRows.since(1, 3, 1))).toEqual([2, 3]);
    expect(seqs(byRows.since(0, 3, 1))).toMatch(/no longer kept/);

    const byAge = new ReplayBuffer({ maxUpdates: 10, maxRows: 100, maxAgeMs: 1000 });
    byAge.add(update(1, 0), 0);
    byAge.add(update(2, 500), 500);
    byAge.trim(1200);
    expect(seqs(byAge.since(1, 2, 1))).toEqual([2]);
    expect(seqs(byAge.since(0, 2, 1))).toMatch(/no longer kept/);

    expect(seqs(byAge.since(9, 2, 1))).toMatch(/not issued by this server process/);
    // A number from an earlier process (smaller than this one's first) cannot be trusted either.
    const fresh = new ReplayBuffer({ maxUpdates: 10, maxRows: 100, maxAgeMs: 1000 });
    expect(seqs(fresh.since(5, 1000, 1001))).toMatch(/no longer kept/);
    expect(seqs(fresh.since(1000, 1000, 1001))).toEqual([]);
  });
});
