import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuditVerification, MarketList, Problem } from '@254carbon/contracts';
import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDbDatabase } from '../../src/adapters/duckdb/duckdb-database.js';
import { LoopbackIssuer } from '../support/oidc-issuer.js';
import { pilotMarketFeeds } from '../support/pilot-markets.js';
import { createTestApp } from '../support/test-platform.js';

const NOW = Date.UTC(2026, 2, 9, 18, 0);
const NOW_S = NOW / 1000;
const AUDIENCE = '254carbon-api';
const DAY = 'start=2026-03-08T00:00:00Z&end=2026-03-09T00:00:00Z';

type App = Awaited<ReturnType<typeof createTestApp>>;
const body = <T>(response: { body: string }): T => JSON.parse(response.body) as T;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

let issuer: LoopbackIssuer;
let t: App;

beforeAll(async () => {
  issuer = await new LoopbackIssuer().start();
  t = await createTestApp({
    nowMs: NOW,
    days: 2,
    feeds: pilotMarketFeeds(),
    env: { CARBON_OIDC_ISSUER: issuer.url, CARBON_OIDC_AUDIENCE: AUDIENCE },
  });
});
afterAll(async () => {
  await t.close();
  await issuer.stop();
});

describe('OIDC bearer tokens', () => {
  const markets = (headers: Record<string, string>) =>
    t.app.inject({ method: 'GET', url: '/api/v1/markets', headers });

  it('accepts a token from the configured issuer and maps its claims to tenant and roles (API channel)', async () => {
    const token = await issuer.token(
      { sub: 'alice', tenant: 'pilot_miso', roles: ['analyst'] },
      { nowS: NOW_S, audience: AUDIENCE },
    );
    const response = await markets(bearer(token));
    expect(response.statusCode).toBe(200);
    expect(body<MarketList>(response).data.map((m) => m.id)).toEqual(['MISO']);
    const me = body<{ actor: string; channel: string; roles: string[] }>(
      await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer(token) }),
    );
    expect(me).toMatchObject({
      actor: `oidc:${issuer.url}#alice`,
      channel: 'api',
      roles: ['analyst'],
    });
  });

  it('reads Keycloak realm roles and falls back to viewer', async () => {
    const keycloak = await issuer.token(
      { sub: 'kc', tenant: 'pilot_miso', realm_access: { roles: ['admin', 'offline_access'] } },
      { nowS: NOW_S, audience: AUDIENCE },
    );
    expect(
      body<{ roles: string[] }>(
        await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer(keycloak) }),
      ).roles,
    ).toEqual(['admin']);
    const none = await issuer.token(
      { sub: 'bob', tenant: 'pilot_miso' },
      { nowS: NOW_S, audience: AUDIENCE },
    );
    expect(
      body<{ roles: string[] }>(
        await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer(none) }),
      ).roles,
    ).toEqual(['viewer']);
  });

  it('refuses forged, expired, wrong-audience, wrong-issuer, unsigned and tenant-less tokens with 401', async () => {
    const attacker = await generateKeyPair('ES256');
    const cases: [string, string][] = [
      [
        'forged',
        await issuer.token(
          { sub: 'eve', tenant: 'pilot_miso', roles: ['admin'] },
          { nowS: NOW_S, audience: AUDIENCE, withKey: attacker.privateKey },
        ),
      ],
      [
        'expired',
        await issuer.token(
          { sub: 'alice', tenant: 'pilot_miso' },
          { nowS: NOW_S - 7200, audience: AUDIENCE, expiresInS: 3600 },
        ),
      ],
      [
        'wrong audience',
        await issuer.token(
          { sub: 'alice', tenant: 'pilot_miso' },
          { nowS: NOW_S, audience: 'another-api' },
        ),
      ],
      [
        'wrong issuer',
        await issuer.token(
          { sub: 'alice', tenant: 'pilot_miso' },
          { nowS: NOW_S, audience: AUDIENCE, issuer: 'https://evil.example' },
        ),
      ],
      [
        'unknown tenant',
        await issuer.token({ sub: 'alice', tenant: 'acme' }, { nowS: NOW_S, audience: AUDIENCE }),
      ],
      ['no tenant', await issuer.token({ sub: 'alice' }, { nowS: NOW_S, audience: AUDIENCE })],
      [
        'HS256',
        await new SignJWT({ sub: 'alice', tenant: 'pilot_miso' })
          .setProtectedHeader({ alg: 'HS256' })
          .setIssuer(issuer.url)
          .setAudience(AUDIENCE)
          .setExpirationTime(NOW_S + 60)
          .sign(new TextEncoder().encode('secret')),
      ],
      [
        'alg none',
        `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 'a', tenant: 'pilot_miso', iss: issuer.url, aud: AUDIENCE, exp: NOW_S + 60 })).toString('base64url')}.`,
      ],
      ['garbage', 'not-a-jwt'],
    ];
    for (const [name, token] of cases) {
      const response = await markets(bearer(token));
      expect(response.statusCode, name).toBe(401);
      expect(response.headers['www-authenticate'], name).toBe('Bearer realm="254carbon"');
      expect(body<Problem>(response).code, name).toBe('not_authenticated');
    }
    await t.platform.audit.flush();
    const failures = await t.platform.audit.list(
      { action: 'auth.oidc', result: 'failure' },
      { limit: 50 },
    );
    expect(failures.items.length).toBeGreaterThanOrEqual(cases.length);
  });
});

