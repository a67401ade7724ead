import type { PeakCalendar } from '../calendar/peak-buckets.js';
import { quoteName } from './curve-build-error.js';
import type { CurveBucket, CurveWarning } from './curve-model.js';
import { bucketAverage } from './curve-series.js';
import type { BucketHours } from './day-grid.js';
import type { PlacedQuote } from './placed-quotes.js';

/**
 * Where base and peak are both quoted for the same delivery, the off-peak price they imply:
 * (base·H_base − peak·H_peak) / H_offpeak, with the hours of each bucket in that delivery (DST and holidays
 * included). Reported so a desk can check it against its own off-peak marks; the curve reproduces it exactly.
 */
export const derivedOffPeak = (
  placed: readonly PlacedQuote[],
  hours: BucketHours,
  calendar: PeakCalendar,
  values: readonly Float64Array[],
  elementary: readonly CurveBucket[],
): CurveWarning[] => {
  const us = calendar.kind === 'us';
  const baseBucket: CurveBucket = us ? '7x24' : 'base';
  const peakBucket: CurveBucket = us ? '5x16' : 'peak';
  const offBucket: CurveBucket = us ? 'wrap' : 'offpeak';
  const warnings: CurveWarning[] = [];
  for (const base of placed.filter((p) => p.quote.bucket === baseBucket)) {
    const peak = placed.find(
      (p) => p.quote.bucket === peakBucket && p.first === base.first && p.end === base.end,
    );
    const offQuoted = placed.some(
      (p) => p.quote.bucket === offBucket && p.first === base.first && p.end === base.end,
    );
    if (
      peak === undefined ||
      offQuoted ||
      base.target.target.kind !== 'equal' ||
      peak.target.target.kind !== 'equal'
    ) {
      continue;
    }
    const hoursIn = (bucket: CurveBucket): number => {
      const counts = hours.perDay(bucket);
      let total = 0;
      for (let d = base.first; d < base.end; d++) {
        total += counts[d] as number;
      }
      return total;
    };
    const hBase = hoursIn(baseBucket);
    const hPeak = hoursIn(peakBucket);
    const hOff = hBase - hPeak;
    if (hOff <= 0) {
      continue;
    }
    const derived = (base.target.target.value * hBase - peak.target.target.value * hPeak) / hOff;
    const curveOff = bucketAverage(
      hours,
      elementary,
      false,
      offBucket,
      values,
      base.first,
      base.end,
    );
    warnings.push({
      level: 'info',
      code: 'derived-offpeak',
      message: `${base.quote.contract}: ${offBucket} implied by ${baseBucket} ${base.target.target.value} and ${peakBucket} ${peak.target.target.value} over ${hBase}/${hPeak}/${hOff} hours is ${round(derived)}; the curve's ${offBucket} average is ${round(curveOff)}`,
      contracts: [quoteName(base.quote), quoteName(peak.quote)],
    });
  }
  return warnings;
};

const round = (x: number): string => (Math.round(x * 1e4) / 1e4).toString();
