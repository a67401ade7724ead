import {
  isQualityCheck,
  QUALITY_CHECKS,
  QUALITY_SEVERITIES,
  type QualityCheck,
  type QualitySeverity,
} from '../../domain/quality/quality-check.js';
import { addDays, parseIsoDate, type IsoDate } from '../../domain/time/zoned.js';
import { invalidRequest, type FieldProblem } from '../../platform/errors.js';
import type { ProblemStatus } from '../../ports/quality-store.js';

/** The longest range of days one summary covers (a year and a day, so a leap year fits). */
export const MAX_SUMMARY_DAYS = 366;
/** Without a range: the last week, through tomorrow (so tomorrow's day-ahead prices show). */
const DEFAULT_DAYS = 8;

export interface DayRange {
  readonly fromDay: IsoDate;
  readonly toDay: IsoDate;
}

const throwIf = (problems: readonly FieldProblem[]): void => {
  if (problems.length > 0) {
    throw invalidRequest(problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);
  }
};

const readDay = (field: string, value: string, problems: FieldProblem[]): IsoDate | null => {
  try {
    return parseIsoDate(value.trim()).toString();
  } catch (error) {
    problems.push({
      field,
      message: `${error instanceof Error ? error.message : String(error)} (a market-local day)`,
    });
    return null;
  }
};

/**
 * Reads an inclusive range of market-local days (`YYYY-MM-DD`). Either end may be omitted: the range then spans
 * the default week ending tomorrow (UTC), or a week from/to the given day. `limitDays` caps summaries; problem
 * listings are paged and need no cap.
 */
export const parseDayRange = (
  from: string | undefined,
  to: string | undefined,
  todayUtc: IsoDate,
  limitDays: number | null,
): DayRange => {
  const problems: FieldProblem[] = [];
  const fromDay = from === undefined || from === '' ? null : readDay('from', from, problems);
  const toDay = to === undefined || to === '' ? null : readDay('to', to, problems);
  throwIf(problems);
  const last = toDay ?? (fromDay ? addDays(fromDay, DEFAULT_DAYS - 1) : addDays(todayUtc, 1));
  const first = fromDay ?? addDays(last, -(DEFAULT_DAYS - 1));
  if (first > last) {
    throwIf([{ field: 'to', message: `must be on or after from (${first})` }]);
  }
  const days = parseIsoDate(first).until(parseIsoDate(last)).days + 1;
  if (limitDays !== null && days > limitDays) {
    throwIf([
      {
        field: 'to',
        message: `the range spans ${days} days; ask for at most ${limitDays} at a time`,
      },
    ]);
  }
  return { fromDay: first, toDay: last };
};

/** Optional range of days for listings: only the ends given are applied. */
export const parseOptionalDays = (
  from: string | undefined,
  to: string | undefined,
): { fromDay?: IsoDate; toDay?: IsoDate } => {
  const problems: FieldProblem[] = [];
  const fromDay = from ? readDay('from', from, problems) : null;
  const toDay = to ? readDay('to', to, problems) : null;
  if (fromDay && toDay && fromDay > toDay) {
    problems.push({ field: 'to', message: `must be on or after from (${fromDay})` });
  }
  throwIf(problems);
  return { ...(fromDay ? { fromDay } : {}), ...(toDay ? { toDay } : {}) };
};

const STATUSES: readonly ProblemStatus[] = ['open', 'resolved', 'all'];

/** Check, severity and status filters, refused with the allowed values when unknown (the CLI passes raw text). */
export const parseProblemFilters = (query: {
  check?: string | undefined;
  severity?: string | undefined;
  status?: string | undefined;
}): { check?: QualityCheck; severity?: QualitySeverity; status: ProblemStatus } => {
  const problems: FieldProblem[] = [];
  if (query.check && !isQualityCheck(query.check)) {
    problems.push({ field: 'check', message: `one of ${QUALITY_CHECKS.join(', ')}` });
  }
  if (query.severity && !(QUALITY_SEVERITIES as readonly string[]).includes(query.severity)) {
    problems.push({ field: 'severity', message: `one of ${QUALITY_SEVERITIES.join(', ')}` });
  }
  if (query.status && !(STATUSES as readonly string[]).includes(query.status)) {
    problems.push({ field: 'status', message: `one of ${STATUSES.join(', ')}` });
  }
  throwIf(problems);
  return {
    ...(query.check ? { check: query.check as QualityCheck } : {}),
    ...(query.severity ? { severity: query.severity as QualitySeverity } : {}),
    status: (query.status as ProblemStatus | undefined) || 'open',
  };
};
