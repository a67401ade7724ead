import { readFileSync } from 'node:fs';
import type {
  CurveDiff,
  CurveList,
  CurveListItem,
  CurvePoint,
  CurvePrices,
  CurveRunPage,
  CurveRunSummary,
} from '@254carbon/contracts';
import { Command, Option } from 'commander';
import {
  curveCsv,
  curveView,
  diffRowView,
  curvePricesView,
  runSummaryView,
} from '../../features/curves/curve-views.js';
import type { CurveDiffQuery, CurveSeriesQuery } from '../../features/curves/curves.service.js';
import { readQuoteCsv } from '../../features/curves/quote-csv.js';
import { invalidRequest } from '../../platform/errors.js';
import type { CliOutput, CliRuntime } from '../cli-runtime.js';
import { positiveIntOption } from '../options.js';
import { formatTable } from '../table.js';
import { fetchFromServer, readWithFallback } from '../with-services.js';

type Cell = string | number | null;

const GRANULARITIES = ['month', 'day', 'hour'];

/** Prices in tables: four decimals are a hundredth of a cent per MWh; CSV keeps every digit. */
const rounded = (value: number | null): number | null =>
  value === null ? null : Math.round(value * 10_000) / 10_000;
const isoText = (text: string): string => text.replace(/\.\d{3}Z$/, 'Z');

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

const path = (curveId: string, rest = ''): string =>
  `/api/v1/curves/${encodeURIComponent(curveId)}${rest}`;

const curvesTable = (curves: readonly CurveListItem[]): string =>
  formatTable(
    ['curve', 'market', 'commodity', 'calendar', 'unit', 'latest_as_of', 'name'],
    curves.map((c) => [c.id, c.market, c.commodity, c.calendar, c.unit, c.latestAsOf, c.name]),
  );

const runsTable = (runs: readonly CurveRunSummary[]): string =>
  formatTable(
    ['run', 'as_of', 'scenario', 'built_utc', 'quotes', 'max_residual', 'warnings', 'engine'],
    runs.map((r) => [
      r.runId,
      r.asOf,
      r.scenario,
      isoText(r.builtAt),
      r.quotes,
      r.maxAbsResidual,
      r.warnings,
      r.engineVersion,
    ]),
  );

const pricesTable = (prices: CurvePrices): string =>
  `${prices.meta.curve} as of ${prices.meta.asOf} (${prices.meta.scenario}, run ${prices.meta.runId}), ` +
  `${prices.meta.bucket} by ${prices.meta.granularity}, ${prices.meta.unit}\n` +
  formatTable(
    ['period', 'start_utc', 'end_utc', 'price'],
    prices.data.map((p: CurvePoint): Cell[] => [
      p.period,
      isoText(p.start),
      isoText(p.end),
      rounded(p.price),
    ]),
  );

const diffTable = (diff: CurveDiff): string =>
  `${diff.meta.curve} ${diff.meta.bucket} by ${diff.meta.granularity}: as of ${diff.meta.from.asOf} ` +
  `(run ${diff.meta.from.runId}) → as of ${diff.meta.to.asOf} (run ${diff.meta.to.runId})\n` +
  formatTable(
    ['period', 'start_utc', 'price_from', 'price_to', 'change'],
    diff.data.map((r): Cell[] => [
      r.period,
      isoText(r.start),
      rounded(r.priceFrom),
      rounded(r.priceTo),
      rounded(r.change),
    ]),
  );

const readFile = (file: string): string => {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw invalidRequest(`Cannot read ${file}: ${(error as Error).message}`, [
      { field: 'file', message: `${file} is not readable` },
    ]);
  }
};

