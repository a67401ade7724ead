import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { httpAppFor, openPlatform, prepareAccess } from '../server/src/composition.js';
import type { InstrumentDefinition } from '../server/src/domain/instruments/instrument.js';
import { PriceBatchBuilder } from '../server/src/domain/prices/price-batch.js';
import { loadConfig } from '../server/src/platform/config.js';
import { silentLogger } from '../server/src/platform/logger.js';
import type { MarketFeed } from '../server/src/ports/market-feed.js';
import { percentile } from './machine.js';

const CLIENTS = 100;
const INSTRUMENTS = 1000;
/** Each client watches its own 10 nodes, so every published row is for exactly one client. */
const PER_CLIENT = INSTRUMENTS / CLIENTS;
const ROWS_PER_SECOND = 10_000;
/** One stored batch every 10 ms, as a busy ingest would announce them. */
const TICK_MS = 10;
const ROWS_PER_TICK = (ROWS_PER_SECOND * TICK_MS) / 1000;
const DURATION_MS = 10_000;
const FIVE_MINUTES = 300_000;

export interface StreamScenarioResult {
  readonly name: string;
  readonly description: string;
  readonly publishedRowsPerSecond: number;
  readonly durationSeconds: number;
  readonly updates: number;
  readonly messagesReceived: number;
  readonly rowsReceived: number;
  readonly rowsExpected: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** From the time stamped in the message when the update was published (after the write; 1 ms resolution). */
  readonly fromPublishP50Ms: number;
  readonly fromPublishP95Ms: number;
  readonly fromPublishP99Ms: number;
}

export interface StreamBenchResult {
  readonly clients: number;
  readonly instruments: number;
  readonly targetRowsPerSecond: number;
  readonly droppedClients: number;
  readonly scenarios: readonly StreamScenarioResult[];
}

const ids = Array.from(
  { length: INSTRUMENTS },
  (_, k) => `STREAMBENCH.N${String(k).padStart(4, '0')}`,
);

const benchFeed = (): MarketFeed => {
  const instruments: InstrumentDefinition[] = ids.map((id) => ({
    id,
    market: 'STREAMBENCH',
    code: id.slice('STREAMBENCH.'.length),
    name: id,
    kind: 'node',
    product: 'lmp',
    aliases: [],
  }));
  return {
    id: 'streambench',
    market: {
      id: 'STREAMBENCH',
      name: 'Stream benchmark nodes (synthetic)',
      timezone: 'UTC',
      currency: 'USD',
      runs: [{ id: 'RT5', intervalMinutes: 5, description: 'Real-time 5-minute' }],
      synthetic: true,
    },
    datasets: [{ id: 'prices.rt5', kind: 'prices', run: 'RT5', description: 'bench prices' }],
    instruments: () => Promise.resolve(instruments),
    publishedUntil: () => Date.UTC(2100, 0, 1),
    // Every node's 5-minute intervals inside the window: the ingest scenario asks for one interval at a time.
    fetch: (_dataset, window) => {
      const builder = new PriceBatchBuilder(INSTRUMENTS);
      const run = builder.runSlot('RT5');
      for (let t = window.fromMs; t < window.toMs; t += FIVE_MINUTES) {
        ids.forEach((id, k) => {
          const lmp = 25 + (k % 50) + ((t / FIVE_MINUTES) % 7) * 0.01;
          builder.addColumns(builder.instrumentSlot(id), run, t, 5, lmp, lmp - 1, 0.5, 0.5, NaN);
        });
      }
      return Promise.resolve({ kind: 'prices', prices: builder.build() });
    },
  };
};

/**
 * The clients run in a worker thread (their own event loop, as separate processes would), each a `ws` client that
 * parses every message and notes when it arrived on the shared wall clock (timeOrigin + now, sub-millisecond).
 */
