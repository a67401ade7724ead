import { rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  httpAppFor,
  openPlatform,
  prepareAccess,
  prepareDemoCurve,
} from '../server/src/composition.js';
import { ManualClock } from '../server/src/platform/clock.js';
import { loadConfig } from '../server/src/platform/config.js';
import { silentLogger } from '../server/src/platform/logger.js';

const NOW = Date.UTC(2026, 2, 11, 18);
const REQUESTS = 300;
const WARM_UP = 30;

interface Latency {
  readonly p50Ms: number;
  readonly p95Ms: number;
}

export interface GraphqlBenchResult {
  readonly requests: number;
  readonly priceRows: number;
  readonly pricesRest: Latency;
  readonly pricesGraphql: Latency;
  /** REST needs two calls (detail, then monthly prices) for what one GraphQL query returns. */
  readonly curveRest: Latency;
  readonly curveGraphql: Latency;
}

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;

/** Sequential calls on loopback (bounded: REQUESTS each after a warm-up); p50 and p95 of the wall time. */
const measure = async (call: () => Promise<void>): Promise<Latency> => {
  for (let i = 0; i < WARM_UP; i++) {
    await call();
  }
  const times: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const began = performance.now();
    await call();
    times.push(performance.now() - began);
  }
  times.sort((a, b) => a - b);
  return { p50Ms: percentile(times, 0.5), p95Ms: percentile(times, 0.95) };
};

/**
 * The same reads through REST and GraphQL on a listening server (loopback): one hub's day of 5-minute prices, and a
 * forward curve's latest run with its monthly prices (two REST calls, one GraphQL query).
 */
export const runGraphqlBench = async (dataDir: string): Promise<GraphqlBenchResult> => {
  const file = join(dataDir, 'graphql-bench.duckdb');
  rmSync(file, { force: true });
  rmSync(`${file}.wal`, { force: true });
  const config = loadConfig({
    CARBON_DUCKDB_FILE: file,
    CARBON_LOG_LEVEL: 'silent',
    CARBON_SCHEDULER_ENABLED: 'false',
    // One caller makes every request; the per-caller budget would otherwise measure 429s.
    CARBON_RATE_LIMIT_ACTOR: '100000000',
    CARBON_RATE_LIMIT_TENANT: '100000000',
  });
  const platform = await openPlatform(config, {
    logger: silentLogger(),
    clock: new ManualClock(NOW),
  });
  try {
    await platform.ingest.ingest({
      feed: 'sim',
      range: { fromMs: NOW - 3 * 86_400_000, toMs: NOW },
    });
    const key = (await prepareAccess(platform)).find((c) => c.apiKey !== null)?.apiKey ?? '';
    await prepareDemoCurve(platform);
    const { app } = await httpAppFor(platform, null);
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const headers = { authorization: `Bearer ${key}` };
      const get = async (path: string): Promise<string> => {
        const response = await fetch(`${base}${path}`, { headers });
        if (!response.ok) {
          throw new Error(`${path}: ${response.status} ${await response.text()}`);
        }
        return response.text();
      };
      const graphql = async (query: string): Promise<string> => {
        const response = await fetch(`${base}/graphql`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify({ query }),
        });
        const text = await response.text();
        if (!response.ok) {
          throw new Error(`graphql: ${response.status} ${text}`);
        }
        return text;
      };
      const pricePath =
        '/api/v1/prices?instruments=SIM.HUB_NORTH&start=2026-03-10&end=2026-03-11&runs=RT5';
      const priceQuery =
        '{ prices(instruments: ["SIM.HUB_NORTH"], start: "2026-03-10", end: "2026-03-11", runs: ["RT5"]) ' +
        '{ data { instrument run intervalStart intervalMinutes lmp energy congestion loss ghg } } }';
      const priceRows = (JSON.parse(await get(pricePath)) as { data: unknown[] }).data.length;
      const curveQuery =
        '{ curve(id: "SIM-HUB-POWER") { latestRun { runId asOf } ' +
        'prices(granularity: "month", bucket: "7x24") { data { period start end price } } } }';
      return {
        requests: REQUESTS,
        priceRows,
        pricesRest: await measure(async () => void (await get(pricePath))),
        pricesGraphql: await measure(async () => void (await graphql(priceQuery))),
        curveRest: await measure(async () => {
          await get('/api/v1/curves/SIM-HUB-POWER');
          await get('/api/v1/curves/SIM-HUB-POWER/prices?granularity=month&bucket=7x24');
        }),
        curveGraphql: await measure(async () => void (await graphql(curveQuery))),
      };
    } finally {
      await app.close();
    }
  } finally {
    await platform.close();
    rmSync(file, { force: true });
    rmSync(`${file}.wal`, { force: true });
  }
};

const ms = (l: Latency): string => `${l.p50Ms.toFixed(2)} ms | ${l.p95Ms.toFixed(2)} ms`;

export const graphqlSection = (r: GraphqlBenchResult): string => `## GraphQL and REST, same reads

A listening server on loopback with the simulator's SIM market and its demo curve; ${r.requests} sequential requests
per row after a warm-up, API-key authentication, so every call runs the access checks and the audit.

| read | p50 | p95 |
| --- | --- | --- |
| REST \`GET /api/v1/prices\` (${r.priceRows} RT5 rows) | ${ms(r.pricesRest)} |
| GraphQL \`prices\` (same rows and fields) | ${ms(r.pricesGraphql)} |
| REST curve detail + monthly prices (2 calls) | ${ms(r.curveRest)} |
| GraphQL \`curve { latestRun prices }\` (1 query) | ${ms(r.curveGraphql)} |
`;
