import type { StreamPrices, StreamServerMessage } from '@254carbon/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { InstrumentDefinition } from '../../src/domain/instruments/instrument.js';
import { PriceBatchBuilder } from '../../src/domain/prices/price-batch.js';
import type { MarketFeed } from '../../src/ports/market-feed.js';
import { pilotMarketFeeds } from '../support/pilot-markets.js';
import { startTestServer } from '../support/test-platform.js';

/**
 * Live prices end to end on a real listening server: WebSocket clients (`ws`) and SSE (fetch) receive what the
 * ingest stores, filtered by their grants; reconnects replay; heartbeats arrive; a slow client is dropped with a
 * reason while others keep receiving.
 */
const HOUR = 3_600_000;
const DAY_MS = 86_400_000;
/** Hour 5 UTC: the pilot feed's MISO.INDIANA.HUB LMP is 30 + 0 + 5 = 35 (energy 34, congestion 0.5, loss 0.5). */
const FIRST = Date.UTC(2026, 2, 9, 5);
const INDIANA = 'MISO.INDIANA.HUB';

/** 42 instruments with hourly prices: one day is one update of 1,008 rows (about 190 KB of JSON). */
const bulkFeed = (): MarketFeed => {
  const instruments: InstrumentDefinition[] = Array.from({ length: 42 }, (_, k) => ({
    id: `BULK.N${k}`,
    market: 'BULK',
    code: `N${k}`,
    name: `Node ${k}`,
    kind: 'node',
    product: 'lmp',
    aliases: [],
  }));
  return {
    id: 'bulk',
    market: {
      id: 'BULK',
      name: 'Bulk test market',
      timezone: 'UTC',
      currency: 'USD',
      runs: [{ id: 'DA', intervalMinutes: 60, description: 'Day-ahead hourly' }],
      synthetic: true,
    },
    datasets: [
      {
        id: 'prices.da',
        kind: 'prices',
        run: 'DA',
        description: 'bulk test prices',
        schedule: { cron: '0 0 0 1 1 *', timezone: 'UTC' },
      },
    ],
    instruments: () => Promise.resolve(instruments),
    publishedUntil: () => Date.UTC(2100, 0, 1),
    fetch: (_dataset, window) => {
      const builder = new PriceBatchBuilder();
      const run = builder.runSlot('DA');
      for (let t = window.fromMs; t < window.toMs; t += HOUR) {
        instruments.forEach((inst, k) => {
          const lmp = 20 + k + (t / HOUR) * 1e-6;
          builder.addColumns(builder.instrumentSlot(inst.id), run, t, 60, lmp, lmp, 0, 0, NaN);
        });
      }
      return Promise.resolve({ kind: 'prices', prices: builder.build() });
    },
  };
};

let server: Awaited<ReturnType<typeof startTestServer>>;
let base: string;
const keys: Record<string, string> = {};

const grant = async (
  tenantId: string,
  market: string,
  extra: { instruments?: string[]; dataTo?: string } = {},
): Promise<string> => {
  const { principal, context } = server.platform.caller;
  return (
    await server.platform.grants.grantEntitlement(
      principal,
      { tenantId, market, product: 'lmp', channels: ['api'], ...extra },
      context,
    )
  ).id;
};

const tenantWithKey = async (id: string): Promise<string> => {
  const { principal, context } = server.platform.caller;
  await server.platform.admin.createTenant(principal, { id, name: id }, context);
  const { key } = await server.platform.admin.createApiKey(
    principal,
    { tenantId: id, name: 'stream', roles: ['viewer'] },
    context,
  );
  return key;
};

/** Ingests `hours` hourly intervals of a feed from `fromMs` (the pilot feeds: one update per call). */
const ingest = (feed: string, fromMs: number, hours = 1) =>
  server.platform.ingest.ingest({ feed, range: { fromMs, toMs: fromMs + hours * HOUR } });

/** A WebSocket client that records every message and can wait for one. */
class Client {
  readonly messages: StreamServerMessage[] = [];
  readonly socket: WebSocket;
  closed: { code: number; reason: string } | null = null;
  readonly #waiters = new Set<() => void>();

