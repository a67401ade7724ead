import pRetry, { AbortError } from 'p-retry';
import pThrottle from 'p-throttle';
import { AppError } from '../../../platform/errors.js';
import type { SourceDocument } from '../../../ports/market-feed.js';

export interface HttpSourceOptions {
  /** The source as users know it, for messages: "CAISO OASIS", "PJM Data Miner". */
  readonly name: string;
  readonly timeoutMs: number;
  /** Further attempts after the first, for network errors, 429 and 5xx answers. */
  readonly retries: number;
  /** First backoff delay; doubles per attempt (a Retry-After header wins when longer). */
  readonly retryBaseMs: number;
  /** Least time between two requests to this source (CAISO OASIS asks for one request per 5 s). */
  readonly minIntervalMs: number;
  readonly userAgent: string;
  /** Headers sent with every request: API keys, tokens. Called per request so tokens can be refreshed. */
  readonly headers?: () => Promise<Record<string, string>> | Record<string, string>;
  /** What to tell the user when the source refuses the credentials (401/403), e.g. which setting to check. */
  readonly credentialsHint?: string;
}

export interface RequestOptions {
  /** The document's file name when neither Content-Disposition nor the URL path carries it. */
  readonly name?: string;
  readonly method?: 'GET' | 'POST';
  readonly body?: string;
  readonly headers?: Record<string, string>;
  readonly signal?: AbortSignal | undefined;
}

/** Query parameters that carry secrets; their values never appear in messages or logs. */
const SECRET_PARAMS = /^(securitytoken|api[-_]?key|subscription[-_]?key|token|password|key)$/i;
const MAX_RETRY_AFTER_MS = 120_000;

/** A URL fit for messages: secret query values replaced. */
export const redactUrl = (url: string): string => {
  try {
    const parsed = new URL(url);
    for (const name of [...parsed.searchParams.keys()]) {
      if (SECRET_PARAMS.test(name)) {
        parsed.searchParams.set(name, '***');
      }
    }
    return parsed.toString();
  } catch {
    return url;
  }
};

const lastSegment = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/**
 * The operator's file name: Content-Disposition when given, else the caller's name, else the last segment of a
 * `path` query parameter (file browsers such as SPP's), else of the URL path.
 */
const documentName = (url: string, disposition: string | null, given?: string): string => {
  const announced = disposition
    ? /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1]
    : undefined;
  if (announced) {
    return decodeURIComponent(announced.trim());
  }
  if (given) {
    return given;
  }
  const parsed = new URL(url);
  const pathParam = parsed.searchParams.get('path');
  return (
    (pathParam ? lastSegment(pathParam) : '') ||
    decodeURIComponent(lastSegment(parsed.pathname)) ||
    parsed.hostname
  );
};

const retryAfterMs = (header: string | null): number | null => {
  if (header === null) {
    return null;
  }
  const seconds = Number(header);
  if (Number.isFinite(seconds)) {
    return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, seconds * 1000));
  }
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.min(MAX_RETRY_AFTER_MS, Math.max(0, at - Date.now()));
};

/** An answer worth another try (429, 5xx), carrying how long the source asked us to wait. */
class RetryableAnswer extends Error {
  constructor(
    message: string,
    readonly waitMs: number | null,
  ) {
    super(message);
  }
}

const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason as Error);
      },
      { once: true },
    );
  });

/**
 * HTTP access to one operator's interface: a timeout per request, requests paced to the source's published
 * limit, retries with exponential backoff on network errors, 429 (honouring Retry-After) and 5xx, and errors that
 * say what failed and what to do. Offline, every call ends in AppError('upstream_unavailable') and nothing else
 * in the platform is disturbed.
 */
export class HttpSource {
  readonly #options: HttpSourceOptions;
  readonly #paced: (url: string, init: RequestInit) => Promise<Response>;

  constructor(options: HttpSourceOptions) {
    this.#options = options;
    const throttle = pThrottle({
      limit: 1,
      interval: Math.max(1, options.minIntervalMs),
      strict: true,
    });
    this.#paced = throttle((url: string, init: RequestInit) => fetch(url, init));
  }

  get name(): string {
    return this.#options.name;
  }

