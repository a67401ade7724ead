import { describe, expect, it } from 'vitest';
import { MemoryRateLimiter } from './memory-rate-limiter.js';

describe('MemoryRateLimiter', () => {
  it('allows the budget, then refuses with the time until the window resets', async () => {
    const limiter = new MemoryRateLimiter({ points: 3, windowSeconds: 60 });
    const decisions = [];
    for (let i = 0; i < 4; i++) {
      decisions.push(await limiter.consume('key:a'));
    }
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false]);
    expect(decisions[2]?.remaining).toBe(0);
    expect(decisions[3]?.retryAfterMs).toBeGreaterThan(55_000);
    expect((await limiter.consume('key:b')).allowed).toBe(true);
  });

  it('peeks without spending and forgets a key on reset', async () => {
    const limiter = new MemoryRateLimiter({ points: 2, windowSeconds: 60 });
    expect(await limiter.peek('k')).toEqual({ allowed: true, retryAfterMs: 0, remaining: 2 });
    await limiter.consume('k', 2);
    expect((await limiter.peek('k')).allowed).toBe(false);
    expect((await limiter.peek('k')).allowed).toBe(false);
    await limiter.reset('k');
    expect((await limiter.peek('k')).allowed).toBe(true);
  });
});
