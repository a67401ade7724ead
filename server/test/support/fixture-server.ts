import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  readonly method: string;
  /** Path with query string, as received. */
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

export type FixtureHandler = (
  request: RecordedRequest,
) =>
  | { status?: number; headers?: Record<string, string>; body?: Uint8Array | string }
  | Promise<{ status?: number; headers?: Record<string, string>; body?: Uint8Array | string }>;

/**
 * A loopback HTTP server standing in for an operator's interface: it answers with recorded responses and
 * records what was asked, so tests can check URLs, parameters and credentials. Listens on 127.0.0.1 only.
 */
export const startFixtureServer = async (
  handler: FixtureHandler,
): Promise<{ baseUrl: string; requests: RecordedRequest[]; close(): Promise<void> }> => {
  const requests: RecordedRequest[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      void Promise.resolve(handler(recorded)).then(
        (answer) => {
          res.writeHead(answer.status ?? 200, answer.headers ?? {});
          res.end(answer.body ?? '');
        },
        (error: unknown) => {
          res.writeHead(500);
          res.end(String(error));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
