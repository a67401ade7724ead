import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../../domain/time/interval.js';
import { dayCalendar, hourCalendar } from './sim-calendar.js';
import { arPath, mix32, normalAt, streamKey, valueNoise } from './sim-random.js';

/**
 * Fundamentals of the simulated system: load, solar, wind and a merit-order dispatch. Everything is a pure
 * function of (seed, time): slow drivers are value noise (smooth functions of time), fast ones AR(1) paths
 * started at a fixed offset before their UTC day (see arPath).
 */

export interface FundamentalKeys {
  readonly weather: number;
  readonly cloud: number;
  readonly windSlow: number;
  readonly windAr: number;
  readonly loadAr: number;
  readonly forecast: number;
  readonly fuel: number;
}

export const fundamentalKeys = (seed: number): FundamentalKeys => ({
  weather: streamKey(seed, 'weather'),
  cloud: streamKey(seed, 'cloud'),
  windSlow: streamKey(seed, 'wind.slow'),
  windAr: streamKey(seed, 'wind.ar'),
  loadAr: streamKey(seed, 'load.ar'),
  forecast: streamKey(seed, 'load.forecast'),
  fuel: streamKey(seed, 'fuel'),
});

export const LOAD_BASE_MW = 40_000;
const SOLAR_CAPACITY_MW = 10_000;
const WIND_CAPACITY_MW = 11_000;
const NUCLEAR_MW = 5_800;
const GAS_MIN_MW = 1_200;
const COAL_MIN_MW = 3_000;
const COAL_MAX_MW = 13_000;
/** Longitude of the simulated system in hours east of Greenwich (solar time = UTC + this). */
const SOLAR_LONGITUDE_HOURS = -5.84;

/** Load relative to the day's level, by local clock hour: overnight trough, morning ramp, evening peak. */
const WEEKDAY_SHAPE = [
  0.8, 0.76, 0.74, 0.73, 0.74, 0.78, 0.86, 0.94, 0.98, 1.0, 1.01, 1.02, 1.02, 1.02, 1.03, 1.05,
  1.08, 1.11, 1.12, 1.1, 1.06, 1.0, 0.93, 0.86,
];
/** Weekends: lower, later and flatter. Hour 0 matches weekdays so midnight has no step. */
const WEEKEND_SHAPE = [
  0.8, 0.76, 0.73, 0.71, 0.7, 0.71, 0.74, 0.78, 0.83, 0.87, 0.9, 0.92, 0.93, 0.93, 0.93, 0.94, 0.96,
  0.99, 1.01, 1.0, 0.97, 0.92, 0.87, 0.82,
];

const YEAR_MS = 365.2425 * DAY_MS;
const YEAR_ORIGIN_MS = Date.UTC(2000, 0, 1);

/** cos of the annual cycle, 1 on day-of-year `peakDay` (1 = 1 January). */
export const seasonCos = (ms: number, peakDay: number): number =>
  Math.cos((2 * Math.PI * (ms - YEAR_ORIGIN_MS - (peakDay - 1) * DAY_MS)) / YEAR_MS);

const solarHourOf = (ms: number): number => {
  const utcHour = (ms - Math.floor(ms / DAY_MS) * DAY_MS) / HOUR_MS;
  return (utcHour + SOLAR_LONGITUDE_HOURS + 24) % 24;
};

/** Expected (weather-normalised plus weather) load at `ms`, given the local clock hour and fraction of it. */
export const expectedLoadMw = (
  keys: FundamentalKeys,
  ms: number,
  localHour: number,
  hourFraction: number,
  weekend: boolean,
): number => {
  const shapes = weekend ? WEEKEND_SHAPE : WEEKDAY_SHAPE;
  const here = shapes[localHour] ?? 1;
  const next = (localHour === 23 ? WEEKDAY_SHAPE[0] : shapes[localHour + 1]) ?? 1;
  const shape = here + (next - here) * hourFraction;
  const summer = seasonCos(ms, 205);
  const season = 1 + 0.09 * summer + 0.05 * (2 * summer * summer - 1);
  const weather = 1 + 0.05 * valueNoise(keys.weather, ms, DAY_MS);
  return LOAD_BASE_MW * shape * season * weather;
};

