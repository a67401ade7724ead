import { afterAll, describe, expect, it } from 'vitest';
import { sharedDocument } from '../../../../test/support/fixtures.js';
import { CsvEngine } from '../kit/csv-engine.js';
import { unzipDocument } from '../kit/zip.js';
import { cellText, ercotLayout } from './ercot-csv.js';
import {
  apiLocalTime,
  apiLocalTimeToUtcMs,
  ercotHourEnding,
  ercotLocalTimestamp,
  hourEndingNumber,
  misDate,
  misPublishedAtMs,
} from './ercot-time.js';

const iso = (ms: number): string => new Date(ms).toISOString();
const start = (date: string, label: string | number, repeated: boolean | null): string =>
  iso(ercotHourEnding(date, label, repeated).startMs);

const csv = new CsvEngine();
afterAll(() => csv.close());

describe('ERCOT hour-ending reader', () => {
  it('reads every spelling ERCOT uses: 01:00, 1:00, 24:00 and integers', () => {
    expect(['01:00', '1:00', '1', '01', 1].map(hourEndingNumber)).toEqual([1, 1, 1, 1, 1]);
    expect(hourEndingNumber('24:00')).toBe(24);
    expect(hourEndingNumber(' 25 ')).toBe(25);
    // 2025-03-13 is in daylight time (UTC-5): hour ending 01:00 is 00:00–01:00 CDT.
    expect(start('2025-03-13', '1:00', false)).toBe('2025-03-13T05:00:00.000Z');
    expect(start('2025-03-13', '24:00', false)).toBe('2025-03-14T04:00:00.000Z');
    expect(start('2025-03-13', 14, false)).toBe('2025-03-13T18:00:00.000Z');
    expect(ercotHourEnding('2025-03-13', '14', false).minutes).toBe(60);
  });

  it('places the fall-back day’s repeated hour by DSTFlag: 02:00 N is CDT, 02:00 Y is CST', () => {
    expect(start('2024-11-03', '01:00', false)).toBe('2024-11-03T05:00:00.000Z');
    expect(start('2024-11-03', '02:00', false)).toBe('2024-11-03T06:00:00.000Z');
    expect(start('2024-11-03', '02:00', true)).toBe('2024-11-03T07:00:00.000Z');
    expect(start('2024-11-03', '03:00', false)).toBe('2024-11-03T08:00:00.000Z');
    expect(start('2024-11-03', '24:00', false)).toBe('2024-11-04T05:00:00.000Z');
  });

  it('reads the spring-forward day where 03:00 follows 01:00 and 02:00 does not exist', () => {
    expect(start('2025-03-09', '01:00', false)).toBe('2025-03-09T06:00:00.000Z');
    expect(start('2025-03-09', '03:00', false)).toBe('2025-03-09T07:00:00.000Z');
    expect(start('2025-03-09', '04:00', false)).toBe('2025-03-09T08:00:00.000Z');
    expect(start('2025-03-09', '24:00', false)).toBe('2025-03-10T04:00:00.000Z');
    expect(() => start('2025-03-09', '02:00', false)).toThrow(
      'hour ending 02:00 does not exist on 2025-03-09: ERCOT labels the hour after 01:00 as 03:00',
    );
  });

  it('numbers the hours in order in reports without a flag: HE 25 on the fall-back day', () => {
    expect(start('2024-11-03', 1, null)).toBe('2024-11-03T05:00:00.000Z');
    expect(start('2024-11-03', 2, null)).toBe('2024-11-03T06:00:00.000Z');
    expect(start('2024-11-03', 3, null)).toBe('2024-11-03T07:00:00.000Z');
    expect(start('2024-11-03', 25, null)).toBe('2024-11-04T05:00:00.000Z');
    expect(start('2025-03-09', 23, null)).toBe('2025-03-10T04:00:00.000Z');
    expect(() => start('2024-11-04', 25, null)).toThrow('that day has hours 1–24');
  });

  it('rejects labels and flags that name no hour', () => {
    expect(() => hourEndingNumber('27:00')).toThrow('"27:00" is not an hour ending');
    expect(() => hourEndingNumber('1:30')).toThrow('"1:30" is not an hour ending');
    expect(() => hourEndingNumber('0')).toThrow('"0" is not an hour ending');
    expect(() => start('2024-11-03', '25:00', false)).toThrow(
      'hour ending 25 does not exist in a report with a DST flag',
    );
    expect(() => start('2024-11-04', '02:00', true)).toThrow(
      'is flagged as the repeated hour, but it occurs only once',
    );
    expect(() => start('2025-03-09', '03:00', true)).toThrow('occurs only once');
    expect(() => misDate('2024-11-03')).toThrow('not a date in the form MM/DD/YYYY');
    expect(() => misDate('02/30/2025')).toThrow('"02/30/2025" is not a calendar date');
  });

  it('gives the real 2-Day AS disclosure for 2024-11-03 (Hour Ending 1..25) 25 consecutive hours', async () => {
    // publicapi_archive_np3-911-er_download_1049861718_2_Day_AS_Disclosure_20241105.zip, member
    // 2d_Cleared_DAM_AS_REGUP-05-NOV-24.csv: "11/03/2024,1,162.9" … "11/03/2024,25,224" (no DST flag column);
    // 2d_Agg_AS_Offers_REGUP writes the same hours zero-padded ("11/03/2024,01,41.5,0").
    const zip = sharedDocument(
      'iso/ercot/publicapi_archive_np3-911-er_download_1049861718_2_Day_AS_Disclosure_20241105.zip',
    );
    const members = unzipDocument(zip, (name) => /_REGUP-/.test(name));
    expect(members.map((m) => m.name)).toEqual([
      '2d_Agg_AS_Offers_REGUP-05-NOV-24.csv',
      '2d_Cleared_DAM_AS_REGUP-05-NOV-24.csv',
      '2d_Self_Arranged_AS_REGUP-05-NOV-24.csv',
    ]);
    const layout = ercotLayout({ DeliveryDate: 'VARCHAR', HourEnding: 'VARCHAR' });
    for (const member of members) {
      const hours = await csv.read(member, layout, (table) =>
        table.rows(`SELECT DISTINCT "DeliveryDate" AS d, "HourEnding" AS h FROM ${table.relation}`),
      );
      const starts = hours
        .map((row) => ercotHourEnding(misDate(cellText(row.d) ?? ''), cellText(row.h) ?? '', null))
        .map((interval) => interval.startMs)
        .sort((a, b) => a - b);
      expect(starts).toHaveLength(25);
      expect(iso(starts[0]!)).toBe('2024-11-03T05:00:00.000Z');
      expect(iso(starts[24]!)).toBe('2024-11-04T05:00:00.000Z');
      expect(starts.every((s, i) => i === 0 || s - starts[i - 1]! === 3_600_000)).toBe(true);
    }
  });
});

