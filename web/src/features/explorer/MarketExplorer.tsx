import type {
  Instrument,
  InstrumentPage,
  LatestPriceResponse,
  Market,
  PriceResponse,
  PriceRow,
} from '@254carbon/contracts';
import { useMemo, useState, type ReactNode } from 'react';
import { instrumentsUrl, latestPricesUrl, pricesUrl, type PriceSearch } from '../../api/client';
import { describeError } from '../../api/describe-error';
import { useApiGet } from '../../api/use-api';
import { TimeSeriesChart } from '../../charts/TimeSeriesChart';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatCount, formatTime, zoneName } from '../../ui/format';
import { LoadingIndicator } from '../../ui/LoadingIndicator';
import { ExplorerControls } from './ExplorerControls';
import type { ExplorerSettings } from './explorer-settings';
import { InstrumentPicker } from './InstrumentPicker';
import { LatestPricesTable } from './LatestPricesTable';
import { MAX_INSTRUMENTS, priceSeriesData, priceSeriesStyles } from './price-series';
import { addDays, presetRange } from './range-presets';
import { useNow } from './use-now';

const REFRESH_MS = 15_000;
const NO_ROWS: readonly PriceRow[] = [];
const NO_INSTRUMENTS: readonly Instrument[] = [];

interface MarketExplorerProps {
  readonly market: Market;
  readonly settings: ExplorerSettings;
  readonly onSettingsChange: (change: Partial<ExplorerSettings>) => void;
  /** Whether the caller may download CSV files of this market (data:export and the downloads channel). */
  readonly canExport: boolean;
  readonly marketSelect: ReactNode;
}

