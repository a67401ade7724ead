import { describe, expect, it } from 'vitest';
import { validatePriceBatch } from '../../../domain/prices/price-batch.js';
import {
  seriesObservationAt,
  validateSeriesBatch,
  type SeriesBatch,
  type SeriesObservation,
} from '../../../domain/series/series-batch.js';
import { DAY_MS, HOUR_MS, type TimeRange } from '../../../domain/time/interval.js';
import { localDayBounds, utcMsToLocal } from '../../../domain/time/zoned.js';
import { AppError } from '../../../platform/errors.js';
import type { FeedData } from '../../../ports/market-feed.js';
import { createSimFeed } from './sim-feed.js';

const feed = createSimFeed({ seed: 254 });
const ZONE = 'America/Chicago';

const seriesOf = (data: FeedData): SeriesBatch => {
  if (data.kind !== 'series') {
    throw new Error('expected series');
  }
  return data.series;
};

const rows = async (datasetId: string, window: TimeRange): Promise<SeriesObservation[]> => {
  const batch = seriesOf(await feed.fetch(datasetId, window));
  expect(validateSeriesBatch(batch)).toEqual([]);
  return Array.from({ length: batch.length }, (_, i) => seriesObservationAt(batch, i));
};

const byVariable = (list: readonly SeriesObservation[], variable: string): SeriesObservation[] =>
  list.filter((r) => r.variable === variable);

