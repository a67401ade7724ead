import { useEffect, useMemo, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { alignSeries, countPoints } from './align-series';
import { intervalGaps, valueInForce } from './intervals';

/** How a series is drawn; stays the same while its data refreshes. */
export interface ChartSeriesStyle {
  readonly key: string;
  readonly label: string;
  readonly color: string;
  /** `step`: the value holds for its whole interval (day-ahead hours); `line`: joins interval starts. */
  readonly shape: 'step' | 'line';
  readonly width?: number;
  readonly dash?: readonly number[];
}

/** Points of one series: interval starts in epoch seconds, values, and interval lengths in seconds. */
export interface ChartSeriesData {
  readonly xs: readonly number[];
  readonly ys: readonly (number | null)[];
  readonly spans: readonly number[];
}

interface TimeSeriesChartProps {
  /** One entry per series; memoise it, since a new array rebuilds the chart. */
  readonly series: readonly ChartSeriesStyle[];
  /** Same order and length as `series`. */
  readonly data: readonly ChartSeriesData[];
  /** IANA zone (or UTC) in which the time axis and legend read. */
  readonly timeZone: string;
  readonly yLabel: string;
  readonly height?: number;
  readonly ariaLabel: string;
  readonly testId?: string;
}

interface Prepared {
  readonly aligned: uPlot.AlignedData;
  readonly spans: readonly (number | null)[][];
  readonly plottedSeries: number;
  readonly points: number;
}

const AXIS_COLOR = '#9aa7b8';
const GRID_COLOR = 'rgba(148, 163, 184, 0.12)';
const AXIS_FONT = '11px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

// uPlot's default stamps, with a 24-hour clock: tick increment, default, then year/month/day/hour/min/sec changes.
const TIME_AXIS_VALUES: uPlot.Axis.TimeValuesConfig = [
  [3600 * 24 * 365, '{YYYY}', null, null, null, null, null, null, 1],
  [3600 * 24 * 28, '{MMM}', '\n{YYYY}', null, null, null, null, null, 1],
  [3600 * 24, '{MMM} {D}', '\n{YYYY}', null, null, null, null, null, 1],
  [3600, '{HH}:{mm}', '\n{MMM} {D} {YYYY}', null, '\n{MMM} {D}', null, null, null, 1],
  [60, '{HH}:{mm}', '\n{MMM} {D} {YYYY}', null, '\n{MMM} {D}', null, null, null, 1],
  [
    1,
    ':{ss}',
    '\n{MMM} {D} {HH}:{mm}',
    null,
    '\n{MMM} {D} {HH}:{mm}',
    null,
    '\n{HH}:{mm}',
    null,
    1,
  ],
];

const legendStamp = uPlot.fmtDate('{YYYY}-{MM}-{DD} {HH}:{mm}');

/**
 * A step-aware line chart ends where its last interval ends, so a day-ahead hour is drawn for its whole hour.
 */
const withClosingPoint = (series: ChartSeriesStyle, data: ChartSeriesData): ChartSeriesData => {
  const last = data.xs.length - 1;
  if (series.shape !== 'step' || last < 0) {
    return data;
  }
  return {
    xs: [...data.xs, (data.xs[last] ?? 0) + (data.spans[last] ?? 0)],
    ys: [...data.ys, data.ys[last] ?? null],
    spans: [...data.spans, 0],
  };
};

const prepare = (
  series: readonly ChartSeriesStyle[],
  data: readonly ChartSeriesData[],
): Prepared => {
  const closed = series.map((s, i) =>
    withClosingPoint(s, data[i] ?? { xs: [], ys: [], spans: [] }),
  );
  const aligned = alignSeries([
    ...closed.map((d) => ({ xs: d.xs, ys: d.ys })),
    ...closed.map((d) => ({ xs: d.xs, ys: d.spans })),
  ]);
  const values = aligned.ys.slice(0, series.length);
  return {
    aligned: [aligned.xs, ...values],
    spans: aligned.ys.slice(series.length),
    plottedSeries: data.filter((d) => d.ys.some((y) => y !== null)).length,
    // Closing points repeat a value; count only the intervals received.
    points: countPoints(data.map((d) => d.ys)),
  };
};

/**
 * A zoomed-in x range to restore after new data arrives, so a live refresh does not throw away the user's zoom.
 * Kept only when the new data starts where the old did (the same query, refreshed); a new range starts unzoomed.
 */
const keptZoom = (plot: uPlot, next: uPlot.AlignedData): { min: number; max: number } | null => {
  const before = plot.data[0];
  const { min, max } = plot.scales.x ?? {};
  if (before.length === 0 || min == null || max == null || before[0] !== next[0][0]) {
    return null;
  }
  const isZoomed = min > (before[0] ?? min) || max < (before[before.length - 1] ?? max);
  return isZoomed ? { min, max } : null;
};

/** Exposes what is plotted, for tests and for anyone inspecting the page. */
const describe = (container: HTMLElement, prepared: Prepared, timeZone: string): void => {
  container.dataset.seriesCount = String(prepared.plottedSeries);
  container.dataset.pointCount = String(prepared.points);
  container.dataset.timeZone = timeZone;
};

/**
 * A time-series chart over uPlot: series on one shared time axis, day-ahead prices as steps, real gaps left
 * blank, axis and legend in the chosen time zone. Resizes with its container.
 */
export const TimeSeriesChart = ({
  series,
  data,
  timeZone,
  yLabel,
  height = 360,
  ariaLabel,
  testId,
}: TimeSeriesChartProps) => {
  const containerRef = useRef<HTMLElement>(null);
  const plotRef = useRef<uPlot | null>(null);
  const prepared = useMemo(() => prepare(series, data), [series, data]);
  const preparedRef = useRef(prepared);

  // Declared before the chart effect: when both run, the chart is then built with the fresh data.
  useEffect(() => {
    preparedRef.current = prepared;
    const plot = plotRef.current;
    const container = containerRef.current;
    if (plot && container) {
      const zoom = keptZoom(plot, prepared.aligned);
      plot.setData(prepared.aligned);
      if (zoom) {
        plot.setScale('x', zoom);
      }
      describe(container, prepared, timeZone);
    }
  }, [prepared, timeZone]);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) {
      return undefined;
    }
    const tzDate = (ts: number) => uPlot.tzDate(new Date(ts * 1000), timeZone);
    const opts: uPlot.Options = {
      width: Math.max(container.clientWidth, 200),
      height,
      tzDate,
      pxAlign: false,
      cursor: { drag: { x: true, y: false, setScale: true }, points: { size: 6 } },
      legend: { live: true },
      scales: { x: { time: true } },
      series: [
        {
          label: 'Time',
          value: (_u, ts: number | null) => (ts == null ? '—' : legendStamp(tzDate(ts))),
        },
        ...series.map((s, index): uPlot.Series => ({
          label: s.label,
          stroke: s.color,
          width: s.width ?? 1.25,
          dash: s.dash ? [...s.dash] : undefined,
          paths: s.shape === 'step' ? uPlot.paths.stepped?.({ align: 1 }) : undefined,
          points: { show: false },
          spanGaps: false,
          // Nulls from alignment are not gaps; only stretches the series really misses are.
          gaps: (u, seriesIdx, idx0, idx1) => {
            const xs = u.data[0] as readonly number[];
            const ys = u.data[seriesIdx] as readonly (number | null)[];
            const spans = preparedRef.current.spans[index] ?? [];
            return intervalGaps(xs, ys, spans, s.shape === 'step', idx0, idx1).map(
              ([from, to]): [number, number] => [
                u.valToPos(from, 'x', true),
                u.valToPos(to, 'x', true),
              ],
            );
          },
          // The legend shows the price in force under the cursor, also between a series' own points.
          value: (u, v: number | null, seriesIdx, idx) => {
            const y =
              v ??
              (idx === null
                ? null
                : valueInForce(
                    u.data[0] as readonly number[],
                    u.data[seriesIdx] as readonly (number | null)[],
                    preparedRef.current.spans[index] ?? [],
                    idx,
                  ));
            return y === null ? '—' : y.toFixed(2);
          },
        })),
      ],
      axes: [
        {
          stroke: AXIS_COLOR,
          font: AXIS_FONT,
          values: TIME_AXIS_VALUES,
          grid: { stroke: GRID_COLOR, width: 1 },
          ticks: { stroke: GRID_COLOR, width: 1 },
        },
        {
          stroke: AXIS_COLOR,
          font: AXIS_FONT,
          labelFont: AXIS_FONT,
          label: yLabel,
          labelSize: 20,
          size: 56,
          grid: { stroke: GRID_COLOR, width: 1 },
          ticks: { stroke: GRID_COLOR, width: 1 },
        },
      ],
    };
    const plot = new uPlot(opts, preparedRef.current.aligned, container);
    plotRef.current = plot;
    describe(container, preparedRef.current, timeZone);

    const observer = new ResizeObserver(() => {
      const width = Math.max(container.clientWidth, 200);
      if (width !== plot.width) {
        plot.setSize({ width, height });
      }
    });
    observer.observe(container);
    return () => {
      observer.disconnect();
      plot.destroy();
      plotRef.current = null;
    };
  }, [series, timeZone, yLabel, height]);

  return (
    <figure
      ref={containerRef}
      className="chart"
      aria-label={ariaLabel}
      data-testid={testId}
      style={{ minHeight: height }}
    />
  );
};
