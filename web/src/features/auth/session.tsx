import type { Me } from '@254carbon/contracts';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { ApiError, fetchMe, logout, setSessionEndedHandler } from '../../api/client';

export const SESSION_ENDED_NOTICE = 'Your session has ended. Sign in again to continue.';
export const SIGNED_OUT_NOTICE = 'You have signed out.';

export type SessionState =
  /** Asking the server who is signed in. */
  | { readonly status: 'checking' }
  /** The server could not say (unreachable, or an error other than 401). */
  | { readonly status: 'unavailable'; readonly error: Error }
  | { readonly status: 'signed-in'; readonly me: Me }
  /** Nobody is signed in: never was, or the session ended (with a notice saying so). */
  | { readonly status: 'signed-out'; readonly notice: string | null }
  /** The user signed out on purpose. */
  | { readonly status: 'logged-out'; readonly notice: string };

export interface Session {
  readonly state: SessionState;
  /** After a successful sign-in. */
  readonly signedIn: (me: Me) => void;
  /** Ends the session on the server; throws (and stays signed in) when that fails. */
  readonly signOut: () => Promise<void>;
  /** Asks the server again after it could not be reached. */
  readonly retry: () => void;
}

const SessionContext = createContext<Session | null>(null);

/** Who is signed in, for the whole hub: checked once at start, then kept up to date by sign-in, sign-out and 401s. */
export const SessionProvider = ({ children }: { readonly children: ReactNode }) => {
  const [state, setState] = useState<SessionState>({ status: 'checking' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    fetchMe(controller.signal).then(
      (me) => setState({ status: 'signed-in', me }),
      (thrown: unknown) => {
        if (controller.signal.aborted) {
          return;
        }
        if (thrown instanceof ApiError && thrown.status === 401) {
          setState({ status: 'signed-out', notice: null });
        } else {
          const error = thrown instanceof Error ? thrown : new Error(String(thrown));
          setState({ status: 'unavailable', error });
        }
      },
    );
    return () => controller.abort();
  }, [attempt]);

  // Any API call answering 401 while signed in means the session ended (expired, revoked, signed out elsewhere).
  useEffect(
    () =>
      setSessionEndedHandler(() =>
        setState((current) =>
          current.status === 'signed-in'
            ? { status: 'signed-out', notice: SESSION_ENDED_NOTICE }
            : current,
        ),
      ),
    [],
  );

  const signedIn = useCallback((me: Me) => setState({ status: 'signed-in', me }), []);
  const signOut = useCallback(async () => {
    try {
      await logout();
    } catch (error) {
      // Already signed out on the server: nothing left to end.
      if (!(error instanceof ApiError && error.status === 401)) {
        throw error;
      }
    }
    setState({ status: 'logged-out', notice: SIGNED_OUT_NOTICE });
  }, []);
  const retry = useCallback(() => {
    setState({ status: 'checking' });
    setAttempt((n) => n + 1);
  }, []);

  const session = useMemo(
    () => ({ state, signedIn, signOut, retry }),
    [state, signedIn, signOut, retry],
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
};

export const useSession = (): Session => {
  const session = useContext(SessionContext);
  if (session === null) {
    throw new Error('useSession must be used inside <SessionProvider>');
  }
  return session;
};
