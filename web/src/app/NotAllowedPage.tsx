import { NavLink } from './NavLink';

interface NotAllowedPageProps {
  readonly title: string;
  readonly reason: string;
}

/** A page the signed-in user may not open (the server would refuse its data anyway). */
export const NotAllowedPage = ({ title, reason }: NotAllowedPageProps) => (
  <div className="page">
    <header className="page__header">
      <div>
        <h1 className="page__title">{title}</h1>
        <p className="page__subtitle">Not available to your account</p>
      </div>
    </header>
    <div className="panel panel--pad">
      <p>
        {reason} Go to the{' '}
        <NavLink href="/explorer" isCurrent={false}>
          price explorer
        </NavLink>
        .
      </p>
    </div>
  </div>
);
