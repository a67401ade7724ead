import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDbAuditStore } from '../../src/adapters/duckdb/duckdb-audit-store.js';
import { DuckDbDatabase } from '../../src/adapters/duckdb/duckdb-database.js';
import { openDuckDbStores } from '../../src/adapters/duckdb/open-duckdb-stores.js';
import { ManualClock } from '../../src/platform/clock.js';
import { describeAuditStore } from './audit-store.contract.js';
import { describeCurveStore } from './curve-store.contract.js';
import { describeIdentityStore } from './identity-store.contract.js';
import { describeMetadataStore } from './metadata-store.contract.js';
import { describeQualityStore } from './quality-store.contract.js';
import { describeTimeSeriesStore } from './time-series-store.contract.js';

const options = (file: string) => ({ file, threads: 2, memoryLimit: null, readers: 2 });

describeTimeSeriesStore(
  'DuckDB in memory',
  async () => {
    const clock = new ManualClock(0);
    const stores = await openDuckDbStores(options(':memory:'), clock);
    return { store: stores.timeSeries, clock, reopen: null, close: () => stores.close() };
  },
  { persistent: false },
);

describeTimeSeriesStore(
  'DuckDB file',
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'carbon-duckdb-'));
    const file = join(dir, 'store.duckdb');
    const clock = new ManualClock(0);
    let stores = await openDuckDbStores(options(file), clock);
    return {
      store: stores.timeSeries,
      clock,
      reopen: async () => {
        await stores.close();
        stores = await openDuckDbStores(options(file), clock);
        return stores.timeSeries;
      },
      close: async () => {
        await stores.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
  { persistent: true },
);

describeMetadataStore('DuckDB in memory', async () => {
  const stores = await openDuckDbStores(options(':memory:'), new ManualClock(0));
  return { store: stores.metadata, close: () => stores.close() };
});

describeIdentityStore('DuckDB in memory', async () => {
  const stores = await openDuckDbStores(options(':memory:'), new ManualClock(0));
  return { store: stores.identity, close: () => stores.close() };
});

describeAuditStore('DuckDB in memory', async () => {
  const db = await DuckDbDatabase.open(options(':memory:'));
  await db.migrate();
  return {
    store: new DuckDbAuditStore(db),
    tamper: async (seq, change) => {
      await db.write(({ connection }) =>
        connection.run(
          change === 'delete'
            ? 'DELETE FROM audit_log WHERE seq = $1'
            : `UPDATE audit_log SET ${change === 'result' ? "result = 'failure'" : "actor = 'user:mallory'"} WHERE seq = $1`,
          [BigInt(seq)],
        ),
      );
    },
    close: () => db.close(),
  };
});

describeQualityStore('DuckDB in memory', async () => {
  const stores = await openDuckDbStores(options(':memory:'), new ManualClock(0));
  return { store: stores.quality, close: () => stores.close() };
});

describeCurveStore('DuckDB in memory', async () => {
  const stores = await openDuckDbStores(options(':memory:'), new ManualClock(0));
  return { store: stores.curves, reopen: null, close: () => stores.close() };
});

describeCurveStore('DuckDB file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'carbon-curves-'));
  const file = join(dir, 'store.duckdb');
  const clock = new ManualClock(0);
  let stores = await openDuckDbStores(options(file), clock);
  return {
    store: stores.curves,
    reopen: async () => {
      await stores.close();
      stores = await openDuckDbStores(options(file), clock);
      return stores.curves;
    },
    close: async () => {
      await stores.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
