import type {
  Aggregation,
  FieldError,
  InstrumentKind,
  InstrumentPage,
  JobList,
  JobRunPage,
  JobRunStatus,
  LatestPriceResponse,
  LoginRequest,
  MarketList,
  Me,
  Problem,
  PriceResponse,
  ResampleFrequency,
} from '@254carbon/contracts';

export const API_BASE = '/api/v1';

/** A failed API call, carrying the server's problem details (or one made up for network and parse failures). */
export class ApiError extends Error {
  constructor(
    readonly problem: Problem,
    /** From a 429's Retry-After header: seconds until the caller may try again. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(problem.detail);
    this.name = 'ApiError';
  }

  /** The HTTP status (0 when the server could not be reached). */
  get status(): number {
    return this.problem.status;
  }

  get requestId(): string | null {
    return this.problem.requestId === '' ? null : this.problem.requestId;
  }

  get fieldErrors(): readonly FieldError[] {
    return this.problem.errors ?? [];
  }
}

/** The server refuses state-changing requests made with the session cookie unless they carry this header. */
export const CSRF_HEADER = 'x-requested-with';
export const CSRF_VALUE = '254carbon';

/**
 * Seconds to wait from a Retry-After header: either delay-seconds or an HTTP date. Null when absent or unreadable.
 */
export const parseRetryAfter = (header: string | null, nowMs: number): number | null => {
  if (header === null || header.trim() === '') {
    return null;
  }
  const text = header.trim();
  if (/^\d+$/.test(text)) {
    return Number(text);
  }
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - nowMs) / 1000));
};

let onSessionEnded: (() => void) | null = null;

/**
 * Registers what to do when an API call answers 401, i.e. the session has ended (expired, revoked or signed out
 * elsewhere). Returns the function that unregisters it.
 */
export const setSessionEndedHandler = (handler: () => void): (() => void) => {
  onSessionEnded = handler;
  return () => {
    if (onSessionEnded === handler) {
      onSessionEnded = null;
    }
  };
};

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

const CODE_BY_STATUS: Readonly<Record<number, Problem['code']>> = {
  401: 'not_authenticated',
  403: 'not_entitled',
  404: 'not_found',
  429: 'rate_limited',
};

const clientProblem = (status: number, detail: string, requestId: string | null): Problem => ({
  type: 'about:blank',
  title: status === 0 ? 'Network error' : `HTTP ${status}`,
  status,
  detail,
  code:
    CODE_BY_STATUS[status] ?? (status === 0 || status >= 500 ? 'unavailable' : 'invalid_request'),
  requestId: requestId ?? '',
});

export interface RequestOptions {
  readonly method?: 'GET' | 'POST';
  /** Sent as JSON. */
  readonly body?: unknown;
  readonly signal?: AbortSignal;
  /**
   * Whether a 401 answer means "the session has ended" and should be reported to the session handler. Sign-in and
   * "who am I" handle their 401 themselves.
   */
  readonly reportSessionEnd?: boolean;
}

/**
 * Calls the API; any non-2xx answer becomes an ApiError with the server's problem details. A 204 resolves to
 * undefined. Every request carries the CSRF header the server requires of the web hub.
 */
export const requestJson = async <T>(url: string, options: RequestOptions = {}): Promise<T> => {
  const { method = 'GET', body, signal, reportSessionEnd = true } = options;
  const headers: Record<string, string> = {
    accept: 'application/json',
    [CSRF_HEADER]: CSRF_VALUE,
  };
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
  }
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (error) {
    if (signal?.aborted) {
      throw error;
    }
    throw new ApiError(
      clientProblem(0, 'The server could not be reached. Check your connection.', null),
    );
  }
  const requestId = response.headers.get('x-request-id');
  if (response.status === 204) {
    return undefined as T;
  }
  let parsed: unknown;
  try {
    parsed = await response.json();
  } catch {
    parsed = null;
  }
  if (!response.ok) {
    if (response.status === 401 && reportSessionEnd && !signal?.aborted) {
      onSessionEnded?.();
    }
    throw new ApiError(
      isProblem(parsed)
        ? parsed
        : clientProblem(response.status, `The server answered ${response.status}.`, requestId),
      response.status === 429
        ? parseRetryAfter(response.headers.get('retry-after'), Date.now())
        : null,
    );
  }
  if (parsed === null) {
    throw new ApiError(
      clientProblem(response.status, 'The server sent a response that is not JSON.', requestId),
    );
  }
  return parsed as T;
};

/** GET a JSON resource; any non-2xx answer becomes an ApiError with the server's problem details. */
export const getJson = <T>(url: string, signal?: AbortSignal): Promise<T> =>
  requestJson<T>(url, { signal });

/** Who is signed in; a 401 (ApiError with status 401) means nobody. */
export const fetchMe = (signal?: AbortSignal) =>
  requestJson<Me>(apiUrl('/auth/me'), { signal, reportSessionEnd: false });

/** Signs in and sets the session cookie; a 401 means a wrong username or password, a 429 too many attempts. */
export const login = (credentials: LoginRequest) =>
  requestJson<Me>(apiUrl('/auth/login'), {
    method: 'POST',
    body: credentials,
    reportSessionEnd: false,
  });

/** Ends the session and clears its cookie. */
export const logout = () =>
  requestJson<undefined>(apiUrl('/auth/logout'), { method: 'POST', reportSessionEnd: false });

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
