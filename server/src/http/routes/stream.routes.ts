import {
  Problem,
  StreamClientMessage,
  StreamSseQuery,
  type StreamServerMessage,
} from '@254carbon/contracts';
import fastifyWebsocket from '@fastify/websocket';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { Value } from 'typebox/value';
import type { RawData, WebSocket } from 'ws';
import type { StreamConnection, StreamSink } from '../../features/streaming/stream-connection.js';
import { AppError, invalidRequest } from '../../platform/errors.js';
import { contextOf, type RouteAccess } from '../access-control.js';
import type { HttpDeps } from '../http-deps.js';

/** WebSocket close code for a client dropped for reading too slowly (4000–4999: application codes). */
export const CLOSE_TOO_SLOW = 4008;
/** How long a dropped client may take to read its close frame or final event before the socket is cut. */
const DROP_GRACE_MS = 5_000;
/** Subscription messages are small; anything larger is a mistake or an attack. */
const MAX_CLIENT_MESSAGE_BYTES = 256 * 1024;

const ACCESS: RouteAccess = { permission: 'data:read', limit: 'general' };

/** Close reasons are limited to 123 bytes by the protocol. */
const closeReason = (text: string): string => Buffer.from(text).subarray(0, 123).toString();

const errorJson = (code: string, message: string): string =>
  JSON.stringify({ type: 'error', code, message } satisfies StreamServerMessage);

const textOf = (data: RawData): string =>
  (Array.isArray(data)
    ? Buffer.concat(data)
    : data instanceof ArrayBuffer
      ? Buffer.from(data)
      : data
  ).toString('utf8');

const splitList = (text: string | undefined): string[] | undefined =>
  text === undefined ? undefined : text.split(',');

/** The first problem TypeBox finds in a client message, said plainly. */
const firstProblem = (message: unknown): string => {
  const [error] = Value.Errors(StreamClientMessage, message);
  return error
    ? `${error.instancePath || 'message'}: ${error.message}`
    : 'not a subscribe or unsubscribe message';
};

const wsSink = (socket: WebSocket): StreamSink => ({
  send: (_type, json) => {
    if (socket.readyState === socket.OPEN) {
      socket.send(json);
    }
  },
  bufferedBytes: () => socket.bufferedAmount,
  close: (kind, reason) => {
    socket.close(kind === 'slow' ? CLOSE_TOO_SLOW : 1001, closeReason(reason));
    setTimeout(() => socket.terminate(), DROP_GRACE_MS).unref();
  },
});

/**
 * An SSE sink. Until the stream starts (the subscription is checked first, so a refusal can still be a problem
 * document with its status), messages wait in memory; afterwards they go straight to the socket.
 */
const sseSink = (reply: FastifyReply) => {
  const raw = reply.raw;
  let pending: string[] | null = [];
  let pendingBytes = 0;
  const write = (text: string): void => {
    if (pending === null) {
      // The client may have gone between its socket closing and the close event reaching the hub.
      if (!raw.destroyed && !raw.writableEnded) {
        raw.write(text);
      }
    } else {
      pending.push(text);
      pendingBytes += text.length;
    }
  };
  const frame = (type: string, json: string, seq: number | null): string =>
    `${seq === null ? '' : `id: ${seq}\n`}event: ${type}\ndata: ${json}\n\n`;
  const sink: StreamSink = {
    send: (type, json, seq) => write(frame(type, json, seq)),
    bufferedBytes: () => (pending === null ? raw.writableLength : pendingBytes),
    close: (kind, reason) => {
      write(frame('error', errorJson(kind === 'slow' ? 'too_slow' : 'closed', reason), null));
      if (pending === null) {
        raw.end();
        setTimeout(() => raw.destroy(), DROP_GRACE_MS).unref();
      }
    },
  };
  const start = (): void => {
    raw.writeHead(200, {
      ...(reply.getHeaders() as Record<string, string>),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      // Tells proxies such as nginx not to buffer the stream.
      'x-accel-buffering': 'no',
    });
    raw.write('retry: 3000\n\n');
    for (const text of pending ?? []) {
      raw.write(text);
    }
    pending = null;
  };
  return { sink, start };
};

/** `Last-Event-ID` (what a browser's EventSource resends on reconnect) wins over `after`. */
const resumeAfter = (request: FastifyRequest, after: number | undefined): number | undefined => {
  const header = request.headers['last-event-id'];
  if (typeof header === 'string' && header.trim() !== '') {
    if (!/^[0-9]{1,16}$/.test(header.trim())) {
      throw invalidRequest('Last-Event-ID must be a sequence number from this stream', [
        { field: 'Last-Event-ID', message: 'a whole number' },
      ]);
    }
    return Number(header.trim());
  }
  return after;
};