const CLIENT_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const WebSocket = require(workerData.wsPath);
const { url, key, subscriptions } = workerData;
let arrivals = [];
let messages = 0, rows = 0, subscribed = 0, closed = 0;
const sockets = subscriptions.map((instruments) => {
  const socket = new WebSocket(url, { headers: { authorization: 'Bearer ' + key } });
  socket.on('open', () => socket.send(JSON.stringify({ type: 'subscribe', instruments })));
  socket.on('message', (data) => {
    const at = performance.timeOrigin + performance.now();
    const message = JSON.parse(data.toString('utf8'));
    if (message.type === 'prices') {
      messages++;
      rows += message.rows.length;
      arrivals.push(message.seq, at, Date.parse(message.publishedAt));
    } else if (message.type === 'subscribed' && ++subscribed === subscriptions.length) {
      parentPort.postMessage({ kind: 'ready' });
    } else if (message.type === 'error') {
      parentPort.postMessage({ kind: 'error', message });
    }
  });
  socket.on('close', () => { closed++; });
  return socket;
});
parentPort.on('message', (command) => {
  parentPort.postMessage({ kind: 'report', arrivals, messages, rows, closed });
  arrivals = [];
  messages = 0;
  rows = 0;
  if (command === 'close') {
    sockets.forEach((s) => s.close());
  }
});
`;

interface WorkerReport {
  readonly kind: 'report';
  readonly arrivals: number[];
  readonly messages: number;
  readonly rows: number;
  readonly closed: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const now = (): number => performance.timeOrigin + performance.now();

/** Runs `step` every `tickMs` for `durationMs` without drift (catching up on late ticks). */
const paced = async (
  tickMs: number,
  durationMs: number,
  step: (tick: number) => Promise<void> | void,
): Promise<number> => {
  const began = performance.now();
  let tick = 0;
  while (performance.now() - began < durationMs) {
    const due = Math.floor((performance.now() - began) / tickMs);
    for (; tick <= due; tick++) {
      await step(tick);
    }
    await sleep(Math.max(0, began + (due + 1) * tickMs - performance.now()));
  }
  return performance.now() - began;
};

const report = (worker: Worker, command: 'report' | 'close'): Promise<WorkerReport> =>
  new Promise((resolve) => {
    const onMessage = (m: { kind: string }): void => {
      if (m.kind === 'report') {
        worker.off('message', onMessage);
        resolve(m as WorkerReport);
      }
    };
    worker.on('message', onMessage);
    worker.postMessage(command);
  });

const summarise = (
  name: string,
  description: string,
  publishedAt: ReadonlyMap<number, number>,
  rowsPublished: number,
  elapsedMs: number,
  done: WorkerReport,
): StreamScenarioResult => {
  const latencies: number[] = [];
  const fromPublish: number[] = [];
  for (let i = 0; i < done.arrivals.length; i += 3) {
    const sent = publishedAt.get(done.arrivals[i] as number);
    const at = done.arrivals[i + 1] as number;
    if (sent !== undefined) {
      latencies.push(at - sent);
    }
    fromPublish.push(at - (done.arrivals[i + 2] as number));
  }
  latencies.sort((a, b) => a - b);
  fromPublish.sort((a, b) => a - b);
  return {
    name,
    description,
    publishedRowsPerSecond: rowsPublished / (elapsedMs / 1000),
    durationSeconds: elapsedMs / 1000,
    updates: publishedAt.size,
    messagesReceived: done.messages,
    rowsReceived: done.rows,
    rowsExpected: rowsPublished,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    p99Ms: percentile(latencies, 99),
    maxMs: latencies.at(-1) ?? Number.NaN,
    fromPublishP50Ms: percentile(fromPublish, 50),
    fromPublishP95Ms: percentile(fromPublish, 95),
    fromPublishP99Ms: percentile(fromPublish, 99),
  };
};

/**
 * Ingest-to-WebSocket latency: 100 clients each subscribed to 10 of 1,000 nodes over loopback, 10,000 price rows
 * per second for 10 s, in two scenarios. "fan-out": stored batches of 100 rows every 10 ms handed to the stream
 * exactly as the ingest's `prices.written` event does after the store's write (latency from the hand-over).
 * "ingest": the whole path — `IngestService` fetches 1,000 rows (one 5-minute interval of every node) ten times a
 * second, runs the quality gate, writes them to DuckDB and publishes (latency from the start of the ingest call,
 * so it includes the write). Receipt is when a client holds the parsed message, on the same clock.
 */
export const runStreamBench = async (_dataDir: string): Promise<StreamBenchResult> => {
  const config = loadConfig({
    CARBON_DUCKDB_FILE: ':memory:',
    CARBON_LOG_LEVEL: 'silent',
    CARBON_SCHEDULER_ENABLED: 'false',
    CARBON_SIM_ENABLED: 'false',
    CARBON_DEMO_TENANTS: 'false',
    CARBON_RATE_LIMIT_ACTOR: '100000',
    CARBON_RATE_LIMIT_TENANT: '100000',
  });
  const platform = await openPlatform(config, { logger: silentLogger(), feeds: [benchFeed()] });
  await platform.ingest.register('streambench');
  const created = await prepareAccess(platform);
  const admin = created.find((c) => c.apiKey !== null);
  if (!admin?.apiKey) {
    throw new Error('the first start should have created an admin API key');
  }
  const { principal, context } = platform.caller;
  await platform.grants.grantEntitlement(
    principal,
    { tenantId: admin.tenantId, market: 'STREAMBENCH', product: 'lmp', channels: ['api'] },
    context,
  );
  const { app } = await httpAppFor(platform, null);
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  const worker = new Worker(CLIENT_WORKER, {
    eval: true,
    workerData: {
      wsPath: createRequire(import.meta.url).resolve('ws'),
      url: `${address.replace('http', 'ws')}/api/v1/stream`,
      key: admin.apiKey,
      subscriptions: Array.from({ length: CLIENTS }, (_, c) =>
        ids.slice(c * PER_CLIENT, (c + 1) * PER_CLIENT),
      ),
    },
  });
  const hub = platform.stream.hub;
  try {
    await new Promise<void>((resolve, reject) => {
      worker.on('message', (m: { kind: string; message?: unknown }) => {
        if (m.kind === 'ready') {
          resolve();
        } else if (m.kind === 'error') {
          reject(new Error(`subscription refused: ${JSON.stringify(m.message)}`));
        }
      });
      worker.once('error', reject);
    });
    const scenarios: StreamScenarioResult[] = [];

    // Fan-out: 100-row batches every 10 ms, handed over as the bus event would.
    {
      const publishedAt = new Map<number, number>();
      let cursor = 0;
      let intervalMs = Date.UTC(2026, 0, 1);
      let rowsPublished = 0;
      const elapsed = await paced(TICK_MS, DURATION_MS, (tick) => {
        const builder = new PriceBatchBuilder(ROWS_PER_TICK);
        const run = builder.runSlot('RT5');
        for (let r = 0; r < ROWS_PER_TICK; r++) {
          const lmp = 25 + (cursor % 50) + (tick % 7) * 0.01;
          builder.addColumns(
            builder.instrumentSlot(ids[cursor] as string),
            run,
            intervalMs,
            5,
            lmp,
            lmp - 1,
            0.5,
            0.5,
            NaN,
          );
          cursor = (cursor + 1) % INSTRUMENTS;
          if (cursor === 0) {
            intervalMs += FIVE_MINUTES;
          }
        }
        const prices = builder.build();
        const at = now();
        const update = hub.publish({
          instrumentIds: prices.instrumentIds,
          fromMs: intervalMs,
          toMs: intervalMs + FIVE_MINUTES,
          inserted: prices.length,
          revised: 0,
          unchanged: 0,
          prices,
        });
        if (update) {
          publishedAt.set(update.seq, at);
          rowsPublished += prices.length;
        }
      });
      await sleep(1000);
      scenarios.push(
        summarise(
          'fan-out',
          `${ROWS_PER_TICK}-row stored batches every ${TICK_MS} ms, from the hand-over to the stream`,
          publishedAt,
          rowsPublished,
          elapsed,
          await report(worker, 'report'),
        ),
      );
    }

    // Ingest: one 5-minute interval of all 1,000 nodes, ten times a second, through the quality gate and DuckDB.
    {
      const publishedAt = new Map<number, number>();
      let intervalMs = Date.UTC(2026, 1, 1);
      let rowsPublished = 0;
      const elapsed = await paced(1000 / (ROWS_PER_SECOND / INSTRUMENTS), DURATION_MS, async () => {
        const at = now();
        const before = hub.lastSeq;
        const totals = await platform.ingest.ingest({
          feed: 'streambench',
          range: { fromMs: intervalMs, toMs: intervalMs + FIVE_MINUTES },
        });
        intervalMs += FIVE_MINUTES;
        if (hub.lastSeq === before + 1) {
          publishedAt.set(hub.lastSeq, at);
          rowsPublished += totals.inserted;
        }
      });
      await sleep(1000);
      scenarios.push(
        summarise(
          'ingest',
          `${INSTRUMENTS}-row ingests (fetch, quality gate, DuckDB write, publish) ${ROWS_PER_SECOND / INSTRUMENTS} times a second, from the start of the ingest call`,
          publishedAt,
          rowsPublished,
          elapsed,
          await report(worker, 'report'),
        ),
      );
    }
    const last = await report(worker, 'close');
    return {
      clients: CLIENTS,
      instruments: INSTRUMENTS,
      targetRowsPerSecond: ROWS_PER_SECOND,
      droppedClients: last.closed,
      scenarios,
    };
  } finally {
    await worker.terminate();
    await app.close();
    await platform.close();
  }
};

export const streamSection = (r: StreamBenchResult): string => {
  const f = (n: number, digits = 1): string =>
    n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  return `## Live streaming: ingest to WebSocket latency

