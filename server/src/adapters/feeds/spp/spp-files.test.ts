import { describe, expect, it } from 'vitest';
import { localDayBounds } from '../../../domain/time/zoned.js';
import { daFile, marketDaysIn, rtDailyFile, rtIntervalFile, rtPlan } from './spp-files.js';

const ZONE = 'America/Chicago';
const RT_BASE = 'https://portal.spp.org/file-browser-api/download/rtbm-lmp-by-location?path=';

const wholeDay = (date: string): { fromMs: number; toMs: number } => {
  const day = localDayBounds(ZONE, date);
  return { fromMs: day.startMs, toMs: day.endMs };
};

const dayPlan = (date: string): ReturnType<typeof rtPlan>[number] => {
  const parts = rtPlan(wholeDay(date));
  expect(parts).toHaveLength(1);
  return parts[0]!;
};

describe('SPP file names and URLs', () => {
  it('locates the recorded files where the fixtures README says SPP served them', () => {
    expect(daFile('2025-03-19').url).toBe(
      'https://portal.spp.org/file-browser-api/download/da-lmp-by-settlement-location?path=/2025/03/By_Day/DA-LMP-SL-202503190100.csv',
    );
    // Interval ending 08:40 CDT = 13:40 UTC.
    expect(rtIntervalFile(Date.parse('2025-03-31T13:40:00Z'))).toEqual({
      name: 'RTBM-LMP-SL-202503310840.csv',
      url: `${RT_BASE}/2025/03/By_Interval/31/RTBM-LMP-SL-202503310840.csv`,
    });
    expect(rtDailyFile('2025-11-02')).toEqual({
      name: 'RTBM-LMP-DAILY-SL-20251102.csv',
      url: `${RT_BASE}/2025/11/By_Day/RTBM-LMP-DAILY-SL-20251102.csv`,
    });
  });

  it('files the interval ending at local midnight under the day it started, even across a month end', () => {
    expect(rtIntervalFile(Date.parse('2025-04-01T05:00:00Z'))).toEqual({
      name: 'RTBM-LMP-SL-202504010000.csv',
      url: `${RT_BASE}/2025/03/By_Interval/31/RTBM-LMP-SL-202504010000.csv`,
    });
  });

  it('plans 288 five-minute files for an ordinary day, 00:05 through the next 00:00', () => {
    const plan = dayPlan('2025-03-31');
    expect(plan.daily?.name).toBe('RTBM-LMP-DAILY-SL-20250331.csv');
    const names = plan.intervals.map((f) => f.name);
    expect(names).toHaveLength(288);
    expect(names[0]).toBe('RTBM-LMP-SL-202503310005.csv');
    expect(names[287]).toBe('RTBM-LMP-SL-202504010000.csv');
    expect(new Set(names).size).toBe(288);
    expect(plan.intervals.every((f) => f.url.includes('/2025/03/By_Interval/31/'))).toBe(true);
  });

  it('plans 276 files on the spring-forward day 2025-03-09: no local 02:xx ends, 01:55 CST is followed by 03:00 CDT', () => {
    const names = dayPlan('2025-03-09').intervals.map((f) => f.name);
    expect(names).toHaveLength(276);
    expect(new Set(names).size).toBe(276);
    expect(names.some((n) => /RTBM-LMP-SL-2025030902\d\d/.test(n))).toBe(false);
    const i = names.indexOf('RTBM-LMP-SL-202503090155.csv');
    expect(names.slice(i, i + 3)).toEqual([
      'RTBM-LMP-SL-202503090155.csv',
      'RTBM-LMP-SL-202503090300.csv',
      'RTBM-LMP-SL-202503090305.csv',
    ]);
  });

  it('plans 300 files on the fall-back day 2025-11-02, the repeated hour 01:00–01:55 (CST) with a d suffix', () => {
    const names = dayPlan('2025-11-02').intervals.map((f) => f.name);
    expect(names).toHaveLength(300);
    expect(new Set(names).size).toBe(300);
    const suffixed = names.filter((n) => n.endsWith('d.csv'));
    expect(suffixed).toEqual(
      Array.from(
        { length: 12 },
        (_, k) => `RTBM-LMP-SL-2025110201${String(k * 5).padStart(2, '0')}d.csv`,
      ),
    );
    // 01:55 CDT, then 01:00 CST (the same wall clock as 01:00 CDT an hour earlier), … 01:55 CST, 02:00 CST.
    const i = names.indexOf('RTBM-LMP-SL-202511020155.csv');
    expect(names.slice(i, i + 3)).toEqual([
      'RTBM-LMP-SL-202511020155.csv',
      'RTBM-LMP-SL-202511020100d.csv',
      'RTBM-LMP-SL-202511020105d.csv',
    ]);
    const j = names.indexOf('RTBM-LMP-SL-202511020155d.csv');
    expect(names[j + 1]).toBe('RTBM-LMP-SL-202511020200.csv');
    expect(names.indexOf('RTBM-LMP-SL-202511020100.csv')).toBeLessThan(
      names.indexOf('RTBM-LMP-SL-202511020100d.csv'),
    );
  });

  it('reads a partly covered day from 5-minute files only, and splits a window at local midnight', () => {
    const parts = rtPlan({
      fromMs: Date.parse('2025-03-31T04:50:00Z'), // 23:50 CDT on 03-30
      toMs: Date.parse('2025-03-31T05:10:00Z'), // 00:10 CDT on 03-31
    });
    expect(parts.map((p) => [p.date, p.daily, p.intervals.map((f) => f.name)])).toEqual([
      ['2025-03-30', null, ['RTBM-LMP-SL-202503302355.csv', 'RTBM-LMP-SL-202503310000.csv']],
      ['2025-03-31', null, ['RTBM-LMP-SL-202503310005.csv', 'RTBM-LMP-SL-202503310010.csv']],
    ]);
  });

  it('lists the market days a window touches, in Central time', () => {
    expect(marketDaysIn(wholeDay('2025-11-02'))).toEqual(['2025-11-02']);
    expect(
      marketDaysIn({ fromMs: wholeDay('2025-03-09').fromMs, toMs: wholeDay('2025-03-10').toMs }),
    ).toEqual(['2025-03-09', '2025-03-10']);
    expect(marketDaysIn({ fromMs: 1000, toMs: 1000 })).toEqual([]);
  });
});
