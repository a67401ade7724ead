import type { JobRunRecord, JobRunStatus, MetadataStore } from '../../ports/metadata-store.js';

export type { JobRunRecord };
import type { Principal } from '../../domain/access/principal.js';
import type { AccessService } from '../access/access.service.js';
import type { RequestContext } from '../access/request-context.js';
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
  readonly #access: AccessService;

  constructor(deps: {
    scheduler: JobScheduler;
    metadata: MetadataStore;
    access: AccessService;
    schedulerRunning: boolean;
  }) {
    this.#access = deps.access;
    this.#scheduler = deps.scheduler;
    this.#metadata = deps.metadata;
    this.#schedulerRunning = deps.schedulerRunning;
  }

  async listJobs(principal: Principal | null, context: RequestContext): Promise<JobView[]> {
    this.#access.requirePermission(principal, 'platform:operations', 'jobs.list', context);
    const latest = await this.#metadata.latestJobRuns();
    return this.#scheduler.jobs().map((job) => ({
      definition: job.definition,
      nextRunAtMs: this.#schedulerRunning ? job.nextRunAtMs : null,
      lastRun: latest.get(job.definition.name) ?? null,
    }));
  }

  async listRuns(
    principal: Principal | null,
    query: {
      job?: string | undefined;
      status?: JobRunStatus | undefined;
      limit?: number | undefined;
      cursor?: string | undefined;
    },
    context: RequestContext,
  ): Promise<{ items: readonly JobRunRecord[]; nextCursor: string | null }> {
    this.#access.requirePermission(principal, 'platform:operations', 'jobs.runs', context);
    const page = await this.#metadata.listJobRuns(
      {
        ...(query.job ? { job: query.job } : {}),
        ...(query.status ? { status: query.status } : {}),
      },
      { limit: query.limit ?? 50, after: decodeCursor(query.cursor) },
    );
    return { items: page.items, nextCursor: encodeCursor(page.next) };
  }

  runNow(
    principal: Principal | null,
    name: string,
    context: RequestContext,
  ): Promise<JobRunRecord> {
    this.#access.requirePermission(principal, 'platform:operations', 'jobs.run', context);
    return this.#scheduler.runNow(name, 'manual');
  }
}
