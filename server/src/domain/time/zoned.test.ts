import { describe, expect, it } from 'vitest';
import { localDayBounds, localToUtcMs, utcMsToLocal } from './zoned.js';

describe('zoned time', () => {
  it('resolves the repeated 01:30 on the Chicago fall-back day to CDT first and CST second', () => {
    const local = { year: 2024, month: 11, day: 3, hour: 1, minute: 30 };
    expect(new Date(localToUtcMs('America/Chicago', local, 'earlier')).toISOString()).toBe(
      '2024-11-03T06:30:00.000Z',
    );
    expect(new Date(localToUtcMs('America/Chicago', local, 'later')).toISOString()).toBe(
      '2024-11-03T07:30:00.000Z',
    );
    expect(() => localToUtcMs('America/Chicago', local, 'reject')).toThrow();
  });

  it('measures a 25-hour local day in Chicago', () => {
    expect(localDayBounds('America/Chicago', '2024-11-03').hours).toBe(25);
    expect(utcMsToLocal('America/Chicago', Date.UTC(2024, 10, 3, 7)).offsetMinutes).toBe(-360);
  });
});
