import { describe, expect, it } from 'vitest';
import {
  EU_CET,
  US_CENTRAL,
  US_CENTRAL_MISO,
  US_EASTERN,
  US_PACIFIC,
  bucketHourMask,
  bucketHours,
  bucketsOfCalendar,
  bucketsOfHour,
  isInBucket,
  type PeakBucket,
  type PeakCalendar,
} from './peak-buckets.js';

const at = (isoUtc: string): number => Date.parse(isoUtc);

/** Hour counts of several buckets over [from, to). */
const counts = (
  calendar: PeakCalendar,
  buckets: readonly PeakBucket[],
  from: string,
  to: string,
): Record<string, number> =>
  Object.fromEntries(buckets.map((b) => [b, bucketHours(calendar, b, at(from), at(to))]));

/** A 0/1 array: `ones` ones starting at index `first`, zeros elsewhere. */
const block = (length: number, first: number, ones: number): number[] =>
  Array.from({ length }, (_, i) => (i >= first && i < first + ones ? 1 : 0));

describe('calendars', () => {
  it('exposes the zones and on-peak hour-endings of each market group', () => {
    expect(
      [US_EASTERN, US_CENTRAL_MISO, US_CENTRAL, US_PACIFIC, EU_CET].map((c) => [
        c.id,
        c.zone,
        c.onPeakFirstHourEnding,
        c.onPeakLastHourEnding,
        c.kind,
      ]),
    ).toEqual([
      ['US_EASTERN', 'America/New_York', 8, 23, 'us'],
      ['US_CENTRAL_MISO', 'Etc/GMT+5', 8, 23, 'us'],
      ['US_CENTRAL', 'America/Chicago', 7, 22, 'us'],
      ['US_PACIFIC', 'America/Los_Angeles', 7, 22, 'us'],
      ['EU_CET', 'Europe/Berlin', 9, 20, 'eu'],
    ]);
    expect(bucketsOfCalendar(US_EASTERN)).toEqual(['5x16', '2x16', '7x8', '7x24', 'wrap', '6x16']);
    expect(bucketsOfCalendar(EU_CET)).toEqual(['base', 'peak', 'offpeak']);
  });
});