/** Solar output: a midday bell in solar time, longer and higher in summer, scaled by cloud cover. */
export const solarMw = (keys: FundamentalKeys, ms: number): number => {
  const summer = seasonCos(ms, 172);
  const halfDay = 6.1 + 1.5 * summer;
  const z = (solarHourOf(ms) - 12) / halfDay;
  if (z <= -1 || z >= 1) {
    return 0;
  }
  const clear = 0.25 + 0.75 / (1 + Math.exp(-(0.9 + 1.4 * valueNoise(keys.cloud, ms, DAY_MS))));
  return SOLAR_CAPACITY_MW * (0.72 + 0.28 * summer) * Math.cos((Math.PI / 2) * z) ** 1.3 * clear;
};

/** Wind output from a slow weather driver, an hourly AR(1) deviation, a night bias and a windy spring. */
const windMw = (keys: FundamentalKeys, ms: number, ar: number): number => {
  const night = Math.cos((2 * Math.PI * (solarHourOf(ms) - 2)) / 24);
  const x =
    -0.35 +
    1.1 * valueNoise(keys.windSlow, ms, 18 * HOUR_MS) +
    ar +
    0.3 * night +
    0.25 * seasonCos(ms, 80);
  return WIND_CAPACITY_MW / (1 + Math.exp(-x));
};

/** Multiplier on thermal costs: seasonal (dearer gas in winter) times a slow weekly drift. */
export const fuelFactor = (keys: FundamentalKeys, ms: number): number =>
  Math.exp(0.08 * seasonCos(ms, 15) + 0.12 * valueNoise(keys.fuel, ms, 7 * DAY_MS));

/** Hourly fundamentals for UTC day `dayIndex`, slot 0 being the hour before the day and 25 the hour after. */
export interface HourlyFundamentals {
  /** Absolute UTC hour index (hours since the epoch) of slot 0. */
  readonly firstHour: number;
  readonly loadMw: Float64Array;
  readonly solarMw: Float64Array;
  readonly windMw: Float64Array;
  /** Load minus solar and wind: what thermal plant must serve, and what sets the price. */
  readonly netLoadMw: Float64Array;
  readonly fuel: Float64Array;
}

export const HOURLY_SLOTS = 26;

export const hourlyFundamentals = (
  keys: FundamentalKeys,
  zone: string,
  dayIndex: number,
): HourlyFundamentals => {
  const firstHour = dayIndex * 24 - 1;
  const windAr = arPath(keys.windAr, firstHour, HOURLY_SLOTS, 0.9, 0.4);
  const load = new Float64Array(HOURLY_SLOTS);
  const solar = new Float64Array(HOURLY_SLOTS);
  const wind = new Float64Array(HOURLY_SLOTS);
  const net = new Float64Array(HOURLY_SLOTS);
  const fuel = new Float64Array(HOURLY_SLOTS);
  for (let j = 0; j < HOURLY_SLOTS; j++) {
    const hour = firstHour + j;
    const mid = hour * HOUR_MS + HOUR_MS / 2;
    const cal = hourCalendar(zone, hour);
    load[j] = expectedLoadMw(keys, mid, cal.localHour, 0.5, cal.weekend);
    solar[j] = solarMw(keys, mid);
    wind[j] = windMw(keys, mid, windAr[j] ?? 0);
    net[j] = (load[j] ?? 0) - (solar[j] ?? 0) - (wind[j] ?? 0);
    fuel[j] = fuelFactor(keys, mid);
  }
  return { firstHour, loadMw: load, solarMw: solar, windMw: wind, netLoadMw: net, fuel };
};

