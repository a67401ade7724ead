import { zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { sharedDocument, textDocument } from '../../../../test/support/fixtures.js';
import { testFeedContext } from '../../../../test/support/feed-context.js';
import { fixedOffsetHourEndingToInterval } from '../../../domain/time/conventions.js';
import {
  priceObservationAt,
  validatePriceBatch,
  type PriceBatch,
  type PriceObservation,
} from '../../../domain/prices/price-batch.js';
import type { FeedData, SourceDocument } from '../../../ports/market-feed.js';
import { parseMisoHourlyLmp } from './miso-hourly-lmp.js';

const FIXTURE = 'iso/miso/20260714_da_expost_lmp_hubs_subset.csv';
const context = testFeedContext();
afterAll(() => context.csv.close());

const fixture = (name = '20260714_da_expost_lmp.csv'): SourceDocument =>
  sharedDocument(FIXTURE, name);
const fixtureText = (): string => new TextDecoder().decode(fixture().bytes);

const pricesOf = (data: FeedData): PriceBatch => {
  if (data.kind !== 'prices') {
    throw new Error('expected prices');
  }
  expect(validatePriceBatch(data.prices)).toEqual([]);
  return data.prices;
};

const observations = (batch: PriceBatch): PriceObservation[] =>
  Array.from({ length: batch.length }, (_, i) => priceObservationAt(batch, i));

const at = (list: PriceObservation[], id: string, iso: string): PriceObservation => {
  const found = list.find((o) => o.instrumentId === id && o.intervalStartMs === Date.parse(iso));
  if (!found) {
    throw new Error(`no ${id} at ${iso}`);
  }
  return found;
};

const expectProblem = async (document: SourceDocument, message: string): Promise<void> => {
  await expect(parseMisoHourlyLmp(context.csv, document, 'DA')).rejects.toMatchObject({
    code: 'invalid_source_data',
    message,
  });
};

describe('MISO hourly LMP report (da_expost_lmp, rt_lmp_final layout)', () => {
  it('reads the recorded DA ex-post hubs: 24 EST hours per hub, UTC starts from 05:00Z', async () => {
    const data = await parseMisoHourlyLmp(context.csv, fixture(), 'DA');
    const batch = pricesOf(data);
    const list = observations(batch);
    expect(batch.length).toBe(72);
    expect(batch.runs).toEqual(['DA']);
    expect([...batch.instrumentIds].sort()).toEqual([
      'MISO.ILLINOIS.HUB',
      'MISO.INDIANA.HUB',
      'MISO.MICHIGAN.HUB',
    ]);
    for (const id of batch.instrumentIds) {
      const hours = list.filter((o) => o.instrumentId === id).map((o) => o.intervalStartMs);
      expect(hours).toHaveLength(24);
      expect(new Set(hours).size).toBe(24);
      expect(new Date(Math.min(...hours)).toISOString()).toBe('2026-07-14T05:00:00.000Z');
      expect(new Date(Math.max(...hours)).toISOString()).toBe('2026-07-15T04:00:00.000Z');
    }
    expect(list.every((o) => o.intervalMinutes === 60 && o.run === 'DA')).toBe(true);
  });

  it('takes LMP, MCC and MLC from their rows and derives energy = LMP − MCC − MLC', async () => {
    const list = observations(pricesOf(await parseMisoHourlyLmp(context.csv, fixture(), 'DA')));
    // ILLINOIS.HUB,Hub,LMP,36.24,28.52,…   ILLINOIS.HUB,Hub,MCC,1.32,.92,…   ILLINOIS.HUB,Hub,MLC,.3,-.03,…
    expect(at(list, 'MISO.ILLINOIS.HUB', '2026-07-14T05:00:00Z')).toEqual({
      instrumentId: 'MISO.ILLINOIS.HUB',
      run: 'DA',
      intervalStartMs: Date.parse('2026-07-14T05:00:00Z'),
      intervalMinutes: 60,
      lmp: 36.24,
      energy: 34.62,
      congestion: 1.32,
      loss: 0.3,
      ghg: null,
    });
    // HE 2: LMP 28.52, MCC .92, MLC -.03 (decimals without a leading zero)
    expect(at(list, 'MISO.ILLINOIS.HUB', '2026-07-14T06:00:00Z')).toMatchObject({
      lmp: 28.52,
      congestion: 0.92,
      loss: -0.03,
      energy: 27.63,
    });
    // INDIANA.HUB HE 20 (19:00–20:00 EST = 00:00Z next day): LMP 650.93, MCC 2.33, MLC 35.58 — the spike
    expect(at(list, 'MISO.INDIANA.HUB', '2026-07-15T00:00:00Z')).toMatchObject({
      lmp: 650.93,
      congestion: 2.33,
      loss: 35.58,
      energy: 613.02,
    });
    // MICHIGAN.HUB HE 24: LMP 69, MCC .65, MLC 5.23
    expect(at(list, 'MISO.MICHIGAN.HUB', '2026-07-15T04:00:00Z')).toMatchObject({
      lmp: 69,
      congestion: 0.65,
      loss: 5.23,
      energy: 63.12,
    });
    // The same instant from the tested fixed-offset convention: HE 20 of 2026-07-14 at UTC−5.
    expect(fixedOffsetHourEndingToInterval('2026-07-14', 20, -300).startMs).toBe(
      Date.parse('2026-07-15T00:00:00Z'),
    );
  });

  it('registers the hubs it lists with kind hub from the Type column', async () => {
    const data = await parseMisoHourlyLmp(context.csv, fixture(), 'DA');
    expect(data.instruments?.map((i) => [i.id, i.kind, i.product, i.aliases[0]?.code])).toEqual([
      ['MISO.ILLINOIS.HUB', 'hub', 'lmp', 'ILLINOIS.HUB'],
      ['MISO.INDIANA.HUB', 'hub', 'lmp', 'INDIANA.HUB'],
      ['MISO.MICHIGAN.HUB', 'hub', 'lmp', 'MICHIGAN.HUB'],
    ]);
  });

  it('maps Loadzone and Interface to zones and Gennode to nodes', async () => {
    const hours = (v: string): string => Array.from({ length: 24 }, () => v).join(',');
    const text = fixtureText().replace(
      /\n$/,
      `\nAMIL.BGS6,Loadzone,LMP,${hours('30')}\nAMIL.BGS6,Loadzone,MCC,${hours('1')}\nAMIL.BGS6,Loadzone,MLC,${hours('.5')}` +
        `\nPJM,Interface,LMP,${hours('31')}\nPJM,Interface,MCC,${hours('0')}\nPJM,Interface,MLC,${hours('0')}` +
        `\nALTE.COLUMBIA1,Gennode,LMP,${hours('29')}\nALTE.COLUMBIA1,Gennode,MCC,${hours('-1')}\nALTE.COLUMBIA1,Gennode,MLC,${hours('-.25')}\n`,
    );
    const data = await parseMisoHourlyLmp(
      context.csv,
      textDocument('20260714_da_expost_lmp.csv', text),
      'DA',
    );
    expect(pricesOf(data).length).toBe(144);
    expect(Object.fromEntries(data.instruments?.map((i) => [i.code, i.kind]) ?? [])).toMatchObject({
      'AMIL.BGS6': 'zone',
      PJM: 'zone',
      'ALTE.COLUMBIA1': 'node',
      'INDIANA.HUB': 'hub',
    });
  });

  it('reads the real-time final report as run RT60, and a zipped copy the same way', async () => {
    const plain = pricesOf(
      await parseMisoHourlyLmp(context.csv, fixture('20260714_rt_lmp_final.csv'), 'RT60'),
    );
    expect(plain.runs).toEqual(['RT60']);
    expect(plain.length).toBe(72);
    const zipped: SourceDocument = {
      name: '20260714_da_expost_lmp.zip',
      bytes: zipSync({ '20260714_da_expost_lmp.csv': fixture().bytes }),
      origin: 'test',
    };
    const fromZip = pricesOf(await parseMisoHourlyLmp(context.csv, zipped, 'DA'));
    expect(observations(fromZip)).toEqual(
      observations(pricesOf(await parseMisoHourlyLmp(context.csv, fixture(), 'DA'))),
    );
  });

  it('names file, line and field for a price that is not a number, and returns nothing', async () => {
    const text = fixtureText().replace(
      'INDIANA.HUB,Hub,LMP,37.82,30.49,29.01',
      'INDIANA.HUB,Hub,LMP,37.82,30.49,n/a',
    );
    await expectProblem(
      textDocument('20260714_da_expost_lmp.csv', text),
      '20260714_da_expost_lmp.csv, line 7, HE 3: "n/a" is not a number',
    );
  });

  it('names the line of a truncated file cut inside a row', async () => {
    const text = fixtureText();
    const lastRow = 'MICHIGAN.HUB,Hub,MLC,1.24,1.81,.76,.76,';
    const cut = text.slice(0, text.indexOf(lastRow) + lastRow.length);
    await expectProblem(
      textDocument('20260714_da_expost_lmp.csv', cut),
      '20260714_da_expost_lmp.csv, line 14, HE 6: expected 27 columns, found 8 (truncated or malformed line)',
    );
  });

  it('detects a file cut at a line boundary: a node without its MLC row', async () => {
    const text = fixtureText();
    const cut = text.slice(0, text.indexOf('MICHIGAN.HUB,Hub,MLC'));
    await expectProblem(
      textDocument('20260714_da_expost_lmp.csv', cut),
      '20260714_da_expost_lmp.csv, line 8, Value: MICHIGAN.HUB has only LMP, MCC rows; every node needs LMP, MCC and MLC (truncated file?)',
    );
  });

  it('rejects an empty price cell, a repeated row and an hour ending 25', async () => {
    const text = fixtureText();
    await expectProblem(
      textDocument(
        '20260714_da_expost_lmp.csv',
        text.replace('ILLINOIS.HUB,Hub,MCC,1.32,', 'ILLINOIS.HUB,Hub,MCC,,'),
      ),
      '20260714_da_expost_lmp.csv, line 9, HE 1: no price',
    );
    const repeated = text.split('\n');
    repeated.splice(8, 0, repeated[5] as string);
    await expectProblem(
      textDocument('20260714_da_expost_lmp.csv', repeated.join('\n')),
      '20260714_da_expost_lmp.csv, line 9, Value: second LMP row for ILLINOIS.HUB (first at line 6)',
    );
    const he25 = text
      .replace(/HE 24\n/, 'HE 24,HE 25\n')
      .replace(/\n(?=[A-Z])/g, '\n')
      .replace(/(\d)\n/g, '$1,1\n');
    await expectProblem(
      textDocument('20260714_da_expost_lmp.csv', he25),
      '20260714_da_expost_lmp.csv, line 5, HE 25: MISO days have hours ending 1 to 24 only (EST has no daylight-saving days)',
    );
  });

  it('refuses the ex-ante report as day-ahead prices: DA stores the ex-post settlement prices', async () => {
    await expectProblem(
      textDocument(
        '20260714_da_exante_lmp.csv',
        fixtureText().replace('Day Ahead Market ExPost LMPs', 'Day Ahead Market ExAnte LMPs'),
      ),
      '20260714_da_exante_lmp.csv, line 1: this is the day-ahead ex-ante report; day-ahead prices are read from the ex-post report (_da_expost_lmp.csv)',
    );
  });

  it('checks the preamble: date against the file name, and the EST note', async () => {
    await expectProblem(
      fixture('20260715_da_expost_lmp.csv'),
      '20260715_da_expost_lmp.csv, line 2: the report is for 2026-07-14 but its file name says 2026-07-15',
    );
    await expectProblem(
      textDocument(
        '20260714_da_expost_lmp.csv',
        fixtureText().replace('Eastern Standard Time (EST)', 'Eastern Prevailing Time'),
      ),
      '20260714_da_expost_lmp.csv, line 4: expected the note "All Hours-Ending are Eastern Standard Time (EST)"',
    );
    await expectProblem(
      textDocument('20260714_da_expost_lmp.csv', fixtureText().replace('07/14/2026', '2026-07-14')),
      '20260714_da_expost_lmp.csv, line 2: expected the market date as MM/DD/YYYY on the report\'s second line, found "2026-07-14"',
    );
  });
});
