import { describe, expect, it } from 'vitest';
import {
  fixedOffsetHourEndingToInterval,
  fixedOffsetToUtcMs,
  hourEndingToInterval,
  intervalEndingToInterval,
  localDayIntervals,
  parseHourEndingLabel,
  sequentialHourToInterval,
} from './conventions.js';
import { HOUR_MS } from './interval.js';
import { utcMsToLocal } from './zoned.js';

const iso = (ms: number): string => new Date(ms).toISOString();

/** `count` consecutive UTC hour starts from `firstIso`: what every DST day must look like in UTC. */
const consecutiveHours = (firstIso: string, count: number): string[] =>
  Array.from({ length: count }, (_, i) => iso(Date.parse(firstIso) + i * HOUR_MS));

/** Local wall-clock hours 0..23 with `skip` removed or `repeat` listed twice. */
const wallHours = (change: { skip: number } | { repeat: number }): number[] => {
  const hours: number[] = [];
  for (let h = 0; h < 24; h += 1) {
    if ('skip' in change && change.skip === h) {
      continue;
    }
    hours.push(h);
    if ('repeat' in change && change.repeat === h) {
      hours.push(h);
    }
  }
  return hours;
};

describe('parseHourEndingLabel', () => {
  it('reads plain, zero-padded and HE-prefixed labels as the first occurrence', () => {
    expect(parseHourEndingLabel('7')).toEqual({ hourEnding: 7, occurrence: 1 });
    expect(parseHourEndingLabel('07')).toEqual({ hourEnding: 7, occurrence: 1 });
    expect(parseHourEndingLabel('HE07')).toEqual({ hourEnding: 7, occurrence: 1 });
    expect(parseHourEndingLabel(' 24 ')).toEqual({ hourEnding: 24, occurrence: 1 });
  });

  it("reads ISO-NE's 02X as the second occurrence of HE 2", () => {
    expect(parseHourEndingLabel('02X')).toEqual({ hourEnding: 2, occurrence: 2 });
    expect(parseHourEndingLabel('2x')).toEqual({ hourEnding: 2, occurrence: 2 });
  });

  it('rejects hours outside 1..24 and other text', () => {
    for (const label of ['0', '00', '25', '02Y', '', 'X', '1.5', '002']) {
      expect(() => parseHourEndingLabel(label), label).toThrow(RangeError);
    }
  });
});

describe('hourEndingToInterval on ordinary days', () => {
  it('puts HE 1 at local midnight and HE 24 at 23:00 local', () => {
    // 2024-07-15 Chicago is CDT (UTC-5).
    expect(hourEndingToInterval('America/Chicago', '2024-07-15', 1)).toEqual({
      startMs: Date.parse('2024-07-15T05:00:00Z'),
      minutes: 60,
    });
    expect(iso(hourEndingToInterval('America/Chicago', '2024-07-15', 24).startMs)).toBe(
      '2024-07-16T04:00:00.000Z',
    );
    // 2024-01-15 Chicago is CST (UTC-6).
    expect(iso(hourEndingToInterval('America/Chicago', '2024-01-15', 1).startMs)).toBe(
      '2024-01-15T06:00:00.000Z',
    );
  });

  it('refuses occurrence 2 of an hour that is not repeated', () => {
    expect(() => hourEndingToInterval('America/Chicago', '2024-07-15', 2, 2)).toThrow(
      /occurs only once on 2024-07-15 in America\/Chicago/,
    );
    expect(() => hourEndingToInterval('America/Chicago', '2024-11-03', 3, 2)).toThrow(RangeError);
  });

  it('rejects bad hours, dates and zones', () => {
    expect(() => hourEndingToInterval('America/Chicago', '2024-07-15', 0)).toThrow(RangeError);
    expect(() => hourEndingToInterval('America/Chicago', '2024-07-15', 25)).toThrow(RangeError);
    expect(() => hourEndingToInterval('America/Chicago', '2024-07-15', 1.5)).toThrow(RangeError);
    expect(() => hourEndingToInterval('America/Chicago', '2024-02-30', 1)).toThrow(RangeError);
    expect(() => hourEndingToInterval('Mars/Olympus', '2024-07-15', 1)).toThrow(/Mars\/Olympus/);
  });
});

/**
 * DST days. For each zone: the UTC start of local midnight, the hour-ending that is skipped in spring, the
 * one repeated in autumn, and the UTC starts of its two occurrences.
 */
