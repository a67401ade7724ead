import { makePrincipal, type Principal } from '../../domain/access/principal.js';
import { isRole, OPERATOR_TENANT, type Role } from '../../domain/access/roles.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import {
  hashPassword,
  randomToken,
  sameDigest,
  sha256Hex,
  verifyPassword,
} from '../../platform/secrets.js';
import type { Bus } from '../../ports/bus.js';
import type { IdentityStore, UserAccount } from '../../ports/identity-store.js';
import type { RateLimiter } from '../../ports/rate-limiter.js';
import type { TokenVerifier } from '../../ports/token-verifier.js';
import { parseApiKey } from './api-keys.js';
import type { AuditService } from './audit.service.js';
import type { RequestContext } from './request-context.js';

export interface AuthSettings {
  readonly sessionTtlMs: number;
  readonly sessionIdleMs: number;
  readonly oidcTenantClaim: string;
  readonly oidcRolesClaim: string;
}

/** Touching last-used times on every request would turn reads into writes; once a minute is enough. */
const TOUCH_EVERY_MS = 60_000;
const WRONG_CREDENTIALS = 'Wrong username or password.';
/** How long a revocation made by another process can take to apply; same-process changes apply at once. */
const CACHE_TTL_MS = 15_000;

/**
 * Turns credentials into principals: web-hub sessions (cookie), API keys and OIDC bearer tokens. Logins are
 * throttled per username and address; every login, logout and rejected credential is audited.
 */
export class AuthService {
  readonly #identity: IdentityStore;
  readonly #audit: AuditService;
  readonly #clock: Clock;
  readonly #settings: AuthSettings;
  readonly #loginFailures: RateLimiter;
  readonly #oidc: TokenVerifier | null;
  readonly #touched = new Map<string, number>();
  /** Short-lived copies of credential records: every API request authenticates, and these rarely change. */
  readonly #cache = new Map<string, { value: unknown; atMs: number }>();
  /** Verified against when the username is unknown, so timing does not reveal which usernames exist. */
  readonly #decoyHash: Promise<string>;

  constructor(deps: {
    identity: IdentityStore;
    audit: AuditService;
    clock: Clock;
    settings: AuthSettings;
    loginFailures: RateLimiter;
    oidc: TokenVerifier | null;
    bus?: Bus;
  }) {
    this.#identity = deps.identity;
    this.#audit = deps.audit;
    this.#clock = deps.clock;
    this.#settings = deps.settings;
    this.#loginFailures = deps.loginFailures;
    this.#oidc = deps.oidc;
    this.#decoyHash = hashPassword(randomToken());
    deps.bus?.subscribe('access.changed', () => this.#cache.clear());
  }

  /** Drops cached credentials (a key was revoked, a user disabled …). */
  invalidate(): void {
    this.#cache.clear();
  }

  async #cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    const now = this.#clock.now();
    const hit = this.#cache.get(key);
    if (hit && now - hit.atMs < CACHE_TTL_MS) {
      return hit.value as T;
    }
    const value = await load();
    if (this.#cache.size > 50_000) {
      this.#cache.clear();
    }
    this.#cache.set(key, { value, atMs: now });
    return value;
  }

