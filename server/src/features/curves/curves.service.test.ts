import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InProcessBus } from '../../adapters/bus/in-process-bus.js';
import { openDuckDbStores, type DuckDbStores } from '../../adapters/duckdb/open-duckdb-stores.js';
import type { Entitlement } from '../../domain/access/entitlement.js';
import { makePrincipal, type Principal } from '../../domain/access/principal.js';
import type { Role } from '../../domain/access/roles.js';
import { PriceBatchBuilder } from '../../domain/prices/price-batch.js';
import { ManualClock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { silentLogger } from '../../platform/logger.js';
import { AccessService } from '../access/access.service.js';
import { AuditService } from '../access/audit.service.js';
import { SYSTEM_CONTEXT } from '../access/request-context.js';
import type { QuoteRow } from './curve-quotes.js';
import { CurvesService } from './curves.service.js';
import { readQuoteCsv } from './quote-csv.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Monday 2026-03-09, 14:00 in New York.
const NOW = Date.UTC(2026, 2, 9, 18);
const AS_OF = '2026-03-09';
const CURVE = 'TEST-HUB-POWER';
const HUB = 'TEST.HUB';

const operator = makePrincipal({
  tenantId: 'operator',
  actor: 'cli:test',
  displayName: 'test',
  roles: ['admin'],
  method: 'cli',
});

const tenantKey = (tenantId: string, roles: Role[] = ['viewer']): Principal =>
  makePrincipal({
    tenantId,
    actor: `key:${tenantId}`,
    displayName: tenantId,
    roles,
    method: 'api_key',
  });

let stores: DuckDbStores;
let clock: ManualClock;
let audit: AuditService;
let curves: CurvesService;

const grant = async (
  tenantId: string,
  product: Entitlement['product'],
  instruments: string[] | null = null,
): Promise<void> => {
  if (!(await stores.identity.getTenant(tenantId))) {
    await stores.identity.createTenant({
      id: tenantId,
      name: tenantId,
      status: 'active',
      createdAtMs: 0,
    });
  }
  await stores.identity.createEntitlement({
    id: `${tenantId}-${product}-${instruments?.join('+') ?? 'all'}`,
    tenantId,
    market: 'TEST',
    product,
    channels: ['api'],
    instruments,
    dataFromMs: null,
    dataToMs: null,
    seats: null,
  });
};

/** Hourly day-ahead prices at the hub for the 90 days up to the as-of date: a daily cycle and weekend dip. */
const writeHistory = async (into: DuckDbStores = stores): Promise<void> => {
  const builder = new PriceBatchBuilder();
  const hub = builder.instrumentSlot(HUB);
  const run = builder.runSlot('DA');
  const first = Date.UTC(2025, 11, 10, 5);
  for (let t = first; t < Date.UTC(2026, 2, 10, 4); t += HOUR) {
    const hour = new Date(t - 5 * HOUR).getUTCHours();
    const weekend = [0, 6].includes(new Date(t - 5 * HOUR).getUTCDay());
    const lmp = 35 + 12 * Math.sin(((hour - 6) / 24) * 2 * Math.PI) - (weekend ? 6 : 0);
    builder.addColumns(hub, run, t, 60, lmp, lmp, 0, 0, Number.NaN);
  }
  await into.timeSeries.writePrices(builder.build());
};

const quote = (
  contract: string,
  bucket: string,
  prices: Partial<QuoteRow>,
  asOf = AS_OF,
): QuoteRow => ({
  curve: CURVE,
  asOf,
  contract,
  bucket,
  source: 'settlement',
  ...prices,
});

const MARKS: QuoteRow[] = [
  quote('Apr-26', '7x24', { settle: 38.5 }),
  quote('Apr-26', '5x16', { settle: 46.25 }),
  quote('May-26', '7x24', { settle: 40 }),
  quote('Jun-26', '7x24', { settle: 47.1 }),
  quote('Q3-26', '7x24', { settle: 55.4 }),
  quote('Q4-26', '7x24', { settle: 44.2 }),
  quote('Cal-27', '7x24', { bid: 44, ask: 46.5 }),
];

const load = (rows: readonly QuoteRow[], principal: Principal = operator) =>
  curves.loadQuotes(principal, { rows, origin: { kind: 'body' } }, SYSTEM_CONTEXT);

const build = (asOf = AS_OF, principal: Principal = operator) =>
  curves.build(principal, { curveId: CURVE, asOf }, SYSTEM_CONTEXT);

const failure = async (promise: Promise<unknown>): Promise<AppError> => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
};

