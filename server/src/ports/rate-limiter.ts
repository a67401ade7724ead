export interface RateDecision {
  readonly allowed: boolean;
  /** When refused: how long until the next request would be allowed. */
  readonly retryAfterMs: number;
  readonly remaining: number;
}

/**
 * A named budget of requests per window, keyed by caller (API key, tenant, IP + username …). In-memory in embedded
 * mode; a shared backend (Redis or PostgreSQL) in scale-out mode so replicas share the budget.
 */
export interface RateLimiter {
  consume(key: string, points?: number): Promise<RateDecision>;
  /** The state of a key without using any of its budget. */
  peek(key: string): Promise<RateDecision>;
  /** Forgets a key (e.g. failed-login counter after a successful login). */
  reset(key: string): Promise<void>;
}
