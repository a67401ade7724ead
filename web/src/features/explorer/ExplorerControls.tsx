import type { Aggregation, MarketRun, ResampleFrequency } from '@254carbon/contracts';
import { useId } from 'react';
import { SegmentedControl } from '../../ui/SegmentedControl';
import type { ExplorerSettings } from './explorer-settings';
import { RANGE_PRESETS } from './range-presets';

const RESAMPLE_OPTIONS: readonly { value: ResampleFrequency | ''; label: string }[] = [
  { value: '', label: 'None (raw intervals)' },
  { value: '15m', label: '15 minutes' },
  { value: '1h', label: '1 hour' },
  { value: '1d', label: '1 day' },
];

const AGG_OPTIONS: readonly { value: Aggregation; label: string }[] = [
  { value: 'avg', label: 'Average' },
  { value: 'min', label: 'Minimum' },
  { value: 'max', label: 'Maximum' },
  { value: 'first', label: 'First' },
  { value: 'last', label: 'Last' },
];

const isResample = (value: string): value is ResampleFrequency =>
  RESAMPLE_OPTIONS.some((o) => o.value === value && value !== '');

const isAggregation = (value: string): value is Aggregation =>
  AGG_OPTIONS.some((o) => o.value === value);

interface ExplorerControlsProps {
  readonly runs: readonly MarketRun[];
  readonly enabledRuns: readonly string[];
  readonly onToggleRun: (run: string, enabled: boolean) => void;
  readonly settings: ExplorerSettings;
  readonly onSettingsChange: (change: Partial<ExplorerSettings>) => void;
}

/** Runs, range, resampling, time axis and live refresh for the price query. */
export const ExplorerControls = ({
  runs,
  enabledRuns,
  onToggleRun,
  settings,
  onSettingsChange,
}: ExplorerControlsProps) => {
  const resampleId = useId();
  const aggId = useId();
  return (
    <div className="controls__row">
      <fieldset className="field">
        <legend className="field__label">Runs</legend>
        <div className="checks">
          {runs.map((run) => (
            <label key={run.id} className="check" title={run.description}>
              <input
                type="checkbox"
                checked={enabledRuns.includes(run.id)}
                onChange={(event) => onToggleRun(run.id, event.target.checked)}
              />
              <span>{run.id}</span>
            </label>
          ))}
        </div>
      </fieldset>

      <SegmentedControl
        legend="Range"
        options={RANGE_PRESETS}
        value={settings.preset}
        onChange={(preset) => onSettingsChange({ preset })}
      />

      <div className="field">
        <label className="field__label" htmlFor={resampleId}>
          Resample
        </label>
        <select
          id={resampleId}
          className="select"
          value={settings.resample ?? ''}
          onChange={(event) => {
            const value = event.target.value;
            onSettingsChange({ resample: isResample(value) ? value : null });
          }}
        >
          {RESAMPLE_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>

      <div className="field">
        <label className="field__label" htmlFor={aggId}>
          Aggregation
        </label>
        <select
          id={aggId}
          className="select"
          value={settings.agg}
          disabled={settings.resample === null}
          title={settings.resample === null ? 'Choose a resample interval first' : undefined}
          onChange={(event) => {
            const value = event.target.value;
            if (isAggregation(value)) {
              onSettingsChange({ agg: value });
            }
          }}
        >
          {AGG_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>

      <SegmentedControl
        legend="Time axis"
        options={[
          { value: 'market', label: 'Market time' },
          { value: 'utc', label: 'UTC' },
        ]}
        value={settings.axis}
        onChange={(axis) => onSettingsChange({ axis })}
      />

      <div className="field">
        <span className="field__label" aria-hidden="true">
          Refresh
        </span>
        <label className="switch">
          <input
            type="checkbox"
            role="switch"
            checked={settings.live}
            onChange={(event) => onSettingsChange({ live: event.target.checked })}
          />
          <span className="switch__track" aria-hidden="true" />
          <span>Live (15 s)</span>
        </label>
      </div>
    </div>
  );
};
