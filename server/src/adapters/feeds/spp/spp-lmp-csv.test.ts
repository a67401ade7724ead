import { zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import {
  priceObservationAt,
  validatePriceBatch,
  type PriceObservation,
} from '../../../domain/prices/price-batch.js';
import { HOUR_MS, toIsoUtc } from '../../../domain/time/interval.js';
import { localDayBounds } from '../../../domain/time/zoned.js';
import { AppError } from '../../../platform/errors.js';
import type { FeedData, SourceDocument } from '../../../ports/market-feed.js';
import { sampleDocument, sharedDocument, textDocument } from '../../../../test/support/fixtures.js';
import { testFeedContext } from '../../../../test/support/feed-context.js';
import { parseSppLmpDocument, type SppLmpRun } from './spp-lmp-csv.js';

const context = testFeedContext();
afterAll(() => context.csv.close());

const RT_FILE = 'iso/spp/RTBM-LMP-SL-202503310840.csv';
const RT_EMPTY = 'iso/spp/RTBM-LMP-SL-202503310845_empty.csv';
const DA_FILE = 'iso/spp/DA-LMP-SL-202503190100_subset.csv';
const DA_BAA_FILE = 'iso/spp/DA-LMP-SL-202610010100_sample_with_BAA.csv';

const parse = async (document: SourceDocument, run: SppLmpRun): Promise<PriceObservation[]> => {
  const data = await parseSppLmpDocument(context.csv, document, run);
  if (data.kind !== 'prices') {
    throw new Error('expected prices');
  }
  expect(validatePriceBatch(data.prices)).toEqual([]);
  return Array.from({ length: data.prices.length }, (_, i) => priceObservationAt(data.prices, i));
};

const parseData = async (document: SourceDocument, run: SppLmpRun): Promise<FeedData> =>
  parseSppLmpDocument(context.csv, document, run);

const at = (rows: readonly PriceObservation[], id: string, startIso: string): PriceObservation => {
  const found = rows.filter(
    (r) => r.instrumentId === id && toIsoUtc(r.intervalStartMs) === startIso,
  );
  expect(found).toHaveLength(1);
  return found[0]!;
};

const startsOf = (rows: readonly PriceObservation[], id: string): string[] =>
  rows
    .filter((r) => r.instrumentId === id)
    .map((r) => r.intervalStartMs)
    .sort((a, b) => a - b)
    .map(toIsoUtc);

const problemOf = async (promise: Promise<unknown>): Promise<AppError> => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('invalid_source_data');
  return error as AppError;
};

