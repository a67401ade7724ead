import {
  decideDataAccess,
  listableMarkets,
  mayList,
  type DataRequest,
  type Entitlement,
} from '../../domain/access/entitlement.js';
import { can, type Principal } from '../../domain/access/principal.js';
import type { Permission } from '../../domain/access/roles.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import type { Bus } from '../../ports/bus.js';
import type { IdentityStore } from '../../ports/identity-store.js';
import type { InstrumentScope } from '../../ports/metadata-store.js';
import type { AuditService } from './audit.service.js';
import type { RequestContext } from './request-context.js';

const GRANTS_TTL_MS = 60_000;

/**
 * The local command line opens the database file itself, so it already has every byte; entitlements (which are
 * about what a tenant bought) do not apply to it. Its actions are still audited.
 */
const unrestricted = (principal: Principal): boolean => principal.method === 'cli';

/**
 * The one access check, deny by default, used by every delivery path. Permissions (what a role may do) and
 * entitlements (which data a tenant bought, through which channels) are both checked here, and every decision on
 * data — allowed or denied — is written to the audit trail.
 */
export class AccessService {
  readonly #identity: IdentityStore;
  readonly #audit: AuditService;
  readonly #clock: Clock;
  #grants: Promise<Entitlement[]> | null = null;
  #loadedAtMs = 0;
  /** Seats this process has seen held ("grant id NUL actor"), so a seat is claimed in the store once, not per request. */
  #seatsHeld = new Set<string>();

  constructor(deps: { identity: IdentityStore; audit: AuditService; clock: Clock; bus?: Bus }) {
    this.#identity = deps.identity;
    this.#audit = deps.audit;
    this.#clock = deps.clock;
    deps.bus?.subscribe('access.changed', () => this.invalidate());
  }

  invalidate(): void {
    this.#grants = null;
  }

