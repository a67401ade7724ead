import {
  isMarketRunId,
  type MarketDefinition,
  type MarketRunId,
} from '../../domain/markets/market.js';
import {
  AGGREGATIONS,
  RESAMPLE_FREQUENCIES,
  type Aggregation,
  type ResampleFrequency,
} from '../../domain/prices/price-query.js';
import type { TimeRange } from '../../domain/time/interval.js';
import { parseInstant } from '../../domain/time/parse-instant.js';
import { isValidTimeZone } from '../../domain/time/zoned.js';
import { invalidRequest, type FieldProblem } from '../../platform/errors.js';

/*
 * Reading the parameters of a price query. Each parser records what is wrong with its parameter (named, with the
 * fix) and returns null, so one response lists every problem at once; throwIf raises them together.
 */

/** A comma-separated list, trimmed, without blanks or repeats. */
export const splitList = (text: string | undefined): string[] =>
  text === undefined
    ? []
    : [
        ...new Set(
          text
            .split(',')
            .map((s) => s.trim())
            .filter((s) => s !== ''),
        ),
      ];

export const throwIf = (problems: FieldProblem[]): void => {
  if (problems.length > 0) {
    throw invalidRequest(problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);
  }
};

export const parseResample = (
  value: string | undefined,
  problems: FieldProblem[],
): ResampleFrequency | null => {
  if (value === undefined || value === '') {
    return null;
  }
  if ((RESAMPLE_FREQUENCIES as readonly string[]).includes(value)) {
    return value as ResampleFrequency;
  }
  problems.push({
    field: 'resample',
    message: `"${value}" is not a bucket size; use one of ${RESAMPLE_FREQUENCIES.join(', ')}`,
  });
  return null;
};

export const parseAggregation = (
  value: string | undefined,
  resample: ResampleFrequency | null,
  problems: FieldProblem[],
): Aggregation | null => {
  if (value === undefined || value === '') {
    return resample === null ? null : 'avg';
  }
  if (!(AGGREGATIONS as readonly string[]).includes(value)) {
    problems.push({
      field: 'agg',
      message: `"${value}" is not an aggregation; use one of ${AGGREGATIONS.join(', ')}`,
    });
    return null;
  }
  if (resample === null) {
    problems.push({
      field: 'agg',
      message: 'an aggregation needs resample (e.g. resample=1h&agg=max)',
    });
  }
  return value as Aggregation;
};

export const parseRuns = (
  value: string | undefined,
  markets: readonly MarketDefinition[],
  problems: FieldProblem[],
): MarketRunId[] => {
  const offered = [...new Set(markets.flatMap((m) => m.runs.map((r) => r.id)))];
  const asked = splitList(value);
  if (asked.length === 0) {
    return offered;
  }
  const runs: MarketRunId[] = [];
  for (const run of asked) {
    if (!isMarketRunId(run) || !offered.includes(run)) {
      problems.push({
        field: 'runs',
        message: `"${run}" is not published for ${markets.map((m) => m.id).join(', ')}; available: ${offered.join(', ')}`,
      });
    } else {
      runs.push(run);
    }
  }
  return runs;
};

/** The zone date-only times and local-calendar buckets are read in; null when markets disagree and none was given. */
export const zoneFor = (
  value: string | undefined,
  markets: readonly MarketDefinition[],
  problems: FieldProblem[],
): string | null => {
  if (value === undefined || value === '' || value === 'market') {
    const zones = [...new Set(markets.map((m) => m.timezone))];
    return zones.length === 1 ? (zones[0] as string) : null;
  }
  if (value.toUpperCase() === 'UTC') {
    return 'UTC';
  }
  if (!isValidTimeZone(value)) {
    problems.push({
      field: 'tz',
      message: `"${value}" is not a time zone; use market, UTC or an IANA name such as America/Chicago`,
    });
    return null;
  }
  return value;
};

export const mixedZoneMessage = (markets: readonly MarketDefinition[]): string =>
  `the instruments belong to markets in different time zones (${markets.map((m) => `${m.id}: ${m.timezone}`).join(', ')}); ` +
  'give tz=UTC or an IANA zone';

export const parseRange = (
  start: string,
  end: string,
  zone: string | null,
  problems: FieldProblem[],
): TimeRange | null => {
  const read = (field: 'start' | 'end', text: string): number | null => {
    if (text === undefined || text.trim() === '') {
      problems.push({
        field,
        message: `${field} is required: a bounded time range keeps responses fast (e.g. ${field}=2026-01-15)`,
      });
      return null;
    }
    try {
      const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(text.trim());
      if (dateOnly && zone === null) {
        problems.push({
          field,
          message: 'a date without a time needs tz (the instruments span several time zones)',
        });
        return null;
      }
      return parseInstant(text, zone ?? 'UTC');
    } catch (error) {
      problems.push({ field, message: error instanceof Error ? error.message : String(error) });
      return null;
    }
  };
  const fromMs = read('start', start);
  const toMs = read('end', end);
  if (fromMs === null || toMs === null) {
    return null;
  }
  if (toMs <= fromMs) {
    problems.push({
      field: 'end',
      message: `end (${new Date(toMs).toISOString()}) must be after start (${new Date(fromMs).toISOString()})`,
    });
    return null;
  }
  return { fromMs, toMs };
};
