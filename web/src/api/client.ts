import type {
  Aggregation,
  FieldError,
  InstrumentKind,
  InstrumentPage,
  JobList,
  JobRunPage,
  JobRunStatus,
  LatestPriceResponse,
  MarketList,
  Problem,
  PriceResponse,
  ResampleFrequency,
} from '@254carbon/contracts';

export const API_BASE = '/api/v1';

/** A failed API call, carrying the server's problem details (or one made up for network and parse failures). */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
    this.name = 'ApiError';
  }

  get requestId(): string | null {
    return this.problem.requestId === '' ? null : this.problem.requestId;
  }

  get fieldErrors(): readonly FieldError[] {
    return this.problem.errors ?? [];
  }
}

type QueryValue = string | number | readonly string[] | null | undefined;

/** Builds `path?query`, leaving out empty values and joining lists with commas as the API expects. */
export const apiUrl = (path: string, query: Record<string, QueryValue> = {}): string => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === null || value === undefined || value === '') {
      continue;
    }
    const text = typeof value === 'object' ? value.join(',') : String(value);
    if (text !== '') {
      params.set(key, text);
    }
  }
  const search = params.toString();
  return `${API_BASE}${path}${search === '' ? '' : `?${search}`}`;
};

const isProblem = (body: unknown): body is Problem =>
  typeof body === 'object' &&
  body !== null &&
  typeof (body as { detail?: unknown }).detail === 'string' &&
  typeof (body as { code?: unknown }).code === 'string';

const clientProblem = (status: number, detail: string, requestId: string | null): Problem => ({
  type: 'about:blank',
  title: status === 0 ? 'Network error' : `HTTP ${status}`,
  status,
  detail,
  code: status === 0 || status >= 500 ? 'unavailable' : 'invalid_request',
  requestId: requestId ?? '',
});

/** GET a JSON resource; any non-2xx answer becomes an ApiError with the server's problem details. */
export const getJson = async <T>(url: string, signal?: AbortSignal): Promise<T> => {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' }, signal });
  } catch (error) {
    if (signal?.aborted) {
      throw error;
    }
    throw new ApiError(
      clientProblem(0, 'The server could not be reached. Check your connection.', null),
    );
  }
  const requestId = response.headers.get('x-request-id');
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    throw new ApiError(
      isProblem(body)
        ? body
        : clientProblem(response.status, `The server answered ${response.status}.`, requestId),
    );
  }
  if (body === null) {
    throw new ApiError(
      clientProblem(response.status, 'The server sent a response that is not JSON.', requestId),
    );
  }
  return body as T;
};

export const fetchMarkets = (signal?: AbortSignal) =>
  getJson<MarketList>(apiUrl('/markets'), signal);

export interface InstrumentSearch {
  readonly market?: string;
  readonly kind?: InstrumentKind;
  readonly q?: string;
  readonly limit?: number;
  readonly cursor?: string;
}

export const instrumentsUrl = (search: InstrumentSearch): string =>
  apiUrl('/instruments', { ...search });

export const fetchInstruments = (search: InstrumentSearch, signal?: AbortSignal) =>
  getJson<InstrumentPage>(instrumentsUrl(search), signal);

export interface PriceSearch {
  readonly instruments: readonly string[];
  /** ISO 8601 instant or a YYYY-MM-DD date read in `tz`. */
  readonly start: string;
  /** Exclusive end, same forms as start. */
  readonly end: string;
  readonly runs?: readonly string[];
  readonly resample?: ResampleFrequency | null;
  readonly agg?: Aggregation | null;
  readonly tz?: string;
}

export const pricesUrl = (search: PriceSearch, format: 'json' | 'csv' = 'json'): string =>
  apiUrl('/prices', {
    instruments: search.instruments,
    start: search.start,
    end: search.end,
    runs: search.runs,
    resample: search.resample,
    agg: search.resample ? search.agg : null,
    tz: search.tz,
    format: format === 'csv' ? 'csv' : null,
  });

export const fetchPrices = (search: PriceSearch, signal?: AbortSignal) =>
  getJson<PriceResponse>(pricesUrl(search), signal);

export interface LatestPriceSearch {
  readonly market?: string;
  readonly instruments?: readonly string[];
  readonly runs?: readonly string[];
}

export const latestPricesUrl = (search: LatestPriceSearch): string =>
  apiUrl('/prices/latest', { ...search });

export const fetchLatestPrices = (search: LatestPriceSearch, signal?: AbortSignal) =>
  getJson<LatestPriceResponse>(latestPricesUrl(search), signal);

export const fetchJobs = (signal?: AbortSignal) => getJson<JobList>(apiUrl('/jobs'), signal);

export interface JobRunSearch {
  readonly job?: string;
  readonly status?: JobRunStatus;
  readonly limit?: number;
  readonly cursor?: string;
}

export const jobRunsUrl = (search: JobRunSearch): string => apiUrl('/jobs/runs', { ...search });

export const fetchJobRuns = (search: JobRunSearch, signal?: AbortSignal) =>
  getJson<JobRunPage>(jobRunsUrl(search), signal);
