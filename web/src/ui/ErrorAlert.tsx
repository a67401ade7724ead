import type { ReactNode } from 'react';

export interface ErrorAlertProps {
  readonly title: string;
  readonly detail: string;
  readonly requestId?: string | null;
  readonly items?: readonly string[];
  readonly action?: ReactNode;
}

/** An error the user should read: what failed, the server's explanation and the id to quote to an operator. */
export const ErrorAlert = ({ title, detail, requestId, items = [], action }: ErrorAlertProps) => (
  <div className="alert alert--error" role="alert">
    <div className="alert__body">
      <strong className="alert__title">{title}</strong>
      <p className="alert__detail">{detail}</p>
      {items.length > 0 && (
        <ul className="alert__items">
          {items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      )}
      {requestId && (
        <p className="alert__meta">
          Request id <code>{requestId}</code>
        </p>
      )}
    </div>
    {action && <div className="alert__action">{action}</div>}
  </div>
);
