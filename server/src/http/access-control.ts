import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import type { Principal } from '../domain/access/principal.js';
import type { Permission } from '../domain/access/roles.js';
import { looksLikeApiKey } from '../features/access/api-keys.js';
import type { RequestContext } from '../features/access/request-context.js';
import type { RequestKind } from '../features/access/request-limits.js';
import { AppError } from '../platform/errors.js';
import type { HttpDeps } from './http-deps.js';

/**
 * Every route states its access policy in `config.access`. A route without one is refused for everybody (deny by
 * default), and server/test/e2e/route-table.e2e.test.ts proves every registered route refuses anonymous and
 * unentitled callers unless it is in the public list.
 */
export type RouteAccess =
  | { readonly public: true }
  | {
      readonly public?: false;
      /** Checked here before the handler; data entitlements are then checked by the use case itself. */
      readonly permission: Permission;
      /** Which request budget the call spends (file downloads have a stricter one). */
      readonly limit?: RequestKind | ((request: FastifyRequest) => RequestKind);
    };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export const SESSION_COOKIE = 'carbon_session';
/** Sent by the web hub on every state-changing request; a cross-site form cannot set it (CSRF defence). */
export const CSRF_HEADER = 'x-requested-with';
export const CSRF_VALUE = '254carbon';

export const contextOf = (request: FastifyRequest): RequestContext => ({
  ip: request.ip,
  requestId: request.id,
  userAgent: request.headers['user-agent'] ?? null,
});

const bearer = (request: FastifyRequest): string | null => {
  const header = request.headers.authorization;
  if (header === undefined) {
    const key = request.headers['x-api-key'];
    return typeof key === 'string' ? key.trim() : null;
  }
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) {
    throw new AppError('not_authenticated', 'Use "Authorization: Bearer <API key or token>".');
  }
  return match[1] as string;
};

/** Finds out who is calling: an API key or bearer token wins over a session cookie. */
const authenticate = async (deps: HttpDeps, request: FastifyRequest): Promise<Principal | null> => {
  const context = contextOf(request);
  const token = bearer(request);
  if (token !== null) {
    return looksLikeApiKey(token)
      ? deps.auth.fromApiKey(token, context)
      : deps.auth.fromBearer(token, context);
  }
  const session = request.cookies[SESSION_COOKIE];
  return session ? deps.auth.fromSession(session, context) : null;
};

const clearSessionCookie = (reply: FastifyReply): void => {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
};

/**
 * Authentication and the per-route access policy, for every route of the app (fastify-plugin lifts the hooks out
 * of the plugin's own scope).
 */
export const accessControl = fastifyPlugin<{ deps: HttpDeps }>((app, { deps }, done) => {
  app.decorateRequest('principal', null);
  // onRequest: refuse before the body is read or validated, so an anonymous caller learns nothing from a 400.
  app.addHook('onRequest', async (request, reply) => {
    if (request.is404) {
      return;
    }
    const access = request.routeOptions.config.access;
    if (access === undefined) {
      request.log.error(
        { route: request.routeOptions.url },
        'route has no access policy; refusing',
      );
      throw new AppError('not_entitled', 'This endpoint has no access policy and is closed.');
    }
    if (access.public === true) {
      return;
    }
    const context = contextOf(request);
    try {
      request.principal = await authenticate(deps, request);
    } catch (error) {
      if (request.cookies[SESSION_COOKIE]) {
        clearSessionCookie(reply);
      }
      throw error;
    }
    const principal = request.principal;
    const route = `${request.method} ${request.routeOptions.url ?? request.url}`;
    if (principal === null) {
      deps.access.recordDenial(null, 'route', route, context, 'not authenticated');
      throw new AppError(
        'not_authenticated',
        'Sign in, or send an API key (Authorization: Bearer c254_…) or an OIDC token.',
      );
    }
    if (
      principal.method === 'session' &&
      !['GET', 'HEAD', 'OPTIONS'].includes(request.method) &&
      request.headers[CSRF_HEADER] !== CSRF_VALUE
    ) {
      deps.access.recordDenial(principal, 'route', route, context, 'missing CSRF header');
      throw new AppError(
        'not_entitled',
        `Requests from the web hub must carry the ${CSRF_HEADER}: ${CSRF_VALUE} header.`,
      );
    }
    deps.access.requirePermission(principal, access.permission, route, context);
    const kind =
      typeof access.limit === 'function' ? access.limit(request) : (access.limit ?? 'general');
    await deps.limits.check(principal, kind, route, context);
  });
  done();
});
