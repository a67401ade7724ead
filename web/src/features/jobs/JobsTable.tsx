import type { Job } from '@254carbon/contracts';
import { Badge } from '../../ui/Badge';
import { formatCount, formatDateTime, formatDuration, formatRelative } from '../../ui/format';
import { RunStatusBadge } from './RunStatusBadge';

interface JobsTableProps {
  readonly jobs: readonly Job[];
  /** When the list was fetched: "next run in …" is relative to it. */
  readonly asOf: number;
}

/** Every scheduled job with its schedule, next run and the outcome of its last run. Times in UTC. */
export const JobsTable = ({ jobs, asOf }: JobsTableProps) => (
  <div className="table-scroll">
    <table className="table">
      <caption className="visually-hidden">Scheduled jobs; times in UTC.</caption>
      <thead>
        <tr>
          <th scope="col">Job</th>
          <th scope="col">Schedule</th>
          <th scope="col">Next run (UTC)</th>
          <th scope="col">Last status</th>
          <th scope="col">Last start (UTC)</th>
          <th scope="col" className="num">
            Rows
          </th>
          <th scope="col" className="num">
            Duration
          </th>
          <th scope="col">Error</th>
        </tr>
      </thead>
      <tbody>
        {jobs.length === 0 && (
          <tr>
            <td colSpan={8} className="table__empty">
              No jobs are scheduled on this server.
            </td>
          </tr>
        )}
        {jobs.map((job) => {
          const last = job.lastRun;
          const nextMs = job.nextRunAt === null ? null : Date.parse(job.nextRunAt);
          return (
            <tr
              key={job.name}
              data-job={job.name}
              className={last?.status === 'failed' ? 'row--failed' : undefined}
            >
              <th scope="row">
                <span className="mono">{job.name}</span>
                <span className="cell__sub">{job.description}</span>
              </th>
              <td>
                <code className="mono nowrap">{job.schedule}</code>
                <span className="cell__sub">{job.timezone}</span>
              </td>
              <td className="mono nowrap">
                {nextMs === null ? (
                  <Badge>disabled</Badge>
                ) : (
                  <>
                    {formatDateTime(nextMs, 'UTC')}
                    <span className="cell__sub">{formatRelative(nextMs, asOf)}</span>
                  </>
                )}
              </td>
              <td data-column="status">
                {last ? <RunStatusBadge status={last.status} /> : <Badge>never run</Badge>}
                {last && last.attempt > 1 && (
                  <span className="cell__sub">attempt {last.attempt}</span>
                )}
              </td>
              <td className="mono nowrap">
                {last ? formatDateTime(Date.parse(last.startedAt), 'UTC') : '—'}
                {last && <span className="cell__sub">{last.trigger}</span>}
              </td>
              <td className="num">{formatCount(last?.rows)}</td>
              <td className="num">{formatDuration(last?.durationMs)}</td>
              <td className="cell__error">{last?.error ?? ''}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  </div>
);
