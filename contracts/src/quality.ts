import { Type, type Static } from 'typebox';
import { MarketRunId } from './markets.js';
import { PageInfo, PageQuery } from './pagination.js';

const LocalDay = (description: string) =>
  Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', maxLength: 10, description });

const NullableTime = (description: string) =>
  Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description });

export const QualityCheck = Type.Enum(
  [
    'duplicate.identical',
    'duplicate.conflict',
    'price.unusable',
    'price.out_of_range',
    'components.sum',
    'interval.length',
    'interval.alignment',
    'run.unknown',
    'value.unusable',
    'completeness.missing',
  ],
  {
    description:
      'duplicate.identical: an interval published twice with the same values (one copy stored). ' +
      'duplicate.conflict: published twice with different values (none stored). ' +
      'price.unusable: NaN, infinite or absurd price (not stored). ' +
      'price.out_of_range: LMP outside the plausible range, default -1000 to 10000 per MWh (stored, flagged). ' +
      'components.sum: energy + congestion + loss (+ GHG) differs from the LMP by more than 0.01 (stored, flagged). ' +
      'interval.length / interval.alignment: an interval of the wrong length or off the grid (stored, not counted). ' +
      'run.unknown: a market run the market does not publish. value.unusable: unusable MW value (not stored). ' +
      'completeness.missing: a fully fetched local day lacks intervals (276/288/300 five-minute intervals on ' +
      '23/24/25-hour days).',
  },
);
export type QualityCheck = Static<typeof QualityCheck>;

export const QualitySeverity = Type.Enum(['error', 'warning'], {
  description: 'error: the data is wrong or missing; warning: harmless but worth knowing.',
});
export type QualitySeverity = Static<typeof QualitySeverity>;

export const ProblemStatus = Type.Enum(['open', 'resolved', 'all'], {
  description: 'open (default): still standing; resolved: a later ingest no longer found it.',
});
export type ProblemStatus = Static<typeof ProblemStatus>;

/** One data-quality problem, aggregated per check, instrument, run (or variable) and market-local day. */
export const QualityProblem = Type.Object({
  id: Type.String(),
  market: Type.String(),
  feed: Type.String(),
  dataset: Type.String(),
  source: Type.String({ description: 'File name or URL of the data it was found in.' }),
  check: QualityCheck,
  severity: QualitySeverity,
  disposition: Type.Enum(['stored', 'removed', 'withheld', 'absent'], {
    description:
      'What happened to the rows: stored as published (flagged), removed as a verbatim repeat, withheld ' +
      '(not stored), or absent (never published).',
  }),
  instrument: Type.String(),
  run: Type.Union([MarketRunId, Type.Null()], { description: 'Market run, for prices.' }),
  variable: Type.Union([Type.String(), Type.Null()], {
    description: 'Fundamentals variable (load.actual, gen.wind …).',
  }),
  localDay: Type.String({ format: 'date', description: 'Market-local day of the intervals.' }),
  intervalStart: NullableTime('UTC start of the first affected interval.'),
  count: Type.Integer({ description: 'Intervals affected that day.' }),
  message: Type.String({ description: 'What is wrong, with local times and an example.' }),
  firstDetectedAt: Type.String({ format: 'date-time' }),
  detectedAt: Type.String({ format: 'date-time' }),
  resolvedAt: NullableTime('When a later ingest no longer found it.'),
});
export type QualityProblem = Static<typeof QualityProblem>;

const QualitySelection = {
  market: Type.Optional(Type.String({ maxLength: 32, description: 'Market code, e.g. MISO.' })),
  feed: Type.Optional(Type.String({ maxLength: 64, description: 'Feed id, e.g. miso.' })),
  dataset: Type.Optional(
    Type.String({ maxLength: 64, description: 'Dataset id, e.g. prices.rt5.' }),
  ),
};

export const QualityProblemQuery = Type.Object({
  ...QualitySelection,
  check: Type.Optional(QualityCheck),
  severity: Type.Optional(QualitySeverity),
  instrument: Type.Optional(Type.String({ maxLength: 200 })),
  from: Type.Optional(LocalDay('First market-local day (inclusive).')),
  to: Type.Optional(LocalDay('Last market-local day (inclusive).')),
  status: Type.Optional(ProblemStatus),
  ...PageQuery,
});
export type QualityProblemQuery = Static<typeof QualityProblemQuery>;

