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
  // The signed link is the credential; exports.e2e.test.ts proves a missing, tampered or expired one is a 403.
  'GET /api/v1/exports/:id/download',
  'HEAD /api/v1/exports/:id/download',
]);
const PUBLIC_PREFIXES = ['/docs'];

/** Routes any signed-in caller may use about themselves, with what an unentitled viewer gets. */
const SELF_SERVICE: Record<string, number> = {
  'GET /api/v1/auth/me': 200,
  'HEAD /api/v1/auth/me': 200,
};

/** GraphQL answers a request without a query with 400; probe it with a data field instead. */
const GRAPHQL_PROBE = '{ markets { id } }';

/** One query per GraphQL data field; an unentitled viewer must be refused each (checked to cover every field). */
const GRAPHQL_FIELD_PROBES: Record<string, string> = {
  markets: '{ markets { id } }',
  market: '{ market(id: "SIM") { id } }',
  instruments: '{ instruments { data { id } } }',
  instrument: '{ instrument(id: "SIM.HUB_NORTH") { id } }',
  prices:
    '{ prices(instruments: ["SIM.HUB_NORTH"], start: "2026-03-08", end: "2026-03-09") { meta { rowCount } } }',
  latestPrices: '{ latestPrices { lmp } }',
  curves: '{ curves { id } }',
  curve: '{ curve(id: "SIM-HUB-POWER") { id } }',
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
        'POST /graphql',
        'GET /graphql',
        'GET /api/v1/stream',
        'GET /api/v1/stream/sse',
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
            : url === '/graphql' && route.method !== 'POST'
              ? `${url}?query=${encodeURIComponent(GRAPHQL_PROBE)}`
              : url,
        headers: { authorization: `Bearer ${viewerKey}` },
        ...(['POST', 'PUT', 'PATCH'].includes(route.method)
          ? {
              payload: key.endsWith('/password')
                ? { password: 'a-long-enough-password' }
                : url === '/graphql'
                  ? { query: GRAPHQL_PROBE }
                  : url === '/api/v1/reports'
                    ? { market: 'SIM', kind: 'daily', period: '2026-03-08' }
                    : {},
            }
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

  it('refuses every GraphQL data field to anonymous callers and unentitled viewers', async () => {
    const ask = async (query: string, key: string | null) => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/graphql',
        headers: key === null ? {} : { authorization: `Bearer ${key}` },
        payload: { query },
      });
      const body = response.json<{ data: unknown; errors?: { extensions: { code: string } }[] }>();
      return {
        status: response.statusCode,
        data: body.data,
        code: body.errors?.[0]?.extensions.code,
      };
    };
    const schema = await ask('{ __schema { queryType { fields { name } } } }', t.adminKey);
    const fields = (
      schema.data as { __schema: { queryType: { fields: { name: string }[] } } }
    ).__schema.queryType.fields.map((f) => f.name);
    expect(Object.keys(GRAPHQL_FIELD_PROBES).sort()).toEqual([...fields].sort());
    for (const [field, query] of Object.entries(GRAPHQL_FIELD_PROBES)) {
      expect(await ask(query, null), field).toEqual({
        status: 401,
        data: null,
        code: 'not_authenticated',
      });
      expect(await ask(query, viewerKey), field).toEqual({
        status: 403,
        data: null,
        code: 'not_entitled',
      });
    }
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
