const NAVIGATE_EVENT = 'carbon:navigate';

/** Client-side navigation: push a history entry and tell subscribers. */
export const navigate = (path: string): void => {
  if (path === window.location.pathname + window.location.search) {
    return;
  }
  window.history.pushState(null, '', path);
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
