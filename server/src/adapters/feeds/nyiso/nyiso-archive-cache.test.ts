import { describe, expect, it } from 'vitest';
import type { SourceDocument } from '../../../ports/market-feed.js';
import { ArchiveCache } from './nyiso-archive-cache.js';

const archive = (name: string): SourceDocument => ({
  name,
  bytes: new Uint8Array([1, 2, 3]),
  origin: name,
});

const setup = (): { cache: ArchiveCache; loads: string[]; clock: { nowMs: number } } => {
  const clock = { nowMs: 0 };
  const cache = new ArchiveCache({ maxEntries: 2, maxAgeMs: 60_000, now: () => clock.nowMs });
  return { cache, loads: [], clock };
};

const load =
  (loads: string[], url: string, result: SourceDocument | null = archive(url)) =>
  (): Promise<SourceDocument | null> => {
    loads.push(url);
    return Promise.resolve(result);
  };

describe('NYISO archive cache', () => {
  it('downloads an archive once while it is fresh, missing ones included', async () => {
    const { cache, loads } = setup();
    await cache.get('a', load(loads, 'a'));
    await cache.get('a', load(loads, 'a'));
    expect(await cache.get('missing', load(loads, 'missing', null))).toBeNull();
    expect(await cache.get('missing', load(loads, 'missing', null))).toBeNull();
    expect(loads).toEqual(['a', 'missing']);
  });

  it('keeps at most its bound, dropping the least recently used', async () => {
    const { cache, loads } = setup();
    await cache.get('a', load(loads, 'a'));
    await cache.get('b', load(loads, 'b'));
    await cache.get('a', load(loads, 'a'));
    await cache.get('c', load(loads, 'c'));
    expect(cache.size).toBe(2);
    await cache.get('a', load(loads, 'a'));
    await cache.get('b', load(loads, 'b'));
    expect(loads).toEqual(['a', 'b', 'c', 'b']);
  });

  it('downloads again once the copy is older than its age limit', async () => {
    const { cache, loads, clock } = setup();
    await cache.get('a', load(loads, 'a'));
    clock.nowMs = 59_999;
    await cache.get('a', load(loads, 'a'));
    clock.nowMs = 60_000;
    await cache.get('a', load(loads, 'a'));
    expect(loads).toEqual(['a', 'a']);
  });

  it('does not keep a failed download', async () => {
    const { cache, loads } = setup();
    const failing = (): Promise<SourceDocument | null> => {
      loads.push('a');
      return Promise.reject(new Error('offline'));
    };
    await expect(cache.get('a', failing)).rejects.toThrow('offline');
    await cache.get('a', load(loads, 'a'));
    expect(loads).toEqual(['a', 'a']);
    expect(cache.size).toBe(1);
  });
});
