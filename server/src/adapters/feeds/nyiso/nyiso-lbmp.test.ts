import { afterAll, describe, expect, it } from 'vitest';
import {
  priceObservationAt,
  validatePriceBatch,
  type PriceObservation,
} from '../../../domain/prices/price-batch.js';
import { HOUR_MS } from '../../../domain/time/interval.js';
import { localDayBounds } from '../../../domain/time/zoned.js';
import { AppError } from '../../../platform/errors.js';
import type { FeedData, SourceDocument } from '../../../ports/market-feed.js';
import { testFeedContext } from '../../../../test/support/feed-context.js';
import { sampleDocument, sharedDocument, textDocument } from '../../../../test/support/fixtures.js';
import {
  DAY_AHEAD_LBMP,
  parseLbmpDocument,
  REAL_TIME_DISPATCH_LBMP,
  REAL_TIME_HOURLY_LBMP,
  type LbmpReport,
} from './nyiso-lbmp.js';

const context = testFeedContext();
afterAll(() => context.csv.close());

const ZONE = 'America/New_York';
const at = (iso: string): number => Date.parse(iso);

type Row = PriceObservation & { start: string };

const rowsOf = (data: FeedData): Row[] => {
  if (data.kind !== 'prices') {
    throw new Error('expected prices');
  }
  expect(validatePriceBatch(data.prices)).toEqual([]);
  return Array.from({ length: data.prices.length }, (_, i) => {
    const o = priceObservationAt(data.prices, i);
    return { ...o, start: new Date(o.intervalStartMs).toISOString() };
  }).sort(
    (a, b) => a.instrumentId.localeCompare(b.instrumentId) || a.intervalStartMs - b.intervalStartMs,
  );
};

const parse = async (
  document: SourceDocument,
  report: LbmpReport = DAY_AHEAD_LBMP,
  file: 'zone' | 'gen' = 'zone',
): Promise<{ data: FeedData; rows: Row[] }> => {
  const data = await parseLbmpDocument(context.csv, document, report, file);
  return { data, rows: rowsOf(data) };
};

const find = (rows: readonly Row[], id: string, start: string): Row => {
  const row = rows.find((r) => r.instrumentId === id && r.start === start);
  if (!row) {
    throw new Error(`no ${id} @ ${start}`);
  }
  return row;
};

const expectComponentsAddUp = (rows: readonly Row[]): void => {
  for (const row of rows) {
    expect(row.energy! + row.congestion! + row.loss!).toBeCloseTo(row.lmp, 9);
  }
};

/** Every location's starts, which must be consecutive `minutes` apart from `firstIso`. */
const expectContiguous = (
  rows: readonly Row[],
  id: string,
  firstIso: string,
  count: number,
): void => {
  const starts = rows.filter((r) => r.instrumentId === id).map((r) => r.intervalStartMs);
  expect(starts).toEqual(Array.from({ length: count }, (_, k) => at(firstIso) + k * HOUR_MS));
};

const rejection = async (promise: Promise<unknown>): Promise<AppError> => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('invalid_source_data');
  return error as AppError;
};

