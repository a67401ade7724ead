/**
 * Schema of the embedded store, applied in order on start (and by `254carbon migrate`).
 * Never edit an applied migration: add a new one. Market runs are stored as small stable codes (see run-codes.ts).
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly statements: readonly string[];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'canonical_model',
    statements: [
      `CREATE TABLE markets (
        id VARCHAR PRIMARY KEY,
        name VARCHAR NOT NULL,
        timezone VARCHAR NOT NULL,
        currency VARCHAR NOT NULL,
        runs JSON NOT NULL,
        synthetic BOOLEAN NOT NULL,
        updated_at TIMESTAMP NOT NULL
      )`,
      `CREATE TABLE instruments (
        id VARCHAR PRIMARY KEY,
        market VARCHAR NOT NULL,
        code VARCHAR NOT NULL,
        name VARCHAR NOT NULL,
        kind VARCHAR NOT NULL,
        product VARCHAR NOT NULL,
        updated_at TIMESTAMP NOT NULL
      )`,
      // Vendor codes with validity windows; NULL bounds are open.
      `CREATE TABLE instrument_aliases (
        instrument_id VARCHAR NOT NULL,
        source VARCHAR NOT NULL,
        code VARCHAR NOT NULL,
        valid_from TIMESTAMP,
        valid_to TIMESTAMP
      )`,
      // Dense integer keys for the fact tables: joins and scans on INTEGER are far cheaper than on VARCHAR.
      `CREATE TABLE series_keys (
        key INTEGER PRIMARY KEY,
        instrument_id VARCHAR NOT NULL UNIQUE
      )`,
      // One row per revision. The current value of a key has superseded_at NULL; earlier values keep the time
      // they were replaced, so history ("what did we know at T") is never lost.
      `CREATE TABLE price_observations (
        instrument_key INTEGER NOT NULL,
        market_run UTINYINT NOT NULL,
        interval_start TIMESTAMP NOT NULL,
        interval_minutes USMALLINT NOT NULL,
        lmp DOUBLE NOT NULL,
        energy DOUBLE,
        congestion DOUBLE,
        loss DOUBLE,
        ghg DOUBLE,
        revision USMALLINT NOT NULL,
        received_at TIMESTAMP NOT NULL,
        superseded_at TIMESTAMP
      )`,
      // The newest interval per instrument and run, kept on write so "latest" never scans history.
      `CREATE TABLE latest_prices (
        instrument_key INTEGER NOT NULL,
        market_run UTINYINT NOT NULL,
        interval_start TIMESTAMP NOT NULL,
        interval_minutes USMALLINT NOT NULL,
        lmp DOUBLE NOT NULL,
        energy DOUBLE,
        congestion DOUBLE,
        loss DOUBLE,
        ghg DOUBLE,
        received_at TIMESTAMP NOT NULL,
        PRIMARY KEY (instrument_key, market_run)
      )`,
      `CREATE TABLE series_observations (
        instrument_key INTEGER NOT NULL,
        variable VARCHAR NOT NULL,
        interval_start TIMESTAMP NOT NULL,
        interval_minutes USMALLINT NOT NULL,
        issued_at TIMESTAMP,
        value_mw DOUBLE NOT NULL,
        revision USMALLINT NOT NULL,
        received_at TIMESTAMP NOT NULL,
        superseded_at TIMESTAMP
      )`,
      `CREATE TABLE job_runs (
        id VARCHAR PRIMARY KEY,
        job VARCHAR NOT NULL,
        trigger VARCHAR NOT NULL,
        attempt INTEGER NOT NULL,
        status VARCHAR NOT NULL,
        started_at TIMESTAMP NOT NULL,
        finished_at TIMESTAMP,
        rows BIGINT,
        error VARCHAR
      )`,
      `CREATE TABLE checkpoints (
        feed VARCHAR NOT NULL,
        dataset VARCHAR NOT NULL,
        watermark TIMESTAMP NOT NULL,
        updated_at TIMESTAMP NOT NULL,
        PRIMARY KEY (feed, dataset)
      )`,
    ],
  },
];
