#!/usr/bin/env node
// The 254carbon command. Runs the compiled server (npm run build writes server/dist).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write(
    '254carbon is not built yet: run `npm run build` in the repository first.\n',
  );
  process.exit(1);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