describe('SPP RTBM 5-minute LMP file (recorded RTBM-LMP-SL-202503310840.csv)', () => {
  it('reads every settlement location of the interval ending 08:40 CDT as [13:35, 13:40) UTC', async () => {
    const rows = await parse(sharedDocument(RT_FILE), 'RT5');
    expect(rows).toHaveLength(1234);
    expect(new Set(rows.map((r) => r.intervalStartMs))).toEqual(
      new Set([Date.parse('2025-03-31T13:35:00Z')]),
    );
    expect(rows.every((r) => r.run === 'RT5' && r.intervalMinutes === 5)).toBe(true);
    // line 796: 03/31/2025 08:40:00,03/31/2025 13:40:00,SPPNORTH_HUB,SPPNORTH_H,36.0854,-3.8271,-250.1463,290.0588
    expect(at(rows, 'SPP.SPPNORTH_HUB', '2025-03-31T13:35:00.000Z')).toEqual({
      instrumentId: 'SPP.SPPNORTH_HUB',
      run: 'RT5',
      intervalStartMs: Date.parse('2025-03-31T13:35:00Z'),
      intervalMinutes: 5,
      lmp: 36.0854,
      energy: 290.0588,
      congestion: -250.1463,
      loss: -3.8271,
      ghg: null,
    });
    // line 201: 03/31/2025 08:40:00,03/31/2025 13:40:00,ERCOTN,ERCOTN,20.6186,-14.2105,-255.2297,290.0588
    expect(at(rows, 'SPP.ERCOTN', '2025-03-31T13:35:00.000Z')).toMatchObject({
      lmp: 20.6186,
      energy: 290.0588,
      congestion: -255.2297,
      loss: -14.2105,
    });
  });

  it('registers each location with its kind: two trading hubs, load areas as zones, the rest nodes', async () => {
    const data = await parseData(sharedDocument(RT_FILE), 'RT5');
    const instruments = data.instruments ?? [];
    expect(instruments).toHaveLength(1234);
    const kindOf = (code: string): string | undefined =>
      instruments.find((i) => i.code === code)?.kind;
    expect(instruments.filter((i) => i.kind === 'hub').map((i) => i.id)).toEqual([
      'SPP.SPPNORTH_HUB',
      'SPP.SPPSOUTH_HUB',
    ]);
    // line 304: …,KCPL_KCPL,KCPL_LA,… and line 3: …,AECC_CSWS,CSWS_AECC_LA,… are priced at load-area pnodes.
    expect(kindOf('KCPL_KCPL')).toBe('zone');
    expect(kindOf('AECC_CSWS')).toBe('zone');
    expect(instruments.filter((i) => i.kind === 'zone')).toHaveLength(121);
    // line 279: …,KCPLHUB,KCPLHUB_H,… is a participant's aggregate, not one of SPP's trading hubs.
    expect(kindOf('KCPLHUB')).toBe('node');
    expect(kindOf('ERCOTN')).toBe('node');
    expect(instruments.find((i) => i.code === 'KCPL_KCPL')).toEqual({
      id: 'SPP.KCPL_KCPL',
      market: 'SPP',
      code: 'KCPL_KCPL',
      name: 'KCPL_KCPL (SPP load area), pnode KCPL_LA',
      kind: 'zone',
      product: 'lmp',
      aliases: [{ source: 'spp', code: 'KCPL_KCPL', validFromMs: null, validToMs: null }],
    });
    expect(instruments.find((i) => i.code === 'SPPSOUTH_HUB')?.name).toBe('SPP South Hub');
  });

  it('reads the zero-byte next interval (RTBM-LMP-SL-202503310845_empty.csv) as not yet published: no rows, no error', async () => {
    const data = await parseData(sharedDocument(RT_EMPTY), 'RT5');
    expect(data.kind === 'prices' && data.prices.length).toBe(0);
    expect(data.instruments).toEqual([]);
  });
});

