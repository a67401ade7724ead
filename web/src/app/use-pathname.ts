import { useSyncExternalStore } from 'react';
import { subscribeToLocation } from './navigate';

const readPathname = () => window.location.pathname;

/** The current URL path, re-rendering on navigation. */
export const usePathname = (): string => useSyncExternalStore(subscribeToLocation, readPathname);
