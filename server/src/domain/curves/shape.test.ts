import { describe, expect, it } from 'vitest';
import { US_EASTERN, isInBucket } from '../calendar/peak-buckets.js';
import { HOUR_MS } from '../time/interval.js';
import { localDayBounds, utcMsToLocal } from '../time/zoned.js';
import type { CurveDefinition } from './curve-model.js';
import { estimateShape } from './shape.js';

const POWER: CurveDefinition = {
  id: 'PJM-WH-POWER',
  name: 'PJM Western Hub',
  market: 'PJM',
  commodity: 'power',
  calendar: 'US_EASTERN',
  currency: 'USD',
  unit: 'USD/MWh',
  shapeInstrument: 'PJM.WESTERN HUB',
  extension: { longRunLevel: null, escalationPerYear: 0.02, reversionYears: 3 },
  method: { smoothness: 1, priorWeight: 1e-4, shapeHistoryYears: 3, staleAfterDays: 5 },
};

/** Two years of hourly prices: 40, +12 on weekday peak hours, +20 in July, and an evening ramp. */
const history = (fromDay: string, toDay: string) => {
  const from = localDayBounds(US_EASTERN.zone, fromDay).startMs;
  const to = localDayBounds(US_EASTERN.zone, toDay).endMs;
  const startMs: number[] = [];
  const price: number[] = [];
  for (let ms = from; ms < to; ms += HOUR_MS) {
    const local = utcMsToLocal(US_EASTERN.zone, ms);
    const peak = isInBucket(US_EASTERN, '5x16', ms) ? 12 : 0;
    const july = local.month === 7 ? 20 : 0;
    const ramp = local.hour >= 17 && local.hour <= 20 ? 6 : 0;
    startMs.push(ms);
    price.push(40 + peak + july + ramp);
  }
  return { startMs: Float64Array.from(startMs), price: Float64Array.from(price) };
};

describe('estimateShape', () => {
  it('recovers the bucket spreads, the season and the hours, additively', () => {
    const shape = estimateShape({
      definition: POWER,
      calendar: US_EASTERN,
      hours: history('2024-01-01', '2025-12-31'),
    });
    expect(shape).not.toBeNull();
    const [peak, weekendPeak, night] = shape!.seasonal as Float64Array[];
    // 5x16 stands ~12 above the weekend peak hours in every month (the ramp falls in both).
    expect((peak![3] as number) - (weekendPeak![3] as number)).toBeCloseTo(12, 0);
    // July is 20 above the year, in every bucket, and the bucket spread stays.
    expect((peak![6] as number) - (peak![3] as number)).toBeCloseTo(20, 0);
    expect((night![6] as number) - (night![3] as number)).toBeCloseTo(20, 0);
    // Evening hours stand above the rest of their bucket that day; the shape sums to zero per bucket-day.
    const weekday = shape!.hourly[3]![0]!;
    expect((weekday[18] as number) - (weekday[10] as number)).toBeCloseTo(6, 6);
    expect(shape!.days).toBe(731);
    expect(shape!.fromDay).toBe('2024-01-01');
    expect(shape!.toDay).toBe('2025-12-31');
  });

  it('gives no shape from less than four weeks of history', () => {
    expect(
      estimateShape({
        definition: POWER,
        calendar: US_EASTERN,
        hours: history('2025-06-01', '2025-06-20'),
      }),
    ).toBeNull();
    expect(
      estimateShape({
        definition: POWER,
        calendar: US_EASTERN,
        hours: { startMs: new Float64Array(), price: new Float64Array() },
      }),
    ).toBeNull();
  });
});