${r.clients} WebSocket clients (the \`ws\` package in a worker thread on the same machine, parsing every message) on
loopback, each subscribed to its own ${r.instruments / r.clients} of ${f(r.instruments, 0)} synthetic 5-minute nodes,
${f(r.targetRowsPerSecond, 0)} price rows/s for 10 s per scenario. Latency runs to the moment a client holds the
parsed message, on one clock. Clients dropped for being slow: ${r.droppedClients}.

| scenario | what is timed | rows/s published | updates | messages received | rows received / published | p50 | p95 | p99 | max | p50 / p95 / p99 from the publish stamp |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
${r.scenarios
  .map(
    (s) =>
      `| ${s.name} | ${s.description} | ${f(s.publishedRowsPerSecond, 0)} | ${f(s.updates, 0)} | ${f(s.messagesReceived, 0)} | ${f(s.rowsReceived, 0)} / ${f(s.rowsExpected, 0)} | ${f(s.p50Ms, 2)} ms | **${f(s.p95Ms, 2)} ms** | ${f(s.p99Ms, 2)} ms | ${f(s.maxMs, 2)} ms | ${f(s.fromPublishP50Ms, 0)} / ${f(s.fromPublishP95Ms, 0)} / ${f(s.fromPublishP99Ms, 0)} ms |`,
  )
  .join('\n')}

The publish stamp is the server's clock when the stored batch reached the stream (after the write), in whole
milliseconds; in the ingest scenario the difference between the two columns is the ingest itself (fetch, quality
checks and records, the DuckDB transaction), not the stream.

Target: p95 ≤ 100 ms from the write to receipt — ${r.scenarios
    .map(
      (s) =>
        `${s.name}: ${s.fromPublishP95Ms <= 100 ? 'met' : '**not met**'} from the publish stamp (${f(s.fromPublishP95Ms, 0)} ms), ${s.p95Ms <= 100 ? 'met' : '**not met**'} ${s.name === 'ingest' ? 'from the start of the ingest call' : 'from the hand-over'} (${f(s.p95Ms, 1)} ms)`,
    )
    .join('; ')}.
`;
};
