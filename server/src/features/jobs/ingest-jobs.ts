import { DAY_MS } from '../../domain/time/interval.js';
import type { IngestService } from '../ingest/ingest.service.js';
import type { JobDefinition } from './job-scheduler.js';

/** A feed the scheduler keeps up to date, and how much history its first run fetches. */
export interface ScheduledFeed {
  readonly feed: string;
  readonly backfillDays: number;
}

/**
 * One scheduled job per dataset of each scheduled feed, on the dataset's own schedule: each run catches up from
 * the checkpoint to what the source has published. The first run backfills `backfillDays` of history.
 */
export const ingestJobs = (
  ingest: IngestService,
  scheduled: readonly ScheduledFeed[],
): JobDefinition[] =>
  scheduled.flatMap(({ feed: feedId, backfillDays }) => {
    const feed = ingest.feed(feedId);
    return feed.datasets
      .flatMap(({ schedule, ...dataset }) => (schedule ? [{ ...dataset, schedule }] : []))
      .map((dataset) => ({
        name: `ingest.${feed.id}.${dataset.id}`,
        description: `${feed.market.name}: ${dataset.description}`,
        schedule: dataset.schedule.cron,
        timezone: dataset.schedule.timezone,
        run: async ({ signal }) => {
          const totals = await ingest.catchUp(feed.id, dataset.id, backfillDays * DAY_MS, signal);
          return { rows: totals.inserted + totals.revised };
        },
      }));
  });
