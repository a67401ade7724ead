import { Writable } from 'node:stream';
import type { CliRuntime } from '../../src/cli/cli-runtime.js';
import { runCli } from '../../src/cli/program.js';
import { openPlatform, startServer, VERSION } from '../../src/composition.js';
import { loadConfig } from '../../src/platform/config.js';
import { silentLogger } from '../../src/platform/logger.js';

/** A writable stream that keeps what is written to it. */
const capture = () => {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text };
};

/**
 * The real CLI in-process, over the real composition, with the environment read at each call (tests change it
 * between commands, as a user would between shells).
 */
export const cliHarness = (env: () => Record<string, string>) => {
  const runtime = (): CliRuntime => ({
    version: VERSION,
    loadConfig: () => loadConfig(env()),
    open: (config) => openPlatform(config, { logger: silentLogger() }),
    serve: (config) => startServer(config, { logger: silentLogger() }),
  });
  const cli = async (...argv: string[]) => {
    const out = capture();
    const err = capture();
    const code = await runCli(runtime(), { out: out.stream, err: err.stream }, argv);
    return { code, out: out.text(), err: err.text() };
  };
  return { runtime, cli };
};
