import { describe, expect, it } from 'vitest';
import type { MarketDefinition } from '../markets/market.js';
import { PriceBatchBuilder } from '../prices/price-batch.js';
import {
  claimedRanges,
  completenessProblem,
  coverageOf,
  judgeDay,
  slotOf,
  slotsIn,
} from './completeness.js';
import { formatLocalSpan, formatLocalTime, LocalDayCalendar } from './local-days.js';
import { pricePresence } from './price-checks.js';

const CHICAGO = 'America/Chicago';
const FIXED = 'Etc/GMT+5'; // UTC−5 all year (POSIX sign convention), like MISO's market time
const MINUTE = 60_000;
const HOUR = 3_600_000;

const market = (timezone: string): MarketDefinition => ({
  id: 'TEST',
  name: 'Test',
  timezone,
  currency: 'USD',
  runs: [
    { id: 'DA', intervalMinutes: 60, description: 'Day-ahead hourly' },
    { id: 'RT5', intervalMinutes: 5, description: 'Real-time 5-minute' },
  ],
  synthetic: false,
});

/** Every `minutes`-long interval of [fromMs, toMs) for one instrument, except the starts in `skip`. */
const intervals = (
  run: 'DA' | 'RT5',
  fromMs: number,
  toMs: number,
  skip: ReadonlySet<number> = new Set(),
) => {
  const minutes = run === 'DA' ? 60 : 5;
  const builder = new PriceBatchBuilder();
  const instrument = builder.instrumentSlot('TEST.HUB');
  const runSlot = builder.runSlot(run);
  for (let t = fromMs; t < toMs; t += minutes * MINUTE) {
    if (!skip.has(t)) {
      builder.addColumns(instrument, runSlot, t, minutes, 30, 29, 0.5, 0.5, Number.NaN);
    }
  }
  return builder.build();
};

describe('local days', () => {
  it('knows the 23-hour spring-forward and 25-hour fall-back days in Chicago', () => {
    const calendar = new LocalDayCalendar(CHICAGO);
    const spring = calendar.day('2026-03-08');
    expect(new Date(spring.startMs).toISOString()).toBe('2026-03-08T06:00:00.000Z');
    expect(new Date(spring.endMs).toISOString()).toBe('2026-03-09T05:00:00.000Z');
    expect(slotsIn(spring, 5)).toBe(276);
    expect(slotsIn(spring, 60)).toBe(23);
    const fall = calendar.day('2026-11-01');
    expect(slotsIn(fall, 5)).toBe(300);
    expect(slotsIn(fall, 60)).toBe(25);
    // The last minute of the day belongs to it, the next minute to the next day.
    expect(calendar.dayAt(spring.endMs - 1).date).toBe('2026-03-08');
    expect(calendar.dayAt(spring.endMs).date).toBe('2026-03-09');
  });

  it('keeps a fixed-offset market on 24-hour days all year', () => {
    const calendar = new LocalDayCalendar(FIXED);
    for (const date of ['2026-03-08', '2026-11-01', '2026-07-14']) {
      const day = calendar.day(date);
      expect(slotsIn(day, 5)).toBe(288);
      expect(new Date(day.startMs).toISOString()).toBe(`${date}T05:00:00.000Z`);
    }
    expect(formatLocalTime(FIXED, Date.UTC(2026, 6, 14, 19))).toBe('14:00 GMT-5');
  });

  it('lists the days a range overlaps and tells the two 01:30s of a fall-back day apart', () => {
    const calendar = new LocalDayCalendar(CHICAGO);
    const utcDay = { fromMs: Date.UTC(2026, 2, 8), toMs: Date.UTC(2026, 2, 9) };
    expect(calendar.daysOverlapping(utcDay).map((d) => d.date)).toEqual([
      '2026-03-07',
      '2026-03-08',
    ]);
    expect(formatLocalTime(CHICAGO, Date.UTC(2026, 10, 1, 6, 30))).toBe('01:30 CDT');
    expect(formatLocalTime(CHICAGO, Date.UTC(2026, 10, 1, 7, 30))).toBe('01:30 CST');
    const fall = calendar.day('2026-11-01');
    expect(
      formatLocalSpan(CHICAGO, fall, Date.UTC(2026, 10, 1, 6, 30), Date.UTC(2026, 10, 1, 7, 30)),
    ).toBe('01:30 CDT–01:30 CST');
    expect(formatLocalSpan(CHICAGO, fall, fall.endMs - HOUR, fall.endMs)).toBe('23:00–24:00 CST');
  });
});

