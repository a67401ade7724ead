import { ApiError } from '../../api/client';
import { describeError } from '../../api/describe-error';

/** "30 seconds", "1 minute", "15 minutes", "2 hours": how long to wait, rounded up to a readable unit. */
export const formatRetryDelay = (seconds: number): string => {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 60) {
    return plural(s, 'second');
  }
  const minutes = Math.ceil(s / 60);
  if (minutes < 120) {
    return plural(minutes, 'minute');
  }
  return plural(Math.ceil(minutes / 60), 'hour');
};

/** What the sign-in form says when signing in fails. */
export const signInErrorMessage = (error: unknown): string => {
  if (error instanceof ApiError) {
    if (error.status === 429) {
      const wait = error.retryAfterSeconds;
      return wait === null
        ? 'Too many failed sign-in attempts. Wait a while, then try again.'
        : `Too many failed sign-in attempts. Try again in ${formatRetryDelay(wait)}.`;
    }
    if (error.status === 401) {
      return error.problem.detail || 'Wrong username or password.';
    }
  }
  return describeError(error).detail;
};
