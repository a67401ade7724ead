import type { Principal } from '../../domain/access/principal.js';
import { AppError } from '../../platform/errors.js';
import type { RateLimiter } from '../../ports/rate-limiter.js';
import type { AccessService } from './access.service.js';
import type { RequestContext } from './request-context.js';

export type RequestKind = 'general' | 'export';

/**
 * Request budgets: one per caller (API key, user, token subject), one per tenant across its callers, and a
 * stricter one per tenant for file downloads. A refusal is a 429 with Retry-After, and is audited.
 */
export class RequestLimits {
  readonly #perActor: RateLimiter;
  readonly #perTenant: RateLimiter;
  readonly #exports: RateLimiter;
  readonly #access: AccessService;

  constructor(deps: {
    perActor: RateLimiter;
    perTenant: RateLimiter;
    exports: RateLimiter;
    access: AccessService;
  }) {
    this.#perActor = deps.perActor;
    this.#perTenant = deps.perTenant;
    this.#exports = deps.exports;
    this.#access = deps.access;
  }

  async check(
    principal: Principal,
    kind: RequestKind,
    action: string,
    context: RequestContext,
  ): Promise<void> {
    const checks: [RateLimiter, string, string][] = [
      [this.#perActor, principal.actor, 'this caller'],
      [this.#perTenant, principal.tenantId, 'your organisation'],
    ];
    if (kind === 'export') {
      checks.push([this.#exports, principal.tenantId, 'file downloads of your organisation']);
    }
    for (const [limiter, key, who] of checks) {
      const decision = await limiter.consume(key);
      if (!decision.allowed) {
        const seconds = Math.ceil(decision.retryAfterMs / 1000);
        this.#access.recordDenial(principal, action, key, context, `rate limit for ${who}`);
        throw new AppError('rate_limited', `Too many requests for ${who}; retry in ${seconds} s.`, {
          retryAfterMs: decision.retryAfterMs,
        });
      }
    }
  }
}
