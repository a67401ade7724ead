import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCaisoFeed } from '../server/src/adapters/feeds/caiso/caiso-feed.js';
import { CsvEngine } from '../server/src/adapters/feeds/kit/csv-engine.js';
import { createFeedContext } from '../server/src/adapters/feeds/kit/feed-context.js';
import { createMisoFeed } from '../server/src/adapters/feeds/miso/miso-feed.js';
import { openPlatform } from '../server/src/composition.js';
import { loadConfig } from '../server/src/platform/config.js';
import { silentLogger } from '../server/src/platform/logger.js';
import type { MarketFeed, SourceDocument } from '../server/src/ports/market-feed.js';

const FIXTURES = fileURLToPath(new URL('../../shared/fixtures/iso/', import.meta.url));
const CAISO_FIXTURE = 'caiso/oasis_PRC_LMP_DAM_20200101_hubs_dlaps.csv';
const MISO_FIXTURE = 'miso/20260714_da_expost_lmp_hubs_subset.csv';

/** CAISO all-APNode DAM day: 10,500 nodes × 24 hours × 4 price types ≈ 1 M lines (a real day has ~16,000 nodes). */
const CAISO_NODE_COPIES = 1500;
/** MISO: ~2,500 priced nodes per daily market report, 10 days of reports. */
const MISO_NODE_COPIES = 833;
const MISO_DAYS = 10;

export interface ConnectorRun {
  readonly market: string;
  readonly fixture: string;
  readonly input: string;
  readonly files: number;
  readonly megabytes: number;
  readonly sourceLines: number;
  readonly priceRows: number;
  /** Parsing into canonical columns only. */
  readonly parseSeconds: number;
  /** Parsing, data-quality checks, instrument registration and the store write (a fresh DuckDB file). */
  readonly ingestSeconds: number;
  /** The same files into the same long table with pandas, or null when pandas is not installed. */
  readonly pandasSeconds: number | null;
  readonly pandasRows: number | null;
}

export interface ConnectorBenchResult {
  readonly runs: readonly ConnectorRun[];
  readonly pandasVersion: string | null;
}

const lines = (path: string): string[] => readFileSync(join(FIXTURES, path), 'utf8').split(/\r?\n/);

/**
 * The recorded DAM file with its 7 locations copied under new names: the shape of a whole-market day. The
 * recording was requested by UTC day, so it holds the last 8 hours of trade date 2020-01-01 and the first 16 of
 * 2020-01-02; those 8 hours are moved a day on (dates only) so the file is one whole trade date, as the connector
 * requests it. Otherwise every node would be an incomplete day twice over, which is what the data-quality
 * records would then (rightly) say, at a cost that has nothing to do with parsing.
 */
const caisoReplica = (dir: string): string[] => {
  const [header, ...rows] = lines(CAISO_FIXTURE).filter((l) => l !== '');
  const out: string[] = [header as string];
  for (let k = 0; k < CAISO_NODE_COPIES; k++) {
    for (const row of rows) {
      const cells = row.split(',');
      for (const c of [5, 6, 7, 11]) {
        cells[c] = `${cells[c] ?? ''}_B${k}`;
      }
      if (cells[2] === '2020-01-01') {
        cells[0] = (cells[0] ?? '').replace('2020-01-02T', '2020-01-03T');
        cells[1] = (cells[1] ?? '').replace('2020-01-02T', '2020-01-03T');
        cells[2] = '2020-01-02';
      }
      out.push(cells.join(','));
    }
  }
  const file = join(dir, '20200102_20200102_PRC_LMP_DAM_20200630_22_50_44_v1.csv');
  writeFileSync(file, `${out.join('\n')}\n`);
  return [file];
};

/** Ten daily MISO reports, each the recorded hub rows copied under new node names, dates shifted. */
const misoReplica = (dir: string): string[] => {
  const source = lines(MISO_FIXTURE);
  const preamble = source.slice(0, 5);
  const rows = source.slice(5).filter((l) => l !== '');
  return Array.from({ length: MISO_DAYS }, (_, d) => {
    const day = new Date(Date.UTC(2026, 6, 1 + d));
    const mmddyyyy = `${String(day.getUTCMonth() + 1).padStart(2, '0')}/${String(day.getUTCDate()).padStart(2, '0')}/${day.getUTCFullYear()}`;
    const out = [preamble[0], mmddyyyy, ...preamble.slice(2)];
    for (let k = 0; k < MISO_NODE_COPIES; k++) {
      for (const row of rows) {
        const comma = row.indexOf(',');
        out.push(`${row.slice(0, comma)}_B${k}${row.slice(comma)}`);
      }
    }
    const file = join(
      dir,
      `${day.toISOString().slice(0, 10).replaceAll('-', '')}_da_expost_lmp.csv`,
    );
    writeFileSync(file, `${out.join('\n')}\n`);
    return file;
  });
};

const asDocument = (file: string): SourceDocument => ({
  name: file.slice(file.lastIndexOf('/') + 1),
  bytes: new Uint8Array(readFileSync(file)),
  origin: file,
});

