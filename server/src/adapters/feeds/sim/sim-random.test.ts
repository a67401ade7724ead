import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS } from '../../../domain/time/interval.js';
import { utcMsToLocal } from '../../../domain/time/zoned.js';
import { dayCalendar } from './sim-calendar.js';
import { arPath, inverseNormal, normalAt, streamKey, uniformAt, valueNoise } from './sim-random.js';

describe('SIM counter-based randomness', () => {
  it('draws standard normals and uniforms from hashes', () => {
    const key = streamKey(254, 'test');
    const n = 200_000;
    let sum = 0;
    let squares = 0;
    let below = 0;
    for (let i = 0; i < n; i++) {
      const z = normalAt(key, i);
      sum += z;
      squares += z * z;
      if (uniformAt(key ^ 1, i) < 0.25) {
        below++;
      }
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.01);
    expect(Math.abs(squares / n - 1)).toBeLessThan(0.02);
    expect(Math.abs(below / n - 0.25)).toBeLessThan(0.005);
    expect(inverseNormal(0.975)).toBeCloseTo(1.959964, 5);
    expect(inverseNormal(0.001)).toBeCloseTo(-3.090232, 5);
    expect(inverseNormal(0.5)).toBe(0);
    expect(streamKey(254, 'a')).not.toBe(streamKey(255, 'a'));
    expect(streamKey(254, 'a')).not.toBe(streamKey(254, 'b'));
  });

  it('makes AR(1) paths that forget their warm-up start and value noise that is continuous', () => {
    const key = streamKey(1, 'ar');
    const long = arPath(key, 1000, 600, 0.95, 2);
    const late = arPath(key, 1300, 300, 0.95, 2);
    for (let j = 0; j < 300; j++) {
      expect(Math.abs(late[j]! - long[300 + j]!)).toBeLessThan(1e-3);
    }
    expect(
      Math.abs(valueNoise(key, DAY_MS - 1, DAY_MS) - valueNoise(key, DAY_MS, DAY_MS)),
    ).toBeLessThan(1e-6);
  });

  it('derives local hours and weekends that match zoned.ts hour by hour, across DST changes', () => {
    const zone = 'America/Chicago';
    const first = Math.floor(Date.UTC(2023, 11, 25) / DAY_MS);
    for (let day = first; day < first + 400; day++) {
      const calendar = dayCalendar(zone, day);
      for (let h = 0; h < 24; h++) {
        const local = utcMsToLocal(zone, day * DAY_MS + h * HOUR_MS);
        expect(calendar.localHour[h]).toBe(local.hour);
        expect(calendar.weekend[h]).toBe(local.weekday >= 6 ? 1 : 0);
      }
    }
  });
});