  constructor(key: string) {
    this.socket = new WebSocket(`${base.replace('http', 'ws')}/api/v1/stream`, {
      headers: { authorization: `Bearer ${key}` },
    });
    this.socket.on('message', (data) => {
      this.messages.push(JSON.parse((data as Buffer).toString('utf8')) as StreamServerMessage);
      this.#waiters.forEach((w) => w());
    });
    this.socket.on('close', (code, reason) => {
      this.closed = { code, reason: String(reason) };
      this.#waiters.forEach((w) => w());
    });
  }

  opened(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.socket.once('open', () => resolve());
      this.socket.once('error', reject);
    });
  }

  send(message: object): void {
    this.socket.send(JSON.stringify(message));
  }

  of<T extends StreamServerMessage['type']>(type: T): Extract<StreamServerMessage, { type: T }>[] {
    return this.messages.filter((m) => m.type === type) as Extract<
      StreamServerMessage,
      { type: T }
    >[];
  }

  /** Resolves when `ready()` holds, checking after every message; fails after `ms`. */
  until(ready: () => boolean, what: string, ms = 5000): Promise<void> {
    if (ready()) {
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiters.delete(check);
        reject(
          new Error(
            `timed out waiting for ${what}; got ${JSON.stringify(this.messages).slice(0, 400)}`,
          ),
        );
      }, ms);
      const check = (): void => {
        if (ready()) {
          clearTimeout(timer);
          this.#waiters.delete(check);
          resolve();
        }
      };
      this.#waiters.add(check);
    });
  }

  /** Waits for a heartbeat announcing `seq` or later: everything published up to it has been sent before it. */
  async caughtUp(seq: number): Promise<void> {
    await this.until(
      () => this.of('heartbeat').some((h) => (h.seq ?? 0) >= seq),
      `a heartbeat at seq ≥ ${seq}`,
    );
  }

  close(): void {
    this.socket.close();
  }
}

const connect = async (key: string, subscribe?: object): Promise<Client> => {
  const client = new Client(key);
  await client.opened();
  if (subscribe) {
    client.send({ type: 'subscribe', ...subscribe });
    await client.until(
      () => client.messages.some((m) => m.type === 'subscribed' || m.type === 'error'),
      'the subscription answer',
    );
  }
  return client;
};

const rowsOf = (client: Client) => client.of('prices').flatMap((m) => m.rows);

beforeAll(async () => {
  server = await startTestServer(
    {
      CARBON_SCHEDULER_ENABLED: 'false',
      CARBON_STREAM_HEARTBEAT: '200ms',
      CARBON_STREAM_CLIENT_BUFFER_KB: '1024',
      CARBON_STREAM_REPLAY_UPDATES: '50',
    },
    [...pilotMarketFeeds(), bulkFeed()],
  );
  base = server.url;
  for (const feed of ['miso', 'caiso', 'bulk']) {
    await server.platform.ingest.register(feed);
  }
  keys.miso = await tenantWithKey('stream_miso');
  await grant('stream_miso', 'MISO');
  keys.caiso = await tenantWithKey('stream_caiso');
  await grant('stream_caiso', 'CAISO');
  keys.bulk = await tenantWithKey('stream_bulk');
  await grant('stream_bulk', 'BULK');
  keys.changing = await tenantWithKey('stream_changing');
  keys.none = await tenantWithKey('stream_none');
}, 60_000);

afterAll(async () => {
  await server?.close();
});

