import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pilotMarketFeeds } from '../support/pilot-markets.js';
import { createTestApp } from '../support/test-platform.js';

/**
 * Every registered route is refused to an anonymous caller (401) and to a signed-in caller whose organisation has
 * no entitlements and who holds only the viewer role (403), unless it is deliberately public or self-service.
 * A route added without an access policy fails here, because the server refuses it with 403 even anonymously.
 */
const PUBLIC = new Set([
  'GET /healthz',
  'HEAD /healthz',
  'GET /readyz',
  'HEAD /readyz',
  'GET /metrics',
  'HEAD /metrics',
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/logout',
]);
const PUBLIC_PREFIXES = ['/docs'];

/** Routes any signed-in caller may use about themselves, with what an unentitled viewer gets. */
const SELF_SERVICE: Record<string, number> = {
  'GET /api/v1/auth/me': 200,
  'HEAD /api/v1/auth/me': 200,
};

const NOW = Date.UTC(2026, 2, 9, 18, 0);
let t: Awaited<ReturnType<typeof createTestApp>>;
let viewerKey: string;

beforeAll(async () => {
  t = await createTestApp({ nowMs: NOW, days: 1, feeds: pilotMarketFeeds() });
  const { principal, context } = t.platform.caller;
  await t.platform.admin.createTenant(
    principal,
    { id: 'nobody', name: 'No entitlements' },
    context,
  );
  viewerKey = (
    await t.platform.admin.createApiKey(
      principal,
      { tenantId: 'nobody', name: 'probe', roles: ['viewer'] },
      context,
    )
  ).key;
});
afterAll(async () => {
  await t.close();
});

const isPublic = (key: string, url: string): boolean =>
  PUBLIC.has(key) || PUBLIC_PREFIXES.some((p) => url.startsWith(p));

describe('route table', () => {
  it('lists the routes under test', () => {
    const keys = t.routes.map((r) => `${r.method} ${r.url}`);
    // A sanity floor so a broken enumeration cannot make every other assertion vacuous.
    expect(keys).toEqual(
      expect.arrayContaining([
        'GET /api/v1/prices',
        'GET /api/v1/instruments',
        'POST /api/v1/admin/entitlements',
        'GET /api/v1/jobs/runs',
      ]),
    );
    expect(keys.length).toBeGreaterThan(30);
  });

  it('declares an access policy on every route', () => {
    expect(t.routes.filter((r) => r.access === null).map((r) => `${r.method} ${r.url}`)).toEqual(
      [],
    );
  });

  it('refuses anonymous callers on every non-public route', async () => {
    const failures: string[] = [];
    for (const route of t.routes) {
      const key = `${route.method} ${route.url}`;
      if (isPublic(key, route.url)) {
        continue;
      }
      const url = route.url.replace(/:[^/]+/g, 'x').replace('*', 'x');
      const response = await t.app.inject({
        method: route.method as 'GET',
        url,
        ...(['POST', 'PUT', 'PATCH'].includes(route.method) ? { payload: {} } : {}),
      });
      if (response.statusCode !== 401) {
        failures.push(`${key} → ${response.statusCode}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('refuses a signed-in caller without entitlements or admin roles on every other route', async () => {
    const failures: string[] = [];
    for (const route of t.routes) {
      const key = `${route.method} ${route.url}`;
      if (isPublic(key, route.url)) {
        continue;
      }
      const url = route.url.replace(/:[^/]+/g, 'x').replace('*', 'x');
      const response = await t.app.inject({
        method: route.method as 'GET',
        url:
          url === '/api/v1/prices'
            ? `${url}?instruments=SIM.HUB_NORTH&start=2026-03-08&end=2026-03-09`
            : url,
        headers: { authorization: `Bearer ${viewerKey}` },
        ...(['POST', 'PUT', 'PATCH'].includes(route.method)
          ? { payload: key.endsWith('/password') ? { password: 'a-long-enough-password' } : {} }
          : {}),
      });
      const expected = SELF_SERVICE[key] ?? 403;
      if (response.statusCode !== expected) {
        failures.push(
          `${key} → ${response.statusCode} (expected ${expected}): ${response.body.slice(0, 120)}`,
        );
      }
    }
    expect(failures).toEqual([]);
  });

  it('records the refusals in the audit trail', async () => {
    const denied = await t.platform.audit.list(
      { tenantId: 'nobody', result: 'denied' },
      { limit: 500 },
    );
    expect(denied.items.length).toBeGreaterThan(10);
    expect(denied.items.every((r) => r.actor.startsWith('key:'))).toBe(true);
  });
});
