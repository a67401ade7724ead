import type { MarketRun, PriceRow } from '@254carbon/contracts';
import { describe, expect, it } from 'vitest';
import { priceSeriesData, priceSeriesStyles } from './price-series';

const RUNS: MarketRun[] = [
  { id: 'DA', intervalMinutes: 60, description: 'Day-ahead' },
  { id: 'RT5', intervalMinutes: 5, description: 'Real-time' },
];

const row = (
  instrument: string,
  run: 'DA' | 'RT5',
  intervalStart: string,
  lmp: number,
): PriceRow => ({
  instrument,
  run,
  intervalStart,
  intervalMinutes: run === 'DA' ? 60 : 5,
  lmp,
  energy: lmp,
  congestion: 0,
  loss: 0,
  ghg: null,
});

describe('price series', () => {
  it('makes one series per instrument and run, day-ahead as steps in the instrument colour', () => {
    const styles = priceSeriesStyles(['SIM.HUB_NORTH', 'SIM.HUB_SOUTH'], RUNS);
    expect(styles.map((s) => [s.label, s.shape])).toEqual([
      ['SIM.HUB_NORTH DA', 'step'],
      ['SIM.HUB_NORTH RT5', 'line'],
      ['SIM.HUB_SOUTH DA', 'step'],
      ['SIM.HUB_SOUTH RT5', 'line'],
    ]);
    expect(styles[1]?.color.startsWith(styles[0]?.color ?? '-')).toBe(true);
    expect(styles[0]?.color).not.toBe(styles[2]?.color);
  });

  it('routes rows to their series in time order, in seconds, ignoring rows for unselected series', () => {
    const styles = priceSeriesStyles(['SIM.HUB_NORTH'], RUNS);
    const data = priceSeriesData(
      [
        row('SIM.HUB_NORTH', 'RT5', '2026-11-23T12:05:00Z', 31),
        row('SIM.HUB_NORTH', 'RT5', '2026-11-23T12:00:00Z', 30),
        row('SIM.HUB_NORTH', 'DA', '2026-11-23T12:00:00Z', 29),
        row('SIM.HUB_SOUTH', 'DA', '2026-11-23T12:00:00Z', 99),
      ],
      styles,
    );
    const t = Date.parse('2026-11-23T12:00:00Z') / 1000;
    expect(data).toEqual([
      { xs: [t], ys: [29], spans: [3600] },
      { xs: [t, t + 300], ys: [30, 31], spans: [300, 300] },
    ]);
  });
});
