import type { MouseEvent, ReactNode } from 'react';
import { navigate } from './navigate';

interface NavLinkProps {
  readonly href: string;
  readonly isCurrent: boolean;
  readonly className?: string;
  readonly children: ReactNode;
}

/** A real link that navigates in place; modified clicks (new tab, download …) keep the browser's behaviour. */
export const NavLink = ({ href, isCurrent, className, children }: NavLinkProps) => {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    ) {
      return;
    }
    event.preventDefault();
    navigate(href);
  };
  return (
    <a
      href={href}
      className={className}
      aria-current={isCurrent ? 'page' : undefined}
      onClick={onClick}
    >
      {children}
    </a>
  );
};
