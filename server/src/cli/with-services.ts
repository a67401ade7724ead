import type { Problem } from '@254carbon/contracts';
import type { Config } from '../platform/config.js';
import { AppError } from '../platform/errors.js';
import type { CliRuntime, CliServices } from './cli-runtime.js';

/** Base URL of the server the configuration describes (a wildcard bind is reached on loopback). */
export const serverUrl = (config: Config): string => {
  const host =
    config.http.host === '0.0.0.0' || config.http.host === '::' ? '127.0.0.1' : config.http.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${config.http.port}`;
};

/** Reads JSON (or text) from the running server's API, turning problem responses back into AppErrors. */
/** A running server and the API key the CLI uses with it (CARBON_CLI_API_KEY). */
export interface ServerAccess {
  readonly baseUrl: string;
  readonly apiKey: string;
}

export const fetchFromServer = async (
  server: ServerAccess,
  path: string,
  as: 'json' | 'text' = 'json',
): Promise<unknown> => {
  const response = await fetch(`${server.baseUrl}${path}`, {
    signal: AbortSignal.timeout(30_000),
    headers: { authorization: `Bearer ${server.apiKey}` },
  });
  if (!response.ok) {
    const problem = (await response.json().catch(() => null)) as Problem | null;
    throw new AppError(
      problem?.code ?? 'upstream_unavailable',
      problem?.detail ?? `The server answered ${response.status}`,
      {
        fields: problem?.errors ?? [],
      },
    );
  }
  return as === 'json' ? response.json() : response.text();
};

const serverAnswers = async (baseUrl: string): Promise<boolean> => {
  try {
    const response = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2_000) });
    return response.ok;
  } catch {
    return false;
  }
};

/**
 * Runs a read command against the store, or, when a running server holds the database file (DuckDB allows one
 * process per file), against that server's API instead, so `254carbon prices …` works while `serve` runs.
 */
export const readWithFallback = async <T>(
  runtime: CliRuntime,
  direct: (services: CliServices) => Promise<T>,
  viaServer: ((server: ServerAccess) => Promise<T>) | null,
): Promise<T> => {
  const config = runtime.loadConfig();
  let services: CliServices;
  try {
    services = await runtime.open(config);
  } catch (error) {
    const baseUrl = serverUrl(config);
    if (
      viaServer &&
      error instanceof AppError &&
      error.code === 'unavailable' &&
      (await serverAnswers(baseUrl))
    ) {
      if (config.auth.cliApiKey === null) {
        throw new AppError(
          'unavailable',
          `${error.message} To read through the running server instead, set CARBON_CLI_API_KEY to an API key ` +
            '(create one in the web hub or with `254carbon keys create --name cli`).',
        );
      }
      return viaServer({ baseUrl, apiKey: config.auth.cliApiKey });
    }
    throw error;
  }
  try {
    return await direct(services);
  } finally {
    await services.close();
  }
};