describe('US_EASTERN (PJM, NYISO, ISO-NE), HE08-HE23 prevailing Eastern time', () => {
  it('November 2024: 25-hour day adds one 7x8 hour; Thanksgiving moves 16 hours to 2x16', () => {
    // Nov 2024 has 30 days; Nov 1 is a Friday. Weekdays: Fri 1 + four full weeks (4-8, 11-15, 18-22,
    // 25-29) = 21; weekend days = 9. Thanksgiving Thu 2024-11-28 is a NERC holiday.
    // 5x16 = 16 * (21 - 1) = 320; 2x16 = 16 * (9 + 1) = 160.
    // 7x8 = 8 * 30 + 1 = 241: on Sun 2024-11-03 HE02 (01:00-02:00) happens twice and is off-peak.
    // 7x24 = 30 * 24 + 1 = 721 = 320 + 160 + 241; wrap = 160 + 241 = 401.
    // 6x16: Mon-Sat = 21 weekdays + 5 Saturdays (2, 9, 16, 23, 30) - Thanksgiving = 25 days -> 400.
    // Local month: 2024-11-01 00:00 EDT = 04:00Z to 2024-12-01 00:00 EST = 05:00Z.
    expect(
      counts(
        US_EASTERN,
        ['5x16', '2x16', '7x8', '7x24', 'wrap', '6x16'],
        '2024-11-01T04:00:00Z',
        '2024-12-01T05:00:00Z',
      ),
    ).toEqual({ '5x16': 320, '2x16': 160, '7x8': 241, '7x24': 721, wrap: 401, '6x16': 400 });
  });

  it('March 2024: 23-hour day removes one 7x8 hour', () => {
    // Mar 2024 has 31 days; Mar 1 is a Friday. Weekdays: 1 + 4 full weeks = 21, no NERC holiday -> 336.
    // Weekend days 10 -> 2x16 = 160. 7x8 = 8 * 31 - 1 = 247 (HE03 on Sun 2024-03-10 does not exist).
    // 7x24 = 31 * 24 - 1 = 743 = 336 + 160 + 247.
    // Local month: 2024-03-01 00:00 EST = 05:00Z to 2024-04-01 00:00 EDT = 04:00Z.
    expect(
      counts(
        US_EASTERN,
        ['5x16', '2x16', '7x8', '7x24'],
        '2024-03-01T05:00:00Z',
        '2024-04-01T04:00:00Z',
      ),
    ).toEqual({ '5x16': 336, '2x16': 160, '7x8': 247, '7x24': 743 });
  });

  it('calendar year 2024 (leap year, starts on a Monday)', () => {
    // 366 days = 52 weeks + Mon + Tue -> 262 weekdays; all six NERC holidays fall on weekdays -> 256
    // 5x16 days = 4096 hours. 7x8 = 8 * 366 (the -1 in March and +1 in November cancel) = 2928.
    // 7x24 = 8784; 2x16 = 16 * (366 - 256) = 1760 = 8784 - 4096 - 2928.
    expect(
      counts(
        US_EASTERN,
        ['5x16', '2x16', '7x8', '7x24'],
        '2024-01-01T05:00:00Z',
        '2025-01-01T05:00:00Z',
      ),
    ).toEqual({ '5x16': 4096, '2x16': 1760, '7x8': 2928, '7x24': 8784 });
  });

  it('masks the 25-hour Sunday 2024-11-03 hour by hour', () => {
    // UTC hours from local midnight: HE1, HE2, HE2 again, HE3, ..., HE24, so index i is HE i for i >= 2.
    // The Sunday on-peak hours HE08..HE23 are indices 8..23; index 24 (HE24) and 0..7 are 7x8.
    const from = at('2024-11-03T04:00:00Z');
    const to = at('2024-11-04T05:00:00Z');
    expect([...bucketHourMask(US_EASTERN, '2x16', from, to)]).toEqual(block(25, 8, 16));
    expect([...bucketHourMask(US_EASTERN, '5x16', from, to)]).toEqual(block(25, 0, 0));
    expect(bucketHours(US_EASTERN, '7x8', from, to)).toBe(9);
  });

  it('masks the 23-hour Sunday 2024-03-10 hour by hour', () => {
    // UTC hours from local midnight: HE1, HE2, HE4, ..., HE24, so index i is HE i+2 for i >= 2;
    // HE08..HE23 are indices 6..21.
    const from = at('2024-03-10T05:00:00Z');
    const to = at('2024-03-11T04:00:00Z');
    expect([...bucketHourMask(US_EASTERN, '2x16', from, to)]).toEqual(block(23, 6, 16));
    expect(bucketHours(US_EASTERN, '7x8', from, to)).toBe(7);
  });

  it('masks an ordinary Monday: HE08..HE23 are indices 7..22', () => {
    const from = at('2024-11-04T05:00:00Z');
    const to = at('2024-11-05T05:00:00Z');
    expect([...bucketHourMask(US_EASTERN, '5x16', from, to)]).toEqual(block(24, 7, 16));
    expect([...bucketHourMask(US_EASTERN, '7x8', from, to)]).toEqual(
      block(24, 7, 16).map((b) => 1 - b),
    );
  });

  it('handles a range that starts and ends mid-day', () => {
    // 2024-11-04 12:00Z..15:00Z = 07:00..10:00 EST = HE08, HE09, HE10 on a Monday.
    expect([
      ...bucketHourMask(US_EASTERN, '5x16', at('2024-11-04T11:00:00Z'), at('2024-11-04T15:00:00Z')),
    ]).toEqual([0, 1, 1, 1]);
  });

  it('lists the buckets of single hours', () => {
    // Monday 2024-11-04 08:00 EST = HE09.
    expect(bucketsOfHour(US_EASTERN, at('2024-11-04T13:00:00Z'))).toEqual(['5x16', '7x24', '6x16']);
    // Thanksgiving 2024-11-28 08:00 EST = HE09: a holiday, so 2x16 and not 6x16.
    expect(bucketsOfHour(US_EASTERN, at('2024-11-28T13:00:00Z'))).toEqual(['2x16', '7x24', 'wrap']);
    // Saturday 2024-11-02 09:00 EDT = HE10.
    expect(bucketsOfHour(US_EASTERN, at('2024-11-02T13:00:00Z'))).toEqual([
      '2x16',
      '7x24',
      'wrap',
      '6x16',
    ]);
    // Second 01:00 (EST) on 2024-11-03 = HE02 again.
    expect(bucketsOfHour(US_EASTERN, at('2024-11-03T06:00:00Z'))).toEqual(['7x8', '7x24', 'wrap']);
    // Monday 2024-11-04 23:00 EST = HE24, off-peak.
    expect(bucketsOfHour(US_EASTERN, at('2024-11-05T04:00:00Z'))).toEqual(['7x8', '7x24', 'wrap']);
  });
});

