import type { Problem } from '@254carbon/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ApiError,
  apiUrl,
  fetchMe,
  getJson,
  login,
  logout,
  parseRetryAfter,
  pricesUrl,
  requestJson,
  setSessionEndedHandler,
} from './client';
import { describeError } from './describe-error';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('apiUrl', () => {
  it('joins lists with commas and leaves out empty values', () => {
    expect(
      apiUrl('/prices/latest', { market: 'SIM', instruments: ['A.X', 'A.Y'], runs: [], q: '' }),
    ).toBe('/api/v1/prices/latest?market=SIM&instruments=A.X%2CA.Y');
  });

  it('sends an aggregation only with a resample interval, and format only for CSV', () => {
    const search = {
      instruments: ['SIM.HUB_NORTH'],
      start: '2026-11-22',
      end: '2026-11-24',
      runs: ['DA', 'RT5'],
      resample: null,
      agg: 'max' as const,
    };
    expect(pricesUrl(search)).toBe(
      '/api/v1/prices?instruments=SIM.HUB_NORTH&start=2026-11-22&end=2026-11-24&runs=DA%2CRT5',
    );
    expect(pricesUrl({ ...search, resample: '1h' }, 'csv')).toContain(
      '&resample=1h&agg=max&format=csv',
    );
  });
});

describe('getJson', () => {
  it('throws an ApiError carrying the problem details of a failed call', async () => {
    const problem: Problem = {
      type: 'https://254carbon.dev/problems/invalid-request',
      title: 'Invalid request',
      status: 400,
      detail: 'foo is not a parameter of this endpoint (see /docs)',
      code: 'invalid_request',
      requestId: 'req-1',
      errors: [{ field: 'foo', message: 'is not a parameter of this endpoint (see /docs)' }],
    };
    vi.stubGlobal(
      'fetch',
      vi.fn(() =>
        Promise.resolve(
          Response.json(problem, {
            status: 400,
            headers: { 'content-type': 'application/problem+json' },
          }),
        ),
      ),
    );
    const error: unknown = await getJson('/api/v1/prices?foo=1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).problem).toEqual(problem);
    expect(describeError(error)).toEqual({
      detail: problem.detail,
      requestId: 'req-1',
      items: [],
    });
  });

  it('reports an answer that is not a problem with its status and request id', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() =>
        Promise.resolve(
          new Response('<html>Bad gateway</html>', {
            status: 502,
            headers: { 'x-request-id': 'req-2' },
          }),
        ),
      ),
    );
    const error = (await getJson('/api/v1/markets').catch((e: unknown) => e)) as ApiError;
    expect(error.problem).toMatchObject({ status: 502, code: 'unavailable', requestId: 'req-2' });
    expect(error.message).toBe('The server answered 502.');
  });
});

const problemResponse = (status: number, code: Problem['code'], headers: HeadersInit = {}) =>
  Response.json(
    {
      type: 'about:blank',
      title: 'x',
      status,
      detail: `failed with ${status}`,
      code,
      requestId: 'req-3',
    } satisfies Problem,
    { status, headers: { 'content-type': 'application/problem+json', ...headers } },
  );

describe('requestJson', () => {
  it('sends the CSRF header on every request, and JSON bodies on POST', async () => {
    const fetchMock = vi.fn((_url: string, _init: RequestInit) =>
      Promise.resolve(Response.json({ ok: true })),
    );
    vi.stubGlobal('fetch', fetchMock);
    await getJson('/api/v1/markets');
    await login({ username: 'admin', password: 'secret' });
    const [getCall, postCall] = fetchMock.mock.calls;
    expect(new Headers(getCall?.[1].headers).get('x-requested-with')).toBe('254carbon');
    expect(postCall?.[0]).toBe('/api/v1/auth/login');
    expect(postCall?.[1].method).toBe('POST');
    expect(new Headers(postCall?.[1].headers).get('x-requested-with')).toBe('254carbon');
    expect(new Headers(postCall?.[1].headers).get('content-type')).toBe('application/json');
    expect(postCall?.[1].body).toBe('{"username":"admin","password":"secret"}');
  });

  it('resolves a 204 to undefined', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(new Response(null, { status: 204 }))),
    );
    await expect(logout()).resolves.toBeUndefined();
  });

  it('reports a 401 from a data call as the end of the session, but not from sign-in or "who am I"', async () => {
    const ended = vi.fn();
    const unregister = setSessionEndedHandler(ended);
    try {
      vi.stubGlobal(
        'fetch',
        vi.fn(() => Promise.resolve(problemResponse(401, 'not_authenticated'))),
      );
      await expect(fetchMe()).rejects.toMatchObject({ status: 401 });
      await expect(login({ username: 'a', password: 'b' })).rejects.toBeInstanceOf(ApiError);
      expect(ended).not.toHaveBeenCalled();
      await expect(getJson('/api/v1/markets')).rejects.toMatchObject({ status: 401 });
      expect(ended).toHaveBeenCalledTimes(1);
    } finally {
      unregister();
    }
    // Once unregistered, nothing is called.
    await getJson('/api/v1/markets').catch(() => undefined);
    expect(ended).toHaveBeenCalledTimes(1);
  });

  it('reads Retry-After from a 429', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(problemResponse(429, 'rate_limited', { 'retry-after': '120' }))),
    );
    const error = (await requestJson('/api/v1/auth/login', { method: 'POST' }).catch(
      (e: unknown) => e,
    )) as ApiError;
    expect(error.status).toBe(429);
    expect(error.retryAfterSeconds).toBe(120);
  });
});

describe('parseRetryAfter', () => {
  it('reads delay-seconds and HTTP dates', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('30', now)).toBe(30);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:01:30 GMT', now)).toBe(90);
    expect(parseRetryAfter('Wed, 31 Dec 2025 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
  });
});
