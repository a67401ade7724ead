import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateDecision, RateLimiter } from '../../ports/rate-limiter.js';

export interface MemoryRateLimiterOptions {
  /** Budget per key and window. */
  readonly points: number;
  readonly windowSeconds: number;
  /** Once exhausted, refuse for this long (defaults to the rest of the window). */
  readonly blockSeconds?: number;
}

/** In-process rate limiting (embedded mode) with rate-limiter-flexible's fixed windows. */
export class MemoryRateLimiter implements RateLimiter {
  readonly #limiter: RateLimiterMemory;
  readonly #points: number;

  constructor(options: MemoryRateLimiterOptions) {
    this.#points = options.points;
    this.#limiter = new RateLimiterMemory({
      points: options.points,
      duration: options.windowSeconds,
      ...(options.blockSeconds ? { blockDuration: options.blockSeconds } : {}),
    });
  }

  async consume(key: string, points = 1): Promise<RateDecision> {
    try {
      const res = await this.#limiter.consume(key, points);
      return { allowed: true, retryAfterMs: 0, remaining: res.remainingPoints };
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        return { allowed: false, retryAfterMs: Math.max(1, rejection.msBeforeNext), remaining: 0 };
      }
      throw rejection;
    }
  }

  async peek(key: string): Promise<RateDecision> {
    const res = await this.#limiter.get(key);
    if (!res) {
      return { allowed: true, retryAfterMs: 0, remaining: this.#points };
    }
    const exhausted = res.consumedPoints >= this.#points;
    return {
      allowed: !exhausted,
      retryAfterMs: exhausted ? Math.max(1, res.msBeforeNext) : 0,
      remaining: Math.max(0, res.remainingPoints),
    };
  }

  async reset(key: string): Promise<void> {
    await this.#limiter.delete(key);
  }
}
