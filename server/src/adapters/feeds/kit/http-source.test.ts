import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startFixtureServer } from '../../../../test/support/fixture-server.js';
import { AppError } from '../../../platform/errors.js';
import { HttpSource, redactUrl, type HttpSourceOptions } from './http-source.js';

const source = (options: Partial<HttpSourceOptions> = {}) =>
  new HttpSource({
    name: 'Test ISO',
    timeoutMs: 2000,
    retries: 2,
    retryBaseMs: 5,
    minIntervalMs: 1,
    userAgent: '254carbon-test',
    ...options,
  });

let server: Awaited<ReturnType<typeof startFixtureServer>> | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

/** A loopback port nothing listens on. */
const closedPort = (): Promise<number> =>
  new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

describe('HttpSource', () => {
  it('returns the document with the operator file name and sends the user agent and credentials', async () => {
    server = await startFixtureServer(() => ({
      headers: { 'content-disposition': 'attachment; filename="20260714_da_expost_lmp.csv"' },
      body: 'Node,Type',
    }));
    const document = await source({ headers: () => ({ 'x-api-key': 'k1' }) }).get(
      `${server.baseUrl}/download?id=1`,
    );
    expect(document.name).toBe('20260714_da_expost_lmp.csv');
    expect(new TextDecoder().decode(document.bytes)).toBe('Node,Type');
    expect(server.requests[0]?.headers).toMatchObject({
      'user-agent': '254carbon-test',
      'x-api-key': 'k1',
    });
  });

  it('waits as long as a 429 asks and retries 5xx, then succeeds', async () => {
    let calls = 0;
    server = await startFixtureServer(() => {
      calls += 1;
      return calls === 1
        ? { status: 429, headers: { 'retry-after': '1' } }
        : calls === 2
          ? { status: 503 }
          : { body: 'ok' };
    });
    const began = Date.now();
    const document = await source().get(`${server.baseUrl}/report.csv`);
    expect(new TextDecoder().decode(document.bytes)).toBe('ok');
    expect(calls).toBe(3);
    expect(Date.now() - began).toBeGreaterThanOrEqual(950);
  });

  it('gives up after the configured attempts with a message that says what failed and that stored data stays', async () => {
    server = await startFixtureServer(() => ({ status: 500 }));
    await expect(source().get(`${server.baseUrl}/report.csv`)).rejects.toMatchObject({
      code: 'upstream_unavailable',
      message: expect.stringMatching(
        /^Test ISO could not be reached for http:\/\/127\.0\.0\.1:\d+\/report\.csv after 3 attempts \(HTTP 500\)\. Stored data is still served/,
      ),
    });
    expect(server.requests).toHaveLength(3);
  });

  it('treats 404 as "not published yet" when asked, and does not retry a refused credential', async () => {
    server = await startFixtureServer((request) =>
      request.url.startsWith('/missing')
        ? { status: 404 }
        : request.url.startsWith('/bad')
          ? { status: 400, body: 'Row count is missing.' }
          : { status: 403 },
    );
    await expect(source().get(`${server.baseUrl}/bad`)).rejects.toThrow(
      /answered HTTP 400 for .*\/bad: Row count is missing\.$/,
    );
    expect(await source().getOptional(`${server.baseUrl}/missing.csv`)).toBeNull();
    await expect(source().get(`${server.baseUrl}/missing.csv`)).rejects.toThrow(
      /answered HTTP 404/,
    );
    await expect(
      source({ credentialsHint: 'Check CARBON_PJM_API_KEY.' }).get(`${server.baseUrl}/feed`),
    ).rejects.toThrow(/answered HTTP 403 for .*\/feed\. Check CARBON_PJM_API_KEY\./);
    expect(server.requests.filter((r) => r.url === '/feed')).toHaveLength(1);
  });

  it('reports a missing credential as such, without retrying it as a network failure', async () => {
    server = await startFixtureServer(() => ({ body: 'x' }));
    const keyed = source({
      headers: () => {
        throw new AppError('unavailable', 'PJM Data Miner 2 needs CARBON_PJM_API_KEY.');
      },
    });
    await expect(keyed.get(`${server.baseUrl}/feed`)).rejects.toThrow(
      'PJM Data Miner 2 needs CARBON_PJM_API_KEY.',
    );
    expect(server.requests).toHaveLength(0);
  });

  it('fails clearly when the operator cannot be reached (offline)', async () => {
    const port = await closedPort();
    await expect(source().get(`http://127.0.0.1:${port}/x.csv`)).rejects.toMatchObject({
      code: 'upstream_unavailable',
      message: expect.stringContaining('could not be reached'),
    });
  });

  it('paces requests to the source’s limit', async () => {
    server = await startFixtureServer(() => ({ body: 'x' }));
    const paced = source({ minIntervalMs: 150 });
    const began = Date.now();
    await Promise.all([1, 2, 3].map((n) => paced.get(`${server?.baseUrl ?? ''}/f${n}`)));
    expect(Date.now() - began).toBeGreaterThanOrEqual(290);
  });

  it('never shows secret query parameters in messages', () => {
    expect(
      redactUrl('https://web-api.tp.entsoe.eu/api?securityToken=abc123&documentType=A44'),
    ).toBe('https://web-api.tp.entsoe.eu/api?securityToken=***&documentType=A44');
  });
});
