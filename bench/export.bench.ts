import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { openPlatform, prepareAccess } from '../server/src/composition.js';
import { loadConfig } from '../server/src/platform/config.js';
import { silentLogger } from '../server/src/platform/logger.js';
import { benchInstrumentIds } from './synthetic-prices.js';
import { ensureSyntheticStore } from './synthetic-store.js';

const INSTRUMENTS = 100;
const DAYS = 348; // 100 × 288 × 348 = 10.02 M rows
const FIRST_DAY = Date.UTC(2024, 0, 1);
const DAY_MS = 86_400_000;
const DAYS_PER_WRITE = 29;
const TARGET_SECONDS = 3;

export interface ExportBenchResult {
  readonly storedRows: number;
  readonly generatedSeconds: number | null;
  readonly exportedRows: number;
  readonly fileBytes: number;
  /** From the POST being accepted to the export's status being `succeeded` (COPY, size check, checksum). */
  readonly totalSeconds: number;
  /** Of which the DuckDB COPY to Parquet (the file written, before checksum). */
  readonly copySeconds: number;
  readonly checksumSeconds: number;
  /**
   * The engine's floor on this machine at the same moment: a bare COPY of the same rows' integer columns to zstd
   * Parquet, no names or filters beyond the time range (shows how much of the total is load on a shared machine).
   */
  readonly bareCopySeconds: number;
  readonly targetSeconds: number;
}

/** A DuckDB file with 10 M 5-minute prices for 100 instruments over 348 days (kept for reruns). */
const ensureDataset = (file: string): Promise<{ rows: number; seconds: number | null }> =>
  ensureSyntheticStore(file, {
    instruments: INSTRUMENTS,
    firstDayMs: FIRST_DAY,
    days: DAYS,
    daysPerWrite: DAYS_PER_WRITE,
  });

/**
 * A 10 M-row Parquet export through the real path: an analyst's API key of a tenant entitled to the benchmark
 * market through the API and downloads channels, `ExportsService.create` (validation, entitlement check, row
 * estimate), then the queued job (DuckDB COPY to zstd Parquet, size check, SHA-256, rename, record).
 */