const dstCases = [
  {
    zone: 'America/Chicago',
    spring: {
      date: '2024-03-10',
      midnightUtc: '2024-03-10T06:00:00.000Z',
      skippedWallHour: 2,
      skippedLabel: 2,
    },
    fall: {
      date: '2024-11-03',
      midnightUtc: '2024-11-03T05:00:00.000Z',
      repeatedHe: 2,
      first: '2024-11-03T06:00:00.000Z',
      second: '2024-11-03T07:00:00.000Z',
    },
  },
  {
    zone: 'America/Los_Angeles',
    spring: {
      date: '2024-03-10',
      midnightUtc: '2024-03-10T08:00:00.000Z',
      skippedWallHour: 2,
      skippedLabel: 2,
    },
    fall: {
      date: '2024-11-03',
      midnightUtc: '2024-11-03T07:00:00.000Z',
      repeatedHe: 2,
      first: '2024-11-03T08:00:00.000Z',
      second: '2024-11-03T09:00:00.000Z',
    },
  },
  {
    zone: 'America/New_York',
    spring: {
      date: '2024-03-10',
      midnightUtc: '2024-03-10T05:00:00.000Z',
      skippedWallHour: 2,
      skippedLabel: 2,
    },
    fall: {
      date: '2024-11-03',
      midnightUtc: '2024-11-03T04:00:00.000Z',
      repeatedHe: 2,
      first: '2024-11-03T05:00:00.000Z',
      second: '2024-11-03T06:00:00.000Z',
    },
  },
  {
    // Europe changes at 01:00 UTC: 02:00 CET -> 03:00 CEST in spring, 03:00 CEST -> 02:00 CET in autumn, so
    // the affected wall hour is 02:00-03:00 on both days (repeated as HE 3 in autumn; in spring the clock never
    // reads 02:00, so under hour-ending labels HE 2 is the missing one).
    zone: 'Europe/Berlin',
    spring: {
      date: '2024-03-31',
      midnightUtc: '2024-03-30T23:00:00.000Z',
      skippedWallHour: 2,
      skippedLabel: 2,
    },
    fall: {
      date: '2024-10-27',
      midnightUtc: '2024-10-26T22:00:00.000Z',
      repeatedHe: 3,
      first: '2024-10-27T00:00:00.000Z',
      second: '2024-10-27T01:00:00.000Z',
    },
  },
] as const;

