import { useCallback, useEffect, useRef, useState } from 'react';
import { getJson } from './client';

interface Snapshot<T> {
  readonly key: string;
  readonly data: T | undefined;
  readonly error: Error | null;
  readonly updatedAt: number | null;
}

export interface ApiResource<T> {
  /** Data for the current key, or undefined until it arrives. */
  readonly data: T | undefined;
  /** The newest data for any key: lets a view keep showing the previous result while the next one loads. */
  readonly lastData: T | undefined;
  /** The last failure for the current key (also set when a refresh fails while older data is kept). */
  readonly error: Error | null;
  /** True while the first answer for the current key is pending. */
  readonly isLoading: boolean;
  /** Epoch ms of the last successful answer for the current key. */
  readonly updatedAt: number | null;
  readonly reload: () => void;
}

export interface ApiOptions {
  /** Poll every this many ms after each answer; null or undefined disables polling. */
  readonly refreshMs?: number | null;
}

/**
 * Loads a resource identified by `key` (usually its URL) and reloads whenever the key changes. A null key loads
 * nothing. Requests that are overtaken by a newer key are aborted, so answers never arrive out of order.
 */
export const useApi = <T>(
  key: string | null,
  load: (signal: AbortSignal) => Promise<T>,
  options: ApiOptions = {},
): ApiResource<T> => {
  const [snapshot, setSnapshot] = useState<Snapshot<T> | null>(null);
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  const refreshMs = options.refreshMs ?? null;

  useEffect(() => {
    loadRef.current = load;
  });

  useEffect(() => {
    if (key === null) {
      return undefined;
    }
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = async (): Promise<void> => {
      try {
        const data = await loadRef.current(controller.signal);
        if (controller.signal.aborted) {
          return;
        }
        setSnapshot({ key, data, error: null, updatedAt: Date.now() });
      } catch (thrown) {
        if (controller.signal.aborted) {
          return;
        }
        const error = thrown instanceof Error ? thrown : new Error(String(thrown));
        setSnapshot((previous) =>
          previous?.key === key
            ? { ...previous, error }
            : { key, data: undefined, error, updatedAt: null },
        );
      }
      if (refreshMs !== null) {
        timer = setTimeout(() => void run(), refreshMs);
      }
    };
    void run();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [key, refreshMs, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  const current = snapshot !== null && snapshot.key === key ? snapshot : null;
  return {
    data: current?.data,
    lastData: snapshot?.data,
    error: current?.error ?? null,
    isLoading: key !== null && current === null,
    updatedAt: current?.updatedAt ?? null,
    reload,
  };
};

/** `useApi` for a plain GET: the URL is the key. */
export const useApiGet = <T>(url: string | null, options: ApiOptions = {}): ApiResource<T> =>
  useApi(url, (signal) => getJson<T>(url ?? '', signal), options);
