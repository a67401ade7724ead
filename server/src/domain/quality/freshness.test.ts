import { describe, expect, it } from 'vitest';
import { freshnessGraceMs, judgeFreshness } from './freshness.js';

const ZONE = 'America/Chicago';
const MINUTE = 60_000;
// 2026-07-14 13:00 CDT.
const NOW = Date.UTC(2026, 6, 14, 18);

/** A real-time run publishes each 5-minute interval as soon as it ends. */
const rtPublishedUntil = (nowMs: number) => Math.floor(nowMs / (5 * MINUTE)) * 5 * MINUTE;

describe('judgeFreshness', () => {
  it('calls real-time prices stale once a published interval is missing for more than 10 minutes', () => {
    const grace = freshnessGraceMs('RT5');
    expect(grace).toBe(10 * MINUTE);
    const expectedUntilMs = rtPublishedUntil(NOW - grace);
    expect(
      judgeFreshness({
        zone: ZONE,
        nowMs: NOW,
        expectedUntilMs,
        graceMs: grace,
        newestIntervalEndMs: NOW - 10 * MINUTE,
      }),
    ).toEqual({ status: 'fresh', lagMs: 0, message: 'stored through 2026-07-14 12:50 CDT' });
    const stale = judgeFreshness({
      zone: ZONE,
      nowMs: NOW,
      expectedUntilMs,
      graceMs: grace,
      newestIntervalEndMs: NOW - 30 * MINUTE,
    });
    expect(stale.status).toBe('stale');
    expect(stale.lagMs).toBe(20 * MINUTE);
    expect(stale.message).toBe(
      'stored only through 2026-07-14 12:30 CDT, but the source had published through 2026-07-14 12:50 CDT ' +
        'more than 10 minutes ago (20 minutes behind)',
    );
  });

  it('calls day-ahead prices stale when tomorrow is still missing an hour after the market cleared', () => {
    const grace = freshnessGraceMs('DA');
    // Clears at 12:30 local (17:30Z) for tomorrow; tomorrow ends at 05:00Z the day after.
    const endOfTomorrow = Date.UTC(2026, 6, 16, 5);
    const endOfToday = Date.UTC(2026, 6, 15, 5);
    const daPublishedUntil = (nowMs: number) =>
      nowMs >= Date.UTC(2026, 6, 14, 17, 30) ? endOfTomorrow : endOfToday;
    const at = (nowMs: number) =>
      judgeFreshness({
        zone: ZONE,
        nowMs,
        expectedUntilMs: daPublishedUntil(nowMs - grace),
        graceMs: grace,
        newestIntervalEndMs: endOfToday,
      });
    expect(at(Date.UTC(2026, 6, 14, 18)).status).toBe('fresh');
    const late = at(Date.UTC(2026, 6, 14, 18, 31));
    expect(late.status).toBe('stale');
    expect(late.lagMs).toBe(24 * 60 * MINUTE);
    expect(late.message).toContain('(24 hours behind)');
  });

  it('says so when nothing is stored yet', () => {
    expect(
      judgeFreshness({
        zone: ZONE,
        nowMs: NOW,
        expectedUntilMs: NOW,
        graceMs: 0,
        newestIntervalEndMs: null,
      }),
    ).toEqual({ status: 'no_data', lagMs: null, message: 'nothing stored yet' });
  });
});