  /** Refuses anonymous callers (401) and callers without the permission (403); records refusals. */
  requirePermission(
    principal: Principal | null,
    permission: Permission,
    action: string,
    context: RequestContext,
  ): Principal {
    if (principal === null) {
      throw new AppError(
        'not_authenticated',
        'Sign in, or send an API key (Authorization: Bearer c254_…) or an OIDC token.',
      );
    }
    if (!can(principal, permission)) {
      this.#deny(
        principal,
        action,
        'permission',
        permission,
        context,
        `needs the ${permission} permission`,
      );
      throw new AppError(
        'not_entitled',
        `Your role does not allow this (${permission} is required).`,
      );
    }
    return principal;
  }

  /**
   * The first check of every data use case: signed in, allowed by role, and holding at least one entitlement for
   * the channel. A caller with nothing to see is refused (403) before any input is examined.
   */
  async requireDataAccess(
    principal: Principal | null,
    permission: 'data:read' | 'data:export',
    action: string,
    context: RequestContext,
  ): Promise<Principal> {
    const p = this.requirePermission(principal, permission, action, context);
    const markets = await this.marketsOf(p);
    if (markets !== null && markets.size === 0) {
      this.#deny(
        p,
        action,
        'tenant',
        p.tenantId,
        context,
        `no data entitlements for the ${p.channel} channel`,
      );
      throw new AppError(
        'not_entitled',
        `Your organisation has no data entitlements for the ${p.channel} channel; ask your administrator.`,
      );
    }
    return p;
  }

  /**
   * Allows a data request only if the caller's tenant holds grants covering every instrument, the whole time
   * range and the channel (plus downloads for files), and the caller holds a seat on each seat-limited grant.
   */
  async requireData(
    principal: Principal,
    request: DataRequest,
    action: string,
    context: RequestContext,
  ): Promise<void> {
    this.requirePermission(
      principal,
      request.asFile ? 'data:export' : 'data:read',
      action,
      context,
    );
    const decision = unrestricted(principal)
      ? ({ allowed: true, grants: [] } as const)
      : decideDataAccess(principal, await this.#grantsNow(), request);
    const resource = request.instruments.map((i) => i.id).join(',');
    if (!decision.allowed) {
      this.#deny(principal, action, 'instrument', resource, context, decision.reason);
      throw new AppError('not_entitled', `Not entitled: ${decision.reason}.`);
    }
    for (const grant of decision.grants) {
      const seat = `${grant.id}\u0000${principal.actor}`;
      if (grant.seats === null || this.#seatsHeld.has(seat)) {
        continue;
      }
      if (
        await this.#identity.claimSeat(grant.id, principal.actor, grant.seats, this.#clock.now())
      ) {
        this.#seatsHeld.add(seat);
      } else {
        const reason = `all ${grant.seats} seats of your organisation's ${grant.market} entitlement are in use`;
        this.#deny(principal, action, 'instrument', resource, context, reason);
        throw new AppError(
          'not_entitled',
          `Not entitled: ${reason}; an administrator can release one.`,
        );
      }
    }
    this.#audit.record({
      actor: principal.actor,
      tenantId: principal.tenantId,
      action,
      resourceType: 'instrument',
      resourceId: resource,
      result: 'success',
      ip: context.ip,
      requestId: context.requestId,
      details: {
        channel: principal.channel,
        ...(request.range
          ? {
              from: new Date(request.range.fromMs).toISOString(),
              to: new Date(request.range.toMs).toISOString(),
            }
          : {}),
        ...(request.asFile ? { file: true } : {}),
      },
    });
  }

  /**
   * What the caller may list (markets, instrument subsets) through its channel; empty means nothing, null means
   * everything (the local command line).
   */
  async scopeOf(principal: Principal): Promise<InstrumentScope[] | null> {
    if (unrestricted(principal)) {
      return null;
    }
    return (await this.#grantsNow())
      .filter((g) => g.tenantId === principal.tenantId && g.channels.includes(principal.channel))
      .map((g) => ({ market: g.market, product: g.product, instruments: g.instruments }));
  }

  /**
   * The caller's grants for its channel, with their data windows, for checks made row by row (live streams); null
   * means everything (the local command line).
   */
  async grantsFor(principal: Principal): Promise<Entitlement[] | null> {
    if (unrestricted(principal)) {
      return null;
    }
    return (await this.#grantsNow()).filter(
      (g) => g.tenantId === principal.tenantId && g.channels.includes(principal.channel),
    );
  }

  /** Markets the caller holds any grant in for its channel; null = every market (the local command line). */
  async marketsOf(principal: Principal): Promise<Set<string> | null> {
    return unrestricted(principal) ? null : listableMarkets(principal, await this.#grantsNow());
  }

  async mayList(
    principal: Principal,
    instrument: DataRequest['instruments'][number],
  ): Promise<boolean> {
    return unrestricted(principal) || mayList(principal, await this.#grantsNow(), instrument);
  }

  /** What a caller is and may see, for the hub and `GET /auth/me`. */
  async describe(principal: Principal): Promise<{
    actor: string;
    displayName: string;
    tenantId: string;
    roles: Principal['roles'][number][];
    channel: Principal['channel'];
    permissions: string[];
    markets: string[];
    downloadMarkets: string[];
  }> {
    const markets = await this.marketsOf(principal);
    // A file needs the caller's channel and the downloads channel (possibly from different grants).
    const downloads =
      markets === null
        ? ['*']
        : (await this.#grantsNow())
            .filter((g) => g.tenantId === principal.tenantId && g.channels.includes('downloads'))
            .map((g) => g.market)
            .filter((market) => markets.has(market));
    return {
      actor: principal.actor,
      displayName: principal.displayName,
      tenantId: principal.tenantId,
      roles: [...principal.roles],
      channel: principal.channel,
      permissions: [...principal.permissions].sort(),
      markets: markets === null ? ['*'] : [...markets].sort(),
      // File downloads need the downloads channel too; the hub hides the link where it would be refused.
      downloadMarkets: can(principal, 'data:export') ? [...new Set(downloads)].sort() : [],
    };
  }

  /** Records a refusal decided elsewhere (an unauthenticated request, a rate limit …). */
  recordDenial(
    principal: Principal | null,
    action: string,
    resource: string,
    context: RequestContext,
    reason: string,
  ): void {
    this.#deny(principal, action, 'route', resource, context, reason);
  }

  #deny(
    principal: Principal | null,
    action: string,
    resourceType: string,
    resource: string,
    context: RequestContext,
    reason: string,
  ): void {
    this.#audit.record({
      actor: principal?.actor ?? 'anonymous',
      tenantId: principal?.tenantId ?? null,
      action,
      resourceType,
      resourceId: resource,
      result: 'denied',
      ip: context.ip,
      requestId: context.requestId,
      details: { reason, ...(principal ? { channel: principal.channel } : {}) },
    });
  }

  #grantsNow(): Promise<Entitlement[]> {
    const now = this.#clock.now();
    if (!this.#grants || now - this.#loadedAtMs > GRANTS_TTL_MS) {
      this.#loadedAtMs = now;
      // Seats may have been released (this clears on invalidate too): re-check them with the grants.
      this.#seatsHeld.clear();
      const loading = this.#identity.listEntitlements(null);
      loading.catch(() => {
        if (this.#grants === loading) {
          this.#grants = null;
        }
      });
      this.#grants = loading;
    }
    return this.#grants;
  }
}
