import type { JobRun } from '@254carbon/contracts';
import { formatCount, formatDateTime, formatDuration } from '../../ui/format';
import { RunStatusBadge } from './RunStatusBadge';

/** Recent job runs, newest first; failed runs stand out. Times in UTC. */
export const JobRunsTable = ({ runs }: { readonly runs: readonly JobRun[] }) => (
  <div className="table-scroll">
    <table className="table">
      <caption className="visually-hidden">Recent job runs, newest first; times in UTC.</caption>
      <thead>
        <tr>
          <th scope="col">Started (UTC)</th>
          <th scope="col">Job</th>
          <th scope="col">Trigger</th>
          <th scope="col" className="num">
            Attempt
          </th>
          <th scope="col">Status</th>
          <th scope="col" className="num">
            Duration
          </th>
          <th scope="col" className="num">
            Rows
          </th>
          <th scope="col">Error</th>
        </tr>
      </thead>
      <tbody>
        {runs.length === 0 && (
          <tr>
            <td colSpan={8} className="table__empty">
              No runs yet.
            </td>
          </tr>
        )}
        {runs.map((run) => (
          <tr key={run.id} className={run.status === 'failed' ? 'row--failed' : undefined}>
            <td className="mono nowrap">{formatDateTime(Date.parse(run.startedAt), 'UTC')}</td>
            <th scope="row" className="mono">
              {run.job}
            </th>
            <td>{run.trigger}</td>
            <td className="num">{run.attempt}</td>
            <td>
              <RunStatusBadge status={run.status} />
            </td>
            <td className="num">{formatDuration(run.durationMs)}</td>
            <td className="num">{formatCount(run.rows)}</td>
            <td className="cell__error">{run.error ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);