  /** Fetches a document; any failure (including 404) is an error. */
  async get(url: string, options: RequestOptions = {}): Promise<SourceDocument> {
    const document = await this.#request(url, options, false);
    return document as SourceDocument;
  }

  /** Fetches a document that may not exist yet: 404 gives null ("not published"), other failures throw. */
  getOptional(url: string, options: RequestOptions = {}): Promise<SourceDocument | null> {
    return this.#request(url, options, true);
  }

  async #request(
    url: string,
    options: RequestOptions,
    missingIsNull: boolean,
  ): Promise<SourceDocument | null> {
    const { name } = this.#options;
    const shown = redactUrl(url);
    const attempt = async (): Promise<SourceDocument | null> => {
      let response: Response;
      // Outside the network try: a missing setting or a refused sign-in is not a network problem to retry.
      let credentials: Record<string, string>;
      try {
        credentials = (await this.#options.headers?.()) ?? {};
      } catch (error) {
        throw new AbortError(error instanceof Error ? error : new Error(String(error)));
      }
      try {
        response = await this.#paced(url, {
          method: options.method ?? 'GET',
          ...(options.body !== undefined ? { body: options.body } : {}),
          headers: {
            'user-agent': this.#options.userAgent,
            ...credentials,
            ...options.headers,
          },
          signal: options.signal
            ? AbortSignal.any([options.signal, AbortSignal.timeout(this.#options.timeoutMs)])
            : AbortSignal.timeout(this.#options.timeoutMs),
        });
      } catch (error) {
        if (options.signal?.aborted) {
          throw new AbortError(new AppError('unavailable', `Request to ${name} was cancelled.`));
        }
        const cause =
          error instanceof Error
            ? ((error.cause as Error | undefined)?.message ?? error.message)
            : String(error);
        throw new RetryableAnswer(`${cause}`, null);
      }
      if (response.ok) {
        return {
          name: documentName(url, response.headers.get('content-disposition'), options.name),
          bytes: new Uint8Array(await response.arrayBuffer()),
          origin: shown,
        };
      }
      if (response.status === 429 || response.status >= 500) {
        await response.body?.cancel();
        throw new RetryableAnswer(
          `HTTP ${response.status}`,
          retryAfterMs(response.headers.get('retry-after')),
        );
      }
      if (response.status === 404 && missingIsNull) {
        await response.body?.cancel();
        return null;
      }
      // Operators explain refusals in the body ("Row count is missing", "spans over archived data").
      const explanation = (await response.text().catch(() => ''))
        .replace(/\s+/g, ' ')
        .trim()
        .slice(0, 200)
        .replace(/\.$/, '');
      const hint =
        (response.status === 401 || response.status === 403) && this.#options.credentialsHint
          ? ` ${this.#options.credentialsHint}`
          : '';
      throw new AbortError(
        new AppError(
          'upstream_unavailable',
          `${name} answered HTTP ${response.status} for ${shown}${explanation ? `: ${explanation}` : ''}.${hint}`,
        ),
      );
    };
    try {
      return await pRetry(attempt, {
        retries: this.#options.retries,
        factor: 2,
        minTimeout: this.#options.retryBaseMs,
        maxTimeout: MAX_RETRY_AFTER_MS,
        randomize: true,
        ...(options.signal ? { signal: options.signal } : {}),
        onFailedAttempt: async (error) => {
          // p-retry waits its own backoff afterwards; a longer Retry-After from the source is made up here.
          const asked = error instanceof RetryableAnswer ? error.waitMs : null;
          const backoff = this.#options.retryBaseMs * 2 ** (error.attemptNumber - 1);
          if (asked !== null && asked > backoff && error.retriesLeft > 0) {
            await sleep(asked - backoff, options.signal);
          }
        },
      });
    } catch (error) {
      if (error instanceof AppError) {
        throw error;
      }
      const reason = error instanceof Error ? error.message : String(error);
      throw new AppError(
        'upstream_unavailable',
        `${name} could not be reached for ${shown} after ${this.#options.retries + 1} attempts (${reason}). ` +
          'Stored data is still served; the next scheduled run tries again.',
        { cause: error },
      );
    }
  }
}
