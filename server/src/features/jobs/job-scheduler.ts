import { Cron } from 'croner';
import type { Clock } from '../../platform/clock.js';
import { invalidRequest } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { Logger } from '../../platform/logger.js';
import type { Metrics } from '../../platform/metrics.js';
import type { JobRunRecord, JobTrigger, MetadataStore } from '../../ports/metadata-store.js';

export interface JobContext {
  /** Aborted when the scheduler stops; long jobs should pass it on to I/O. */
  readonly signal: AbortSignal;
  readonly attempt: number;
  readonly trigger: JobTrigger;
}

export interface JobDefinition {
  readonly name: string;
  readonly description: string;
  /** Cron expression with a seconds field first, e.g. `10 *\/5 * * * *`. */
  readonly schedule: string;
  readonly timezone: string;
  /** Does the work and says how many rows it handled. Throwing marks the attempt failed. */
  run(context: JobContext): Promise<{ rows: number }>;
}

export interface ScheduledJob {
  readonly definition: JobDefinition;
  readonly nextRunAtMs: number | null;
  readonly running: boolean;
}

interface Entry {
  readonly definition: JobDefinition;
  cron: Cron | null;
  inFlight: Promise<JobRunRecord> | null;
}

/**
 * In-process cron. Every attempt is recorded as a job run (start, end, status, rows, error); a failing attempt is
 * retried with exponential backoff, and one job's failure or slowness never blocks another (each has its own
 * timer, and a job still running when its next tick comes is skipped rather than stacked).
 */
export class JobScheduler {
  readonly #entries = new Map<string, Entry>();
  readonly #metadata: MetadataStore;
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #metrics: Metrics | null;
  readonly #maxAttempts: number;
  readonly #retryBaseMs: number;
  readonly #stopping = new AbortController();
  #started = false;

  constructor(deps: {
    metadata: MetadataStore;
    clock: Clock;
    logger: Logger;
    metrics?: Metrics;
    maxAttempts: number;
    retryBaseMs: number;
  }) {
    this.#metadata = deps.metadata;
    this.#clock = deps.clock;
    this.#logger = deps.logger;
    this.#metrics = deps.metrics ?? null;
    this.#maxAttempts = deps.maxAttempts;
    this.#retryBaseMs = deps.retryBaseMs;
  }

  register(definition: JobDefinition): void {
    if (this.#entries.has(definition.name)) {
      throw new Error(`Job ${definition.name} is registered twice`);
    }
    // Validates the expression now, so a typo fails at start-up rather than silently never running.
    new Cron(definition.schedule, { timezone: definition.timezone, paused: true }).stop();
    this.#entries.set(definition.name, { definition, cron: null, inFlight: null });
    if (this.#started) {
      this.#schedule(this.#entries.get(definition.name) as Entry);
    }
  }

  /** Starts the timers of every registered job. */
  start(): void {
    this.#started = true;
    for (const entry of this.#entries.values()) {
      this.#schedule(entry);
    }
  }

  jobs(): ScheduledJob[] {
    return [...this.#entries.values()].map((entry) => ({
      definition: entry.definition,
      nextRunAtMs: entry.cron?.nextRun()?.getTime() ?? null,
      running: entry.inFlight !== null,
    }));
  }

  /**
   * Runs a job now (with retries) and resolves with its final attempt. If the job is already running, resolves
   * with that run's outcome instead of starting a second one.
   */
  runNow(name: string, trigger: JobTrigger = 'manual'): Promise<JobRunRecord> {
    const entry = this.#entries.get(name);
    if (!entry) {
      throw invalidRequest(`Unknown job "${name}". Jobs: ${[...this.#entries.keys()].join(', ')}.`);
    }
    if (!entry.inFlight) {
      entry.inFlight = this.#execute(entry, trigger).finally(() => {
        entry.inFlight = null;
      });
    }
    return entry.inFlight;
  }

  /** Stops the timers, cancels retries, and waits for running jobs to finish. */
  async stop(): Promise<void> {
    this.#stopping.abort();
    for (const entry of this.#entries.values()) {
      entry.cron?.stop();
      entry.cron = null;
    }
    await Promise.allSettled(
      [...this.#entries.values()].flatMap((e) => (e.inFlight ? [e.inFlight] : [])),
    );
  }

  #schedule(entry: Entry): void {
    if (this.#stopping.signal.aborted) {
      return;
    }
    entry.cron = new Cron(
      entry.definition.schedule,
      { timezone: entry.definition.timezone, unref: true },
      () => {
        if (entry.inFlight) {
          this.#logger.warn(
            { job: entry.definition.name },
            'skipped a tick: the previous run is still going',
          );
          return;
        }
        void this.runNow(entry.definition.name, 'schedule');
      },
    );
  }

  async #execute(entry: Entry, trigger: JobTrigger): Promise<JobRunRecord> {
    const { definition } = entry;
    const log = this.#logger.child({ job: definition.name });
    let last: JobRunRecord | null = null;
    for (let attempt = 1; attempt <= this.#maxAttempts; attempt++) {
      const started = await this.#metadata.startJobRun({
        id: newId(),
        job: definition.name,
        trigger: attempt === 1 ? trigger : 'retry',
        attempt,
        startedAtMs: this.#clock.now(),
      });
      try {
        const { rows } = await definition.run({ signal: this.#stopping.signal, attempt, trigger });
        const outcome = {
          status: 'succeeded' as const,
          finishedAtMs: this.#clock.now(),
          rows,
          error: null,
        };
        await this.#metadata.finishJobRun(started.id, outcome);
        log.info(
          { attempt, rows, ms: outcome.finishedAtMs - started.startedAtMs },
          'job succeeded',
        );
        return { ...started, ...outcome };
      } catch (error) {
        const message = describe(error);
        const outcome = {
          status: 'failed' as const,
          finishedAtMs: this.#clock.now(),
          rows: null,
          error: message,
        };
        await this.#metadata.finishJobRun(started.id, outcome).catch((e: unknown) => {
          log.error({ err: e }, 'could not record the failed job run');
        });
        this.#metrics?.jobRuns.inc({ job: definition.name, status: 'failed' });
        last = { ...started, ...outcome };
        const retrying = attempt < this.#maxAttempts && !this.#stopping.signal.aborted;
        const delayMs = this.#retryBaseMs * 2 ** (attempt - 1);
        log.warn(
          { attempt, err: message, retryInMs: retrying ? delayMs : null },
          'job attempt failed',
        );
        if (!retrying || !(await sleep(delayMs, this.#stopping.signal))) {
          break;
        }
      }
    }
    return last as JobRunRecord;
  }
}

const describe = (error: unknown): string => {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ` (cause: ${error.cause.message})` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
};

/** Waits, unless the signal fires first; resolves true when the full time elapsed. */
const sleep = (ms: number, signal: AbortSignal): Promise<boolean> =>
  new Promise((resolve) => {
    if (signal.aborted) {
      resolve(false);
      return;
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
