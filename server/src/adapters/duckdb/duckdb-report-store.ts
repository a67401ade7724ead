import { blobValue, type DuckDBValue } from '@duckdb/node-api';
import type {
  ReportKind,
  ReportListFilter,
  ReportOutcome,
  ReportPdfStatus,
  ReportRecord,
  ReportStatus,
  ReportStore,
  ReportTrigger,
} from '../../ports/report-store.js';
import type { DuckDbDatabase } from './duckdb-database.js';
import { big, text, ts } from './sql-values.js';

type Row = unknown[];

/** Everything but the documents, which are read only when downloaded. */
const COLUMNS = `id, tenant_id, market, kind, period, epoch_ms(from_ts)::DOUBLE, epoch_ms(to_ts)::DOUBLE,
  instruments, status, pdf_status, message, origin, requested_by, epoch_ms(created_at)::DOUBLE,
  epoch_ms(finished_at)::DOUBLE, coalesce(octet_length(html), 0)::DOUBLE, coalesce(octet_length(pdf), 0)::DOUBLE`;

const nullableText = (value: unknown): string | null => (value == null ? null : text(value));

const toRecord = (row: Row): ReportRecord => ({
  id: text(row[0]),
  tenantId: nullableText(row[1]),
  market: text(row[2]),
  kind: text(row[3]) as ReportKind,
  period: text(row[4]),
  fromMs: Number(row[5]),
  toMs: Number(row[6]),
  instruments: (row[7] as unknown[]).map(text),
  status: text(row[8]) as ReportStatus,
  pdfStatus: text(row[9]) as ReportPdfStatus,
  message: nullableText(row[10]),
  trigger: text(row[11]) as ReportTrigger,
  requestedBy: text(row[12]),
  createdAtMs: Number(row[13]),
  finishedAtMs: row[14] == null ? null : Number(row[14]),
  htmlBytes: Number(row[15]),
  pdfBytes: Number(row[16]),
});

/** DuckDB implementation of the report port: records and their documents in the one embedded file. */
export class DuckDbReportStore implements ReportStore {
  readonly #db: DuckDbDatabase;

  constructor(db: DuckDbDatabase) {
    this.#db = db;
  }

  async #rows(sql: string, params: DuckDBValue[] = []): Promise<Row[]> {
    const reader = await this.#db.read(({ connection }) => connection.runAndReadAll(sql, params));
    return reader.getRowsJS();
  }

  async create(record: ReportRecord): Promise<void> {
    await this.#db.write(({ connection }) =>
      connection.run(
        `INSERT INTO reports VALUES ($1, $2, $3, $4, $5, ${ts('$6')}, ${ts('$7')}, $8::JSON::VARCHAR[], $9, $10, $11, $12, $13,
           ${ts('$14')}, NULL, NULL, NULL)`,
        [
          record.id,
          record.tenantId,
          record.market,
          record.kind,
          record.period,
          big(record.fromMs),
          big(record.toMs),
          // A list bound empty has no item type; JSON text casts to VARCHAR[] in every case.
          JSON.stringify(record.instruments),
          record.status,
          record.pdfStatus,
          record.message,
          record.trigger,
          record.requestedBy,
          big(record.createdAtMs),
        ],
      ),
    );
  }

  async update(id: string, outcome: ReportOutcome): Promise<void> {
    await this.#db.write(({ connection }) =>
      connection.run(
        `UPDATE reports SET status = $2, pdf_status = $3, message = $4, instruments = $5::JSON::VARCHAR[],
           finished_at = CASE WHEN $6::BIGINT IS NULL THEN NULL ELSE ${ts('$6')} END,
           html = coalesce($7::BLOB, html), pdf = coalesce($8::BLOB, pdf)
         WHERE id = $1`,
        [
          id,
          outcome.status,
          outcome.pdfStatus,
          outcome.message,
          JSON.stringify(outcome.instruments),
          outcome.finishedAtMs === null ? null : big(outcome.finishedAtMs),
          outcome.html === null ? null : blobValue(new TextEncoder().encode(outcome.html)),
          outcome.pdf === null ? null : blobValue(outcome.pdf),
        ],
      ),
    );
  }

  async get(id: string): Promise<ReportRecord | null> {
    const [row] = await this.#rows(`SELECT ${COLUMNS} FROM reports WHERE id = $1`, [id]);
    return row ? toRecord(row) : null;
  }

  async list(filter: ReportListFilter): Promise<ReportRecord[]> {
    const where: string[] = [];
    const params: DuckDBValue[] = [];
    if (filter.tenantId !== null) {
      params.push(filter.tenantId);
      where.push(`(tenant_id IS NULL OR tenant_id = $${params.length})`);
    }
    if (filter.market !== undefined) {
      params.push(filter.market);
      where.push(`market = $${params.length}`);
    }
    params.push(filter.limit);
    const rows = await this.#rows(
      `SELECT ${COLUMNS} FROM reports ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY created_at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
    return rows.map(toRecord);
  }

  async failUnfinished(atMs: number, message: string): Promise<number> {
    return this.#db.write(async ({ connection }) => {
      const result = await connection.runAndReadAll(
        `UPDATE reports SET status = 'failed', pdf_status = 'failed', message = $1, finished_at = ${ts('$2')}
         WHERE status IN ('queued', 'running') RETURNING id`,
        [message, big(atMs)],
      );
      return result.getRowsJS().length;
    });
  }

  async content(id: string, format: 'html' | 'pdf'): Promise<Uint8Array | null> {
    const column = format === 'html' ? 'html' : 'pdf';
    const [row] = await this.#rows(`SELECT ${column} FROM reports WHERE id = $1`, [id]);
    const value = row?.[0];
    return value instanceof Uint8Array ? value : null;
  }
}
