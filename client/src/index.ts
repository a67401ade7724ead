import createFetchClient, { type Client } from 'openapi-fetch';
import type { paths } from './openapi.js';

export type { paths } from './openapi.js';

/** JSON body of a successful GET on `P`. */
type Ok<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: { content: { 'application/json': infer T } } } };
}
  ? T
  : never;

/** Query parameters of a GET on `P`. */
type Query<P extends keyof paths> = paths[P] extends { get: { parameters: { query?: infer Q } } }
  ? NonNullable<Q>
  : never;

/** A comma-separated list of the API, or the same as an array. */
type List = string | readonly string[];

export type PriceResponse = Ok<'/api/v1/prices'>;
export type PriceRow = PriceResponse['data'][number];
export type PriceQuery = Omit<Query<'/api/v1/prices'>, 'format' | 'instruments' | 'runs'> & {
  instruments: List;
  runs?: List;
};
export type LatestPriceQuery = Omit<Query<'/api/v1/prices/latest'>, 'instruments' | 'runs'> & {
  instruments?: List;
  runs?: List;
};
export type LatestPrice = Ok<'/api/v1/prices/latest'>['data'][number];
export type Market = Ok<'/api/v1/markets/{id}'>;
export type InstrumentQuery = Query<'/api/v1/instruments'>;
export type InstrumentPage = Ok<'/api/v1/instruments'>;
export type Instrument = Ok<'/api/v1/instruments/{id}'>;
export type CurveListItem = Ok<'/api/v1/curves'>['data'][number];
export type CurveDetail = Ok<'/api/v1/curves/{curveId}'>;
export type CurvePricesQuery = Omit<Query<'/api/v1/curves/{curveId}/prices'>, 'format'>;
export type CurvePrices = Ok<'/api/v1/curves/{curveId}/prices'>;
export type CurveRunsQuery = Query<'/api/v1/curves/{curveId}/runs'>;
export type CurveRunPage = Ok<'/api/v1/curves/{curveId}/runs'>;
export type CurveRunDetail = Ok<'/api/v1/curves/{curveId}/runs/{runId}'>;

/** A refused or failed call: the server's problem details (RFC 9457) with its stable code and request id. */
export class ApiError extends Error {
  readonly status: number;
  /** not_authenticated, not_entitled, not_found, invalid_request, rate_limited … */
  readonly code: string;
  readonly requestId: string | null;
  readonly fields: readonly { field: string; message: string }[];

  constructor(status: number, problem: unknown) {
    const p = (typeof problem === 'object' && problem !== null ? problem : {}) as {
      detail?: unknown;
      code?: unknown;
      requestId?: unknown;
      errors?: unknown;
    };
    super(typeof p.detail === 'string' ? p.detail : `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = typeof p.code === 'string' ? p.code : 'internal';
    this.requestId = typeof p.requestId === 'string' ? p.requestId : null;
    this.fields = Array.isArray(p.errors) ? (p.errors as { field: string; message: string }[]) : [];
  }
}

export interface ClientOptions {
  /** Where the server is, e.g. http://127.0.0.1:8080 (without /api/v1). */
  readonly baseUrl: string;
  /** An API key (c254_…) or an OIDC access token, sent as a bearer token. */
  readonly apiKey: string;
  /** Another fetch (tests, proxies); default: the global one. */
  readonly fetch?: (input: Request) => Promise<Response>;
}

const commaList = (value: List | undefined): string | undefined =>
  value === undefined ? undefined : typeof value === 'string' ? value : value.join(',');

/** The body of a successful call, or an ApiError with the server's problem details. */
const unwrap = async <T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> => {
  const { data, error, response } = await call;
  if (!response.ok || data === undefined) {
    throw new ApiError(response.status, error);
  }
  return data;
};

/**
 * A typed client for the 254Carbon API. Methods return the JSON bodies of the REST endpoints (typed from the
 * server's OpenAPI document) and throw ApiError on any refusal; `api` is the underlying openapi-fetch client for
 * every other endpoint.
 */
export const createClient = (options: ClientOptions) => {
  const api: Client<paths> = createFetchClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    headers: { authorization: `Bearer ${options.apiKey}` },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });

  return {
    api,

    /** GET /api/v1/prices: raw or resampled prices (JSON). */
    // format=json: the endpoint's other media type (CSV text) cannot come back.
    prices: async (query: PriceQuery): Promise<PriceResponse> =>
      (await unwrap(
        api.GET('/api/v1/prices', {
          params: {
            query: {
              ...query,
              instruments: commaList(query.instruments) ?? '',
              runs: commaList(query.runs),
              format: 'json',
            },
          },
        }),
      )) as PriceResponse,

    /** GET /api/v1/prices/latest: the newest interval per instrument and run. */
    latest: async (query: LatestPriceQuery = {}): Promise<LatestPrice[]> =>
      (
        await unwrap(
          api.GET('/api/v1/prices/latest', {
            params: {
              query: {
                ...query,
                instruments: commaList(query.instruments),
                runs: commaList(query.runs),
              },
            },
          }),
        )
      ).data,

    /** GET /api/v1/markets. */
    markets: async (): Promise<Market[]> => (await unwrap(api.GET('/api/v1/markets'))).data,

    /** GET /api/v1/markets/{id}. */
    market: (id: string): Promise<Market> =>
      unwrap(api.GET('/api/v1/markets/{id}', { params: { path: { id } } })),

    /** GET /api/v1/instruments: one page; pass page.nextCursor back as cursor for the next. */
    instruments: (query: InstrumentQuery = {}): Promise<InstrumentPage> =>
      unwrap(api.GET('/api/v1/instruments', { params: { query } })),

    /** GET /api/v1/instruments/{id}. */
    instrument: (id: string): Promise<Instrument> =>
      unwrap(api.GET('/api/v1/instruments/{id}', { params: { path: { id } } })),

    curves: {
      /** GET /api/v1/curves: the curves you may see. */
      list: async (): Promise<CurveListItem[]> => (await unwrap(api.GET('/api/v1/curves'))).data,

      /** GET /api/v1/curves/{id}: definition and latest run. */
      get: (curveId: string): Promise<CurveDetail> =>
        unwrap(api.GET('/api/v1/curves/{curveId}', { params: { path: { curveId } } })),

      /** GET /api/v1/curves/{id}/prices (JSON). */
      prices: async (curveId: string, query: CurvePricesQuery = {}): Promise<CurvePrices> =>
        (await unwrap(
          api.GET('/api/v1/curves/{curveId}/prices', {
            params: { path: { curveId }, query: { ...query, format: 'json' } },
          }),
        )) as CurvePrices,

      /** GET /api/v1/curves/{id}/runs: vintages, newest first. */
      runs: (curveId: string, query: CurveRunsQuery = {}): Promise<CurveRunPage> =>
        unwrap(api.GET('/api/v1/curves/{curveId}/runs', { params: { path: { curveId }, query } })),

      /** GET /api/v1/curves/{id}/runs/{runId}: diagnostics and quotes used. */
      run: (curveId: string, runId: string): Promise<CurveRunDetail> =>
        unwrap(
          api.GET('/api/v1/curves/{curveId}/runs/{runId}', {
            params: { path: { curveId, runId } },
          }),
        ),
    },
  };
};

export type CarbonClient = ReturnType<typeof createClient>;
