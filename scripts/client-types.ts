import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';
import { httpAppFor, openPlatform } from '../server/src/composition.js';
import { loadConfig } from '../server/src/platform/config.js';
import { silentLogger } from '../server/src/platform/logger.js';

/**
 * Where the generated types live; checked in so users of the client need no server to build it. A .ts module of
 * types only (not a .d.ts), so `tsc -b` emits its declarations into client/dist with the rest.
 */
export const CLIENT_TYPES_FILE = new URL('../client/src/openapi.ts', import.meta.url);

const HEADER =
  '// Generated from the server’s OpenAPI document by `npm run client:generate`. Do not edit.\n' +
  '/* eslint-disable */\n\n';

/**
 * The server's OpenAPI document, built in-process as GET /docs/json serves it: the HTTP app over an in-memory store
 * with no feeds and no scheduler. Nothing listens and nothing is written to disk.
 */
export const buildOpenApiDocument = async () => {
  const config = loadConfig({
    CARBON_DUCKDB_FILE: ':memory:',
    CARBON_LOG_LEVEL: 'silent',
    CARBON_SCHEDULER_ENABLED: 'false',
    CARBON_SIM_ENABLED: 'false',
  });
  const platform = await openPlatform(config, { logger: silentLogger(), feeds: [] });
  try {
    const { app } = await httpAppFor(platform, null);
    try {
      return app.swagger();
    } finally {
      await app.close();
    }
  } finally {
    await platform.close();
  }
};

/** The TypeScript text of client/src/openapi.ts for the current server. */
export const generateClientTypes = async (): Promise<string> => {
  const document = await buildOpenApiDocument();
  const ast = await openapiTS(document as Parameters<typeof openapiTS>[0]);
  // Formatted as the repository formats everything, so `npm run format:check` accepts the checked-in file.
  const filepath = fileURLToPath(CLIENT_TYPES_FILE);
  return format(HEADER + astToString(ast), { ...(await resolveConfig(filepath)), filepath });
};
