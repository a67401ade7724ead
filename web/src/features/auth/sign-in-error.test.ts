import type { Problem } from '@254carbon/contracts';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { formatRetryDelay, signInErrorMessage } from './sign-in-error';

const problem = (status: number, code: Problem['code'], detail: string): Problem => ({
  type: 'about:blank',
  title: 'x',
  status,
  detail,
  code,
  requestId: 'req-1',
});

describe('formatRetryDelay', () => {
  it('rounds up to seconds, minutes or hours', () => {
    expect(formatRetryDelay(0)).toBe('1 second');
    expect(formatRetryDelay(1)).toBe('1 second');
    expect(formatRetryDelay(42)).toBe('42 seconds');
    expect(formatRetryDelay(60)).toBe('1 minute');
    expect(formatRetryDelay(61)).toBe('2 minutes');
    expect(formatRetryDelay(900)).toBe('15 minutes');
    expect(formatRetryDelay(3 * 3600)).toBe('3 hours');
  });
});

describe('signInErrorMessage', () => {
  it("shows the server's detail for wrong credentials", () => {
    const error = new ApiError(problem(401, 'not_authenticated', 'Wrong username or password.'));
    expect(signInErrorMessage(error)).toBe('Wrong username or password.');
  });

  it('says how long to wait after too many attempts', () => {
    const limited = problem(
      429,
      'rate_limited',
      'Too many failed sign-in attempts; try again later.',
    );
    expect(signInErrorMessage(new ApiError(limited, 300))).toBe(
      'Too many failed sign-in attempts. Try again in 5 minutes.',
    );
    expect(signInErrorMessage(new ApiError(limited, null))).toBe(
      'Too many failed sign-in attempts. Wait a while, then try again.',
    );
  });

  it('passes on other failures as they are described', () => {
    const offline = new ApiError(
      problem(0, 'unavailable', 'The server could not be reached. Check your connection.'),
    );
    expect(signInErrorMessage(offline)).toBe(
      'The server could not be reached. Check your connection.',
    );
    expect(signInErrorMessage(new Error('boom'))).toBe('boom');
  });
});