  /** Checks a username and password and opens a session; returns the cookie token (shown to the browser only). */
  async login(
    username: string,
    password: string,
    context: RequestContext,
  ): Promise<{ token: string; principal: Principal; expiresAtMs: number }> {
    const throttleKey = `${username.toLowerCase()}|${context.ip ?? '-'}`;
    const state = await this.#loginFailures.peek(throttleKey);
    if (!state.allowed) {
      this.#record('auth.login', 'anonymous', null, 'denied', context, {
        username,
        reason: 'too many failed attempts',
      });
      throw new AppError('rate_limited', 'Too many failed sign-in attempts; try again later.', {
        retryAfterMs: state.retryAfterMs,
      });
    }
    const user = await this.#identity.findUserByUsername(username);
    const passwordOk = await verifyPassword(
      password,
      user?.passwordHash ?? (await this.#decoyHash),
    );
    const tenant = user ? await this.#identity.getTenant(user.tenantId) : null;
    const refusal =
      !user || !passwordOk
        ? 'wrong credentials'
        : user.status !== 'active'
          ? 'account disabled'
          : tenant?.status !== 'active'
            ? 'tenant suspended'
            : null;
    if (refusal !== null || !user) {
      await this.#loginFailures.consume(throttleKey);
      this.#record(
        'auth.login',
        user ? `user:${user.id}` : 'anonymous',
        user?.tenantId ?? null,
        'failure',
        context,
        {
          username,
          reason: refusal,
        },
      );
      throw new AppError('not_authenticated', WRONG_CREDENTIALS);
    }
    await this.#loginFailures.reset(throttleKey);
    const now = this.#clock.now();
    const token = randomToken();
    const expiresAtMs = now + this.#settings.sessionTtlMs;
    await this.#identity.createSession({
      tokenHash: sha256Hex(token),
      userId: user.id,
      tenantId: user.tenantId,
      createdAtMs: now,
      expiresAtMs,
      lastSeenAtMs: now,
      ip: context.ip,
      userAgent: context.userAgent ?? null,
    });
    await this.#identity.updateUser(user.id, { lastLoginAtMs: now });
    const principal = userPrincipal(user, 'session');
    this.#record('auth.login', principal.actor, user.tenantId, 'success', context, {
      username: user.username,
    });
    return { token, principal, expiresAtMs };
  }

  async logout(token: string, context: RequestContext): Promise<void> {
    const session = await this.#identity.getSession(sha256Hex(token));
    if (session) {
      await this.#identity.deleteSession(session.tokenHash);
      this.#cache.delete(`session:${session.tokenHash}`);
      this.#record(
        'auth.logout',
        `user:${session.userId}`,
        session.tenantId,
        'success',
        context,
        null,
      );
    }
  }

  /** The principal of a session cookie; throws not_authenticated for an unknown, expired or idle session. */
  async fromSession(token: string, context: RequestContext): Promise<Principal> {
    const tokenHash = sha256Hex(token);
    const session = await this.#cached(`session:${tokenHash}`, () =>
      this.#identity.getSession(tokenHash),
    );
    const now = this.#clock.now();
    if (
      !session ||
      session.expiresAtMs <= now ||
      now - session.lastSeenAtMs > this.#settings.sessionIdleMs
    ) {
      if (session) {
        await this.#identity.deleteSession(session.tokenHash);
        this.#cache.delete(`session:${tokenHash}`);
      }
      this.#record('auth.session', 'anonymous', session?.tenantId ?? null, 'failure', context, {
        reason: session ? 'session expired' : 'unknown session',
      });
      throw new AppError('not_authenticated', 'Your session has ended; sign in again.');
    }
    const user = await this.#activeUser(session.userId);
    if (!user) {
      await this.#identity.deleteSession(session.tokenHash);
      throw new AppError('not_authenticated', 'Your account is no longer active; sign in again.');
    }
    if (this.#due(`session:${session.tokenHash}`, now)) {
      await this.#identity.touchSession(session.tokenHash, now);
    }
    return userPrincipal(user, 'session');
  }

  /** The principal of an API key; throws not_authenticated for a malformed, unknown, revoked or expired key. */
  async fromApiKey(key: string, context: RequestContext): Promise<Principal> {
    const parsed = parseApiKey(key);
    const record = parsed
      ? await this.#cached(`key:${parsed.id}`, () => this.#identity.getApiKey(parsed.id))
      : null;
    const now = this.#clock.now();
    const problem =
      !parsed || !record || !sameDigest(sha256Hex(parsed.secret), record.secretHash)
        ? 'unknown API key'
        : record.revokedAtMs !== null
          ? 'API key revoked'
          : record.expiresAtMs !== null && record.expiresAtMs <= now
            ? 'API key expired'
            : (await this.#tenant(record.tenantId))?.status !== 'active'
              ? 'tenant suspended'
              : null;
    if (problem !== null || !record) {
      this.#record(
        'auth.api_key',
        record ? `key:${record.id}` : 'anonymous',
        record?.tenantId ?? null,
        'failure',
        context,
        {
          reason: problem,
        },
      );
      throw new AppError(
        'not_authenticated',
        `The API key was refused (${problem ?? 'unknown API key'}).`,
      );
    }
    if (this.#due(`key:${record.id}`, now)) {
      await this.#identity.touchApiKey(record.id, now);
    }
    return makePrincipal({
      tenantId: record.tenantId,
      actor: `key:${record.id}`,
      displayName: `API key ${record.name}`,
      roles: record.roles,
      method: 'api_key',
    });
  }

  /** The principal of an OIDC bearer token, its tenant and roles taken from the configured claims. */
  async fromBearer(token: string, context: RequestContext): Promise<Principal> {
    if (!this.#oidc) {
      this.#record('auth.oidc', 'anonymous', null, 'failure', context, {
        reason: 'OIDC is not configured',
      });
      throw new AppError(
        'not_authenticated',
        'Bearer tokens are not accepted here: no OIDC issuer is configured. Use an API key (c254_…).',
      );
    }
    let verified;
    try {
      verified = await this.#oidc.verify(token);
    } catch (error) {
      this.#record('auth.oidc', 'anonymous', null, 'failure', context, {
        reason: error instanceof Error ? error.message : String(error),
      });
      throw error;
    }
    const actor = `oidc:${verified.issuer}#${verified.subject}`;
    const tenantId = verified.claims[this.#settings.oidcTenantClaim];
    const tenant = typeof tenantId === 'string' ? await this.#tenant(tenantId) : null;
    if (!tenant || tenant.status !== 'active') {
      this.#record(
        'auth.oidc',
        actor,
        typeof tenantId === 'string' ? tenantId : null,
        'failure',
        context,
        {
          reason: tenant
            ? 'tenant suspended'
            : `no known tenant in claim "${this.#settings.oidcTenantClaim}"`,
        },
      );
      throw new AppError(
        'not_authenticated',
        `The token names no active 254Carbon tenant (claim "${this.#settings.oidcTenantClaim}").`,
      );
    }
    const roles = rolesFromClaims(verified.claims, this.#settings.oidcRolesClaim);
    const name = verified.claims.preferred_username ?? verified.claims.email ?? verified.subject;
    return makePrincipal({
      tenantId: tenant.id,
      actor,
      displayName: typeof name === 'string' ? name : verified.subject,
      roles,
      method: 'oidc',
    });
  }

  /** A principal for the local command line: whoever can open the database file operates the installation. */
  cliPrincipal(osUser: string): Principal {
    return makePrincipal({
      tenantId: OPERATOR_TENANT,
      actor: `cli:${osUser}`,
      displayName: `${osUser} (command line)`,
      roles: ['admin'],
      method: 'cli',
    });
  }

  async #activeUser(userId: string): Promise<UserAccount | null> {
    const user = await this.#cached(`user:${userId}`, () => this.#identity.getUser(userId));
    if (!user || user.status !== 'active') {
      return null;
    }
    const tenant = await this.#tenant(user.tenantId);
    return tenant?.status === 'active' ? user : null;
  }

  #tenant(id: string) {
    return this.#cached(`tenant:${id}`, () => this.#identity.getTenant(id));
  }

  #due(key: string, now: number): boolean {
    const last = this.#touched.get(key) ?? 0;
    if (now - last < TOUCH_EVERY_MS) {
      return false;
    }
    this.#touched.set(key, now);
    if (this.#touched.size > 100_000) {
      this.#touched.clear();
    }
    return true;
  }

  #record(
    action: string,
    actor: string,
    tenantId: string | null,
    result: 'success' | 'failure' | 'denied',
    context: RequestContext,
    details: Record<string, unknown> | null,
  ): void {
    this.#audit.record({
      actor,
      tenantId,
      action,
      resourceType: 'credential',
      resourceId: null,
      result,
      ip: context.ip,
      requestId: context.requestId,
      details,
    });
  }
}

export const userPrincipal = (user: UserAccount, method: 'session' | 'cli'): Principal =>
  makePrincipal({
    tenantId: user.tenantId,
    actor: `user:${user.id}`,
    displayName: user.displayName,
    roles: user.roles,
    method,
  });

/** Roles from a configured claim, also accepting Keycloak's `realm_access.roles`; unknown roles are ignored, none means viewer. */
const rolesFromClaims = (claims: Readonly<Record<string, unknown>>, claim: string): Role[] => {
  const fromPath = (value: unknown): unknown[] =>
    Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[\s,]+/) : [];
  const realm = (claims.realm_access as { roles?: unknown } | undefined)?.roles;
  const roles = [...fromPath(claims[claim]), ...fromPath(realm)].filter(
    (r): r is Role => typeof r === 'string' && isRole(r),
  );
  return roles.length > 0 ? [...new Set(roles)] : ['viewer'];
};