describe('US_CENTRAL_MISO (fixed EST) versus prevailing-time calendars', () => {
  it('November 2024 has no 25th hour on the EST clock', () => {
    // Same weekdays and Thanksgiving as PJM, but every day is 24 hours: 7x8 = 240, 7x24 = 720.
    // Local month: 2024-11-01 00:00 EST = 05:00Z to 2024-12-01 00:00 EST = 05:00Z.
    expect(
      counts(
        US_CENTRAL_MISO,
        ['5x16', '2x16', '7x8', '7x24'],
        '2024-11-01T05:00:00Z',
        '2024-12-01T05:00:00Z',
      ),
    ).toEqual({ '5x16': 320, '2x16': 160, '7x8': 240, '7x24': 720 });
  });

  it('puts the summer on-peak start at 12:00Z for MISO but 11:00Z for PJM and ERCOT', () => {
    // Monday 2024-07-15. 11:00Z = 06:00 EST (MISO HE07, off-peak) = 07:00 EDT (PJM HE08, on-peak)
    // = 06:00 CDT (ERCOT HE07, on-peak).
    expect(isInBucket(US_CENTRAL_MISO, '5x16', at('2024-07-15T11:00:00Z'))).toBe(false);
    expect(isInBucket(US_CENTRAL_MISO, '7x8', at('2024-07-15T11:00:00Z'))).toBe(true);
    expect(isInBucket(US_CENTRAL_MISO, '5x16', at('2024-07-15T12:00:00Z'))).toBe(true);
    expect(isInBucket(US_EASTERN, '5x16', at('2024-07-15T11:00:00Z'))).toBe(true);
    expect(isInBucket(US_CENTRAL, '5x16', at('2024-07-15T11:00:00Z'))).toBe(true);
    expect(isInBucket(US_CENTRAL, '5x16', at('2024-07-15T10:00:00Z'))).toBe(false);
    // 03:00Z next day = 22:00 CDT (ERCOT HE23, off-peak) = 23:00 EDT (PJM HE24, off-peak)
    // = 22:00 EST (MISO HE23, on-peak).
    expect(isInBucket(US_CENTRAL, '5x16', at('2024-07-16T03:00:00Z'))).toBe(false);
    expect(isInBucket(US_CENTRAL, '5x16', at('2024-07-16T02:00:00Z'))).toBe(true);
    expect(isInBucket(US_EASTERN, '5x16', at('2024-07-16T03:00:00Z'))).toBe(false);
    expect(isInBucket(US_CENTRAL_MISO, '5x16', at('2024-07-16T03:00:00Z'))).toBe(true);
  });
});

describe('US_PACIFIC (CAISO, WECC), HE07-HE22 prevailing Pacific time', () => {
  it('July 2024 including 6x16 (WECC HLH)', () => {
    // Jul 2024: 31 days, Jul 1 is a Monday. Weekdays: 1-5, 8-12, 15-19, 22-26, 29-31 = 23; Independence
    // Day Thu 07-04 is a holiday -> 22 days: 5x16 = 352. 2x16 = 16 * (31 - 22) = 144. 7x8 = 8 * 31 = 248.
    // 6x16: 4 Sundays (7, 14, 21, 28) -> 27 Mon-Sat days - 07-04 = 26 days -> 416.
    // wrap = 144 + 248 = 392; 7x24 = 744.
    // Local month: 2024-07-01 00:00 PDT = 07:00Z to 2024-08-01 00:00 PDT = 07:00Z.
    expect(
      counts(
        US_PACIFIC,
        ['5x16', '2x16', '7x8', '7x24', 'wrap', '6x16'],
        '2024-07-01T07:00:00Z',
        '2024-08-01T07:00:00Z',
      ),
    ).toEqual({ '5x16': 352, '2x16': 144, '7x8': 248, '7x24': 744, wrap: 392, '6x16': 416 });
  });

  it('drops a Saturday NERC holiday from 6x16 (2026-07-04 is a Saturday)', () => {
    // 06:00 PDT = HE07.
    expect(bucketsOfHour(US_PACIFIC, at('2026-07-04T13:00:00Z'))).toEqual(['2x16', '7x24', 'wrap']);
    expect(bucketsOfHour(US_PACIFIC, at('2026-07-11T13:00:00Z'))).toEqual([
      '2x16',
      '7x24',
      'wrap',
      '6x16',
    ]);
    // The Friday before a Saturday holiday stays on-peak (NERC does not move Saturday holidays).
    expect(isInBucket(US_PACIFIC, '5x16', at('2026-07-03T13:00:00Z'))).toBe(true);
  });
});

