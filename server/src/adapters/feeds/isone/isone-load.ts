import type { InstrumentDefinition } from '../../../domain/instruments/instrument.js';
import { HOUR_MS } from '../../../domain/time/interval.js';
import type { SourceDocument } from '../../../ports/market-feed.js';
import { SeriesCollector } from './isone-collect.js';
import { readWebServicesJson, RecordReader } from './isone-json.js';
import {
  CONTROL_AREA_NAME,
  isoneInstrument,
  isoneInstruments,
  loadCode,
  SYSTEM_LOAD_CODE,
} from './isone-market.js';

const MASTER = new Map(isoneInstruments().map((i) => [i.code, i]));
const SYSTEM_LOAD = MASTER.get(SYSTEM_LOAD_CODE) as InstrumentDefinition;

const loadInstrument = (area: string): InstrumentDefinition =>
  area === CONTROL_AREA_NAME
    ? SYSTEM_LOAD
    : (MASTER.get(loadCode(area)) ??
      isoneInstrument(loadCode(area), `${area} load (ISO-NE)`, 'zone', 'load'));

const hourStart = (reader: RecordReader, key: string): number => {
  const ms = reader.time(key);
  if (ms % HOUR_MS !== 0) {
    throw reader.problem(key, `${String(reader.record[key])} does not start an hour`);
  }
  return ms;
};

/**
 * `/hourlysysload/day/YYYYMMDD`: `{BeginDate, Location{@LocId:"32", $:"NEPOOL AREA"}, Load, NativeLoad,
 * ArdDemand}` per hour, BeginDate = hour start with its Eastern offset (the fall-back day has both
 * `01:00-04:00` and `01:00-05:00`: 25 hours).
 *
 * Stored as `load.actual` is NativeLoad: Load = NativeLoad + ArdDemand (asset-related demand, mostly pumped-storage
 * pumping), and ISO-NE's load forecast predicts native load (the 2024-11-02 fixtures: NativeLoad 9,185 MW at
 * 01:00 against a last forecast of 9,200 MW, Load 9,887 MW). Storing the same quantity keeps forecast error
 * meaningful. Responses without NativeLoad (no pumping split) fall back to Load.
 */
export const collectSystemLoad = (
  document: SourceDocument,
  collector: SeriesCollector = new SeriesCollector(),
): SeriesCollector => {
  const source = readWebServicesJson(document, 'HourlySystemLoads', 'HourlySystemLoad');
  const reader = new RecordReader(source);
  for (let i = 0; i < source.records.length; i++) {
    reader.at(i);
    const startMs = hourStart(reader, 'BeginDate');
    const native = reader.optionalNumber('NativeLoad');
    const valueMw = Number.isNaN(native) ? reader.number('Load') : native;
    collector.add(loadInstrument(reader.location().name), 'load.actual', startMs, 60, valueMw);
  }
  return collector;
};

/**
 * `/hourlyloadforecast/all/day/YYYYMMDD`: every forecast ISO-NE issued for the day's hours,
 * `{BeginDate, CreationDate, LoadMw, NetLoadMw}`. Each CreationDate is a vintage, stored as the issue time, so
 * all vintages are kept side by side. LoadMw is the system (native) load forecast; NetLoadMw, the same net of
 * behind-the-meter solar, has no series variable yet and is not stored.
 */
export const collectLoadForecast = (
  document: SourceDocument,
  collector: SeriesCollector = new SeriesCollector(),
): SeriesCollector => {
  const source = readWebServicesJson(document, 'HourlyLoadForecasts', 'HourlyLoadForecast');
  const reader = new RecordReader(source);
  for (let i = 0; i < source.records.length; i++) {
    reader.at(i);
    const startMs = hourStart(reader, 'BeginDate');
    const issuedAtMs = reader.time('CreationDate');
    collector.add(SYSTEM_LOAD, 'load.forecast', startMs, 60, reader.number('LoadMw'), issuedAtMs);
  }
  return collector;
};