describe('completeness', () => {
  it('counts a whole 23-hour day of 5-minute prices as 276 of 276', () => {
    const calendar = new LocalDayCalendar(CHICAGO);
    const day = calendar.day('2026-03-08');
    const presence = pricePresence(
      intervals('RT5', day.startMs, day.endMs),
      market(CHICAGO),
      calendar,
    ).result([day]);
    expect(presence).toHaveLength(1);
    expect(presence[0]?.slots).toBe(276);
    expect(presence[0]?.present.every((bit) => bit === 1)).toBe(true);
    expect(
      completenessProblem(CHICAGO, presence[0]!.subject, day, 5, presence[0]!.present),
    ).toBeNull();
  });

  it('names the missing stretch of a 23-hour day in local time', () => {
    const calendar = new LocalDayCalendar(CHICAGO);
    const day = calendar.day('2026-03-08');
    // 01:00–01:30 CST is missing; 03:00 CDT directly follows 01:55 CST on this day.
    const skip = new Set(Array.from({ length: 6 }, (_, k) => day.startMs + HOUR + k * 5 * MINUTE));
    const [presence] = pricePresence(
      intervals('RT5', day.startMs, day.endMs, skip),
      market(CHICAGO),
      calendar,
    ).result([day]);
    const problem = completenessProblem(CHICAGO, presence!.subject, day, 5, presence!.present);
    expect(problem).toEqual({
      check: 'completeness.missing',
      severity: 'error',
      disposition: 'absent',
      instrumentId: 'TEST.HUB',
      run: 'RT5',
      variable: null,
      localDay: '2026-03-08',
      intervalStartMs: day.startMs + HOUR,
      count: 6,
      message:
        '270 of 276 5-minute intervals present on this 23-hour day (6 missing): 01:00–01:30 CST',
    });
  });

  it('expects 25 hourly day-ahead prices on the fall-back day and spots the repeated hour missing', () => {
    const calendar = new LocalDayCalendar(CHICAGO);
    const day = calendar.day('2026-11-01');
    // The second 01:00 (CST) starts at 07:00Z.
    const skip = new Set([Date.UTC(2026, 10, 1, 7)]);
    const [presence] = pricePresence(
      intervals('DA', day.startMs, day.endMs, skip),
      market(CHICAGO),
      calendar,
    ).result([day]);
    expect(presence?.slots).toBe(25);
    const problem = completenessProblem(CHICAGO, presence!.subject, day, 60, presence!.present);
    expect(problem?.message).toBe(
      '24 of 25 hourly intervals present on this 25-hour day (1 missing): 01:00–02:00 CST',
    );
  });

  it('expects 288 five-minute prices on every day of a fixed-offset market', () => {
    const calendar = new LocalDayCalendar(FIXED);
    const day = calendar.day('2026-03-08');
    const [presence] = pricePresence(
      intervals('RT5', day.startMs, day.endMs - 10 * MINUTE),
      market(FIXED),
      calendar,
    ).result([day]);
    const problem = completenessProblem(FIXED, presence!.subject, day, 5, presence!.present);
    expect(problem?.message).toBe(
      '286 of 288 5-minute intervals present on this 24-hour day (2 missing): 23:50–24:00 GMT-5',
    );
  });

  it('counts only intervals on the run’s grid', () => {
    const day = new LocalDayCalendar(CHICAGO).day('2026-07-14');
    expect(slotOf(day, day.startMs + 10 * MINUTE, 5)).toBe(2);
    expect(slotOf(day, day.startMs + 13 * MINUTE, 5)).toBe(-1);
    expect(slotOf(day, day.endMs, 5)).toBe(-1);
  });

  it('adds an empty day for an instrument missing from a whole claimed day', () => {
    const calendar = new LocalDayCalendar(CHICAGO);
    const first = calendar.day('2026-07-14');
    const second = calendar.day('2026-07-15');
    const days = pricePresence(
      intervals('DA', first.startMs, first.endMs),
      market(CHICAGO),
      calendar,
    ).result([first, second]);
    expect(days.map((d) => [d.day.date, d.present.reduce((a, b) => a + b, 0)])).toEqual([
      ['2026-07-14', 24],
      ['2026-07-15', 0],
    ]);
  });

  it('judges a day only once all of it has been fetched', () => {
    const calendar = new LocalDayCalendar(CHICAGO);
    // Two UTC-day windows each cover only part of the local day 2026-03-08 (06:00Z to 05:00Z).
    const first = coverageOf(calendar, [
      { fromMs: Date.UTC(2026, 2, 8), toMs: Date.UTC(2026, 2, 9) },
    ]);
    expect(first.map((c) => [c.day.date, c.covered.reduce((a, b) => a + b, 0)])).toEqual([
      ['2026-03-07', 6 * 60],
      ['2026-03-08', 18 * 60],
    ]);
    const both = coverageOf(calendar, [
      { fromMs: Date.UTC(2026, 2, 8), toMs: Date.UTC(2026, 2, 9) },
      { fromMs: Date.UTC(2026, 2, 9), toMs: Date.UTC(2026, 2, 10) },
    ]);
    const march8 = both.find((c) => c.day.date === '2026-03-08');
    expect(march8?.covered.every((bit) => bit === 1)).toBe(true);
    expect(march8?.covered.length).toBe(23 * 60);
    expect(judgeDay(270, 276, false)).toBe('partial');
    expect(judgeDay(270, 276, true)).toBe('incomplete');
    expect(judgeDay(276, 276, true)).toBe('complete');
  });

  it('lets a day-ahead file claim its whole local days but a real-time file only its span', () => {
    const calendar = new LocalDayCalendar(CHICAGO);
    const day = calendar.day('2026-07-14');
    const span = { fromMs: day.startMs + HOUR, toMs: day.endMs - HOUR };
    expect(claimedRanges(null, span, true, calendar)).toEqual([
      { fromMs: day.startMs, toMs: day.endMs },
    ]);
    expect(claimedRanges(null, span, false, calendar)).toEqual([span]);
    const window = { fromMs: 0, toMs: 1 };
    expect(claimedRanges(window, span, true, calendar)).toEqual([window]);
    expect(claimedRanges(null, null, true, calendar)).toEqual([]);
  });
});