describe('EU_CET (EEX), peak Mon-Fri 08:00-20:00 Europe/Berlin', () => {
  it('October 2024: 25-hour day goes to base and off-peak', () => {
    // Oct 2024: 31 days, Oct 1 is a Tuesday. Weekdays: 1-4, 7-11, 14-18, 21-25, 28-31 = 23 -> peak 23 * 12
    // = 276. Base = 31 * 24 + 1 = 745 (Sun 2024-10-27 has 25 hours); off-peak = 745 - 276 = 469.
    // Local month: 2024-10-01 00:00 CEST = 2024-09-30 22:00Z to 2024-11-01 00:00 CET = 2024-10-31 23:00Z.
    expect(
      counts(EU_CET, ['base', 'peak', 'offpeak'], '2024-09-30T22:00:00Z', '2024-10-31T23:00:00Z'),
    ).toEqual({ base: 745, peak: 276, offpeak: 469 });
  });

  it('March 2024: peak ignores public holidays such as Good Friday 2024-03-29', () => {
    // 21 weekdays * 12 = 252; base = 31 * 24 - 1 = 743; off-peak = 491.
    // Local month: 2024-03-01 00:00 CET = 2024-02-29 23:00Z to 2024-04-01 00:00 CEST = 2024-03-31 22:00Z.
    expect(
      counts(EU_CET, ['base', 'peak', 'offpeak'], '2024-02-29T23:00:00Z', '2024-03-31T22:00:00Z'),
    ).toEqual({ base: 743, peak: 252, offpeak: 491 });
  });

  it('uses local 08:00-20:00 on a winter Monday', () => {
    // Monday 2024-10-28 (CET, UTC+1): 07:00Z = 08:00 local, 18:00Z = 19:00 local, 19:00Z = 20:00 local.
    expect(bucketsOfHour(EU_CET, at('2024-10-28T06:00:00Z'))).toEqual(['base', 'offpeak']);
    expect(bucketsOfHour(EU_CET, at('2024-10-28T07:00:00Z'))).toEqual(['base', 'peak']);
    expect(bucketsOfHour(EU_CET, at('2024-10-28T18:00:00Z'))).toEqual(['base', 'peak']);
    expect(bucketsOfHour(EU_CET, at('2024-10-28T19:00:00Z'))).toEqual(['base', 'offpeak']);
    // Sunday 2024-10-27 10:00 local is off-peak.
    expect(bucketsOfHour(EU_CET, at('2024-10-27T09:00:00Z'))).toEqual(['base', 'offpeak']);
  });

  it('honours a holiday list on a custom calendar', () => {
    // German Unity Day, Thu 2024-10-03, removed from peak: 22 weekdays * 12 = 264.
    const withHoliday: PeakCalendar = {
      ...EU_CET,
      id: 'EU_CET_DE',
      holidays: () => ['2024-10-03'],
    };
    expect(
      bucketHours(withHoliday, 'peak', at('2024-09-30T22:00:00Z'), at('2024-10-31T23:00:00Z')),
    ).toBe(264);
  });
});

describe('bucket argument checks', () => {
  it('refuses buckets of the other calendar kind', () => {
    expect(() => isInBucket(EU_CET, '5x16', at('2024-10-28T07:00:00Z'))).toThrow(
      /Bucket "5x16" does not exist for calendar EU_CET/,
    );
    expect(() => bucketHours(US_EASTERN, 'peak', 0, 0)).toThrow(RangeError);
  });

  it('requires whole-hour, ordered bounds and counts an empty range as 0', () => {
    expect(() =>
      bucketHours(US_EASTERN, '7x24', at('2024-11-04T05:30:00Z'), at('2024-11-05T05:00:00Z')),
    ).toThrow(/whole UTC hours/);
    expect(() =>
      bucketHours(US_EASTERN, '7x24', at('2024-11-05T05:00:00Z'), at('2024-11-04T05:00:00Z')),
    ).toThrow(/before its start/);
    expect(
      bucketHours(US_EASTERN, '7x24', at('2024-11-04T05:00:00Z'), at('2024-11-04T05:00:00Z')),
    ).toBe(0);
  });

  it('refuses a calendar with an unknown zone or impossible on-peak hours', () => {
    const badZone: PeakCalendar = { ...US_EASTERN, id: 'BAD', zone: 'Nowhere/Land' };
    expect(() => bucketsOfHour(badZone, 0)).toThrow(/Nowhere\/Land/);
    const badHours: PeakCalendar = { ...US_EASTERN, id: 'BAD', onPeakFirstHourEnding: 0 };
    expect(() => bucketsOfHour(badHours, 0)).toThrow(RangeError);
  });

  it('refuses a zone whose days do not start on whole UTC hours', () => {
    const india: PeakCalendar = { ...US_EASTERN, id: 'IN', zone: 'Asia/Kolkata' };
    expect(() =>
      bucketHourMask(india, '7x24', at('2024-01-01T00:00:00Z'), at('2024-01-02T00:00:00Z')),
    ).toThrow(/whole-hour offsets/);
  });
});