/** Live prices: WebSocket at /stream, Server-Sent Events at /stream/sse (see contracts/src/stream.ts). */
export const streamRoutes =
  (deps: HttpDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    await app.register(fastifyWebsocket, { options: { maxPayload: MAX_CLIENT_MESSAGE_BYTES } });
    // An upgrade refused by a hook (401, 403, 429) is answered over the raw socket, which nothing else closes.
    app.addHook('onResponse', (request, _reply, done) => {
      if (request.headers.upgrade !== undefined && !request.raw.socket.destroyed) {
        request.raw.socket.destroy();
      }
      done();
    });
    // Streams never finish by themselves: end them when the server closes, or closing would wait for them.
    app.addHook('preClose', (done) => {
      deps.stream.closeAll('server shutting down');
      done();
    });

    app.route({
      method: 'GET',
      url: '/stream',
      config: { access: ACCESS },
      schema: {
        tags: ['prices'],
        summary: 'Live prices over WebSocket',
        description:
          'Upgrade to a WebSocket, then send {"type":"subscribe","instruments":[…],"markets":[…],"runs":[…],' +
          '"after":<seq>}. Messages: subscribed, prices (numbered by seq), heartbeat, reset, error. A client ' +
          `that falls too far behind is closed with code ${CLOSE_TOO_SLOW} and the reason.`,
        response: { 400: Problem, 401: Problem, 403: Problem },
      },
      // Refuse before the upgrade, so an unauthorised client gets a plain HTTP status.
      preHandler: async (request) => {
        await deps.access.requireDataAccess(
          request.principal,
          'data:read',
          'stream.open',
          contextOf(request),
        );
      },
      handler: () =>
        Promise.reject(
          invalidRequest('This endpoint speaks WebSocket: send an Upgrade: websocket request.'),
        ),
      wsHandler: (socket, request) => {
        let connection: StreamConnection | null = null;
        // Messages are handled one at a time, in order, even those sent before the connection was set up.
        let queue: Promise<void> = (async () => {
          try {
            connection = await deps.stream.open(
              request.principal,
              contextOf(request),
              wsSink(socket),
            );
          } catch (error) {
            const known = error instanceof AppError;
            socket.send(
              errorJson(known ? error.code : 'internal', known ? error.message : 'failed'),
            );
            socket.close(1008, 'not allowed');
          }
        })();
        const handle = async (data: string): Promise<void> => {
          const current = connection;
          if (current === null || current.closed) {
            return;
          }
          let message: unknown;
          try {
            message = JSON.parse(data);
          } catch {
            current.sendError('invalid_request', 'Messages must be JSON objects.');
            return;
          }
          if (!Value.Check(StreamClientMessage, message)) {
            current.sendError('invalid_request', `Invalid message: ${firstProblem(message)}.`);
            return;
          }
          try {
            if (message.type === 'subscribe') {
              await deps.stream.subscribe(current, message);
            } else {
              deps.stream.unsubscribe(current, message);
            }
          } catch (error) {
            if (error instanceof AppError) {
              current.sendError(error.code, error.message);
            } else {
              request.log.error({ err: error }, 'stream subscription failed');
              current.sendError('internal', `Something went wrong (request ${request.id}).`);
            }
          }
        };
        socket.on('message', (data, isBinary) => {
          const text = isBinary ? '' : textOf(data);
          queue = queue.then(() => handle(text));
        });
        socket.on('close', () => {
          void queue.then(() => {
            if (connection !== null) {
              deps.stream.close(connection);
            }
          });
        });
      },
    });

    app.get(
      '/stream/sse',
      {
        config: { access: ACCESS },
        schema: {
          tags: ['prices'],
          summary: 'Live prices as Server-Sent Events',
          description:
            'The subscription is the query (instruments and/or markets, optional runs). Events: subscribed, ' +
            'prices (id = sequence number; a reconnecting EventSource resumes with Last-Event-ID), heartbeat, ' +
            'reset, and error (the last event before the server ends a connection).',
          querystring: Type.Object(StreamSseQuery.properties, { additionalProperties: false }),
          response: {
            200: {
              description: 'An event stream',
              content: { 'text/event-stream': { schema: Type.String() } },
            },
            400: Problem,
            403: Problem,
            404: Problem,
          },
        },
      },
      async (request, reply) => {
        const after = resumeAfter(request, request.query.after);
        const { sink, start } = sseSink(reply);
        const connection = await deps.stream.open(request.principal, contextOf(request), sink);
        // The response's close is the connection's end (also when the client leaves before the stream starts).
        reply.raw.on('close', () => deps.stream.close(connection));
        try {
          await deps.stream.subscribe(connection, {
            instruments: splitList(request.query.instruments),
            markets: splitList(request.query.markets),
            runs: splitList(request.query.runs),
            after,
          });
        } catch (error) {
          deps.stream.close(connection);
          throw error;
        }
        if (reply.raw.destroyed) {
          deps.stream.close(connection);
          return reply;
        }
        reply.hijack();
        start();
        if (connection.closed) {
          reply.raw.end();
        }
        return reply;
      },
    );
  };
