import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createHttpApp, type HttpApp, type RouteEntry } from './http/app.js';
import type { HttpDeps } from './http/http-deps.js';
import type { Config } from './platform/config.js';

/** What the HTTP app takes from a platform: its use cases and the settings the app needs. */
type PlatformForHttp = Omit<HttpDeps, 'session' | 'version' | 'webDir' | 'graphql'> & {
  readonly config: Config;
};

export const VERSION: string = (() => {
  const file = fileURLToPath(new URL('../package.json', import.meta.url));
  return existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version
    : '0.0.0';
})();

/** The built web hub shipped next to the server (web/dist), unless configured elsewhere. */
export const defaultWebDir = (): string | null => {
  const dir = fileURLToPath(new URL('../../web/dist', import.meta.url));
  return existsSync(dir) ? dir : null;
};

/** The HTTP app over a platform's use cases. */
export const httpAppFor = (
  platform: PlatformForHttp,
  webDir: string | null,
): Promise<{ app: HttpApp; routes: readonly RouteEntry[] }> =>
  createHttpApp({
    catalog: platform.catalog,
    prices: platform.prices,
    jobs: platform.jobs,
    quality: platform.quality,
    curves: platform.curves,
    exports: platform.exports,
    exportSchedules: platform.exportSchedules,
    stream: platform.stream,
    reports: platform.reports,
    readiness: platform.readiness,
    auth: platform.auth,
    access: platform.access,
    admin: platform.admin,
    grants: platform.grants,
    audit: platform.audit,
    limits: platform.limits,
    session: {
      secureCookie: platform.config.auth.cookieSecure,
      ttlMs: platform.config.auth.sessionTtlMs,
    },
    metrics: platform.metrics,
    logger: platform.logger,
    version: VERSION,
    webDir,
    graphql: platform.config.api.graphql,
  });
