import type { TimeRange } from '../../../domain/time/interval.js';
import type { FeedData, SourceDocument } from '../../../ports/market-feed.js';
import {
  ItemReader,
  readDocument,
  type DataMinerPage,
  type DataMinerReader,
} from './dataminer-page.js';
import { pjmInstrument, PJM_SYSTEM_LOAD_CODE } from './pjm-market.js';
import { SeriesRows } from './pjm-series-rows.js';

/** The forecast area `load_frcstd_7_day` uses for the whole RTO. */
export const RTO_FORECAST_AREA = 'RTO_COMBINED';

/** Instrument code of a forecast area: RTO_COMBINED is system load, every other area `LOAD.<forecast_area>`. */
export const forecastLoadCode = (area: string): string =>
  area === RTO_FORECAST_AREA ? PJM_SYSTEM_LOAD_CODE : `LOAD.${area}`;

/**
 * Reads `load_frcstd_7_day` (PJM's hourly 7-day load forecast per forecast area) into `load.forecast`, with the
 * vintage (`issuedAtMs`) from `evaluated_at_datetime_utc`: forecasts evaluated at different times are separate
 * points, not revisions. Interval start from `forecast_datetime_beginning_utc`; the length from
 * `forecast_datetime_ending_utc` when present, else one hour. Forecast areas (AE/MIDATL, BG&E/MIDATL, …) are
 * PJM's own and differ from the metered load areas; they are kept as published.
 */
export class PjmLoadForecastReader implements DataMinerReader {
  readonly #rows: SeriesRows;
  #rowsRead = 0;

  constructor(window: TimeRange | null = null) {
    this.#rows = new SeriesRows(window);
  }

  get rowsRead(): number {
    return this.#rowsRead;
  }

  addPage(page: DataMinerPage): void {
    const reader = new ItemReader(page);
    this.#rowsRead += page.items.length;
    for (let index = 0; index < page.items.length; index++) {
      const item = reader.item(index);
      const startMs = reader.utcStart(item, index, 'forecast_datetime_beginning_utc', 60);
      if (!this.#rows.wants(startMs)) {
        continue;
      }
      let minutes = 60;
      if (item.forecast_datetime_ending_utc !== undefined) {
        const endMs = reader.utcStart(item, index, 'forecast_datetime_ending_utc', 60);
        minutes = (endMs - startMs) / 60_000;
        if (minutes <= 0 || minutes > 1500) {
          throw page.problem(
            index,
            'forecast_datetime_ending_utc',
            'must be after forecast_datetime_beginning_utc and within a day of it',
          );
        }
      }
      const issuedAtMs = reader.utcTime(item, index, 'evaluated_at_datetime_utc');
      const area = reader.text(item, index, 'forecast_area');
      const code = forecastLoadCode(area);
      this.#rows.instrument(
        code === PJM_SYSTEM_LOAD_CODE
          ? pjmInstrument(code, 'PJM RTO load', 'system', 'load')
          : pjmInstrument(code, `PJM load forecast area ${area}`, 'zone', 'load', [
              { source: 'pjm', code: area, validFromMs: null, validToMs: null },
            ]),
      );
      this.#rows.add(
        {
          code,
          variable: 'load.forecast',
          intervalStartMs: startMs,
          intervalMinutes: minutes,
          valueMw: reader.number(item, index, 'forecast_load_mw'),
          issuedAtMs,
        },
        () =>
          page.problem(
            index,
            'forecast_area',
            `repeats area "${area}" for this hour and evaluation time`,
          ),
      );
    }
  }

  finish(): FeedData {
    return this.#rows.finish();
  }
}

export const parseLoadForecastDocument = (document: SourceDocument): FeedData =>
  readDocument(new PjmLoadForecastReader(), document);