describe('SPP day-ahead LMP file', () => {
  it('reads DA-LMP-SL-202503190100 (recorded subset) as 24 hours per location, HE1 = [05:00, 06:00) UTC', async () => {
    const rows = await parse(sharedDocument(DA_FILE), 'DA');
    expect(rows).toHaveLength(75 * 24);
    expect(new Set(rows.map((r) => r.instrumentId)).size).toBe(75);
    const day = localDayBounds('America/Chicago', '2025-03-19');
    const hours = startsOf(rows, 'SPP.SPPNORTH_HUB');
    expect(hours).toHaveLength(24);
    expect(hours[0]).toBe(toIsoUtc(day.startMs));
    expect(hours[23]).toBe(toIsoUtc(day.endMs - HOUR_MS));
    expect(rows.every((r) => r.run === 'DA' && r.intervalMinutes === 60)).toBe(true);
    // line 66: 03/19/2025 01:00:00,03/19/2025 06:00:00,SPPNORTH_HUB,SPPNORTH_H,-5.5147,-0.5996,-16.6299,11.7148
    expect(at(rows, 'SPP.SPPNORTH_HUB', '2025-03-19T05:00:00.000Z')).toMatchObject({
      lmp: -5.5147,
      energy: 11.7148,
      congestion: -16.6299,
      loss: -0.5996,
    });
    // line 1792: 03/20/2025 00:00:00,03/20/2025 05:00:00,SPPSOUTH_HUB,SPPSOUTH_H,17.9887,-1.6898,-16.6035,36.2820
    expect(at(rows, 'SPP.SPPSOUTH_HUB', '2025-03-20T04:00:00.000Z')).toMatchObject({
      lmp: 17.9887,
      energy: 36.282,
      congestion: -16.6035,
      loss: -1.6898,
    });
  });

  it('reads the 2026 layout with a BAA column (DA-LMP-SL-202610010100_sample_with_BAA.csv)', async () => {
    const rows = await parse(sharedDocument(DA_BAA_FILE), 'DA');
    expect(rows).toHaveLength(72);
    expect(startsOf(rows, 'SPP.AEC')).toHaveLength(24);
    // line 4: 10/01/2026 01:00:00,10/01/2026 06:00:00,SPP,SPPSOUTH_HUB,SPPSOUTH_H,20.2363,-0.8495,-3.4921,24.5779
    expect(at(rows, 'SPP.SPPSOUTH_HUB', '2026-10-01T05:00:00.000Z')).toMatchObject({
      lmp: 20.2363,
      energy: 24.5779,
      congestion: -3.4921,
      loss: -0.8495,
    });
    // line 71: 10/02/2026 00:00:00,10/02/2026 05:00:00,SPP,AEC,SOUC,29.8292,0.5696,15.6662,13.5934
    expect(at(rows, 'SPP.AEC', '2026-10-02T04:00:00.000Z')).toMatchObject({
      lmp: 29.8292,
      energy: 13.5934,
      congestion: 15.6662,
      loss: 0.5696,
    });
  });

  it('reads the same rows whatever case and spacing the headers come in (2026 upper-cased headers)', async () => {
    const recorded = new TextDecoder().decode(sharedDocument(DA_BAA_FILE).bytes).split('\n');
    const body = recorded.slice(1).join('\n');
    const expected = await parse(sharedDocument(DA_BAA_FILE), 'DA');
    for (const header of [
      'INTERVAL,GMTINTERVALEND,BAA,SETTLEMENT LOCATION,PNODE,LMP,MLC,MCC,MEC',
      'INTERVAL,GMT_INTERVAL_END,BAA,SETTLEMENT_LOCATION,PNODE,LMP,MLC,MCC,MEC',
      ' Interval, GMTIntervalEnd, BAA, Settlement Location, Pnode, LMP, MLC, MCC, MEC',
    ]) {
      const rows = await parse(
        textDocument('DA-LMP-SL-202610010100.csv', `${header}\n${body}`),
        'DA',
      );
      expect(rows).toEqual(expected);
    }
  });

  it('reads a hand-written sample of the fall-back day 2025-11-02 as 25 hours, the repeated 01:00 told apart by GMTIntervalEnd', async () => {
    const rows = await parse(sampleDocument('spp/DA-LMP-SL-202511020100_handwritten.csv'), 'DA');
    expect(rows).toHaveLength(50);
    const day = localDayBounds('America/Chicago', '2025-11-02');
    expect(day.hours).toBe(25);
    const hours = startsOf(rows, 'SPP.SPPNORTH_HUB');
    expect(hours).toEqual(
      Array.from({ length: 25 }, (_, h) => toIsoUtc(day.startMs + h * HOUR_MS)),
    );
    // lines 2 and 4 both say Interval 11/02/2025 01:00:00; GMTIntervalEnd 06:00 and 07:00 make them two hours.
    expect(at(rows, 'SPP.SPPNORTH_HUB', '2025-11-02T05:00:00.000Z').lmp).toBe(25.81);
    expect(at(rows, 'SPP.SPPNORTH_HUB', '2025-11-02T06:00:00.000Z').lmp).toBe(25.8219);
  });
});

