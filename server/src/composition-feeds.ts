import { CsvEngine } from './adapters/feeds/kit/csv-engine.js';
import { createFeedContext } from './adapters/feeds/kit/feed-context.js';
import { createMarketFeeds } from './adapters/feeds/market-feeds.js';
import { SIM_FEED_ID, createSimFeed } from './adapters/feeds/sim/sim-feed.js';
import type { ScheduledFeed } from './features/jobs/ingest-jobs.js';
import type { Config } from './platform/config.js';
import { invalidRequest } from './platform/errors.js';
import type { MarketFeed } from './ports/market-feed.js';

export interface FeedSetup {
  /** Every feed this installation can ingest, on demand or on schedule. */
  readonly feeds: readonly MarketFeed[];
  /** The feeds the scheduler keeps up to date. */
  readonly scheduled: readonly ScheduledFeed[];
  /** Shared by the feeds' CSV parsers; closed with the platform. */
  readonly csv: CsvEngine;
}

/**
 * The market feeds: the simulator when enabled, and every operator connector (available to `ingest` and
 * `backfill` whether or not it is scheduled). `extra` feeds (tests) replace connectors with the same id.
 */
export const setUpFeeds = (config: Config, extra: readonly MarketFeed[] = []): FeedSetup => {
  const csv = new CsvEngine({ threads: config.store.duckdbThreads });
  const context = createFeedContext(config.feeds, csv);
  const byId = new Map<string, MarketFeed>();
  for (const feed of [
    ...(config.sim.enabled ? [createSimFeed({ seed: config.sim.seed })] : []),
    ...createMarketFeeds(context),
    ...extra,
  ]) {
    byId.set(feed.id, feed);
  }
  const unknown = config.feeds.scheduled.filter((id) => !byId.has(id));
  if (unknown.length > 0) {
    throw invalidRequest(
      `CARBON_FEEDS names unknown feed${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; known: ${[...byId.keys()].join(', ')}.`,
      [{ field: 'CARBON_FEEDS', message: `unknown: ${unknown.join(', ')}` }],
    );
  }
  const scheduled: ScheduledFeed[] = [
    ...(config.sim.enabled ? [{ feed: SIM_FEED_ID, backfillDays: config.sim.backfillDays }] : []),
    ...config.feeds.scheduled
      .filter((id) => id !== SIM_FEED_ID)
      .map((feed) => ({ feed, backfillDays: config.feeds.backfillDays })),
  ];
  return { feeds: [...byId.values()], scheduled, csv };
};
