import { describe, expect, it } from 'vitest';
import { addDays, localDayBounds } from '../../../domain/time/zoned.js';
import { archiveStartMs, planDataMinerWindows } from './pjm-window-plan.js';
import { utc } from './pjm-test-support.js';

const ZONE = 'America/New_York';
const day = (date: string) => {
  const { startMs, endMs } = localDayBounds(ZONE, date);
  return { fromMs: startMs, toMs: endMs };
};
const days = (from: string, to: string) => ({
  fromMs: localDayBounds(ZONE, from).startMs,
  toMs: localDayBounds(ZONE, to).startMs,
});
const NOW = utc('2026-06-10T16:00:00'); // 12:00 EDT

describe('Data Miner window planning', () => {
  it('asks for one local day with an inclusive EPT range', () => {
    expect(planDataMinerWindows(day('2026-06-09'), 60, NOW)).toEqual([
      { ...day('2026-06-09'), archived: false, eptRange: '06/09/2026 00:00to06/09/2026 23:59' },
    ]);
  });

  it('covers the 25-hour fall-back day and the 23-hour spring-forward day with one EPT day each', () => {
    expect(planDataMinerWindows(day('2025-11-02'), 60, NOW)).toEqual([
      {
        fromMs: utc('2025-11-02T04:00:00'),
        toMs: utc('2025-11-03T05:00:00'),
        archived: false,
        eptRange: '11/02/2025 00:00to11/02/2025 23:59',
      },
    ]);
    expect(planDataMinerWindows(day('2026-03-08'), 60, NOW)).toEqual([
      {
        fromMs: utc('2026-03-08T05:00:00'),
        toMs: utc('2026-03-09T04:00:00'),
        archived: false,
        eptRange: '03/08/2026 00:00to03/08/2026 23:59',
      },
    ]);
  });

  it('asks for a few minutes when the scheduler catches up within a day', () => {
    const window = { fromMs: utc('2026-06-10T16:35:00'), toMs: utc('2026-06-10T16:40:00') };
    expect(planDataMinerWindows(window, 5, NOW)).toEqual([
      { ...window, archived: false, eptRange: '06/10/2026 12:35to06/10/2026 12:39' },
    ]);
    expect(planDataMinerWindows({ fromMs: 0, toMs: 30_000 }, 5, NOW)).toEqual([]);
  });

  it('never lets one search cross an Eastern new year', () => {
    expect(
      planDataMinerWindows(days('2025-12-30', '2026-01-02'), 60, NOW).map((w) => w.eptRange),
    ).toEqual(['12/30/2025 00:00to12/31/2025 23:59', '01/01/2026 00:00to01/01/2026 23:59']);
  });

  it('splits at the archive boundary: 186 days back for 5-minute feeds, 731 for hourly ones', () => {
    expect(archiveStartMs(5, NOW)).toBe(localDayBounds(ZONE, '2025-12-06').startMs);
    expect(archiveStartMs(60, NOW)).toBe(localDayBounds(ZONE, '2024-06-09').startMs);
    expect(
      planDataMinerWindows(days('2025-12-04', '2025-12-08'), 5, NOW).map((w) => [
        w.eptRange,
        w.archived,
      ]),
    ).toEqual([
      ['12/04/2025 00:00to12/05/2025 23:59', true],
      ['12/06/2025 00:00to12/07/2025 23:59', false],
    ]);
    expect(planDataMinerWindows(day('2024-06-08'), 60, NOW)[0]?.archived).toBe(true);
    expect(planDataMinerWindows(day('2024-06-09'), 60, NOW)[0]?.archived).toBe(false);
  });

  it('keeps every local day of a year in one search', () => {
    for (let date = '2025-01-01'; date < '2026-01-01'; date = addDays(date, 1)) {
      expect(planDataMinerWindows(day(date), 5, NOW)).toHaveLength(1);
    }
  });
});
