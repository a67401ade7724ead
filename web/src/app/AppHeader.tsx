import { NavLink } from './NavLink';
import { NAV_ITEMS, type RouteId } from './routes';

/** Product name and the main navigation. */
export const AppHeader = ({ route }: { readonly route: RouteId }) => (
  <header className="app-header">
    <NavLink href="/" isCurrent={false} className="brand">
      <img className="brand__mark" src="/favicon.svg" alt="" width={22} height={22} />
      <span className="brand__name">254Carbon</span>
      <span className="brand__tag">Market intelligence</span>
    </NavLink>
    <nav className="nav" aria-label="Main">
      <ul className="nav__list">
        {NAV_ITEMS.map((item) => (
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
  </header>
);
