import type { DuckDbDatabase } from './duckdb-database.js';
import { text } from './sql-values.js';

/**
 * The dictionary from instrument ids to the dense integer keys used in the fact tables, mirrored in memory:
 * it is small (one entry per instrument) and consulted on every read and write.
 */
export class SeriesKeys {
  readonly #db: DuckDbDatabase;
  readonly #keyById = new Map<string, number>();
  readonly #idByKey = new Map<number, string>();
  #nextKey = 1;

  private constructor(db: DuckDbDatabase) {
    this.#db = db;
  }

  static async load(db: DuckDbDatabase): Promise<SeriesKeys> {
    const keys = new SeriesKeys(db);
    const reader = await db.read(({ connection }) =>
      connection.runAndReadAll('SELECT key, instrument_id FROM series_keys ORDER BY key'),
    );
    for (const [key, id] of reader.getRowsJS()) {
      keys.#remember(Number(key), text(id));
    }
    return keys;
  }

  /** Keys for the given ids (by position), creating missing ones. */
  async ensure(instrumentIds: readonly string[]): Promise<number[]> {
    if (instrumentIds.some((id) => !this.#keyById.has(id))) {
      await this.#db.write(async ({ connection }) => {
        // Decided inside the serialised write: a concurrent writer may have added some of these meanwhile.
        const missing = [...new Set(instrumentIds.filter((id) => !this.#keyById.has(id)))];
        if (missing.length === 0) {
          return;
        }
        const appender = await connection.createAppender('series_keys');
        const assigned: [number, string][] = [];
        try {
          for (const id of missing) {
            const key = this.#nextKey + assigned.length;
            appender.appendInteger(key);
            appender.appendVarchar(id);
            appender.endRow();
            assigned.push([key, id]);
          }
          appender.flushSync();
        } finally {
          appender.closeSync();
        }
        // Only remembered once DuckDB accepted them, so a failed flush leaves the mirror consistent.
        for (const [key, id] of assigned) {
          this.#remember(key, id);
        }
      });
    }
    return instrumentIds.map((id) => this.#keyById.get(id) as number);
  }

  /** Keys of the ids that have any data, in the given order; unknown ids are skipped. */
  keysOf(instrumentIds: readonly string[]): number[] {
    const keys: number[] = [];
    for (const id of instrumentIds) {
      const key = this.#keyById.get(id);
      if (key !== undefined) {
        keys.push(key);
      }
    }
    return keys;
  }

  keysWithPrefix(prefix: string): number[] {
    return [...this.#keyById].filter(([id]) => id.startsWith(prefix)).map(([, key]) => key);
  }

  idOf(key: number): string {
    const id = this.#idByKey.get(key);
    if (id === undefined) {
      throw new Error(`Instrument key ${key} is not in the dictionary`);
    }
    return id;
  }

  idsOf(keys: ArrayLike<number>): string[] {
    return [...new Set(Array.from(keys, (key) => this.idOf(key)))];
  }

  #remember(key: number, id: string): void {
    this.#keyById.set(id, key);
    this.#idByKey.set(key, id);
    this.#nextKey = Math.max(this.#nextKey, key + 1);
  }
}
