import { instrumentId } from '../../../domain/instruments/instrument.js';
import { PriceBatchBuilder, type PriceBatch } from '../../../domain/prices/price-batch.js';
import { MINUTE_MS, type TimeRange } from '../../../domain/time/interval.js';
import {
  fiveMinuteLoad,
  fundamentalKeys,
  hourlyFundamentals,
  INTERVALS_PER_DAY,
  LOAD_BASE_MW,
  type FundamentalKeys,
} from './sim-fundamentals.js';
import {
  SIM_MARKET_ID,
  SIM_PRICE_LOCATIONS,
  SIM_TIMEZONE,
  type SimPriceLocation,
} from './sim-market.js';
import { arPath, normalAt, streamKey, uniform2At, uniformAt } from './sim-random.js';

/*
 * Price model of the simulated market. Per interval and location, LMP = energy + congestion + loss:
 *
 *  energy      System lambda, common to all locations. DA (hourly): a merit-order curve of net load
 *              (load − solar − wind; load carries the weekday/weekend daily shape by local hour, the
 *              seasonal cycle and weather) times a slow fuel-cost factor, plus an hourly AR(1) deviation
 *              and rare, moderate DA spikes at tight hours. The curve turns negative when net load is very
 *              low (sunny, windy, low-load middays). RT5: the DA level (without DA spikes) interpolated
 *              between hour midpoints, plus the price impact of the actual-vs-expected load error, a
 *              5-minute AR(1) deviation, white noise, and RT-only events: scarcity spikes (a few a week,
 *              hundreds of $/MWh, 5–20 minutes, likelier when net load is high) and oversupply dips.
 *  congestion  Σ shift[k] × shadow price of constraint k (see sim-market.ts) plus small location noise.
 *              Shadow prices are max(0, driver + AR(1)); RT adds a 5-minute AR(1) and load-pocket spikes.
 *  loss        loss factor × energy × load / average load.
 *
 * Totals below about −20 $/MWh are compressed smoothly towards −32 (a soft floor), adjusting congestion.
 * Components are rounded to cents and the LMP is their sum in cents, so energy + congestion + loss = LMP.
 *
 * Window independence: every random number is a hash of (seed, stream, grid index), and every AR(1) path
 * is computed per UTC day, started from 0 a fixed number of steps before the day (enough for its memory
 * to decay below 1e-4), so a day's values never depend on the requested window and days join smoothly.
 */

export type SimPriceRun = 'DA' | 'RT5';

interface LocationKeys {
  readonly location: SimPriceLocation;
  readonly id: string;
  readonly noiseDa: number;
  readonly noiseRt: number;
}

export interface SimModel {
  readonly seed: number;
  readonly zone: string;
  readonly fundamentals: FundamentalKeys;
  readonly prices: {
    readonly daDev: number;
    readonly daSpike: number;
    readonly daShadow: readonly [number, number, number];
    readonly rtDev: number;
    readonly rtNoise: number;
    readonly rtSpike: number;
    readonly rtDip: number;
    readonly rtShadow: readonly [number, number, number];
    readonly pocketSpike: number;
  };
  readonly locations: readonly LocationKeys[];
}

export const createSimModel = (seed: number): SimModel => {
  const key = (name: string): number => streamKey(seed, name);
  return {
    seed,
    zone: SIM_TIMEZONE,
    fundamentals: fundamentalKeys(seed),
    prices: {
      daDev: key('da.energy'),
      daSpike: key('da.spike'),
      daShadow: [key('da.shadow.a'), key('da.shadow.b'), key('da.shadow.c')],
      rtDev: key('rt5.energy'),
      rtNoise: key('rt5.noise'),
      rtSpike: key('rt5.spike'),
      rtDip: key('rt5.dip'),
      rtShadow: [key('rt5.shadow.a'), key('rt5.shadow.b'), key('rt5.shadow.c')],
      pocketSpike: key('rt5.spike.c'),
    },
    locations: SIM_PRICE_LOCATIONS.map((location) => ({
      location,
      id: instrumentId(SIM_MARKET_ID, location.code),
      noiseDa: key(`DA:${location.code}:noise`),
      noiseRt: key(`RT5:${location.code}:noise`),
    })),
  };
};

