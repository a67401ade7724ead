import { DuckDBTimestampValue, listValue, type DuckDBValue } from '@duckdb/node-api';
import type {
  ExportFormat,
  ExportOutcome,
  ExportRecord,
  ExportScheduleRecord,
  ExportStatus,
  ExportStore,
  ExportTable,
  FileFormat,
  PriceExportQuery,
} from '../../ports/export-store.js';
import type { DuckDbDatabase } from './duckdb-database.js';
import { copyTo, priceExportSelect, timeColumn } from './export-sql.js';
import { big, text, ts } from './sql-values.js';

type Row = DuckDBValue[] | unknown[];

const EXPORT_COLUMNS = `id, tenant_id, actor, dataset, format, gzip, request::VARCHAR, request_hash, idempotency_key,
  schedule_id, status, file_name, rows::DOUBLE, bytes::DOUBLE, checksum, error, epoch_ms(created_at)::DOUBLE,
  epoch_ms(finished_at)::DOUBLE, epoch_ms(expires_at)::DOUBLE`;

const SCHEDULE_COLUMNS = `id, tenant_id, actor, display_name, roles, method, name, cron, timezone, dataset, format,
  gzip, filters::VARCHAR, epoch_ms(created_at)::DOUBLE, epoch_ms(last_run_at)::DOUBLE, last_export_id`;

const orNull = <T>(value: unknown, map: (v: unknown) => T): T | null =>
  value === null || value === undefined ? null : map(value);

const toExport = (row: Row): ExportRecord => ({
  id: text(row[0]),
  tenantId: text(row[1]),
  actor: text(row[2]),
  dataset: text(row[3]),
  format: text(row[4]) as ExportFormat,
  gzip: row[5] === true,
  request: JSON.parse(text(row[6])) as unknown,
  requestHash: text(row[7]),
  idempotencyKey: orNull(row[8], text),
  scheduleId: orNull(row[9], text),
  status: text(row[10]) as ExportStatus,
  fileName: text(row[11]),
  rows: orNull(row[12], Number),
  bytes: orNull(row[13], Number),
  checksum: orNull(row[14], text),
  error: orNull(row[15], text),
  createdAtMs: Number(row[16]),
  finishedAtMs: orNull(row[17], Number),
  expiresAtMs: Number(row[18]),
});

const toSchedule = (row: Row): ExportScheduleRecord => ({
  id: text(row[0]),
  tenantId: text(row[1]),
  actor: text(row[2]),
  displayName: text(row[3]),
  roles: (row[4] as unknown[]).map(text),
  method: text(row[5]),
  name: text(row[6]),
  cron: text(row[7]),
  timezone: text(row[8]),
  dataset: text(row[9]),
  format: text(row[10]) as ExportFormat,
  gzip: row[11] === true,
  filters: JSON.parse(text(row[12])) as unknown,
  createdAtMs: Number(row[13]),
  lastRunAtMs: orNull(row[14], Number),
  lastExportId: orNull(row[15], text),
});

const nullableMs = (ms: number | null): bigint | null => (ms === null ? null : big(ms));

let tempTables = 0;

/** DuckDB implementation of the export port (embedded mode): records in the same file, files written by COPY. */
export class DuckDbExportStore implements ExportStore {
  readonly #db: DuckDbDatabase;

  constructor(db: DuckDbDatabase) {
    this.#db = db;
  }

