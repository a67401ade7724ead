import bindings from '@duckdb/node-bindings';
import {
  DuckDBDataChunk,
  type DuckDBAppender,
  type DuckDBResult,
  type DuckDBType,
} from '@duckdb/node-api';

/**
 * Columnar transfer between typed arrays and DuckDB vectors, a data chunk (2,048 rows) at a time.
 *
 * The per-value API of @duckdb/node-api costs a call and often an allocation per cell (BigInt timestamps,
 * BigInt validity masks); copying whole typed-array slices into the vectors is what makes bulk writes and
 * reads fast (see docs/PERFORMANCE.md). Only public functions of @duckdb/node-bindings are used.
 */

/** Storage type of one column as our typed arrays see it. */
export type ColumnKind = 'i32' | 'u8' | 'u16' | 'f64' | 'f64?' | 'timestamp';

export type ColumnArray = Int32Array | Uint8Array | Uint16Array | Float64Array;

export interface ColumnSpec {
  readonly kind: ColumnKind;
  /** Values; for `timestamp` and `f64?`, NaN means NULL. Timestamps are epoch milliseconds. */
  readonly values: ColumnArray;
}

const CHUNK_ROWS = 2048;
const TWO_POW_32 = 4_294_967_296;

const bytesPerValue = (kind: ColumnKind): number =>
  kind === 'u8' ? 1 : kind === 'u16' ? 2 : kind === 'i32' ? 4 : 8;

/**
 * Appends `rowCount` rows given as columns through an appender, in chunk-sized slices.
 * Column order and types must match the target table.
 */
export const appendColumns = (
  appender: DuckDBAppender,
  types: readonly DuckDBType[],
  columns: readonly ColumnSpec[],
  rowCount: number,
): void => {
  if (types.length !== columns.length) {
    throw new Error(`appendColumns: ${types.length} types but ${columns.length} columns`);
  }
  const chunk = DuckDBDataChunk.create(types, CHUNK_ROWS);
  const vectors = columns.map((_, i) => bindings.data_chunk_get_vector(chunk.chunk, i));
  const micros = new Int32Array(CHUNK_ROWS * 2);
  const validity = new Uint8Array(CHUNK_ROWS / 8);
  for (let offset = 0; offset < rowCount; offset += CHUNK_ROWS) {
    const n = Math.min(CHUNK_ROWS, rowCount - offset);
    columns.forEach((column, c) => {
      const vector = vectors[c] as bindings.Vector;
      if (column.kind === 'timestamp') {
        // TIMESTAMP is int64 microseconds; write it as two int32 halves to avoid a BigInt per value.
        const ms = column.values as Float64Array;
        let anyNull = false;
        for (let k = 0; k < n; k++) {
          const v = ms[offset + k] as number;
          if (Number.isNaN(v)) {
            anyNull = true;
            micros[2 * k] = 0;
            micros[2 * k + 1] = 0;
          } else {
            const us = v * 1000;
            const high = Math.floor(us / TWO_POW_32);
            micros[2 * k] = (us - high * TWO_POW_32) | 0;
            micros[2 * k + 1] = high;
          }
        }
        bindings.copy_data_to_vector(vector, 0, micros.buffer, 0, n * 8);
        if (anyNull) {
          writeValidity(vector, ms, offset, n, validity);
        }
        return;
      }
      const size = bytesPerValue(column.kind);
      const values = column.values;
      bindings.copy_data_to_vector(
        vector,
        0,
        values.buffer as ArrayBuffer,
        values.byteOffset + offset * size,
        n * size,
      );
      if (column.kind === 'f64?') {
        writeValidity(vector, values as Float64Array, offset, n, validity);
      }
    });
    chunk.rowCount = n;
    appender.appendDataChunk(chunk);
    chunk.reset();
  }
};

/** Marks NaN entries as NULL; skips the mask entirely when a slice has none. */
const writeValidity = (
  vector: bindings.Vector,
  values: Float64Array,
  offset: number,
  n: number,
  mask: Uint8Array,
): void => {
  let anyNull = false;
  mask.fill(255);
  for (let k = 0; k < n; k++) {
    const v = values[offset + k] as number;
    if (v !== v) {
      anyNull = true;
      mask[k >> 3] = (mask[k >> 3] as number) & ~(1 << (k & 7));
    }
  }
  if (anyNull) {
    bindings.vector_ensure_validity_writable(vector);
    bindings.copy_data_to_vector_validity(
      vector,
      0,
      mask.buffer as ArrayBuffer,
      0,
      mask.byteLength,
    );
  }
};

/** Kinds a query result column can be read as. `f64?` turns NULL into NaN. */
export type ReadKind = 'i32' | 'u8' | 'u16' | 'u32' | 'f64' | 'f64?';

type ReadArray<K extends ReadKind> = K extends 'i32'
  ? Int32Array
  : K extends 'u8'
    ? Uint8Array
    : K extends 'u16'
      ? Uint16Array
      : K extends 'u32'
        ? Uint32Array
        : Float64Array;

const makeArray = (kind: ReadKind, n: number): ColumnArray | Uint32Array =>
  kind === 'i32'
    ? new Int32Array(n)
    : kind === 'u8'
      ? new Uint8Array(n)
      : kind === 'u16'
        ? new Uint16Array(n)
        : kind === 'u32'
          ? new Uint32Array(n)
          : new Float64Array(n);

/**
 * Reads every chunk of a result into typed arrays, one per requested column, without converting cell by cell.
 * The SQL must produce exactly these physical types (cast in SQL: `::DOUBLE`, `::INTEGER`, `::USMALLINT` …).
 */
export const readColumns = async <const K extends readonly ReadKind[]>(
  result: DuckDBResult,
  kinds: K,
): Promise<{ rowCount: number; columns: { [I in keyof K]: ReadArray<K[I]> } }> => {
  const chunks: DuckDBDataChunk[] = [];
  let rowCount = 0;
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) {
      break;
    }
    chunks.push(chunk);
    rowCount += chunk.rowCount;
  }
  const columns = kinds.map((kind) => makeArray(kind, rowCount));
  let offset = 0;
  for (const chunk of chunks) {
    const n = chunk.rowCount;
    kinds.forEach((kind, c) => {
      const vector = bindings.data_chunk_get_vector(chunk.chunk, c);
      const target = columns[c] as ColumnArray | Uint32Array;
      const size = target.BYTES_PER_ELEMENT;
      const bytes = bindings.vector_get_data(vector, n * size);
      const source = new (
        target.constructor as new (b: ArrayBuffer, o: number, l: number) => typeof target
      )(bytes.buffer as ArrayBuffer, bytes.byteOffset, n);
      target.set(source, offset);
      if (kind === 'f64?') {
        const mask = bindings.vector_get_validity(vector, Math.ceil(n / 64) * 8);
        if (mask) {
          const f = target as Float64Array;
          for (let k = 0; k < n; k++) {
            if ((((mask[k >> 3] as number) >> (k & 7)) & 1) === 0) {
              f[offset + k] = Number.NaN;
            }
          }
        }
      }
    });
    offset += n;
  }
  return { rowCount, columns: columns as { [I in keyof K]: ReadArray<K[I]> } };
};
