import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportRecord } from '../../ports/report-store.js';
import { DuckDbDatabase } from './duckdb-database.js';
import { DuckDbReportStore } from './duckdb-report-store.js';

let db: DuckDbDatabase;
let store: DuckDbReportStore;

const record = (id: string, tenantId: string | null, createdAtMs: number): ReportRecord => ({
  id,
  tenantId,
  market: 'SIM',
  kind: 'daily',
  period: '2026-03-05',
  fromMs: Date.UTC(2026, 2, 5, 6),
  toMs: Date.UTC(2026, 2, 6, 6),
  instruments: [],
  status: 'queued',
  pdfStatus: 'pending',
  message: null,
  trigger: tenantId === null ? 'schedule' : 'on_demand',
  requestedBy: 'key:test',
  createdAtMs,
  finishedAtMs: null,
  htmlBytes: 0,
  pdfBytes: 0,
});

beforeAll(async () => {
  db = await DuckDbDatabase.open({ file: ':memory:', threads: 1, memoryLimit: null });
  await db.migrate();
  store = new DuckDbReportStore(db);
});
afterAll(async () => {
  await db.close();
});

describe('DuckDbReportStore', () => {
  it('stores a record, its outcome and its documents byte for byte', async () => {
    await store.create(record('rpt_a', 'acme', 1000));
    expect(await store.get('rpt_a')).toEqual(record('rpt_a', 'acme', 1000));
    const pdf = Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0, 255]);
    await store.update('rpt_a', {
      status: 'succeeded',
      pdfStatus: 'rendered',
      message: null,
      instruments: ['SIM.HUB_NORTH'],
      finishedAtMs: 2000,
      html: '<p>é</p>',
      pdf,
    });
    expect(await store.get('rpt_a')).toMatchObject({
      status: 'succeeded',
      instruments: ['SIM.HUB_NORTH'],
      finishedAtMs: 2000,
      htmlBytes: 9, // é is two bytes in UTF-8
      pdfBytes: 6,
    });
    expect(new TextDecoder().decode((await store.content('rpt_a', 'html')) ?? undefined)).toBe(
      '<p>é</p>',
    );
    expect([...((await store.content('rpt_a', 'pdf')) ?? [])]).toEqual([...pdf]);
    expect(await store.content('rpt_missing', 'pdf')).toBeNull();
  });

  it("lists a tenant's own and the shared reports, newest first", async () => {
    await store.create(record('rpt_b', 'other', 3000));
    await store.create(record('rpt_c', null, 4000));
    expect((await store.list({ tenantId: 'acme', limit: 10 })).map((r) => r.id)).toEqual([
      'rpt_c',
      'rpt_a',
    ]);
    expect((await store.list({ tenantId: null, limit: 2 })).map((r) => r.id)).toEqual([
      'rpt_c',
      'rpt_b',
    ]);
    expect(await store.list({ tenantId: null, market: 'PJM', limit: 10 })).toEqual([]);
  });

  it('fails what a stopped process left unfinished, and nothing else', async () => {
    expect(await store.failUnfinished(5000, 'stopped')).toBe(2);
    expect(await store.get('rpt_b')).toMatchObject({
      status: 'failed',
      message: 'stopped',
      finishedAtMs: 5000,
    });
    expect((await store.get('rpt_a'))?.status).toBe('succeeded');
  });
});
