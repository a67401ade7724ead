import { describe, expect, it } from 'vitest';
import { makePrincipal } from '../../domain/access/principal.js';
import { PriceBatchBuilder, type PriceBatch } from '../../domain/prices/price-batch.js';
import { ManualClock } from '../../platform/clock.js';
import { silentLogger } from '../../platform/logger.js';
import { StreamConnection, type StreamSink } from './stream-connection.js';
import { StreamGrants } from './stream-grants.js';
import { StreamHub } from './stream-hub.js';

const T0 = Date.UTC(2026, 2, 9);

/** A transport that records what it was given and pretends `backlog` bytes are still waiting. */
const fakeSink = () => {
  const sent: { type: string; json: string; seq: number | null }[] = [];
  const state = { backlog: 0, closed: null as string | null };
  const sink: StreamSink = {
    send: (type, json, seq) => {
      sent.push({ type, json, seq });
    },
    bufferedBytes: () => state.backlog,
    close: (kind, reason) => {
      state.closed = `${kind}: ${reason}`;
    },
  };
  return { sink, sent, state };
};

const batch = (ids: readonly string[], hour: number): PriceBatch => {
  const builder = new PriceBatchBuilder();
  const run = builder.runSlot('DA');
  ids.forEach((id, k) => {
    builder.addColumns(
      builder.instrumentSlot(id),
      run,
      T0 + hour * 3_600_000,
      60,
      10 + k,
      10,
      0,
      0,
      NaN,
    );
  });
  return builder.build();
};

const event = (prices: PriceBatch) => ({
  instrumentIds: prices.instrumentIds,
  fromMs: T0,
  toMs: T0 + 86_400_000,
  inserted: prices.length,
  revised: 0,
  unchanged: 0,
  prices,
});

const connection = (market: string, maxBufferedBytes = 1000) => {
  const fake = fakeSink();
  const conn = new StreamConnection({
    principal: makePrincipal({
      tenantId: 't',
      actor: 'key:k',
      displayName: 'k',
      roles: ['viewer'],
      method: 'api_key',
    }),
    context: { ip: null, requestId: null },
    sink: fake.sink,
    grants: new StreamGrants(null),
    maxBufferedBytes,
  });
  conn.setSubscription({ instruments: new Set(), markets: new Set([market]), runs: null });
  return { conn, ...fake };
};

const hub = () =>
  new StreamHub({
    clock: new ManualClock(T0),
    logger: silentLogger(),
    settings: { heartbeatMs: 60_000, replayUpdates: 10, replayRows: 1000, replayAgeMs: 60_000 },
  });

describe('StreamHub', () => {
  it('numbers nothing before the first client, then numbers updates from the start time', () => {
    const h = hub();
    expect(h.publish(event(batch(['MISO.A'], 0)))).toBeNull();
    const a = connection('MISO');
    h.add(a.conn);
    const update = h.publish(event(batch(['MISO.A'], 1)));
    expect(update?.seq).toBe(T0 * 1000 + 1);
    expect(a.sent.map((m) => [m.type, m.seq])).toEqual([['prices', T0 * 1000 + 1]]);
    h.close();
  });

  it('drops a client whose queue is over its bound and keeps serving the others', () => {
    const h = hub();
    const slow = connection('MISO', 300);
    const normal = connection('MISO', 300);
    const other = connection('CAISO', 300);
    [slow, normal, other].forEach((c) => h.add(c.conn));
    slow.state.backlog = 250;
    h.publish(event(batch(['MISO.A', 'MISO.B'], 0)));
    expect(slow.state.closed).toMatch(
      /^slow: client too slow: 250 bytes waiting, the limit is 300$/,
    );
    expect(slow.sent).toEqual([]);
    expect(normal.sent).toHaveLength(1);
    // Not subscribed to MISO: nothing at all.
    expect(other.sent).toEqual([]);
    h.publish(event(batch(['MISO.A'], 1)));
    expect(normal.sent).toHaveLength(2);
    expect(h.connections()).not.toContain(slow.conn);
    h.close();
    expect(normal.state.closed).toBe('done: server shutting down');
  });

  it('always delivers one message to an idle client, however large', () => {
    const h = hub();
    const small = connection('MISO', 10);
    h.add(small.conn);
    h.publish(event(batch(['MISO.A', 'MISO.B', 'MISO.C'], 0)));
    expect(small.sent).toHaveLength(1);
    expect(small.state.closed).toBeNull();
    h.close();
  });
});
