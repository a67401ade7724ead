import { MINUTE_MS } from '../../../domain/time/interval.js';
import { fixedOffsetToUtcMs } from '../../../domain/time/conventions.js';
import { localToUtcMs, utcMsToLocal, type LocalDateTime } from '../../../domain/time/zoned.js';
import type { SourceDocument } from '../../../ports/market-feed.js';
import type { CsvTable } from '../kit/csv-engine.js';
import { sourceProblem } from '../kit/source-problem.js';
import { NYISO_TIMEZONE } from './nyiso-market.js';

/**
 * NYISO's `Time Stamp` column as wall-clock milliseconds (the Eastern wall clock read as if it were UTC), or NULL
 * when it is not a time. Hourly files write `MM/DD/YYYY HH:MM`, 5-minute files `MM/DD/YYYY HH:MM:SS`.
 */
export const wallClockSql = (column: string): string =>
  `epoch_ms(try_strptime(${column}, ['%m/%d/%Y %H:%M:%S', '%m/%d/%Y %H:%M']))`;

/** A text cell from a query result row, for messages ('' for NULL). */
export const cellText = (value: unknown): string =>
  typeof value === 'string'
    ? value
    : typeof value === 'number' || typeof value === 'bigint'
      ? String(value)
      : '';

const STAMP_FIELD = 'Time Stamp';
const EST_MINUTES = -300;
const EDT_MINUTES = -240;

const wallFields = (wallMs: number): { local: LocalDateTime; secondsMs: number } => {
  const wall = new Date(wallMs);
  return {
    local: {
      year: wall.getUTCFullYear(),
      month: wall.getUTCMonth() + 1,
      day: wall.getUTCDate(),
      hour: wall.getUTCHours(),
      minute: wall.getUTCMinutes(),
    },
    secondsMs: wallMs % MINUTE_MS,
  };
};

const sameWallClock = (a: LocalDateTime, b: LocalDateTime): boolean =>
  a.year === b.year &&
  a.month === b.month &&
  a.day === b.day &&
  a.hour === b.hour &&
  a.minute === b.minute;

/** The time stamp as written on `line`, for messages (read only when something is wrong). */
export const stampAt = async (table: CsvTable, line: number): Promise<string> => {
  const column = table.header.find((name) => name.toUpperCase() === 'TIME STAMP') ?? 'Time Stamp';
  const [row] = await table.rows(
    `SELECT "${column}" AS stamp FROM ${table.relation} WHERE _line = ${line}`,
  );
  return cellText(row?.stamp);
};

/** Fails on a group of rows whose time stamp is not a time (wall_ms NULL), naming its first line. */
const requireStamps = async (
  table: CsvTable,
  document: SourceDocument,
  groups: readonly Record<string, unknown>[],
): Promise<void> => {
  const bad = groups.find((group) => group.wall_ms === null);
  if (bad) {
    const line = Number(bad.line);
    throw sourceProblem(
      document.name,
      line,
      STAMP_FIELD,
      `"${await stampAt(table, line)}" is not a time stamp of the form MM/DD/YYYY HH:MM[:SS]`,
    );
  }
};

/** Readings with their UTC instants: a relation to select from, and the file's distinct instants in order. */
export interface Stamped {
  /** A parenthesised subquery: the source's rows plus `utc_ms` (DOUBLE, epoch milliseconds). */
  readonly relation: string;
  readonly instantsMs: readonly number[];
}

/** A (wall clock, occurrence) → UTC table as SQL, from the few distinct stamps of a file. */
const instantsSql = (
  instants: ReadonlyArray<{ wallMs: number; occurrence: number; utcMs: number }>,
): string =>
  instants.length === 0
    ? 'SELECT NULL::BIGINT AS wall_ms, NULL::BIGINT AS occurrence, NULL::DOUBLE AS utc_ms WHERE false'
    : `SELECT * FROM (VALUES ${instants
        .map((i) => `(${i.wallMs}::BIGINT, ${i.occurrence}::BIGINT, ${i.utcMs}::DOUBLE)`)
        .join(', ')}) AS t(wall_ms, occurrence, utc_ms)`;

/**
 * UTC minus wall clock for every stamp's first occurrence, as SQL over `wall_ms`. It changes only where the
 * clock does, so the stamps (in order) fall into a run or two of the same offset, and a CASE on the run ends
 * does for a million rows what a join would do at several times the cost.
 */
