// Runs `254carbon serve` from source in a child process (spawned with `node --import tsx`), for tests that
// need the server in another process, e.g. to hold the DuckDB file lock.
import { main } from '../../src/main.js';

process.exitCode = await main(['serve']);
