import type { MarketFeed } from '../../ports/market-feed.js';
import type { FeedContext } from './kit/feed-context.js';

/** Every operator connector this installation ships, built over one feed context. */
export const createMarketFeeds = (_context: FeedContext): MarketFeed[] => [];
