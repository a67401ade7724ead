import { describe, expect, it } from 'vitest';
import {
  businessDayCount,
  hoursInLocalDay,
  isoWeekday,
  periodsInLocalDay,
  weekdayCount,
} from './business-days.js';

describe('G7 calendar goldens (cmdty/curves test_weighting.py, test_adjustments.py)', () => {
  it('May 2019 has 23 weekdays and 21 business days with holidays 2019-05-06 and 2019-05-27', () => {
    expect(weekdayCount('2019-05-01', '2019-05-31')).toBe(23);
    expect(businessDayCount('2019-05-01', '2019-05-31', ['2019-05-06', '2019-05-27'])).toBe(21);
  });

  it('Europe/London: 23 h / 46 half-hours on 2019-03-31, 25 h / 50 half-hours on 2019-10-27', () => {
    expect(hoursInLocalDay('Europe/London', '2019-03-31')).toBe(23);
    expect(periodsInLocalDay('Europe/London', '2019-03-31', 30)).toBe(46);
    expect(hoursInLocalDay('Europe/London', '2019-10-27')).toBe(25);
    expect(periodsInLocalDay('Europe/London', '2019-10-27', 30)).toBe(50);
  });

  it('without a time zone every day has 24 h / 48 half-hours', () => {
    expect(hoursInLocalDay(null, '2019-03-31')).toBe(24);
    expect(periodsInLocalDay(null, '2019-03-31', 30)).toBe(48);
    expect(hoursInLocalDay(null, '2019-10-27')).toBe(24);
    expect(periodsInLocalDay(null, '2019-10-27', 30)).toBe(48);
  });

  it('2019-05-13 is a Monday', () => {
    expect(isoWeekday('2019-05-13')).toBe(1);
  });
});

describe('isoWeekday', () => {
  it('numbers Monday 1 through Sunday 7', () => {
    const week = [
      '2024-11-04',
      '2024-11-05',
      '2024-11-06',
      '2024-11-07',
      '2024-11-08',
      '2024-11-09',
      '2024-11-10',
    ];
    expect(week.map(isoWeekday)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('rejects malformed dates', () => {
    expect(() => isoWeekday('2019-02-29')).toThrow(RangeError);
  });
});

describe('weekdayCount', () => {
  it('counts single days and short spans exactly', () => {
    expect(weekdayCount('2019-05-13', '2019-05-13')).toBe(1); // Monday
    expect(weekdayCount('2019-05-18', '2019-05-19')).toBe(0); // Saturday + Sunday
    expect(weekdayCount('2019-05-17', '2019-05-20')).toBe(2); // Fri..Mon
    expect(weekdayCount('2019-05-13', '2019-05-19')).toBe(5); // one full week
  });

  it('counts G2d months and a leap year', () => {
    // cmdty G2d weekday weights: Jan/Feb/Mar 2019 = 23/20/21 weekdays.
    expect(weekdayCount('2019-01-01', '2019-01-31')).toBe(23);
    expect(weekdayCount('2019-02-01', '2019-02-28')).toBe(20);
    expect(weekdayCount('2019-03-01', '2019-03-31')).toBe(21);
    // 2024: 366 days starting on Monday = 52 weeks + Mon + Tue.
    expect(weekdayCount('2024-01-01', '2024-12-31')).toBe(262);
  });

  it('rejects a reversed range', () => {
    expect(() => weekdayCount('2019-05-31', '2019-05-01')).toThrow(/before its start/);
  });
});

describe('businessDayCount', () => {
  it('ignores weekend, out-of-range and duplicate holidays', () => {
    // 2019-05-04 is a Saturday, 2019-06-03 is outside May, 2019-05-06 is listed twice.
    expect(
      businessDayCount('2019-05-01', '2019-05-31', [
        '2019-05-06',
        '2019-05-06',
        '2019-05-04',
        '2019-06-03',
        '2019-05-27',
      ]),
    ).toBe(21);
  });

  it('counts range ends inclusively', () => {
    expect(businessDayCount('2019-05-06', '2019-05-06', ['2019-05-06'])).toBe(0);
    expect(businessDayCount('2019-05-27', '2019-05-31', ['2019-05-27'])).toBe(4);
  });

  it('rejects malformed holidays', () => {
    expect(() => businessDayCount('2019-05-01', '2019-05-31', ['2019-5-6'])).toThrow(RangeError);
  });
});

describe('hoursInLocalDay and periodsInLocalDay', () => {
  it('follows US and Berlin DST days', () => {
    expect(hoursInLocalDay('America/Chicago', '2024-03-10')).toBe(23);
    expect(hoursInLocalDay('America/Chicago', '2024-11-03')).toBe(25);
    expect(hoursInLocalDay('America/Chicago', '2024-11-04')).toBe(24);
    expect(periodsInLocalDay('Europe/Berlin', '2024-03-31', 15)).toBe(92);
    expect(periodsInLocalDay('Europe/Berlin', '2024-10-27', 15)).toBe(100);
    expect(periodsInLocalDay('Europe/Berlin', '2024-10-27', 5)).toBe(300);
  });

  it('rejects lengths that do not divide the day, unknown zones and bad dates', () => {
    expect(() => periodsInLocalDay('Europe/London', '2019-10-27', 7)).toThrow(
      /lasts 1500 minutes in Europe\/London/,
    );
    expect(() => periodsInLocalDay(null, '2019-10-27', 0)).toThrow(RangeError);
    expect(() => hoursInLocalDay('Atlantis/Capital', '2019-10-27')).toThrow(/Atlantis/);
    expect(() => hoursInLocalDay(null, '2019-02-29')).toThrow(RangeError);
  });
});