/** The interpreter with pandas: Debian's python3-pandas lives under /usr/bin/python3. */
const pythonWithPandas = (): string | null => {
  for (const python of [process.env.BENCH_PYTHON, '/usr/bin/python3', 'python3']) {
    if (python && spawnSync(python, ['-c', 'import pandas'], { stdio: 'ignore' }).status === 0) {
      return python;
    }
  }
  return null;
};

const runPandas = (
  python: string | null,
  market: string,
  files: readonly string[],
): { seconds: number; rows: number; version: string } | null => {
  if (python === null) {
    return null;
  }
  const script = fileURLToPath(new URL('./pandas/long_table.py', import.meta.url));
  const result = spawnSync(python, [script, market, ...files], { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`pandas peer failed: ${result.stderr}`);
  }
  const parsed = JSON.parse(result.stdout) as { rows: number; seconds: number; pandas: string };
  return { seconds: parsed.seconds, rows: parsed.rows, version: parsed.pandas };
};

const measure = async (
  dataDir: string,
  market: string,
  fixture: string,
  input: string,
  files: readonly string[],
  feed: (context: ReturnType<typeof createFeedContext>) => MarketFeed,
  python: string | null,
): Promise<{ run: ConnectorRun; pandasVersion: string | null }> => {
  const csv = new CsvEngine({ threads: 2 });
  const context = createFeedContext(
    {
      http: { timeoutMs: 1000, retries: 0, userAgent: 'bench' },
      credentials: {
        pjmApiKey: null,
        ercotUsername: null,
        ercotPassword: null,
        ercotSubscriptionKey: null,
        isoneUsername: null,
        isonePassword: null,
      },
    },
    csv,
  );
  const parser = feed(context);
  const dataset = parser.datasets.find((d) => d.run === 'DA')?.id ?? 'lmp.da';
  const documents = files.map(asDocument);
  // Warm-up on the recorded file (first DuckDB instance, JIT), then the measured run.
  await parser.parseDocument?.(dataset, asDocument(join(FIXTURES, fixture)));
  let began = performance.now();
  let priceRows = 0;
  for (const document of documents) {
    const data = await parser.parseDocument?.(dataset, document);
    priceRows += data?.kind === 'prices' ? data.prices.length : 0;
  }
  const parseSeconds = (performance.now() - began) / 1000;
  await csv.close();

  const file = join(dataDir, `connector-${market.toLowerCase()}.duckdb`);
  rmSync(file, { force: true });
  rmSync(`${file}.wal`, { force: true });
  const platform = await openPlatform(
    loadConfig({
      CARBON_DATA_DIR: dataDir,
      CARBON_DUCKDB_FILE: file,
      CARBON_SIM_ENABLED: 'false',
      CARBON_LOG_LEVEL: 'silent',
    }),
    { logger: silentLogger() },
  );
  began = performance.now();
  const totals = await platform.ingest.ingestDocuments({
    documents,
    feed: parser.id,
    dataset,
  });
  const ingestSeconds = (performance.now() - began) / 1000;
  await platform.close();
  rmSync(file, { force: true });
  if (totals.inserted !== priceRows) {
    throw new Error(`${market}: stored ${totals.inserted} of ${priceRows} parsed rows`);
  }
  const pandas = runPandas(python, market.toLowerCase(), files);
  const sourceLines = files.reduce((n, f) => n + readFileSync(f, 'utf8').split('\n').length - 1, 0);
  return {
    run: {
      market,
      fixture,
      input,
      files: files.length,
      megabytes: files.reduce((n, f) => n + statSync(f).size, 0) / 2 ** 20,
      sourceLines,
      priceRows,
      parseSeconds,
      ingestSeconds,
      pandasSeconds: pandas?.seconds ?? null,
      pandasRows: pandas?.rows ?? null,
    },
    pandasVersion: pandas?.version ?? null,
  };
};

/**
 * Parse + normalise + store throughput of the CAISO and MISO day-ahead parsers on full-market-sized files built
 * from the recorded fixtures, and pandas turning the same files into the same long table, in the same run.
 */
export const runConnectorBench = async (dataDir: string): Promise<ConnectorBenchResult> => {
  const dir = join(dataDir, 'connector-files');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const python = pythonWithPandas();
  try {
    const caiso = await measure(
      dataDir,
      'CAISO',
      CAISO_FIXTURE,
      `one all-node PRC_LMP DAM day: ${CAISO_NODE_COPIES * 7} locations × 24 h, long format (a line per LMP component)`,
      caisoReplica(dir),
      (context) => createCaisoFeed(context),
      python,
    );
    const miso = await measure(
      dataDir,
      'MISO',
      MISO_FIXTURE,
      `${MISO_DAYS} daily da_expost_lmp reports, ${MISO_NODE_COPIES * 3} nodes each, wide (HE 1–24 columns)`,
      misoReplica(dir),
      (context) => createMisoFeed(context),
      python,
    );
    return {
      runs: [caiso.run, miso.run],
      pandasVersion: caiso.pandasVersion ?? miso.pandasVersion,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