describe('SPP RTBM daily roll-up (hand-written samples)', () => {
  it('hand-written sample: reads the fall-back day 2025-11-02 as 300 five-minute intervals per location', async () => {
    const rows = await parse(
      sampleDocument('spp/RTBM-LMP-DAILY-SL-20251102_handwritten.csv'),
      'RT5',
    );
    const day = localDayBounds('America/Chicago', '2025-11-02');
    for (const id of ['SPP.SPPNORTH_HUB', 'SPP.KCPL_KCPL']) {
      const starts = startsOf(rows, id);
      expect(starts).toHaveLength(300);
      expect(starts[0]).toBe(toIsoUtc(day.startMs));
      expect(starts[299]).toBe(toIsoUtc(day.endMs - 5 * 60_000));
    }
    // line 26: 11/02/2025 01:05:00,11/02/2025 06:05:00,SPPNORTH_HUB,… (first 01:05, CDT)
    // line 50: 11/02/2025 01:05:00,11/02/2025 07:05:00,SPPNORTH_HUB,… (second 01:05, CST)
    expect(at(rows, 'SPP.SPPNORTH_HUB', '2025-11-02T06:00:00.000Z')).toMatchObject({
      lmp: 23.9528,
      energy: 24.0444,
      congestion: -0.0864,
      loss: -0.0052,
    });
    expect(at(rows, 'SPP.SPPNORTH_HUB', '2025-11-02T07:00:00.000Z')).toMatchObject({
      lmp: 24.0956,
      energy: 24.0888,
      congestion: -0.0228,
      loss: 0.0296,
    });
  });

  it('hand-written sample: reads the spring-forward day 2025-03-09 as 276 five-minute intervals', async () => {
    const rows = await parse(
      sampleDocument('spp/RTBM-LMP-DAILY-SL-20250309_handwritten.csv'),
      'RT5',
    );
    const starts = startsOf(rows, 'SPP.SPPSOUTH_HUB');
    expect(starts).toHaveLength(276);
    // 01:55 CST is followed directly by 03:00 CDT: [07:55, 08:00) then [08:00, 08:05) UTC.
    expect(starts.slice(22, 25)).toEqual([
      '2025-03-09T07:50:00.000Z',
      '2025-03-09T07:55:00.000Z',
      '2025-03-09T08:00:00.000Z',
    ]);
  });
});

describe('SPP LMP file edge cases', () => {
  it('reads a header-only file as no rows, and CRLF line endings like LF', async () => {
    const header = 'Interval,GMTIntervalEnd,Settlement Location,Pnode,LMP,MLC,MCC,MEC';
    expect(await parse(textDocument('RTBM-LMP-SL-202503310845.csv', `${header}\n`), 'RT5')).toEqual(
      [],
    );
    const lf = new TextDecoder().decode(sharedDocument(DA_BAA_FILE).bytes);
    const crlf = textDocument('DA-LMP-SL-202610010100.csv', lf.replaceAll('\n', '\r\n'));
    expect(await parse(crlf, 'DA')).toEqual(await parse(sharedDocument(DA_BAA_FILE), 'DA'));
  });
});