/** Stores, audit and the service over a fresh in-memory database, with the test market, hub and curve. */
const openService = async (
  at: ManualClock,
): Promise<{ stores: DuckDbStores; audit: AuditService; curves: CurvesService }> => {
  const opened = await openDuckDbStores(
    { file: ':memory:', threads: 1, memoryLimit: null, readers: 2 },
    at,
  );
  const auditService = new AuditService({
    store: opened.audit,
    clock: at,
    logger: silentLogger(),
    flushMs: 1000,
  });
  await auditService.init();
  const bus = new InProcessBus(silentLogger());
  const access = new AccessService({
    identity: opened.identity,
    audit: auditService,
    clock: at,
    bus,
  });
  await opened.metadata.upsertMarkets([
    {
      id: 'TEST',
      name: 'Test market',
      timezone: 'America/New_York',
      currency: 'USD',
      runs: [{ id: 'DA', intervalMinutes: 60, description: 'day-ahead' }],
      synthetic: true,
    },
  ]);
  await opened.metadata.upsertInstruments([
    { id: HUB, market: 'TEST', code: 'HUB', name: 'Hub', kind: 'hub', product: 'lmp', aliases: [] },
  ]);
  const service = new CurvesService({
    store: opened.curves,
    timeSeries: opened.timeSeries,
    metadata: opened.metadata,
    access,
    audit: auditService,
    bus,
    clock: at,
    logger: silentLogger(),
    maxRows: 50_000,
  });
  await service.define(
    operator,
    {
      id: CURVE,
      name: 'Test hub power',
      market: 'TEST',
      commodity: 'power',
      calendar: 'US_EASTERN',
      shapeInstrument: HUB,
    },
    SYSTEM_CONTEXT,
  );
  return { stores: opened, audit: auditService, curves: service };
};

beforeEach(async () => {
  clock = new ManualClock(NOW);
  ({ stores, audit, curves } = await openService(clock));
});
afterEach(async () => {
  await stores.close();
});

describe('defining curves', () => {
  it('fills in defaults, says when nothing changed, and keeps what stored runs depend on fixed', async () => {
    const [entry] = await curves.list(operator, SYSTEM_CONTEXT);
    expect(entry?.definition).toMatchObject({
      id: CURVE,
      currency: 'USD',
      unit: 'USD/MWh',
      extension: { longRunLevel: null, escalationPerYear: 0.02, reversionYears: 3 },
      method: { smoothness: 1, priorWeight: 1e-4, shapeHistoryYears: 3, staleAfterDays: 5 },
    });
    const same = {
      id: CURVE,
      name: 'Test hub power',
      market: 'TEST',
      commodity: 'power',
      calendar: 'US_EASTERN',
      shapeInstrument: HUB,
    };
    expect((await curves.define(operator, same, SYSTEM_CONTEXT)).result).toBe('unchanged');
    expect(
      (await curves.define(operator, { ...same, name: 'Renamed' }, SYSTEM_CONTEXT)).result,
    ).toBe('updated');
    const moved = await failure(
      curves.define(operator, { ...same, calendar: 'US_CENTRAL' }, SYSTEM_CONTEXT),
    );
    expect(moved.code).toBe('conflict');
    expect(moved.message).toContain('calendar: US_EASTERN → US_CENTRAL');
  });

  it('names every bad field at once', async () => {
    const error = await failure(
      curves.define(
        operator,
        {
          id: 'bad id',
          name: '',
          market: 'NOWHERE',
          commodity: 'oil',
          calendar: 'MARS',
          shapeInstrument: 'TEST.NOPE',
          method: { smoothness: -1 },
        },
        SYSTEM_CONTEXT,
      ),
    );
    expect(error.code).toBe('invalid_request');
    expect(error.fields.map((f) => f.field)).toEqual([
      'id',
      'name',
      'market',
      'commodity',
      'calendar',
      'shapeInstrument',
      'method.smoothness',
    ]);
  });

  it('needs curves:write', async () => {
    await grant('acme', 'curve');
    const error = await failure(
      curves.define(
        tenantKey('acme', ['admin']),
        { id: 'X-POWER', name: 'x', market: 'TEST', commodity: 'power', calendar: 'US_EASTERN' },
        SYSTEM_CONTEXT,
      ),
    );
    expect(error.code).toBe('not_entitled');
  });
});