describe('NYISO damlbmp (day-ahead, hour beginning, no DST flag)', () => {
  it('gives 25 hourly intervals per zone on the fall-back day, the repeated 01:00 by row order', async () => {
    const { rows } = await parse(sharedDocument('iso/nyiso/20251102damlbmp_zone_sample.csv'));
    expect(rows).toHaveLength(75);
    const day = localDayBounds(ZONE, '2025-11-02');
    expect(day.hours).toBe(25);
    for (const id of ['NYISO.N.Y.C.', 'NYISO.PJM', 'NYISO.WEST']) {
      expectContiguous(rows, id, '2025-11-02T04:00:00.000Z', 25);
    }
    expect(Math.max(...rows.map((r) => r.intervalStartMs)) + HOUR_MS).toBe(day.endMs);
    // line 5: 11/02/2025 01:00,N.Y.C.,61761,53.65,2.21,0.00   (first 01:00 = EDT, UTC-4)
    expect(find(rows, 'NYISO.N.Y.C.', '2025-11-02T05:00:00.000Z')).toMatchObject({
      run: 'DA',
      intervalMinutes: 60,
      lmp: 53.65,
      loss: 2.21,
      congestion: 0,
      energy: 51.44,
      ghg: null,
    });
    // line 8: 11/02/2025 01:00,N.Y.C.,61761,52.59,2.50,0.00   (second 01:00 = EST, UTC-5)
    expect(find(rows, 'NYISO.N.Y.C.', '2025-11-02T06:00:00.000Z')).toMatchObject({
      lmp: 52.59,
      loss: 2.5,
      energy: 50.09,
    });
    // line 11: 11/02/2025 02:00,N.Y.C.,61761,43.87,2.25,0.00
    expect(find(rows, 'NYISO.N.Y.C.', '2025-11-02T07:00:00.000Z').lmp).toBe(43.87);
    // line 76: 11/02/2025 23:00,WEST,61752,41.57,-1.82,0.00
    expect(find(rows, 'NYISO.WEST', '2025-11-03T04:00:00.000Z')).toMatchObject({
      lmp: 41.57,
      loss: -1.82,
      energy: 43.39,
    });
  });

  it('flips the reported congestion so LMP = energy + congestion + loss', async () => {
    const { rows } = await parse(sharedDocument('iso/nyiso/20251102damlbmp_zone_sample.csv'));
    // line 24: 11/02/2025 06:00,PJM,61847,46.07,0.14,2.23 — NYISO's +2.23 is a congestion credit of 2.23.
    expect(find(rows, 'NYISO.PJM', '2025-11-02T11:00:00.000Z')).toMatchObject({
      lmp: 46.07,
      loss: 0.14,
      congestion: -2.23,
      energy: 48.16,
    });
    // line 25: 11/02/2025 06:00,WEST,61752,46.52,-1.64,0.00 — same reference-bus energy as PJM above.
    expect(find(rows, 'NYISO.WEST', '2025-11-02T11:00:00.000Z').energy).toBe(48.16);
    // line 27: 11/02/2025 07:00,PJM,61847,51.98,-0.25,-2.23 — 51.98 + 0.25 − 2.23 = 50.00; the zones'
    // 49.99 (line 26: N.Y.C. 52.49 − 2.50) differs by NYISO's own rounding to the cent.
    expect(find(rows, 'NYISO.PJM', '2025-11-02T12:00:00.000Z')).toMatchObject({
      congestion: 2.23,
      energy: 50,
    });
    expect(find(rows, 'NYISO.N.Y.C.', '2025-11-02T12:00:00.000Z').energy).toBe(49.99);
    expectComponentsAddUp(rows);
  });

  it('gives 23 hourly intervals per zone on the spring-forward day (02:00 is absent)', async () => {
    const { rows } = await parse(sharedDocument('iso/nyiso/20250309damlbmp_zone_sample.csv'));
    expect(rows).toHaveLength(69);
    expect(localDayBounds(ZONE, '2025-03-09').hours).toBe(23);
    for (const id of ['NYISO.N.Y.C.', 'NYISO.PJM', 'NYISO.WEST']) {
      expectContiguous(rows, id, '2025-03-09T05:00:00.000Z', 23);
    }
    // line 5: 03/09/2025 01:00,N.Y.C.,61761,53.07,2.06,-0.89   (EST)
    expect(find(rows, 'NYISO.N.Y.C.', '2025-03-09T06:00:00.000Z')).toMatchObject({
      lmp: 53.07,
      loss: 2.06,
      congestion: 0.89,
      energy: 50.12,
    });
    // lines 8-10: 03/09/2025 03:00 (EDT) N.Y.C. 51.49,2.12,-1.16 / PJM 45.80,-0.53,1.88 / WEST 45.70,-2.51,0.00
    const three = ['NYISO.N.Y.C.', 'NYISO.PJM', 'NYISO.WEST'].map((id) =>
      find(rows, id, '2025-03-09T07:00:00.000Z'),
    );
    expect(three.map((r) => [r.lmp, r.congestion, r.energy])).toEqual([
      [51.49, 1.16, 48.21],
      [45.8, -1.88, 48.21],
      [45.7, 0, 48.21],
    ]);
    expectComponentsAddUp(rows);
  });

  it('registers zones as zone and external proxy buses as node', async () => {
    const { data } = await parse(sharedDocument('iso/nyiso/20251102damlbmp_zone_sample.csv'));
    expect(data.instruments?.map((i) => [i.id, i.kind, i.product])).toEqual([
      ['NYISO.N.Y.C.', 'zone', 'lmp'],
      ['NYISO.PJM', 'node', 'lmp'],
      ['NYISO.WEST', 'zone', 'lmp'],
    ]);
    expect(data.instruments?.[0]?.aliases).toEqual([
      { source: 'nyiso', code: 'N.Y.C.', validFromMs: null, validToMs: null },
    ]);
  });

  it('reads generator buses as nodes (hand-written sample)', async () => {
    const { data, rows } = await parse(
      sampleDocument('nyiso/20250115damlbmp_gen_sample.csv'),
      DAY_AHEAD_LBMP,
      'gen',
    );
    expect(rows).toHaveLength(9);
    // 01/15/2025 00:00,59TH STREET_GT_1,24138,62.18,4.03,-1.12
    expect(find(rows, 'NYISO.59TH STREET_GT_1', '2025-01-15T05:00:00.000Z')).toMatchObject({
      lmp: 62.18,
      loss: 4.03,
      congestion: 1.12,
      energy: 57.03,
    });
    expect(data.instruments?.map((i) => [i.code, i.kind, i.name])).toEqual([
      ['59TH STREET_GT_1', 'node', '59TH STREET_GT_1 generator bus, PTID 24138 (NYISO)'],
      ['ASTORIA GT 2_1', 'node', 'ASTORIA GT 2_1 generator bus, PTID 24106 (NYISO)'],
      ['NIAGARA_GEN', 'node', 'NIAGARA_GEN generator bus, PTID 23760 (NYISO)'],
    ]);
    expectComponentsAddUp(rows);
  });
});

