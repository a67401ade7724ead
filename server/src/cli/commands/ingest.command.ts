import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import { Command } from 'commander';
import { invalidRequest } from '../../platform/errors.js';
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

interface RangeOptions {
  feed?: string;
  dataset?: string;
  from?: string;
  to?: string;
}

/** Fetches a range from the operator; with `resumable`, continues a previous run of the same range. */
const ingestRange = async (
  runtime: CliRuntime,
  io: CliOutput,
  options: RangeOptions,
  resumable: boolean,
): Promise<void> => {
  if (!options.feed || !options.from || !options.to) {
    throw invalidRequest('Give --feed, --from and --to (or --file to load saved files).', [
      ...(!options.feed ? [{ field: '--feed', message: 'required' }] : []),
      ...(!options.from ? [{ field: '--from', message: 'required' }] : []),
      ...(!options.to ? [{ field: '--to', message: 'required' }] : []),
    ]);
  }
  const { feed: feedId, from, to } = options;
  const services = await runtime.open(runtime.loadConfig());
  try {
    const range = services.ingest.parseRange(feedId, from, to);
    const feed = services.ingest.feed(feedId);
    const datasets = options.dataset ? [options.dataset] : feed.datasets.map((d) => d.id);
    const progress = progressReporter(io, datasets, range.toMs - range.fromMs);
    const abort = new AbortController();
    const onInterrupt = (): void => abort.abort();
    process.once('SIGINT', onInterrupt);
    try {
      const totals = await services.ingest.ingest({
        feed: feedId,
        dataset: options.dataset,
        range,
        resumable,
        signal: abort.signal,
        onProgress: (p) => progress.update(p),
      });
      progress.stop();
      io.out.write(
        `Ingested ${feedId} ${iso(range.fromMs)} → ${iso(range.toMs)}: ${totals.rows} rows fetched, ` +
          `${totals.inserted} new, ${totals.revised} revised, ${totals.unchanged} unchanged.\n`,
      );
    } finally {
      process.removeListener('SIGINT', onInterrupt);
    }
  } finally {
    await services.close();
  }
};

/** Loads saved operator files (CSV, zip, JSON, XML as served) with the markets' own parsers. */
const ingestFiles = async (
  runtime: CliRuntime,
  io: CliOutput,
  paths: readonly string[],
  options: RangeOptions,
): Promise<void> => {
  if (options.from || options.to) {
    throw invalidRequest('--file loads whole files; leave out --from and --to.', [
      { field: '--from', message: 'not used with --file' },
    ]);
  }
  const documents = paths.map((path) => {
    try {
      return {
        name: basename(path),
        bytes: new Uint8Array(readFileSync(path)),
        origin: resolve(path),
      };
    } catch (error) {
      throw invalidRequest(`Cannot read ${path}: ${(error as Error).message}`, [
        { field: '--file', message: `${path} is not readable` },
      ]);
    }
  });
  const services = await runtime.open(runtime.loadConfig());
  try {
    const totals = await services.ingest.ingestDocuments({
      documents,
      feed: options.feed,
      dataset: options.dataset,
      onDocument: (p) =>
        io.err.write(
          `${p.document} → ${p.feed}/${p.dataset}: ${p.result.rows} rows, ${p.result.inserted} new, ` +
            `${p.result.revised} revised, ${p.result.unchanged} unchanged\n`,
        ),
    });
    io.out.write(
      `Loaded ${documents.length} file${documents.length === 1 ? '' : 's'}: ${totals.rows} rows, ` +
        `${totals.inserted} new, ${totals.revised} revised, ${totals.unchanged} unchanged.\n`,
    );
  } finally {
    await services.close();
  }
};

const RANGE_HELP = 'YYYY-MM-DD (market-local midnight) or ISO time with offset';

export const ingestCommand = (runtime: CliRuntime, io: CliOutput): Command =>
  new Command('ingest')
    .description(
      'Fetch a feed over a time range, or load saved operator files, and store them (idempotent: re-running stores nothing twice)',
    )
    .option('--feed <id>', 'feed to ingest (see `254carbon feeds`); optional with --file')
    .option(
      '--dataset <id>',
      'one dataset of the feed (default: all; with --file: from the file name)',
    )
    .option('--from <time>', `start: ${RANGE_HELP}`)
    .option('--to <time>', 'end (exclusive), same forms as --from')
    .option('--file <paths...>', 'saved operator files (CSV, zip, JSON, XML exactly as served)')
    .action(async (options: RangeOptions & { file?: string[] }) => {
      if (options.file) {
        await ingestFiles(runtime, io, options.file, options);
      } else {
        await ingestRange(runtime, io, options, false);
      }
    });

export const backfillCommand = (runtime: CliRuntime, io: CliOutput): Command =>
  new Command('backfill')
    .description(
      'Fetch a long range day by day; after a crash or Ctrl-C, the same command continues where it stopped',
    )
    .requiredOption('--feed <id>', 'feed to backfill (see `254carbon feeds`)')
    .option('--dataset <id>', 'one dataset of the feed (default: all)')
    .requiredOption('--from <time>', `start: ${RANGE_HELP}`)
    .requiredOption('--to <time>', 'end (exclusive), same forms as --from')
    .action(async (options: RangeOptions) => {
      await ingestRange(runtime, io, options, true);
    });
