import type { JobList, JobRunPage } from '@254carbon/contracts';
import { apiUrl, jobRunsUrl } from '../../api/client';
import { describeError } from '../../api/describe-error';
import { useApiGet } from '../../api/use-api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatTime } from '../../ui/format';
import { LoadingIndicator } from '../../ui/LoadingIndicator';
import { JobRunsTable } from './JobRunsTable';
import { JobsTable } from './JobsTable';

const REFRESH_MS = 15_000;
const RUN_LIMIT = 50;

/** Scheduled ingestion and maintenance jobs, and their recent runs. */
export const JobsPage = () => {
  const jobs = useApiGet<JobList>(apiUrl('/jobs'), { refreshMs: REFRESH_MS });
  const runs = useApiGet<JobRunPage>(jobRunsUrl({ limit: RUN_LIMIT }), { refreshMs: REFRESH_MS });
  const failed = runs.data?.data.filter((r) => r.status === 'failed').length ?? 0;

  return (
    <div className="page">
      <header className="page__header">
        <div>
          <h1 className="page__title">Jobs</h1>
          <p className="page__subtitle">
            Scheduled ingestion and its recent runs; refreshed every 15 s
          </p>
        </div>
        {jobs.updatedAt !== null && (
          <p className="refresh-status">
            <span className="live-dot" aria-hidden="true" />
            Updated {formatTime(jobs.updatedAt, 'UTC')} UTC
          </p>
        )}
      </header>

      <section className="panel" aria-labelledby="jobs-title">
        <div className="panel__header">
          <h2 id="jobs-title" className="panel__title">
            Scheduled jobs
          </h2>
        </div>
        {jobs.error && (
          <ErrorAlert title="Jobs could not be loaded" {...describeError(jobs.error)} />
        )}
        {jobs.data ? (
          <JobsTable jobs={jobs.data.data} asOf={jobs.updatedAt ?? 0} />
        ) : (
          jobs.isLoading && (
            <div className="panel--pad">
              <LoadingIndicator label="Loading jobs…" />
            </div>
          )
        )}
      </section>

      <section className="panel" aria-labelledby="runs-title">
        <div className="panel__header">
          <h2 id="runs-title" className="panel__title">
            Recent runs
            <span className="panel__meta">
              last {RUN_LIMIT}
              {failed > 0 ? ` · ${failed} failed` : ''}
            </span>
          </h2>
        </div>
        {runs.error && (
          <ErrorAlert title="Job runs could not be loaded" {...describeError(runs.error)} />
        )}
        {runs.data ? (
          <JobRunsTable runs={runs.data.data} />
        ) : (
          runs.isLoading && (
            <div className="panel--pad">
              <LoadingIndicator label="Loading runs…" />
            </div>
          )
        )}
      </section>
    </div>
  );
};
