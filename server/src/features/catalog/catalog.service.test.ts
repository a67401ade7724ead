import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { InProcessBus } from '../../adapters/bus/in-process-bus.js';
import { openDuckDbStores, type DuckDbStores } from '../../adapters/duckdb/open-duckdb-stores.js';
import type { InstrumentDefinition } from '../../domain/instruments/instrument.js';
import { ManualClock } from '../../platform/clock.js';
import { silentLogger } from '../../platform/logger.js';
import { makePrincipal } from '../../domain/access/principal.js';
import { AccessService } from '../access/access.service.js';
import { AuditService } from '../access/audit.service.js';
import { SYSTEM_CONTEXT } from '../access/request-context.js';
import { CatalogService } from './catalog.service.js';

const hub = (code: string): InstrumentDefinition => ({
  id: `ERCOT.${code}`,
  market: 'ERCOT',
  code,
  name: code,
  kind: 'hub',
  product: 'lmp',
  aliases: [],
});

let stores: DuckDbStores;
let bus: InProcessBus;
let clock: ManualClock;
let access: AccessService;

const operator = makePrincipal({
  tenantId: 'operator',
  actor: 'cli:test',
  displayName: 'test',
  roles: ['admin'],
  method: 'cli',
});

beforeEach(async () => {
  clock = new ManualClock(0);
  stores = await openDuckDbStores(
    { file: ':memory:', threads: 1, memoryLimit: null, readers: 2 },
    clock,
  );
  bus = new InProcessBus(silentLogger());
  const audit = new AuditService({
    store: stores.audit,
    clock,
    logger: silentLogger(),
    flushMs: 1000,
  });
  await audit.init();
  access = new AccessService({ identity: stores.identity, audit, clock, bus });
  await stores.metadata.upsertMarkets([
    {
      id: 'ERCOT',
      name: 'ERCOT',
      timezone: 'America/Chicago',
      currency: 'USD',
      runs: [],
      synthetic: false,
    },
  ]);
  await stores.metadata.upsertInstruments([hub('HB_NORTH')]);
});
afterEach(async () => {
  await stores.close();
});

describe('CatalogService', () => {
  it('serves repeated lookups from memory', async () => {
    const catalog = new CatalogService(stores.metadata, access, { bus, clock });
    const spy = vi.spyOn(stores.metadata, 'getInstruments');
    const [first] = await catalog.resolveInstruments(['ERCOT.HB_NORTH']);
    await catalog.resolveInstruments(['ERCOT.HB_NORTH']);
    expect(first).toMatchObject({ id: 'ERCOT.HB_NORTH', timezone: 'America/Chicago' });
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('sees new instruments after a catalog.changed event, and after the TTL without one', async () => {
    const catalog = new CatalogService(stores.metadata, access, { bus, clock });
    await expect(catalog.resolveInstruments(['ERCOT.HB_WEST'])).rejects.toMatchObject({
      code: 'not_found',
    });
    await stores.metadata.upsertInstruments([hub('HB_WEST')]);
    await bus.publish('catalog.changed', { markets: ['ERCOT'] });
    expect((await catalog.resolveInstruments(['ERCOT.HB_WEST']))[0]?.id).toBe('ERCOT.HB_WEST');

    await stores.metadata.upsertInstruments([{ ...hub('HB_WEST'), name: 'West Hub' }]);
    expect((await catalog.getInstrument(operator, 'ERCOT.HB_WEST', SYSTEM_CONTEXT)).name).toBe(
      'HB_WEST',
    );
    clock.advance(61_000);
    expect((await catalog.getInstrument(operator, 'ERCOT.HB_WEST', SYSTEM_CONTEXT)).name).toBe(
      'West Hub',
    );
  });

  it('names every malformed and every unknown id', async () => {
    const catalog = new CatalogService(stores.metadata, access, { bus, clock });
    await expect(catalog.resolveInstruments(['nodot', 'ERCOT.HB_NORTH', ' x'])).rejects.toThrow(
      /"nodot", " x"/,
    );
    await expect(
      catalog.resolveInstruments(['ERCOT.A', 'ERCOT.HB_NORTH', 'ERCOT.B']),
    ).rejects.toThrow(/Unknown instruments: ERCOT.A, ERCOT.B/);
    await expect(catalog.getMarket('NYISO')).rejects.toMatchObject({ code: 'not_found' });
  });
});
