import { Command } from 'commander';
import type { CliOutput, CliRuntime } from '../cli-runtime.js';
import { positiveIntOption } from '../options.js';

/** Waits for Ctrl-C or a termination signal. */
const untilSignalled = (): Promise<string> =>
  new Promise((resolve) => {
    const stop = (signal: string) => () => resolve(signal);
    process.once('SIGINT', stop('SIGINT'));
    process.once('SIGTERM', stop('SIGTERM'));
  });

export const serveCommand = (runtime: CliRuntime, io: CliOutput): Command =>
  new Command('serve')
    .description('Start the API, the scheduler and the web hub')
    .option('--host <host>', 'interface to bind (default from CARBON_HOST)')
    .option('--port <port>', 'port (default from CARBON_PORT)', positiveIntOption)
    .option('--no-scheduler', 'do not run scheduled ingestion in this process')
    .action(async (options: { host?: string; port?: number; scheduler: boolean }) => {
      const base = runtime.loadConfig();
      const config = {
        ...base,
        http: { host: options.host ?? base.http.host, port: options.port ?? base.http.port },
        scheduler: { ...base.scheduler, enabled: base.scheduler.enabled && options.scheduler },
      };
      const server = await runtime.serve(config);
      for (const account of server.created) {
        // Shown once: only hashes are stored.
        io.err.write(
          `Created ${account.tenantId === 'operator' ? 'the first administrator' : `demo user for ${account.tenantId}`}: ` +
            `username ${account.username}` +
            (account.password ? `, password ${account.password}` : '') +
            (account.apiKey ? `, API key ${account.apiKey}` : '') +
            ' — store these now; they are not shown again.\n',
        );
      }
      io.err.write(
        `254Carbon ${runtime.version} is serving at ${server.url}  (web hub: ${server.url}/  API docs: ${server.url}/docs)\n`,
      );
      const signal = await untilSignalled();
      io.err.write(`${signal}: shutting down…\n`);
      await server.stop();
    });
