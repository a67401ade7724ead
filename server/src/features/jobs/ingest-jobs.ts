import { DAY_MS } from '../../domain/time/interval.js';
import type { IngestService } from '../ingest/ingest.service.js';
import type { JobDefinition } from './job-scheduler.js';

/**
 * One scheduled job per feed dataset, on the dataset's own schedule: each run catches up from the checkpoint
 * to what the source has published. The first run backfills `backfillDays` of history.
 */
export const ingestJobs = (ingest: IngestService, backfillDays: number): JobDefinition[] =>
  ingest.feeds().flatMap((feed) =>
    feed.datasets.map((dataset) => ({
      name: `ingest.${feed.id}.${dataset.id}`,
      description: `${feed.market.name}: ${dataset.description}`,
      schedule: dataset.schedule.cron,
      timezone: dataset.schedule.timezone,
      run: async ({ signal }) => {
        const totals = await ingest.catchUp(feed.id, dataset.id, backfillDays * DAY_MS, signal);
        return { rows: totals.inserted + totals.revised };
      },
    })),
  );
