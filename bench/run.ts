import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runConnectorBench, type ConnectorBenchResult } from './connector-parse.bench.js';
import { runCurveBench, type CurveBenchResult } from './curve-solve.bench.js';
import { exportSection, runExportBench, type ExportBenchResult } from './export.bench.js';
import { graphqlSection, runGraphqlBench, type GraphqlBenchResult } from './graphql.bench.js';
import { reportsSection, runReportsBench, type ReportsBenchResult } from './reports.bench.js';
import { runStreamBench, streamSection, type StreamBenchResult } from './stream-latency.bench.js';
import { machineDescription } from './machine.js';
import { runPricesApiBench, type PricesApiResult } from './prices-api.bench.js';
import { runStoreWriteBench, type StoreWriteResult } from './store-write.bench.js';

/**
 * `npm run bench`: runs every benchmark and rewrites docs/PERFORMANCE.md with the numbers, the machine and the
 * date. Data files live in bench/.data (git-ignored) and are reused between runs where that is safe.
 */
const dataDir = fileURLToPath(new URL('./.data/', import.meta.url));
mkdirSync(dataDir, { recursive: true });

const f = (n: number, digits = 1): string =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const millions = (n: number): string => `${f(n / 1e6, 2)} M`;
const verdict = (ok: boolean): string => (ok ? 'met' : '**not met**');

const connectorSection = (result: ConnectorBenchResult): string => {
  const perSecond = (rows: number, seconds: number): string => millions(rows / seconds);
  return `## (d) Operator files: parse + normalise + store

Full-market-sized files built from the recorded fixtures (locations copied under new names), read by the
market's own parser (\`parseDocument\`: DuckDB's CSV reader, the pivot or unpivot to one row per location and
interval with UTC start and LMP components), then the whole \`ingest --file\` path: the same parse, data-quality
checks, instrument registration and the store write into a fresh DuckDB file. The peer is pandas
${result.pandasVersion ?? '(not installed: Debian python3-pandas)'} turning the same files into the same long table
(bench/pandas/long_table.py; \`read_csv\` plus pivot or melt, timestamps to UTC), timed in the same run.
"Price rows" are canonical rows: one per location and interval, with its components.

| market | input | size | source lines | price rows | parse rows/s | parse + quality + store rows/s | pandas rows/s | parse vs pandas | ingest vs pandas |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
${result.runs
  .map(
    (r) =>
      `| ${r.market} | ${r.input} | ${f(r.megabytes, 0)} MB in ${r.files} file${r.files > 1 ? 's' : ''} | ${f(r.sourceLines / 1e6, 2)} M | ${f(r.priceRows / 1e6, 2)} M | ${perSecond(r.priceRows, r.parseSeconds)} | **${perSecond(r.priceRows, r.ingestSeconds)}** | ${r.pandasSeconds === null ? '—' : perSecond(r.pandasRows ?? 0, r.pandasSeconds)} | ${r.pandasSeconds === null ? '—' : `${f(r.pandasSeconds / r.parseSeconds, 1)}×`} | ${r.pandasSeconds === null ? '—' : `${f(r.pandasSeconds / r.ingestSeconds, 1)}×`} |`,
  )
  .join('\n')}

Targets: ≥ 1 M price rows/s parse + normalise + store, and ≥ 3× pandas.
${result.runs
  .map(
    (r) =>
      `- ${r.market}: ${verdict(r.priceRows / r.ingestSeconds >= 1e6)} for 1 M rows/s (${perSecond(r.priceRows, r.ingestSeconds)}); ${r.pandasSeconds === null ? 'pandas not measured' : `${verdict(r.pandasSeconds / r.ingestSeconds >= 3)} for 3× pandas (${f(r.pandasSeconds / r.ingestSeconds, 1)}× with quality and store; the parse alone, which is what pandas does, ${f(r.pandasSeconds / r.parseSeconds, 1)}×)`}`,
  )
  .join('\n')}

Where the time goes (profiled on 2026-11-23, CAISO file): DuckDB's CSV reader needs ≈ 0.3 s just to read the
189 MB, pairing the four component lines per row and the line checks ≈ 0.4 s more; the ingest then adds the
registration of 10,500 new nodes (≈ 0.4 s, first ingest only), the quality checks and completeness records
(≈ 0.35 s) and the revisioned write (≈ 0.3 s). MISO's daily files are small (1.1 MB, 60,000 rows), so fixed costs
per file (a private CSV view, seven queries, one quality pass and one store transaction per file, so that a bad
file stores nothing) dominate. The store itself writes 2.6 M rows/s in large batches (section a).
`;
};

