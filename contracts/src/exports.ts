import { Type, type Static } from 'typebox';
import { Aggregation, ResampleFrequency } from './prices.js';

/*
 * Exports: asynchronous CSV/Parquet files of predefined datasets with typed filters (never caller SQL),
 * downloaded through a signed, expiring link.
 */

export const ExportFormat = Type.Enum(['csv', 'parquet'], {
  description: 'csv (header row, UTC ISO timestamps) or parquet (zstd-compressed).',
});
export type ExportFormat = Static<typeof ExportFormat>;

export const ExportStatus = Type.Enum(['queued', 'running', 'succeeded', 'failed']);
export type ExportStatus = Static<typeof ExportStatus>;

/** Prices as the prices API serves them: the same filters, without the per-response row cap. */
export const PricesExportFilters = Type.Object(
  {
    instruments: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), {
      minItems: 1,
      maxItems: 1000,
      description: 'Instrument ids, e.g. ["SIM.HUB_NORTH"].',
    }),
    start: Type.String({
      maxLength: 40,
      description: 'Inclusive start: ISO 8601 with Z or an offset, or a date read in `tz`.',
    }),
    end: Type.String({ maxLength: 40, description: 'Exclusive end, same forms as start.' }),
    runs: Type.Optional(
      Type.Array(Type.String({ maxLength: 10 }), {
        maxItems: 10,
        description: 'Market runs (default: all).',
      }),
    ),
    resample: Type.Optional(ResampleFrequency),
    agg: Type.Optional(Aggregation),
    tz: Type.Optional(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);
export type PricesExportFilters = Static<typeof PricesExportFilters>;

/** A forward curve's served prices, as `GET /curves/{id}/prices` serves them. */
export const CurveExportFilters = Type.Object(
  {
    curve: Type.String({ minLength: 1, maxLength: 64 }),
    asOf: Type.Optional(
      Type.String({ maxLength: 10, description: 'YYYY-MM-DD or `latest` (default).' }),
    ),
    scenario: Type.Optional(Type.String({ maxLength: 32 })),
    granularity: Type.Optional(Type.Enum(['month', 'day', 'hour'])),
    bucket: Type.Optional(Type.String({ maxLength: 16 })),
    from: Type.Optional(Type.String({ maxLength: 10, description: 'First delivery day.' })),
    to: Type.Optional(Type.String({ maxLength: 10, description: 'Last delivery day.' })),
  },
  { additionalProperties: false },
);
export type CurveExportFilters = Static<typeof CurveExportFilters>;

const options = {
  format: ExportFormat,
  gzip: Type.Optional(
    Type.Boolean({ description: 'CSV only: gzip the file (.csv.gz). Parquet is always zstd.' }),
  ),
};

export const ExportRequest = Type.Union([
  Type.Object(
    { dataset: Type.Literal('prices'), filters: PricesExportFilters, ...options },
    { additionalProperties: false },
  ),
  Type.Object(
    { dataset: Type.Literal('curve'), filters: CurveExportFilters, ...options },
    { additionalProperties: false },
  ),
]);
export type ExportRequest = Static<typeof ExportRequest>;

export const ExportJob = Type.Object({
  id: Type.String(),
  dataset: Type.String(),
  format: ExportFormat,
  gzip: Type.Boolean(),
  status: ExportStatus,
  request: Type.Unknown({ description: 'The request as accepted.' }),
  rows: Type.Union([Type.Integer(), Type.Null()]),
  bytes: Type.Union([Type.Integer(), Type.Null()]),
  checksum: Type.Union([
    Type.String({ description: 'sha256:<hex> of the file as downloaded.' }),
    Type.Null(),
  ]),
  error: Type.Union([Type.String(), Type.Null()]),
  fileName: Type.String(),
  scheduleId: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  finishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  expiresAt: Type.String({ format: 'date-time' }),
  downloadUrl: Type.Union([
    Type.String({ description: 'Signed link; works without other credentials until it expires.' }),
    Type.Null(),
  ]),
  downloadExpiresAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type ExportJob = Static<typeof ExportJob>;

export const ExportList = Type.Object({ data: Type.Array(ExportJob) });
export type ExportList = Static<typeof ExportList>;

export const ExportDownloadQuery = Type.Object({
  expires: Type.String({ maxLength: 20, description: 'Expiry of the link, epoch seconds.' }),
  signature: Type.String({ maxLength: 128, description: 'HMAC-SHA256 of the link (base64url).' }),
});
export type ExportDownloadQuery = Static<typeof ExportDownloadQuery>;

/** Filters of a scheduled prices export, with days counted from the run's local date (-1 = yesterday). */
export const RelativePricesFilters = Type.Object(
  {
    instruments: PricesExportFilters.properties.instruments,
    runs: PricesExportFilters.properties.runs,
    resample: PricesExportFilters.properties.resample,
    agg: PricesExportFilters.properties.agg,
    startDay: Type.Integer({
      minimum: -366,
      maximum: 366,
      description: 'First local day relative to the run date (e.g. -1 = yesterday).',
    }),
    endDay: Type.Integer({
      minimum: -366,
      maximum: 366,
      description:
        'Exclusive end day relative to the run date (e.g. 0 = today, so -1..0 is yesterday).',
    }),
  },
  { additionalProperties: false },
);
export type RelativePricesFilters = Static<typeof RelativePricesFilters>;

/** Filters of a scheduled curve export: the latest build as of the run date unless asOf is given. */
export const RelativeCurveFilters = Type.Object(
  {
    curve: CurveExportFilters.properties.curve,
    scenario: CurveExportFilters.properties.scenario,
    granularity: CurveExportFilters.properties.granularity,
    bucket: CurveExportFilters.properties.bucket,
  },
  { additionalProperties: false },
);
export type RelativeCurveFilters = Static<typeof RelativeCurveFilters>;

const scheduleTiming = {
  name: Type.String({ minLength: 1, maxLength: 100 }),
  cron: Type.String({
    minLength: 9,
    maxLength: 100,
    description:
      'Five-field cron (minute hour day month weekday), e.g. "0 6 * * *" daily at 06:00.',
  }),
  timezone: Type.String({ minLength: 1, maxLength: 64, description: 'IANA zone of the cron.' }),
};

export const ExportScheduleRequest = Type.Union([
  Type.Object(
    {
      ...scheduleTiming,
      dataset: Type.Literal('prices'),
      filters: RelativePricesFilters,
      ...options,
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      ...scheduleTiming,
      dataset: Type.Literal('curve'),
      filters: RelativeCurveFilters,
      ...options,
    },
    { additionalProperties: false },
  ),
]);
export type ExportScheduleRequest = Static<typeof ExportScheduleRequest>;

export const ExportSchedule = Type.Object({
  id: Type.String(),
  name: Type.String(),
  cron: Type.String(),
  timezone: Type.String(),
  dataset: Type.String(),
  format: ExportFormat,
  gzip: Type.Boolean(),
  filters: Type.Unknown(),
  createdBy: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  lastRunAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  lastExportId: Type.Union([Type.String(), Type.Null()]),
  nextRunAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type ExportSchedule = Static<typeof ExportSchedule>;

export const ExportScheduleList = Type.Object({ data: Type.Array(ExportSchedule) });
export type ExportScheduleList = Static<typeof ExportScheduleList>;
