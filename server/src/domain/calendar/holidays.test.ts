import { describe, expect, it } from 'vitest';
import { isNercHoliday, nercHolidays } from './holidays.js';

describe('nercHolidays', () => {
  it('2022: Saturday New Year stays, Sunday Christmas moves to Monday', () => {
    expect(nercHolidays(2022)).toEqual([
      '2022-01-01', // Saturday: not moved (no holiday on Friday 2021-12-31 either)
      '2022-05-30', // last Monday in May (May 31 is a Tuesday)
      '2022-07-04', // Monday
      '2022-09-05', // first Monday in September (Sep 1 is a Thursday)
      '2022-11-24', // fourth Thursday (Thursdays: 3, 10, 17, 24)
      '2022-12-26', // Christmas 2022-12-25 is a Sunday -> observed Monday
    ]);
  });

  it('2023: Sunday New Year is observed on Monday 2023-01-02', () => {
    expect(nercHolidays(2023)).toEqual([
      '2023-01-02',
      '2023-05-29', // May 31 is a Wednesday -> last Monday the 29th
      '2023-07-04', // Tuesday
      '2023-09-04', // Sep 1 is a Friday -> first Monday the 4th
      '2023-11-23', // Thursdays: 2, 9, 16, 23
      '2023-12-25', // Monday
    ]);
  });

  it('2024: no shifts', () => {
    expect(nercHolidays(2024)).toEqual([
      '2024-01-01', // Monday
      '2024-05-27', // May 31 is a Friday -> last Monday the 27th
      '2024-07-04', // Thursday
      '2024-09-02', // Sep 1 is a Sunday -> first Monday the 2nd
      '2024-11-28', // Thursdays: 7, 14, 21, 28
      '2024-12-25', // Wednesday
    ]);
  });

  it('2026: Independence Day on Saturday stays on Saturday', () => {
    expect(nercHolidays(2026)).toEqual([
      '2026-01-01', // Thursday
      '2026-05-25', // May 31 is a Sunday -> last Monday the 25th
      '2026-07-04', // Saturday: not moved to Friday 07-03
      '2026-09-07', // Sep 1 is a Tuesday -> first Monday the 7th
      '2026-11-26', // Nov 1 is a Sunday -> Thursdays 5, 12, 19, 26
      '2026-12-25', // Friday
    ]);
  });

  it('2027: Sunday Independence Day moves to Monday 07-05; Saturday Christmas stays', () => {
    const dates = nercHolidays(2027);
    expect(dates).toContain('2027-07-05');
    expect(dates).not.toContain('2027-07-04');
    expect(dates).toContain('2027-12-25');
    expect(dates).not.toContain('2027-12-24');
  });

  it('returns a fresh array each call so callers cannot corrupt later results', () => {
    const first = nercHolidays(2024);
    first.push('2024-12-31');
    expect(nercHolidays(2024)).toHaveLength(6);
  });

  it('rejects implausible years', () => {
    expect(() => nercHolidays(224)).toThrow(RangeError);
    expect(() => nercHolidays(2024.5)).toThrow(RangeError);
  });
});

describe('isNercHoliday', () => {
  it('knows observed dates, not the shifted-away ones', () => {
    expect(isNercHoliday('2022-12-26')).toBe(true);
    expect(isNercHoliday('2022-12-25')).toBe(false);
    expect(isNercHoliday('2023-01-02')).toBe(true);
    expect(isNercHoliday('2023-01-01')).toBe(false);
    expect(isNercHoliday('2026-07-04')).toBe(true);
    expect(isNercHoliday('2026-07-03')).toBe(false);
    expect(isNercHoliday('2024-11-28')).toBe(true);
    expect(isNercHoliday('2024-11-29')).toBe(false);
  });

  it('rejects malformed dates', () => {
    expect(() => isNercHoliday('2024-13-01')).toThrow(RangeError);
    expect(() => isNercHoliday('20241225')).toThrow(RangeError);
  });
});
