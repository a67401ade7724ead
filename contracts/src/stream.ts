import { Type, type Static } from 'typebox';
import { MarketRunId } from './markets.js';

/**
 * Live prices over WebSocket (`GET /api/v1/stream`) and Server-Sent Events (`GET /api/v1/stream/sse`).
 * Every update the server publishes carries a sequence number; a client that reconnects with the last one it saw
 * gets what it missed from the server's replay buffer, or a `reset` when that is no longer possible.
 */

const IdList = (description: string) =>
  Type.Optional(
    Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 1000, description }),
  );

/** Client → server (WebSocket): start receiving instruments and/or whole markets, optionally resuming. */
export const StreamSubscribe = Type.Object(
  {
    type: Type.Literal('subscribe'),
    instruments: IdList('Instrument ids, e.g. SIM.HUB_NORTH.'),
    markets: IdList('Market ids: every instrument of the market the caller is entitled to.'),
    runs: Type.Optional(
      Type.Array(MarketRunId, { description: 'Only these runs (default: all).' }),
    ),
    after: Type.Optional(
      Type.Integer({ minimum: 0, description: 'Replay every update after this sequence number.' }),
    ),
  },
  { additionalProperties: false },
);
export type StreamSubscribe = Static<typeof StreamSubscribe>;

/** Client → server (WebSocket): stop receiving some instruments or markets. */
export const StreamUnsubscribe = Type.Object(
  {
    type: Type.Literal('unsubscribe'),
    instruments: IdList('Instrument ids to drop.'),
    markets: IdList('Market ids to drop.'),
  },
  { additionalProperties: false },
);
export type StreamUnsubscribe = Static<typeof StreamUnsubscribe>;

export const StreamClientMessage = Type.Union([StreamSubscribe, StreamUnsubscribe]);
export type StreamClientMessage = Static<typeof StreamClientMessage>;

const Component = Type.Union([Type.Number(), Type.Null()]);

/** One new or revised price interval, as in `GET /api/v1/prices`. */
export const StreamPriceRow = Type.Object({
  instrument: Type.String(),
  run: MarketRunId,
  intervalStart: Type.String({ format: 'date-time' }),
  intervalMinutes: Type.Integer(),
  lmp: Type.Number(),
  energy: Component,
  congestion: Component,
  loss: Component,
  ghg: Component,
});
export type StreamPriceRow = Static<typeof StreamPriceRow>;

/** Server → client: the rows of one stored update that this caller subscribed to and may see. */
export const StreamPrices = Type.Object({
  type: Type.Literal('prices'),
  seq: Type.Integer({
    description: 'Sequence number of the update; increases within a server process.',
  }),
  publishedAt: Type.String({ format: 'date-time', description: 'When the server published it.' }),
  rows: Type.Array(StreamPriceRow),
});
export type StreamPrices = Static<typeof StreamPrices>;

export const StreamHeartbeat = Type.Object({
  type: Type.Literal('heartbeat'),
  seq: Type.Optional(Type.Integer({ description: 'The newest sequence number published.' })),
  at: Type.String({ format: 'date-time' }),
});
export type StreamHeartbeat = Static<typeof StreamHeartbeat>;

/** Server → client: the subscription now in force (after a subscribe or unsubscribe). */
export const StreamSubscribed = Type.Object({
  type: Type.Literal('subscribed'),
  instruments: Type.Array(Type.String()),
  markets: Type.Array(Type.String()),
  runs: Type.Union([Type.Array(MarketRunId), Type.Null()]),
  seq: Type.Integer({ description: 'The newest sequence number published when this took effect.' }),
});
export type StreamSubscribed = Static<typeof StreamSubscribed>;

/** Server → client: the missed updates cannot be replayed; re-read the gap over REST, then continue. */
export const StreamReset = Type.Object({
  type: Type.Literal('reset'),
  reason: Type.String(),
  seq: Type.Integer({ description: 'The newest sequence number published; continue from here.' }),
});
export type StreamReset = Static<typeof StreamReset>;

export const StreamError = Type.Object({
  type: Type.Literal('error'),
  code: Type.String({
    description: 'Same codes as problem documents (not_entitled, invalid_request …).',
  }),
  message: Type.String(),
});
export type StreamError = Static<typeof StreamError>;

export const StreamServerMessage = Type.Union([
  StreamPrices,
  StreamHeartbeat,
  StreamSubscribed,
  StreamReset,
  StreamError,
]);
export type StreamServerMessage = Static<typeof StreamServerMessage>;

/** `GET /api/v1/stream/sse` query: the subscription, fixed for the life of the connection. */
export const StreamSseQuery = Type.Object({
  instruments: Type.Optional(
    Type.String({ description: 'Comma-separated instrument ids.', maxLength: 20_000 }),
  ),
  markets: Type.Optional(
    Type.String({ description: 'Comma-separated market ids.', maxLength: 2000 }),
  ),
  runs: Type.Optional(Type.String({ description: 'Comma-separated runs (default: all).' })),
  after: Type.Optional(
    Type.Integer({
      minimum: 0,
      description: 'Replay updates after this sequence number (the Last-Event-ID header wins).',
    }),
  ),
});
export type StreamSseQuery = Static<typeof StreamSseQuery>;
