/**
 * Yesterday's day-ahead prices at two simulator hubs, hourly, with the client.
 *
 *   CARBON_URL=http://127.0.0.1:8080 CARBON_API_KEY=c254_… npx tsx --tsconfig client/tsconfig.json client/examples/prices.ts
 */
import { ApiError, createClient } from '@254carbon/client';

const baseUrl = process.env.CARBON_URL ?? 'http://127.0.0.1:8080';
const apiKey = process.env.CARBON_API_KEY;
if (!apiKey) {
  console.error(
    'Set CARBON_API_KEY to an API key (254carbon keys create, or the one printed at first start).',
  );
  process.exit(2);
}

const client = createClient({ baseUrl, apiKey });
const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
const today = new Date().toISOString().slice(0, 10);

try {
  const { data, meta } = await client.prices({
    instruments: ['SIM.HUB_NORTH', 'SIM.HUB_SOUTH'],
    start: yesterday,
    end: today,
    runs: ['DA'],
    resample: '1h',
    agg: 'avg',
  });
  console.log(`${meta.rowCount} rows from ${meta.start} to ${meta.end}`);
  for (const row of data.slice(0, 5)) {
    console.log(`${row.intervalStart} ${row.instrument} ${row.run} ${row.lmp.toFixed(2)}`);
  }
} catch (error) {
  if (error instanceof ApiError) {
    console.error(`${error.status} ${error.code}: ${error.message} (request ${error.requestId})`);
    process.exit(1);
  }
  throw error;
}
