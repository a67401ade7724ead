import type { MarketRun, PriceRow } from '@254carbon/contracts';
import type { ChartSeriesData, ChartSeriesStyle } from '../../charts/TimeSeriesChart';

/** Distinct on a dark background; an instrument keeps its colour across runs. */
export const INSTRUMENT_COLORS = [
  '#38bdf8',
  '#fbbf24',
  '#4ade80',
  '#f472b6',
  '#a78bfa',
  '#fb923c',
  '#2dd4bf',
  '#f87171',
] as const;

export const MAX_INSTRUMENTS = INSTRUMENT_COLORS.length;

export const instrumentColor = (index: number): string =>
  INSTRUMENT_COLORS[index % INSTRUMENT_COLORS.length] ?? INSTRUMENT_COLORS[0];

export const seriesKey = (instrument: string, run: string): string => `${instrument} ${run}`;

/**
 * One series per instrument × run. Runs with hourly or longer intervals (day-ahead) are steps, since a price
 * holds for its whole interval; faster runs are lines.
 */
export const priceSeriesStyles = (
  instruments: readonly string[],
  runs: readonly MarketRun[],
): ChartSeriesStyle[] =>
  instruments.flatMap((instrument, index) =>
    runs.map((run): ChartSeriesStyle => {
      const step = run.intervalMinutes >= 60;
      return {
        key: seriesKey(instrument, run.id),
        label: seriesKey(instrument, run.id),
        // Real-time prices are drawn fainter and thinner, so the day-ahead steps read on top of them.
        color: step ? instrumentColor(index) : `${instrumentColor(index)}b3`,
        shape: step ? 'step' : 'line',
        width: step ? 2 : 1,
      };
    }),
  );

/** Splits price rows into the chart's series (in the styles' order), LMP against interval start in seconds. */
export const priceSeriesData = (
  rows: readonly PriceRow[],
  styles: readonly ChartSeriesStyle[],
): ChartSeriesData[] => {
  const byKey = new Map<string, { xs: number[]; ys: number[]; spans: number[] }>(
    styles.map((s) => [s.key, { xs: [], ys: [], spans: [] }]),
  );
  for (const row of rows) {
    const series = byKey.get(seriesKey(row.instrument, row.run));
    if (series) {
      series.xs.push(Date.parse(row.intervalStart) / 1000);
      series.ys.push(row.lmp);
      series.spans.push(row.intervalMinutes * 60);
    }
  }
  for (const series of byKey.values()) {
    sortByX(series);
  }
  return styles.map((s) => byKey.get(s.key) ?? { xs: [], ys: [], spans: [] });
};

const sortByX = (series: { xs: number[]; ys: number[]; spans: number[] }): void => {
  const sorted = series.xs.every((x, i) => i === 0 || x > (series.xs[i - 1] ?? -Infinity));
  if (sorted) {
    return;
  }
  const order = series.xs
    .map((_, i) => i)
    .sort((a, b) => (series.xs[a] ?? 0) - (series.xs[b] ?? 0));
  const pick = <T>(values: T[]): T[] => order.map((i) => values[i] as T);
  series.xs = pick(series.xs);
  series.ys = pick(series.ys);
  series.spans = pick(series.spans);
};
