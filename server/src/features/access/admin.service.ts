import type { AuditRecord, AuditResult } from '../../domain/access/audit-chain.js';
import type { Entitlement } from '../../domain/access/entitlement.js';
import { can, type Principal } from '../../domain/access/principal.js';
import { OPERATOR_TENANT, type Permission, type Role } from '../../domain/access/roles.js';
import type { Clock } from '../../platform/clock.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { hashPassword, sha256Hex } from '../../platform/secrets.js';
import type { Bus } from '../../ports/bus.js';
import type {
  ApiKeyRecord,
  IdentityStore,
  SeatAssignment,
  Tenant,
  UserAccount,
} from '../../ports/identity-store.js';
import type { Page } from '../../ports/metadata-store.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import type { AccessService } from './access.service.js';
import { InputCheck } from './admin-validation.js';
import { mintApiKey } from './api-keys.js';
import type { AuditService, VerifyReport } from './audit.service.js';
import type { RequestContext } from './request-context.js';

/** A user as administrators see it: never the password hash. */
export type UserView = Omit<UserAccount, 'passwordHash'>;
export type ApiKeyView = Omit<ApiKeyRecord, 'secretHash'>;

const userView = ({ passwordHash: _hash, ...view }: UserAccount): UserView => view;
const keyView = ({ secretHash: _hash, ...view }: ApiKeyRecord): ApiKeyView => view;

export interface AuditListQuery {
  readonly tenantId?: string | undefined;
  readonly actor?: string | undefined;
  readonly action?: string | undefined;
  readonly result?: AuditResult | undefined;
  readonly limit?: number | undefined;
  readonly cursor?: string | undefined;
}

export interface NewUser {
  readonly tenantId?: string | undefined;
  readonly username: string;
  readonly displayName?: string | undefined;
  readonly roles: readonly string[];
  readonly password: string;
}

export interface NewApiKey {
  readonly tenantId?: string | undefined;
  readonly name: string;
  readonly roles?: readonly string[] | undefined;
  readonly expiresInDays?: number | undefined;
}

export interface NewEntitlement {
  readonly tenantId: string;
  readonly market: string;
  readonly product: string;
  readonly channels: readonly string[];
  readonly instruments?: readonly string[] | null | undefined;
  readonly dataFrom?: string | null | undefined;
  readonly dataTo?: string | null | undefined;
  readonly seats?: number | null | undefined;
}

/**
 * Administration of tenants, users, API keys and entitlements. Platform admins (the operator tenant) manage every
 * tenant and the entitlements; a tenant admin manages only its own users and keys. A resource of another tenant is
 * reported as not found, so ids cannot be probed. Every change is audited.
 */
export class AdminService {
  readonly #identity: IdentityStore;
  readonly #audit: AuditService;
  readonly #access: AccessService;
  readonly #bus: Bus;
  readonly #clock: Clock;

  constructor(deps: {
    identity: IdentityStore;
    audit: AuditService;
    access: AccessService;
    bus: Bus;
    clock: Clock;
  }) {
    this.#identity = deps.identity;
    this.#audit = deps.audit;
    this.#access = deps.access;
    this.#bus = deps.bus;
    this.#clock = deps.clock;
  }

  // ---- tenants ----

