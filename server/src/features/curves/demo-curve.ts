import { makePrincipal } from '../../domain/access/principal.js';
import { OPERATOR_TENANT } from '../../domain/access/roles.js';
import { curveCalendar } from '../../domain/curves/curve-calendars.js';
import { addDays, localDateOf, type IsoDate } from '../../domain/time/zoned.js';
import { SYSTEM_CONTEXT } from '../access/request-context.js';
import type { CurveDefinitionInput } from './curve-definition-input.js';
import type { QuoteRow } from './curve-quotes.js';
import type { BuildOutcome } from './curve-results.js';
import type { CurvesService } from './curves.service.js';

/** The simulator's forward curve, so a fresh installation shows a curve next to its synthetic prices. */
export const DEMO_CURVE_ID = 'SIM-HUB-POWER';
const DEMO_CALENDAR = 'US_CENTRAL';
/** Synthetic like the rest of SIM: every demo quote says where it came from. */
const DEMO_SOURCE = 'sim';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** A summer- and winter-peaking year, as US power curves look; the mean is about 1. */
const SEASON = [1.12, 1.05, 0.93, 0.86, 0.88, 1.04, 1.28, 1.24, 0.97, 0.9, 0.95, 1.08];
const LEVEL = 40;
const PEAK_PREMIUM = 1.3;
const GROWTH = 1.025;

const price = (value: number): number => Math.round(value * 20) / 20;

/** The platform seeding its own demo data: unrestricted like the local command line, audited as `system`. */
const PLATFORM = makePrincipal({
  tenantId: OPERATOR_TENANT,
  actor: 'system',
  displayName: 'the platform',
  roles: ['admin'],
  method: 'cli',
});

export const demoCurveDefinition = (shapeInstrument: string): CurveDefinitionInput => ({
  id: DEMO_CURVE_ID,
  name: 'SIM hub power (synthetic)',
  market: 'SIM',
  commodity: 'power',
  calendar: DEMO_CALENDAR,
  shapeInstrument,
});

/**
 * A small, plausible set of marks for one as-of date: balance of month, the next six months and two calendar
 * years in 7x24 and 5x16, and a bid/ask band on the third year. Overlapping months and years leave the rest of each
 * year free, so the marks never contradict one another.
 */
export const demoQuotes = (asOf: IsoDate): QuoteRow[] => {
  const year = Number(asOf.slice(0, 4));
  const month = Number(asOf.slice(5, 7)) - 1;
  const level = (monthsAhead: number): number => LEVEL * GROWTH ** (monthsAhead / 12);
  const mark = (contract: string, base: number): QuoteRow[] => [
    {
      curve: DEMO_CURVE_ID,
      asOf,
      contract,
      bucket: '7x24',
      settle: price(base),
      source: DEMO_SOURCE,
    },
    {
      curve: DEMO_CURVE_ID,
      asOf,
      contract,
      bucket: '5x16',
      settle: price(base * PEAK_PREMIUM),
      source: DEMO_SOURCE,
    },
  ];
  const rows: QuoteRow[] = [];
  if (addDays(asOf, 1).slice(5, 7) === asOf.slice(5, 7)) {
    rows.push(...mark('BalMo', level(0) * (SEASON[month] ?? 1)));
  }
  for (let ahead = 1; ahead <= 6; ahead++) {
    const m = (month + ahead) % 12;
    const y = year + Math.floor((month + ahead) / 12);
    rows.push(...mark(`${MONTHS[m] ?? ''}-${y}`, level(ahead) * (SEASON[m] ?? 1)));
  }
  for (let ahead = 1; ahead <= 2; ahead++) {
    rows.push(...mark(`Cal-${year + ahead}`, level(12 * ahead)));
  }
  const far = level(36);
  rows.push({
    curve: DEMO_CURVE_ID,
    asOf,
    contract: `Cal-${year + 3}`,
    bucket: '7x24',
    bid: price(far - 1.5),
    ask: price(far + 1.5),
    source: DEMO_SOURCE,
  });
  return rows;
};

/**
 * Makes sure the demo curve exists (an operator's own definition is left alone), has today's synthetic quotes, and
 * is built as of today in its calendar's zone. Idempotent: a restart on the same day adds and builds nothing new.
 */
export const seedDemoCurve = async (
  curves: CurvesService,
  options: { readonly shapeInstrument: string; readonly nowMs: number },
): Promise<BuildOutcome> => {
  if (!(await curves.definitions()).some((d) => d.id === DEMO_CURVE_ID)) {
    await curves.define(PLATFORM, demoCurveDefinition(options.shapeInstrument), SYSTEM_CONTEXT);
  }
  const asOf = localDateOf(curveCalendar(DEMO_CALENDAR).zone, options.nowMs);
  const marked = await curves.quotes(PLATFORM, DEMO_CURVE_ID, { asOf }, SYSTEM_CONTEXT);
  if (marked.quotes.length === 0) {
    await curves.loadQuotes(
      PLATFORM,
      { rows: demoQuotes(asOf), origin: { kind: 'body' }, curveId: DEMO_CURVE_ID },
      SYSTEM_CONTEXT,
    );
  }
  return curves.build(PLATFORM, { curveId: DEMO_CURVE_ID, asOf }, SYSTEM_CONTEXT);
};
