import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makePrincipal } from '../../domain/access/principal.js';
import { ManualClock } from '../../platform/clock.js';
import { silentLogger } from '../../platform/logger.js';
import type { ExportOutcome, ExportRecord, ExportStore } from '../../ports/export-store.js';
import type { AccessService } from '../access/access.service.js';
import type { AuditService } from '../access/audit.service.js';
import type { ExportDataset } from './export-datasets.js';
import { ExportLinks } from './export-links.js';
import { ExportsService } from './exports.service.js';

/** Records in memory; only what the service's run and caps use. */
const memoryStore = (): ExportStore & { records: Map<string, ExportRecord> } => {
  const records = new Map<string, ExportRecord>();
  const unused = (): never => {
    throw new Error('not used here');
  };
  return {
    records,
    insertExport: (r) => {
      records.set(r.id, r);
      return Promise.resolve(null);
    },
    markRunning: (id) => {
      records.set(id, { ...(records.get(id) as ExportRecord), status: 'running' });
      return Promise.resolve();
    },
    finishExport: (id, outcome: ExportOutcome) => {
      records.set(id, { ...(records.get(id) as ExportRecord), ...outcome });
      return Promise.resolve();
    },
    getExport: (id) => Promise.resolve(records.get(id) ?? null),
    listExports: () => Promise.resolve([...records.values()]),
    expiredExports: () => Promise.resolve([]),
    unfinishedExports: () => Promise.resolve([]),
    deleteExports: () => Promise.resolve(0),
    insertSchedule: unused,
    listSchedules: unused,
    deleteSchedule: unused,
    markScheduleRun: unused,
    serverSecret: unused,
    exportPrices: unused,
    exportTable: unused,
  };
};

const principal = makePrincipal({
  tenantId: 'desk',
  actor: 'key:1',
  displayName: 'Desk',
  roles: ['analyst'],
  method: 'api_key',
});
const context = { ip: null, requestId: 'test', userAgent: null };
const access = {
  requireDataAccess: () => Promise.resolve(principal),
  requirePermission: () => principal,
} as unknown as AccessService;
const audit = { record: () => undefined } as unknown as AuditService;

/** A dataset that claims `estimate` rows and writes `bytes` bytes reporting `rows` rows. */
const fakeDataset = (estimate: number, rows: number, bytes: number): ExportDataset<never> => ({
  name: 'prices',
  prepare: () =>
    Promise.resolve({
      estimatedRows: estimate,
      write: (file: string) => {
        writeFileSync(file, Buffer.alloc(bytes, 1));
        return Promise.resolve(rows);
      },
    }),
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'carbon-export-unit-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const service = (store: ExportStore, dataset: ExportDataset<never>) =>
  new ExportsService({
    store,
    access,
    audit,
    clock: new ManualClock(Date.UTC(2026, 0, 1)),
    logger: silentLogger(),
    links: new ExportLinks('0123456789abcdef0123'),
    settings: { dir, maxRows: 1000, maxBytes: 1024 * 1024, ttlMs: 3_600_000, linkTtlMs: 60_000 },
    datasets: { prices: dataset, curve: dataset },
  });

const request = {
  dataset: 'prices' as const,
  filters: { instruments: ['SIM.HUB_NORTH'], start: '2026-01-01', end: '2026-01-02' },
  format: 'parquet' as const,
};

describe('ExportsService caps', () => {
  it('fails an export whose file exceeds the byte cap, and leaves no file behind', async () => {
    const store = memoryStore();
    const exports = service(store, fakeDataset(10, 10, 2 * 1024 * 1024));
    const { record } = await exports.create(principal, request, null, context);
    await exports.settled();
    const done = store.records.get(record.id) as ExportRecord;
    expect(done.status).toBe('failed');
    expect(done.error).toMatch(/2,097,152 bytes; the limit is 1,048,576/);
    expect(done.checksum).toBeNull();
    expect(readdirSync(dir)).toEqual([]);
    expect(exports.link(done)).toBeNull();
  });

  it('fails an export that wrote more rows than the cap even when the estimate was under it', async () => {
    const store = memoryStore();
    const exports = service(store, fakeDataset(999, 1001, 10));
    const { record } = await exports.create(principal, request, null, context);
    await exports.settled();
    expect(store.records.get(record.id)).toMatchObject({ status: 'failed', rows: null });
    expect(store.records.get(record.id)?.error).toMatch(/1,001 rows; the limit is 1,000/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses an estimate over the cap before storing anything', async () => {
    const store = memoryStore();
    const exports = service(store, fakeDataset(1001, 0, 0));
    await expect(exports.create(principal, request, null, context)).rejects.toMatchObject({
      code: 'invalid_request',
    });
    expect(store.records.size).toBe(0);
  });

  it('records a succeeded export with its checksum and keeps the file under its own name', async () => {
    const store = memoryStore();
    const exports = service(store, fakeDataset(10, 10, 3));
    const { record } = await exports.create(principal, request, null, context);
    await exports.settled();
    const done = store.records.get(record.id) as ExportRecord;
    expect(done).toMatchObject({
      status: 'succeeded',
      rows: 10,
      bytes: 3,
      checksum: `sha256:${createHash('sha256').update(Buffer.alloc(3, 1)).digest('hex')}`,
    });
    expect(existsSync(join(dir, done.fileName))).toBe(true);
  });
});
