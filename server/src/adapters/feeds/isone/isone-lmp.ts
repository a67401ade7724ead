import type { MarketRunId } from '../../../domain/markets/market.js';
import type { SourceDocument } from '../../../ports/market-feed.js';
import { PriceCollector } from './isone-collect.js';
import { readWebServicesJson, RecordReader } from './isone-json.js';
import { pricedLocation } from './isone-market.js';

/** The two LMP report shapes of ISO-NE web services; both carry the same record fields. */
export interface LmpReport {
  readonly envelope: string;
  readonly list: string;
  readonly intervalMinutes: number;
}

/** `/hourlylmp/{da|rt}/{final|prelim}/day/YYYYMMDD`: one record per location and hour. */
export const HOURLY_LMP: LmpReport = {
  envelope: 'HourlyLmps',
  list: 'HourlyLmp',
  intervalMinutes: 60,
};

/** `/fiveminutelmp/{final|prelim}/day/YYYYMMDD/starthour/HH`: one record per location and 5 minutes. */
export const FIVE_MINUTE_LMP: LmpReport = {
  envelope: 'FiveMinLmps',
  list: 'FiveMinLmp',
  intervalMinutes: 5,
};

/**
 * Reads an ISO-NE LMP response into `collector`. Each record is
 * `{BeginDate, Location{@LocId, @LocType, $}, LmpTotal, EnergyComponent, CongestionComponent, LossComponent}`.
 * BeginDate is the interval START with its Eastern offset (`-04:00` in summer, `-05:00` in winter), so the
 * repeated fall-back hour arrives as two distinct instants and the skipped spring hour is simply absent.
 * ISO-NE publishes all three components with LMP = energy + congestion + loss (no sign flips); a component left
 * out of a record is stored as not published.
 */
export const collectLmps = (
  document: SourceDocument,
  report: LmpReport,
  run: MarketRunId,
  collector: PriceCollector = new PriceCollector(),
): PriceCollector => {
  const source = readWebServicesJson(document, report.envelope, report.list);
  const reader = new RecordReader(source);
  const runSlot = collector.run(run);
  const stepMs = report.intervalMinutes * 60_000;
  const slots = new Map<string, number>();
  for (let i = 0; i < source.records.length; i++) {
    reader.at(i);
    const startMs = reader.time('BeginDate');
    if (startMs % stepMs !== 0) {
      throw reader.problem(
        'BeginDate',
        `${String(reader.record.BeginDate)} does not start a ${report.intervalMinutes}-minute interval`,
      );
    }
    const { name, locType } = reader.location();
    let slot = slots.get(name);
    if (slot === undefined) {
      slot = collector.see(pricedLocation(name, locType));
      slots.set(name, slot);
    }
    collector.add(
      slot,
      runSlot,
      startMs,
      report.intervalMinutes,
      reader.number('LmpTotal'),
      reader.optionalNumber('EnergyComponent'),
      reader.optionalNumber('CongestionComponent'),
      reader.optionalNumber('LossComponent'),
    );
  }
  return collector;
};
