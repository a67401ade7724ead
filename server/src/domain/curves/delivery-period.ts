import { Temporal } from 'temporal-polyfill';
import { parseIsoDate, type IsoDate } from '../time/zoned.js';

/** A contract's delivery: local dates in the curve's zone, `deliveryEnd` exclusive, and its canonical name. */
export interface DeliveryPeriod {
  readonly contract: string;
  readonly deliveryStart: IsoDate;
  readonly deliveryEnd: IsoDate;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const MONTH_NAMES = MONTHS.map((m) => m[0] + m.slice(1).toLowerCase());

/** Two-digit years are 20xx: forward contracts quoted today run to 2050, none to the 1900s. */
const fullYear = (text: string): number => (text.length === 2 ? 2000 + Number(text) : Number(text));

const firstOfMonth = (year: number, month: number): Temporal.PlainDate =>
  Temporal.PlainDate.from({ year, month, day: 1 });

const period = (
  contract: string,
  start: Temporal.PlainDate,
  endExclusive: Temporal.PlainDate,
): DeliveryPeriod => ({
  contract,
  deliveryStart: start.toString(),
  deliveryEnd: endExclusive.toString(),
});

const monthPeriod = (year: number, month: number): DeliveryPeriod => {
  const start = firstOfMonth(year, month);
  return period(`${MONTH_NAMES[month - 1] ?? ''}-${year}`, start, start.add({ months: 1 }));
};

const quarterPeriod = (year: number, quarter: number): DeliveryPeriod => {
  const start = firstOfMonth(year, quarter * 3 - 2);
  return period(`Q${quarter}-${year}`, start, start.add({ months: 3 }));
};

/**
 * Season strips as power and gas desks quote them: Summer = April–September, Winter = October through March of
 * the next year (named by the year it starts), gas year = October through September (named by its start year).
 */
const SEASONS: Readonly<Record<string, { name: string; firstMonth: number; months: number }>> = {
  SUM: { name: 'Sum', firstMonth: 4, months: 6 },
  SUMMER: { name: 'Sum', firstMonth: 4, months: 6 },
  WIN: { name: 'Win', firstMonth: 10, months: 6 },
  WINTER: { name: 'Win', firstMonth: 10, months: 6 },
  GY: { name: 'GY', firstMonth: 10, months: 12 },
};

const PATTERNS: readonly {
  readonly pattern: RegExp;
  readonly parse: (match: RegExpExecArray, asOf: Temporal.PlainDate) => DeliveryPeriod;
}[] = [
  // Jan-27, JAN2027, Jan 27
  {
    pattern: new RegExp(`^(${MONTHS.join('|')})[-\\s]?(\\d{2}|\\d{4})$`),
    parse: (m) => monthPeriod(fullYear(m[2] ?? ''), MONTHS.indexOf(m[1] ?? '') + 1),
  },
  // 2027-01, 2027/01 (a month; a full date is handled below)
  {
    pattern: /^(\d{4})[-/](\d{1,2})$/,
    parse: (m) => {
      const month = Number(m[2]);
      if (month < 1 || month > 12) {
        throw new RangeError(`"${m[0]}": month ${m[2]} is not 1–12`);
      }
      return monthPeriod(Number(m[1]), month);
    },
  },
  // Q3-27, Q3 2027, 2027-Q3
  {
    pattern: /^Q([1-4])[-\s]?(\d{2}|\d{4})$/,
    parse: (m) => quarterPeriod(fullYear(m[2] ?? ''), Number(m[1])),
  },
  { pattern: /^(\d{4})[-\s]?Q([1-4])$/, parse: (m) => quarterPeriod(Number(m[1]), Number(m[2])) },
  // Cal-27, CAL 2027, 2027
  {
    pattern: /^(?:CAL[-\s]?)(\d{2}|\d{4})$|^(\d{4})$/,
    parse: (m) => {
      const year = fullYear(m[1] ?? m[2] ?? '');
      const start = firstOfMonth(year, 1);
      return period(`Cal-${year}`, start, start.add({ years: 1 }));
    },
  },
  // Sum-27, Winter-2027, GY-27
  {
    pattern: /^(SUMMER|SUM|WINTER|WIN|GY)[-\s]?(\d{2}|\d{4})$/,
    parse: (m) => {
      const season = SEASONS[m[1] ?? ''];
      if (season === undefined) {
        throw new RangeError(`"${m[0]}" is not a season`);
      }
      const year = fullYear(m[2] ?? '');
      const start = firstOfMonth(year, season.firstMonth);
      return period(`${season.name}-${year}`, start, start.add({ months: season.months }));
    },
  },
  // BalMo: the rest of the as-of month, from the next day (nothing left on the month's last day).
  {
    pattern: /^BAL[-\s]?MO$|^BOM$/,
    parse: (_m, asOf) => {
      const start = asOf.add({ days: 1 });
      const end = firstOfMonth(asOf.year, asOf.month).add({ months: 1 });
      if (Temporal.PlainDate.compare(start, end) >= 0) {
        throw new RangeError(`BalMo on ${asOf.toString()}: the month has no delivery days left`);
      }
      return period(`BalMo-${asOf.toString().slice(0, 7)}`, start, end);
    },
  },
  // 2027-06-03 (a day) or 2027-06-03..2027-06-09 (inclusive range, as quoted)
  {
    pattern: /^(\d{4}-\d{2}-\d{2})(?:\.\.(\d{4}-\d{2}-\d{2}))?$/,
    parse: (m) => {
      const start = parseIsoDate(m[1] ?? '');
      const last = parseIsoDate(m[2] ?? m[1] ?? '');
      if (Temporal.PlainDate.compare(last, start) < 0) {
        throw new RangeError(`"${m[0]}": the range ends before it starts`);
      }
      const name =
        m[2] === undefined ? start.toString() : `${start.toString()}..${last.toString()}`;
      return period(name, start, last.add({ days: 1 }));
    },
  },
];

/**
 * Parses a contract as desks and exchanges write it: months (Jan-27, Jan-2027, 2027-01), quarters (Q3-27,
 * 2027-Q3), calendar years (Cal-27, 2027), seasons (Sum-27 = Apr–Sep, Win-27 = Oct-27..Mar-28), gas years
 * (GY-27 = Oct-27..Sep-28), BalMo (rest of the as-of month), single days and inclusive day ranges
 * (2027-06-03..2027-06-09). Case and separators are free; names come back canonical (Jan-2027, Q3-2027 …).
 */
export const parseDeliveryPeriod = (text: string, asOf: IsoDate): DeliveryPeriod => {
  const normalised = text.trim().toUpperCase();
  const asOfDate = parseIsoDate(asOf);
  for (const { pattern, parse } of PATTERNS) {
    const match = pattern.exec(normalised);
    if (match) {
      return parse(match, asOfDate);
    }
  }
  throw new RangeError(
    `"${text}" is not a contract: use e.g. Jan-27, 2027-01, Q3-27, Cal-27, Sum-27, Win-27, GY-27, BalMo, ` +
      `2027-06-03 or 2027-06-03..2027-06-09`,
  );
};

/** A period given by its dates (end exclusive), named like a parsed one when it is a whole month, quarter or year. */
export const periodFromDates = (deliveryStart: IsoDate, deliveryEnd: IsoDate): DeliveryPeriod => {
  const start = parseIsoDate(deliveryStart);
  const end = parseIsoDate(deliveryEnd);
  if (Temporal.PlainDate.compare(end, start) <= 0) {
    throw new RangeError(
      `Delivery ${deliveryStart} to ${deliveryEnd}: the end must be after the start`,
    );
  }
  if (start.day === 1 && end.day === 1) {
    return namedWholeMonths(start, end);
  }
  return period(`${start.toString()}..${end.subtract({ days: 1 }).toString()}`, start, end);
};

const namedWholeMonths = (start: Temporal.PlainDate, end: Temporal.PlainDate): DeliveryPeriod => {
  const months = (end.year - start.year) * 12 + end.month - start.month;
  if (months === 1) {
    return monthPeriod(start.year, start.month);
  }
  if (months === 3 && start.month % 3 === 1) {
    return quarterPeriod(start.year, (start.month + 2) / 3);
  }
  if (months === 12 && start.month === 1) {
    return period(`Cal-${start.year}`, start, end);
  }
  const last = end.subtract({ days: 1 });
  return period(`${start.toString()}..${last.toString()}`, start, end);
};
