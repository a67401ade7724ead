import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  chain,
  GENESIS,
  verifyLinks,
  type AuditEvent,
  type AuditRecord,
} from '../../src/domain/access/audit-chain.js';
import type { AuditStore } from '../../src/ports/audit-store.js';

export interface AuditStoreHarness {
  readonly store: AuditStore;
  /** Changes a stored record behind the application's back, as an attacker with database access could. */
  tamper(seq: number, column: 'result' | 'actor' | 'delete'): Promise<void>;
  close(): Promise<void>;
}

const T0 = Date.UTC(2026, 0, 1);

const event = (i: number, extra: Partial<AuditEvent> = {}): AuditEvent => ({
  atMs: T0 + i * 60_000,
  actor: i % 2 ? 'user:u1' : 'key:k1',
  tenantId: i % 3 ? 'pilot_miso' : 'pilot_caiso',
  action: i % 4 ? 'prices.read' : 'admin.user.create',
  resourceType: 'instrument',
  resourceId: `MISO.NODE_${i}`,
  result: i % 5 ? 'success' : 'denied',
  ip: '127.0.0.1',
  requestId: `req-${i}`,
  details: i % 2 ? { rows: i } : null,
  ...extra,
});

const chained = (from: number, count: number, previous = GENESIS): AuditRecord[] => {
  const records: AuditRecord[] = [];
  let last = previous;
  for (let i = from; i < from + count; i++) {
    const record = chain(last, event(i));
    records.push(record);
    last = record;
  }
  return records;
};

/** The behaviour every AuditStore must have. */
export const describeAuditStore = (name: string, open: () => Promise<AuditStoreHarness>): void => {
  describe(`AuditStore contract: ${name}`, () => {
    let h: AuditStoreHarness;
    let store: AuditStore;
    beforeEach(async () => {
      h = await open();
      store = h.store;
    });
    afterEach(async () => {
      await h.close();
    });

    const verifyAll = async () =>
      verifyLinks(await store.anchor(), await store.scan((await store.anchor()).seq, 1_000_000));

    it('stores records exactly and returns them in order', async () => {
      const records = chained(0, 12);
      await store.append(records.slice(0, 5));
      await store.append(records.slice(5));
      expect(await store.scan(0, 100)).toEqual(records);
      expect(await store.scan(10, 100)).toEqual(records.slice(10));
      expect(await store.head()).toEqual({ seq: 12, hash: records[11]!.hash });
      expect(await store.anchor()).toEqual(GENESIS);
      expect((await verifyAll()).problems).toEqual([]);
    });

    it('lists newest first with filters and paging', async () => {
      await store.append(chained(0, 12));
      const page = await store.list({ tenantId: 'pilot_miso', action: 'prices.' }, { limit: 3 });
      expect(page.items.map((r) => r.seq)).toEqual([12, 11, 8]);
      const next = await store.list(
        { tenantId: 'pilot_miso', action: 'prices.' },
        { limit: 3, after: page.next },
      );
      expect(
        next.items.every(
          (r) => r.seq < 10 && r.tenantId === 'pilot_miso' && r.action === 'prices.read',
        ),
      ).toBe(true);
      expect(
        (await store.list({ result: 'denied' }, { limit: 10 })).items.map((r) => r.seq),
      ).toEqual([11, 6, 1]);
      expect(
        (await store.list({ fromMs: T0 + 10 * 60_000 }, { limit: 10 })).items.map((r) => r.seq),
      ).toEqual([12, 11]);
      // Filter text is data, never SQL.
      expect((await store.list({ actor: "x' OR '1'='1" }, { limit: 10 })).items).toEqual([]);
    });

    it('lets verification find an edited and a deleted record', async () => {
      await store.append(chained(0, 8));
      await h.tamper(3, 'result');
      await h.tamper(6, 'delete');
      const { problems } = await verifyAll();
      expect(problems.map((p) => [p.seq, p.problem])).toEqual([
        [3, 'edited'],
        [7, 'missing-before'],
      ]);
    });

    it('prunes the oldest records under retention and verifies from the new anchor', async () => {
      const records = chained(0, 10);
      await store.append(records);
      const { removed, anchor } = await store.prune(T0 + 4 * 60_000);
      expect(removed).toBe(4);
      expect(anchor).toEqual({ seq: 4, hash: records[3]!.hash });
      expect(await store.anchor()).toEqual(anchor);
      expect((await verifyAll()).problems).toEqual([]);
      expect(await store.prune(T0)).toEqual({ removed: 0, anchor });
      await store.append(chained(10, 2, { seq: 10, hash: records[9]!.hash }));
      expect((await verifyAll()).problems).toEqual([]);
    });
  });
};
