import type { Me } from '@254carbon/contracts';
import { useState } from 'react';
import { describeError } from '../api/describe-error';
import { can } from '../features/auth/permissions';
import { NavLink } from './NavLink';
import { NAV_ITEMS, type RouteId } from './routes';

interface AppHeaderProps {
  readonly route: RouteId;
  /** The signed-in caller; without one only the product name shows. */
  readonly me: Me | null;
  readonly onSignOut: () => Promise<void>;
}

const UserMenu = ({
  me,
  onSignOut,
}: {
  readonly me: Me;
  readonly onSignOut: () => Promise<void>;
}) => {
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const signOut = async () => {
    if (isBusy) {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSignOut();
    } catch (thrown) {
      setError(`Sign-out failed: ${describeError(thrown).detail}`);
      setBusy(false);
    }
  };
  return (
    <div className="user">
      <p className="user__who">
        <span className="visually-hidden">Signed in as </span>
        <span className="user__name">{me.displayName}</span>
        <span className="user__tenant" title="Organisation">
          <span className="visually-hidden">, organisation </span>
          {me.tenantId}
        </span>
      </p>
      <button
        type="button"
        className="button"
        aria-disabled={isBusy}
        onClick={() => void signOut()}
      >
        {isBusy ? 'Signing out…' : 'Sign out'}
      </button>
      {error !== null && (
        <p className="user__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
};

/** Product name, the main navigation (only what the caller may use) and who is signed in. */
export const AppHeader = ({ route, me, onSignOut }: AppHeaderProps) => (
  <header className="app-header">
    <NavLink href="/" isCurrent={false} className="brand">
      <img className="brand__mark" src="/favicon.svg" alt="" width={22} height={22} />
      <span className="brand__name">254Carbon</span>
      <span className="brand__tag">Market intelligence</span>
    </NavLink>
    {me !== null && (
      <>
        <nav className="nav" aria-label="Main">
          <ul className="nav__list">
            {NAV_ITEMS.filter((item) => can(me, item.permission)).map((item) => (
              <li key={item.href}>
                <NavLink href={item.href} isCurrent={item.route === route} className="nav__link">
                  {item.label}
                </NavLink>
              </li>
            ))}
            <li>
              <a className="nav__link" href="/docs" target="_blank" rel="noopener">
                API docs
                <span className="visually-hidden"> (opens in a new tab)</span>
                <span aria-hidden="true"> ↗</span>
              </a>
            </li>
          </ul>
        </nav>
        <UserMenu me={me} onSignOut={onSignOut} />
      </>
    )}
  </header>
);
