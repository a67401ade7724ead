import type { PooledConnection } from './duckdb-database.js';

/**
 * A fact table whose rows are revisions of a key: the current revision has `superseded_at` NULL.
 * Prices and fundamentals series share this write path.
 */
export interface RevisionedTable {
  readonly table: string;
  /** Temp table holding the incoming rows, with the table's key and value columns (no revision columns). */
  readonly stage: string;
  /** Columns identifying an observation; `nullableKeys` compare with IS NOT DISTINCT FROM. */
  readonly keys: readonly string[];
  readonly nullableKeys: readonly string[];
  /** Columns whose change makes a new revision. */
  readonly values: readonly string[];
  /** The column with the time of the observation, for range pruning (zone maps). */
  readonly timeColumn: string;
}

export interface MergeOutcome {
  readonly inserted: number;
  readonly revised: number;
}

const toTimestamp = (param: string): string => `epoch_ms(${param}::BIGINT)`;

/**
 * Moves staged rows into the table: new keys become revision 1, changed values a new revision (the old row gets
 * `superseded_at`), identical values are dropped. Must run inside a transaction on the writer connection.
 */
export const mergeStagedRows = async (
  { connection }: PooledConnection,
  spec: RevisionedTable,
  window: { fromMs: number; toMs: number; nowMs: number },
): Promise<MergeOutcome & { rows: string }> => {
  const columns = [...spec.keys, ...spec.nullableKeys, ...spec.values];
  const joinOn = [
    ...spec.keys.map((k) => `s.${k} = c.${k}`),
    ...spec.nullableKeys.map((k) => `s.${k} IS NOT DISTINCT FROM c.${k}`),
  ].join(' AND ');
  const differs = spec.values.map((v) => `s.${v} IS DISTINCT FROM c.${v}`).join(' OR ');
  const params = [
    BigInt(Math.floor(window.fromMs)),
    BigInt(Math.ceil(window.toMs)),
    BigInt(window.nowMs),
  ];
  const current = `SELECT rowid AS rid, revision, ${columns.join(', ')} FROM ${spec.table}
    WHERE superseded_at IS NULL
      AND ${spec.timeColumn} >= ${toTimestamp('$1')} AND ${spec.timeColumn} <= ${toTimestamp('$2')}`;

  const existing = await connection.runAndReadAll(
    `SELECT count(*)::INTEGER FROM (${current}) c WHERE c.${spec.keys[0]} IN (SELECT DISTINCT ${spec.keys[0]} FROM ${spec.stage})`,
    params.slice(0, 2),
  );
  const columnList = columns.join(', ');
  if (Number(existing.getRowsJS()[0]?.[0] ?? 0) === 0) {
    // Fast path for new data (the common bulk case): nothing to compare against.
    const result = await connection.run(
      `INSERT INTO ${spec.table} (${columnList}, revision, received_at, superseded_at)
       SELECT ${columnList}, 1, ${toTimestamp('$1')}, NULL FROM ${spec.stage}`,
      [params[2] as bigint],
    );
    return { inserted: Number(result.rowsChanged), revised: 0, rows: spec.stage };
  }

  const changes = `${spec.stage}_changes`;
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE ${changes} AS
     SELECT ${columns.map((c) => `s.${c}`).join(', ')}, c.rid, c.revision AS previous_revision
     FROM ${spec.stage} s LEFT JOIN (${current}) c ON ${joinOn}
     WHERE c.rid IS NULL OR ${differs}`,
    params.slice(0, 2),
  );
  const counts = await connection.runAndReadAll(
    `SELECT count(*) FILTER (WHERE rid IS NULL)::INTEGER, count(*) FILTER (WHERE rid IS NOT NULL)::INTEGER FROM ${changes}`,
  );
  const [inserted, revised] = (counts.getRowsJS()[0] ?? [0, 0]).map(Number) as [number, number];
  if (revised > 0) {
    await connection.run(
      `UPDATE ${spec.table} SET superseded_at = ${toTimestamp('$1')}
       WHERE rowid IN (SELECT rid FROM ${changes} WHERE rid IS NOT NULL)`,
      [params[2] as bigint],
    );
  }
  await connection.run(
    `INSERT INTO ${spec.table} (${columnList}, revision, received_at, superseded_at)
     SELECT ${columnList}, coalesce(previous_revision, 0) + 1, ${toTimestamp('$1')}, NULL FROM ${changes}`,
    [params[2] as bigint],
  );
  return { inserted, revised, rows: changes };
};
