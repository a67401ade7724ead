import {
  ApiKey,
  CreatedApiKey,
  Entitlement,
  NewApiKey,
  NewEntitlement,
  NewTenant,
  NewUser,
  PageInfo,
  PageQuery,
  PasswordChange,
  Problem,
  Seat,
  Tenant,
  TenantChanges,
  User,
  UserChanges,
} from '@254carbon/contracts';
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Entitlement as EntitlementRecord } from '../../domain/access/entitlement.js';
import type { ApiKeyView, UserView } from '../../features/access/admin.service.js';
import { contextOf } from '../access-control.js';
import type { HttpDeps } from '../http-deps.js';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

const userOut = (u: UserView) => ({
  id: u.id,
  tenantId: u.tenantId,
  username: u.username,
  displayName: u.displayName,
  roles: [...u.roles],
  status: u.status,
  createdAt: new Date(u.createdAtMs).toISOString(),
  lastLoginAt: iso(u.lastLoginAtMs),
});

const keyOut = (k: ApiKeyView) => ({
  id: k.id,
  tenantId: k.tenantId,
  name: k.name,
  roles: [...k.roles],
  createdBy: k.createdBy,
  createdAt: new Date(k.createdAtMs).toISOString(),
  expiresAt: iso(k.expiresAtMs),
  lastUsedAt: iso(k.lastUsedAtMs),
  revokedAt: iso(k.revokedAtMs),
});

const entitlementOut = (e: EntitlementRecord) => ({
  id: e.id,
  tenantId: e.tenantId,
  market: e.market,
  product: e.product,
  channels: [...e.channels],
  instruments: e.instruments === null ? null : [...e.instruments],
  dataFrom: iso(e.dataFromMs),
  dataTo: iso(e.dataToMs),
  seats: e.seats,
});

const ID = Type.Object({ id: Type.String({ maxLength: 100 }) });
const TENANT_QUERY = Type.Object(
  { tenantId: Type.Optional(Type.String({ maxLength: 32 })), ...PageQuery },
  { additionalProperties: false },
);
const ERRORS = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem } as const;
const TAGS = ['administration'];

/**
 * Tenants, users, API keys and entitlements. The route permission is the least one that can use it; the admin
 * use cases then confine tenant admins to their own tenant (another tenant's ids answer 404).
 */
