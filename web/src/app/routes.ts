import type { HubPermission } from '../features/auth/permissions';

export type RouteId = 'explorer' | 'jobs' | 'login' | 'not-found';

export interface NavItem {
  readonly route: RouteId;
  readonly href: string;
  readonly label: string;
  /** Shown only to callers holding this permission (see `Me.permissions`). */
  readonly permission: HubPermission;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { route: 'explorer', href: '/explorer', label: 'Price explorer', permission: 'data:read' },
  { route: 'jobs', href: '/jobs', label: 'Jobs', permission: 'platform:operations' },
];

const TITLES: Record<RouteId, string> = {
  explorer: 'Price explorer',
  jobs: 'Jobs',
  login: 'Sign in',
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
    case '/login':
      return 'login';
    default:
      return 'not-found';
  }
};
