import type { InstrumentDefinition } from '../../../domain/instruments/instrument.js';
import type { Fuel } from '../../../domain/series/series-batch.js';
import { HOUR_MS } from '../../../domain/time/interval.js';
import type { SourceDocument } from '../../../ports/market-feed.js';
import { SeriesCollector } from './isone-collect.js';
import { readWebServicesJson, RecordReader } from './isone-json.js';
import { isoneInstruments, SYSTEM_GEN_CODE } from './isone-market.js';

const SYSTEM_GEN = isoneInstruments().find(
  (i) => i.code === SYSTEM_GEN_CODE,
) as InstrumentDefinition;

/**
 * ISO-NE FuelCategory → our fuels. Wood, refuse (municipal solid waste) and landfill gas are the categories
 * ISO-NE rolls up as non-wind/solar "Renewables"; all three burn biogenic material, so biomass (as EIA counts
 * them).
 */
const FUEL_OF_CATEGORY: Readonly<Record<string, Fuel>> = {
  coal: 'coal',
  hydro: 'hydro',
  'natural gas': 'gas',
  nuclear: 'nuclear',
  oil: 'oil',
  solar: 'solar',
  wind: 'wind',
  wood: 'biomass',
  refuse: 'biomass',
  'landfill gas': 'biomass',
  other: 'other',
};

/** Categories ISO-NE may add (it has split and renamed them before) land by keyword, else in `other`. */
export const fuelOfCategory = (category: string): Fuel => {
  const name = category.trim().toLowerCase();
  const known = FUEL_OF_CATEGORY[name];
  if (known !== undefined) {
    return known;
  }
  const rules: readonly [RegExp, Fuel][] = [
    [/storage|batter/, 'storage'],
    [/solar|photovoltaic/, 'solar'],
    [/wind/, 'wind'],
    [/hydro/, 'hydro'],
    [/nuclear/, 'nuclear'],
    [/coal/, 'coal'],
    [/oil|diesel|kerosene|jet fuel/, 'oil'],
    [/gas/, 'gas'],
    [/wood|biomass|refuse|waste|landfill/, 'biomass'],
  ];
  return rules.find(([pattern]) => pattern.test(name))?.[1] ?? 'other';
};

/**
 * `/genfuelmix/day/YYYYMMDD`: `{BeginDate, GenMw, FuelCategoryRollup, FuelCategory, MarginalFlag}` for each fuel
 * at irregular instants (every 3 s to 17 min in the fixtures; a new reading whenever ISO-NE's system updates), with
 * Eastern offsets that flip from -04:00 to -05:00 on the fall-back day.
 *
 * Turned into hourly intervals of MW averaged over the hour, which is what a series value means:
 *  - each reading holds from its instant until the next reading (a step function); the day's last reading holds
 *    to the end of its hour;
 *  - a fuel not listed at an instant generates nothing then (ISO-NE lists only categories with output: solar is
 *    absent at night, coal most of the time);
 *  - each hour's value is the time-weighted mean over the part of the hour the readings cover. The first hour of
 *    a day starts with its first reading (~00:08); the value in force before it belongs to the previous day's
 *    document.
 * Clock hours are UTC hours here because Eastern offsets are whole hours, so the fall-back day has 25 and the
 * spring-forward day 23. Every fuel seen in the document gets every hour (0 where it never ran that hour);
 * MarginalFlag (which fuel is on the margin) is not stored.
 */
export const collectGenMix = (
  document: SourceDocument,
  collector: SeriesCollector = new SeriesCollector(),
): SeriesCollector => {
  const source = readWebServicesJson(document, 'GenFuelMixes', 'GenFuelMix');
  const reader = new RecordReader(source);
  const fuels: Fuel[] = [];
  const readings = new Map<number, { mw: number[]; categories: Set<string> }>();
  for (let i = 0; i < source.records.length; i++) {
    reader.at(i);
    const atMs = reader.time('BeginDate');
    const category = reader.text('FuelCategory');
    const mw = reader.number('GenMw');
    const fuel = fuelOfCategory(category);
    let f = fuels.indexOf(fuel);
    if (f < 0) {
      f = fuels.push(fuel) - 1;
    }
    let reading = readings.get(atMs);
    if (reading === undefined) {
      reading = { mw: [], categories: new Set() };
      readings.set(atMs, reading);
    }
    if (reading.categories.has(category)) {
      throw reader.problem(
        'FuelCategory',
        `${category} is listed twice at ${String(reader.record.BeginDate)}`,
      );
    }
    reading.categories.add(category);
    reading.mw[f] = (reading.mw[f] ?? 0) + mw;
  }
  const instants = [...readings.keys()].sort((a, b) => a - b);
  const hours = new Map<number, { coveredMs: number; mwMs: number[] }>();
  instants.forEach((fromMs, n) => {
    const mw = (readings.get(fromMs) as { mw: number[] }).mw;
    const untilMs = instants[n + 1] ?? Math.floor(fromMs / HOUR_MS) * HOUR_MS + HOUR_MS;
    for (let startMs = fromMs; startMs < untilMs;) {
      const hourMs = Math.floor(startMs / HOUR_MS) * HOUR_MS;
      const endMs = Math.min(untilMs, hourMs + HOUR_MS);
      let hour = hours.get(hourMs);
      if (hour === undefined) {
        hour = { coveredMs: 0, mwMs: [] };
        hours.set(hourMs, hour);
      }
      hour.coveredMs += endMs - startMs;
      for (let f = 0; f < fuels.length; f++) {
        hour.mwMs[f] = (hour.mwMs[f] ?? 0) + (mw[f] ?? 0) * (endMs - startMs);
      }
      startMs = endMs;
    }
  });
  for (const [hourMs, { coveredMs, mwMs }] of [...hours].sort(([a], [b]) => a - b)) {
    fuels.forEach((fuel, f) => {
      // Rounded to a kW so the value does not depend on floating-point summation order.
      const meanMw = Math.round(((mwMs[f] ?? 0) / coveredMs) * 1000) / 1000;
      collector.add(SYSTEM_GEN, `gen.${fuel}`, hourMs, 60, meanMw);
    });
  }
  return collector;
};
