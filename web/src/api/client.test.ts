import type { Problem } from '@254carbon/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiUrl, getJson, pricesUrl } from './client';
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
