import type { Aggregation, ResampleFrequency } from '@254carbon/contracts';
import type { RangePreset } from './range-presets';

export type TimeAxis = 'market' | 'utc';

/** View settings that survive a change of market. */
export interface ExplorerSettings {
  readonly preset: RangePreset;
  readonly resample: ResampleFrequency | null;
  readonly agg: Aggregation;
  readonly axis: TimeAxis;
  readonly live: boolean;
}

export const DEFAULT_SETTINGS: ExplorerSettings = {
  preset: 'yesterday-today',
  resample: null,
  agg: 'avg',
  axis: 'market',
  live: true,
};