describe('NYISO rtlbmp (real-time hourly, quoted)', () => {
  it('reads the quoted file and its fall-back day as 25 hours per zone', async () => {
    const { rows } = await parse(
      sharedDocument('iso/nyiso/20251102rtlbmp_zone_sample.csv'),
      REAL_TIME_HOURLY_LBMP,
    );
    expect(rows).toHaveLength(75);
    expect(new Set(rows.map((r) => r.run))).toEqual(new Set(['RT60']));
    for (const id of ['NYISO.N.Y.C.', 'NYISO.PJM', 'NYISO.WEST']) {
      expectContiguous(rows, id, '2025-11-02T04:00:00.000Z', 25);
    }
    // line 5: "11/02/2025 01:00","N.Y.C.",61761,56.71,1.98,0.00   (EDT)
    expect(find(rows, 'NYISO.N.Y.C.', '2025-11-02T05:00:00.000Z').lmp).toBe(56.71);
    // line 8: "11/02/2025 01:00","N.Y.C.",61761,38.03,1.39,0.00   (EST)
    expect(find(rows, 'NYISO.N.Y.C.', '2025-11-02T06:00:00.000Z').lmp).toBe(38.03);
    // line 51: "11/02/2025 15:00","PJM",61847,43.51,-0.22,0.82
    expect(find(rows, 'NYISO.PJM', '2025-11-02T20:00:00.000Z')).toMatchObject({
      lmp: 43.51,
      loss: -0.22,
      congestion: -0.82,
      energy: 44.55,
    });
    expectComponentsAddUp(rows);
  });
});

describe('NYISO realtime (RTD 5-minute, interval end)', () => {
  it('reads the latest file (leading empty line, quoted) and keeps only the dispatched interval', async () => {
    const { rows, data } = await parse(
      sharedDocument('iso/nyiso/realtime_zone_lbmp_latest_20160218.csv'),
      REAL_TIME_DISPATCH_LBMP,
    );
    // 00:15 is RTD's latest interval; 00:30 and 00:45 follow 15 minutes apart: RTC's advisory intervals.
    expect(rows).toHaveLength(15);
    expect(new Set(rows.map((r) => r.start))).toEqual(new Set(['2016-02-18T05:10:00.000Z']));
    // line 12: "02/18/2016 00:15:00","N.Y.C.",61761,21.85,2.00,0.00 → interval 00:10–00:15 EST
    expect(find(rows, 'NYISO.N.Y.C.', '2016-02-18T05:10:00.000Z')).toMatchObject({
      run: 'RT5',
      intervalMinutes: 5,
      lmp: 21.85,
      loss: 2,
      congestion: 0,
      energy: 19.85,
    });
    // line 7: "02/18/2016 00:15:00","H Q",61844,19.21,-0.64,0.00
    expect(find(rows, 'NYISO.H Q', '2016-02-18T05:10:00.000Z').lmp).toBe(19.21);
    expect(data.instruments?.filter((i) => i.kind === 'zone')).toHaveLength(11);
    expect(data.instruments?.filter((i) => i.kind === 'node').map((i) => i.code)).toEqual([
      'H Q',
      'NPX',
      'O H',
      'PJM',
    ]);
    expectComponentsAddUp(rows);
  });

  it('drops the RTC 15-minute advisory tail of a daily file (hand-written sample)', async () => {
    const { rows } = await parse(
      sampleDocument('nyiso/20250310realtime_zone_sample.csv'),
      REAL_TIME_DISPATCH_LBMP,
    );
    expect(rows.filter((r) => r.instrumentId === 'NYISO.N.Y.C.').map((r) => r.start)).toEqual([
      '2025-03-10T14:00:00.000Z',
      '2025-03-10T14:05:00.000Z',
      '2025-03-10T14:10:00.000Z',
    ]);
    // "03/10/2025 10:15:00","N.Y.C.",61761,35.88,1.40,-3.55
    expect(find(rows, 'NYISO.N.Y.C.', '2025-03-10T14:10:00.000Z')).toMatchObject({
      lmp: 35.88,
      congestion: 3.55,
      energy: 30.93,
    });
    // "03/10/2025 10:05:00","N.Y.C.",61761,31.42,1.31,-0.00 — a reported −0.00 is stored as +0
    expect(Object.is(find(rows, 'NYISO.N.Y.C.', '2025-03-10T14:00:00.000Z').congestion, 0)).toBe(
      true,
    );
    expectComponentsAddUp(rows);
  });

  it('orders interval-end stamps through the repeated hour (hand-written sample)', async () => {
    const { rows } = await parse(
      sampleDocument('nyiso/20251102realtime_zone_sample.csv'),
      REAL_TIME_DISPATCH_LBMP,
    );
    // 00:55 EDT … 01:55 EDT, then 01:00 EST … 01:55 EST, 02:00 EST: 26 ends, 5 minutes apart.
    const first = at('2025-11-02T04:50:00.000Z');
    expect(rows.map((r) => r.intervalStartMs)).toEqual(
      Array.from({ length: 26 }, (_, k) => first + k * 5 * 60_000),
    );
    // the second "01:00:00" (line 15) ends the last EDT interval, 01:55–02:00 EDT = 05:55–06:00Z
    expect(find(rows, 'NYISO.WEST', '2025-11-02T05:55:00.000Z').lmp).toBe(23.25);
  });
});

