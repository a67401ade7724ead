import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Report, ReportList } from '@254carbon/contracts';
import { Argument, Command, Option } from 'commander';
import { reportView } from '../../features/reports/report-view.js';
import type { CliOutput, CliRuntime } from '../cli-runtime.js';
import { positiveIntOption } from '../options.js';
import { formatTable } from '../table.js';
import { fetchFromServer, readWithFallback } from '../with-services.js';

const reportsTable = (reports: readonly Report[]): string =>
  formatTable(
    ['id', 'market', 'kind', 'period', 'status', 'pdf', 'trigger', 'created_utc'],
    reports.map((r) => [
      r.id,
      r.market,
      r.kind,
      r.period,
      r.status,
      r.pdfStatus,
      r.trigger,
      r.createdAt.replace(/\.\d{3}Z$/, 'Z'),
    ]),
  );

/** `254carbon reports`: make market briefs now and list or save the stored ones. */
export const reportsCommand = (runtime: CliRuntime, io: CliOutput): Command => {
  const reports = new Command('reports').description(
    'Daily and monthly market briefs (HTML and PDF): make one, list them, save their files',
  );

  reports
    .command('list', { isDefault: true })
    .description('Stored reports, newest first')
    .option('--market <id>', 'only this market')
    .option('--limit <n>', 'at most this many (1–500)', positiveIntOption, 50)
    .action(async (options: { market?: string; limit: number }) => {
      const items = await readWithFallback(
        runtime,
        async (services) =>
          (
            await services.reports.list(
              services.caller.principal,
              { market: options.market, limit: options.limit },
              services.caller.context,
            )
          ).map(reportView),
        async (server) => {
          const params = new URLSearchParams({ limit: String(options.limit) });
          if (options.market) {
            params.set('market', options.market);
          }
          return (
            (await fetchFromServer(server, `/api/v1/reports?${params.toString()}`)) as ReportList
          ).data;
        },
      );
      if (items.length === 0) {
        io.err.write(
          'No reports yet. Make one with `254carbon reports create SIM daily 2026-03-05`.\n',
        );
        return;
      }
      io.out.write(reportsTable(items));
    });

  reports
    .command('create')
    .description(
      'Make a brief now from the stored data and wait for it; with --out, save its HTML and PDF there',
    )
    .argument('<market>', 'market id, e.g. SIM')
    .addArgument(new Argument('<kind>', 'daily or monthly').choices(['daily', 'monthly']))
    .argument('<period>', 'market-local day (2026-03-05) or month (2026-03)')
    .option('--out <dir>', 'directory to save the files in')
    .action(async (market: string, kind: string, period: string, options: { out?: string }) => {
      const services = await runtime.open(runtime.loadConfig());
      try {
        const { principal, context } = services.caller;
        const queued = await services.reports.request(principal, { market, kind, period }, context);
        const done = (await services.reports.settled(queued.id)) ?? queued;
        io.out.write(reportsTable([reportView(done)]));
        if (done.status !== 'succeeded') {
          process.exitCode = 1;
          io.err.write(`The report failed: ${done.message ?? 'unknown reason'}\n`);
          return;
        }
        if (done.pdfStatus !== 'rendered') {
          io.err.write(`No PDF (${done.pdfStatus}): ${done.message ?? ''}\n`);
        }
        if (options.out !== undefined) {
          for (const format of ['html', 'pdf'] as const) {
            if (format === 'pdf' && done.pdfStatus !== 'rendered') {
              continue;
            }
            const file = await services.reports.document(principal, done.id, format, context);
            const target = join(options.out, file.fileName);
            writeFileSync(target, file.bytes);
            io.out.write(`saved ${target}\n`);
          }
        }
      } finally {
        await services.close();
      }
    });

  reports
    .command('save')
    .description("Save a stored report's HTML or PDF to a file")
    .argument('<id>', 'report id (see `254carbon reports list`)')
    .addOption(
      new Option('--format <format>', 'html or pdf').choices(['html', 'pdf']).default('html'),
    )
    .requiredOption('--file <path>', 'where to write it')
    .action(async (id: string, options: { format: 'html' | 'pdf'; file: string }) => {
      const services = await runtime.open(runtime.loadConfig());
      try {
        const { principal, context } = services.caller;
        const file = await services.reports.document(principal, id, options.format, context);
        writeFileSync(options.file, file.bytes);
        io.out.write(`saved ${options.file} (${file.bytes.length} bytes)\n`);
      } finally {
        await services.close();
      }
    });

  return reports;
};