const curveSection = (result: CurveBenchResult): string => {
  const ms = (x: number | null): string =>
    x === null ? '—' : x < 10 ? f(x, 2) : x < 1000 ? f(x, 1) : f(x, 0);
  return `## (e) Forward curves: the smooth-prior solve to 2050

The curves.md §3 problem: a curve from January 2026 through December 2050 marked by 40 overlapping contracts
(Jan–Jun-26, Q3-26..Q2-27, Cal-27..Cal-50, Win-28..Win-33), day weights, a seasonal prior, λ = 1, ω = 0.01, solved by
\`solveSmoothPrior\` (own banded Cholesky + Schur complement; bid/ask reduced exactly to a 40-variable box QP solved
with quadprog). Median of repeated solves after a warm-up, assembly included. The same problems, written to JSON,
are solved in the same run by ${result.peerVersions ?? 'SciPy/cvxopt (not installed: Debian python3-scipy, python3-cvxopt)'}:
settlements as one sparse KKT system with \`scipy.sparse.linalg.spsolve\`, and again the structure-aware way
(\`scipy.linalg.cholesky_banded\` + Schur complement, the same algorithm as ours); bid/ask with
\`cvxopt.solvers.qp\` on sparse matrices. "max |Δ|" is the largest difference between our curve and the peer's.

| case | points | ours ms | target | SciPy sparse KKT / cvxopt ms | SciPy banded + Schur ms | ratio (peer / ours) | max \\|Δ\\| | max contract residual |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
${result.runs
  .map((r) => {
    const best = Math.min(r.peerMs ?? Infinity, r.structuredPeerMs ?? Infinity);
    return `| ${r.case} | ${r.n.toLocaleString('en-US')} | **${ms(r.ms)}** | ${r.targetMs === null ? '—' : `≤ ${r.targetMs} — ${verdict(r.ms <= r.targetMs)}`} | ${ms(r.peerMs)} | ${ms(r.structuredPeerMs)} | ${Number.isFinite(best) ? `${f(best / r.ms, 1)}×` : '—'} | ${r.maxDifference === null ? '—' : r.maxDifference.toExponential(1)} | ${r.maxResidual.toExponential(1)} |`;
  })
  .join('\n')}

The ratio compares against the faster of the two SciPy routes. cvxopt's interior-point answer differs from ours by
its own stopping tolerance (1e-10 requested); our band solve snaps binding averages exactly onto the bid or ask.

A whole desk build through \`buildCurve\` (PJM-style US buckets: 15 quotes in 7x24 and 5x16, three elementary
bucket curves stacked, ${result.deskPoints.toLocaleString('en-US')} daily points from the day after the as-of date
through 2050, hour weights with DST and NERC holidays, extension to 2050): **${ms(result.deskBuildMs)} ms**.
`;
};

