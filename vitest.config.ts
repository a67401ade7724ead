import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const contractsSource = fileURLToPath(new URL('./contracts/src/index.ts', import.meta.url));

export default defineConfig({
  resolve: { alias: { '@254carbon/contracts': contractsSource } },
  test: {
    // Two workers match the two cores CI has; heavier suites share them rather than thrash.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    include: [
      'contracts/src/**/*.test.ts',
      'client/test/**/*.test.ts',
      'server/src/**/*.test.ts',
      'server/test/**/*.test.ts',
      'web/src/**/*.test.{ts,tsx}',
    ],
    reporters: ['default'],
  },
});