describe.each(dstCases)('DST days in $zone', ({ zone, spring, fall }) => {
  it(`has 23 hours on ${spring.date}, consecutive in UTC, skipping the wall hour from 0${spring.skippedWallHour}:00`, () => {
    const hours = localDayIntervals(zone, spring.date, 60);
    expect(hours).toHaveLength(23);
    expect(hours.map((h) => iso(h.startMs))).toEqual(consecutiveHours(spring.midnightUtc, 23));
    expect(hours.map((h) => utcMsToLocal(zone, h.startMs).hour)).toEqual(
      wallHours({ skip: spring.skippedWallHour }),
    );
  });

  it(`has 25 hours on ${fall.date}, consecutive in UTC, with wall hour HE ${fall.repeatedHe} twice`, () => {
    const hours = localDayIntervals(zone, fall.date, 60);
    expect(hours).toHaveLength(25);
    expect(hours.map((h) => iso(h.startMs))).toEqual(consecutiveHours(fall.midnightUtc, 25));
    expect(hours.map((h) => utcMsToLocal(zone, h.startMs).hour)).toEqual(
      wallHours({ repeat: fall.repeatedHe - 1 }),
    );
  });

  it('has 24 hours on the day before each change', () => {
    expect(localDayIntervals(zone, '2024-03-09', 60)).toHaveLength(24);
    expect(localDayIntervals(zone, '2024-10-26', 60)).toHaveLength(24);
  });

  // Operators label an hour by the clock reading at its end; on this day the clock never reads 02:00, so the
  // label HE 2 is the one missing (ISO-NE's SMD files and ERCOT's reports go 01, 03, 04 …).
  it(`throws for the skipped HE ${spring.skippedLabel} on ${spring.date}, naming zone, date and hour`, () => {
    expect(() => hourEndingToInterval(zone, spring.date, spring.skippedLabel)).toThrow(RangeError);
    expect(() => hourEndingToInterval(zone, spring.date, spring.skippedLabel)).toThrow(
      `Hour ending ${spring.skippedLabel} does not exist on ${spring.date} in ${zone}`,
    );
    // HE 3 is the hour that starts at 01:00 standard time and ends when the clock jumps to 03:00.
    expect(iso(hourEndingToInterval(zone, spring.date, 3).startMs)).toBe(
      consecutiveHours(spring.midnightUtc, 2)[1],
    );
  });

  it('maps every other hour-ending of the spring day onto the 23 UTC hours in order', () => {
    const starts = [];
    for (let he = 1; he <= 24; he += 1) {
      if (he !== spring.skippedLabel) {
        starts.push(iso(hourEndingToInterval(zone, spring.date, he).startMs));
      }
    }
    expect(starts).toEqual(consecutiveHours(spring.midnightUtc, 23));
  });

  it(`maps occurrence 1 and 2 of HE ${fall.repeatedHe} on ${fall.date} to consecutive UTC hours`, () => {
    expect(iso(hourEndingToInterval(zone, fall.date, fall.repeatedHe).startMs)).toBe(fall.first);
    expect(iso(hourEndingToInterval(zone, fall.date, fall.repeatedHe, 1).startMs)).toBe(fall.first);
    expect(iso(hourEndingToInterval(zone, fall.date, fall.repeatedHe, 2).startMs)).toBe(
      fall.second,
    );
  });

  it('maps all 24 labels plus the second occurrence onto the 25 UTC hours in order', () => {
    const starts = [];
    for (let he = 1; he <= 24; he += 1) {
      starts.push(iso(hourEndingToInterval(zone, fall.date, he).startMs));
      if (he === fall.repeatedHe) {
        starts.push(iso(hourEndingToInterval(zone, fall.date, he, 2).startMs));
      }
    }
    expect(starts).toEqual(consecutiveHours(fall.midnightUtc, 25));
  });

  it('numbers sequential hours 1..25 only on the fall-back day', () => {
    expect(iso(sequentialHourToInterval(zone, fall.date, 25).startMs)).toBe(
      consecutiveHours(fall.midnightUtc, 25)[24],
    );
    expect(() => sequentialHourToInterval(zone, '2024-07-15', 25)).toThrow(
      `Hour 25 does not exist on 2024-07-15 in ${zone}: that day has hours 1–24`,
    );
    expect(() => sequentialHourToInterval(zone, spring.date, 24)).toThrow(RangeError);
    expect(iso(sequentialHourToInterval(zone, spring.date, 23).startMs)).toBe(
      consecutiveHours(spring.midnightUtc, 23)[22],
    );
  });
});

