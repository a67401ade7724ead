import type { Me } from '@254carbon/contracts';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { login } from '../../api/client';
import { signInErrorMessage } from './sign-in-error';

interface SignInPageProps {
  /** Why the user is here, e.g. "Your session has ended …"; null for a plain visit. */
  readonly notice: string | null;
  readonly onSignedIn: (me: Me) => void;
}

/** Username and password; on success the hub goes on to the page the user wanted. */
export const SignInPage = ({ notice, onSignedIn }: SignInPageProps) => {
  const usernameId = useId();
  const passwordId = useId();
  const errorId = useId();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    usernameRef.current?.focus();
  }, []);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (isBusy) {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await login({ username: username.trim(), password }));
    } catch (thrown) {
      setError(signInErrorMessage(thrown));
      setPassword('');
      setBusy(false);
      passwordRef.current?.focus();
    }
  };

  const describedBy = error === null ? undefined : errorId;
  return (
    <div className="sign-in">
      <section className="sign-in__card panel" aria-labelledby="sign-in-title">
        <h1 id="sign-in-title" className="page__title">
          Sign in
        </h1>
        <p className="page__subtitle">
          Use the account your organisation's administrator gave you.
        </p>

        {notice !== null && (
          <p className="notice" role="status">
            {notice}
          </p>
        )}
        {error !== null && (
          <div id={errorId} className="alert alert--error" role="alert">
            <p className="alert__detail">{error}</p>
          </div>
        )}

        <form className="sign-in__form" onSubmit={(event) => void onSubmit(event)}>
          <div className="field">
            <label className="field__label" htmlFor={usernameId}>
              Username
            </label>
            <input
              id={usernameId}
              ref={usernameRef}
              className="input"
              name="username"
              type="text"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              required
              maxLength={254}
              aria-invalid={error !== null}
              aria-describedby={describedBy}
              value={username}
              onChange={(event) => setUsername(event.target.value)}
            />
          </div>
          <div className="field">
            <label className="field__label" htmlFor={passwordId}>
              Password
            </label>
            <input
              id={passwordId}
              ref={passwordRef}
              className="input"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              maxLength={256}
              aria-invalid={error !== null}
              aria-describedby={describedBy}
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          </div>
          <button
            type="submit"
            className="button button--primary"
            aria-disabled={isBusy}
            aria-busy={isBusy}
          >
            {isBusy ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
      </section>
    </div>
  );
};
