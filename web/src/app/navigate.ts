const NAVIGATE_EVENT = 'carbon:navigate';

export interface NavigateOptions {
  /** Replace the current history entry instead of adding one (redirects must not trap the back button). */
  readonly replace?: boolean;
}

/** The current path with its query string, e.g. `/explorer?x=1`. */
export const currentPath = (): string => window.location.pathname + window.location.search;

/** Client-side navigation: push (or replace) a history entry and tell subscribers. */
export const navigate = (path: string, options: NavigateOptions = {}): void => {
  if (path === currentPath()) {
    return;
  }
  if (options.replace) {
    window.history.replaceState(null, '', path);
  } else {
    window.history.pushState(null, '', path);
  }
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
};

/** Calls `onChange` on back/forward and on `navigate`; returns the unsubscribe function. */
export const subscribeToLocation = (onChange: () => void): (() => void) => {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
};
