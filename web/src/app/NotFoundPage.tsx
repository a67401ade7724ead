import { NavLink } from './NavLink';

interface NotFoundPageProps {
  readonly pathname: string;
  /** Offer the jobs page only to those who may open it. */
  readonly showJobs: boolean;
}

export const NotFoundPage = ({ pathname, showJobs }: NotFoundPageProps) => (
  <div className="page">
    <header className="page__header">
      <div>
        <h1 className="page__title">Page not found</h1>
        <p className="page__subtitle">
          Nothing lives at <code>{pathname}</code>.
        </p>
      </div>
    </header>
    <div className="panel panel--pad">
      <p>
        Go to the{' '}
        <NavLink href="/explorer" isCurrent={false}>
          price explorer
        </NavLink>
        {showJobs && (
          <>
            , the{' '}
            <NavLink href="/jobs" isCurrent={false}>
              jobs
            </NavLink>{' '}
            page
          </>
        )}{' '}
        or the <a href="/docs">API documentation</a>.
      </p>
    </div>
  </div>
);