export const runExportBench = async (dataDir: string): Promise<ExportBenchResult> => {
  const file = join(dataDir, 'export-bench.duckdb');
  const dataset = await ensureDataset(file);
  const exportDir = join(dataDir, 'export-bench-files');
  rmSync(exportDir, { recursive: true, force: true });
  const config = loadConfig({
    CARBON_DATA_DIR: dataDir,
    CARBON_DUCKDB_FILE: file,
    CARBON_EXPORT_DIR: exportDir,
    CARBON_SIM_ENABLED: 'false',
    CARBON_SCHEDULER_ENABLED: 'false',
    CARBON_DEMO_TENANTS: 'false',
    CARBON_LOG_LEVEL: 'silent',
  });
  const platform = await openPlatform(config, { logger: silentLogger() });
  let result: Omit<ExportBenchResult, 'bareCopySeconds'>;
  try {
    await prepareAccess(platform);
    const { principal, context } = platform.caller;
    if (!(await platform.admin.listTenants(principal, context)).some((t) => t.id === 'bench_x')) {
      await platform.admin.createTenant(
        principal,
        { id: 'bench_x', name: 'Export bench' },
        context,
      );
      await platform.grants.grantEntitlement(
        principal,
        { tenantId: 'bench_x', market: 'BENCH', product: 'lmp', channels: ['api', 'downloads'] },
        context,
      );
    }
    const key = await platform.admin.createApiKey(
      principal,
      { tenantId: 'bench_x', name: `bench ${Date.now()}`, roles: ['analyst'], expiresInDays: 1 },
      context,
    );
    const analyst = await platform.auth.fromApiKey(key.key, context);
    const end = new Date(FIRST_DAY + DAYS * DAY_MS).toISOString();
    const began = performance.now();
    const { record } = await platform.exports.create(
      analyst,
      {
        dataset: 'prices',
        filters: {
          instruments: benchInstrumentIds(INSTRUMENTS),
          start: new Date(FIRST_DAY).toISOString(),
          end,
        },
        format: 'parquet',
      },
      null,
      context,
    );
    await platform.exports.settled();
    const totalSeconds = (performance.now() - began) / 1000;
    const done = await platform.exports.get(analyst, record.id, context);
    if (done.status !== 'succeeded') {
      throw new Error(`the benchmark export failed: ${done.error ?? done.status}`);
    }
    // The COPY alone, to a scratch file through the same store method, to split the total.
    const copyBegan = performance.now();
    const scratch = join(exportDir, 'copy-only.parquet');
    const prepared = await platform.exports.validate(
      analyst,
      {
        dataset: 'prices',
        filters: {
          instruments: benchInstrumentIds(INSTRUMENTS),
          start: new Date(FIRST_DAY).toISOString(),
          end,
        },
        format: 'parquet',
      },
      context,
    );
    await prepared.prepared.write(scratch, prepared.format);
    const copySeconds = (performance.now() - copyBegan) / 1000;
    const { fileChecksum } = await import('../server/src/features/exports/export-files.js');
    const hashBegan = performance.now();
    await fileChecksum(scratch);
    const checksumSeconds = (performance.now() - hashBegan) / 1000;
    await platform.audit.flush();
    result = {
      storedRows: dataset.rows,
      generatedSeconds: dataset.seconds,
      exportedRows: done.rows ?? 0,
      fileBytes: statSync(join(exportDir, done.fileName)).size,
      totalSeconds,
      copySeconds,
      checksumSeconds,
      targetSeconds: TARGET_SECONDS,
    };
  } finally {
    await platform.close();
  }
  const instance = await DuckDBInstance.create(file, { threads: '2' });
  try {
    const connection = await instance.connect();
    const bareBegan = performance.now();
    await connection.run(
      `COPY (SELECT instrument_key, market_run, interval_start, interval_minutes, lmp, energy, congestion, loss, ghg
         FROM price_observations WHERE superseded_at IS NULL
           AND interval_start >= epoch_ms(${FIRST_DAY}::BIGINT) AND interval_start < epoch_ms(${FIRST_DAY + DAYS * DAY_MS}::BIGINT))
       TO '${join(exportDir, 'bare.parquet')}' (FORMAT parquet, COMPRESSION zstd)`,
    );
    const bareCopySeconds = (performance.now() - bareBegan) / 1000;
    connection.closeSync();
    return { ...result, bareCopySeconds };
  } finally {
    instance.closeSync();
    rmSync(exportDir, { recursive: true, force: true });
  }
};

export const exportSection = (r: ExportBenchResult): string =>
  [
    '## Exports (10 M-row Parquet)',
    '',
    `A store of ${r.storedRows.toLocaleString('en-US')} 5-minute prices (100 instruments × 348 days` +
      `${r.generatedSeconds === null ? ', reused' : `, generated in ${r.generatedSeconds.toFixed(1)} s`}); ` +
      'one export of all of them through `ExportsService` as an analyst API key (entitlement check, row ' +
      'estimate, queued job: DuckDB `COPY … TO parquet (zstd)`, size check, SHA-256, record).',
    '',
    '| rows exported | file | total (accepted → succeeded) | COPY alone | SHA-256 alone | bare integer COPY (engine floor) | target |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    `| ${r.exportedRows.toLocaleString('en-US')} | ${(r.fileBytes / 2 ** 20).toFixed(1)} MiB | ` +
      `${r.totalSeconds.toFixed(2)} s | ${r.copySeconds.toFixed(2)} s | ${r.checksumSeconds.toFixed(2)} s | ` +
      `${r.bareCopySeconds.toFixed(2)} s | ` +
      `≤ ${r.targetSeconds} s ${r.totalSeconds <= r.targetSeconds ? '✅' : '❌'} |`,
    '',
  ].join('\n');