describe('ERCOT timestamps', () => {
  it('reads SCED timestamps with RepeatedHourFlag', () => {
    expect(iso(ercotLocalTimestamp('11/03/2024 01:05:13', false))).toBe('2024-11-03T06:05:13.000Z');
    expect(iso(ercotLocalTimestamp('11/03/2024 01:05:13', true))).toBe('2024-11-03T07:05:13.000Z');
    expect(iso(ercotLocalTimestamp('03/13/2025 14:40:13', false))).toBe('2025-03-13T19:40:13.000Z');
    expect(() => ercotLocalTimestamp('03/09/2025 02:30:00', false)).toThrow(
      'the clock skips it at the change to daylight time',
    );
    expect(() => ercotLocalTimestamp('11/04/2024 01:05:13', true)).toThrow('occurs only once');
    expect(() => ercotLocalTimestamp('11/04/2024 25:05:13', false)).toThrow('not a time of day');
  });

  it('reads publication times from MIS names and Public API local times', () => {
    // Member of mis_doc_load_forecast_by_forecast_zone.zip; 12:30 CDT.
    expect(
      iso(misPublishedAtMs('cdr.00012311.0000000000000000.20250313.123000.LFCCONGESTNP3560.csv')!),
    ).toBe('2025-03-13T17:30:00.000Z');
    // ConstructedName in the MIS listing (milliseconds appended): 12:55:09 CDT.
    expect(
      iso(
        misPublishedAtMs(
          'cdr.00013028.0000000000000000.20250313.125509732.WPPHRLYAVGACTNP4732_csv.zip',
        )!,
      ),
    ).toBe('2025-03-13T17:55:09.000Z');
    expect(misPublishedAtMs('forecast.csv')).toBeNull();
    // Archive listing postDatetime "2024-11-05T03:16:10.000" (CST).
    expect(iso(apiLocalTimeToUtcMs('2024-11-05T03:16:10.000', false))).toBe(
      '2024-11-05T09:16:10.000Z',
    );
    expect(iso(apiLocalTimeToUtcMs('2024-11-03T01:16:10', true))).toBe('2024-11-03T07:16:10.000Z');
    expect(apiLocalTime(Date.parse('2024-11-05T06:00:00Z'))).toBe('2024-11-05T00:00:00');
  });
});