export const INTERVALS_PER_DAY = 288;
const FIVE_MINUTES_MS = 5 * MINUTE_MS;

/**
 * 5-minute load for UTC day `dayIndex`: the expected load at each interval's midpoint and the actual
 * load, which adds an AR(1) deviation (about 1.2 % with a ~5-hour memory) on the 5-minute grid.
 */
export const fiveMinuteLoad = (
  keys: FundamentalKeys,
  zone: string,
  dayIndex: number,
): { expectedMw: Float64Array; actualMw: Float64Array } => {
  const calendar = dayCalendar(zone, dayIndex);
  const deviation = arPath(
    keys.loadAr,
    dayIndex * INTERVALS_PER_DAY,
    INTERVALS_PER_DAY,
    0.985,
    0.012,
  );
  const expectedMw = new Float64Array(INTERVALS_PER_DAY);
  const actualMw = new Float64Array(INTERVALS_PER_DAY);
  for (let i = 0; i < INTERVALS_PER_DAY; i++) {
    const h = Math.floor(i / 12);
    const mid = dayIndex * DAY_MS + i * FIVE_MINUTES_MS + FIVE_MINUTES_MS / 2;
    const expected = expectedLoadMw(
      keys,
      mid,
      calendar.localHour[h] ?? 0,
      ((i % 12) + 0.5) / 12,
      calendar.weekend[h] === 1,
    );
    expectedMw[i] = expected;
    actualMw[i] = expected * (1 + (deviation[i] ?? 0));
  }
  return { expectedMw, actualMw };
};

/**
 * Hourly load forecast for UTC hour `hourIndex` from the vintage issued at `issuedAtMs`: the expected load
 * with a smooth forecast error (~2 %) specific to that vintage, plus a little hour-to-hour noise.
 */
export const loadForecastMw = (
  keys: FundamentalKeys,
  zone: string,
  hourIndex: number,
  issuedAtMs: number,
): number => {
  const mid = hourIndex * HOUR_MS + HOUR_MS / 2;
  const cal = hourCalendar(zone, hourIndex);
  const vintage = mix32(keys.forecast ^ Math.floor(issuedAtMs / HOUR_MS));
  const error = 0.02 * valueNoise(vintage, mid, 6 * HOUR_MS) + 0.004 * normalAt(vintage, hourIndex);
  return expectedLoadMw(keys, mid, cal.localHour, 0.5, cal.weekend) * (1 + error);
};

export interface GenerationMix {
  readonly solar: number;
  readonly wind: number;
  readonly hydro: number;
  readonly nuclear: number;
  readonly coal: number;
  readonly gas: number;
}

/**
 * Merit-order dispatch meeting `loadMw`: nuclear flat, hydro following load, renewables as available,
 * coal carrying ~42 % of the remainder within its limits and gas the rest. When must-run gas would be
 * squeezed below its minimum, wind and then solar are curtailed, so the fuels sum to the load.
 */
export const dispatch = (loadMw: number, solar: number, wind: number): GenerationMix => {
  const hydro = 1_500 + 1_200 * Math.min(1, Math.max(0, (loadMw - 30_000) / 20_000));
  const residual = loadMw - NUCLEAR_MW - hydro - solar - wind;
  const coal = Math.min(COAL_MAX_MW, Math.max(COAL_MIN_MW, 0.42 * residual));
  let gas = residual - coal;
  let curtailedWind = wind;
  let curtailedSolar = solar;
  if (gas < GAS_MIN_MW) {
    let excess = GAS_MIN_MW - gas;
    gas = GAS_MIN_MW;
    const fromWind = Math.min(excess, curtailedWind);
    curtailedWind -= fromWind;
    excess -= fromWind;
    curtailedSolar -= Math.min(excess, curtailedSolar);
  }
  return { solar: curtailedSolar, wind: curtailedWind, hydro, nuclear: NUCLEAR_MW, coal, gas };
};