describe('NYISO LBMP files that cannot be read', () => {
  const header =
    'Time Stamp,Name,PTID,LBMP ($/MWHr),Marginal Cost Losses ($/MWHr),Marginal Cost Congestion ($/MWHr)\n';

  it('names file, line and field for a value that is not a number (malformed)', async () => {
    const error = await rejection(
      parse(
        textDocument(
          '20251102damlbmp_zone.csv',
          `${header}11/02/2025 00:00,N.Y.C.,61761,5l.52,2.92,0.00\n`,
        ),
      ),
    );
    expect(error.message).toBe(
      '20251102damlbmp_zone.csv, line 2, LBMP ($/MWHr): "5l.52" is not a number',
    );
  });

  it('names file, line and the first missing field for a truncated file', async () => {
    const recorded = new TextDecoder().decode(
      sharedDocument('iso/nyiso/20251102damlbmp_zone_sample.csv').bytes,
    );
    // Cut inside line 5 ("11/02/2025 01:00,N.Y.C.,61761,53.65,2.21,0.00") after the PTID.
    const cut = recorded.slice(0, recorded.indexOf('61761,53.65') + '61761'.length);
    const error = await rejection(parse(textDocument('20251102damlbmp_zone.csv', cut)));
    expect(error.message).toBe(
      '20251102damlbmp_zone.csv, line 5, LBMP ($/MWHr): expected 6 columns, found 3 (truncated or malformed line)',
    );
  });

  it.each([
    [
      'a missing LBMP',
      '11/02/2025 00:00,N.Y.C.,61761,,2.92,0.00\n',
      'line 2, LBMP ($/MWHr): the LBMP is missing',
    ],
    [
      'an hour that does not exist',
      '03/09/2025 02:00,N.Y.C.,61761,1.00,0.00,0.00\n',
      'line 2, Time Stamp: "03/09/2025 02:00" does not exist in New York: the clock skips that hour at the change to daylight time',
    ],
    [
      'an unreadable time stamp',
      '11/02/2025 00:00,N.Y.C.,61761,1.00,0.00,0.00\n2025-11-02 01:00,N.Y.C.,61761,1.00,0.00,0.00\n',
      'line 3, Time Stamp: "2025-11-02 01:00" is not a time stamp of the form MM/DD/YYYY HH:MM[:SS]',
    ],
    [
      'a repeated hour that is not the fall-back hour',
      '11/02/2025 03:00,WEST,61752,1.00,0.00,0.00\n11/02/2025 03:00,WEST,61752,1.00,0.00,0.00\n',
      'line 3, Time Stamp: "11/02/2025 03:00" appears twice for WEST; only the hour repeated when daylight time ends may appear twice',
    ],
    [
      'a third 01:00',
      '11/02/2025 01:00,WEST,61752,1.00,0.00,0.00\n'.repeat(3),
      'line 4, Time Stamp: "11/02/2025 01:00" appears 3 times for WEST; only the hour repeated when daylight time ends may appear twice',
    ],
  ])('names file, line and field for %s', async (_what, lines, message) => {
    const error = await rejection(parse(textDocument('x_damlbmp_zone.csv', `${header}${lines}`)));
    expect(error.message).toBe(`x_damlbmp_zone.csv, ${message}`);
  });
});
