import { useEffect, useRef } from 'react';
import { ExplorerPage } from '../features/explorer/ExplorerPage';
import { JobsPage } from '../features/jobs/JobsPage';
import { AppHeader } from './AppHeader';
import { NotFoundPage } from './NotFoundPage';
import { resolveRoute, routeTitle } from './routes';
import { usePathname } from './use-pathname';

/** The hub: header, navigation and the page for the current path. */
export const App = () => {
  const pathname = usePathname();
  const route = resolveRoute(pathname);
  const mainRef = useRef<HTMLElement>(null);
  const isFirstRoute = useRef(true);

  useEffect(() => {
    document.title = routeTitle(route);
    // After a client-side navigation, move focus to the new page as a full page load would.
    if (isFirstRoute.current) {
      isFirstRoute.current = false;
    } else {
      mainRef.current?.focus();
    }
  }, [route]);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <AppHeader route={route} />
      <main id="main" ref={mainRef} tabIndex={-1} className="app-main">
        {route === 'explorer' && <ExplorerPage />}
        {route === 'jobs' && <JobsPage />}
        {route === 'not-found' && <NotFoundPage pathname={pathname} />}
      </main>
      <footer className="app-footer">
        <span>254Carbon · open market intelligence for wholesale power</span>
        <a href="/docs">API documentation</a>
      </footer>
    </>
  );
};
