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
  {
    version: 2,
    name: 'access_and_audit',
    statements: [
      `CREATE TABLE tenants (
        id VARCHAR PRIMARY KEY,
        name VARCHAR NOT NULL,
        status VARCHAR NOT NULL,
        created_at TIMESTAMP NOT NULL
      )`,
      // Usernames are stored lower-cased; UNIQUE makes a concurrent duplicate fail instead of creating two accounts.
      `CREATE TABLE users (
        id VARCHAR PRIMARY KEY,
        tenant_id VARCHAR NOT NULL,
        username VARCHAR NOT NULL UNIQUE,
        display_name VARCHAR NOT NULL,
        roles VARCHAR[] NOT NULL,
        password_hash VARCHAR NOT NULL,
        status VARCHAR NOT NULL,
        created_at TIMESTAMP NOT NULL,
        last_login_at TIMESTAMP
      )`,
      `CREATE TABLE api_keys (
        id VARCHAR PRIMARY KEY,
        tenant_id VARCHAR NOT NULL,
        name VARCHAR NOT NULL,
        roles VARCHAR[] NOT NULL,
        secret_hash VARCHAR NOT NULL,
        created_by VARCHAR NOT NULL,
        created_at TIMESTAMP NOT NULL,
        expires_at TIMESTAMP,
        last_used_at TIMESTAMP,
        revoked_at TIMESTAMP
      )`,
      `CREATE TABLE sessions (
        token_hash VARCHAR PRIMARY KEY,
        user_id VARCHAR NOT NULL,
        tenant_id VARCHAR NOT NULL,
        created_at TIMESTAMP NOT NULL,
        expires_at TIMESTAMP NOT NULL,
        last_seen_at TIMESTAMP NOT NULL,
        ip VARCHAR,
        user_agent VARCHAR
      )`,
      `CREATE TABLE entitlements (
        id VARCHAR PRIMARY KEY,
        tenant_id VARCHAR NOT NULL,
        market VARCHAR NOT NULL,
        product VARCHAR NOT NULL,
        channels VARCHAR[] NOT NULL,
        instruments VARCHAR[],
        data_from TIMESTAMP,
        data_to TIMESTAMP,
        seats INTEGER
      )`,
      `CREATE TABLE entitlement_seats (
        entitlement_id VARCHAR NOT NULL,
        actor VARCHAR NOT NULL,
        assigned_at TIMESTAMP NOT NULL,
        PRIMARY KEY (entitlement_id, actor)
      )`,
      // Append-only: the application never updates these rows; retention deletes the oldest and moves the anchor.
      `CREATE TABLE audit_log (
        seq BIGINT PRIMARY KEY,
        occurred_at TIMESTAMP NOT NULL,
        actor VARCHAR NOT NULL,
        tenant_id VARCHAR,
        action VARCHAR NOT NULL,
        resource_type VARCHAR NOT NULL,
        resource_id VARCHAR,
        result VARCHAR NOT NULL,
        ip VARCHAR,
        request_id VARCHAR,
        details VARCHAR,
        prev_hash VARCHAR NOT NULL,
        hash VARCHAR NOT NULL
      )`,
      `CREATE TABLE audit_anchor (
        id INTEGER PRIMARY KEY,
        seq BIGINT NOT NULL,
        hash VARCHAR NOT NULL
      )`,
    ],
  },
  {
    version: 3,
    name: 'data_quality',
    statements: [
      // One row per check, instrument, stream (market run or fundamentals variable) and local day. `segment` is
      // 'rows' for findings on stored rows, 'day' for completeness. `affected` has one bit per minute of the local
      // day where an affected interval starts: each inspection replaces the minutes it covered, so overlapping
      // windows never count an interval twice. A problem no longer found is resolved, never deleted (ADR 0010).
      `CREATE TABLE quality_problems (
        id VARCHAR PRIMARY KEY,
        market VARCHAR NOT NULL,
        feed VARCHAR NOT NULL,
        dataset VARCHAR NOT NULL,
        segment VARCHAR NOT NULL,
        source VARCHAR NOT NULL,
        check_id VARCHAR NOT NULL,
        severity VARCHAR NOT NULL,
        disposition VARCHAR NOT NULL,
        instrument_id VARCHAR NOT NULL,
        product VARCHAR NOT NULL,
        stream VARCHAR NOT NULL,
        local_day DATE NOT NULL,
        day_start TIMESTAMP,
        affected BIT,
        interval_start TIMESTAMP,
        count INTEGER NOT NULL,
        detail VARCHAR NOT NULL,
        first_detected_at TIMESTAMP NOT NULL,
        detected_at TIMESTAMP NOT NULL,
        resolved_at TIMESTAMP,
        UNIQUE (feed, dataset, segment, check_id, instrument_id, stream, local_day)
      )`,
      // Minutes of each local day the fetched windows (or files) covered: one bit per minute, OR-ed on every
      // ingest, so a day is judged only once all of it has been asked for.
      `CREATE TABLE quality_coverage (
        feed VARCHAR NOT NULL,
        dataset VARCHAR NOT NULL,
        local_day DATE NOT NULL,
        day_start TIMESTAMP NOT NULL,
        day_minutes USMALLINT NOT NULL,
        covered BIT NOT NULL,
        updated_at TIMESTAMP NOT NULL,
        PRIMARY KEY (feed, dataset, local_day)
      )`,
      // Intervals present per instrument, stream and local day: one bit per slot of the day's grid, OR-ed on
      // every ingest, so re-ingesting can only fill gaps and never counts an interval twice.
      `CREATE TABLE quality_completeness (
        market VARCHAR NOT NULL,
        feed VARCHAR NOT NULL,
        dataset VARCHAR NOT NULL,
        instrument_id VARCHAR NOT NULL,
        product VARCHAR NOT NULL,
        stream VARCHAR NOT NULL,
        local_day DATE NOT NULL,
        interval_minutes USMALLINT NOT NULL,
        slots USMALLINT NOT NULL,
        present BIT NOT NULL,
        updated_at TIMESTAMP NOT NULL,
        PRIMARY KEY (feed, dataset, instrument_id, stream, local_day, interval_minutes)
      )`,
      // The last successful ingest per feed dataset and the newest interval it has stored, for freshness.
      `CREATE TABLE quality_ingests (
        feed VARCHAR NOT NULL,
        dataset VARCHAR NOT NULL,
        market VARCHAR NOT NULL,
        last_ingest_at TIMESTAMP NOT NULL,
        newest_interval_end TIMESTAMP,
        last_rows BIGINT NOT NULL,
        last_source VARCHAR NOT NULL,
        PRIMARY KEY (feed, dataset)
      )`,
    ],
  },
  {
    version: 4,
    name: 'forward_curves',
    statements: [
      // Scalar fields that decide entitlements and the meaning of stored quotes are columns; the solver settings
      // (extension, method) are small JSON objects read and written whole.
      `CREATE TABLE curve_definitions (
        id VARCHAR PRIMARY KEY,
        market VARCHAR NOT NULL,
        name VARCHAR NOT NULL,
        commodity VARCHAR NOT NULL,
        calendar VARCHAR NOT NULL,
        currency VARCHAR NOT NULL,
        unit VARCHAR NOT NULL,
        shape_instrument VARCHAR,
        extension JSON NOT NULL,
        method JSON NOT NULL,
        created_at TIMESTAMP NOT NULL,
        updated_at TIMESTAMP NOT NULL
      )`,
      // One row per quote as marked. Re-marking the same curve, as-of, delivery period, bucket and source replaces
      // the row; quotes are inputs, and what a build used is kept with the run itself.
      `CREATE TABLE curve_quotes (
        curve_id VARCHAR NOT NULL,
        as_of DATE NOT NULL,
        delivery_start DATE NOT NULL,
        delivery_end DATE NOT NULL,
        bucket VARCHAR NOT NULL,
        source VARCHAR NOT NULL,
        contract VARCHAR NOT NULL,
        settle DOUBLE,
        mid DOUBLE,
        bid DOUBLE,
        ask DOUBLE,
        quote_date DATE NOT NULL,
        loaded_at TIMESTAMP NOT NULL,
        PRIMARY KEY (curve_id, as_of, delivery_start, delivery_end, bucket, source)
      )`,
      // Immutable builds. The daily values (one Float64Array per elementary bucket) and the shape's arrays are
      // BLOBs of little-endian doubles (adapters/duckdb/float64-blob.ts): bit-exact, NaN included, and read in one
      // piece, since every served series is derived from the whole array in TypeScript. Quotes used and
      // diagnostics are JSON; the summary columns let vintages be listed without reading either.
      `CREATE TABLE curve_runs (
        run_id VARCHAR PRIMARY KEY,
        curve_id VARCHAR NOT NULL,
        as_of DATE NOT NULL,
        scenario VARCHAR NOT NULL,
        inputs_hash VARCHAR NOT NULL,
        engine_version VARCHAR NOT NULL,
        built_at TIMESTAMP NOT NULL,
        start_day DATE NOT NULL,
        days INTEGER NOT NULL,
        buckets VARCHAR[] NOT NULL,
        daily BLOB NOT NULL,
        shape JSON,
        shape_values BLOB,
        quotes JSON NOT NULL,
        diagnostics JSON NOT NULL,
        quote_count INTEGER NOT NULL,
        max_abs_residual DOUBLE NOT NULL,
        warning_count INTEGER NOT NULL,
        last_quoted_day DATE
      )`,
    ],
  },
  {
    version: 5,
    name: 'exports',
    statements: [
      // One row per export job. The request is kept as accepted (JSON) with a SHA-256 of its canonical form, so a
      // repeated Idempotency-Key can be matched against the same request or refused as a different one.
      `CREATE TABLE exports (
        id VARCHAR PRIMARY KEY,
        tenant_id VARCHAR NOT NULL,
        actor VARCHAR NOT NULL,
        dataset VARCHAR NOT NULL,
        format VARCHAR NOT NULL,
        gzip BOOLEAN NOT NULL,
        request JSON NOT NULL,
        request_hash VARCHAR NOT NULL,
        idempotency_key VARCHAR,
        schedule_id VARCHAR,
        status VARCHAR NOT NULL,
        file_name VARCHAR NOT NULL,
        rows BIGINT,
        bytes BIGINT,
        checksum VARCHAR,
        error VARCHAR,
        created_at TIMESTAMP NOT NULL,
        finished_at TIMESTAMP,
        expires_at TIMESTAMP NOT NULL
      )`,
      // Recurring exports: the caller's identity is kept so each run is checked against its entitlements then.
      `CREATE TABLE export_schedules (
        id VARCHAR PRIMARY KEY,
        tenant_id VARCHAR NOT NULL,
        actor VARCHAR NOT NULL,
        display_name VARCHAR NOT NULL,
        roles VARCHAR[] NOT NULL,
        method VARCHAR NOT NULL,
        name VARCHAR NOT NULL,
        cron VARCHAR NOT NULL,
        timezone VARCHAR NOT NULL,
        dataset VARCHAR NOT NULL,
        format VARCHAR NOT NULL,
        gzip BOOLEAN NOT NULL,
        filters JSON NOT NULL,
        created_at TIMESTAMP NOT NULL,
        last_run_at TIMESTAMP,
        last_export_id VARCHAR
      )`,
      // Server-generated secrets (the export-link signing key when none is configured), kept across restarts.
      `CREATE TABLE server_secrets (
        name VARCHAR PRIMARY KEY,
        value VARCHAR NOT NULL,
        created_at TIMESTAMP NOT NULL
      )`,
    ],
  },
  {
    version: 6,
    name: 'reports',
    statements: [
      // Market briefs (ADR 0015). The HTML and PDF are kept with the record: a brief is a document of what the
      // data said when it was made, not a view recomputed on read. instruments decides who may read it.
      `CREATE TABLE reports (
        id VARCHAR PRIMARY KEY,
        tenant_id VARCHAR,
        market VARCHAR NOT NULL,
        kind VARCHAR NOT NULL,
        period VARCHAR NOT NULL,
        from_ts TIMESTAMP NOT NULL,
        to_ts TIMESTAMP NOT NULL,
        instruments VARCHAR[] NOT NULL,
        status VARCHAR NOT NULL,
        pdf_status VARCHAR NOT NULL,
        message VARCHAR,
        origin VARCHAR NOT NULL,
        requested_by VARCHAR NOT NULL,
        created_at TIMESTAMP NOT NULL,
        finished_at TIMESTAMP,
        html BLOB,
        pdf BLOB
      )`,
    ],
  },
];
