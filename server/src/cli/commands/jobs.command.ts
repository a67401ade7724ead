import type { JobList, JobRunPage } from '@254carbon/contracts';
import { Command, Option } from 'commander';
import type { CliOutput, CliRuntime } from '../cli-runtime.js';
import { positiveIntOption } from '../options.js';
import { formatTable } from '../table.js';
import { fetchFromServer, readWithFallback } from '../with-services.js';

const iso = (ms: number | null): string | null =>
  ms === null ? null : new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const isoText = (text: string | null): string | null =>
  text === null ? null : text.replace(/\.\d{3}Z$/, 'Z');

export const jobsCommand = (runtime: CliRuntime, io: CliOutput): Command => {
  const jobs = new Command('jobs').description('Scheduled jobs and their runs');

  jobs
    .command('list', { isDefault: true })
    .description('Jobs with their schedule and last run')
    .action(async () => {
      const rows = await readWithFallback(
        runtime,
        async (services) =>
          (await services.jobs.listJobs(services.caller.principal, services.caller.context)).map(
            (j) => [
              j.definition.name,
              j.definition.schedule,
              j.lastRun?.status ?? null,
              iso(j.lastRun?.startedAtMs ?? null),
              j.lastRun?.rows ?? null,
              j.lastRun?.error ?? null,
            ],
          ),
        async (server) =>
          ((await fetchFromServer(server, '/api/v1/jobs')) as JobList).data.map((j) => [
            j.name,
            j.schedule,
            j.lastRun?.status ?? null,
            isoText(j.lastRun?.startedAt ?? null),
            j.lastRun?.rows ?? null,
            j.lastRun?.error ?? null,
          ]),
      );
      io.out.write(
        formatTable(['job', 'schedule', 'last status', 'last start', 'rows', 'error'], rows),
      );
    });

  jobs
    .command('runs')
    .description('Recent job runs, newest first')
    .option('--job <name>', 'only this job')
    .addOption(
      new Option('--status <status>', 'only runs with this status').choices([
        'running',
        'succeeded',
        'failed',
      ]),
    )
    .option('--limit <n>', 'how many', positiveIntOption, 20)
    .action(
      async (options: {
        job?: string;
        status?: 'running' | 'succeeded' | 'failed';
        limit: number;
      }) => {
        const rows = await readWithFallback(
          runtime,
          async (services) =>
            (
              await services.jobs.listRuns(
                services.caller.principal,
                options,
                services.caller.context,
              )
            ).items.map((r) => [
              r.job,
              r.attempt,
              r.trigger,
              r.status,
              iso(r.startedAtMs),
              r.finishedAtMs === null ? null : r.finishedAtMs - r.startedAtMs,
              r.rows,
              r.error,
            ]),
          async (server) => {
            const params = new URLSearchParams({ limit: String(options.limit) });
            if (options.job) {
              params.set('job', options.job);
            }
            if (options.status) {
              params.set('status', options.status);
            }
            const page = (await fetchFromServer(
              server,
              `/api/v1/jobs/runs?${params.toString()}`,
            )) as JobRunPage;
            return page.data.map((r) => [
              r.job,
              r.attempt,
              r.trigger,
              r.status,
              isoText(r.startedAt),
              r.durationMs,
              r.rows,
              r.error,
            ]);
          },
        );
        io.out.write(
          formatTable(
            ['job', 'attempt', 'trigger', 'status', 'started', 'ms', 'rows', 'error'],
            rows,
          ),
        );
      },
    );

  jobs
    .command('run <name>')
    .description('Run a job now (with retries) and report its outcome')
    .action(async (name: string) => {
      const services = await runtime.open(runtime.loadConfig());
      try {
        const run = await services.jobs.runNow(
          services.caller.principal,
          name,
          services.caller.context,
        );
        io.out.write(
          `${run.job}: ${run.status} after ${run.attempt} attempt(s)` +
            (run.rows !== null ? `, ${run.rows} rows` : '') +
            (run.error ? ` — ${run.error}` : '') +
            '\n',
        );
        if (run.status === 'failed') {
          process.exitCode = 1;
        }
      } finally {
        await services.close();
      }
    });
  return jobs;
};
