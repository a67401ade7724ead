import { LoginRequest, Me, Problem } from '@254carbon/contracts';
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { AppError } from '../../platform/errors.js';
import { contextOf, SESSION_COOKIE } from '../access-control.js';
import type { HttpDeps } from '../http-deps.js';

/** Sign-in for the web hub (session cookie), sign-out, and "who am I". */
export const authRoutes =
  (deps: HttpDeps): FastifyPluginCallbackTypebox =>
  (app, _options, done) => {
    app.post(
      '/auth/login',
      {
        config: { access: { public: true } },
        schema: {
          tags: ['access'],
          summary:
            'Sign in with a username and password; sets an HTTP-only session cookie for the web hub',
          body: LoginRequest,
          response: { 200: Me, 400: Problem, 401: Problem, 429: Problem },
        },
      },
      async (request, reply) => {
        const { token, principal, expiresAtMs } = await deps.auth.login(
          request.body.username,
          request.body.password,
          contextOf(request),
        );
        reply.setCookie(SESSION_COOKIE, token, {
          path: '/',
          httpOnly: true,
          sameSite: 'strict',
          secure: deps.session.secureCookie,
          expires: new Date(expiresAtMs),
        });
        return deps.access.describe(principal);
      },
    );

    app.post(
      '/auth/logout',
      {
        config: { access: { public: true } },
        schema: {
          tags: ['access'],
          summary: 'Sign out: ends the session and clears its cookie',
          response: { 204: { type: 'null' } },
        },
      },
      async (request, reply) => {
        const token = request.cookies[SESSION_COOKIE];
        if (token) {
          await deps.auth.logout(token, contextOf(request));
        }
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/auth/me',
      {
        config: { access: { permission: 'account:self' } },
        schema: {
          tags: ['access'],
          summary: 'The caller: tenant, roles, permissions and visible markets',
          response: { 200: Me, 401: Problem },
        },
      },
      async (request) => {
        if (!request.principal) {
          throw new AppError('not_authenticated', 'Not signed in.');
        }
        return deps.access.describe(request.principal);
      },
    );
    done();
  };