describe('Chicago DST days spelled out', () => {
  it('lists the 23 UTC hour starts of 2024-03-10 (CST until 02:00, then CDT)', () => {
    expect(
      localDayIntervals('America/Chicago', '2024-03-10', 60).map((h) => iso(h.startMs)),
    ).toEqual([
      '2024-03-10T06:00:00.000Z', // HE1 00:00 CST
      '2024-03-10T07:00:00.000Z', // HE2 01:00 CST
      '2024-03-10T08:00:00.000Z', // HE4 03:00 CDT (HE3 skipped)
      '2024-03-10T09:00:00.000Z',
      '2024-03-10T10:00:00.000Z',
      '2024-03-10T11:00:00.000Z',
      '2024-03-10T12:00:00.000Z',
      '2024-03-10T13:00:00.000Z',
      '2024-03-10T14:00:00.000Z',
      '2024-03-10T15:00:00.000Z',
      '2024-03-10T16:00:00.000Z',
      '2024-03-10T17:00:00.000Z',
      '2024-03-10T18:00:00.000Z',
      '2024-03-10T19:00:00.000Z',
      '2024-03-10T20:00:00.000Z',
      '2024-03-10T21:00:00.000Z',
      '2024-03-10T22:00:00.000Z',
      '2024-03-10T23:00:00.000Z',
      '2024-03-11T00:00:00.000Z',
      '2024-03-11T01:00:00.000Z',
      '2024-03-11T02:00:00.000Z',
      '2024-03-11T03:00:00.000Z',
      '2024-03-11T04:00:00.000Z', // HE24 23:00 CDT
    ]);
  });

  it('lists the 25 UTC hour starts of 2024-11-03 (CDT until 02:00, then CST)', () => {
    expect(
      localDayIntervals('America/Chicago', '2024-11-03', 60).map((h) => iso(h.startMs)),
    ).toEqual([
      '2024-11-03T05:00:00.000Z', // HE1 00:00 CDT
      '2024-11-03T06:00:00.000Z', // HE2 01:00 CDT
      '2024-11-03T07:00:00.000Z', // HE2 01:00 CST (02X, sequential hour 3)
      '2024-11-03T08:00:00.000Z', // HE3 02:00 CST
      '2024-11-03T09:00:00.000Z',
      '2024-11-03T10:00:00.000Z',
      '2024-11-03T11:00:00.000Z',
      '2024-11-03T12:00:00.000Z',
      '2024-11-03T13:00:00.000Z',
      '2024-11-03T14:00:00.000Z',
      '2024-11-03T15:00:00.000Z',
      '2024-11-03T16:00:00.000Z',
      '2024-11-03T17:00:00.000Z',
      '2024-11-03T18:00:00.000Z',
      '2024-11-03T19:00:00.000Z',
      '2024-11-03T20:00:00.000Z',
      '2024-11-03T21:00:00.000Z',
      '2024-11-03T22:00:00.000Z',
      '2024-11-03T23:00:00.000Z',
      '2024-11-04T00:00:00.000Z',
      '2024-11-04T01:00:00.000Z',
      '2024-11-04T02:00:00.000Z',
      '2024-11-04T03:00:00.000Z',
      '2024-11-04T04:00:00.000Z',
      '2024-11-04T05:00:00.000Z', // HE24 23:00 CST, sequential hour 25
    ]);
  });

  it('agrees between ISO-NE style 02X and ERCOT style sequential hour 3', () => {
    const label = parseHourEndingLabel('02X');
    const fromLabel = hourEndingToInterval(
      'America/Chicago',
      '2024-11-03',
      label.hourEnding,
      label.occurrence,
    );
    expect(fromLabel).toEqual(sequentialHourToInterval('America/Chicago', '2024-11-03', 3));
    expect(iso(fromLabel.startMs)).toBe('2024-11-03T07:00:00.000Z');
    // After the repeated hour the sequential number runs one ahead of the hour-ending label.
    expect(sequentialHourToInterval('America/Chicago', '2024-11-03', 4)).toEqual(
      hourEndingToInterval('America/Chicago', '2024-11-03', 3),
    );
  });

  it('rejects a non-integer or zero sequential hour', () => {
    expect(() => sequentialHourToInterval('America/Chicago', '2024-11-03', 0)).toThrow(RangeError);
    expect(() => sequentialHourToInterval('America/Chicago', '2024-11-03', 2.5)).toThrow(
      RangeError,
    );
  });
});

describe('fixed-offset clocks (MISO = EST all year)', () => {
  const EST = -300;

  it('starts HE 1 at 05:00Z in summer and in winter alike', () => {
    expect(iso(fixedOffsetHourEndingToInterval('2024-07-14', 1, EST).startMs)).toBe(
      '2024-07-14T05:00:00.000Z',
    );
    expect(iso(fixedOffsetHourEndingToInterval('2024-01-10', 1, EST).startMs)).toBe(
      '2024-01-10T05:00:00.000Z',
    );
    expect(fixedOffsetHourEndingToInterval('2024-07-14', 1, EST).minutes).toBe(60);
  });

  it('ends the day with HE 24 at 04:00Z the next day and keeps 24 hours on DST days', () => {
    expect(iso(fixedOffsetHourEndingToInterval('2024-07-14', 24, EST).startMs)).toBe(
      '2024-07-15T04:00:00.000Z',
    );
    // 2024-11-03 is 25 hours in America/Chicago but a plain 24-hour day on MISO's EST clock.
    expect(iso(fixedOffsetHourEndingToInterval('2024-11-03', 2, EST).startMs)).toBe(
      '2024-11-03T06:00:00.000Z',
    );
    expect(iso(fixedOffsetHourEndingToInterval('2024-11-03', 24, EST).startMs)).toBe(
      '2024-11-04T04:00:00.000Z',
    );
  });

  it('matches the Etc/GMT+5 zone used for the MISO calendar', () => {
    expect(hourEndingToInterval('Etc/GMT+5', '2024-07-14', 1)).toEqual(
      fixedOffsetHourEndingToInterval('2024-07-14', 1, EST),
    );
    expect(localDayIntervals('Etc/GMT+5', '2024-03-10', 60)).toHaveLength(24);
  });

  it('converts wall-clock fields at positive and negative offsets', () => {
    const local = { year: 2024, month: 12, day: 31, hour: 23, minute: 30 };
    expect(iso(fixedOffsetToUtcMs(local, EST))).toBe('2025-01-01T04:30:00.000Z');
    expect(iso(fixedOffsetToUtcMs(local, 60))).toBe('2024-12-31T22:30:00.000Z');
    expect(iso(fixedOffsetToUtcMs(local, 0))).toBe('2024-12-31T23:30:00.000Z');
  });

  it('rejects impossible fields and offsets given in the wrong unit', () => {
    expect(() =>
      fixedOffsetToUtcMs({ year: 2025, month: 2, day: 30, hour: 0, minute: 0 }, -300),
    ).toThrow(RangeError);
    expect(() =>
      fixedOffsetToUtcMs({ year: 2025, month: 1, day: 1, hour: 24, minute: 0 }, -300),
    ).toThrow(RangeError);
    expect(() => fixedOffsetHourEndingToInterval('2024-07-14', 1, -18_000_000)).toThrow(RangeError);
    expect(() => fixedOffsetHourEndingToInterval('2024-07-14', 1, -300.5)).toThrow(RangeError);
    expect(() => fixedOffsetHourEndingToInterval('2024-07-14', 25, -300)).toThrow(RangeError);
  });
});

