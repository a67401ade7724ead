export type RouteId = 'explorer' | 'jobs' | 'not-found';

export interface NavItem {
  readonly route: RouteId;
  readonly href: string;
  readonly label: string;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { route: 'explorer', href: '/explorer', label: 'Price explorer' },
  { route: 'jobs', href: '/jobs', label: 'Jobs' },
];

const TITLES: Record<RouteId, string> = {
  explorer: 'Price explorer',
  jobs: 'Jobs',
  'not-found': 'Page not found',
};

export const routeTitle = (route: RouteId): string => `${TITLES[route]} · 254Carbon`;

/** Which page a path shows; a trailing slash does not matter. */
export const resolveRoute = (pathname: string): RouteId => {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  switch (path) {
    case '/':
    case '/explorer':
      return 'explorer';
    case '/jobs':
      return 'jobs';
    default:
      return 'not-found';
  }
};
