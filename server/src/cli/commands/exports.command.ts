import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExportJob, ExportList, ExportRequest } from '@254carbon/contracts';
import { Command, Option } from 'commander';
import { exportView } from '../../features/exports/export-views.js';
import { AppError } from '../../platform/errors.js';
import type { CliOutput, CliRuntime, CliServices } from '../cli-runtime.js';
import { formatTable } from '../table.js';
import { fetchFromServer, readWithFallback } from '../with-services.js';

const list = (value: string | undefined): string[] | undefined =>
  value === undefined
    ? undefined
    : value
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v !== '');

const tableOf = (jobs: readonly ExportJob[]): string =>
  formatTable(
    ['id', 'dataset', 'format', 'status', 'rows', 'bytes', 'created', 'expires'],
    jobs.map((j) => [
      j.id,
      j.dataset,
      j.gzip ? `${j.format}+gzip` : j.format,
      j.status,
      j.rows,
      j.bytes,
      j.createdAt,
      j.expiresAt,
    ]),
  );

/**
 * Runs an export against the local store (the CLI holds the file), waits for it and copies the file to `out`.
 * While `serve` holds the file, ask the running server (POST /api/v1/exports) instead.
 */
const runExport = async (
  runtime: CliRuntime,
  io: CliOutput,
  request: ExportRequest,
  out: string | undefined,
): Promise<void> => {
  const summary = await readWithFallback(
    runtime,
    async (services: CliServices) => {
      const { record } = await services.exports.create(
        services.caller.principal,
        request,
        null,
        services.caller.context,
      );
      await services.exports.settled();
      const done = await services.exports.get(
        services.caller.principal,
        record.id,
        services.caller.context,
      );
      if (done.status !== 'succeeded') {
        throw new AppError('invalid_request', `Export ${done.id} failed: ${done.error ?? ''}`);
      }
      const target = out ?? done.fileName;
      await copyFile(join(runtime.loadConfig().exports.dir, done.fileName), target);
      return `${done.id}: ${done.rows ?? 0} rows, ${done.bytes ?? 0} bytes, ${done.checksum ?? ''} → ${target}\n`;
    },
    null,
  );
  io.out.write(summary);
};

const fileOptions = (command: Command): Command =>
  command
    .addOption(
      new Option('--format <format>', 'file format').choices(['csv', 'parquet']).default('parquet'),
    )
    .option('--gzip', 'CSV only: gzip the file')
    .option('--out <file>', 'where to copy the file (default: the export file name, here)');

export const exportsCommand = (runtime: CliRuntime, io: CliOutput): Command => {
  const command = new Command('exports').description(
    'Export prices or a forward curve to CSV or Parquet, and list exports',
  );
  command.addCommand(
    fileOptions(
      new Command('prices')
        .description('Export prices (the same filters as `prices`, without the response row cap)')
        .requiredOption('--instruments <ids>', 'comma-separated instrument ids')
        .requiredOption('--from <time>', 'start: YYYY-MM-DD (market-local) or ISO time')
        .requiredOption('--to <time>', 'end (exclusive)')
        .option('--runs <runs>', 'comma-separated market runs (default: all)')
        .option('--resample <size>', '5m, 15m, 1h, 1d or 1mo')
        .option('--agg <agg>', 'avg, min, max, first or last')
        .option('--tz <zone>', 'market, UTC or an IANA zone'),
    ).action(
      async (o: {
        instruments: string;
        from: string;
        to: string;
        runs?: string;
        resample?: string;
        agg?: string;
        tz?: string;
        format: 'csv' | 'parquet';
        gzip?: boolean;
        out?: string;
      }) => {
        const runs = list(o.runs);
        await runExport(
          runtime,
          io,
          {
            dataset: 'prices',
            filters: {
              instruments: list(o.instruments) ?? [],
              start: o.from,
              end: o.to,
              ...(runs ? { runs } : {}),
              ...(o.resample ? { resample: o.resample as '1h' } : {}),
              ...(o.agg ? { agg: o.agg as 'avg' } : {}),
              ...(o.tz ? { tz: o.tz } : {}),
            },
            format: o.format,
            ...(o.gzip ? { gzip: true } : {}),
          },
          o.out,
        );
      },
    ),
  );
  command.addCommand(
    fileOptions(
      new Command('curve')
        .description("Export a forward curve's prices (as `curves show`)")
        .argument('<curve>', 'curve id')
        .option('--as-of <date>', 'YYYY-MM-DD or latest (default)')
        .option('--granularity <g>', 'month, day or hour')
        .option('--bucket <bucket>', 'e.g. 7x24, 5x16')
        .option('--from <day>', 'first delivery day')
        .option('--to <day>', 'last delivery day'),
    ).action(
      async (
        curve: string,
        o: {
          asOf?: string;
          granularity?: string;
          bucket?: string;
          from?: string;
          to?: string;
          format: 'csv' | 'parquet';
          gzip?: boolean;
          out?: string;
        },
      ) => {
        await runExport(
          runtime,
          io,
          {
            dataset: 'curve',
            filters: {
              curve,
              ...(o.asOf ? { asOf: o.asOf } : {}),
              ...(o.granularity ? { granularity: o.granularity as 'month' } : {}),
              ...(o.bucket ? { bucket: o.bucket } : {}),
              ...(o.from ? { from: o.from } : {}),
              ...(o.to ? { to: o.to } : {}),
            },
            format: o.format,
            ...(o.gzip ? { gzip: true } : {}),
          },
          o.out,
        );
      },
    ),
  );
  command.addCommand(
    new Command('list')
      .description('List exports (works while `serve` runs, through its API)')
      .addOption(
        new Option('--format <format>', 'output format')
          .choices(['table', 'json'])
          .default('table'),
      )
      .action(async (o: { format: 'table' | 'json' }) => {
        const jobs = await readWithFallback(
          runtime,
          async (services) =>
            (
              await services.exports.list(services.caller.principal, 200, services.caller.context)
            ).map((r) => exportView(r, null)),
          async (server) =>
            ((await fetchFromServer(server, '/api/v1/exports?limit=200')) as ExportList).data,
        );
        io.out.write(o.format === 'json' ? `${JSON.stringify(jobs, null, 2)}\n` : tableOf(jobs));
      }),
  );
  return command;
};
