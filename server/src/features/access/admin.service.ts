import { can, type Principal } from '../../domain/access/principal.js';
import { OPERATOR_TENANT, type Permission, type Role } from '../../domain/access/roles.js';
import type { Clock } from '../../platform/clock.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { hashPassword, sha256Hex } from '../../platform/secrets.js';
import type {
  ApiKeyRecord,
  IdentityStore,
  Tenant,
  UserAccount,
} from '../../ports/identity-store.js';
import type { Page } from '../../ports/metadata-store.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { type AdminDeps, mayTouch, recordChange, scopeToTenant } from './admin-support.js';
import { InputCheck } from './admin-validation.js';
import { mintApiKey } from './api-keys.js';
import type { RequestContext } from './request-context.js';

/** A user as administrators see it: never the password hash. */
export type UserView = Omit<UserAccount, 'passwordHash'>;
export type ApiKeyView = Omit<ApiKeyRecord, 'secretHash'>;

const userView = ({ passwordHash: _hash, ...view }: UserAccount): UserView => view;
const keyView = ({ secretHash: _hash, ...view }: ApiKeyRecord): ApiKeyView => view;

/** A page of one tenant's resources (or every tenant's, for a platform admin who names none). */
export interface TenantPageQuery {
  readonly tenantId?: string | undefined;
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

/**
 * Administration of tenants, users and API keys (grants and audit are in GrantsService). Platform admins (the
 * operator tenant) manage every tenant; a tenant admin manages only its own users and keys. A resource of another tenant is
 * reported as not found, so ids cannot be probed. Every change is audited.
 */
export class AdminService {
  readonly #deps: AdminDeps;
  readonly #identity: IdentityStore;
  readonly #clock: Clock;

  constructor(deps: AdminDeps & { identity: IdentityStore; clock: Clock }) {
    this.#deps = deps;
    this.#identity = deps.identity;
    this.#clock = deps.clock;
  }

  // ---- tenants ----

  async listTenants(principal: Principal | null, context: RequestContext): Promise<Tenant[]> {
    this.#deps.access.requirePermission(
      principal,
      'platform:tenants',
      'admin.tenant.list',
      context,
    );
    return this.#identity.listTenants();
  }

  async createTenant(
    principal: Principal | null,
    input: { id: string; name: string },
    context: RequestContext,
  ): Promise<Tenant> {
    const p = this.#deps.access.requirePermission(
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
    const p = this.#deps.access.requirePermission(
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
    query: TenantPageQuery,
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
    query: TenantPageQuery,
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
    if (!key || !mayTouch(p, key.tenantId)) {
      throw notFound(`No API key ${id}.`);
    }
    const revoked = await this.#identity.revokeApiKey(id, this.#clock.now());
    this.#changed(p, 'admin.key.revoke', 'api_key', id, context, { tenantId: key.tenantId });
    return keyView(revoked as ApiKeyRecord);
  }

  // ---- helpers ----

  #scope(
    principal: Principal | null,
    tenantId: string | undefined,
    tenantPermission: Permission,
    action: string,
    context: RequestContext,
  ): { principal: Principal; tenantId: string | null } {
    return scopeToTenant(this.#deps.access, principal, tenantId, tenantPermission, action, context);
  }

  async #ownUser(
    principal: Principal | null,
    id: string,
    action: string,
    context: RequestContext,
  ): Promise<{ principal: Principal; user: UserAccount }> {
    const { principal: p } = this.#scope(principal, undefined, 'tenant:users', action, context);
    const user = await this.#identity.getUser(id);
    if (!user || !mayTouch(p, user.tenantId)) {
      throw notFound(`No user ${id}.`);
    }
    return { principal: p, user };
  }

  #changed(
    p: Principal,
    action: string,
    resourceType: string,
    resourceId: string,
    context: RequestContext,
    details: Record<string, unknown> | null,
  ): void {
    recordChange(this.#deps, p, { action, resourceType, resourceId, details }, context);
  }
}