/** Merit-order curve: $/MWh at a net load (MW) and fuel-cost factor. */
export const stackPrice = (netLoadMw: number, fuel: number): number => {
  const n = netLoadMw / 1000;
  const thermal = fuel * (16 + 1.1 * (n - 15));
  const scarcity = 7 * Math.exp((n - 42) / 3.8);
  const surplus = n < 21 ? 2.6 * (21 - n) ** 1.35 : 0;
  return thermal + scarcity - surplus;
};

const FLOOR_KNEE = -20;
const FLOOR_DEPTH = 12;
/** Identity above −20 $/MWh, then compressed smoothly so nothing goes below −32. */
export const softFloor = (x: number): number =>
  x >= FLOOR_KNEE ? x : FLOOR_KNEE - FLOOR_DEPTH * (1 - Math.exp((x - FLOOR_KNEE) / FLOOR_DEPTH));

/** One UTC day of a run's system-wide quantities, one entry per interval of the day. */
interface DayPrices {
  readonly energy: Float64Array;
  readonly shadow: readonly [Float64Array, Float64Array, Float64Array];
  readonly loadRatio: Float64Array;
}

/** DA quantities for hours −1 … 24 of a UTC day (26 slots); RT interpolates between them. */
interface DaHours {
  readonly energy: Float64Array;
  readonly spike: Float64Array;
  readonly pre: readonly [Float64Array, Float64Array, Float64Array];
  readonly netLoadMw: Float64Array;
  readonly loadMw: Float64Array;
  readonly fuel: Float64Array;
}

const daHours = (model: SimModel, dayIndex: number): DaHours => {
  const f = hourlyFundamentals(model.fundamentals, model.zone, dayIndex);
  const keys = model.prices;
  const slots = f.loadMw.length;
  const dev = arPath(keys.daDev, f.firstHour, slots, 0.85, 3.5);
  const arA = arPath(keys.daShadow[0], f.firstHour, slots, 0.9, 5);
  const arB = arPath(keys.daShadow[1], f.firstHour, slots, 0.85, 3);
  const arC = arPath(keys.daShadow[2], f.firstHour, slots, 0.9, 4);
  const energy = new Float64Array(slots);
  const spike = new Float64Array(slots);
  const pre = [new Float64Array(slots), new Float64Array(slots), new Float64Array(slots)] as const;
  for (let j = 0; j < slots; j++) {
    const hour = f.firstHour + j;
    const net = f.netLoadMw[j] ?? 0;
    const loadGw = (f.loadMw[j] ?? 0) / 1000;
    const renewGw = ((f.solarMw[j] ?? 0) + 0.4 * (f.windMw[j] ?? 0)) / 1000;
    energy[j] = softFloor(stackPrice(net, f.fuel[j] ?? 1) + (dev[j] ?? 0));
    const p = 0.004 * Math.min(8, Math.exp((net / 1000 - 44) / 4));
    if (uniformAt(keys.daSpike, hour) < p) {
      spike[j] = 30 + 120 * uniform2At(keys.daSpike, hour) ** 2;
    }
    pre[0][j] = 1.2 * (loadGw - 37) + (arA[j] ?? 0);
    pre[1][j] = 3 * (renewGw - 5.5) + (arB[j] ?? 0);
    pre[2][j] = 2 * (loadGw - 45) + (arC[j] ?? 0);
  }
  return { energy, spike, pre, netLoadMw: f.netLoadMw, loadMw: f.loadMw, fuel: f.fuel };
};

const daDay = (model: SimModel, dayIndex: number): DayPrices => {
  const hours = daHours(model, dayIndex);
  const energy = new Float64Array(24);
  const shadow = [new Float64Array(24), new Float64Array(24), new Float64Array(24)] as const;
  const loadRatio = new Float64Array(24);
  for (let h = 0; h < 24; h++) {
    energy[h] = softFloor((hours.energy[h + 1] ?? 0) + (hours.spike[h + 1] ?? 0));
    for (let k = 0; k < 3; k++) {
      shadow[k]![h] = Math.max(0, hours.pre[k]![h + 1] ?? 0);
    }
    loadRatio[h] = (hours.loadMw[h + 1] ?? 0) / LOAD_BASE_MW;
  }
  return { energy, shadow, loadRatio };
};

