import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Entitlement } from '../../src/domain/access/entitlement.js';
import type { IdentityStore, UserAccount } from '../../src/ports/identity-store.js';

export interface IdentityStoreHarness {
  readonly store: IdentityStore;
  close(): Promise<void>;
}

const T0 = Date.UTC(2026, 0, 1);

const user = (id: string, tenantId: string, username: string): UserAccount => ({
  id,
  tenantId,
  username,
  displayName: username,
  roles: ['viewer'],
  passwordHash: 'scrypt$hash',
  status: 'active',
  createdAtMs: T0,
  lastLoginAtMs: null,
});

const grant = (id: string, tenantId: string, extra: Partial<Entitlement> = {}): Entitlement => ({
  id,
  tenantId,
  market: 'CAISO',
  product: 'lmp',
  channels: ['hub', 'downloads'],
  instruments: ['CAISO.TH_SP15_GEN-APND', 'CAISO.TH_NP15_GEN-APND'],
  dataFromMs: null,
  dataToMs: null,
  seats: 3,
  ...extra,
});

/** The behaviour every IdentityStore must have (DuckDB always; PostgreSQL in CI). */
export const describeIdentityStore = (
  name: string,
  open: () => Promise<IdentityStoreHarness>,
): void => {
  describe(`IdentityStore contract: ${name}`, () => {
    let h: IdentityStoreHarness;
    let store: IdentityStore;
    beforeEach(async () => {
      h = await open();
      store = h.store;
      await store.createTenant({
        id: 'pilot_caiso',
        name: 'CAISO pilot',
        status: 'active',
        createdAtMs: T0,
      });
      await store.createTenant({
        id: 'pilot_miso',
        name: 'MISO pilot',
        status: 'active',
        createdAtMs: T0,
      });
    });
    afterEach(async () => {
      await h.close();
    });

    it('keeps tenants and updates them', async () => {
      expect((await store.listTenants()).map((t) => t.id)).toEqual(['pilot_caiso', 'pilot_miso']);
      expect(await store.updateTenant('pilot_caiso', { status: 'suspended' })).toMatchObject({
        status: 'suspended',
        name: 'CAISO pilot',
      });
      expect(await store.getTenant('nope')).toBeNull();
      await expect(
        store.createTenant({ id: 'pilot_miso', name: 'again', status: 'active', createdAtMs: T0 }),
      ).rejects.toThrow();
    });

    it('finds users by case-insensitive unique username and updates them', async () => {
      await store.createUser(user('u1', 'pilot_caiso', 'Ana@Example.com'));
      await expect(store.createUser(user('u2', 'pilot_miso', 'ana@example.COM'))).rejects.toThrow();
      expect((await store.findUserByUsername('ANA@example.com'))?.id).toBe('u1');
      const updated = await store.updateUser('u1', {
        roles: ['analyst', 'admin'],
        lastLoginAtMs: T0 + 5,
        status: 'disabled',
      });
      expect(updated).toMatchObject({
        roles: ['analyst', 'admin'],
        lastLoginAtMs: T0 + 5,
        status: 'disabled',
        passwordHash: 'scrypt$hash',
      });
      expect(await store.countUsers()).toBe(1);
    });

    it('pages users and keys per tenant', async () => {
      for (const n of ['a', 'b', 'c']) {
        await store.createUser(user(`c-${n}`, 'pilot_caiso', `${n}@caiso.test`));
      }
      await store.createUser(user('m-a', 'pilot_miso', 'a@miso.test'));
      const first = await store.listUsers('pilot_caiso', { limit: 2 });
      expect(first.items.map((u) => u.username)).toEqual(['a@caiso.test', 'b@caiso.test']);
      const second = await store.listUsers('pilot_caiso', { limit: 2, after: first.next });
      expect(second.items.map((u) => u.username)).toEqual(['c@caiso.test']);
      expect(second.next).toBeNull();
      expect((await store.listUsers(null, { limit: 10 })).items).toHaveLength(4);
    });

    it('stores API keys hashed, records use and revocation', async () => {
      await store.createApiKey({
        id: 'k1',
        tenantId: 'pilot_miso',
        name: 'trading desk',
        roles: ['viewer'],
        secretHash: 'abc',
        createdBy: 'user:u1',
        createdAtMs: T0,
        expiresAtMs: null,
        lastUsedAtMs: null,
        revokedAtMs: null,
      });
      await store.touchApiKey('k1', T0 + 10);
      expect(await store.getApiKey('k1')).toMatchObject({
        lastUsedAtMs: T0 + 10,
        revokedAtMs: null,
      });
      expect(await store.revokeApiKey('k1', T0 + 20)).toMatchObject({ revokedAtMs: T0 + 20 });
      // Revoking again keeps the first revocation time.
      expect((await store.revokeApiKey('k1', T0 + 30))?.revokedAtMs).toBe(T0 + 20);
      expect((await store.listApiKeys('pilot_caiso', { limit: 10 })).items).toEqual([]);
    });

    it('keeps sessions until deleted or expired', async () => {
      const session = {
        tokenHash: 'h1',
        userId: 'u1',
        tenantId: 'pilot_caiso',
        createdAtMs: T0,
        expiresAtMs: T0 + 100,
        lastSeenAtMs: T0,
        ip: '127.0.0.1',
        userAgent: 'test',
      };
      await store.createSession(session);
      await store.createSession({ ...session, tokenHash: 'h2', expiresAtMs: T0 + 1000 });
      await store.touchSession('h1', T0 + 50);
      expect(await store.getSession('h1')).toEqual({ ...session, lastSeenAtMs: T0 + 50 });
      expect(await store.deleteExpiredSessions(T0 + 100)).toBe(1);
      expect(await store.getSession('h1')).toBeNull();
      expect(await store.deleteSessionsOfUser('u1')).toBe(1);
    });

    it('stores entitlements with instrument subsets, windows and seats', async () => {
      await store.createEntitlement(
        grant('e1', 'pilot_caiso', { dataFromMs: T0, dataToMs: T0 + 1000 }),
      );
      await store.createEntitlement(
        grant('e2', 'pilot_miso', {
          market: 'MISO',
          instruments: null,
          channels: ['hub', 'api', 'downloads'],
          seats: null,
        }),
      );
      expect(await store.getEntitlement('e1')).toEqual(
        grant('e1', 'pilot_caiso', { dataFromMs: T0, dataToMs: T0 + 1000 }),
      );
      expect(
        (await store.listEntitlements('pilot_miso')).map((e) => [e.id, e.instruments, e.seats]),
      ).toEqual([['e2', null, null]]);
      expect(await store.listEntitlements(null)).toHaveLength(2);
      expect(await store.deleteEntitlement('e2')).toBe(true);
      expect(await store.deleteEntitlement('e2')).toBe(false);
    });

    it('gives out seats up to the limit, idempotently, even under concurrent claims', async () => {
      await store.createEntitlement(grant('e1', 'pilot_caiso', { seats: 2 }));
      const claims = await Promise.all(
        ['user:a', 'user:b', 'user:c', 'user:a'].map((actor) =>
          store.claimSeat('e1', actor, 2, T0),
        ),
      );
      expect(claims.filter(Boolean).length).toBeGreaterThanOrEqual(2);
      expect((await store.listSeats('e1')).length).toBe(2);
      const holders = (await store.listSeats('e1')).map((s) => s.actor);
      expect(await store.claimSeat('e1', holders[0]!, 2, T0)).toBe(true);
      expect(await store.claimSeat('e1', 'user:z', 2, T0)).toBe(false);
      expect(await store.releaseSeat('e1', holders[0]!)).toBe(true);
      expect(await store.claimSeat('e1', 'user:z', 2, T0)).toBe(true);
    });
  });
};
