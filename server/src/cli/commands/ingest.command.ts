import { SingleBar, Presets } from 'cli-progress';
import { Command } from 'commander';
import type { IngestProgress } from '../../features/ingest/ingest.service.js';
import type { CliOutput, CliRuntime } from '../cli-runtime.js';

const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

/** A progress display: a bar on a terminal, one line per finished day otherwise (logs, CI). */
const progressReporter = (io: CliOutput, datasets: readonly string[], spanMs: number) => {
  const total = datasets.length * spanMs;
  const bar = io.err.isTTY
    ? new SingleBar(
        {
          format:
            'ingest [{bar}] {percentage}% | {dataset} until {until} | {rows} rows | eta {eta_formatted}',
          stream: io.err,
          hideCursor: true,
        },
        Presets.shades_classic,
      )
    : null;
  bar?.start(total, 0, { dataset: datasets[0] ?? '', until: '', rows: 0 });
  return {
    update(progress: IngestProgress): void {
      const done =
        datasets.indexOf(progress.dataset) * spanMs +
        (progress.doneUntilMs - progress.range.fromMs);
      if (bar) {
        bar.update(done, {
          dataset: progress.dataset,
          until: iso(progress.doneUntilMs),
          rows: progress.rows,
        });
      } else {
        io.err.write(
          `${progress.feed}/${progress.dataset}: stored up to ${iso(progress.doneUntilMs)} (${progress.rows} rows)\n`,
        );
      }
    },
    stop(): void {
      bar?.update(total);
      bar?.stop();
    },
  };
};

export const ingestCommand = (runtime: CliRuntime, io: CliOutput): Command =>
  new Command('ingest')
    .description(
      'Fetch a feed over a time range and store it (idempotent: re-running stores nothing twice)',
    )
    .requiredOption('--feed <id>', 'feed to ingest (see `254carbon feeds`)')
    .option('--dataset <id>', 'one dataset of the feed (default: all)')
    .requiredOption(
      '--from <time>',
      'start: YYYY-MM-DD (market-local midnight) or ISO time with offset',
    )
    .requiredOption('--to <time>', 'end (exclusive), same forms as --from')
    .action(async (options: { feed: string; dataset?: string; from: string; to: string }) => {
      const services = await runtime.open(runtime.loadConfig());
      try {
        const range = services.ingest.parseRange(options.feed, options.from, options.to);
        const feed = services.ingest.feed(options.feed);
        const datasets = options.dataset ? [options.dataset] : feed.datasets.map((d) => d.id);
        const progress = progressReporter(io, datasets, range.toMs - range.fromMs);
        const abort = new AbortController();
        const onInterrupt = (): void => abort.abort();
        process.once('SIGINT', onInterrupt);
        try {
          const totals = await services.ingest.ingest({
            feed: options.feed,
            dataset: options.dataset,
            range,
            signal: abort.signal,
            onProgress: (p) => progress.update(p),
          });
          progress.stop();
          io.out.write(
            `Ingested ${options.feed} ${iso(range.fromMs)} → ${iso(range.toMs)}: ${totals.rows} rows fetched, ` +
              `${totals.inserted} new, ${totals.revised} revised, ${totals.unchanged} unchanged.\n`,
          );
        } finally {
          process.removeListener('SIGINT', onInterrupt);
        }
      } finally {
        await services.close();
      }
    });
