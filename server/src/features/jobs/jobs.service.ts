import type { JobRunRecord, JobRunStatus, MetadataStore } from '../../ports/metadata-store.js';

export type { JobRunRecord };
import { decodeCursor, encodeCursor } from '../cursor.js';
import type { JobDefinition, JobScheduler } from './job-scheduler.js';

export interface JobView {
  readonly definition: JobDefinition;
  readonly nextRunAtMs: number | null;
  readonly lastRun: JobRunRecord | null;
}

/** What the scheduler has done and will do next, for the API and CLI. */
export class JobsService {
  readonly #scheduler: JobScheduler;
  readonly #metadata: MetadataStore;
  readonly #schedulerRunning: boolean;

  constructor(deps: {
    scheduler: JobScheduler;
    metadata: MetadataStore;
    schedulerRunning: boolean;
  }) {
    this.#scheduler = deps.scheduler;
    this.#metadata = deps.metadata;
    this.#schedulerRunning = deps.schedulerRunning;
  }

  async listJobs(): Promise<JobView[]> {
    const latest = await this.#metadata.latestJobRuns();
    return this.#scheduler.jobs().map((job) => ({
      definition: job.definition,
      nextRunAtMs: this.#schedulerRunning ? job.nextRunAtMs : null,
      lastRun: latest.get(job.definition.name) ?? null,
    }));
  }

  async listRuns(query: {
    job?: string | undefined;
    status?: JobRunStatus | undefined;
    limit?: number | undefined;
    cursor?: string | undefined;
  }): Promise<{ items: readonly JobRunRecord[]; nextCursor: string | null }> {
    const page = await this.#metadata.listJobRuns(
      {
        ...(query.job ? { job: query.job } : {}),
        ...(query.status ? { status: query.status } : {}),
      },
      { limit: query.limit ?? 50, after: decodeCursor(query.cursor) },
    );
    return { items: page.items, nextCursor: encodeCursor(page.next) };
  }

  runNow(name: string): Promise<JobRunRecord> {
    return this.#scheduler.runNow(name, 'manual');
  }
}
