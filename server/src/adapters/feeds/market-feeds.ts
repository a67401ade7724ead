import type { MarketFeed } from '../../ports/market-feed.js';
import { createCaisoFeed } from './caiso/caiso-feed.js';
import { createErcotFeed } from './ercot/ercot-feed.js';
import { createIsoneFeed } from './isone/isone-feed.js';
import type { FeedContext } from './kit/feed-context.js';
import { createMisoFeed } from './miso/miso-feed.js';
import { createNyisoFeed } from './nyiso/nyiso-feed.js';
import { createPjmFeed } from './pjm/pjm-feed.js';
import { createSppFeed } from './spp/spp-feed.js';

/**
 * Every operator connector this installation ships, built over one feed context. Each is available to `ingest`
 * and `backfill`; CARBON_FEEDS chooses which the scheduler keeps up to date.
 */
export const createMarketFeeds = (context: FeedContext): MarketFeed[] => [
  createCaisoFeed(context),
  createErcotFeed(context),
  createPjmFeed(context),
  createNyisoFeed(context),
  createIsoneFeed(context),
  createSppFeed(context),
  createMisoFeed(context),
];
