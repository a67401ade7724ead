import type { Fuel } from '../../../domain/series/series-batch.js';
import type { TimeRange } from '../../../domain/time/interval.js';
import type { FeedData, SourceDocument } from '../../../ports/market-feed.js';
import {
  ItemReader,
  readDocument,
  type DataMinerPage,
  type DataMinerReader,
} from './dataminer-page.js';
import { pjmInstrument, PJM_SYSTEM_GEN_CODE } from './pjm-market.js';
import { SeriesRows } from './pjm-series-rows.js';

/**
 * PJM `gen_by_fuel` fuel types onto our fuel categories. "Other Renewables" is PJM's bucket for wood, landfill
 * gas, waste and other biomass, hence biomass. "Multiple Fuels" (dual-fuel units) and "Other" cannot be
 * attributed to one fuel and go to other, summed.
 */
export const PJM_FUELS: Readonly<Record<string, Fuel>> = Object.freeze({
  Coal: 'coal',
  Gas: 'gas',
  Hydro: 'hydro',
  Nuclear: 'nuclear',
  Oil: 'oil',
  Solar: 'solar',
  Wind: 'wind',
  Storage: 'storage',
  'Other Renewables': 'biomass',
  'Multiple Fuels': 'other',
  Other: 'other',
});

const KNOWN = Object.keys(PJM_FUELS).join(', ');

/**
 * Reads `gen_by_fuel` (hourly MW by fuel type, long format: one row per hour and fuel) into `gen.<fuel>` series
 * of SYSTEM_GEN. Times from `datetime_beginning_utc` (hour start, UTC). A fuel type not in PJM_FUELS is a problem
 * rather than silently "other", so a new PJM category gets mapped on purpose.
 */
export class PjmFuelMixReader implements DataMinerReader {
  readonly #rows: SeriesRows;
  readonly #seen = new Map<string, string>();
  #rowsRead = 0;

  constructor(window: TimeRange | null = null) {
    this.#rows = new SeriesRows(window);
    this.#rows.instrument(
      pjmInstrument(PJM_SYSTEM_GEN_CODE, 'PJM generation by fuel', 'system', 'gen_mix'),
    );
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
      const fuelType = reader.text(item, index, 'fuel_type');
      const fuel = PJM_FUELS[fuelType];
      if (fuel === undefined) {
        throw page.problem(
          index,
          'fuel_type',
          `"${fuelType}" is not a PJM fuel type we know (${KNOWN})`,
        );
      }
      const mw = reader.number(item, index, 'mw');
      const where = `${page.document.name} items[${index}]`;
      const key = `${startMs}|${fuelType}`;
      const earlier = this.#seen.get(key);
      if (earlier !== undefined) {
        throw page.problem(index, 'fuel_type', `repeats "${fuelType}" for this hour (${earlier})`);
      }
      this.#seen.set(key, where);
      this.#rows.accumulate({
        code: PJM_SYSTEM_GEN_CODE,
        variable: `gen.${fuel}`,
        intervalStartMs: startMs,
        intervalMinutes: 60,
        valueMw: mw,
        issuedAtMs: null,
      });
    }
  }

  finish(): FeedData {
    return this.#rows.finish();
  }
}

export const parseFuelMixDocument = (document: SourceDocument): FeedData =>
  readDocument(new PjmFuelMixReader(), document);
