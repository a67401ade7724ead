import { zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { sampleDocument, textDocument } from '../../../../test/support/fixtures.js';
import { testFeedContext } from '../../../../test/support/feed-context.js';
import {
  priceObservationAt,
  validatePriceBatch,
  type PriceBatch,
  type PriceObservation,
} from '../../../domain/prices/price-batch.js';
import type { FeedData, SourceDocument } from '../../../ports/market-feed.js';
import { parseMisoFiveMinuteApi } from './miso-five-minute-api.js';
import { parseMisoFiveMinuteReport } from './miso-five-minute-lmp.js';

const context = testFeedContext();
afterAll(() => context.csv.close());

const WEEKLY_SAMPLE = 'miso/20250317_5MIN_LMP_sample.csv';
const ROLLING_SAMPLE = 'miso/GetRealTimeFiveMinExPost_Rolling_20260714_sample.json';

const pricesOf = (data: FeedData): PriceBatch => {
  if (data.kind !== 'prices') {
    throw new Error('expected prices');
  }
  expect(validatePriceBatch(data.prices)).toEqual([]);
  return data.prices;
};
const observations = (data: FeedData): PriceObservation[] => {
  const batch = pricesOf(data);
  return Array.from({ length: batch.length }, (_, i) => priceObservationAt(batch, i));
};
const at = (list: PriceObservation[], id: string, iso: string): PriceObservation | undefined =>
  list.find((o) => o.instrumentId === id && o.intervalStartMs === Date.parse(iso));

const weeklyText = (): string => new TextDecoder().decode(sampleDocument(WEEKLY_SAMPLE).bytes);
const weeklyZip = (text = weeklyText()): SourceDocument => ({
  name: '20250317_5MIN_LMP.zip',
  bytes: zipSync({ '20250317_5MIN_LMP.csv': new TextEncoder().encode(text) }),
  origin: 'test',
});
const rollingText = (): string => new TextDecoder().decode(sampleDocument(ROLLING_SAMPLE).bytes);

describe('MISO weekly 5-minute LMP report (hand-written sample of 5MIN_LMP.zip)', () => {
  it('reads the zipped CSV: MKTHOUR_EST is the interval start on the EST clock', async () => {
    const list = observations(await parseMisoFiveMinuteReport(context.csv, weeklyZip()));
    expect(list).toHaveLength(12);
    expect(list.every((o) => o.run === 'RT5' && o.intervalMinutes === 5)).toBe(true);
    // 03/03/2025 00:00,INDIANA.HUB,28.41,-0.52,0.87
    expect(at(list, 'MISO.INDIANA.HUB', '2025-03-03T05:00:00Z')).toEqual({
      instrumentId: 'MISO.INDIANA.HUB',
      run: 'RT5',
      intervalStartMs: Date.parse('2025-03-03T05:00:00Z'),
      intervalMinutes: 5,
      lmp: 28.41,
      energy: 28.06,
      congestion: -0.52,
      loss: 0.87,
      ghg: null,
    });
    // 03/09/2025 02:00,MINN.HUB,19.95,-5.02,-1.31 — an hour New York skips that day; EST does not.
    expect(at(list, 'MISO.MINN.HUB', '2025-03-09T07:00:00Z')).toMatchObject({
      lmp: 19.95,
      congestion: -5.02,
      loss: -1.31,
      energy: 26.28,
    });
    // 03/09/2025 23:55,INDIANA.HUB,30.02,0.44,0.93 — the day's last interval starts 04:55Z the next day
    expect(at(list, 'MISO.INDIANA.HUB', '2025-03-10T04:55:00Z')?.lmp).toBe(30.02);
  });

  it('reads the plain CSV the same as the zip, with hubs named by their .HUB suffix', async () => {
    const plain = await parseMisoFiveMinuteReport(context.csv, sampleDocument(WEEKLY_SAMPLE));
    expect(observations(plain)).toEqual(
      observations(await parseMisoFiveMinuteReport(context.csv, weeklyZip())),
    );
    expect(plain.instruments?.map((i) => [i.id, i.kind])).toEqual([
      ['MISO.INDIANA.HUB', 'hub'],
      ['MISO.MINN.HUB', 'hub'],
    ]);
  });

  it('names file, line and field for a bad price and for a truncated row, and returns nothing', async () => {
    await expect(
      parseMisoFiveMinuteReport(context.csv, weeklyZip(weeklyText().replace('27.95', 'abc'))),
    ).rejects.toMatchObject({
      code: 'invalid_source_data',
      message: '20250317_5MIN_LMP.csv, line 8, LMP: "abc" is not a number',
    });
    const text = weeklyText();
    const cut = text.slice(
      0,
      text.indexOf('03/09/2025 23:55,MINN.HUB') + '03/09/2025 23:55,MINN.HUB,22.47'.length,
    );
    await expect(parseMisoFiveMinuteReport(context.csv, weeklyZip(cut))).rejects.toMatchObject({
      message:
        '20250317_5MIN_LMP.csv, line 17, CON_LMP: expected 5 columns, found 3 (truncated or malformed line)',
    });
  });

  it('rejects a time off the 5-minute grid, an unreadable time and a repeated row', async () => {
    await expect(
      parseMisoFiveMinuteReport(
        context.csv,
        weeklyZip(weeklyText().replace('03/03/2025 00:05,MINN', '03/03/2025 00:07,MINN')),
      ),
    ).rejects.toMatchObject({
      message:
        '20250317_5MIN_LMP.csv, line 9, MKTHOUR_EST: "03/03/2025 00:07" is not the start of a 5-minute interval',
    });
    await expect(
      parseMisoFiveMinuteReport(
        context.csv,
        weeklyZip(weeklyText().replace('03/03/2025 00:05,MINN', '03/33/2025 00:05,MINN')),
      ),
    ).rejects.toMatchObject({
      message:
        '20250317_5MIN_LMP.csv, line 9, MKTHOUR_EST: "03/33/2025 00:05" is not a market time such as 03/09/2025 14:05',
    });
    await expect(
      parseMisoFiveMinuteReport(
        context.csv,
        weeklyZip(weeklyText().replace('03/03/2025 00:05,MINN', '03/03/2025 00:00,MINN')),
      ),
    ).rejects.toMatchObject({
      message:
        '20250317_5MIN_LMP.csv, line 9, PNODENAME: second row for MINN.HUB at 03/03/2025 00:00 (first at line 7)',
    });
  });

  it('reports a zip without a CSV', async () => {
    const empty = {
      name: '20250317_5MIN_LMP.zip',
      bytes: zipSync({ 'readme.txt': new Uint8Array(1) }),
      origin: 't',
    };
    await expect(parseMisoFiveMinuteReport(context.csv, empty)).rejects.toMatchObject({
      message: '20250317_5MIN_LMP.zip: expected one CSV in the archive, found none',
    });
  });
});

describe('MISO public API 5-minute ex-post LMPs (hand-written sample of GetRealTimeFiveMinExPost)', () => {
  const document = (text = rollingText()): SourceDocument => textDocument('Rolling', text);

  it('maps columns by header name; INTERVAL is the interval start in EST', () => {
    const data = parseMisoFiveMinuteApi(document());
    const list = observations(data);
    expect(list).toHaveLength(9);
    expect(pricesOf(data).runs).toEqual(['RT5']);
    // ["2026-07-14T00:00:00", "INDIANA.HUB", "31.25", "1.02", "-0.48"] — headers INTERVAL, CPNODE, LMP, MLC, MCC
    expect(at(list, 'MISO.INDIANA.HUB', '2026-07-14T05:00:00Z')).toEqual({
      instrumentId: 'MISO.INDIANA.HUB',
      run: 'RT5',
      intervalStartMs: Date.parse('2026-07-14T05:00:00Z'),
      intervalMinutes: 5,
      lmp: 31.25,
      energy: 30.71,
      congestion: -0.48,
      loss: 1.02,
      ghg: null,
    });
    // ["2026-07-14T00:00:00", "GRE.ALTW", "-1.64", "-2.16", "-34.54"]
    expect(at(list, 'MISO.GRE.ALTW', '2026-07-14T05:00:00Z')).toMatchObject({
      lmp: -1.64,
      loss: -2.16,
      congestion: -34.54,
      energy: 35.06,
    });
    // ["2026-07-14T19:55:00", "INDIANA.HUB", "412.80", "21.37", "3.05"] → 00:55Z on the 15th
    expect(at(list, 'MISO.INDIANA.HUB', '2026-07-15T00:55:00Z')).toMatchObject({
      lmp: 412.8,
      energy: 388.38,
    });
    expect(data.instruments?.map((i) => [i.id, i.kind])).toEqual([
      ['MISO.INDIANA.HUB', 'hub'],
      ['MISO.MINN.HUB', 'hub'],
      ['MISO.GRE.ALTW', 'node'],
    ]);
  });

  it('reads columns in any order and numbers given as numbers', () => {
    const reordered = JSON.stringify({
      headers: ['CPNODE', 'MCC', 'MLC', 'LMP', 'INTERVAL'],
      data: [['MINN.HUB', -6.32, -1.1, 18.4, '2026-07-14 00:00:00']],
    });
    expect(observations(parseMisoFiveMinuteApi(document(reordered)))).toEqual([
      expect.objectContaining({
        instrumentId: 'MISO.MINN.HUB',
        lmp: 18.4,
        congestion: -6.32,
        loss: -1.1,
      }),
    ]);
  });

  it('names file, line and record of a bad value; a truncated body names its last line', () => {
    const bad = rollingText().replace('"30.97"', '"n/a"');
    expect(() => parseMisoFiveMinuteApi(document(bad))).toThrow(
      expect.objectContaining({
        code: 'invalid_source_data',
        message: 'Rolling, line 7, data[3].LMP: "n/a" is not a price',
      }),
    );
    const text = rollingText();
    const truncated = text.slice(0, text.indexOf('"MINN.HUB", "95.33"'));
    expect(() => parseMisoFiveMinuteApi(document(truncated))).toThrow(
      expect.objectContaining({
        code: 'invalid_source_data',
        message: expect.stringMatching(/^Rolling, line 11: not valid JSON, truncated or malformed/),
      }),
    );
  });

  it('rejects missing columns, an interval off the grid and a repeated node-interval', () => {
    expect(() =>
      parseMisoFiveMinuteApi(document('{"headers":["INTERVAL","CPNODE","LMP"],"data":[]}')),
    ).toThrow('Rolling, headers: missing MLC, MCC; the headers are: INTERVAL, CPNODE, LMP');
    expect(() =>
      parseMisoFiveMinuteApi(
        document(rollingText().replace('T00:05:00", "MINN', 'T00:06:00", "MINN')),
      ),
    ).toThrow(
      'Rolling, line 8, data[4].INTERVAL: "2026-07-14T00:06:00" is not the start of a 5-minute interval',
    );
    expect(() =>
      parseMisoFiveMinuteApi(
        document(rollingText().replace('T00:05:00", "MINN', 'T00:00:00", "MINN')),
      ),
    ).toThrow('Rolling, line 8, data[4].CPNODE: second row for MINN.HUB at 2026-07-14T00:00:00');
  });

  it('gives empty prices for a response with no rows yet', () => {
    const data = parseMisoFiveMinuteApi(
      document('{"headers":["INTERVAL","CPNODE","LMP","MLC","MCC"],"data":[]}'),
    );
    expect(pricesOf(data).length).toBe(0);
  });
});
