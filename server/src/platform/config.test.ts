import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, parseDurationMs } from './config.js';
import { AppError } from './errors.js';

describe('loadConfig', () => {
  it('gives documented defaults for an empty environment, with the data directory under ./data', () => {
    const config = loadConfig({}, '/srv/carbon');
    expect(config).toMatchObject({
      env: 'development',
      http: { host: '127.0.0.1', port: 8080 },
      dataDir: '/srv/carbon/data',
      store: {
        engine: 'duckdb',
        duckdbFile: '/srv/carbon/data/254carbon.duckdb',
        duckdbThreads: 2,
        readCacheBytes: 128 * 1024 * 1024,
      },
      api: { maxRowsPerResponse: 100_000 },
      scheduler: { enabled: true, maxAttempts: 3, retryBaseMs: 5000 },
      sim: { enabled: true, seed: 254, backfillDays: 7 },
      web: { dir: null },
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('converts and applies settings, ignoring other variables', () => {
    const config = loadConfig(
      {
        CARBON_PORT: '9000',
        CARBON_SCHEDULER_ENABLED: 'false',
        CARBON_JOB_RETRY_BASE: '250ms',
        CARBON_DUCKDB_FILE: ':memory:',
        CARBON_DATA_DIR: 'var/lib',
        PATH: '/usr/bin',
      },
      '/app',
    );
    expect(config.http.port).toBe(9000);
    expect(config.scheduler).toMatchObject({ enabled: false, retryBaseMs: 250 });
    expect(config.store.duckdbFile).toBe(':memory:');
    expect(config.dataDir).toBe(resolve('/app', 'var/lib'));
  });

  it('reports every bad key in one error, including unknown CARBON_ settings', () => {
    const error = (() => {
      try {
        loadConfig({
          CARBON_PORT: '80a',
          CARBON_LOG_LEVEL: 'loud',
          CARBON_SCHEDULER_ENABLED: 'maybe',
          CARBON_JOB_RETRY_BASE: '5 minutes',
          CARBON_PROT: '8080',
        });
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(AppError);
    const fields = (error as AppError).fields;
    expect(fields.map((f) => f.field).sort()).toEqual([
      'CARBON_JOB_RETRY_BASE',
      'CARBON_LOG_LEVEL',
      'CARBON_PORT',
      'CARBON_PROT',
      'CARBON_SCHEDULER_ENABLED',
    ]);
    const message = (error as AppError).message;
    expect(message).toContain('CARBON_PORT must be a whole number between 0 and 65535; got "80a"');
    expect(message).toContain(
      'CARBON_LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
    );
    expect(message).toContain('CARBON_PROT is not a known setting');
  });
});

describe('parseDurationMs', () => {
  it('reads units from milliseconds to days', () => {
    expect([
      parseDurationMs('500ms'),
      parseDurationMs('5s'),
      parseDurationMs('10m'),
      parseDurationMs('2h'),
      parseDurationMs('1d'),
    ]).toEqual([500, 5000, 600_000, 7_200_000, 86_400_000]);
    expect(() => parseDurationMs('5 min')).toThrow(/not a duration/);
  });
});