  async #rows(sql: string, params: DuckDBValue[] = []): Promise<Row[]> {
    const reader = await this.#db.read(({ connection }) => connection.runAndReadAll(sql, params));
    return reader.getRowsJS();
  }

  insertExport(record: ExportRecord): Promise<ExportRecord | null> {
    return this.#db.write(async ({ connection }) => {
      if (record.idempotencyKey !== null) {
        const earlier = await connection.runAndReadAll(
          `SELECT ${EXPORT_COLUMNS} FROM exports WHERE tenant_id = $1 AND idempotency_key = $2`,
          [record.tenantId, record.idempotencyKey],
        );
        const [row] = earlier.getRowsJS();
        if (row) {
          return toExport(row);
        }
      }
      await connection.run(
        `INSERT INTO exports VALUES ($1, $2, $3, $4, $5, $6, $7::JSON, $8, $9, $10, $11, $12, NULL, NULL, NULL, NULL,
           ${ts('$13')}, NULL, ${ts('$14')})`,
        [
          record.id,
          record.tenantId,
          record.actor,
          record.dataset,
          record.format,
          record.gzip,
          JSON.stringify(record.request),
          record.requestHash,
          record.idempotencyKey,
          record.scheduleId,
          record.status,
          record.fileName,
          big(record.createdAtMs),
          big(record.expiresAtMs),
        ],
      );
      return null;
    });
  }

  async markRunning(id: string): Promise<void> {
    await this.#db.write(({ connection }) =>
      connection.run(`UPDATE exports SET status = 'running' WHERE id = $1`, [id]),
    );
  }

  async finishExport(id: string, outcome: ExportOutcome): Promise<void> {
    await this.#db.write(({ connection }) =>
      connection.run(
        `UPDATE exports SET status = $2, rows = $3, bytes = $4, checksum = $5, error = $6,
           finished_at = ${ts('$7')} WHERE id = $1`,
        [
          id,
          outcome.status,
          outcome.rows === null ? null : BigInt(outcome.rows),
          outcome.bytes === null ? null : BigInt(outcome.bytes),
          outcome.checksum,
          outcome.error,
          nullableMs(outcome.finishedAtMs),
        ],
      ),
    );
  }

  async getExport(id: string): Promise<ExportRecord | null> {
    const [row] = await this.#rows(`SELECT ${EXPORT_COLUMNS} FROM exports WHERE id = $1`, [id]);
    return row ? toExport(row) : null;
  }

  async listExports(tenantId: string, limit: number): Promise<ExportRecord[]> {
    const rows = await this.#rows(
      `SELECT ${EXPORT_COLUMNS} FROM exports WHERE tenant_id = $1 ORDER BY created_at DESC, id LIMIT $2`,
      [tenantId, BigInt(limit)],
    );
    return rows.map(toExport);
  }

  async expiredExports(nowMs: number): Promise<ExportRecord[]> {
    const rows = await this.#rows(
      `SELECT ${EXPORT_COLUMNS} FROM exports WHERE expires_at <= ${ts('$1')} ORDER BY expires_at`,
      [big(nowMs)],
    );
    return rows.map(toExport);
  }

  async unfinishedExports(): Promise<ExportRecord[]> {
    const rows = await this.#rows(
      `SELECT ${EXPORT_COLUMNS} FROM exports WHERE status IN ('queued', 'running') ORDER BY created_at`,
    );
    return rows.map(toExport);
  }

  async deleteExports(ids: readonly string[]): Promise<number> {
    if (ids.length === 0) {
      return 0;
    }
    const reader = await this.#db.write(({ connection }) =>
      connection.run('DELETE FROM exports WHERE list_contains($1::VARCHAR[], id)', [
        listValue([...ids]),
      ]),
    );
    return reader.rowsChanged;
  }

  async insertSchedule(s: ExportScheduleRecord): Promise<void> {
    await this.#db.write(({ connection }) =>
      connection.run(
        `INSERT INTO export_schedules VALUES ($1, $2, $3, $4, $5::VARCHAR[], $6, $7, $8, $9, $10, $11, $12, $13::JSON,
           ${ts('$14')}, NULL, NULL)`,
        [
          s.id,
          s.tenantId,
          s.actor,
          s.displayName,
          listValue([...s.roles]),
          s.method,
          s.name,
          s.cron,
          s.timezone,
          s.dataset,
          s.format,
          s.gzip,
          JSON.stringify(s.filters),
          big(s.createdAtMs),
        ],
      ),
    );
  }

  async listSchedules(tenantId: string | null): Promise<ExportScheduleRecord[]> {
    const rows = await this.#rows(
      `SELECT ${SCHEDULE_COLUMNS} FROM export_schedules
       WHERE $1::VARCHAR IS NULL OR tenant_id = $1 ORDER BY created_at, id`,
      [tenantId],
    );
    return rows.map(toSchedule);
  }

  async deleteSchedule(tenantId: string, id: string): Promise<boolean> {
    const result = await this.#db.write(({ connection }) =>
      connection.run('DELETE FROM export_schedules WHERE tenant_id = $1 AND id = $2', [
        tenantId,
        id,
      ]),
    );
    return result.rowsChanged > 0;
  }

  async markScheduleRun(id: string, atMs: number, exportId: string | null): Promise<void> {
    await this.#db.write(({ connection }) =>
      connection.run(
        `UPDATE export_schedules SET last_run_at = ${ts('$2')}, last_export_id = $3 WHERE id = $1`,
        [id, big(atMs), exportId],
      ),
    );
  }

  serverSecret(name: string, generate: () => string, nowMs: number): Promise<string> {
    return this.#db.write(async ({ connection }) => {
      const reader = await connection.runAndReadAll(
        'SELECT value FROM server_secrets WHERE name = $1',
        [name],
      );
      const [row] = reader.getRowsJS();
      if (row) {
        return text(row[0]);
      }
      const value = generate();
      await connection.run(`INSERT INTO server_secrets VALUES ($1, $2, ${ts('$3')})`, [
        name,
        value,
        big(nowMs),
      ]);
      return value;
    });
  }

  async exportPrices(query: PriceExportQuery, file: string, format: FileFormat): Promise<number> {
    return this.#db.read(async ({ connection }) => {
      // Keys in the caller's order (the dictionary is small); an instrument with no data yet has no key.
      const found = await connection.runAndReadAll(
        'SELECT instrument_id, key FROM series_keys WHERE list_contains($1::VARCHAR[], instrument_id)',
        [listValue([...query.instrumentIds])],
      );
      const keyById = new Map(found.getRowsJS().map((row) => [text(row[0]), Number(row[1])]));
      const instruments = [...new Set(query.instrumentIds)].flatMap((id) => {
        const key = keyById.get(id);
        return key === undefined ? [] : [{ key, id }];
      });
      // An impossible key keeps the file's shape (header, columns) when nothing matches.
      const { sql, zone } = priceExportSelect(
        query,
        instruments.length > 0 ? instruments : [{ key: -1, id: query.instrumentIds[0] ?? '' }],
        format,
      );
      const statement = await connection.prepare(copyTo(sql, file, format));
      statement.bindBigInt(1, big(query.range.fromMs));
      statement.bindBigInt(2, big(query.range.toMs));
      if (zone !== null) {
        statement.bindVarchar(3, zone);
      }
      try {
        const result = await statement.runAndReadAll();
        return Number(result.getRowsJS()[0]?.[0] ?? 0);
      } finally {
        statement.destroySync();
      }
    });
  }

  async exportTable(table: ExportTable, file: string, format: FileFormat): Promise<number> {
    const name = `export_rows_${++tempTables}`;
    return this.#db.read(async ({ connection }) => {
      const sqlType = { text: 'VARCHAR', number: 'DOUBLE', timestamp: 'TIMESTAMP' } as const;
      await connection.run(
        `CREATE TEMP TABLE ${name} (${table.columns.map((c, i) => `c${i} ${sqlType[c.type]}`).join(', ')})`,
      );
      try {
        const appender = await connection.createAppender(name, 'main', 'temp');
        try {
          for (let row = 0; row < table.rowCount; row++) {
            for (const column of table.columns) {
              const value = column.values[row];
              if (value === null || value === undefined) {
                appender.appendNull();
              } else if (column.type === 'text') {
                appender.appendVarchar(value as string);
              } else if (column.type === 'number') {
                appender.appendDouble(value as number);
              } else {
                appender.appendTimestamp(
                  new DuckDBTimestampValue(BigInt(Math.round(value as number)) * 1000n),
                );
              }
            }
            appender.endRow();
          }
          appender.flushSync();
        } finally {
          appender.closeSync();
        }
        // Column names are ours (fixed per dataset), quoted anyway; rows keep the order they were appended in.
        const select = `SELECT ${table.columns
          .map((c, i) =>
            c.type === 'timestamp'
              ? `${timeColumn(`c${i}`, format)} AS "${c.name}"`
              : `c${i} AS "${c.name}"`,
          )
          .join(', ')} FROM ${name} ORDER BY rowid`;
        const result = await connection.runAndReadAll(copyTo(select, file, format));
        return Number(result.getRowsJS()[0]?.[0] ?? 0);
      } finally {
        await connection.run(`DROP TABLE IF EXISTS temp.${name}`);
      }
    });
  }
}