describe('live prices over WebSocket', () => {
  it('delivers the next ingested interval of a subscribed hub, with exact values', async () => {
    const client = await connect(keys.miso as string, { instruments: [INDIANA] });
    const ack = client.of('subscribed')[0];
    expect(ack).toMatchObject({ instruments: [INDIANA], markets: [], runs: null });
    await ingest('miso', FIRST);
    await client.until(() => client.of('prices').length > 0, 'prices');
    const [message] = client.of('prices') as [StreamPrices];
    expect(message.seq).toBeGreaterThan(ack?.seq ?? Infinity);
    expect(message.rows).toEqual([
      {
        instrument: INDIANA,
        run: 'DA',
        intervalStart: '2026-03-09T05:00:00.000Z',
        intervalMinutes: 60,
        lmp: 35,
        energy: 34,
        congestion: 0.5,
        loss: 0.5,
        ghg: null,
      },
    ]);
    // Ingesting the same interval again stores nothing new, so nothing is streamed.
    await ingest('miso', FIRST);
    await ingest('miso', FIRST + HOUR);
    await client.until(() => client.of('prices').length > 1, 'the second interval');
    expect(rowsOf(client).map((r) => r.intervalStart)).toEqual([
      '2026-03-09T05:00:00.000Z',
      '2026-03-09T06:00:00.000Z',
    ]);
    client.close();
  });

  it('refuses an unentitled subscription, naming it, and sends that client nothing', async () => {
    const client = await connect(keys.caiso as string, {
      instruments: [INDIANA, 'CAISO.TH_SP15_GEN-APND'],
    });
    expect(client.of('subscribed')).toEqual([]);
    expect(client.of('error')).toEqual([
      {
        type: 'error',
        code: 'not_entitled',
        message: `Your organisation is not entitled to ${INDIANA} through the api channel; nothing was subscribed.`,
      },
    ]);
    client.send({ type: 'subscribe', markets: ['MISO'] });
    await client.until(() => client.of('error').length === 2, 'the second refusal');
    await ingest('miso', FIRST + 2 * HOUR);
    await client.caughtUp(server.platform.stream.hub.lastSeq);
    expect(client.of('prices')).toEqual([]);
    await server.platform.audit.flush();
    const denied = await server.platform.audit.list(
      { tenantId: 'stream_caiso', result: 'denied', action: 'stream.subscribe' },
      { limit: 10 },
    );
    expect(denied.items.map((r) => r.resourceId).sort()).toEqual(['MISO', INDIANA]);
    client.close();
  });

  it('refuses a connection from a caller without any data entitlement before the upgrade', async () => {
    const statusOf = (headers: Record<string, string>) =>
      new Promise<number>((resolve) => {
        const socket = new WebSocket(`${base.replace('http', 'ws')}/api/v1/stream`, { headers });
        socket.on('error', () => undefined);
        socket.on('unexpected-response', (request, response) => {
          resolve(response.statusCode ?? 0);
          request.destroy();
        });
      });
    expect(await statusOf({ authorization: `Bearer ${keys.none}` })).toBe(403);
    expect(await statusOf({})).toBe(401);
  });

  it('audits the subscription like a data read', async () => {
    const client = await connect(keys.miso as string, { markets: ['MISO'], runs: ['DA'] });
    expect(client.of('subscribed')[0]).toMatchObject({ markets: ['MISO'], runs: ['DA'] });
    await server.platform.audit.flush();
    const granted = await server.platform.audit.list(
      { tenantId: 'stream_miso', result: 'success', action: 'stream.subscribe' },
      { limit: 10 },
    );
    expect(granted.items.map((r) => `${r.resourceType}:${r.resourceId}`)).toEqual(
      expect.arrayContaining(['market:MISO', `instrument:${INDIANA}`]),
    );
    client.close();
  });

  it('replays what a reconnecting client missed, and resets a client whose sequence is too old', async () => {
    const first = await connect(keys.miso as string, { instruments: [INDIANA] });
    await ingest('miso', FIRST + 3 * HOUR);
    await first.until(() => first.of('prices').length === 1, 'the first update');
    const seen = (first.of('prices')[0] as StreamPrices).seq;
    first.close();

    await ingest('miso', FIRST + 4 * HOUR);
    await ingest('miso', FIRST + 5 * HOUR);

    const again = await connect(keys.miso as string, { instruments: [INDIANA], after: seen });
    await again.until(() => again.of('prices').length === 2, 'the two missed updates');
    expect(rowsOf(again).map((r) => [r.intervalStart, r.lmp])).toEqual([
      ['2026-03-09T09:00:00.000Z', 39],
      ['2026-03-09T10:00:00.000Z', 40],
    ]);
    const seqs = again.of('prices').map((m) => m.seq);
    expect(seqs[0]).toBeGreaterThan(seen);
    expect(seqs[1]).toBeGreaterThan(seqs[0] as number);
    // Live updates continue after the replay, without repeating it.
    await ingest('miso', FIRST + 6 * HOUR);
    await again.until(() => again.of('prices').length === 3, 'the live update');
    expect(rowsOf(again).map((r) => r.intervalStart)[2]).toBe('2026-03-09T11:00:00.000Z');
    again.close();

    const stale = await connect(keys.miso as string, { instruments: [INDIANA], after: 1 });
    await stale.until(() => stale.of('reset').length === 1, 'a reset');
    expect(stale.of('reset')[0]?.reason).toMatch(/no longer kept for replay/);
    expect(stale.of('prices')).toEqual([]);
    stale.close();
  });

  it('sends heartbeats with the newest sequence number', async () => {
    const client = await connect(keys.miso as string);
    await client.until(() => client.of('heartbeat').length >= 2, 'two heartbeats', 3000);
    const [beat] = client.of('heartbeat');
    expect(beat?.seq).toBe(server.platform.stream.hub.lastSeq);
    expect(Date.parse(beat?.at ?? '')).not.toBeNaN();
    client.close();
  });

  it('honours grants that change mid-stream', async () => {
    const { principal, context } = server.platform.caller;
    const whole = await grant('stream_changing', 'MISO');
    const client = await connect(keys.changing as string, { markets: ['MISO'] });
    expect(client.of('subscribed')).toHaveLength(1);
    await ingest('miso', FIRST + 7 * HOUR);
    await client.until(
      () => client.of('prices').length === 1,
      'prices under the whole-market grant',
    );
    expect(
      rowsOf(client)
        .map((r) => r.instrument)
        .sort(),
    ).toEqual(['MISO.AMIL.BGS6', INDIANA, 'MISO.MICHIGAN.HUB']);

    // Narrowed to one hub: the market subscription stays, rows of the others stop.
    await grant('stream_changing', 'MISO', { instruments: [INDIANA] });
    await server.platform.grants.revokeEntitlement(principal, whole, context);
    await ingest('miso', FIRST + 8 * HOUR);
    await client.until(() => client.of('prices').length === 2, 'prices under the narrowed grant');
    expect(client.of('prices')[1]?.rows.map((r) => r.instrument)).toEqual([INDIANA]);

    // Revoked entirely: the subscription is dropped with an error naming it.
    const narrow = (
      await server.platform.grants.listEntitlements(
        principal,
        { tenantId: 'stream_changing' },
        context,
      )
    )[0];
    await server.platform.grants.revokeEntitlement(principal, narrow?.id as string, context);
    await client.until(() => client.of('error').length === 1, 'the entitlement error');
    expect(client.of('error')[0]?.message).toMatch(/no longer entitled to MISO/);
    await ingest('miso', FIRST + 9 * HOUR);
    await client.caughtUp(server.platform.stream.hub.lastSeq);
    expect(client.of('prices')).toHaveLength(2);
    client.close();
  });

  it('answers a malformed message with an error and keeps the connection', async () => {
    const client = await connect(keys.miso as string);
    client.send({ type: 'subscribe', instruments: 'MISO.INDIANA.HUB' });
    await client.until(() => client.of('error').length === 1, 'the error');
    expect(client.of('error')[0]).toMatchObject({ code: 'invalid_request' });
    client.send({ type: 'subscribe', instruments: ['not-an-id'] });
    await client.until(() => client.of('error').length === 2, 'the second error');
    expect(client.of('error')[1]?.message).toMatch(/not instrument ids: not-an-id/);
    client.send({ type: 'subscribe', instruments: [INDIANA] });
    await client.until(() => client.of('subscribed').length === 1, 'the subscription');
    client.close();
  });

  it('drops a slow client with a reason while a normal client keeps receiving', async () => {
    const normal = await connect(keys.bulk as string, { markets: ['BULK'] });
    const slow = await connect(keys.bulk as string, { markets: ['BULK'] });
    slow.socket.pause();
    const from = Date.UTC(2026, 0, 1);
    const days = 120;
    const dropped = (): boolean =>
      server.platform.stream.hub
        .connections()
        .filter((c) => c.principal.tenantId === 'stream_bulk' && !c.closed).length < 2;
    for (let d = 0; d < days; d++) {
      await server.platform.ingest.ingest({
        feed: 'bulk',
        range: { fromMs: from + d * DAY_MS, toMs: from + (d + 1) * DAY_MS },
      });
      if (dropped() && slow.socket.isPaused) {
        // Read again, so the client sees its close frame (the server cuts a client that never reads).
        slow.socket.resume();
      }
    }
    expect(dropped()).toBe(true);
    await normal.until(() => normal.of('prices').length === days, 'every update', 20_000);
    expect(rowsOf(normal)).toHaveLength(days * 24 * 42);
    await slow.until(() => slow.closed !== null, 'the slow client to be closed', 20_000);
    expect(slow.closed?.code).toBe(4008);
    expect(slow.closed?.reason).toMatch(
      /^client too slow: \d+ bytes waiting, the limit is 1048576$/,
    );
    expect(slow.of('prices').length).toBeLessThan(days);
    expect(normal.closed).toBeNull();
    normal.close();
  }, 60_000);
});