describe('sessions', () => {
  const admin = () => t.created.find((c) => c.tenantId === 'operator');
  const login = (password: string, remoteAddress = '10.0.0.1') =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin', password },
      remoteAddress,
    });

  it('refuses a tampered or ended session cookie and clears it', async () => {
    const response = await login(admin()?.password ?? '');
    const cookie = ([response.headers['set-cookie']].flat()[0] ?? '').split(';')[0] ?? '';
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } }))
        .statusCode,
    ).toBe(200);
    const tampered = `${cookie.slice(0, -2)}${cookie.endsWith('A') ? 'BB' : 'AA'}`;
    const refused = await t.app.inject({
      method: 'GET',
      url: '/api/v1/markets',
      headers: { cookie: tampered },
    });
    expect(refused.statusCode).toBe(401);
    expect(String(refused.headers['set-cookie'])).toMatch(
      /carbon_session=;.*Expires=Thu, 01 Jan 1970/,
    );
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } });
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/markets', headers: { cookie } }))
        .statusCode,
    ).toBe(401);
  });

  it('needs the CSRF header for changes made with a session', async () => {
    const cookie =
      (
        [(await login(admin()?.password ?? '', '10.0.0.2')).headers['set-cookie']].flat()[0] ?? ''
      ).split(';')[0] ?? '';
    const create = (headers: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/admin/api-keys',
        headers: { cookie, ...headers },
        payload: { name: 'from the hub' },
      });
    const forged = await create({});
    expect(forged.statusCode).toBe(403);
    expect(body<Problem>(forged).detail).toContain('x-requested-with');
    expect((await create({ 'x-requested-with': '254carbon' })).statusCode).toBe(201);
  });

  it('throttles brute-force logins per username and address, even for the right password', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await login('wrong-password-123', '10.9.9.9')).statusCode).toBe(401);
    }
    const blocked = await login(admin()?.password ?? '', '10.9.9.9');
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(60);
    expect((await login(admin()?.password ?? '', '10.9.9.10')).statusCode).toBe(200);
  });
});

