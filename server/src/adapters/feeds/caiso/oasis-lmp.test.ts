import { zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import {
  priceObservationAt,
  validatePriceBatch,
  type PriceBatch,
  type PriceObservation,
} from '../../../domain/prices/price-batch.js';
import { AppError } from '../../../platform/errors.js';
import type { FeedData, SourceDocument } from '../../../ports/market-feed.js';
import { testFeedContext } from '../../../../test/support/feed-context.js';
import { sampleDocument, sharedDocument, textDocument } from '../../../../test/support/fixtures.js';
import { LMP_REPORTS, parseOasisLmp } from './oasis-lmp.js';

const context = testFeedContext();
afterAll(() => context.csv.close());

const DAM_CSV = 'iso/caiso/oasis_PRC_LMP_DAM_20200101_hubs_dlaps.csv';
const DAM_ZIP = 'iso/caiso/oasis_PRC_LMP_DAM_20200101_hubs_dlaps.zip';
const INNER_NAME = '20200101_20200101_PRC_LMP_DAM_20200630_22_50_44_v1.csv';

const pricesOf = (data: FeedData): PriceBatch => {
  if (data.kind !== 'prices') {
    throw new Error('expected prices');
  }
  expect(validatePriceBatch(data.prices)).toEqual([]);
  return data.prices;
};

const rowsOf = (data: FeedData): PriceObservation[] => {
  const batch = pricesOf(data);
  return Array.from({ length: batch.length }, (_, i) => priceObservationAt(batch, i)).sort(
    (a, b) => a.instrumentId.localeCompare(b.instrumentId) || a.intervalStartMs - b.intervalStartMs,
  );
};

const at = (rows: PriceObservation[], code: string, iso: string): PriceObservation | undefined =>
  rows.find((r) => r.instrumentId === `CAISO.${code}` && r.intervalStartMs === Date.parse(iso));

const da = (document: SourceDocument): Promise<FeedData> =>
  parseOasisLmp(context.csv, LMP_REPORTS['lmp.da'], document);

const zipped = (name: string, members: Record<string, string | Uint8Array>): SourceDocument => ({
  name,
  origin: name,
  bytes: zipSync(
    Object.fromEntries(
      Object.entries(members).map(([n, b]) => [
        n,
        typeof b === 'string' ? new TextEncoder().encode(b) : b,
      ]),
    ),
  ),
});

const fixtureText = (): string => new TextDecoder().decode(sharedDocument(DAM_CSV).bytes);

/** The recorded CSV with line `n` (1-based, as an editor shows it) replaced. */
const withLine = (n: number, edit: (line: string) => string): string => {
  const lines = fixtureText().split('\n');
  lines[n - 1] = edit(lines[n - 1] as string);
  return lines.join('\n');
};

const failureOf = async (work: Promise<unknown>): Promise<AppError> => {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
};

describe('OASIS PRC_LMP (day-ahead) parser', () => {
  it('pivots the long LMP/MCE/MCC/MCL rows of the recorded file into one row per node and hour', async () => {
    const data = await da(sharedDocument(DAM_CSV));
    const rows = rowsOf(data);
    // 672 data lines = 7 nodes × 24 hours × 4 LMP types.
    expect(rows).toHaveLength(168);
    const codes = [...new Set(rows.map((r) => r.instrumentId))];
    expect(codes).toEqual([
      'CAISO.DLAP_PGAE-APND',
      'CAISO.DLAP_SCE-APND',
      'CAISO.DLAP_SDGE-APND',
      'CAISO.DLAP_VEA-APND',
      'CAISO.TH_NP15_GEN-APND',
      'CAISO.TH_SP15_GEN-APND',
      'CAISO.TH_ZP26_GEN-APND',
    ]);
    // The request was a UTC day: OPR_DT 2020-01-01 HE17–24 and 2020-01-02 HE1–16, i.e. 00:00Z–23:00Z.
    for (const code of codes) {
      const starts = rows.filter((r) => r.instrumentId === code).map((r) => r.intervalStartMs);
      expect(starts).toEqual(
        Array.from({ length: 24 }, (_, h) => Date.parse('2020-01-02T00:00:00Z') + h * 3_600_000),
      );
    }
    expect(rows.every((r) => r.run === 'DA' && r.intervalMinutes === 60)).toBe(true);

    // line 36: 2020-01-02T07:00:00-00:00,…,2020-01-01,24,0,DLAP_SCE-APND,…,DAM,LMP,LMP_PRC,…,30.17345,577
    // line 42: …,DLAP_SCE-APND,…,DAM,MCC,LMP_CONG_PRC,…,0,578
    // line 55: …,DLAP_SCE-APND,…,DAM,MCE,LMP_ENE_PRC,…,30.61119,579
    // line 61: …,DLAP_SCE-APND,…,DAM,MCL,LMP_LOSS_PRC,…,-0.43774,580
    expect(at(rows, 'DLAP_SCE-APND', '2020-01-02T07:00:00Z')).toEqual({
      instrumentId: 'CAISO.DLAP_SCE-APND',
      run: 'DA',
      intervalStartMs: Date.parse('2020-01-02T07:00:00Z'),
      intervalMinutes: 60,
      lmp: 30.17345,
      energy: 30.61119,
      congestion: 0,
      loss: -0.43774,
      ghg: null,
    });
    // line 166: 2020-01-02T04:00:00-00:00,…,2020-01-01,21,0,TH_SP15_GEN-APND,…,LMP,LMP_PRC,…,36.07149,6665
    // line 172: …,MCC,LMP_CONG_PRC,…,-0.46427 · line 184: …,MCE,…,38.0264 · line 191: …,MCL,…,-1.49063
    expect(at(rows, 'TH_SP15_GEN-APND', '2020-01-02T04:00:00Z')).toMatchObject({
      lmp: 36.07149,
      energy: 38.0264,
      congestion: -0.46427,
      loss: -1.49063,
    });
    // line 228: 2020-01-02T15:00:00-00:00,…,2020-01-02,8,0,DLAP_PGAE-APND,…,LMP,…,42.88462,7361
    // lines 249/265/276: MCC 0.00124, MCE 42.0549, MCL 0.82848
    expect(at(rows, 'DLAP_PGAE-APND', '2020-01-02T15:00:00Z')).toMatchObject({
      lmp: 42.88462,
      energy: 42.0549,
      congestion: 0.00124,
      loss: 0.82848,
    });
    for (const r of rows) {
      expect(Math.abs((r.energy ?? 0) + (r.congestion ?? 0) + (r.loss ?? 0) - r.lmp)).toBeLessThan(
        1e-4,
      );
    }
    expect(data.instruments?.map((i) => [i.code, i.kind, i.product])).toEqual(
      expect.arrayContaining([
        ['TH_SP15_GEN-APND', 'hub', 'lmp'],
        ['DLAP_SCE-APND', 'zone', 'lmp'],
      ]),
    );
    expect(data.instruments).toHaveLength(7);
  });

  it('reads the SingleZip archive and the extracted CSV identically', async () => {
    const fromCsv = rowsOf(await da(sharedDocument(DAM_CSV)));
    const fromZip = rowsOf(await da(sharedDocument(DAM_ZIP)));
    expect(fromZip).toEqual(fromCsv);
  });

  it('pairs components across members when OASIS splits an answer into one CSV per LMP_TYPE', async () => {
    const [header, ...lines] = fixtureText().trimEnd().split('\n');
    const byType = new Map<string, string[]>();
    for (const line of lines) {
      const type = line.split(',')[9] as string;
      byType.set(type, [...(byType.get(type) ?? []), line]);
    }
    const members = Object.fromEntries(
      [...byType].map(([type, rows]) => [
        `20200101_20200101_PRC_LMP_DAM_${type}_v12.csv`,
        [header, ...rows].join('\n'),
      ]),
    );
    expect(Object.keys(members)).toHaveLength(4);
    const split = rowsOf(await da(zipped('PRC_LMP_DAM_split.zip', members)));
    expect(split).toEqual(rowsOf(await da(sharedDocument(DAM_CSV))));
  });

  it('gives empty prices for a report with a header and no rows', async () => {
    const header = fixtureText().split('\n')[0] as string;
    expect(pricesOf(await da(textDocument(INNER_NAME, `${header}\n`))).length).toBe(0);
  });

  it('gives empty prices for OASIS "no data" (error 1000 in a zipped XML)', async () => {
    const xml = sampleDocument('caiso/oasis_error_1000_no_data.xml').bytes;
    const data = await da(zipped('INVALID_REQUEST.xml.zip', { 'INVALID_REQUEST.xml': xml }));
    expect(pricesOf(data).length).toBe(0);
  });

  it('reports any other OASIS error with its code and description', async () => {
    const xml = sampleDocument('caiso/oasis_error_1004_window_too_long.xml').bytes;
    const error = await failureOf(
      da(zipped('INVALID_REQUEST.xml.zip', { 'INVALID_REQUEST.xml': xml })),
    );
    expect(error.code).toBe('upstream_unavailable');
    expect(error.message).toContain(
      'error 1004 "Data can be requested for period of 31 days only"',
    );
  });
});

describe('OASIS real-time LMP parsers (hand-written samples)', () => {
  it('reads PRC_INTVL_LMP (RTM, price column VALUE, with MGHG) across the fall-back repeated hour (hand-written sample)', async () => {
    const data = await parseOasisLmp(
      context.csv,
      LMP_REPORTS['lmp.rt5'],
      sampleDocument('caiso/PRC_INTVL_LMP_RTM_20251102_handwritten.csv'),
    );
    const rows = rowsOf(data);
    expect(rows).toHaveLength(4);
    // 08:55Z = 01:55 PDT (OPR_HR 2), 09:00Z = the second 01:00, PST (OPR_HR 3): consecutive in UTC.
    expect(at(rows, 'PALOVRDE_ASR-APND', '2025-11-02T08:55:00Z')).toEqual({
      instrumentId: 'CAISO.PALOVRDE_ASR-APND',
      run: 'RT5',
      intervalStartMs: Date.parse('2025-11-02T08:55:00Z'),
      intervalMinutes: 5,
      lmp: 33.93,
      energy: 31.25,
      congestion: 2.35,
      loss: -0.88,
      ghg: 1.21,
    });
    expect(at(rows, 'TH_SP15_GEN-APND', '2025-11-02T09:00:00Z')).toMatchObject({
      lmp: 30.19,
      energy: 29.8,
      congestion: 0,
      loss: 0.39,
      ghg: 0,
    });
    expect(data.instruments?.map((i) => [i.code, i.kind])).toEqual([
      ['PALOVRDE_ASR-APND', 'node'],
      ['TH_SP15_GEN-APND', 'hub'],
    ]);
  });

  it('reads PRC_RTPD_LMP (RTPD, price column PRC) across the spring-forward gap (hand-written sample)', async () => {
    const rows = rowsOf(
      await parseOasisLmp(
        context.csv,
        LMP_REPORTS['lmp.rt15'],
        sampleDocument('caiso/PRC_RTPD_LMP_RTPD_20250309_handwritten.csv'),
      ),
    );
    // 09:45Z = 01:45 PST (OPR_HR 2); 10:00Z = 03:00 PDT (OPR_HR 4, HE 3 does not exist).
    expect(rows.map((r) => [r.instrumentId, new Date(r.intervalStartMs).toISOString()])).toEqual([
      ['CAISO.DLAP_PGAE-APND', '2025-03-09T09:45:00.000Z'],
      ['CAISO.DLAP_PGAE-APND', '2025-03-09T10:00:00.000Z'],
      ['CAISO.TH_NP15_GEN-APND', '2025-03-09T09:45:00.000Z'],
      ['CAISO.TH_NP15_GEN-APND', '2025-03-09T10:00:00.000Z'],
    ]);
    expect(at(rows, 'TH_NP15_GEN-APND', '2025-03-09T10:00:00Z')).toMatchObject({
      run: 'RT15',
      intervalMinutes: 15,
      lmp: 25.69,
      energy: 26.1,
      congestion: 0,
      loss: -0.41,
      ghg: 0,
    });
  });

  it('refuses a report of another market run for the dataset (hand-written sample)', async () => {
    const error = await failureOf(
      da(sampleDocument('caiso/PRC_RTPD_LMP_RTPD_20250309_handwritten.csv')),
    );
    expect(error.message).toBe(
      'PRC_RTPD_LMP_RTPD_20250309_handwritten.csv, line 2, MARKET_RUN_ID: is "RTPD"; PRC_LMP for this dataset is DAM',
    );
  });
});

describe('OASIS LMP parser on broken input', () => {
  const name = INNER_NAME;

  it('names file, line and field for a price that is not a number, and returns nothing', async () => {
    const error = await failureOf(
      da(
        textDocument(
          name,
          withLine(36, (l) => l.replace(',30.17345,', ',30.1x345,')),
        ),
      ),
    );
    expect(error.code).toBe('invalid_source_data');
    expect(error.message).toBe(`${name}, line 36, MW: "30.1x345" is not a number`);
  });

  it('names the line and the first missing field of a truncated file', async () => {
    const text = fixtureText();
    const cut = text.slice(0, text.indexOf('\n', 5000) + 60);
    const line = cut.split('\n').length;
    const error = await failureOf(da(textDocument(name, cut)));
    expect(error.message).toBe(
      `${name}, line ${line}, OPR_HR: expected 16 columns, found 3 (truncated or malformed line)`,
    );
  });

  it('reports a truncated archive', async () => {
    const bytes = sharedDocument(DAM_ZIP).bytes;
    const error = await failureOf(
      da({ name: 'day.zip', origin: 'day.zip', bytes: bytes.subarray(0, bytes.length / 2) }),
    );
    expect(error.message).toMatch(/^day\.zip: not a readable zip archive \(truncated or corrupt\)/);
  });

  it('reports a missing price', async () => {
    const error = await failureOf(
      da(
        textDocument(
          name,
          withLine(36, (l) => l.replace(',30.17345,', ',,')),
        ),
      ),
    );
    expect(error.message).toBe(`${name}, line 36, MW: missing price`);
  });

  it('reports a component given twice for one node and hour', async () => {
    // line 42 is DLAP_SCE-APND's MCC at 07:00Z; make line 43 (its MCC at 06:00Z) another 07:00Z MCC.
    const text = withLine(43, (l) =>
      l.replace(
        '2020-01-02T06:00:00-00:00,2020-01-02T07:00:00-00:00',
        '2020-01-02T07:00:00-00:00,2020-01-02T08:00:00-00:00',
      ),
    );
    const error = await failureOf(da(textDocument(name, text)));
    expect(error.message).toBe(
      `${name}, line 43, LMP_TYPE: a second MCC row for DLAP_SCE-APND at 2020-01-02T07:00:00Z`,
    );
  });

  it('reports components whose LMP row is missing', async () => {
    // Without line 36 (DLAP_SCE-APND's LMP at 07:00Z), its MCC (line 42, now 41) is the first orphan row.
    const text = fixtureText()
      .split('\n')
      .filter((_, i) => i !== 35)
      .join('\n');
    const error = await failureOf(da(textDocument(name, text)));
    expect(error.message).toBe(
      `${name}, line 41, LMP_TYPE: DLAP_SCE-APND at 2020-01-02T07:00:00Z has price components but no LMP row`,
    );
  });

  it('reports an unknown price component and a wrong interval length', async () => {
    const unknown = await failureOf(
      da(
        textDocument(
          name,
          withLine(36, (l) => l.replace(',DAM,LMP,', ',DAM,MXX,')),
        ),
      ),
    );
    expect(unknown.message).toBe(
      `${name}, line 36, LMP_TYPE: unknown price component "MXX" (known: LMP, MCE, MCC, MCL, MGHG)`,
    );
    const long = await failureOf(
      da(
        textDocument(
          name,
          withLine(36, (l) => l.replace('2020-01-02T08:00:00-00:00', '2020-01-02T08:15:00-00:00')),
        ),
      ),
    );
    expect(long.message).toBe(
      `${name}, line 36, INTERVALENDTIME_GMT: the interval lasts 75 minutes; DAM intervals last 60`,
    );
  });

  it('reports a header without the columns it needs', async () => {
    const error = await failureOf(
      da(
        textDocument(
          name,
          withLine(1, (l) => l.replace('LMP_TYPE', 'KIND')),
        ),
      ),
    );
    expect(error.message).toMatch(new RegExp(`^${name}, line 1, LMP_TYPE: missing column`));
  });
});