export const QualityProblemPage = Type.Object({ data: Type.Array(QualityProblem), page: PageInfo });
export type QualityProblemPage = Static<typeof QualityProblemPage>;

export const QualitySummaryQuery = Type.Object({
  ...QualitySelection,
  from: Type.Optional(LocalDay('First market-local day (inclusive); default a week before `to`.')),
  to: Type.Optional(
    LocalDay('Last market-local day (inclusive); default tomorrow. At most 366 days.'),
  ),
});
export type QualitySummaryQuery = Static<typeof QualitySummaryQuery>;

/** How current a feed dataset is. */
export const DatasetFreshness = Type.Object({
  market: Type.String(),
  feed: Type.String(),
  dataset: Type.String(),
  kind: Type.Enum(['prices', 'series']),
  run: Type.Union([MarketRunId, Type.Null()]),
  description: Type.String(),
  status: Type.Enum(['fresh', 'stale', 'no_data'], {
    description:
      'stale: something the source had published more than graceMinutes ago is not stored ' +
      '(10 minutes for real-time and fundamentals, 60 for day-ahead).',
  }),
  newestIntervalEnd: NullableTime('End of the newest stored interval.'),
  expectedThrough: Type.String({
    format: 'date-time',
    description: 'What the source had published graceMinutes ago, which should be stored by now.',
  }),
  lagMinutes: Type.Union([Type.Number(), Type.Null()]),
  graceMinutes: Type.Number(),
  lastIngestAt: NullableTime('Last successful ingest.'),
  basis: Type.Enum(['ingest', 'checkpoint', 'none'], {
    description: 'ingest: recorded by the quality gate; checkpoint: data stored before it existed.',
  }),
  message: Type.String(),
});
export type DatasetFreshness = Static<typeof DatasetFreshness>;

/** Completeness of one dataset stream on one market-local day, over the instruments in scope. */
export const DayCompleteness = Type.Object({
  market: Type.String(),
  feed: Type.String(),
  dataset: Type.String(),
  run: Type.Union([MarketRunId, Type.Null()]),
  variable: Type.Union([Type.String(), Type.Null()]),
  localDay: Type.String({ format: 'date' }),
  dayHours: Type.Number({ description: '23, 24 or 25 across daylight-saving changes.' }),
  coveredHours: Type.Number({ description: 'Hours of the day fetched so far; less = partial.' }),
  intervalMinutes: Type.Integer(),
  expectedIntervals: Type.Integer({ description: 'Intervals per instrument that day.' }),
  instruments: Type.Integer(),
  complete: Type.Integer({ description: 'Instruments with every interval (day fully fetched).' }),
  incomplete: Type.Integer({ description: 'Instruments missing intervals (day fully fetched).' }),
  partial: Type.Integer({
    description: 'Instruments whose day is not fully fetched yet (not judged).',
  }),
  presentIntervals: Type.Integer(),
  missingIntervals: Type.Integer({ description: 'On fully fetched days only.' }),
});
export type DayCompleteness = Static<typeof DayCompleteness>;

export const QualityProblemCount = Type.Object({
  market: Type.String(),
  feed: Type.String(),
  dataset: Type.String(),
  check: QualityCheck,
  severity: QualitySeverity,
  problems: Type.Integer(),
  intervals: Type.Integer({ description: 'Intervals affected, summed over the problems.' }),
});
export type QualityProblemCount = Static<typeof QualityProblemCount>;

export const QualitySummary = Type.Object({
  freshness: Type.Array(DatasetFreshness),
  completeness: Type.Array(DayCompleteness),
  problems: Type.Array(QualityProblemCount, { description: 'Open problems in the range.' }),
  meta: Type.Object({
    from: Type.String({ format: 'date' }),
    to: Type.String({ format: 'date' }),
    generatedAt: Type.String({ format: 'date-time' }),
  }),
});
export type QualitySummary = Static<typeof QualitySummary>;