const offsetSql = (
  instants: ReadonlyArray<{ wallMs: number; occurrence: number; utcMs: number }>,
): string => {
  const runs: { lastWallMs: number; offsetMs: number }[] = [];
  for (const { wallMs, utcMs } of instants
    .filter((i) => i.occurrence === 1)
    .sort((a, b) => a.wallMs - b.wallMs)) {
    const run = runs[runs.length - 1];
    if (run && run.offsetMs === utcMs - wallMs) {
      run.lastWallMs = wallMs;
    } else {
      runs.push({ lastWallMs: wallMs, offsetMs: utcMs - wallMs });
    }
  }
  const last = runs.pop();
  if (last === undefined) {
    return 'NULL::BIGINT';
  }
  return runs.length === 0
    ? String(last.offsetMs)
    : `CASE ${runs.map((r) => `WHEN wall_ms <= ${r.lastWallMs} THEN ${r.offsetMs}`).join(' ')} ELSE ${last.offsetMs} END`;
};

/**
 * UTC instants for files whose stamps carry no DST marker (damlbmp, rtlbmp, realtime, isolf). On the fall-back
 * day NYISO writes the repeated hour's stamps twice for each location, daylight time first, so the n-th row
 * with a given stamp for a location is its n-th occurrence: the first is EDT, the second EST. A third, a second
 * row for a stamp that is not repeated, or a stamp in the hour the clock skips in spring is a broken file.
 *
 * `source` (a table) must have `_line`, `location` and `wall_ms` (see wallClockSql). Gives a relation of its rows plus `utc_ms`, and the distinct instants. Occurrences are counted only
 * for the stamps that do repeat, so a file of a million rows pays for the window over the fall-back hour alone.
 */
export const stampByRowOrder = async (
  table: CsvTable,
  document: SourceDocument,
  source: string,
): Promise<Stamped> => {
  // More rows at a stamp than there are locations means some location repeats it. (Counting distinct locations
  // per stamp instead would cost more than the rest of the parse; a repeat at a stamp where another location
  // is missing gets past this check, and the store refuses the duplicate.)
  const [{ locations } = { locations: 0 }] = await table.rows(
    `SELECT count(DISTINCT location) AS locations FROM ${source}`,
  );
  const stamps = await table.rows(
    `SELECT wall_ms, count(*) > ${Number(locations)} AS repeats, min(_line) AS line, 1 AS occurrence
       FROM ${source} GROUP BY wall_ms ORDER BY wall_ms`,
  );
  await requireStamps(table, document, stamps);
  const repeated = stamps.filter((s) => s.repeats === true).map((s) => Number(s.wall_ms));
  const withOccurrence = `(SELECT *, row_number() OVER (PARTITION BY location, wall_ms ORDER BY _line) AS occurrence
                             FROM ${source} WHERE wall_ms IN (${repeated.join(', ')}))`;
  const later =
    repeated.length === 0
      ? []
      : await table.rows(
          `SELECT wall_ms, occurrence, min(_line) AS line, arg_min(location, _line) AS location
             FROM ${withOccurrence} WHERE occurrence > 1 GROUP BY wall_ms, occurrence`,
        );
  const instants: { wallMs: number; occurrence: number; utcMs: number }[] = [];
  for (const pair of [...stamps, ...later]) {
    const wallMs = Number(pair.wall_ms);
    const occurrence = Number(pair.occurrence);
    const { local, secondsMs } = wallFields(wallMs);
    const line = Number(pair.line);
    const problem = async (message: (stamp: string) => string): Promise<Error> =>
      sourceProblem(document.name, line, STAMP_FIELD, message(await stampAt(table, line)));
    const earlier = localToUtcMs(NYISO_TIMEZONE, local, 'earlier');
    if (!sameWallClock(utcMsToLocal(NYISO_TIMEZONE, earlier), local)) {
      throw await problem(
        (stamp) =>
          `"${stamp}" does not exist in New York: the clock skips that hour at the change to daylight time`,
      );
    }
    const second = localToUtcMs(NYISO_TIMEZONE, local, 'later');
    if (occurrence > 2 || (occurrence === 2 && second === earlier)) {
      throw await problem(
        (stamp) =>
          `"${stamp}" appears ${occurrence === 2 ? 'twice' : `${occurrence} times`} for ${cellText(pair.location)}; only the hour repeated when daylight time ends may appear twice`,
      );
    }
    instants.push({ wallMs, occurrence, utcMs: (occurrence === 1 ? earlier : second) + secondsMs });
  }
  const once = `SELECT *, (wall_ms + ${offsetSql(instants)})::DOUBLE AS utc_ms FROM ${source}
                 ${repeated.length === 0 ? '' : `WHERE wall_ms NOT IN (${repeated.join(', ')})`}`;
  const repeatedInstants = instantsSql(instants.filter((i) => repeated.includes(i.wallMs)));
  const twice = `SELECT s.* EXCLUDE (occurrence), m.utc_ms FROM ${withOccurrence} s
                   JOIN (${repeatedInstants}) m USING (wall_ms, occurrence)`;
  return {
    relation: `(${once}${repeated.length === 0 ? '' : ` UNION ALL ${twice}`})`,
    instantsMs: [...new Set(instants.map((i) => i.utcMs))].sort((a, b) => a - b),
  };
};