const MAX_EVENT_INTERVALS = 4;

/**
 * Adds short RT events to `out` (one entry per interval of the day): an event may start at any interval
 * (including the few before the day, so events cross midnight) with probability `chance(hourSlot)`; its
 * size comes from `size(u)` and it lasts 1–`maxLength` intervals, decaying by 30 % per interval.
 */
const addEvents = (
  out: Float64Array,
  key: number,
  first: number,
  maxLength: number,
  chance: (hourSlot: number) => number,
  size: (u: number) => number,
): void => {
  for (let s = -MAX_EVENT_INTERVALS; s < INTERVALS_PER_DAY; s++) {
    const p = chance(s < 0 ? 0 : Math.floor(s / 12) + 1);
    const u = uniformAt(key, first + s);
    if (p > 0 && u < p) {
      const magnitude = size(uniform2At(key, first + s));
      const length = 1 + Math.floor((maxLength * u) / p);
      for (let k = 0, m = magnitude; k < length; k++, m *= 0.7) {
        const i = s + k;
        if (i >= 0 && i < INTERVALS_PER_DAY) {
          out[i] = (out[i] ?? 0) + m;
        }
      }
    }
  }
};

const logistic = (x: number): number => 1 / (1 + Math.exp(-x));

const rtDay = (model: SimModel, dayIndex: number): DayPrices => {
  const da = daHours(model, dayIndex);
  const load = fiveMinuteLoad(model.fundamentals, model.zone, dayIndex);
  const keys = model.prices;
  const first = dayIndex * INTERVALS_PER_DAY;
  const n = INTERVALS_PER_DAY;
  const dev = arPath(keys.rtDev, first, n, 0.96, 4);
  const shadowDev = [
    arPath(keys.rtShadow[0], first, n, 0.95, 3),
    arPath(keys.rtShadow[1], first, n, 0.95, 2.5),
    arPath(keys.rtShadow[2], first, n, 0.95, 4),
  ] as const;
  const events = new Float64Array(n);
  const netGw = (slot: number): number => (da.netLoadMw[slot] ?? 0) / 1000;
  addEvents(
    events,
    keys.rtSpike,
    first,
    MAX_EVENT_INTERVALS,
    (slot) => 0.0025 * (0.5 + 2 * logistic((netGw(slot) - 42) / 3)),
    (u) => 120 + 780 * u ** 3,
  );
  addEvents(
    events,
    keys.rtDip,
    first,
    3,
    (slot) => 0.004 * Math.min(1, Math.max(0, (20 - netGw(slot)) / 6)),
    (u) => -(10 + 30 * u),
  );
  const pocket = new Float64Array(n);
  addEvents(
    pocket,
    keys.pocketSpike,
    first,
    3,
    (slot) => 0.003 * logistic(((da.loadMw[slot] ?? 0) / 1000 - 45) / 2),
    (u) => 30 + 170 * u ** 2,
  );
  const energy = new Float64Array(n);
  const shadow = [new Float64Array(n), new Float64Array(n), new Float64Array(n)] as const;
  const loadRatio = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    // Position relative to the hour's midpoint, and the neighbouring DA hour to interpolate towards.
    const j = Math.floor(i / 12) + 1;
    const x = ((i % 12) + 0.5) / 12 - 0.5;
    const other = x < 0 ? j - 1 : j + 1;
    const w = Math.abs(x);
    const interp = (a: Float64Array): number => (a[j] ?? 0) + ((a[other] ?? 0) - (a[j] ?? 0)) * w;
    const net = interp(da.netLoadMw);
    const fuel = interp(da.fuel);
    const slope = (stackPrice(net + 500, fuel) - stackPrice(net - 500, fuel)) / 1000;
    const loadError = (load.actualMw[i] ?? 0) - (load.expectedMw[i] ?? 0);
    energy[i] = softFloor(
      interp(da.energy) +
        slope * loadError +
        (dev[i] ?? 0) +
        1.2 * normalAt(keys.rtNoise, first + i) +
        (events[i] ?? 0),
    );
    for (let k = 0; k < 3; k++) {
      const spike = k === 2 ? (pocket[i] ?? 0) : 0;
      shadow[k]![i] = Math.max(0, interp(da.pre[k]!) + (shadowDev[k]![i] ?? 0) + spike);
    }
    loadRatio[i] = (load.actualMw[i] ?? 0) / LOAD_BASE_MW;
  }
  return { energy, shadow, loadRatio };
};

