import { DuckDBTimestampValue, type DuckDBAppender, type DuckDBValue } from '@duckdb/node-api';
import {
  GENESIS,
  type AuditRecord,
  type AuditResult,
  type ChainAnchor,
} from '../../domain/access/audit-chain.js';
import type { AuditFilter, AuditStore } from '../../ports/audit-store.js';
import type { Page, PageRequest } from '../../ports/metadata-store.js';
import type { DuckDbDatabase } from './duckdb-database.js';
import { big, text, ts } from './sql-values.js';

const COLUMNS = `seq, epoch_ms(occurred_at)::DOUBLE, actor, tenant_id, action, resource_type, resource_id, result, ip, request_id,
  details, prev_hash, hash`;

const nullableText = (value: unknown): string | null => (value == null ? null : text(value));

const toRecord = (r: unknown[]): AuditRecord => ({
  seq: Number(r[0]),
  atMs: Number(r[1]),
  actor: text(r[2]),
  tenantId: nullableText(r[3]),
  action: text(r[4]),
  resourceType: text(r[5]),
  resourceId: nullableText(r[6]),
  result: text(r[7]) as AuditResult,
  ip: nullableText(r[8]),
  requestId: nullableText(r[9]),
  details: r[10] == null ? null : (JSON.parse(text(r[10])) as Record<string, unknown>),
  prevHash: text(r[11]),
  hash: text(r[12]),
});

const appendText = (appender: DuckDBAppender, value: string | null): void => {
  if (value === null) {
    appender.appendNull();
  } else {
    appender.appendVarchar(value);
  }
};

/** DuckDB implementation of the audit trail: insert and delete-oldest only, never update. */
export class DuckDbAuditStore implements AuditStore {
  readonly #db: DuckDbDatabase;

  constructor(db: DuckDbDatabase) {
    this.#db = db;
  }

  async append(records: readonly AuditRecord[]): Promise<void> {
    if (records.length === 0) {
      return;
    }
    await this.#db.transaction(async ({ connection }) => {
      const appender = await connection.createAppender('audit_log');
      try {
        for (const r of records) {
          appender.appendBigInt(BigInt(r.seq));
          appender.appendTimestamp(new DuckDBTimestampValue(BigInt(r.atMs) * 1000n));
          appender.appendVarchar(r.actor);
          appendText(appender, r.tenantId);
          appender.appendVarchar(r.action);
          appender.appendVarchar(r.resourceType);
          appendText(appender, r.resourceId);
          appender.appendVarchar(r.result);
          appendText(appender, r.ip);
          appendText(appender, r.requestId);
          appendText(appender, r.details === null ? null : JSON.stringify(r.details));
          appender.appendVarchar(r.prevHash);
          appender.appendVarchar(r.hash);
          appender.endRow();
        }
        appender.flushSync();
      } finally {
        appender.closeSync();
      }
    });
  }

  async head(): Promise<ChainAnchor | null> {
    const reader = await this.#db.read(({ connection }) =>
      connection.runAndReadAll('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1'),
    );
    const row = reader.getRowsJS()[0];
    return row ? { seq: Number(row[0]), hash: text(row[1]) } : null;
  }

  async anchor(): Promise<ChainAnchor> {
    const reader = await this.#db.read(({ connection }) =>
      connection.runAndReadAll('SELECT seq, hash FROM audit_anchor WHERE id = 1'),
    );
    const row = reader.getRowsJS()[0];
    return row ? { seq: Number(row[0]), hash: text(row[1]) } : GENESIS;
  }

  async scan(afterSeq: number, limit: number): Promise<AuditRecord[]> {
    const reader = await this.#db.read(({ connection }) =>
      connection.runAndReadAll(
        `SELECT ${COLUMNS} FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT ${Math.floor(limit)}`,
        [BigInt(afterSeq)],
      ),
    );
    return reader.getRowsJS().map(toRecord);
  }

  async list(filter: AuditFilter, page: PageRequest): Promise<Page<AuditRecord>> {
    const where: string[] = [];
    const params: DuckDBValue[] = [];
    const param = (value: DuckDBValue): string => `$${params.push(value)}`;
    if (filter.tenantId !== undefined) {
      where.push(`tenant_id = ${param(filter.tenantId)}`);
    }
    if (filter.actor !== undefined) {
      where.push(`actor = ${param(filter.actor)}`);
    }
    if (filter.action !== undefined) {
      where.push(`starts_with(action, ${param(filter.action)})`);
    }
    if (filter.result !== undefined) {
      where.push(`result = ${param(filter.result)}`);
    }
    if (filter.fromMs !== undefined) {
      where.push(`occurred_at >= ${ts(param(big(filter.fromMs)))}`);
    }
    if (filter.toMs !== undefined) {
      where.push(`occurred_at < ${ts(param(big(filter.toMs)))}`);
    }
    if (page.after) {
      where.push(`seq < ${param(BigInt(Number(page.after)))}`);
    }
    const reader = await this.#db.read(({ connection }) =>
      connection.runAndReadAll(
        `SELECT ${COLUMNS} FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY seq DESC LIMIT ${page.limit + 1}`,
        params,
      ),
    );
    const records = reader.getRowsJS().map(toRecord);
    const more = records.length > page.limit;
    const items = more ? records.slice(0, page.limit) : records;
    return { items, next: more ? String(items.at(-1)?.seq ?? '') : null };
  }

  prune(beforeMs: number): Promise<{ removed: number; anchor: ChainAnchor }> {
    return this.#db.transaction(async ({ connection }) => {
      const last = await connection.runAndReadAll(
        `SELECT seq, hash FROM audit_log WHERE occurred_at < ${ts('$1')} ORDER BY seq DESC LIMIT 1`,
        [big(beforeMs)],
      );
      const row = last.getRowsJS()[0];
      if (!row) {
        const current = await connection.runAndReadAll(
          'SELECT seq, hash FROM audit_anchor WHERE id = 1',
        );
        const anchorRow = current.getRowsJS()[0];
        return {
          removed: 0,
          anchor: anchorRow ? { seq: Number(anchorRow[0]), hash: text(anchorRow[1]) } : GENESIS,
        };
      }
      const anchor = { seq: Number(row[0]), hash: text(row[1]) };
      // Everything up to the newest expired record goes, so the retained chain stays contiguous.
      const removed = await connection.run('DELETE FROM audit_log WHERE seq <= $1', [
        BigInt(anchor.seq),
      ]);
      await connection.run(
        'INSERT INTO audit_anchor VALUES (1, $1, $2) ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash',
        [BigInt(anchor.seq), anchor.hash],
      );
      return { removed: Number(removed.rowsChanged), anchor };
    });
  }
}
