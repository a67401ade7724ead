import type { Config } from '../../../platform/config.js';
import { AppError } from '../../../platform/errors.js';
import type { CsvEngine } from './csv-engine.js';
import { HttpSource, type HttpSourceOptions } from './http-source.js';

export type FeedCredentials = Config['feeds']['credentials'];

/** What every market feed is built with: the CSV engine, HTTP access with the configured limits, credentials. */
export interface FeedContext {
  readonly csv: CsvEngine;
  readonly credentials: FeedCredentials;
  /** An HTTP source for one operator host, with the configured timeout, retries and user agent. */
  http(
    options: Pick<HttpSourceOptions, 'name' | 'minIntervalMs' | 'headers' | 'credentialsHint'>,
  ): HttpSource;
}

export const createFeedContext = (
  settings: Pick<Config['feeds'], 'http' | 'credentials'>,
  csv: CsvEngine,
  retryBaseMs = 2000,
): FeedContext => ({
  csv,
  credentials: settings.credentials,
  http: (options) =>
    new HttpSource({
      ...options,
      timeoutMs: settings.http.timeoutMs,
      retries: settings.http.retries,
      retryBaseMs,
      userAgent: settings.http.userAgent,
    }),
});

/**
 * A credential the operator requires, or a clear error naming the setting and where to get it. Checked when a
 * live fetch needs it, so `ingest --file` and the other feeds work without it.
 */
export const requireSetting = (value: string | null, setting: string, purpose: string): string => {
  if (value === null) {
    throw new AppError('unavailable', `${purpose} needs ${setting}; set it in the environment.`, {
      fields: [{ field: setting, message: 'not set' }],
    });
  }
  return value;
};
