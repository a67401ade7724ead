import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  DuckDBInstance,
  type DuckDBConnection,
  type DuckDBPreparedStatement,
} from '@duckdb/node-api';
import { AppError } from '../../platform/errors.js';
import { MIGRATIONS, type Migration } from './migrations.js';

export interface DuckDbOptions {
  /** Database file, or ":memory:". */
  readonly file: string;
  readonly threads: number;
  readonly memoryLimit: string | null;
  /** Reader connections; queries beyond this many wait for a free one. */
  readonly readers?: number;
}

/** A connection together with its cache of prepared statements (planning once per distinct SQL text). */
export class PooledConnection {
  readonly #statements = new Map<string, DuckDBPreparedStatement>();

  constructor(readonly connection: DuckDBConnection) {}

  async prepare(sql: string): Promise<DuckDBPreparedStatement> {
    let statement = this.#statements.get(sql);
    if (!statement) {
      if (this.#statements.size >= 200) {
        // Bounded: SQL with inlined key lists varies; drop the oldest rather than grow without limit.
        const [oldest] = this.#statements.keys();
        if (oldest !== undefined) {
          this.#statements.get(oldest)?.destroySync();
          this.#statements.delete(oldest);
        }
      }
      statement = await this.connection.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  /** Runs `work` in a transaction on this connection; any error rolls everything back. */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    await this.connection.run('BEGIN TRANSACTION');
    try {
      const result = await work();
      await this.connection.run('COMMIT');
      return result;
    } catch (error) {
      await this.connection.run('ROLLBACK');
      throw error;
    }
  }

  close(): void {
    for (const statement of this.#statements.values()) {
      statement.destroySync();
    }
    this.#statements.clear();
    this.connection.closeSync();
  }
}

const lockHolder = (message: string): string | null => /PID (\d+)/.exec(message)?.[1] ?? null;

/**
 * One DuckDB database owned by this process: a single writer connection (writes are serialised, which makes
 * the read-compare-write of revisions safe) and a small pool of reader connections used one query at a time.
 * DuckDB allows only one process per file, so a second process gets a clear error naming the holder.
 */
export class DuckDbDatabase {
  readonly #instance: DuckDBInstance;
  readonly #writer: PooledConnection;
  readonly #readers: PooledConnection[];
  readonly #idle: PooledConnection[];
  readonly #waiting: ((connection: PooledConnection) => void)[] = [];
  #writeChain: Promise<unknown> = Promise.resolve();
  #closed = false;

  private constructor(
    instance: DuckDBInstance,
    writer: PooledConnection,
    readers: PooledConnection[],
  ) {
    this.#instance = instance;
    this.#writer = writer;
    this.#readers = readers;
    this.#idle = [...readers];
  }

  static async open(options: DuckDbOptions): Promise<DuckDbDatabase> {
    if (options.file !== ':memory:') {
      mkdirSync(dirname(options.file), { recursive: true });
    }
    const settings: Record<string, string> = {
      threads: String(options.threads),
      // Fail fast instead of trying to download extensions: everything we use is statically linked.
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'false',
    };
    if (options.memoryLimit) {
      settings.memory_limit = options.memoryLimit;
    }
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(options.file, settings);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (/lock/i.test(message)) {
        const pid = lockHolder(message);
        throw new AppError(
          'unavailable',
          `The data file ${options.file} is in use by another process${pid ? ` (PID ${pid})` : ''}, ` +
            'probably a running "254carbon serve". DuckDB allows one process per file: stop that process, ' +
            'or use the running server’s HTTP API instead.',
          { cause: error },
        );
      }
      throw new AppError('unavailable', `Cannot open the data file ${options.file}: ${message}`, {
        cause: error,
      });
    }
    const connect = async (): Promise<PooledConnection> => {
      const connection = await instance.connect();
      // Every timestamp we store is UTC; pin the session zone so TIMESTAMPTZ casts never use the host's zone.
      await connection.run("SET TimeZone = 'UTC'");
      return new PooledConnection(connection);
    };
    const writer = await connect();
    const readers = await Promise.all(Array.from({ length: options.readers ?? 4 }, connect));
    return new DuckDbDatabase(instance, writer, readers);
  }

  /** Runs `work` on a reader connection that no other query uses meanwhile. */
  async read<T>(work: (connection: PooledConnection) => Promise<T>): Promise<T> {
    this.#assertOpen();
    const connection =
      this.#idle.pop() ?? (await new Promise<PooledConnection>((r) => this.#waiting.push(r)));
    try {
      return await work(connection);
    } finally {
      const next = this.#waiting.shift();
      if (next) {
        next(connection);
      } else {
        this.#idle.push(connection);
      }
    }
  }

  /** Runs `work` on the writer connection after every earlier write has finished. */
  write<T>(work: (connection: PooledConnection) => Promise<T>): Promise<T> {
    this.#assertOpen();
    const run = this.#writeChain.then(() => work(this.#writer));
    this.#writeChain = run.catch(() => undefined);
    return run;
  }

  /** Runs `work` inside a transaction on the writer connection; any error rolls everything back. */
  transaction<T>(work: (connection: PooledConnection) => Promise<T>): Promise<T> {
    return this.write((connection) => connection.transaction(() => work(connection)));
  }

  /** Applies pending migrations in order; returns the names applied. */
  async migrate(migrations: readonly Migration[] = MIGRATIONS): Promise<string[]> {
    return this.write(async ({ connection }) => {
      await connection.run(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)',
      );
      const reader = await connection.runAndReadAll('SELECT version FROM schema_migrations');
      const applied = new Set(reader.getRowsJS().map((row) => Number(row[0])));
      const names: string[] = [];
      for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
        if (applied.has(migration.version)) {
          continue;
        }
        await connection.run('BEGIN TRANSACTION');
        try {
          for (const statement of migration.statements) {
            await connection.run(statement);
          }
          await connection.run('INSERT INTO schema_migrations VALUES ($1, $2, now()::TIMESTAMP)', [
            migration.version,
            migration.name,
          ]);
          await connection.run('COMMIT');
        } catch (error) {
          await connection.run('ROLLBACK');
          throw new AppError(
            'internal',
            `Migration ${migration.version} (${migration.name}) failed`,
            {
              cause: error,
            },
          );
        }
        names.push(`${migration.version}_${migration.name}`);
      }
      return names;
    });
  }

  async close(): Promise<void> {
    if (this.#closed) {
      return;
    }
    this.#closed = true;
    await this.#writeChain;
    this.#writer.close();
    for (const reader of this.#readers) {
      reader.close();
    }
    this.#instance.closeSync();
  }

  #assertOpen(): void {
    if (this.#closed) {
      throw new AppError('unavailable', 'The store is closed');
    }
  }
}