  async listTenants(principal: Principal | null, context: RequestContext): Promise<Tenant[]> {
    const p = this.#access.requirePermission(
      principal,
      'platform:tenants',
      'admin.tenant.list',
      context,
    );
    void p;
    return this.#identity.listTenants();
  }

  async createTenant(
    principal: Principal | null,
    input: { id: string; name: string },
    context: RequestContext,
  ): Promise<Tenant> {
    const p = this.#access.requirePermission(
      principal,
      'platform:tenants',
      'admin.tenant.create',
      context,
    );
    const check = new InputCheck();
    const id = check.tenantId('id', input.id);
    const name = check.text('name', input.name);
    check.done('create the tenant');
    if (await this.#identity.getTenant(id)) {
      throw new AppError('conflict', `Tenant ${id} already exists.`);
    }
    const tenant: Tenant = { id, name, status: 'active', createdAtMs: this.#clock.now() };
    await this.#identity.createTenant(tenant);
    this.#changed(p, 'admin.tenant.create', 'tenant', id, context, { name });
    return tenant;
  }

  async updateTenant(
    principal: Principal | null,
    id: string,
    changes: { name?: string | undefined; status?: 'active' | 'suspended' | undefined },
    context: RequestContext,
  ): Promise<Tenant> {
    const p = this.#access.requirePermission(
      principal,
      'platform:tenants',
      'admin.tenant.update',
      context,
    );
    const check = new InputCheck();
    const name = changes.name === undefined ? undefined : check.text('name', changes.name);
    check.done('update the tenant');
    if (id === OPERATOR_TENANT && changes.status === 'suspended') {
      throw new AppError(
        'conflict',
        'The operator tenant cannot be suspended: nobody could administer the installation.',
      );
    }
    const updated = await this.#identity.updateTenant(id, {
      ...(name ? { name } : {}),
      ...(changes.status ? { status: changes.status } : {}),
    });
    if (!updated) {
      throw notFound(`No tenant ${id}.`);
    }
    this.#changed(p, 'admin.tenant.update', 'tenant', id, context, { ...changes });
    return updated;
  }

  // ---- users ----

  async listUsers(
    principal: Principal | null,
    query: {
      tenantId?: string | undefined;
      limit?: number | undefined;
      cursor?: string | undefined;
    },
    context: RequestContext,
  ): Promise<{ items: UserView[]; nextCursor: string | null }> {
    const { tenantId } = this.#scope(
      principal,
      query.tenantId,
      'tenant:users',
      'admin.user.list',
      context,
    );
    const page: Page<UserAccount> = await this.#identity.listUsers(tenantId, {
      limit: query.limit ?? 100,
      after: decodeCursor(query.cursor),
    });
    return { items: page.items.map(userView), nextCursor: encodeCursor(page.next) };
  }

  async createUser(
    principal: Principal | null,
    input: NewUser,
    context: RequestContext,
  ): Promise<UserView> {
    const { principal: p, tenantId } = this.#scope(
      principal,
      input.tenantId,
      'tenant:users',
      'admin.user.create',
      context,
    );
    const check = new InputCheck();
    const owner = tenantId ?? p.tenantId;
    const username = check.username('username', input.username);
    const displayName = check.text('displayName', input.displayName ?? input.username);
    const roles = check.roles('roles', input.roles);
    const password = check.password('password', input.password, username);
    check.done('create the user');
    if (!(await this.#identity.getTenant(owner))) {
      throw notFound(`No tenant ${owner}.`);
    }
    if (await this.#identity.findUserByUsername(username)) {
      throw new AppError('conflict', `The username ${username} is taken.`);
    }
    const user: UserAccount = {
      id: newId(),
      tenantId: owner,
      username,
      displayName,
      roles,
      passwordHash: await hashPassword(password),
      status: 'active',
      createdAtMs: this.#clock.now(),
      lastLoginAtMs: null,
    };
    await this.#identity.createUser(user);
    this.#changed(p, 'admin.user.create', 'user', user.id, context, {
      tenantId: owner,
      username,
      roles,
    });
    return userView(user);
  }

  async updateUser(
    principal: Principal | null,
    id: string,
    changes: {
      displayName?: string | undefined;
      roles?: readonly string[] | undefined;
      status?: 'active' | 'disabled' | undefined;
    },
    context: RequestContext,
  ): Promise<UserView> {
    const { principal: p, user } = await this.#ownUser(principal, id, 'admin.user.update', context);
    const check = new InputCheck();
    const displayName =
      changes.displayName === undefined
        ? undefined
        : check.text('displayName', changes.displayName);
    const roles = changes.roles === undefined ? undefined : check.roles('roles', changes.roles);
    check.done('update the user');
    if (
      user.id === p.actor.replace('user:', '') &&
      (changes.status === 'disabled' || (roles && !roles.includes('admin')))
    ) {
      throw new AppError(
        'conflict',
        'You cannot disable yourself or remove your own admin role; ask another admin.',
      );
    }
    const updated = await this.#identity.updateUser(id, {
      ...(displayName ? { displayName } : {}),
      ...(roles ? { roles } : {}),
      ...(changes.status ? { status: changes.status } : {}),
    });
    if (changes.status === 'disabled' || roles) {
      // Permissions are read at sign-in; end the sessions so the change applies now.
      await this.#identity.deleteSessionsOfUser(id);
    }
    this.#changed(p, 'admin.user.update', 'user', id, context, { ...changes });
    return userView(updated as UserAccount);
  }

  /** Sets a password: an admin for users of their tenant, or anyone for their own account. */
  async setPassword(
    principal: Principal | null,
    id: string,
    password: string,
    context: RequestContext,
  ): Promise<void> {
    const self = principal !== null && principal.actor === `user:${id}`;
    const { principal: p, user } = self
      ? { principal, user: await this.#identity.getUser(id) }
      : await this.#ownUser(principal, id, 'admin.user.password', context);
    if (!user) {
      throw notFound(`No user ${id}.`);
    }
    const check = new InputCheck();
    check.password('password', password, user.username);
    check.done('set the password');
    await this.#identity.updateUser(id, { passwordHash: await hashPassword(password) });
    await this.#identity.deleteSessionsOfUser(id);
    this.#changed(p, 'admin.user.password', 'user', id, context, null);
  }

  // ---- API keys ----

  async listApiKeys(
    principal: Principal | null,
    query: {
      tenantId?: string | undefined;
      limit?: number | undefined;
      cursor?: string | undefined;
    },
    context: RequestContext,
  ): Promise<{ items: ApiKeyView[]; nextCursor: string | null }> {
    const { tenantId } = this.#scope(
      principal,
      query.tenantId,
      'tenant:keys',
      'admin.key.list',
      context,
    );
    const page = await this.#identity.listApiKeys(tenantId, {
      limit: query.limit ?? 100,
      after: decodeCursor(query.cursor),
    });
    return { items: page.items.map(keyView), nextCursor: encodeCursor(page.next) };
  }

  /** Creates a key and returns its secret once; only a hash is kept. A key never gets roles its creator lacks. */
  async createApiKey(
    principal: Principal | null,
    input: NewApiKey,
    context: RequestContext,
  ): Promise<{ key: string; record: ApiKeyView }> {
    const { principal: p, tenantId } = this.#scope(
      principal,
      input.tenantId,
      'tenant:keys',
      'admin.key.create',
      context,
    );
    const owner = tenantId ?? p.tenantId;
    const check = new InputCheck();
    const name = check.text('name', input.name, 100);
    const roles = check.roles('roles', input.roles ?? ['viewer']);
    const days = check.positiveInt('expiresInDays', input.expiresInDays, 3650);
    if (!roles.every((role: Role) => p.roles.includes(role)) && !can(p, 'platform:tenants')) {
      check.problem('roles', `may only include your own roles (${p.roles.join(', ')})`);
    }
    check.done('create the API key');
    if (!(await this.#identity.getTenant(owner))) {
      throw notFound(`No tenant ${owner}.`);
    }
    const minted = mintApiKey();
    const now = this.#clock.now();
    const record: ApiKeyRecord = {
      id: minted.id,
      tenantId: owner,
      name,
      roles,
      secretHash: sha256Hex(minted.secret),
      createdBy: p.actor,
      createdAtMs: now,
      expiresAtMs: days === null ? null : now + days * 86_400_000,
      lastUsedAtMs: null,
      revokedAtMs: null,
    };
    await this.#identity.createApiKey(record);
    this.#changed(p, 'admin.key.create', 'api_key', record.id, context, {
      tenantId: owner,
      name,
      roles,
    });
    return { key: minted.key, record: keyView(record) };
  }

  async revokeApiKey(
    principal: Principal | null,
    id: string,
    context: RequestContext,
  ): Promise<ApiKeyView> {
    const { principal: p } = this.#scope(
      principal,
      undefined,
      'tenant:keys',
      'admin.key.revoke',
      context,
    );
    const key = await this.#identity.getApiKey(id);
    if (!key || !this.#mayTouch(p, key.tenantId)) {
      throw notFound(`No API key ${id}.`);
    }
    const revoked = await this.#identity.revokeApiKey(id, this.#clock.now());
    this.#changed(p, 'admin.key.revoke', 'api_key', id, context, { tenantId: key.tenantId });
    return keyView(revoked as ApiKeyRecord);
  }

  // ---- entitlements ----

  async listEntitlements(
    principal: Principal | null,
    query: { tenantId?: string | undefined },
    context: RequestContext,
  ): Promise<Entitlement[]> {
    // Tenant admins may read their own grants; only platform admins see others'.
    const p = this.#access.requirePermission(
      principal,
      'tenant:users',
      'admin.entitlement.list',
      context,
    );
    const platform = can(p, 'platform:entitlements');
    const tenantId = platform ? (query.tenantId ?? null) : p.tenantId;
    if (!platform && query.tenantId !== undefined && query.tenantId !== p.tenantId) {
      return [];
    }
    return this.#identity.listEntitlements(tenantId);
  }

  async grantEntitlement(
    principal: Principal | null,
    input: NewEntitlement,
    context: RequestContext,
  ): Promise<Entitlement> {
    const p = this.#access.requirePermission(
      principal,
      'platform:entitlements',
      'admin.entitlement.grant',
      context,
    );
    const check = new InputCheck();
    const tenantId = check.tenantId('tenantId', input.tenantId);
    const market = check.market('market', input.market);
    const entitlement: Entitlement = {
      id: newId(),
      tenantId,
      market,
      product: check.product('product', input.product),
      channels: check.channels('channels', input.channels),
      instruments: check.instruments('instruments', input.instruments, market),
      dataFromMs: check.day('dataFrom', input.dataFrom),
      dataToMs: check.day('dataTo', input.dataTo),
      seats: check.positiveInt('seats', input.seats, 100_000),
    };
    if (
      entitlement.dataFromMs !== null &&
      entitlement.dataToMs !== null &&
      entitlement.dataToMs <= entitlement.dataFromMs
    ) {
      check.problem('dataTo', 'must be after dataFrom');
    }
    check.done('grant the entitlement');
    if (!(await this.#identity.getTenant(tenantId))) {
      throw notFound(`No tenant ${tenantId}.`);
    }
    await this.#identity.createEntitlement(entitlement);
    await this.#accessChanged(tenantId);
    this.#changed(p, 'admin.entitlement.grant', 'entitlement', entitlement.id, context, {
      ...entitlement,
    });
    return entitlement;
  }

  async revokeEntitlement(
    principal: Principal | null,
    id: string,
    context: RequestContext,
  ): Promise<void> {
    const p = this.#access.requirePermission(
      principal,
      'platform:entitlements',
      'admin.entitlement.revoke',
      context,
    );
    const existing = await this.#identity.getEntitlement(id);
    if (!existing || !(await this.#identity.deleteEntitlement(id))) {
      throw notFound(`No entitlement ${id}.`);
    }
    await this.#accessChanged(existing.tenantId);
    this.#changed(p, 'admin.entitlement.revoke', 'entitlement', id, context, {
      tenantId: existing.tenantId,
    });
  }

  async listSeats(
    principal: Principal | null,
    entitlementId: string,
    context: RequestContext,
  ): Promise<SeatAssignment[]> {
    const p = this.#access.requirePermission(principal, 'tenant:users', 'admin.seat.list', context);
    const grant = await this.#identity.getEntitlement(entitlementId);
    if (!grant || !this.#mayTouch(p, grant.tenantId, 'platform:entitlements')) {
      throw notFound(`No entitlement ${entitlementId}.`);
    }
    return this.#identity.listSeats(entitlementId);
  }

  /** Frees a named-user seat (a tenant admin for its own grants, or a platform admin). */
  async releaseSeat(
    principal: Principal | null,
    entitlementId: string,
    actor: string,
    context: RequestContext,
  ): Promise<void> {
    const p = this.#access.requirePermission(
      principal,
      'tenant:users',
      'admin.seat.release',
      context,
    );
    const grant = await this.#identity.getEntitlement(entitlementId);
    if (
      !grant ||
      !this.#mayTouch(p, grant.tenantId, 'platform:entitlements') ||
      !(await this.#identity.releaseSeat(entitlementId, actor))
    ) {
      throw notFound(`No seat of ${actor} on entitlement ${entitlementId}.`);
    }
    this.#changed(p, 'admin.seat.release', 'entitlement', entitlementId, context, { actor });
  }

  // ---- audit ----

  /** Audit records: a tenant admin sees their tenant's; a platform admin all (optionally one tenant). */
  async listAudit(
    principal: Principal | null,
    query: AuditListQuery,
    context: RequestContext,
  ): Promise<{ items: AuditRecord[]; nextCursor: string | null }> {
    const p = this.#access.requirePermission(
      principal,
      'tenant:audit',
      'admin.audit.list',
      context,
    );
    const tenantId = can(p, 'platform:audit') ? query.tenantId : p.tenantId;
    const page = await this.#audit.list(
      {
        ...(tenantId !== undefined ? { tenantId } : {}),
        ...(query.actor !== undefined ? { actor: query.actor } : {}),
        ...(query.action !== undefined ? { action: query.action } : {}),
        ...(query.result !== undefined ? { result: query.result } : {}),
      },
      { limit: query.limit ?? 100, after: decodeCursor(query.cursor) },
    );
    return { items: [...page.items], nextCursor: encodeCursor(page.next) };
  }

  async verifyAudit(principal: Principal | null, context: RequestContext): Promise<VerifyReport> {
    const p = this.#access.requirePermission(
      principal,
      'platform:audit',
      'admin.audit.verify',
      context,
    );
    const report = await this.#audit.verify();
    this.#audit.record({
      actor: p.actor,
      tenantId: p.tenantId,
      action: 'admin.audit.verify',
      resourceType: 'audit_log',
      resourceId: null,
      result: report.ok ? 'success' : 'failure',
      ip: context.ip,
      requestId: context.requestId,
      details: { checked: report.checked, problems: report.problems.length },
    });
    return report;
  }

  // ---- helpers ----

  /**
   * Tenant scoping: platform admins may name any tenant (null = all); tenant admins are confined to their own,
   * and naming another tenant looks exactly like naming one that does not exist.
   */
  #scope(
    principal: Principal | null,
    tenantId: string | undefined,
    tenantPermission: Permission,
    action: string,
    context: RequestContext,
  ): { principal: Principal; tenantId: string | null } {
    const p = this.#access.requirePermission(principal, tenantPermission, action, context);
    if (can(p, 'platform:tenants')) {
      return { principal: p, tenantId: tenantId ?? null };
    }
    if (tenantId !== undefined && tenantId !== p.tenantId) {
      throw notFound(`No tenant ${tenantId}.`);
    }
    return { principal: p, tenantId: p.tenantId };
  }

  #mayTouch(
    principal: Principal,
    tenantId: string,
    platform: Permission = 'platform:tenants',
  ): boolean {
    return can(principal, platform) || tenantId === principal.tenantId;
  }

  async #ownUser(
    principal: Principal | null,
    id: string,
    action: string,
    context: RequestContext,
  ): Promise<{ principal: Principal; user: UserAccount }> {
    const { principal: p } = this.#scope(principal, undefined, 'tenant:users', action, context);
    const user = await this.#identity.getUser(id);
    if (!user || !this.#mayTouch(p, user.tenantId)) {
      throw notFound(`No user ${id}.`);
    }
    return { principal: p, user };
  }

  async #accessChanged(tenantId: string): Promise<void> {
    this.#access.invalidate();
    await this.#bus.publish('access.changed', { tenantId });
  }

  #changed(
    p: Principal,
    action: string,
    resourceType: string,
    resourceId: string,
    context: RequestContext,
    details: Record<string, unknown> | null,
  ): void {
    this.#audit.record({
      actor: p.actor,
      tenantId: p.tenantId,
      action,
      resourceType,
      resourceId,
      result: 'success',
      ip: context.ip,
      requestId: context.requestId,
      details,
    });
  }
}