/** `curves …`: define forward curves, load quotes, build them, and read their prices, vintages and changes. */
export const curvesCommand = (runtime: CliRuntime, io: CliOutput): Command => {
  const curves = new Command('curves').description(
    'Forward curves: define, load quotes, build, and show prices, runs and changes',
  );

  curves
    .command('list', { isDefault: true })
    .description('Defined curves with the as-of date of their latest run')
    .action(async () => {
      const items = await readWithFallback(
        runtime,
        async (services) =>
          (await services.curves.list(services.caller.principal, services.caller.context)).map(
            (e) => ({ ...curveView(e.definition), latestAsOf: e.latestAsOf }),
          ),
        async (server) => ((await fetchFromServer(server, '/api/v1/curves')) as CurveList).data,
      );
      if (items.length === 0) {
        io.err.write('No curves yet. Define one with `254carbon curves define`.\n');
        return;
      }
      io.out.write(curvesTable(items));
    });

  curves
    .command('define')
    .description(
      'Define a curve, or replace its definition (settings left out take their defaults)',
    )
    .argument('<curve>', 'curve id: upper-case letters, digits, - and _, e.g. PJM-WH-POWER')
    .requiredOption('--name <text>', 'display name')
    .requiredOption('--market <id>', 'market whose curve entitlements govern it, e.g. PJM')
    .addOption(
      new Option('--commodity <commodity>', 'power or gas')
        .choices(['power', 'gas'])
        .makeOptionMandatory(),
    )
    .requiredOption('--calendar <id>', 'peak calendar, e.g. US_EASTERN, US_CENTRAL, EU_CET')
    .option('--currency <code>', 'default: the market’s')
    .option('--unit <unit>', 'default: <currency>/MWh or /MMBtu')
    .option(
      '--shape-instrument <id>',
      'instrument whose day-ahead prices give the shape, e.g. PJM.WESTERN HUB',
    )
    .option(
      '--long-run-level <price>',
      'long-run level the extension reverts to (default: the last quote)',
      Number,
    )
    .option('--escalation <rate>', 'yearly escalation of the long-run level, e.g. 0.02', Number)
    .option('--reversion-years <years>', 'e-folding time of the reversion', Number)
    .option('--smoothness <weight>', 'λ, weight of the daily second differences', Number)
    .option('--prior-weight <weight>', 'ω, pull towards the seasonal prior', Number)
    .option('--shape-history-years <years>', 'years of day-ahead prices behind the shape', Number)
    .option('--stale-after-days <days>', 'report quotes older than this', Number)
    .action(
      async (
        id: string,
        options: {
          name: string;
          market: string;
          commodity: string;
          calendar: string;
          currency?: string;
          unit?: string;
          shapeInstrument?: string;
          longRunLevel?: number;
          escalation?: number;
          reversionYears?: number;
          smoothness?: number;
          priorWeight?: number;
          shapeHistoryYears?: number;
          staleAfterDays?: number;
        },
      ) => {
        const services = await runtime.open(runtime.loadConfig());
        try {
          const defined = await services.curves.define(
            services.caller.principal,
            {
              id,
              name: options.name,
              market: options.market,
              commodity: options.commodity,
              calendar: options.calendar,
              currency: options.currency,
              unit: options.unit,
              shapeInstrument: options.shapeInstrument ?? null,
              extension: {
                longRunLevel: options.longRunLevel,
                escalationPerYear: options.escalation,
                reversionYears: options.reversionYears,
              },
              method: {
                smoothness: options.smoothness,
                priorWeight: options.priorWeight,
                shapeHistoryYears: options.shapeHistoryYears,
                staleAfterDays: options.staleAfterDays,
              },
            },
            services.caller.context,
          );
          io.out.write(
            `${defined.definition.id}: ${defined.result} (${defined.definition.commodity}, ` +
              `${defined.definition.market}, ${defined.definition.calendar}, ${defined.definition.unit}).\n`,
          );
        } finally {
          await services.close();
        }
      },
    );

  const quotes = curves.command('quotes').description('Forward quotes');
  quotes
    .command('load')
    .description(
      'Load a quote file (CSV): every row is stored, or none. Columns: curve, as_of, contract (or ' +
        'delivery_start and delivery_end, the day after the last delivery day), bucket, settle, mid, bid, ask, ' +
        'source, quote_date; empty cells are nulls',
    )
    .argument('<file>', 'CSV file')
    .action(async (file: string) => {
      const parsed = readQuoteCsv(file, readFile(file));
      const services = await runtime.open(runtime.loadConfig());
      try {
        const loaded = await services.curves.loadQuotes(
          services.caller.principal,
          { rows: parsed.rows, origin: parsed.origin },
          services.caller.context,
        );
        for (const warning of loaded.warnings) {
          io.err.write(`warning: ${warning.row}: ${warning.message}\n`);
        }
        io.out.write(
          `Loaded ${loaded.quotes} quotes for ${loaded.curves.join(', ')} as of ${loaded.asOfs.join(', ')}: ` +
            `${loaded.inserted} new, ${loaded.replaced} re-marked, ${loaded.unchanged} unchanged.\n`,
        );
      } finally {
        await services.close();
      }
    });

  curves
    .command('build')
    .description('Build a curve as of a date from the quotes marked at or before it')
    .argument('<curve>', 'curve id')
    .requiredOption('--as-of <date>', 'as-of date, YYYY-MM-DD')
    .option('--scenario <name>', 'scenario label', 'base')
    .action(async (curveId: string, options: { asOf: string; scenario: string }) => {
      const services = await runtime.open(runtime.loadConfig());
      try {
        const outcome = await services.curves.build(
          services.caller.principal,
          { curveId, asOf: options.asOf, scenario: options.scenario },
          services.caller.context,
        );
        const run = outcome.run;
        io.out.write(
          `${outcome.created ? 'Built' : 'Already built'} ${run.curveId} as of ${run.asOf} (${run.scenario}): ` +
            `run ${run.runId}, ${run.quoteCount} quotes, max residual ${run.maxAbsResidual.toExponential(1)}, ` +
            `${run.warningCount} warning${run.warningCount === 1 ? '' : 's'}.\n`,
        );
        // What the desk needs to act on: gaps, stale or crossed quotes, redundant ones, the extension.
        const detail = await services.curves.run(
          services.caller.principal,
          run.curveId,
          run.runId,
          services.caller.context,
        );
        for (const warning of detail.diagnostics.warnings) {
          io.out.write(`  ${warning.level === 'warning' ? '!' : '-'} ${warning.message}\n`);
        }
      } finally {
        await services.close();
      }
    });

  curves
    .command('show')
    .description('A curve’s prices from its latest run at or before an as-of date')
    .argument('<curve>', 'curve id')
    .option('--as-of <date>', 'as-of date, YYYY-MM-DD (default: the latest run)')
    .option('--scenario <name>', 'scenario (default: base)')
    .addOption(
      new Option('--granularity <g>', 'month, day or hour').choices(GRANULARITIES).default('month'),
    )
    .option('--bucket <bucket>', 'e.g. 7x24, 5x16, wrap (default: every hour)')
    .option('--from <day>', 'first delivery day, YYYY-MM-DD')
    .option('--to <day>', 'last delivery day (inclusive), YYYY-MM-DD')
    .addOption(
      new Option('--format <format>', 'output format').choices(['table', 'csv']).default('table'),
    )
    .action(
      async (
        curveId: string,
        options: CurveSeriesQuery & { format: 'table' | 'csv'; asOf?: string },
      ) => {
        const { format, ...query } = options;
        const text = await readWithFallback(
          runtime,
          async (services) => {
            const result = await services.curves.series(
              services.caller.principal,
              curveId,
              query,
              services.caller.context,
              { asFile: format === 'csv' },
            );
            if (format === 'csv') {
              return curveCsv(result);
            }
            return pricesTable(curvePricesView(result));
          },
          async (server) => {
            const url = path(curveId, `/prices${queryString({ ...query, format })}`);
            return format === 'csv'
              ? ((await fetchFromServer(server, url, 'text')) as string)
              : pricesTable((await fetchFromServer(server, url)) as CurvePrices);
          },
        );
        io.out.write(text);
      },
    );

  curves
    .command('runs')
    .description('Runs (vintages) of a curve, newest as-of first')
    .argument('<curve>', 'curve id')
    .option('--scenario <name>', 'only this scenario')
    .option('--limit <n>', 'how many', positiveIntOption, 20)
    .action(async (curveId: string, options: { scenario?: string; limit: number }) => {
      const runs = await readWithFallback(
        runtime,
        async (services) =>
          (
            await services.curves.runs(
              services.caller.principal,
              curveId,
              options,
              services.caller.context,
            )
          ).items.map(runSummaryView),
        async (server) =>
          (
            (await fetchFromServer(
              server,
              path(curveId, `/runs${queryString({ ...options })}`),
            )) as CurveRunPage
          ).data,
      );
      io.out.write(runsTable(runs));
    });

  curves
    .command('diff')
    .description('How a curve moved between two as-of dates, per delivery period')
    .argument('<curve>', 'curve id')
    .requiredOption('--from <date>', 'earlier as-of date, YYYY-MM-DD')
    .requiredOption('--to <date>', 'later as-of date, YYYY-MM-DD')
    .option('--scenario <name>', 'scenario (default: base)')
    .addOption(
      new Option('--granularity <g>', 'month, day or hour').choices(GRANULARITIES).default('month'),
    )
    .option('--bucket <bucket>', 'e.g. 7x24, 5x16 (default: every hour)')
    .option('--delivery-from <day>', 'first delivery day, YYYY-MM-DD')
    .option('--delivery-to <day>', 'last delivery day (inclusive), YYYY-MM-DD')
    .action(async (curveId: string, options: CurveDiffQuery) => {
      const diff = await readWithFallback(
        runtime,
        async (services): Promise<CurveDiff> => {
          const result = await services.curves.diff(
            services.caller.principal,
            curveId,
            options,
            services.caller.context,
          );
          return {
            data: result.rows.map(diffRowView),
            meta: {
              curve: result.definition.id,
              from: { asOf: result.from.asOf, runId: result.from.runId },
              to: { asOf: result.to.asOf, runId: result.to.runId },
              scenario: result.scenario,
              granularity: result.granularity,
              bucket: result.bucket,
              rowCount: result.rows.length,
            },
          };
        },
        async (server) =>
          (await fetchFromServer(
            server,
            path(curveId, `/diff${queryString({ ...options })}`),
          )) as CurveDiff,
      );
      io.out.write(diffTable(diff));
    });
  return curves;
};