describe('SIM feed', () => {
  it('describes a clearly synthetic market and its instruments', async () => {
    expect(feed.id).toBe('sim');
    expect(feed.market).toMatchObject({
      id: 'SIM',
      name: 'Simulated market (synthetic data)',
      timezone: ZONE,
      currency: 'USD',
      synthetic: true,
    });
    expect(feed.market.runs.map((r) => [r.id, r.intervalMinutes])).toEqual([
      ['DA', 60],
      ['RT5', 5],
    ]);
    const instruments = await feed.instruments();
    expect(new Set(instruments.map((i) => i.id)).size).toBe(instruments.length);
    expect(instruments.filter((i) => i.kind === 'hub').map((i) => i.id)).toEqual([
      'SIM.HUB_NORTH',
      'SIM.HUB_SOUTH',
      'SIM.HUB_WEST',
    ]);
    expect(instruments.filter((i) => i.kind === 'node' && i.product === 'lmp')).toHaveLength(8);
    expect(instruments.find((i) => i.id === 'SIM.SYSTEM_LOAD')).toMatchObject({
      kind: 'system',
      product: 'load',
    });
    expect(instruments.find((i) => i.id === 'SIM.SYSTEM_GEN')).toMatchObject({
      kind: 'system',
      product: 'gen_mix',
    });
    for (const i of instruments) {
      expect(i.market).toBe('SIM');
      expect(i.name.length).toBeGreaterThan(3);
      expect(i.aliases).toEqual([
        { source: 'sim', code: i.code, validFromMs: null, validToMs: null },
      ]);
    }
    expect(feed.datasets.map((d) => [d.id, d.kind, d.run, d.schedule?.cron])).toEqual([
      ['prices.da', 'prices', 'DA', '0 30 12 * * *'],
      ['prices.rt5', 'prices', 'RT5', '10 */5 * * * *'],
      ['load', 'series', undefined, '10 */5 * * * *'],
      ['genmix', 'series', undefined, '20 0 * * * *'],
    ]);
    expect(feed.datasets.every((d) => d.schedule?.timezone === ZONE)).toBe(true);
  });

  it('publishes DA for tomorrow after 12:30 local and real-time data up to the last finished interval', () => {
    const at = (iso: string): number => Date.parse(iso);
    // 12:29 CDT: today only; 12:30 CDT: through tomorrow.
    expect(feed.publishedUntil('prices.da', at('2025-06-10T17:29:59Z'))).toBe(
      at('2025-06-11T05:00:00Z'),
    );
    expect(feed.publishedUntil('prices.da', at('2025-06-10T17:30:00Z'))).toBe(
      at('2025-06-12T05:00:00Z'),
    );
    // The day before spring-forward: tomorrow is a 23-hour day ending at 05:00Z (CDT).
    expect(feed.publishedUntil('prices.da', at('2024-03-09T19:00:00Z'))).toBe(
      at('2024-03-11T05:00:00Z'),
    );
    expect(feed.publishedUntil('prices.rt5', at('2025-06-10T17:33:20Z'))).toBe(
      at('2025-06-10T17:30:00Z'),
    );
    expect(feed.publishedUntil('load', at('2025-06-10T17:35:00Z'))).toBe(
      at('2025-06-10T17:35:00Z'),
    );
    expect(feed.publishedUntil('genmix', at('2025-06-10T17:33:20Z'))).toBe(
      at('2025-06-10T17:00:00Z'),
    );
  });

  it('rejects unknown datasets and bad seeds with invalid_request', async () => {
    const attempt = feed.fetch('prices.rt15', { fromMs: 0, toMs: HOUR_MS });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({
      code: 'invalid_request',
      message: expect.stringContaining('prices.da, prices.rt5, load, genmix') as unknown,
    });
    expect(() => feed.publishedUntil('nope', 0)).toThrow(/known datasets/);
    expect(() => createSimFeed({ seed: -1 })).toThrow(AppError);
    expect(() => createSimFeed({ seed: 1.5 })).toThrow(AppError);
  });

  it('fetches price batches that pass validation', async () => {
    const window = { fromMs: Date.UTC(2025, 5, 10), toMs: Date.UTC(2025, 5, 11) };
    for (const id of ['prices.da', 'prices.rt5']) {
      const data = await feed.fetch(id, window);
      expect(data.kind).toBe('prices');
      if (data.kind === 'prices') {
        expect(validatePriceBatch(data.prices)).toEqual([]);
        expect(data.prices.length).toBe((id === 'prices.da' ? 24 : 288) * 11);
      }
    }
  });

  it('serves 5-minute actual load and next-day forecasts issued at 06:00 local', async () => {
    const day = localDayBounds(ZONE, '2025-06-10');
    const list = await rows('load', { fromMs: day.startMs, toMs: day.endMs });
    const actual = byVariable(list, 'load.actual');
    const forecast = byVariable(list, 'load.forecast');
    expect(actual).toHaveLength(288);
    expect(actual.every((r) => r.intervalMinutes === 5 && r.issuedAtMs === null)).toBe(true);
    const issuedAt = Date.parse('2025-06-10T11:00:00Z'); // 06:00 CDT
    const tomorrow = localDayBounds(ZONE, '2025-06-11');
    expect(forecast).toHaveLength(24);
    expect(forecast.every((r) => r.issuedAtMs === issuedAt && r.intervalMinutes === 60)).toBe(true);
    expect(forecast[0]!.intervalStartMs).toBe(tomorrow.startMs);
    expect(forecast.at(-1)!.intervalStartMs).toBe(tomorrow.endMs - HOUR_MS);
    // The vintage for the 25-hour fall-back day has 25 hours.
    const fallBack = await rows('load', {
      fromMs: Date.parse('2024-11-02T11:00:00Z'),
      toMs: Date.parse('2024-11-02T11:05:00Z'),
    });
    expect(byVariable(fallBack, 'load.forecast')).toHaveLength(25);
  });

  it('gives the same series rows whether a window is fetched whole or in pieces', async () => {
    const from = Date.parse('2025-06-09T22:03:00Z');
    const cuts = [from, Date.parse('2025-06-10T11:00:00Z'), from + 30 * HOUR_MS, from + 2 * DAY_MS];
    for (const id of ['load', 'genmix']) {
      const whole = await rows(id, { fromMs: cuts[0]!, toMs: cuts[3]! });
      const parts: SeriesObservation[] = [];
      for (let i = 0; i < 3; i++) {
        parts.push(...(await rows(id, { fromMs: cuts[i]!, toMs: cuts[i + 1]! })));
      }
      const key = (r: SeriesObservation): string =>
        `${r.variable}|${r.intervalStartMs}|${r.issuedAtMs}`;
      const sorted = (list: SeriesObservation[]): SeriesObservation[] =>
        [...list].sort((a, b) => (key(a) < key(b) ? -1 : 1));
      expect(parts.length).toBe(whole.length);
      expect(sorted(parts)).toEqual(sorted(whole));
    }
  });

  it('keeps load, forecasts and generation mix plausible and consistent', async () => {
    for (const start of [
      Date.UTC(2025, 0, 6, 6),
      Date.UTC(2025, 3, 7, 5),
      Date.UTC(2025, 6, 7, 5),
    ]) {
      const window = { fromMs: start, toMs: start + 14 * DAY_MS };
      const load = await rows('load', window);
      const mix = await rows('genmix', window);
      const actual = byVariable(load, 'load.actual').map((r) => r.valueMw);
      expect(actual).toHaveLength(14 * 288);
      expect(Math.min(...actual)).toBeGreaterThan(20_000);
      expect(Math.max(...actual)).toBeLessThan(60_000);
      const hourlyActual = new Map<number, number>();
      for (const r of byVariable(load, 'load.actual')) {
        const hour = Math.floor(r.intervalStartMs / HOUR_MS) * HOUR_MS;
        hourlyActual.set(hour, (hourlyActual.get(hour) ?? 0) + r.valueMw / 12);
      }
      const fuelsByHour = new Map<number, number>();
      for (const r of mix) {
        expect(r.valueMw).toBeGreaterThanOrEqual(0);
        fuelsByHour.set(r.intervalStartMs, (fuelsByHour.get(r.intervalStartMs) ?? 0) + r.valueMw);
      }
      expect(new Set(mix.map((r) => r.variable))).toEqual(
        new Set(['gen.solar', 'gen.wind', 'gen.hydro', 'gen.nuclear', 'gen.coal', 'gen.gas']),
      );
      expect(fuelsByHour.size).toBe(14 * 24);
      for (const [hour, total] of fuelsByHour) {
        const loadMw = hourlyActual.get(hour)!;
        expect(Math.abs(total / loadMw - 1)).toBeLessThan(0.15);
      }
      for (const r of byVariable(mix, 'gen.solar')) {
        if (utcMsToLocal(ZONE, r.intervalStartMs).hour === 0) {
          expect(r.valueMw).toBe(0);
        }
      }
      expect(Math.max(...byVariable(mix, 'gen.solar').map((r) => r.valueMw))).toBeGreaterThan(
        2_000,
      );
      // Forecasts issued in the window track the actual hourly load within a few percent.
      const errors = byVariable(load, 'load.forecast')
        .filter((r) => hourlyActual.has(r.intervalStartMs))
        .map((r) => Math.abs(r.valueMw / hourlyActual.get(r.intervalStartMs)! - 1));
      expect(errors.length).toBeGreaterThan(12 * 24);
      expect(errors.reduce((a, x) => a + x, 0) / errors.length).toBeLessThan(0.05);
    }
  });
});
