import { useSyncExternalStore } from 'react';
import { subscribeToLocation } from './navigate';

const readPathname = () => window.location.pathname;
const readSearch = () => window.location.search;

/** The current URL path, re-rendering on navigation. */
export const usePathname = (): string => useSyncExternalStore(subscribeToLocation, readPathname);

/** The current query string (`?…` or ''), re-rendering on navigation. */
export const useSearch = (): string => useSyncExternalStore(subscribeToLocation, readSearch);