const writeReport = (
  write: StoreWriteResult,
  api: PricesApiResult,
  connectors: ConnectorBenchResult,
  curves: CurveBenchResult,
  delivery: {
    stream: StreamBenchResult;
    exports: ExportBenchResult;
    reports: ReportsBenchResult;
    graphql: GraphqlBenchResult;
  },
): string => {
  const date = new Date().toISOString().slice(0, 10);
  return `# Performance

Measured by \`npm run bench\` (bench/run.ts), which rewrites this file. Every number comes from one run on one
machine; the load generator shares the machine with the server, so server-side capacity is higher than shown.

- **Date:** ${date}
- **Machine:** ${machineDescription()}
- **Store:** embedded DuckDB (file-backed), 2 threads

## (a) Bulk writes into the store

${millions(write.rows)} rows of 5-minute prices for 100 instruments, in batches of ${millions(write.batchRows)}, through
\`DuckDbTimeSeriesStore.writePrices\` — the full adapter path: validation, duplicate detection, columnar staging,
the revision merge (new / corrected / unchanged) and the latest-price table.

| path | rows/s | target |
| --- | --- | --- |
| adapter batch path (\`writePrices\`) | **${millions(write.adapterRowsPerSecond)}** | ≥ 2 M rows/s — ${verdict(write.adapterRowsPerSecond >= 2e6)} |
| DuckDB's own appender into a bare table (ceiling, same run) | ${millions(write.rawAppenderRowsPerSecond)} | — |

Re-writing one 1 M-row batch that is already stored takes ${f(write.reingestSeconds, 2)} s and stores nothing (idempotency).

## (b) \`GET /api/v1/prices\`: one instrument, one day of 5-minute data, ${millions(api.storedRows)} rows stored

autocannon, ${api.connections} connections, ${api.durationSeconds} s per workload, loopback. Each request returns 288 rows as JSON.
Latencies are measured per request by the load generator. Every request is served as to a customer: a viewer API key
of a tenant entitled to the benchmark market is verified, the entitlement and rate limits are checked, and the
data access is written to the audit trail (limits raised so that nothing is throttled).

| workload | req/s | p50 ms | p95 ms | p99 ms | errors |
| --- | --- | --- | --- | --- | --- |
${api.loads.map((l) => `| ${l.name}: ${l.description} | ${f(l.requestsPerSecond, 0)} | ${f(l.p50Ms, 1)} | ${f(l.p95Ms, 1)} | ${f(l.p99Ms, 1)} | ${l.errors} |`).join('\n')}

Target: p95 ≤ 10 ms and ≥ 2,000 req/s (the original promised p95 < 250 ms).
${api.loads.map((l) => `- ${l.name}: p95 ${verdict(l.p95Ms <= 10)}, throughput ${verdict(l.requestsPerSecond >= 2000)}`).join('\n')}

Why the workloads differ: DuckDB answers an uncached point query on a 50 M-row table in 1.5–2 ms whatever the
physical layout (row-group zone maps; an ART index did not help, see ADR 4), and the load generator takes one of
the two cores, so uncached reads top out at a few hundred to a thousand a second and vary between runs. Recent instrument-days are served from the read cache (\`CachedTimeSeriesStore\`, 128 MiB by default), which
writes invalidate; see docs/adr/0005-price-read-cache-and-direct-json.md.

## (c) Server memory

| state | RSS |
| --- | --- |
| idle, after start-up and one query | ${f(api.idleRssMiB, 0)} MiB |
${api.loads.map((l) => `| under load: ${l.name} | ${f(l.maxRssMiB, 0)} MiB (max) |`).join('\n')}

${api.generatedSeconds === null ? 'The 50 M-row file was reused from an earlier run.' : `Building the 50 M-row file through the adapter took ${f(api.generatedSeconds, 0)} s.`}

${connectorSection(connectors)}
${curveSection(curves)}
${streamSection(delivery.stream)}
${exportSection(delivery.exports)}
${reportsSection(delivery.reports)}
${graphqlSection(delivery.graphql)}`;
};

const stream = await runStreamBench(dataDir);
console.log('stream', JSON.stringify(stream, null, 2));
const exports = await runExportBench(dataDir);
console.log('exports', JSON.stringify(exports, null, 2));
const reports = await runReportsBench(dataDir);
console.log('reports', JSON.stringify(reports, null, 2));
const graphql = await runGraphqlBench(dataDir);
console.log('graphql', JSON.stringify(graphql, null, 2));
const curves = runCurveBench(dataDir);
console.log('curves', JSON.stringify(curves, null, 2));
const connectors = await runConnectorBench(dataDir);
console.log('connectors', JSON.stringify(connectors, null, 2));
const write = await runStoreWriteBench(dataDir);
console.log('store write', write);
const api = await runPricesApiBench(dataDir);
console.log('prices api', JSON.stringify(api, null, 2));
writeFileSync(
  fileURLToPath(new URL('../docs/PERFORMANCE.md', import.meta.url)),
  writeReport(write, api, connectors, curves, { stream, exports, reports, graphql }),
);
console.log('wrote docs/PERFORMANCE.md');
