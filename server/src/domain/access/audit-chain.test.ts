import { describe, expect, it } from 'vitest';
import { chain, GENESIS, verifyLinks, type AuditEvent, type AuditRecord } from './audit-chain.js';

const event = (i: number): AuditEvent => ({
  atMs: Date.UTC(2026, 0, 1) + i * 1000,
  actor: `user:${i % 3}`,
  tenantId: 'pilot_miso',
  action: 'prices.read',
  resourceType: 'instrument',
  resourceId: 'MISO.INDIANA.HUB',
  result: 'success',
  ip: '127.0.0.1',
  requestId: `r-${i}`,
  details: { rows: i, nested: { b: 2, a: 1 } },
});

const build = (n: number): AuditRecord[] => {
  const records: AuditRecord[] = [];
  let last = GENESIS;
  for (let i = 0; i < n; i++) {
    const record = chain(last, event(i));
    records.push(record);
    last = record;
  }
  return records;
};

describe('audit hash chain', () => {
  it('verifies an intact chain, also page by page', () => {
    const records = build(10);
    expect(verifyLinks(GENESIS, records).problems).toEqual([]);
    const first = verifyLinks(GENESIS, records.slice(0, 4));
    expect(verifyLinks(first.last, records.slice(4)).problems).toEqual([]);
  });

  it('hashes independently of key order in details', () => {
    const a = chain(GENESIS, { ...event(1), details: { x: 1, y: { p: 1, q: 2 } } });
    const b = chain(GENESIS, { ...event(1), details: { y: { q: 2, p: 1 }, x: 1 } });
    expect(a.hash).toBe(b.hash);
  });

  it('detects an edited field', () => {
    const records = build(5);
    records[2] = { ...records[2]!, result: 'denied' };
    expect(verifyLinks(GENESIS, records).problems).toEqual([
      { seq: 3, problem: 'edited', detail: 'its content does not match its hash' },
    ]);
  });

  it('detects a deleted record', () => {
    const records = build(5);
    records.splice(1, 1);
    expect(verifyLinks(GENESIS, records).problems).toEqual([
      { seq: 3, problem: 'missing-before', detail: 'records 2–2 are missing' },
    ]);
  });

  it('detects a deletion covered up by renumbering', () => {
    const records = build(5);
    const renumbered = [records[0]!, ...records.slice(2).map((r) => ({ ...r, seq: r.seq - 1 }))];
    const problems = verifyLinks(GENESIS, renumbered).problems;
    expect(problems[0]).toMatchObject({ seq: 2, problem: 'missing-before' });
    expect(problems.some((p) => p.problem === 'edited')).toBe(true);
  });
});
