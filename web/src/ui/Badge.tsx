import type { ReactNode } from 'react';

export type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

interface BadgeProps {
  readonly tone?: BadgeTone;
  readonly title?: string;
  readonly children: ReactNode;
}

export const Badge = ({ tone = 'neutral', title, children }: BadgeProps) => (
  <span className={`badge badge--${tone}`} title={title}>
    {children}
  </span>
);