describe('loading quotes', () => {
  it('refuses bad rows, naming each by row, and stores nothing', async () => {
    const error = await failure(
      load([
        quote('Apr-26', '7x24', { settle: 38.5 }),
        { ...quote('May-26', '7x24', { settle: 40 }), curve: 'NOPE' },
        quote('Mai-26', '7x24', { settle: 40 }),
        quote('Jun-26', '7x12', { settle: 40 }),
        quote('Jul-26', '7x24', { settle: 'abc' }),
        quote('Aug-26', '7x24', { bid: 40 }),
        quote('Sep-26', '7x24', { settle: 41, quoteDate: '2026-03-10' }),
        quote('Oct-26', '7x24', { settle: Number.POSITIVE_INFINITY }),
      ]),
    );
    expect(error.code).toBe('invalid_request');
    expect(error.fields.map((f) => f.field)).toEqual([
      '1.curve',
      '2.contract',
      '3.bucket',
      '4.settle',
      '5.ask',
      '6.quoteDate',
      '7.settle',
    ]);
    expect(error.message).toMatch(
      /^Nothing was stored; 7 problems in the quotes: row 2, curve: unknown curve "NOPE"/,
    );
    expect(error.message).toContain('row 4, bucket: "7x12" is not a bucket of TEST-HUB-POWER');
    expect(await stores.curves.listQuotes(CURVE, {})).toEqual([]);
  });

  it('reads a CSV file and names file, line and column when a row is bad', async () => {
    const csv =
      'curve,as_of,contract,bucket,settle,mid,bid,ask,source,quote_date\n' +
      `${CURVE},${AS_OF},Apr-26,7x24,38.5,,,,settlement,\n` +
      '\n' +
      `${CURVE},${AS_OF},Q9-26,7x24,38.5,,,,settlement,\n`;
    const file = readQuoteCsv('marks.csv', csv);
    const error = await failure(
      curves.loadQuotes(operator, { rows: file.rows, origin: file.origin }, SYSTEM_CONTEXT),
    );
    expect(error.code).toBe('invalid_source_data');
    expect(error.fields).toEqual([
      {
        field: 'marks.csv:4:contract',
        message: expect.stringContaining('"Q9-26" is not a contract'),
      },
    ]);
    expect(error.message).toContain('marks.csv, line 4, contract:');
    expect(() => readQuoteCsv('typo.csv', 'curve,as_of,contract,bucket,setle\n')).toThrow(
      /typo\.csv, line 1, setle: unknown column setle/,
    );
  });

  it('stores a crossed bid/ask as given but reports it, and re-marks by key', async () => {
    const first = await load([...MARKS, quote('Q1-27', '7x24', { bid: 52, ask: 50 })]);
    expect(first).toMatchObject({ quotes: 8, inserted: 8, replaced: 0, unchanged: 0 });
    expect(first.warnings).toEqual([
      { row: 'row 8', message: expect.stringContaining('bid 52 is above ask 50 (crossed)') },
    ]);
    const again = await load([quote('Apr-26', '7x24', { settle: 39 }), MARKS[1] as QuoteRow]);
    expect(again).toMatchObject({ inserted: 0, replaced: 1, unchanged: 1 });
  });
});

