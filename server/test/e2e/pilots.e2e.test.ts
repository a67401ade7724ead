import type {
  InstrumentPage,
  LatestPriceResponse,
  MarketList,
  Me,
  PriceResponse,
  Problem,
} from '@254carbon/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pilotMarketFeeds } from '../support/pilot-markets.js';
import { createTestApp } from '../support/test-platform.js';

/**
 * Acceptance for the two pilots of the original system: pilot_caiso may use three CAISO hubs through the hub and
 * downloads only (no API); pilot_miso has all of MISO through every channel.
 */
const NOW = Date.UTC(2026, 2, 9, 18, 0);
const DAY = 'start=2026-03-08T00:00:00Z&end=2026-03-09T00:00:00Z';
const SP15 = 'CAISO.TH_SP15_GEN-APND';

let t: Awaited<ReturnType<typeof createTestApp>>;
const cookies: Record<string, string> = {};
const keys: Record<string, string> = {};

type Caller = { cookie: string } | { key: string };
const get = (caller: Caller, url: string) =>
  t.app.inject({
    method: 'GET',
    url,
    headers:
      'cookie' in caller ? { cookie: caller.cookie } : { authorization: `Bearer ${caller.key}` },
  });
const body = <T>(response: { body: string }): T => JSON.parse(response.body) as T;

const login = async (username: string, password: string): Promise<string> => {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
  });
  expect(response.statusCode).toBe(200);
  const cookie = [response.headers['set-cookie']].flat()[0] ?? '';
  expect(cookie).toMatch(/^carbon_session=[\w-]+; .*HttpOnly/);
  expect(cookie).toContain('SameSite=Strict');
  return cookie.split(';')[0] as string;
};

beforeAll(async () => {
  t = await createTestApp({ nowMs: NOW, days: 2, feeds: pilotMarketFeeds() });
  const { principal, context } = t.platform.caller;
  for (const tenant of ['pilot_caiso', 'pilot_miso']) {
    const user = t.created.find((c) => c.tenantId === tenant);
    cookies[tenant] = await login(user?.username ?? '', user?.password ?? '');
    keys[tenant] = (
      await t.platform.admin.createApiKey(
        principal,
        { tenantId: tenant, name: 'script', roles: ['analyst'] },
        context,
      )
    ).key;
  }
});
afterAll(async () => {
  await t.close();
});