describe('tenant isolation (no IDOR)', () => {
  let misoAdminKey: string;
  let caisoUserId: string;
  let caisoKeyId: string;
  let caisoGrantId: string;

  beforeAll(async () => {
    const { principal, context } = t.platform.caller;
    await t.platform.admin.createUser(
      principal,
      {
        tenantId: 'pilot_miso',
        username: 'boss@pilot-miso.example',
        roles: ['admin'],
        password: 'correct horse battery staple',
      },
      context,
    );
    misoAdminKey = (
      await t.platform.admin.createApiKey(
        principal,
        { tenantId: 'pilot_miso', name: 'boss key', roles: ['admin'] },
        context,
      )
    ).key;
    caisoUserId =
      (await t.platform.admin.listUsers(principal, { tenantId: 'pilot_caiso' }, context)).items[0]
        ?.id ?? '';
    caisoKeyId = (
      await t.platform.admin.createApiKey(
        principal,
        { tenantId: 'pilot_caiso', name: 'caiso key' },
        context,
      )
    ).record.id;
    caisoGrantId =
      (await t.platform.grants.listEntitlements(principal, { tenantId: 'pilot_caiso' }, context))[0]
        ?.id ?? '';
  });

  const as = (method: 'GET' | 'PATCH' | 'DELETE' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: bearer(misoAdminKey), ...(payload ? { payload } : {}) });

  it("answers another tenant's resource ids as not found", async () => {
    expect((await as('GET', '/api/v1/admin/users?tenantId=pilot_caiso')).statusCode).toBe(404);
    expect(
      (await as('PATCH', `/api/v1/admin/users/${caisoUserId}`, { status: 'disabled' })).statusCode,
    ).toBe(404);
    expect(
      (
        await as('PUT', `/api/v1/admin/users/${caisoUserId}/password`, {
          password: 'another long password',
        })
      ).statusCode,
    ).toBe(404);
    expect((await as('DELETE', `/api/v1/admin/api-keys/${caisoKeyId}`)).statusCode).toBe(404);
    expect((await as('GET', `/api/v1/admin/entitlements/${caisoGrantId}/seats`)).statusCode).toBe(
      404,
    );
    expect(
      body<{ data: unknown[] }>(await as('GET', '/api/v1/admin/entitlements?tenantId=pilot_caiso'))
        .data,
    ).toEqual([]);
    const users = body<{ data: { tenantId: string }[] }>(
      await as('GET', '/api/v1/admin/users'),
    ).data;
    expect(new Set(users.map((u) => u.tenantId))).toEqual(new Set(['pilot_miso']));
    const audit = body<{ data: { tenantId: string | null }[] }>(
      await as('GET', '/api/v1/admin/audit?tenantId=pilot_caiso&limit=100'),
    ).data;
    expect(audit.every((r) => r.tenantId === 'pilot_miso')).toBe(true);
  });

  it('keeps tenant admins out of platform administration', async () => {
    expect(
      (
        await as('POST', '/api/v1/admin/entitlements', {
          tenantId: 'pilot_miso',
          market: 'CAISO',
          product: 'lmp',
          channels: ['api'],
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await as('POST', '/api/v1/admin/tenants', { id: 'mine', name: 'Mine' })).statusCode,
    ).toBe(403);
    expect((await as('POST', '/api/v1/admin/audit/verify')).statusCode).toBe(403);
    expect(
      (await as('POST', '/api/v1/admin/api-keys', { name: 'x', tenantId: 'pilot_caiso' }))
        .statusCode,
    ).toBe(404);
  });

  it('revokes an API key at once', async () => {
    const { principal, context } = t.platform.caller;
    const created = await t.platform.admin.createApiKey(
      principal,
      { tenantId: 'pilot_miso', name: 'short-lived' },
      context,
    );
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/markets', headers: bearer(created.key) }))
        .statusCode,
    ).toBe(200);
    expect((await as('DELETE', `/api/v1/admin/api-keys/${created.record.id}`)).statusCode).toBe(
      200,
    );
    const after = await t.app.inject({
      method: 'GET',
      url: '/api/v1/markets',
      headers: bearer(created.key),
    });
    expect(after.statusCode).toBe(401);
    expect(body<Problem>(after).detail).toContain('revoked');
  });
});

