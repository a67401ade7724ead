import { curveCalendar } from '../../domain/curves/curve-calendars.js';
import type { CurveDefinition } from '../../domain/curves/curve-model.js';
import type { CurvesService } from '../curves/curves.service.js';
import type { JobDefinition } from './job-scheduler.js';

/** Desks mark the day's curves after the close; 19:00 local leaves time for settlements to be loaded. */
const DAILY_BUILD = '0 0 19 * * *';

export const curveJobName = (curveId: string): string => `curves.build.${curveId}`;

/**
 * A curve's daily build: at 19:00 in its calendar's zone, as of that local date, when quotes are marked for it.
 * A day without quotes is a successful run with nothing built (0 rows), not a failure.
 */
export const curveBuildJob = (
  curves: CurvesService,
  definition: CurveDefinition,
): JobDefinition => ({
  name: curveJobName(definition.id),
  description: `${definition.name}: build as of today when today's quotes are loaded`,
  schedule: DAILY_BUILD,
  timezone: curveCalendar(definition.calendar).zone,
  run: async () => {
    const { outcome } = await curves.buildScheduled(definition.id);
    return { rows: outcome?.run.quoteCount ?? 0 };
  },
});
