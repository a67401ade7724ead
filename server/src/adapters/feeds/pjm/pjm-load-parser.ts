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

/** The load area Data Miner uses for the whole RTO in `hrl_load_metered`. */
export const RTO_LOAD_AREA = 'RTO';

/** Instrument code of a metered load area: the RTO row is system load, every other area `LOAD.<load_area>`. */
export const meteredLoadCode = (loadArea: string): string =>
  loadArea === RTO_LOAD_AREA ? PJM_SYSTEM_LOAD_CODE : `LOAD.${loadArea}`;

/**
 * Reads `hrl_load_metered` (hourly metered MWh = average MW per load area, `load_area` RTO for the whole RTO) into
 * `load.actual`. Times from `datetime_beginning_utc` (hour start, UTC). Metered values are adjusted for up to 90
 * days; a later fetch of the same hour is a revision, kept by the store.
 */
export class PjmMeteredLoadReader implements DataMinerReader {
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
      const startMs = reader.utcStart(item, index, 'datetime_beginning_utc', 60);
      if (!this.#rows.wants(startMs)) {
        continue;
      }
      const area = reader.text(item, index, 'load_area');
      const code = meteredLoadCode(area);
      const zone =
        typeof item.zone === 'string' && item.zone.trim() !== '' ? item.zone.trim() : null;
      this.#rows.instrument(
        code === PJM_SYSTEM_LOAD_CODE
          ? pjmInstrument(code, 'PJM RTO load', 'system', 'load', [
              { source: 'pjm', code: area, validFromMs: null, validToMs: null },
            ])
          : pjmInstrument(
              code,
              zone === null || zone === area
                ? `PJM load area ${area}`
                : `PJM load area ${area} (zone ${zone})`,
              'zone',
              'load',
              [{ source: 'pjm', code: area, validFromMs: null, validToMs: null }],
            ),
      );
      this.#rows.add(
        {
          code,
          variable: 'load.actual',
          intervalStartMs: startMs,
          intervalMinutes: 60,
          valueMw: reader.number(item, index, 'mw'),
          issuedAtMs: null,
        },
        () => page.problem(index, 'load_area', `repeats load area "${area}" for this hour`),
      );
    }
  }

  finish(): FeedData {
    return this.#rows.finish();
  }
}

export const parseMeteredLoadDocument = (document: SourceDocument): FeedData =>
  readDocument(new PjmMeteredLoadReader(), document);
