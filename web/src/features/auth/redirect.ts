import { resolveRoute } from '../../app/routes';

/** Where the hub goes after signing in when nothing else was asked for. */
export const DEFAULT_PATH = '/explorer';
export const SIGN_IN_PATH = '/login';

// Only for parsing relative paths; never requested.
const BASE = 'https://hub.invalid';

/**
 * A path within the hub that is safe to go to after signing in, or null. Anything that could leave the site
 * (`//evil.example`, `/\evil.example`, `https://…`, `javascript:`) is refused, and so is the sign-in page itself.
 */
export const safeRedirectPath = (value: string | null | undefined): string | null => {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return null;
  }
  // Browsers strip tabs and newlines from URLs, which can turn "/\t/evil" into "//evil".
  if ([...value].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f || c === '\\')) {
    return null;
  }
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE || resolveRoute(url.pathname) === 'login') {
    return null;
  }
  return `${url.pathname}${url.search}${url.hash}`;
};

/** The sign-in page, remembering where the user wanted to go (e.g. `/login?next=%2Fjobs`). */
export const signInPath = (intended: string | null): string => {
  const next = safeRedirectPath(intended);
  return next === null || next === '/'
    ? SIGN_IN_PATH
    : `${SIGN_IN_PATH}?next=${encodeURIComponent(next)}`;
};

/** Where to go after signing in, from the sign-in page's query string. */
export const pathAfterSignIn = (search: string): string =>
  safeRedirectPath(new URLSearchParams(search).get('next')) ?? DEFAULT_PATH;

export type SessionStatus = 'checking' | 'unavailable' | 'signed-in' | 'signed-out' | 'logged-out';

/**
 * Where the hub must send the user now, or null to stay: signed-out users go to the sign-in page (keeping the
 * page they wanted, except after signing out on purpose), signed-in users leave it.
 */
export const sessionRedirect = (
  status: SessionStatus,
  pathname: string,
  search: string,
): string | null => {
  const onSignIn = resolveRoute(pathname) === 'login';
  switch (status) {
    case 'checking':
    case 'unavailable':
      return null;
    case 'signed-in':
      return onSignIn ? pathAfterSignIn(search) : null;
    case 'signed-out':
      return onSignIn ? null : signInPath(pathname + search);
    case 'logged-out':
      return onSignIn ? null : SIGN_IN_PATH;
  }
};
