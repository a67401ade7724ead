import type { Me } from '@254carbon/contracts';
import { useEffect, useRef } from 'react';
import { describeError } from '../api/describe-error';
import { can } from '../features/auth/permissions';
import { sessionRedirect } from '../features/auth/redirect';
import { SessionProvider, useSession, type SessionState } from '../features/auth/session';
import { SignInPage } from '../features/auth/SignInPage';
import { ExplorerPage } from '../features/explorer/ExplorerPage';
import { JobsPage } from '../features/jobs/JobsPage';
import { ErrorAlert } from '../ui/ErrorAlert';
import { LoadingIndicator } from '../ui/LoadingIndicator';
import { AppHeader } from './AppHeader';
import { navigate } from './navigate';
import { NotAllowedPage } from './NotAllowedPage';
import { NotFoundPage } from './NotFoundPage';
import { resolveRoute, routeTitle, type RouteId } from './routes';
import { usePathname, useSearch } from './use-pathname';

const SignedInPage = ({
  route,
  pathname,
  me,
}: {
  readonly route: RouteId;
  readonly pathname: string;
  readonly me: Me;
}) => {
  switch (route) {
    case 'explorer':
      return <ExplorerPage me={me} />;
    case 'jobs':
      return can(me, 'platform:operations') ? (
        <JobsPage />
      ) : (
        <NotAllowedPage
          title="Jobs"
          reason="Scheduled jobs are shown to the platform's operators only."
        />
      );
    case 'not-found':
      return <NotFoundPage pathname={pathname} showJobs={can(me, 'platform:operations')} />;
    case 'login':
      // Signed in already: the hub is on its way to the page that was asked for.
      return null;
  }
};

const MainContent = ({
  state,
  route,
  pathname,
}: {
  readonly state: SessionState;
  readonly route: RouteId;
  readonly pathname: string;
}) => {
  const session = useSession();
  switch (state.status) {
    case 'checking':
      return (
        <div className="panel panel--pad">
          <LoadingIndicator label="Checking your session…" />
        </div>
      );
    case 'unavailable':
      return (
        <ErrorAlert
          title="The hub could not reach the server"
          {...describeError(state.error)}
          action={
            <button type="button" className="button" onClick={session.retry}>
              Retry
            </button>
          }
        />
      );
    case 'signed-out':
    case 'logged-out':
      return route === 'login' ? (
        <SignInPage notice={state.notice} onSignedIn={session.signedIn} />
      ) : null;
    case 'signed-in':
      return <SignedInPage route={route} pathname={pathname} me={state.me} />;
  }
};

/** Header, navigation and the page for the current path, once the session is known. */
const Hub = () => {
  const session = useSession();
  const { state } = session;
  const pathname = usePathname();
  const search = useSearch();
  const route = resolveRoute(pathname);
  const redirect = sessionRedirect(state.status, pathname, search);
  const mainRef = useRef<HTMLElement>(null);
  const isFirstRoute = useRef(true);

  useEffect(() => {
    if (redirect !== null) {
      navigate(redirect, { replace: true });
    }
  }, [redirect]);

  useEffect(() => {
    document.title = routeTitle(route);
    // After a client-side navigation, move focus to the new page as a full page load would. The sign-in page
    // focuses its first field itself.
    if (isFirstRoute.current) {
      isFirstRoute.current = false;
    } else if (route !== 'login') {
      mainRef.current?.focus();
    }
  }, [route]);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <AppHeader
        route={route}
        me={state.status === 'signed-in' ? state.me : null}
        onSignOut={session.signOut}
      />
      <main id="main" ref={mainRef} tabIndex={-1} className="app-main">
        {redirect === null && <MainContent state={state} route={route} pathname={pathname} />}
      </main>
      <footer className="app-footer">
        <span>254Carbon · open market intelligence for wholesale power</span>
        <a href="/docs">API documentation</a>
      </footer>
    </>
  );
};

/** The hub. */
export const App = () => (
  <SessionProvider>
    <Hub />
  </SessionProvider>
);