export const RUN_MINUTES: Readonly<Record<SimPriceRun, number>> = { DA: 60, RT5: 5 };

/**
 * Prices of `run` for every simulator location and every interval whose start lies in `window`, ordered
 * by interval then location (so batches for adjacent windows concatenate to the batch for their union).
 */
export const simulatePrices = (
  model: SimModel,
  run: SimPriceRun,
  window: TimeRange,
  signal?: AbortSignal,
): PriceBatch => {
  const minutes = RUN_MINUTES[run];
  const stepMs = minutes * MINUTE_MS;
  const perDay = (24 * 60) / minutes;
  const firstIndex = Math.ceil(window.fromMs / stepMs);
  const endIndex = Math.ceil(window.toMs / stepMs);
  const locations = model.locations;
  const count = locations.length;
  const builder = new PriceBatchBuilder(Math.max(16, (endIndex - firstIndex) * count));
  if (endIndex <= firstIndex) {
    return builder.build();
  }
  const slots = Int32Array.from(locations, (l) => builder.instrumentSlot(l.id));
  const runSlot = builder.runSlot(run);
  const shiftA = Float64Array.from(locations, (l) => l.location.shift[0]);
  const shiftB = Float64Array.from(locations, (l) => l.location.shift[1]);
  const shiftC = Float64Array.from(locations, (l) => l.location.shift[2]);
  const lossFactor = Float64Array.from(locations, (l) => l.location.lossFactor);
  const noiseSd = Float64Array.from(locations, (l) =>
    run === 'DA' ? l.location.noiseSd / 3 : l.location.noiseSd,
  );
  const noiseKey = Uint32Array.from(locations, (l) => (run === 'DA' ? l.noiseDa : l.noiseRt));
  const lastDay = Math.floor((endIndex - 1) / perDay);
  for (let day = Math.floor(firstIndex / perDay); day <= lastDay; day++) {
    signal?.throwIfAborted();
    const prices = run === 'DA' ? daDay(model, day) : rtDay(model, day);
    const [sA, sB, sC] = prices.shadow;
    const dayFirst = day * perDay;
    const from = Math.max(firstIndex, dayFirst);
    const to = Math.min(endIndex, dayFirst + perDay);
    for (let index = from; index < to; index++) {
      const i = index - dayFirst;
      const energy = prices.energy[i] ?? 0;
      const energyCents = Math.round(energy * 100) + 0; // + 0 turns -0 into 0
      const a = sA[i] ?? 0;
      const b = sB[i] ?? 0;
      const c = sC[i] ?? 0;
      const lossScale = energy * (prices.loadRatio[i] ?? 1);
      const startMs = index * stepMs;
      for (let p = 0; p < count; p++) {
        let congestion =
          (shiftA[p] ?? 0) * a +
          (shiftB[p] ?? 0) * b +
          (shiftC[p] ?? 0) * c +
          (noiseSd[p] ?? 0) * normalAt(noiseKey[p] ?? 0, index);
        const loss = (lossFactor[p] ?? 0) * lossScale;
        const total = energy + congestion + loss;
        if (total < FLOOR_KNEE) {
          congestion += softFloor(total) - total;
        }
        const congestionCents = Math.round(congestion * 100) + 0;
        const lossCents = Math.round(loss * 100) + 0;
        builder.addColumns(
          slots[p] ?? 0,
          runSlot,
          startMs,
          minutes,
          (energyCents + congestionCents + lossCents) / 100,
          energyCents / 100,
          congestionCents / 100,
          lossCents / 100,
          Number.NaN,
        );
      }
    }
  }
  return builder.build();
};