/**
 * UTC instants for files with NYISO's `Time Zone` column (pal, rtfuelmix): EST is UTC-5, EDT UTC-4. A marker
 * other than those two, or one New York was not keeping at that wall-clock time, is a broken file.
 *
 * `source` (a table) must have `_line`, `wall_ms` and `time_zone`; gives a relation of its rows plus
 * `utc_ms`, and the distinct instants.
 */
export const stampByZoneColumn = async (
  table: CsvTable,
  document: SourceDocument,
  source: string,
): Promise<Stamped> => {
  const pairs = await table.rows(
    `SELECT wall_ms, time_zone, min(_line) AS line FROM ${source} GROUP BY wall_ms, time_zone ORDER BY line`,
  );
  await requireStamps(table, document, pairs);
  const instants = new Set<number>();
  for (const pair of pairs) {
    const zone = cellText(pair.time_zone);
    const line = Number(pair.line);
    const offset = zone === 'EST' ? EST_MINUTES : zone === 'EDT' ? EDT_MINUTES : null;
    if (offset === null) {
      throw sourceProblem(document.name, line, 'Time Zone', `"${zone}" is neither EST nor EDT`);
    }
    const { local, secondsMs } = wallFields(Number(pair.wall_ms));
    const utcMs = fixedOffsetToUtcMs(local, offset) + secondsMs;
    if (utcMsToLocal(NYISO_TIMEZONE, utcMs).offsetMinutes !== offset) {
      throw sourceProblem(
        document.name,
        line,
        'Time Zone',
        `"${await stampAt(table, line)} ${zone}" is not a time New York keeps: its clock was not on ${zone} then`,
      );
    }
    instants.add(utcMs);
  }
  // Every marker is now known to be EST or EDT and right for its time, so the offset applies row by row.
  const offsetMs = `CASE time_zone WHEN 'EST' THEN ${-EST_MINUTES * MINUTE_MS} ELSE ${-EDT_MINUTES * MINUTE_MS} END`;
  return {
    relation: `(SELECT *, (wall_ms + ${offsetMs})::DOUBLE AS utc_ms FROM ${source})`,
    instantsMs: [...instants].sort((a, b) => a - b),
  };
};

/**
 * Fails on the first row that repeats an earlier row's (key, instant): two readings for one zone or fuel at the
 * same moment cannot both be right, and summing or storing either would hide it.
 */
export const requireOneRowPer = async (
  table: CsvTable,
  document: SourceDocument,
  stamped: string,
  key: { column: string; field: string },
): Promise<void> => {
  const [duplicate] = await table.rows(
    `SELECT ${key.column} AS key, list(_line ORDER BY _line)[2] AS line
       FROM ${stamped} GROUP BY ${key.column}, utc_ms HAVING count(*) > 1 ORDER BY line LIMIT 1`,
  );
  if (duplicate) {
    const line = Number(duplicate.line);
    throw sourceProblem(
      document.name,
      line,
      key.field,
      `a second row for ${cellText(duplicate.key)} at "${await stampAt(table, line)}"`,
    );
  }
};
