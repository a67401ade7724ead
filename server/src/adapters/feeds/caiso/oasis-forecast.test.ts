import { unzipSync, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import {
  seriesObservationAt,
  validateSeriesBatch,
  type SeriesObservation,
} from '../../../domain/series/series-batch.js';
import { localDayBounds } from '../../../domain/time/zoned.js';
import { AppError } from '../../../platform/errors.js';
import type { FeedData, SourceDocument } from '../../../ports/market-feed.js';
import { testFeedContext } from '../../../../test/support/feed-context.js';
import { sharedDocument, textDocument } from '../../../../test/support/fixtures.js';
import { oasisProducedAtMs } from './oasis-document.js';
import { parseOasisLoadForecast, parseOasisRenewablesForecast } from './oasis-forecast.js';

const context = testFeedContext();
afterAll(() => context.csv.close());

const LOAD_7DA = 'iso/caiso/oasis_SLD_FCST_7DA_20250219_20250227.zip';
const LOAD_MEMBER = '20250219_20250227_SLD_FCST_7DA_20250221_01_09_58_v1.csv';
const RENEWABLES = 'iso/caiso/oasis_SLD_REN_FCST_DAM_20250204_20250211.zip';
const RENEWABLES_MEMBER = '20250204_20250211_SLD_REN_FCST_DAM_20250214_04_52_10_v1.csv';
const XML = 'iso/caiso/oasis_SLD_FCST_RTPD_20140508_resultformat_xml.xml';

const rowsOf = (data: FeedData): SeriesObservation[] => {
  if (data.kind !== 'series') {
    throw new Error('expected series');
  }
  expect(validateSeriesBatch(data.series)).toEqual([]);
  return Array.from({ length: data.series.length }, (_, i) => seriesObservationAt(data.series, i));
};

const find = (
  rows: SeriesObservation[],
  id: string,
  variable: string,
  iso: string,
): SeriesObservation | undefined =>
  rows.find(
    (r) =>
      r.instrumentId === id && r.variable === variable && r.intervalStartMs === Date.parse(iso),
  );

/** The CSV inside a recorded zip, as text. */
const memberText = (path: string): string => {
  const [bytes] = Object.values(unzipSync(sharedDocument(path).bytes));
  return new TextDecoder().decode(bytes);
};

const zipOf = (name: string, member: string, text: string): SourceDocument => ({
  name,
  origin: name,
  bytes: zipSync({ [member]: new TextEncoder().encode(text) }),
});

const failureOf = async (work: Promise<unknown>): Promise<AppError> => {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
};

describe('OASIS production stamp', () => {
  it('reads the stamp in OASIS file names as Pacific wall-clock time', () => {
    // February: PST, UTC-8.
    expect(oasisProducedAtMs(LOAD_MEMBER)).toBe(Date.parse('2025-02-21T09:09:58Z'));
    // July: PDT, UTC-7 (…_20260727_14_19_18 was produced at 21:19 UTC).
    expect(oasisProducedAtMs('20260720_20260721_SLD_FCST_DAM_20260727_14_19_18_v1.zip')).toBe(
      Date.parse('2026-07-27T21:19:18Z'),
    );
    expect(oasisProducedAtMs('oasis_SLD_FCST_7DA_20250219_20250227.zip')).toBeNull();
  });
});

describe('OASIS SLD_FCST (load forecast) parser', () => {
  it('reads the recorded 7-day-ahead forecast by TAC area, CAISO-wide as SYSTEM_LOAD', async () => {
    const data = await parseOasisLoadForecast(context.csv, sharedDocument(LOAD_7DA));
    const rows = rowsOf(data);
    // 6,432 data lines: 33 areas × 8 days × 24 h, plus PACE for 4 days.
    expect(rows).toHaveLength(6432);
    expect(new Set(rows.map((r) => r.instrumentId)).size).toBe(34);
    const issuedAtMs = Date.parse('2025-02-21T09:09:58Z');
    expect(rows.every((r) => r.variable === 'load.forecast' && r.issuedAtMs === issuedAtMs)).toBe(
      true,
    );
    expect(rows.every((r) => r.intervalMinutes === 60)).toBe(true);
    // line 3417: 2025-02-23T20:00:00-00:00,2025-02-23T21:00:00-00:00,0,2025-02-23,13,0,7DA,CA ISO-TAC,
    //            Demand Forecast 7-Day Ahead,SYS_FCST_7DA_MW,0,13665.41,7DA,143
    expect(find(rows, 'CAISO.SYSTEM_LOAD', 'load.forecast', '2025-02-23T20:00:00Z')).toEqual({
      instrumentId: 'CAISO.SYSTEM_LOAD',
      variable: 'load.forecast',
      intervalStartMs: Date.parse('2025-02-23T20:00:00Z'),
      intervalMinutes: 60,
      valueMw: 13665.41,
      issuedAtMs,
    });
    // line 3659: 2025-02-23T20:00:00-00:00,…,7DA,PGE-TAC,…,SYS_FCST_7DA_MW,0.1,5560.73,7DA,153
    expect(find(rows, 'CAISO.LOAD.PGE-TAC', 'load.forecast', '2025-02-23T20:00:00Z')?.valueMw).toBe(
      5560.73,
    );
    // line 2: 2025-02-19T08:00:00-00:00,…,2025-02-19,1,0,7DA,AVA,…,0.8,1275.14,7DA,1 (HE1 = 00:00 PST)
    expect(find(rows, 'CAISO.LOAD.AVA', 'load.forecast', '2025-02-19T08:00:00Z')?.valueMw).toBe(
      1275.14,
    );
    // Every Pacific operating day 02-19..02-26 has its 24 hours for the whole balancing area.
    const system = rows.filter((r) => r.instrumentId === 'CAISO.SYSTEM_LOAD');
    for (let day = 19; day <= 26; day++) {
      const { startMs, endMs } = localDayBounds('America/Los_Angeles', `2025-02-${day}`);
      expect(
        system.filter((r) => r.intervalStartMs >= startMs && r.intervalStartMs < endMs),
      ).toHaveLength(24);
    }
    expect(data.instruments?.find((i) => i.code === 'SYSTEM_LOAD')).toMatchObject({
      kind: 'system',
      product: 'load',
      aliases: expect.arrayContaining([expect.objectContaining({ code: 'CA ISO-TAC' })]),
    });
    expect(data.instruments?.find((i) => i.code === 'LOAD.PGE-TAC')).toMatchObject({
      kind: 'zone',
      product: 'load',
    });
  });

  it('reads the XML form, keeping the rows of the execution the header names', async () => {
    const rows = rowsOf(await parseOasisLoadForecast(context.csv, sharedDocument(XML)));
    // REPORT_HEADER: EXECUTION_TYPE RTPD, SEC_PER_INTERVAL 900, INTERVAL ENDING, TZ PPT. The GMT bounds are
    // used; the two SYS_FCST_5MIN_MW rows (RTD) are not this report's 15-minute forecast.
    // <DATA_ITEM>SYS_FCST_15MIN_MW</DATA_ITEM><RESOURCE_NAME>CA ISO-TAC</RESOURCE_NAME>…<INTERVAL_NUM>50…
    // <INTERVAL_START_GMT>2014-05-08T19:15:00-00:00</INTERVAL_START_GMT>…<VALUE>26723</VALUE>
    expect(rows).toEqual([
      {
        instrumentId: 'CAISO.SYSTEM_LOAD',
        variable: 'load.forecast',
        intervalStartMs: Date.parse('2014-05-08T19:15:00Z'),
        intervalMinutes: 15,
        valueMw: 26723,
        // MessageHeader/TimeDate 2014-05-09T17:50:06-00:00
        issuedAtMs: Date.parse('2014-05-09T17:50:06Z'),
      },
    ]);
  });

  it('names file, line and field for a malformed value, and returns nothing', async () => {
    const text = memberText(LOAD_7DA).replace(',1275.14,7DA,1', ',12x5.14,7DA,1');
    const error = await failureOf(
      parseOasisLoadForecast(context.csv, zipOf('f.zip', LOAD_MEMBER, text)),
    );
    expect(error.code).toBe('invalid_source_data');
    expect(error.message).toBe(`${LOAD_MEMBER}, line 2, MW: "12x5.14" is not a number`);
  });

  it('names the line of a truncated file', async () => {
    const text = memberText(LOAD_7DA);
    // Cut inside OPR_HR: "2025-…-00:00,2025-…-00:00,0,2025-02-19,1" has 5 of the 14 columns.
    const cut = text.slice(0, text.indexOf('\n', 20_000) + 1 + 66);
    const line = cut.split('\n').length;
    const error = await failureOf(
      parseOasisLoadForecast(context.csv, zipOf('f.zip', LOAD_MEMBER, cut)),
    );
    expect(error.message).toBe(
      `${LOAD_MEMBER}, line ${line}, OPR_INTERVAL: expected 14 columns, found 5 (truncated or malformed line)`,
    );
  });

  it('names line and element of broken XML', async () => {
    const text = new TextDecoder().decode(sharedDocument(XML).bytes);
    const bad = await failureOf(
      parseOasisLoadForecast(
        context.csv,
        textDocument('sld.xml', text.replace('<VALUE>26723</VALUE>', '<VALUE>26x23</VALUE>')),
      ),
    );
    expect(bad.message).toBe('sld.xml, line 29, VALUE: "26x23" is not a number');
    const truncated = await failureOf(
      parseOasisLoadForecast(context.csv, textDocument('sld.xml', text.slice(0, 1000))),
    );
    expect(truncated.message).toMatch(
      /^sld\.xml, line \d+: unreadable XML \(truncated or malformed\)/,
    );
  });

  it('needs the OASIS file name, which carries the vintage', async () => {
    const error = await failureOf(
      parseOasisLoadForecast(context.csv, textDocument('load.csv', memberText(LOAD_7DA))),
    );
    expect(error.message).toMatch(/^load\.csv: the file name has no OASIS production stamp/);
  });

  it('refuses measured load and contradicting rows', async () => {
    const [header, first, second] = memberText(LOAD_7DA).split('\n');
    const actual = await failureOf(
      parseOasisLoadForecast(
        context.csv,
        zipOf('f.zip', LOAD_MEMBER, [header, first?.replaceAll('7DA', 'ACTUAL')].join('\n')),
      ),
    );
    expect(actual.message).toBe(
      `${LOAD_MEMBER}, line 2, MARKET_RUN_ID: ACTUAL is measured, not forecast; this dataset reads forecasts`,
    );
    const twice = [header, first, second, first?.replace(',1275.14,', ',1300,')].join('\n');
    const contradicting = await failureOf(
      parseOasisLoadForecast(context.csv, zipOf('f.zip', LOAD_MEMBER, twice)),
    );
    expect(contradicting.message).toBe(
      `${LOAD_MEMBER}, line 4, MW: a second, different value for LOAD.AVA load.forecast at 2025-02-19T08:00:00Z`,
    );
  });
});

describe('OASIS SLD_REN_FCST (wind and solar forecast) parser', () => {
  it('reads the recorded day-ahead forecast by trading hub region', async () => {
    const data = await parseOasisRenewablesForecast(context.csv, sharedDocument(RENEWABLES));
    const rows = rowsOf(data);
    // 1,008 lines = 7 days × 24 h × 3 regions × {Solar, Wind}.
    expect(rows).toHaveLength(1008);
    const issuedAtMs = Date.parse('2025-02-14T12:52:10Z');
    expect(rows.every((r) => r.issuedAtMs === issuedAtMs && r.intervalMinutes === 60)).toBe(true);
    // line 197: 2025-02-05,12,0,2025-02-05T19:00:00-00:00,2025-02-05T20:00:00-00:00,SP15,Solar,
    //           Renewable Forecast Day Ahead,RENEW_FCST_DA_MW,1,2,9844.97,DAM,9
    expect(find(rows, 'CAISO.GEN.SP15', 'gen.solar', '2025-02-05T19:00:00Z')?.valueMw).toBe(
      9844.97,
    );
    // line 848: 2025-02-09,3,0,2025-02-09T10:00:00-00:00,…,ZP26,Wind,…,1,1,48.64,DAM,36
    expect(find(rows, 'CAISO.GEN.ZP26', 'gen.wind', '2025-02-09T10:00:00Z')?.valueMw).toBe(48.64);
    const { startMs, endMs } = localDayBounds('America/Los_Angeles', '2025-02-07');
    expect(
      rows.filter(
        (r) =>
          r.instrumentId === 'CAISO.GEN.NP15' &&
          r.variable === 'gen.wind' &&
          r.intervalStartMs >= startMs &&
          r.intervalStartMs < endMs,
      ),
    ).toHaveLength(24);
    expect(data.instruments?.map((i) => [i.code, i.kind, i.product])).toEqual([
      ['GEN.NP15', 'zone', 'gen_mix'],
      ['GEN.SP15', 'zone', 'gen_mix'],
      ['GEN.ZP26', 'zone', 'gen_mix'],
    ]);
  });

  it('names the line of an unknown renewable type', async () => {
    const text = memberText(RENEWABLES).replace(',NP15,Solar,', ',NP15,Tidal,');
    const error = await failureOf(
      parseOasisRenewablesForecast(context.csv, zipOf('r.zip', RENEWABLES_MEMBER, text)),
    );
    expect(error.message).toBe(
      `${RENEWABLES_MEMBER}, line 2, RENEWABLE_TYPE: unknown type "Tidal" (known: Solar, Wind)`,
    );
  });
});
