import { CsvEngine } from '../../src/adapters/feeds/kit/csv-engine.js';
import {
  createFeedContext,
  type FeedContext,
  type FeedCredentials,
} from '../../src/adapters/feeds/kit/feed-context.js';

const NO_CREDENTIALS: FeedCredentials = {
  pjmApiKey: null,
  ercotUsername: null,
  ercotPassword: null,
  ercotSubscriptionKey: null,
  isoneUsername: null,
  isonePassword: null,
};

/**
 * A feed context for tests: a real CSV engine, short timeouts and 10 ms backoff so retry tests stay fast.
 * Close `csv` in afterAll.
 */
export const testFeedContext = (
  credentials: Partial<FeedCredentials> = {},
  http: { timeoutMs?: number; retries?: number } = {},
): FeedContext =>
  createFeedContext(
    {
      http: {
        timeoutMs: http.timeoutMs ?? 5000,
        retries: http.retries ?? 2,
        userAgent: '254carbon-test',
      },
      credentials: { ...NO_CREDENTIALS, ...credentials },
    },
    new CsvEngine(),
    10,
  );