describe('SPP LMP files that cannot be read', () => {
  const HEADER = 'Interval,GMTIntervalEnd,Settlement Location,Pnode,LMP,MLC,MCC,MEC';
  const GOOD =
    '03/31/2025 08:40:00,03/31/2025 13:40:00,SPPNORTH_HUB,SPPNORTH_H,36.0854,-3.8271,-250.1463,290.0588';

  it('names file, line and field for a price that is not a number, and returns nothing', async () => {
    const error = await problemOf(
      parseData(
        textDocument(
          'RTBM-LMP-SL-202503310840.csv',
          `${HEADER}\n${GOOD}\n03/31/2025 08:40:00,03/31/2025 13:40:00,SPPSOUTH_HUB,SPPSOUTH_H,30.66x,-11.1922,-248.1999,290.0589\n`,
        ),
        'RT5',
      ),
    );
    expect(error.message).toBe(
      'RTBM-LMP-SL-202503310840.csv, line 3, LMP: "30.66x" is not a number',
    );
  });

  it('names file, line and field for a file cut off mid-line, and returns nothing', async () => {
    const whole = new TextDecoder().decode(sharedDocument(RT_FILE).bytes);
    const cut = whole.slice(
      0,
      whole.indexOf('SPPSOUTH_HUB') + 'SPPSOUTH_HUB,SPPSOUTH_H,30.6'.length,
    );
    const error = await problemOf(
      parseData(textDocument('RTBM-LMP-SL-202503310840.csv', cut), 'RT5'),
    );
    expect(error.message).toBe(
      'RTBM-LMP-SL-202503310840.csv, line 797, MLC: expected 8 columns, found 5 (truncated or malformed line)',
    );
  });

  it('names the missing column when a header lacks one', async () => {
    const error = await problemOf(
      parseData(
        textDocument(
          'DA-LMP-SL-202503190100.csv',
          'Interval,GMTIntervalEnd,Settlement Location,Pnode,LMP,MLC,MCC\n',
        ),
        'DA',
      ),
    );
    expect(error.message).toBe(
      'DA-LMP-SL-202503190100.csv, line 1, MEC: missing column; the header has: Interval, GMTIntervalEnd, Settlement Location, Pnode, LMP, MLC, MCC',
    );
  });

  it.each([
    [
      'a missing LMP',
      '03/31/2025 08:40:00,03/31/2025 13:40:00,SPPSOUTH_HUB,SPPSOUTH_H,,-11.1922,-248.1999,290.0589',
      'line 3, LMP: missing LMP for SPPSOUTH_HUB',
    ],
    [
      'a missing interval end',
      '03/31/2025 08:40:00,,SPPSOUTH_HUB,SPPSOUTH_H,30.6668,-11.1922,-248.1999,290.0589',
      'line 3, GMTIntervalEnd: missing interval end',
    ],
    [
      'an interval end off the 5-minute grid',
      '03/31/2025 08:40:00,03/31/2025 13:42:00,SPPSOUTH_HUB,SPPSOUTH_H,30.6668,-11.1922,-248.1999,290.0589',
      'line 3, GMTIntervalEnd: 2025-03-31 13:42:00 UTC is not the end of a 5-minute interval',
    ],
    [
      'a second price for the same location and interval',
      GOOD.replace('36.0854', '36.1'),
      'line 3, Settlement Location: second price for SPPNORTH_HUB at 2025-03-31 13:40 UTC (first on line 2)',
    ],
  ])('rejects %s with file, line and field', async (_what, line, where) => {
    const error = await problemOf(
      parseData(
        textDocument('RTBM-LMP-SL-202503310840.csv', `${HEADER}\n${GOOD}\n${line}\n`),
        'RT5',
      ),
    );
    expect(error.message).toBe(`RTBM-LMP-SL-202503310840.csv, ${where}`);
  });

  it('rejects a DA hour that does not end on the hour', async () => {
    const error = await problemOf(
      parseData(
        textDocument(
          'DA-LMP-SL-202503190100.csv',
          `${HEADER}\n03/19/2025 01:00:00,03/19/2025 06:05:00,AEC,SOUC,9.6667,0.1410,-2.1891,11.7148\n`,
        ),
        'DA',
      ),
    );
    expect(error.message).toBe(
      'DA-LMP-SL-202503190100.csv, line 2, GMTIntervalEnd: 2025-03-19 06:05:00 UTC is not the end of a 60-minute interval',
    );
  });
});

describe('SPP LMP archives', () => {
  it('reads a zip of SPP CSVs member by member (one interval file plus its empty successor)', async () => {
    const zipped = zipSync({
      'RTBM-LMP-SL-202503310840.csv': sharedDocument(RT_FILE).bytes,
      'RTBM-LMP-SL-202503310845.csv': sharedDocument(RT_EMPTY).bytes,
    });
    const rows = await parse(
      { name: 'RTBM-LMP-SL-2025033108.zip', bytes: zipped, origin: 'test' },
      'RT5',
    );
    expect(rows).toHaveLength(1234);
  });

  it('reports a truncated zip against its name', async () => {
    const zipped = zipSync({ 'RTBM-LMP-SL-202503310840.csv': sharedDocument(RT_FILE).bytes });
    const error = await problemOf(
      parseData(
        { name: 'RTBM-LMP-SL-2025033108.zip', bytes: zipped.subarray(0, 2000), origin: 'test' },
        'RT5',
      ),
    );
    expect(error.message).toMatch(/^RTBM-LMP-SL-2025033108\.zip: not a readable zip archive/);
  });
});