describe('pilot_caiso (CAISO hubs; hub and downloads; no API)', () => {
  const hub = (): Caller => ({ cookie: cookies.pilot_caiso ?? '' });

  it('tells the hub what the signed-in analyst may see and download', async () => {
    const me = body<Me>(await get(hub(), '/api/v1/auth/me'));
    expect(me).toMatchObject({
      tenantId: 'pilot_caiso',
      channel: 'hub',
      roles: ['analyst'],
      markets: ['CAISO'],
      downloadMarkets: ['CAISO'],
    });
    expect(me.permissions).toContain('data:export');
    expect(me.permissions).not.toContain('platform:tenants');
    // The same tenant's API key: no API grant, so nothing to see or download through it.
    expect(body<Me>(await get({ key: keys.pilot_caiso ?? '' }, '/api/v1/auth/me'))).toMatchObject({
      channel: 'api',
      markets: [],
      downloadMarkets: [],
    });
  });

  it('sees CAISO and only its three hubs in the hub', async () => {
    expect(body<MarketList>(await get(hub(), '/api/v1/markets')).data.map((m) => m.id)).toEqual([
      'CAISO',
    ]);
    expect(
      body<InstrumentPage>(await get(hub(), '/api/v1/instruments')).data.map((i) => i.id),
    ).toEqual(['CAISO.TH_NP15_GEN-APND', 'CAISO.TH_SP15_GEN-APND', 'CAISO.TH_ZP26_GEN-APND']);
    expect(
      body<InstrumentPage>(await get(hub(), '/api/v1/instruments?market=CAISO&kind=node')).data,
    ).toEqual([]);
    expect(body<InstrumentPage>(await get(hub(), '/api/v1/instruments?q=ALAMT')).data).toEqual([]);
    expect((await get(hub(), '/api/v1/instruments/CAISO.ALAMT1G_7_B1')).statusCode).toBe(404);
    expect((await get(hub(), '/api/v1/markets/MISO')).statusCode).toBe(404);
  });

  it('reads and downloads CAISO hub prices', async () => {
    const prices = await get(hub(), `/api/v1/prices?instruments=${SP15}&${DAY}`);
    expect(prices.statusCode).toBe(200);
    expect(body<PriceResponse>(prices).data).toHaveLength(24);
    const csv = await get(hub(), `/api/v1/prices?instruments=${SP15}&${DAY}&format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body.split('\n')[1]).toMatch(
      /^CAISO\.TH_SP15_GEN-APND,DA,2026-03-08T00:00:00\.000Z,60,/,
    );
  });

  it('never sees a CAISO node or MISO or SIM data', async () => {
    for (const instrument of [
      'CAISO.ALAMT1G_7_B1',
      'CAISO.DLAP_PGAE-APND',
      'MISO.INDIANA.HUB',
      'SIM.HUB_NORTH',
    ]) {
      const response = await get(hub(), `/api/v1/prices?instruments=${instrument}&${DAY}`);
      expect(response.statusCode).toBe(403);
      expect(body<Problem>(response).detail).toContain(instrument);
    }
    const mixed = await get(hub(), `/api/v1/prices?instruments=${SP15},CAISO.ALAMT1G_7_B1&${DAY}`);
    expect(mixed.statusCode).toBe(403);
    expect(mixed.body).not.toContain('"lmp"');
    const latest = body<LatestPriceResponse>(
      await get(hub(), '/api/v1/prices/latest?market=CAISO'),
    ).data;
    expect(new Set(latest.map((r) => r.instrument))).toEqual(
      new Set(['CAISO.TH_NP15_GEN-APND', SP15, 'CAISO.TH_ZP26_GEN-APND']),
    );
    expect((await get(hub(), '/api/v1/prices/latest?market=MISO')).statusCode).toBe(404);
    expect((await get(hub(), '/api/v1/jobs')).statusCode).toBe(403);
  });

  it('gets 403 through an API key, for every data endpoint', async () => {
    const api: Caller = { key: keys.pilot_caiso ?? '' };
    for (const url of [
      '/api/v1/markets',
      '/api/v1/instruments',
      `/api/v1/prices?instruments=${SP15}&${DAY}`,
      '/api/v1/prices/latest',
    ]) {
      const response = await get(api, url);
      expect(response.statusCode, url).toBe(403);
      expect(body<Problem>(response).detail).toContain('api channel');
    }
  });
});

describe('pilot_miso (all of MISO by every channel)', () => {
  it('gets every MISO instrument through the hub, the API and downloads', async () => {
    for (const caller of [
      { cookie: cookies.pilot_miso ?? '' },
      { key: keys.pilot_miso ?? '' },
    ] as Caller[]) {
      expect(body<MarketList>(await get(caller, '/api/v1/markets')).data.map((m) => m.id)).toEqual([
        'MISO',
      ]);
      expect(body<InstrumentPage>(await get(caller, '/api/v1/instruments')).data).toHaveLength(3);
      const prices = await get(
        caller,
        `/api/v1/prices?instruments=MISO.INDIANA.HUB,MISO.AMIL.BGS6&${DAY}`,
      );
      expect(prices.statusCode).toBe(200);
      expect(body<PriceResponse>(prices).data).toHaveLength(48);
      expect(
        (await get(caller, `/api/v1/prices?instruments=MISO.AMIL.BGS6&${DAY}&format=csv`))
          .statusCode,
      ).toBe(200);
      expect((await get(caller, `/api/v1/prices?instruments=${SP15}&${DAY}`)).statusCode).toBe(403);
    }
  });
});

describe('seats and the audit trail', () => {
  it('gives pilot_miso five named seats, then refuses a sixth caller until one is released', async () => {
    const { principal, context } = t.platform.caller;
    const url = `/api/v1/prices?instruments=MISO.INDIANA.HUB&${DAY}`;
    const extra: string[] = [];
    for (let i = 0; i < 4; i++) {
      extra.push(
        (
          await t.platform.admin.createApiKey(
            principal,
            { tenantId: 'pilot_miso', name: `desk ${i}` },
            context,
          )
        ).key,
      );
    }
    // Seats held so far: the trader (session) and the script key; three more keys fill the five.
    for (const key of extra.slice(0, 3)) {
      expect((await get({ key }, url)).statusCode).toBe(200);
    }
    const sixth = await get({ key: extra[3] ?? '' }, url);
    expect(sixth.statusCode).toBe(403);
    expect(body<Problem>(sixth).detail).toContain('all 5 seats');
    const grant = (
      await t.platform.grants.listEntitlements(principal, { tenantId: 'pilot_miso' }, context)
    )[0];
    await t.platform.grants.releaseSeat(
      principal,
      grant?.id ?? '',
      `key:${(extra[0] ?? '').slice(5, 21)}`,
      context,
    );
    expect((await get({ key: extra[3] ?? '' }, url)).statusCode).toBe(200);
    // The released caller held a seat a moment ago; it must not keep reading on a remembered seat.
    expect((await get({ key: extra[0] ?? '' }, url)).statusCode).toBe(403);
  });

  it('records data access and refusals with who, tenant, action, result, ip and request id', async () => {
    await t.platform.audit.flush();
    const denied = await t.platform.audit.list(
      { tenantId: 'pilot_caiso', result: 'denied' },
      { limit: 100 },
    );
    expect(
      denied.items.some((r) => r.action === 'prices.read' && r.resourceId === 'MISO.INDIANA.HUB'),
    ).toBe(true);
    const read = await t.platform.audit.list(
      { tenantId: 'pilot_caiso', action: 'prices.read', result: 'success' },
      { limit: 100 },
    );
    expect(read.items[0]).toMatchObject({
      resourceId: SP15,
      ip: '127.0.0.1',
      details: expect.objectContaining({ channel: 'hub' }),
    });
    expect(read.items[0]?.requestId).toBeTruthy();
    const logins = await t.platform.audit.list(
      { action: 'auth.login', result: 'success' },
      { limit: 10 },
    );
    expect(logins.items.map((r) => r.tenantId).sort()).toEqual(['pilot_caiso', 'pilot_miso']);
    expect((await t.platform.audit.verify()).ok).toBe(true);
  });
});