describe('intervalEndingToInterval (CAISO/SPP label the interval end)', () => {
  it('moves the start back by the interval length', () => {
    expect(intervalEndingToInterval(Date.parse('2024-07-01T00:05:00Z'), 5)).toEqual({
      startMs: Date.parse('2024-07-01T00:00:00Z'),
      minutes: 5,
    });
    expect(iso(intervalEndingToInterval(Date.parse('2024-07-01T00:00:00Z'), 60).startMs)).toBe(
      '2024-06-30T23:00:00.000Z',
    );
  });

  it('rejects non-positive or fractional lengths and fractional ends', () => {
    expect(() => intervalEndingToInterval(0, 0)).toThrow(RangeError);
    expect(() => intervalEndingToInterval(0, -5)).toThrow(RangeError);
    expect(() => intervalEndingToInterval(0, 2.5)).toThrow(RangeError);
    expect(() => intervalEndingToInterval(0.5, 5)).toThrow(RangeError);
    expect(() => intervalEndingToInterval(Number.NaN, 5)).toThrow(RangeError);
  });
});

describe('localDayIntervals', () => {
  it('gives 92 / 96 / 100 quarter hours in Europe/Berlin', () => {
    const spring = localDayIntervals('Europe/Berlin', '2024-03-31', 15);
    const normal = localDayIntervals('Europe/Berlin', '2024-06-12', 15);
    const fall = localDayIntervals('Europe/Berlin', '2024-10-27', 15);
    expect([spring.length, normal.length, fall.length]).toEqual([92, 96, 100]);
    expect(iso(spring[0]!.startMs)).toBe('2024-03-30T23:00:00.000Z');
    expect(iso(spring[91]!.startMs)).toBe('2024-03-31T21:45:00.000Z');
    expect(iso(fall[99]!.startMs)).toBe('2024-10-27T22:45:00.000Z');
    expect(fall.every((q) => q.minutes === 15)).toBe(true);
  });

  it('gives 23 / 24 / 25 hours in US zones and 288 five-minute intervals on a normal day', () => {
    expect(localDayIntervals('America/Los_Angeles', '2024-03-10', 60)).toHaveLength(23);
    expect(localDayIntervals('America/Los_Angeles', '2024-06-12', 60)).toHaveLength(24);
    expect(localDayIntervals('America/Los_Angeles', '2024-11-03', 60)).toHaveLength(25);
    expect(localDayIntervals('America/Los_Angeles', '2024-06-12', 5)).toHaveLength(288);
  });

  it('gives one whole-day interval whose length follows DST', () => {
    expect(localDayIntervals('America/New_York', '2024-11-03', 1500)).toEqual([
      { startMs: Date.parse('2024-11-03T04:00:00Z'), minutes: 1500 },
    ]);
  });

  it('refuses a length that does not divide the day', () => {
    expect(() => localDayIntervals('America/New_York', '2024-06-12', 7)).toThrow(
      /1440 minutes, which is not a whole number of 7-minute intervals/,
    );
    expect(() => localDayIntervals('America/New_York', '2024-11-03', 1440)).toThrow(RangeError);
    expect(() => localDayIntervals('America/New_York', '2024-06-12', 0)).toThrow(RangeError);
  });
});
