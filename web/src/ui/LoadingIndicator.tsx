interface LoadingIndicatorProps {
  readonly label?: string;
}

/** A small spinner with text, announced politely to screen readers. */
export const LoadingIndicator = ({ label = 'Loading…' }: LoadingIndicatorProps) => (
  <span className="loading" role="status">
    <span className="loading__spinner" aria-hidden="true" />
    {label}
  </span>
);