describe('injection strings in every filter parameter', () => {
  const payloads = [
    "' OR '1'='1",
    "'; DROP TABLE price_observations; --",
    "SIM.HUB_NORTH' UNION SELECT * FROM users --",
    "%' --",
    "\\'; --",
    ') OR 1=1 --',
  ];
  const routes: [string, string[]][] = [
    [
      `/api/v1/prices?${DAY}&instruments=SIM.HUB_NORTH`,
      ['instruments', 'start', 'end', 'runs', 'resample', 'agg', 'tz', 'format'],
    ],
    ['/api/v1/prices/latest?market=SIM', ['market', 'instruments', 'runs']],
    ['/api/v1/instruments?market=SIM', ['market', 'kind', 'q', 'cursor']],
    ['/api/v1/jobs/runs?limit=5', ['job', 'status', 'cursor']],
    ['/api/v1/admin/users?limit=5', ['tenantId', 'cursor']],
    ['/api/v1/admin/audit?limit=5', ['tenantId', 'actor', 'action', 'result', 'cursor']],
  ];

  it('answers with a client error or an empty result, never a server error or someone else’s data', async () => {
    const key = t.adminKey;
    const problems: string[] = [];
    for (const [base, params] of routes) {
      for (const param of params) {
        for (const payload of payloads) {
          const url = new URL(`http://x${base}`);
          url.searchParams.set(param, payload);
          const response = await t.app.inject({
            method: 'GET',
            url: `${url.pathname}${url.search}`,
            headers: bearer(key),
          });
          const ok =
            [400, 403, 404].includes(response.statusCode) ||
            (response.statusCode === 200 && /"data":\[\]/.test(response.body));
          if (!ok) {
            problems.push(
              `${base} ${param}=${payload} → ${response.statusCode} ${response.body.slice(0, 100)}`,
            );
          }
        }
      }
    }
    expect(problems).toEqual([]);
    // Nothing was dropped or changed.
    const prices = await t.app.inject({
      method: 'GET',
      url: `/api/v1/prices?instruments=SIM.HUB_NORTH&${DAY}&runs=DA`,
      headers: bearer(key),
    });
    expect(body<{ data: unknown[] }>(prices).data).toHaveLength(24);
  });
});

describe('rate limits', () => {
  it('answers 429 with Retry-After past the per-key budget, and has a stricter one for downloads', async () => {
    const limited = await createTestApp({
      nowMs: NOW,
      days: 1,
      env: {
        CARBON_RATE_LIMIT_ACTOR: '5',
        CARBON_RATE_LIMIT_EXPORTS: '2',
        CARBON_SIM_BACKFILL_DAYS: '1',
      },
    });
    try {
      const get = (url: string) =>
        limited.app.inject({ method: 'GET', url, headers: bearer(limited.adminKey) });
      const csv = `/api/v1/prices?instruments=SIM.HUB_NORTH&${DAY}&runs=DA&format=csv`;
      expect((await get(csv)).statusCode).toBe(200);
      expect((await get(csv)).statusCode).toBe(200);
      const third = await get(csv);
      expect(third.statusCode).toBe(429);
      expect(body<Problem>(third).detail).toContain('file downloads');
      expect((await get('/api/v1/markets')).statusCode).toBe(200);
      expect((await get('/api/v1/markets')).statusCode).toBe(200);
      const over = await get('/api/v1/markets');
      expect(over.statusCode).toBe(429);
      expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
      expect(body<Problem>(over).code).toBe('rate_limited');
    } finally {
      await limited.close();
    }
  });
});

describe('audit verification through the API', () => {
  it('detects a modified record in the stored trail', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'carbon-audit-'));
    const file = join(dir, 'store.duckdb');
    try {
      const first = await createTestApp({ nowMs: NOW, days: 1, env: { CARBON_DUCKDB_FILE: file } });
      const verify = (app: App, key: string) =>
        app.app.inject({ method: 'POST', url: '/api/v1/admin/audit/verify', headers: bearer(key) });
      const ok = body<AuditVerification>(await verify(first, first.adminKey));
      expect(ok).toMatchObject({ ok: true, problems: [] });
      expect(ok.checked).toBeGreaterThan(3);
      const key = first.adminKey;
      await first.close();

      const db = await DuckDbDatabase.open({ file, threads: 1, memoryLimit: null });
      await db.write(({ connection }) =>
        connection.run("UPDATE audit_log SET result = 'denied' WHERE seq = 2"),
      );
      await db.close();

      const second = await createTestApp({
        nowMs: NOW,
        days: 1,
        env: { CARBON_DUCKDB_FILE: file },
        adminKey: key,
      });
      const report = body<AuditVerification>(await verify(second, key));
      expect(report.ok).toBe(false);
      expect(report.problems).toEqual([
        { seq: 2, problem: 'edited', detail: 'its content does not match its hash' },
      ]);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