describe('building', () => {
  beforeEach(async () => {
    await writeHistory();
    await load(MARKS);
  });

  it('builds a run that reproduces the quotes and serves months, days and hours', async () => {
    const outcome = await build();
    expect(outcome.created).toBe(true);
    expect(outcome.run).toMatchObject({
      curveId: CURVE,
      asOf: AS_OF,
      scenario: 'base',
      quoteCount: 7,
    });
    expect(outcome.run.runId).toMatch(/^cr_[0-9a-f]{16}$/);
    expect(outcome.run.maxAbsResidual).toBeLessThan(1e-6);
    const months = await curves.series(operator, CURVE, { granularity: 'month' }, SYSTEM_CONTEXT);
    expect(months.points[0]?.label).toBe('2026-03');
    expect(months.points.find((p) => p.label === '2026-05')?.price).toBeCloseTo(40, 6);
    expect(months.points.at(-1)?.label).toBe('2050-12');
    const peak = await curves.series(
      operator,
      CURVE,
      { granularity: 'month', bucket: '5x16', from: '2026-04-01', to: '2026-04-30' },
      SYSTEM_CONTEXT,
    );
    expect(peak.points.map((p) => [p.label, Math.round(p.price * 1e6) / 1e6])).toEqual([
      ['2026-04', 46.25],
    ]);
    const days = await curves.series(
      operator,
      CURVE,
      { granularity: 'day', from: '2026-05-01', to: '2026-05-31' },
      SYSTEM_CONTEXT,
    );
    expect(days.points).toHaveLength(31);
    const hours = await curves.series(
      operator,
      CURVE,
      { granularity: 'hour', from: '2026-05-04', to: '2026-05-04' },
      SYSTEM_CONTEXT,
    );
    expect(hours.points).toHaveLength(24);
    const mean = hours.points.reduce((sum, p) => sum + p.price, 0) / 24;
    expect(mean).toBeCloseTo(days.points[3]?.price ?? Number.NaN, 6);
  });

  it('returns the same run, with identical numbers, for the same inputs', async () => {
    const first = await build();
    expect(await build()).toEqual({ created: false, run: first.run });
    // Another installation with the same quotes and history builds the same run, bit for bit.
    const elsewhere = await openService(new ManualClock(NOW + HOUR));
    try {
      await writeHistory(elsewhere.stores);
      await elsewhere.curves.loadQuotes(
        operator,
        { rows: MARKS, origin: { kind: 'body' } },
        SYSTEM_CONTEXT,
      );
      const second = await elsewhere.curves.build(
        operator,
        { curveId: CURVE, asOf: AS_OF },
        SYSTEM_CONTEXT,
      );
      expect(second.created).toBe(true);
      expect(second.run.runId).toBe(first.run.runId);
      expect(second.run.inputsHash).toBe(first.run.inputsHash);
      const bytes = (values: readonly Float64Array[]) =>
        values.map((v) => Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64'));
      const here = await stores.curves.getRun(first.run.runId);
      const there = await elsewhere.stores.curves.getRun(second.run.runId);
      expect(bytes(there?.values.daily ?? [])).toEqual(bytes(here?.values.daily ?? []));
    } finally {
      await elsewhere.stores.close();
    }
  });

  it('makes a new run when a quote is re-marked, and serves the newest build of the as-of', async () => {
    const first = await build();
    await load([quote('May-26', '7x24', { settle: 41 })]);
    const second = await build();
    expect(second.created).toBe(true);
    expect(second.run.runId).not.toBe(first.run.runId);
    const months = await curves.series(operator, CURVE, { asOf: AS_OF }, SYSTEM_CONTEXT);
    expect(months.run.runId).toBe(second.run.runId);
    expect(months.points.find((p) => p.label === '2026-05')?.price).toBeCloseTo(41, 6);
  });

  it('refuses contradictory quotes with a 422 that names them, storing no run', async () => {
    await load([quote('Q2-26', '7x24', { settle: 60 })]);
    const error = await failure(build());
    expect(error.code).toBe('invalid_source_data');
    expect(error.message).toMatch(/^Cannot build TEST-HUB-POWER as of 2026-03-09: /);
    const named = error.fields.map((f) => f.message).join(' ');
    for (const contract of ['Q2-2026 7x24', 'Apr-2026 7x24', 'May-2026 7x24', 'Jun-2026 7x24']) {
      expect(named).toContain(contract);
    }
    expect((await curves.runs(operator, CURVE, {}, SYSTEM_CONTEXT)).items).toEqual([]);
  });

  it('lists vintages and diffs two as-of dates', async () => {
    const monday = await build();
    clock.advance(DAY);
    await load([
      quote('Apr-26', '7x24', { settle: 39.5 }, '2026-03-10'),
      quote('May-26', '7x24', { settle: 40 }, '2026-03-10'),
    ]);
    const tuesday = await build('2026-03-10');
    const runs = await curves.runs(operator, CURVE, {}, SYSTEM_CONTEXT);
    expect(runs.items.map((r) => r.runId)).toEqual([tuesday.run.runId, monday.run.runId]);
    const diff = await curves.diff(
      operator,
      CURVE,
      { from: AS_OF, to: '2026-03-10', deliveryFrom: '2026-04-01', deliveryTo: '2026-05-31' },
      SYSTEM_CONTEXT,
    );
    expect(
      diff.rows.map((r) => [r.label, Math.round((r.change ?? Number.NaN) * 1e6) / 1e6 + 0]),
    ).toEqual([
      ['2026-04', 1],
      ['2026-05', 0],
    ]);
    const missing = await failure(curves.diff(operator, CURVE, { from: AS_OF }, SYSTEM_CONTEXT));
    expect(missing.fields).toEqual([{ field: 'to', message: expect.stringContaining('required') }]);
  });

  it('refuses an hourly series to 2050 with a 400 that says how to narrow it', async () => {
    await build();
    const error = await failure(
      curves.series(operator, CURVE, { granularity: 'hour' }, SYSTEM_CONTEXT),
    );
    expect(error.code).toBe('invalid_request');
    expect(error.message).toMatch(
      /limit per response is 50,000\. To narrow it: give from and to .* at most 2,000 days/,
    );
  });

  it('builds on schedule only when today has quotes', async () => {
    clock.set(Date.UTC(2026, 2, 11, 23)); // 19:00 in New York on the 11th: nothing marked that day
    expect((await curves.buildScheduled(CURVE)).outcome).toBeNull();
    clock.set(Date.UTC(2026, 2, 9, 23));
    const scheduled = await curves.buildScheduled(CURVE);
    expect(scheduled.asOf).toBe(AS_OF);
    expect(scheduled.outcome?.created).toBe(true);
    await audit.flush();
    const records = await stores.audit.list({ action: 'curves.build' }, { limit: 10 });
    expect(records.items[0]).toMatchObject({
      actor: 'system',
      result: 'success',
      resourceId: CURVE,
    });
  });
});

describe('access', () => {
  beforeEach(async () => {
    await load(MARKS);
    await build();
    await grant('prices_only', 'lmp');
    await grant('curve_buyer', 'curve');
    await grant('other_curve', 'curve', ['OTHER-POWER']);
  });

  it('shows a curve to a tenant holding the market’s curve grant', async () => {
    const buyer = tenantKey('curve_buyer');
    expect((await curves.list(buyer, SYSTEM_CONTEXT)).map((e) => e.definition.id)).toEqual([CURVE]);
    expect((await curves.series(buyer, CURVE, {}, SYSTEM_CONTEXT)).points.length).toBeGreaterThan(
      100,
    );
    expect((await curves.get(buyer, CURVE, SYSTEM_CONTEXT)).latestRun?.asOf).toBe(AS_OF);
  });

  it('treats a tenant without the grant as for prices: unlisted, 404 for the curve, 403 for its data', async () => {
    for (const tenant of ['prices_only', 'other_curve']) {
      const key = tenantKey(tenant);
      expect(await curves.list(key, SYSTEM_CONTEXT)).toEqual([]);
      expect((await failure(curves.get(key, CURVE, SYSTEM_CONTEXT))).code).toBe('not_found');
      for (const read of [
        () => curves.series(key, CURVE, {}, SYSTEM_CONTEXT),
        () => curves.runs(key, CURVE, {}, SYSTEM_CONTEXT),
        () => curves.quotes(key, CURVE, {}, SYSTEM_CONTEXT),
      ]) {
        const error = await failure(read());
        expect(error.code).toBe('not_entitled');
        expect(error.message).toContain(`not entitled to ${CURVE}`);
      }
      expect((await failure(curves.series(key, 'NOPE', {}, SYSTEM_CONTEXT))).code).toBe(
        'not_found',
      );
    }
    const nobody = await failure(curves.list(tenantKey('nobody'), SYSTEM_CONTEXT));
    expect(nobody.code).toBe('not_entitled');
  });

  it('lets only curves:write holders load quotes and build', async () => {
    const admin = tenantKey('curve_buyer', ['admin']);
    expect((await failure(load(MARKS, admin))).code).toBe('not_entitled');
    expect((await failure(build(AS_OF, admin))).code).toBe('not_entitled');
  });
});
