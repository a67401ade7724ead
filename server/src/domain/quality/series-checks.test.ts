import { describe, expect, it } from 'vitest';
import { seriesBatchFrom, type SeriesObservation } from '../series/series-batch.js';
import { LocalDayCalendar } from './local-days.js';
import {
  inspectSeriesBatch,
  selectSeriesRows,
  seriesPresence,
  seriesSpan,
} from './series-checks.js';

const ZONE = 'America/Chicago';
const MIDNIGHT = Date.UTC(2026, 6, 14, 5);
const MINUTE = 60_000;

const load = (minute: number, valueMw: number, extra: Partial<SeriesObservation> = {}) => ({
  instrumentId: 'TEST.SYSTEM',
  variable: 'load.actual' as const,
  intervalStartMs: MIDNIGHT + minute * MINUTE,
  intervalMinutes: 5,
  valueMw,
  ...extra,
});

const inspect = (rows: SeriesObservation[]) => {
  const batch = seriesBatchFrom(rows);
  const result = inspectSeriesBatch(batch, new LocalDayCalendar(ZONE));
  return { ...result, stored: selectSeriesRows(batch, result.keep, result.kept) };
};

describe('inspectSeriesBatch', () => {
  it('drops verbatim repeats, withholds contradictions and unusable values', () => {
    const { problems, stored } = inspect([
      load(0, 41_000),
      load(0, 41_000),
      load(5, 41_100),
      load(5, 39_000),
      load(10, Number.NaN),
      load(15, 41_300),
    ]);
    expect([...stored.valueMw]).toEqual([41_000, 41_300]);
    expect(problems.map((p) => [p.check, p.variable, p.run, p.count])).toEqual([
      ['duplicate.conflict', 'load.actual', null, 1],
      ['duplicate.identical', 'load.actual', null, 1],
      ['value.unusable', 'load.actual', null, 1],
    ]);
    expect(problems[0]?.message).toContain('00:05 CDT: 41100 MW and 39000 MW');
  });

  it('keeps forecasts of the same hour from different issue times apart', () => {
    const forecast = (issuedAtMs: number, valueMw: number): SeriesObservation => ({
      instrumentId: 'TEST.SYSTEM',
      variable: 'load.forecast',
      intervalStartMs: MIDNIGHT,
      intervalMinutes: 60,
      valueMw,
      issuedAtMs,
    });
    const { problems, kept } = inspect([
      forecast(MIDNIGHT - 86_400_000, 40_000),
      forecast(MIDNIGHT - 3_600_000, 40_500),
    ]);
    expect(problems).toEqual([]);
    expect(kept).toBe(2);
  });

  it('flags intervals whose length differs from the rest of their series', () => {
    const rows = [0, 5, 10, 15].map((m) => load(m, 40_000));
    rows.push(load(20, 40_000, { intervalMinutes: 60 }));
    const { problems, kept } = inspect(rows);
    expect(kept).toBe(5);
    expect(problems.map((p) => p.check)).toEqual(['interval.length']);
    expect(problems[0]?.message).toContain(
      '60 minutes long where the rest of the series is 5-minute',
    );
  });

  it('counts actuals, not forecasts, toward completeness', () => {
    const calendar = new LocalDayCalendar(ZONE);
    const batch = seriesBatchFrom([
      load(0, 40_000),
      load(5, 40_100),
      {
        instrumentId: 'TEST.SYSTEM',
        variable: 'load.forecast',
        intervalStartMs: MIDNIGHT,
        intervalMinutes: 60,
        valueMw: 40_000,
        issuedAtMs: MIDNIGHT - 3_600_000,
      },
    ]);
    const days = seriesPresence(batch, calendar).result([]);
    expect(days).toHaveLength(1);
    expect(days[0]?.subject).toEqual({
      instrumentId: 'TEST.SYSTEM',
      run: null,
      variable: 'load.actual',
    });
    expect(days[0]?.slots).toBe(288);
    expect(days[0]?.present.reduce((a, b) => a + b, 0)).toBe(2);
    expect(seriesSpan(batch)).toEqual({ fromMs: MIDNIGHT, toMs: MIDNIGHT + 10 * MINUTE });
  });
});