/** Reads SSE events from a fetch response until `enough` holds. */
const readEvents = async (
  response: Response,
  enough: (events: { id: string | null; event: string; data: unknown }[]) => boolean,
  ms = 5000,
) => {
  const events: { id: string | null; event: string; data: unknown }[] = [];
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const deadline = Date.now() + ms;
  while (!enough(events)) {
    if (Date.now() > deadline) {
      throw new Error(`timed out; events so far: ${JSON.stringify(events).slice(0, 400)}`);
    }
    const { value, done } = await reader.read();
    if (done) {
      break;
    }
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const fields = Object.fromEntries(
        block
          .split('\n')
          .filter((line) => !line.startsWith(':') && line.includes(': '))
          .map((line) => [line.slice(0, line.indexOf(': ')), line.slice(line.indexOf(': ') + 2)]),
      ) as Record<string, string>;
      if (fields.event !== undefined && fields.data !== undefined) {
        events.push({ id: fields.id ?? null, event: fields.event, data: JSON.parse(fields.data) });
      }
    }
  }
  await reader.cancel();
  return events;
};

describe('live prices over Server-Sent Events', () => {
  const sse = (key: string, query: string, headers: Record<string, string> = {}) =>
    fetch(`${base}/api/v1/stream/sse?${query}`, {
      headers: { authorization: `Bearer ${key}`, ...headers },
    });

  it('streams the next ingested interval with the sequence number as event id', async () => {
    const response = await sse(keys.miso as string, `instruments=${INDIANA}&runs=DA`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const reading = readEvents(response, (events) => events.some((e) => e.event === 'prices'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    await ingest('miso', FIRST + 10 * HOUR);
    const events = await reading;
    expect(events[0]).toMatchObject({ event: 'subscribed', data: { instruments: [INDIANA] } });
    const prices = events.find((e) => e.event === 'prices');
    expect(prices?.id).toBe(String((prices?.data as StreamPrices).seq));
    // The client left (the reader was cancelled): its connection leaves the hub.
    const open = (): number =>
      server.platform.stream.hub
        .connections()
        .filter((c) => c.principal.tenantId === 'stream_miso' && !c.closed).length;
    for (let i = 0; i < 50 && open() > 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(open()).toBe(0);
    expect((prices?.data as StreamPrices).rows).toEqual([
      expect.objectContaining({
        instrument: INDIANA,
        intervalStart: '2026-03-09T15:00:00.000Z',
        lmp: 45,
      }),
    ]);
  });

  it('resumes after Last-Event-ID with what was missed', async () => {
    const before = server.platform.stream.hub.lastSeq;
    await ingest('miso', FIRST + 11 * HOUR);
    await ingest('caiso', FIRST + 11 * HOUR);
    const response = await sse(keys.miso as string, `instruments=${INDIANA}`, {
      'last-event-id': String(before),
    });
    const events = await readEvents(response, (e) => e.some((x) => x.event === 'prices'));
    const prices = events.filter((e) => e.event === 'prices');
    expect(prices).toHaveLength(1);
    expect((prices[0]?.data as StreamPrices).rows.map((r) => r.intervalStart)).toEqual([
      '2026-03-09T16:00:00.000Z',
    ]);
  });

  it('refuses an unentitled subscription with a problem document naming it', async () => {
    const response = await sse(keys.caiso as string, `instruments=${INDIANA}`);
    expect(response.status).toBe(403);
    const problem = (await response.json()) as { code: string; detail: string };
    expect(problem.code).toBe('not_entitled');
    expect(problem.detail).toContain(INDIANA);
    expect((await sse(keys.miso as string, 'runs=DA')).status).toBe(400);
  });
});
