import { instrumentId } from '../../../domain/instruments/instrument.js';
import {
  seriesBatchFrom,
  type Fuel,
  type SeriesObservation,
} from '../../../domain/series/series-batch.js';
import type { FeedData, SourceDocument } from '../../../ports/market-feed.js';
import { JsonReader, parseJsonDocument } from './ercot-json.js';
import {
  ERCOT_MARKET_ID,
  SYSTEM_GEN_CODE,
  SYSTEM_LOAD_CODE,
  systemGenInstrument,
  systemLoadInstrument,
} from './ercot-market.js';
import { ercotHourEnding, repeatedHourFlag } from './ercot-time.js';

/**
 * ERCOT's public dashboards (www.ercot.com/api/1/services/read/dashboards/*.json): JSON the website's charts
 * read, covering yesterday and today only, so they serve recent days and nothing older.
 */

const FIVE_MINUTES_MS = 5 * 60_000;
const SYSTEM_LOAD_ID = instrumentId(ERCOT_MARKET_ID, SYSTEM_LOAD_CODE);
const SYSTEM_GEN_ID = instrumentId(ERCOT_MARKET_ID, SYSTEM_GEN_CODE);

const DAY_DATE = /^(\d{4}-\d{2}-\d{2})[ T]/;

/** Rejects a second observation for the same key, naming where it came from. */
const uniqueBy = (
  observations: readonly [SeriesObservation, JsonReader][],
  key: (o: SeriesObservation) => string,
): SeriesObservation[] => {
  const seen = new Map<string, JsonReader>();
  for (const [observation, origin] of observations) {
    const k = key(observation);
    const first = seen.get(k);
    if (first !== undefined) {
      throw origin.problem(
        `the same interval as ${first.path} (${new Date(observation.intervalStartMs).toISOString()})`,
      );
    }
    seen.set(k, origin);
  }
  return observations.map(([o]) => o);
};

/**
 * Supply and demand (`supply-demand.json`): `previousDay|currentDay|nextDay {dayDate, data[{hourEnding, dstFlag,
 * systemLoad, …}]}`, hourly. `systemLoad` (actual demand, MW) is present for hours already past and becomes
 * SYSTEM_LOAD `load.actual`. The hour is read from the delivery day, hourEnding and dstFlag with ERCOT's rules
 * (ercot-time.ts), not from the `timestamp` text, which ERCOT's dashboards have mislabelled in the repeated hour.
 */
export const parseSupplyDemand = (document: SourceDocument): FeedData => {
  const root = new JsonReader(document, parseJsonDocument(document), '');
  root.object();
  const observations: [SeriesObservation, JsonReader][] = [];
  for (const dayKey of ['previousDay', 'currentDay', 'nextDay']) {
    const day = root.at(dayKey);
    if (!day.present) {
      continue;
    }
    const dayDate = day.at('dayDate');
    const date = DAY_DATE.exec(dayDate.text())?.[1];
    if (date === undefined) {
      throw dayDate.problem(`"${dayDate.text()}" does not start with a date YYYY-MM-DD`);
    }
    for (const entry of day.at('data').items()) {
      const load = entry.at('systemLoad');
      if (!load.present) {
        continue;
      }
      const hour = entry.at('hourEnding');
      const flag = entry.at('dstFlag');
      let repeated: boolean;
      try {
        repeated = repeatedHourFlag(flag.text());
      } catch (error) {
        throw flag.problem((error as Error).message);
      }
      let startMs: number;
      try {
        startMs = ercotHourEnding(date, hour.number(), repeated).startMs;
      } catch (error) {
        throw hour.problem((error as Error).message);
      }
      observations.push([
        {
          instrumentId: SYSTEM_LOAD_ID,
          variable: 'load.actual',
          intervalStartMs: startMs,
          intervalMinutes: 60,
          valueMw: load.number(),
        },
        entry,
      ]);
    }
  }
  return {
    kind: 'series',
    series: seriesBatchFrom(uniqueBy(observations, (o) => String(o.intervalStartMs))),
    instruments: [systemLoadInstrument()],
  };
};

/** The fuel names of the fuel-mix dashboard on our fuel list. */
const FUEL_NAMES: Readonly<Record<string, Fuel>> = {
  'Coal and Lignite': 'coal',
  Hydro: 'hydro',
  'Natural Gas': 'gas',
  Nuclear: 'nuclear',
  Other: 'other',
  'Power Storage': 'storage',
  Solar: 'solar',
  Wind: 'wind',
};

// "2024-11-23 00:04:57-0600": local time with its UTC offset.
const STAMP = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})([+-])(\d{2})(\d{2})$/;

const stampToUtcMs = (stamp: string): number | null => {
  const m = STAMP.exec(stamp);
  if (m === null) {
    return null;
  }
  const [year, month, day, hour, minute, second, , offsetHours, offsetMinutes] = m
    .slice(1)
    .map(Number);
  const offset = (m[7] === '-' ? -1 : 1) * ((offsetHours ?? 0) * 60 + (offsetMinutes ?? 0));
  const local = Date.UTC(
    year ?? 0,
    (month ?? 1) - 1,
    day ?? 0,
    hour ?? 0,
    minute ?? 0,
    second ?? 0,
  );
  return local - offset * 60_000;
};

/**
 * Generation by fuel (`fuel-mix.json`): `data{<day>{<stamp with offset>{<fuel>{gen, hsl, seasonalCapacity}}}}`,
 * every five minutes. A stamp is the moment SCED telemetry was sampled, just before the five-minute mark
 * (00:04:57 for the interval 00:00–00:05), so the interval is the five minutes the stamp falls in. `gen` (MW)
 * becomes SYSTEM_GEN `gen.<fuel>`; storage is net output (negative while charging). A fuel name ERCOT adds later
 * is an error here, so it is mapped deliberately instead of landing in "other" unseen.
 */
export const parseFuelMix = (document: SourceDocument): FeedData => {
  const root = new JsonReader(document, parseJsonDocument(document), '');
  const observations: [SeriesObservation, JsonReader][] = [];
  for (const [, day] of root.at('data').entries()) {
    for (const [stamp, fuels] of day.entries()) {
      const atMs = stampToUtcMs(stamp);
      if (atMs === null) {
        throw fuels.problem(`"${stamp}" is not a time like 2024-11-23 00:04:57-0600`);
      }
      const startMs = Math.floor(atMs / FIVE_MINUTES_MS) * FIVE_MINUTES_MS;
      const byFuel = new Map<Fuel, number>();
      for (const [name, values] of fuels.entries()) {
        const fuel = FUEL_NAMES[name];
        if (fuel === undefined) {
          throw values.problem(
            `unknown fuel "${name}"; known: ${Object.keys(FUEL_NAMES).join(', ')}`,
          );
        }
        byFuel.set(fuel, (byFuel.get(fuel) ?? 0) + values.at('gen').number());
      }
      for (const [fuel, valueMw] of byFuel) {
        observations.push([
          {
            instrumentId: SYSTEM_GEN_ID,
            variable: `gen.${fuel}`,
            intervalStartMs: startMs,
            intervalMinutes: 5,
            valueMw,
          },
          fuels,
        ]);
      }
    }
  }
  return {
    kind: 'series',
    series: seriesBatchFrom(uniqueBy(observations, (o) => `${o.variable}|${o.intervalStartMs}`)),
    instruments: [systemGenInstrument()],
  };
};