export const adminRoutes =
  (deps: HttpDeps): FastifyPluginCallbackTypebox =>
  (app, _options, done) => {
    app.get(
      '/admin/tenants',
      {
        config: { access: { permission: 'platform:tenants' } },
        schema: {
          tags: TAGS,
          summary: 'All tenants',
          response: { 200: Type.Object({ data: Type.Array(Tenant) }), ...ERRORS },
        },
      },
      async (request) => ({
        data: (await deps.admin.listTenants(request.principal, contextOf(request))).map((t) => ({
          ...t,
          createdAt: new Date(t.createdAtMs).toISOString(),
        })),
      }),
    );
    app.post(
      '/admin/tenants',
      {
        config: { access: { permission: 'platform:tenants' } },
        schema: {
          tags: TAGS,
          summary: 'Create a tenant',
          body: NewTenant,
          response: { 201: Tenant, ...ERRORS },
        },
      },
      async (request, reply) => {
        const t = await deps.admin.createTenant(
          request.principal,
          request.body,
          contextOf(request),
        );
        return reply.code(201).send({ ...t, createdAt: new Date(t.createdAtMs).toISOString() });
      },
    );
    app.patch(
      '/admin/tenants/:id',
      {
        config: { access: { permission: 'platform:tenants' } },
        schema: {
          tags: TAGS,
          summary: 'Rename, suspend or reactivate a tenant',
          params: ID,
          body: TenantChanges,
          response: { 200: Tenant, ...ERRORS },
        },
      },
      async (request) => {
        const t = await deps.admin.updateTenant(
          request.principal,
          request.params.id,
          request.body,
          contextOf(request),
        );
        return { ...t, createdAt: new Date(t.createdAtMs).toISOString() };
      },
    );

    app.get(
      '/admin/users',
      {
        config: { access: { permission: 'tenant:users' } },
        schema: {
          tags: TAGS,
          summary: 'Users (own tenant; platform admins may name any)',
          querystring: TENANT_QUERY,
          response: { 200: Type.Object({ data: Type.Array(User), page: PageInfo }), ...ERRORS },
        },
      },
      async (request) => {
        const page = await deps.admin.listUsers(
          request.principal,
          request.query,
          contextOf(request),
        );
        return {
          data: page.items.map(userOut),
          page: { limit: request.query.limit ?? 100, nextCursor: page.nextCursor },
        };
      },
    );
    app.post(
      '/admin/users',
      {
        config: { access: { permission: 'tenant:users' } },
        schema: {
          tags: TAGS,
          summary: 'Create a user with a password (12+ characters)',
          body: NewUser,
          response: { 201: User, ...ERRORS },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            userOut(
              await deps.admin.createUser(request.principal, request.body, contextOf(request)),
            ),
          ),
    );
    app.patch(
      '/admin/users/:id',
      {
        config: { access: { permission: 'tenant:users' } },
        schema: {
          tags: TAGS,
          summary: 'Change roles or name, disable or enable a user',
          params: ID,
          body: UserChanges,
          response: { 200: User, ...ERRORS },
        },
      },
      async (request) =>
        userOut(
          await deps.admin.updateUser(
            request.principal,
            request.params.id,
            request.body,
            contextOf(request),
          ),
        ),
    );
    app.put(
      '/admin/users/:id/password',
      {
        config: { access: { permission: 'account:self' } },
        schema: {
          tags: TAGS,
          summary:
            'Set a password (your own, or a user of your tenant as admin); ends their sessions',
          params: ID,
          body: PasswordChange,
          response: { 204: { type: 'null' }, ...ERRORS },
        },
      },
      async (request, reply) => {
        await deps.admin.setPassword(
          request.principal,
          request.params.id,
          request.body.password,
          contextOf(request),
        );
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/admin/api-keys',
      {
        config: { access: { permission: 'tenant:keys' } },
        schema: {
          tags: TAGS,
          summary: 'API keys (never their secrets)',
          querystring: TENANT_QUERY,
          response: { 200: Type.Object({ data: Type.Array(ApiKey), page: PageInfo }), ...ERRORS },
        },
      },
      async (request) => {
        const page = await deps.admin.listApiKeys(
          request.principal,
          request.query,
          contextOf(request),
        );
        return {
          data: page.items.map(keyOut),
          page: { limit: request.query.limit ?? 100, nextCursor: page.nextCursor },
        };
      },
    );
    app.post(
      '/admin/api-keys',
      {
        config: { access: { permission: 'tenant:keys' } },
        schema: {
          tags: TAGS,
          summary: 'Create an API key; the secret is in this response only',
          body: NewApiKey,
          response: { 201: CreatedApiKey, ...ERRORS },
        },
      },
      async (request, reply) => {
        const created = await deps.admin.createApiKey(
          request.principal,
          request.body,
          contextOf(request),
        );
        return reply.code(201).send({ key: created.key, apiKey: keyOut(created.record) });
      },
    );
    app.delete(
      '/admin/api-keys/:id',
      {
        config: { access: { permission: 'tenant:keys' } },
        schema: {
          tags: TAGS,
          summary: 'Revoke an API key (takes effect at once)',
          params: ID,
          response: { 200: ApiKey, ...ERRORS },
        },
      },
      async (request) =>
        keyOut(
          await deps.admin.revokeApiKey(request.principal, request.params.id, contextOf(request)),
        ),
    );

    app.get(
      '/admin/entitlements',
      {
        config: { access: { permission: 'tenant:users' } },
        schema: {
          tags: TAGS,
          summary: 'Entitlements (own tenant; platform admins see all)',
          querystring: Type.Object(
            { tenantId: Type.Optional(Type.String({ maxLength: 32 })) },
            { additionalProperties: false },
          ),
          response: { 200: Type.Object({ data: Type.Array(Entitlement) }), ...ERRORS },
        },
      },
      async (request) => ({
        data: (
          await deps.grants.listEntitlements(request.principal, request.query, contextOf(request))
        ).map(entitlementOut),
      }),
    );
    app.post(
      '/admin/entitlements',
      {
        config: { access: { permission: 'platform:entitlements' } },
        schema: {
          tags: TAGS,
          summary: 'Grant a tenant a market and product through channels',
          body: NewEntitlement,
          response: { 201: Entitlement, ...ERRORS },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            entitlementOut(
              await deps.grants.grantEntitlement(
                request.principal,
                request.body,
                contextOf(request),
              ),
            ),
          ),
    );
    app.delete(
      '/admin/entitlements/:id',
      {
        config: { access: { permission: 'platform:entitlements' } },
        schema: {
          tags: TAGS,
          summary: 'Revoke an entitlement',
          params: ID,
          response: { 204: { type: 'null' }, ...ERRORS },
        },
      },
      async (request, reply) => {
        await deps.grants.revokeEntitlement(
          request.principal,
          request.params.id,
          contextOf(request),
        );
        return reply.code(204).send(null);
      },
    );
    app.get(
      '/admin/entitlements/:id/seats',
      {
        config: { access: { permission: 'tenant:users' } },
        schema: {
          tags: TAGS,
          summary: 'Who holds the named-user seats of an entitlement',
          params: ID,
          response: { 200: Type.Object({ data: Type.Array(Seat) }), ...ERRORS },
        },
      },
      async (request) => ({
        data: (
          await deps.grants.listSeats(request.principal, request.params.id, contextOf(request))
        ).map((s) => ({ actor: s.actor, assignedAt: new Date(s.assignedAtMs).toISOString() })),
      }),
    );
    app.delete(
      '/admin/entitlements/:id/seats/:actor',
      {
        config: { access: { permission: 'tenant:users' } },
        schema: {
          tags: TAGS,
          summary: 'Release a seat',
          params: Type.Object({
            id: Type.String({ maxLength: 100 }),
            actor: Type.String({ maxLength: 300 }),
          }),
          response: { 204: { type: 'null' }, ...ERRORS },
        },
      },
      async (request, reply) => {
        await deps.grants.releaseSeat(
          request.principal,
          request.params.id,
          request.params.actor,
          contextOf(request),
        );
        return reply.code(204).send(null);
      },
    );
    done();
  };
