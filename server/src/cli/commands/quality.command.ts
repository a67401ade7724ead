import type { QualityProblemPage, QualitySummary } from '@254carbon/contracts';
import { Command, Option } from 'commander';
import type {
  ProblemQuery,
  QualitySummary as QualitySummaryResult,
  QualitySummaryQuery,
  StoredProblem,
} from '../../features/quality/quality.service.js';
import type { CliOutput, CliRuntime } from '../cli-runtime.js';
import { positiveIntOption } from '../options.js';
import { formatTable } from '../table.js';
import { fetchFromServer, readWithFallback } from '../with-services.js';

type Cell = string | number | null;

const CHECKS = [
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
];

const isoText = (text: string | null): string | null =>
  text === null ? null : text.replace(/:00\.000Z$/, 'Z').replace(/\.\d{3}Z$/, 'Z');
const iso = (ms: number | null): string | null =>
  ms === null ? null : isoText(new Date(ms).toISOString());
const hours = (minutes: number): number => Math.round((minutes / 60) * 100) / 100;

/** The three tables of a summary, whichever way it was read (the store, or a running server's API). */
interface SummaryTables {
  readonly range: string;
  readonly freshness: Cell[][];
  readonly completeness: Cell[][];
  readonly problems: Cell[][];
}

const tablesFromService = (s: QualitySummaryResult): SummaryTables => ({
  range: `${s.fromDay} to ${s.toDay}`,
  freshness: s.freshness.map((f) => [
    f.feed,
    f.dataset,
    f.status,
    iso(f.newestIntervalEndMs),
    f.lagMs === null ? null : Math.round(f.lagMs / 60_000),
    iso(f.lastIngestAtMs),
    f.message,
  ]),
  completeness: s.completeness.map((d) => [
    d.localDay,
    d.feed,
    d.dataset,
    d.run ?? d.variable,
    hours(d.dayMinutes),
    hours(d.coveredMinutes),
    d.expectedIntervals,
    d.instruments,
    d.complete,
    d.incomplete,
    d.partial,
    d.missingIntervals,
  ]),
  problems: s.problems.map((p) => [
    p.feed,
    p.dataset,
    p.severity,
    p.check,
    p.problems,
    p.intervals,
  ]),
});

const tablesFromApi = (s: QualitySummary): SummaryTables => ({
  range: `${s.meta.from} to ${s.meta.to}`,
  freshness: s.freshness.map((f) => [
    f.feed,
    f.dataset,
    f.status,
    isoText(f.newestIntervalEnd),
    f.lagMinutes,
    isoText(f.lastIngestAt),
    f.message,
  ]),
  completeness: s.completeness.map((d) => [
    d.localDay,
    d.feed,
    d.dataset,
    d.run ?? d.variable,
    d.dayHours,
    d.coveredHours,
    d.expectedIntervals,
    d.instruments,
    d.complete,
    d.incomplete,
    d.partial,
    d.missingIntervals,
  ]),
  problems: s.problems.map((p) => [
    p.feed,
    p.dataset,
    p.severity,
    p.check,
    p.problems,
    p.intervals,
  ]),
});

const problemRow = (p: StoredProblem): Cell[] => [
  p.localDay,
  p.severity,
  p.check,
  p.instrumentId,
  p.run ?? p.variable,
  p.count,
  iso(p.intervalStartMs),
  p.message,
];

const apiProblemRow = (p: QualityProblemPage['data'][number]): Cell[] => [
  p.localDay,
  p.severity,
  p.check,
  p.instrument,
  p.run ?? p.variable,
  p.count,
  isoText(p.intervalStart),
  p.message,
];

const queryString = (options: Record<string, string | number | undefined>): string => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(options)) {
    if (value !== undefined && value !== '') {
      params.set(key, String(value));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
};

const selectionOptions = (command: Command): Command =>
  command
    .option('--market <id>', 'only this market, e.g. MISO')
    .option('--feed <id>', 'only this feed, e.g. miso')
    .option('--dataset <id>', 'only this dataset, e.g. prices.rt5')
    .option('--from <day>', 'first market-local day, YYYY-MM-DD')
    .option('--to <day>', 'last market-local day, YYYY-MM-DD');

export const qualityCommand = (runtime: CliRuntime, io: CliOutput): Command => {
  const quality = new Command('quality').description(
    'Data quality found on ingest: freshness, completeness per day, and problems',
  );

  selectionOptions(
    quality
      .command('summary', { isDefault: true })
      .description('Freshness per feed dataset, completeness per market-local day, open problems'),
  ).action(async (options: QualitySummaryQuery) => {
    const tables = await readWithFallback(
      runtime,
      async (services) =>
        tablesFromService(
          await services.quality.summary(
            services.caller.principal,
            options,
            services.caller.context,
          ),
        ),
      async (server) =>
        tablesFromApi(
          (await fetchFromServer(
            server,
            `/api/v1/quality${queryString({ ...options })}`,
          )) as QualitySummary,
        ),
    );
    io.out.write(
      `Freshness\n${formatTable(
        ['feed', 'dataset', 'status', 'newest_end_utc', 'lag_min', 'last_ingest_utc', 'detail'],
        tables.freshness,
      )}\nCompleteness, ${tables.range} (market-local days)\n${formatTable(
        [
          'day',
          'feed',
          'dataset',
          'run',
          'hours',
          'fetched_h',
          'expected',
          'instruments',
          'complete',
          'incomplete',
          'partial',
          'missing',
        ],
        tables.completeness,
      )}\nOpen problems\n${formatTable(
        ['feed', 'dataset', 'severity', 'check', 'problems', 'intervals'],
        tables.problems,
      )}`,
    );
  });

  selectionOptions(
    quality.command('problems').description('Problems found on ingest, newest day first'),
  )
    .addOption(new Option('--check <check>', 'only this check').choices(CHECKS))
    .addOption(
      new Option('--severity <severity>', 'error or warning').choices(['error', 'warning']),
    )
    .option('--instrument <id>', 'only this instrument')
    .addOption(
      new Option('--status <status>', 'open (default), resolved or all').choices([
        'open',
        'resolved',
        'all',
      ]),
    )
    .option('--limit <n>', 'how many', positiveIntOption, 50)
    .action(async (options: ProblemQuery & { limit: number }) => {
      const rows = await readWithFallback(
        runtime,
        async (services) =>
          (
            await services.quality.problems(
              services.caller.principal,
              options,
              services.caller.context,
            )
          ).items.map(problemRow),
        async (server) =>
          (
            (await fetchFromServer(
              server,
              `/api/v1/quality/problems${queryString({ ...options })}`,
            )) as QualityProblemPage
          ).data.map(apiProblemRow),
      );
      io.out.write(
        formatTable(
          ['day', 'severity', 'check', 'instrument', 'run', 'count', 'first_utc', 'message'],
          rows,
        ),
      );
    });
  return quality;
};
