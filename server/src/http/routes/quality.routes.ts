import {
  Problem,
  QualityProblemPage,
  QualityProblemQuery,
  QualitySummary,
  QualitySummaryQuery,
  type DatasetFreshness as DatasetFreshnessView,
  type DayCompleteness as DayCompletenessView,
  type QualityProblem,
} from '@254carbon/contracts';
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type {
  DatasetFreshness,
  DayCompleteness,
  StoredProblem,
} from '../../features/quality/quality.service.js';
import { contextOf } from '../access-control.js';
import type { HttpDeps } from '../http-deps.js';

const iso = (ms: number): string => new Date(ms).toISOString();
const isoOrNull = (ms: number | null): string | null => (ms === null ? null : iso(ms));
const MINUTE_MS = 60_000;

const problemView = (p: StoredProblem): QualityProblem => ({
  id: p.id,
  market: p.market,
  feed: p.feed,
  dataset: p.dataset,
  source: p.source,
  check: p.check,
  severity: p.severity,
  disposition: p.disposition,
  instrument: p.instrumentId,
  run: p.run,
  variable: p.variable,
  localDay: p.localDay,
  intervalStart: isoOrNull(p.intervalStartMs),
  count: p.count,
  message: p.message,
  firstDetectedAt: iso(p.firstDetectedAtMs),
  detectedAt: iso(p.detectedAtMs),
  resolvedAt: isoOrNull(p.resolvedAtMs),
});

const freshnessView = (f: DatasetFreshness): DatasetFreshnessView => ({
  market: f.market,
  feed: f.feed,
  dataset: f.dataset,
  kind: f.kind,
  run: f.run,
  description: f.description,
  status: f.status,
  newestIntervalEnd: isoOrNull(f.newestIntervalEndMs),
  expectedThrough: iso(f.expectedUntilMs),
  lagMinutes: f.lagMs === null ? null : Math.round(f.lagMs / MINUTE_MS),
  graceMinutes: f.graceMs / MINUTE_MS,
  lastIngestAt: isoOrNull(f.lastIngestAtMs),
  basis: f.basis,
  message: f.message,
});

const completenessView = (d: DayCompleteness): DayCompletenessView => ({
  market: d.market,
  feed: d.feed,
  dataset: d.dataset,
  run: d.run,
  variable: d.variable,
  localDay: d.localDay,
  dayHours: d.dayMinutes / 60,
  coveredHours: Math.round((d.coveredMinutes / 60) * 100) / 100,
  intervalMinutes: d.intervalMinutes,
  expectedIntervals: d.expectedIntervals,
  instruments: d.instruments,
  complete: d.complete,
  incomplete: d.incomplete,
  partial: d.partial,
  presentIntervals: d.presentIntervals,
  missingIntervals: d.missingIntervals,
});

export const qualityRoutes =
  (deps: HttpDeps): FastifyPluginCallbackTypebox =>
  (app, _options, done) => {
    app.get(
      '/quality',
      {
        config: { access: { permission: 'data:read' } },
        schema: {
          tags: ['data quality'],
          summary: 'Freshness per feed dataset and completeness per market-local day',
          description:
            'Data quality is checked on every ingest. Freshness compares the newest stored interval with what ' +
            'the source has published (stale after 10 minutes for real-time data, an hour for day-ahead). ' +
            'Completeness counts intervals per instrument and market-local day against the day’s length ' +
            '(276, 288 or 300 five-minute intervals on 23-, 24- and 25-hour days); a day is judged only once all ' +
            'of it has been fetched, until then it is partial. Only markets and instruments you may list appear.',
          querystring: Type.Object(QualitySummaryQuery.properties, { additionalProperties: false }),
          response: { 200: QualitySummary, 400: Problem, 404: Problem },
        },
      },
      async (request) => {
        const summary = await deps.quality.summary(
          request.principal,
          request.query,
          contextOf(request),
        );
        return {
          freshness: summary.freshness.map(freshnessView),
          completeness: summary.completeness.map(completenessView),
          problems: summary.problems,
          meta: {
            from: summary.fromDay,
            to: summary.toDay,
            generatedAt: iso(summary.generatedAtMs),
          },
        };
      },
    );

    app.get(
      '/quality/problems',
      {
        config: { access: { permission: 'data:read' } },
        schema: {
          tags: ['data quality'],
          summary: 'Data-quality problems found on ingest, newest market-local day first',
          description:
            'One problem per check, instrument, run (or variable) and market-local day, with the number of ' +
            'intervals affected, the first of them, and a message with local times. Nothing is dropped silently: ' +
            'rows that were not stored say so (disposition). Open problems by default; status=resolved lists ' +
            'those a later ingest no longer found.',
          querystring: Type.Object(QualityProblemQuery.properties, { additionalProperties: false }),
          response: { 200: QualityProblemPage, 400: Problem, 404: Problem },
        },
      },
      async (request) => {
        const page = await deps.quality.problems(
          request.principal,
          request.query,
          contextOf(request),
        );
        return {
          data: page.items.map(problemView),
          page: { limit: request.query.limit ?? 100, nextCursor: page.nextCursor },
        };
      },
    );
    done();
  };
