/**
 * Where a series has no data, in x units. Alignment onto a shared x axis leaves nulls between a series' own
 * points (an hourly series has eleven nulls between two hours on a 5-minute axis); those are not gaps. A gap is
 * a stretch after a point's interval ends and before the next point starts, at least half an interval long (so
 * 23- and 25-hour days or uneven months do not read as gaps).
 *
 * @param xs shared x values (seconds), ascending
 * @param ys the series' values on `xs`, null where it has none
 * @param spans each point's interval length in seconds (same indexes as `ys`)
 * @param stepped true when a value holds for its whole interval (the gap starts at the interval end); false
 *   for a line through interval starts (the gap starts at the last point)
 * @returns [from, to] x ranges, ascending
 */
export const intervalGaps = (
  xs: readonly number[],
  ys: readonly (number | null | undefined)[],
  spans: readonly (number | null | undefined)[],
  stepped: boolean,
  idx0 = 0,
  idx1 = xs.length - 1,
): [number, number][] => {
  const gaps: [number, number][] = [];
  let previous = -1;
  for (let i = idx0; i <= idx1; i++) {
    const y = ys[i];
    if (y === null || y === undefined) {
      continue;
    }
    if (previous >= 0) {
      const from = xs[previous] ?? 0;
      const span = spans[previous] ?? 0;
      const end = from + span;
      const to = xs[i] ?? 0;
      if (to > end && to - end >= span / 2) {
        gaps.push([stepped ? end : from, to]);
      }
    }
    previous = i;
  }
  return gaps;
};

/**
 * The series' value in force at `xs[idx]`: its own value there, else the value of its latest earlier point whose
 * interval still covers that time (an hourly price while hovering a 5-minute slot), else null.
 */
export const valueInForce = (
  xs: readonly number[],
  ys: readonly (number | null | undefined)[],
  spans: readonly (number | null | undefined)[],
  idx: number,
): number | null => {
  const at = xs[idx];
  if (at === undefined) {
    return null;
  }
  for (let j = idx; j >= 0; j--) {
    const y = ys[j];
    if (y !== null && y !== undefined) {
      return j === idx || at < (xs[j] ?? 0) + (spans[j] ?? 0) ? y : null;
    }
  }
  return null;
};