/** The explorer for one market: its instruments and runs, the price query, chart and latest prices. */
export const MarketExplorer = ({
  market,
  settings,
  onSettingsChange,
  canExport,
  marketSelect,
}: MarketExplorerProps) => {
  const defaultHub = useApiGet<InstrumentPage>(
    instrumentsUrl({ market: market.id, kind: 'hub', limit: 1 }),
  );
  const [picked, setPicked] = useState<readonly Instrument[] | null>(null);
  const [runIds, setRunIds] = useState<readonly string[]>(() => market.runs.map((r) => r.id));
  const now = useNow(60_000);

  // Until the user picks, the market's first hub is shown so the page has data at once.
  const selected = picked ?? defaultHub.data?.data ?? NO_INSTRUMENTS;
  const instrumentIds = useMemo(() => selected.map((i) => i.id), [selected]);
  const runs = useMemo(() => market.runs.filter((r) => runIds.includes(r.id)), [market, runIds]);
  const styles = useMemo(() => priceSeriesStyles(instrumentIds, runs), [instrumentIds, runs]);

  const range = presetRange(settings.preset, now, market.timezone);
  const lastDay = addDays(range.end, -1);
  const refreshMs = settings.live ? REFRESH_MS : null;
  const search: PriceSearch | null =
    instrumentIds.length > 0 && runs.length > 0
      ? {
          instruments: instrumentIds,
          runs: runs.map((r) => r.id),
          start: range.start,
          end: range.end,
          resample: settings.resample,
          agg: settings.agg,
        }
      : null;
  const prices = useApiGet<PriceResponse>(search && pricesUrl(search), { refreshMs });
  const latest = useApiGet<LatestPriceResponse>(
    search &&
      latestPricesUrl({ market: market.id, instruments: search.instruments, runs: search.runs }),
    { refreshMs },
  );

  const rows = (prices.data ?? prices.lastData)?.data ?? NO_ROWS;
  const chartData = useMemo(() => priceSeriesData(rows, styles), [rows, styles]);
  const displayZone = settings.axis === 'utc' ? 'UTC' : market.timezone;
  const isDefaultLoading = picked === null && defaultHub.isLoading;

  const setSelection = (next: readonly Instrument[]) => setPicked(next);
  const toggleRun = (run: string, enabled: boolean) =>
    setRunIds((current) =>
      enabled ? [...new Set([...current, run])] : current.filter((id) => id !== run),
    );

  let overlay: ReactNode = null;
  if (isDefaultLoading || prices.isLoading) {
    overlay = <LoadingIndicator label="Loading prices…" />;
  } else if (instrumentIds.length === 0) {
    overlay = <p>Add an instrument to plot its prices.</p>;
  } else if (runs.length === 0) {
    overlay = <p>Select at least one run.</p>;
  } else if (prices.error && rows.length === 0) {
    overlay = <p>No prices to show; see the error above.</p>;
  } else if (prices.data && prices.data.data.length === 0) {
    overlay = <p>No prices in this range. Try a longer range or another instrument.</p>;
  }

  const updated =
    prices.updatedAt === null
      ? null
      : `${formatTime(prices.updatedAt, displayZone)} ${zoneName(prices.updatedAt, displayZone)}`;

  return (
    <>
      <section className="panel controls" aria-label="Price query">
        <div className="controls__row controls__row--top">
          {marketSelect}
          <InstrumentPicker
            market={market.id}
            selected={selected}
            max={MAX_INSTRUMENTS}
            onAdd={(instrument) => setSelection([...selected, instrument])}
            onRemove={(id) => setSelection(selected.filter((i) => i.id !== id))}
          />
        </div>
        <ExplorerControls
          runs={market.runs}
          enabledRuns={runIds}
          onToggleRun={toggleRun}
          settings={settings}
          onSettingsChange={onSettingsChange}
        />
      </section>

      {defaultHub.error && picked === null && (
        <ErrorAlert
          title="The default hub could not be loaded"
          {...describeError(defaultHub.error)}
        />
      )}
      {prices.error && (
        <ErrorAlert
          title="Prices could not be loaded"
          {...describeError(prices.error)}
          action={
            <button type="button" className="button" onClick={prices.reload}>
              Retry
            </button>
          }
        />
      )}

      <section className="panel" aria-labelledby="chart-title">
        <div className="panel__header">
          <h2 id="chart-title" className="panel__title">
            LMP <span className="panel__unit">{market.currency}/MWh</span>
            <span className="panel__meta">
              {range.start === lastDay ? range.start : `${range.start} – ${lastDay}`} (
              {market.timezone})
              {prices.data ? ` · ${formatCount(prices.data.meta.rowCount)} intervals` : ''}
            </span>
          </h2>
          <div className="panel__actions">
            <span className="refresh-status">
              {settings.live && <span className="live-dot" aria-hidden="true" />}
              {settings.live ? 'Live' : 'Paused'}
              {updated && <span className="refresh-status__time"> · updated {updated}</span>}
            </span>
            {!settings.live && (
              <button type="button" className="button" onClick={prices.reload}>
                Refresh
              </button>
            )}
            {search && canExport && (
              <a className="button" href={pricesUrl(search, 'csv')} download>
                Download CSV
              </a>
            )}
          </div>
        </div>
        <div className="chart-area" aria-busy={prices.isLoading}>
          <TimeSeriesChart
            series={styles}
            data={chartData}
            timeZone={displayZone}
            yLabel={`LMP (${market.currency}/MWh)`}
            ariaLabel={`LMP chart for ${instrumentIds.join(', ') || 'no instruments'}, time in ${displayZone}`}
            testId="price-chart"
          />
          {overlay && <div className="chart-area__overlay">{overlay}</div>}
        </div>
        <p className="chart-hint">
          Drag across the chart to zoom, double-click to reset. Day-ahead prices are drawn as steps,
          held for their hour.
        </p>
      </section>

      <section className="panel" aria-labelledby="latest-title">
        <div className="panel__header">
          <h2 id="latest-title" className="panel__title">
            Latest prices <span className="panel__unit">{market.currency}/MWh</span>
          </h2>
        </div>
        {latest.error ? (
          <ErrorAlert title="Latest prices could not be loaded" {...describeError(latest.error)} />
        ) : latest.data ? (
          <LatestPricesTable
            rows={latest.data.data}
            timeZone={market.timezone}
            currency={market.currency}
            instrumentOrder={instrumentIds}
            runOrder={market.runs.map((r) => r.id)}
          />
        ) : search ? (
          <div className="panel--pad">
            <LoadingIndicator label="Loading latest prices…" />
          </div>
        ) : null}
      </section>
    </>
  );
};
