import type { CliRuntime } from './cli/cli-runtime.js';
import { runCli } from './cli/program.js';
import { openPlatform, startServer, VERSION } from './composition.js';
import { loadConfigFromProcess } from './platform/config.js';
import { createLogger } from './platform/logger.js';

/**
 * Process entry: the `254carbon` command. Commands that only read or ingest log warnings to stderr; `serve` logs
 * JSON at the configured level to stdout.
 */
export const cliRuntime: CliRuntime = {
  version: VERSION,
  loadConfig: loadConfigFromProcess,
  open: (config) =>
    openPlatform(config, {
      logger: createLogger({
        level: config.log.level === 'info' ? 'warn' : config.log.level,
        toStderr: true,
      }),
    }),
  serve: (config) => startServer(config, { logger: createLogger({ level: config.log.level }) }),
};

export const main = async (argv: readonly string[]): Promise<number> =>
  runCli(cliRuntime, { out: process.stdout, err: process.stderr }, argv);
