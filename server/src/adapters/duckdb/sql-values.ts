/** Small conversions shared by the DuckDB adapter's SQL. */

/** SQL for a TIMESTAMP bound as epoch milliseconds (`$n` given as BIGINT). */
export const ts = (param: string): string => `epoch_ms(${param}::BIGINT)`;

/** Epoch milliseconds as the BIGINT parameter `ts()` expects. */
export const big = (ms: number): bigint => BigInt(Math.round(ms));

/** DuckDB returns VARCHAR as string; anything else means the schema and the code disagree. */
export const text = (value: unknown): string => {
  if (typeof value !== 'string') {
    throw new Error(`Expected text from the store, got ${typeof value}`);
  }
  return value;
};
