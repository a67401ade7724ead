/** One series as parallel arrays: x in epoch seconds (ascending), y values. */
export interface XYSeries {
  readonly xs: readonly number[];
  readonly ys: readonly (number | null)[];
}

export interface AlignedSeries {
  /** Sorted union of every series' x values, without duplicates. */
  readonly xs: number[];
  /** One array per input series, as long as `xs`; null where that series has no value at that x. */
  readonly ys: (number | null)[][];
}

/**
 * Puts series sampled at different times (hourly day-ahead, 5-minute real time …) onto one shared x axis, as
 * uPlot needs. A series' value at an x it does not have is null.
 */
export const alignSeries = (series: readonly XYSeries[]): AlignedSeries => {
  const union = new Set<number>();
  for (const s of series) {
    for (const x of s.xs) {
      union.add(x);
    }
  }
  const xs = [...union].sort((a, b) => a - b);
  const indexOf = new Map<number, number>();
  xs.forEach((x, i) => indexOf.set(x, i));
  const ys = series.map((s) => {
    const aligned = new Array<number | null>(xs.length).fill(null);
    s.xs.forEach((x, i) => {
      const at = indexOf.get(x);
      const y = s.ys[i];
      if (at !== undefined && y !== undefined) {
        aligned[at] = y;
      }
    });
    return aligned;
  });
  return { xs, ys };
};

/** Non-null values in aligned series: the number of points a chart actually plots. */
export const countPoints = (ys: readonly (readonly (number | null | undefined)[])[]): number =>
  ys.reduce((sum, column) => sum + column.filter((y) => y !== null && y !== undefined).length, 0);
