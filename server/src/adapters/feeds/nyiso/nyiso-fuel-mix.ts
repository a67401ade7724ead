import { randomUUID } from 'node:crypto';
import type { Fuel } from '../../../domain/series/series-batch.js';
import type { FeedData, SourceDocument } from '../../../ports/market-feed.js';
import { readSeriesRows } from '../kit/canonical-rows.js';
import type { CsvEngine } from '../kit/csv-engine.js';
import { sourceProblem } from '../kit/source-problem.js';
import { cellText, requireOneRowPer, stampByZoneColumn, wallClockSql } from './nyiso-clock.js';
import { readNyisoCsv } from './nyiso-documents.js';
import { NYISO_MARKET_ID, SYSTEM_GEN_CODE, systemGenInstrument } from './nyiso-market.js';

/**
 * NYISO's fuel categories mapped onto ours. Two categories share a fuel, and are summed into it:
 * - Dual Fuel → gas: units that can burn gas or oil. NYISO does not say which they burn; gas is what they burn
 *   outside cold snaps, so gas is the closer label, and keeping them apart would need a fuel we do not have.
 * - Natural Gas → gas.
 * - Other Fossil Fuels → oil: oil-fired units (and coal until New York's last coal plant retired in 2020,
 *   which NYISO never reported separately).
 * - Other Renewables → other: grid-scale solar, biomass, landfill gas and refuse together; no single fuel fits.
 * - Nuclear, Wind, Hydro → nuclear, wind, hydro.
 * A category not listed here is reported as a problem rather than guessed, so a change on NYISO's side is seen.
 */
export const NYISO_FUEL_CATEGORIES: Readonly<Record<string, Fuel>> = Object.freeze({
  'Dual Fuel': 'gas',
  'Natural Gas': 'gas',
  Nuclear: 'nuclear',
  'Other Fossil Fuels': 'oil',
  'Other Renewables': 'other',
  Wind: 'wind',
  Hydro: 'hydro',
});

const sqlText = (text: string): string => `'${text.replaceAll("'", "''")}'`;
const CATEGORY_TABLE = `(VALUES ${Object.entries(NYISO_FUEL_CATEGORIES)
  .map(([category, fuel]) => `(${sqlText(category)}, ${sqlText(fuel)})`)
  .join(', ')}) AS fuels(category, fuel)`;
const FIVE_MINUTES_MS = 300_000;

/**
 * Parses NYISO's real-time fuel mix (`rtfuelmix`): long format, one row per 5-minute stamp and fuel category,
 * with a `Time Zone` column (EST/EDT) that settles the repeated hour. The stamp is the END of the 5-minute
 * interval: a day's file runs from 00:05 to the next day's 00:00 (see the February 2025 archive). Older files
 * (2017) stop at 23:55. Off-schedule snapshots between the 5-minute stamps (e.g. 00:07:34) are left out, as
 * they would overlap the regular intervals. Stored as `gen.<fuel>` on SYSTEM_GEN.
 */
export const parseFuelMixDocument = (csv: CsvEngine, document: SourceDocument): Promise<FeedData> =>
  readNyisoCsv(
    csv,
    document,
    {
      columns: {
        'Time Stamp': 'VARCHAR',
        'Time Zone': 'VARCHAR',
        'Fuel Category': 'VARCHAR',
        'Gen MW': 'DOUBLE',
      },
    },
    async (table) => {
      const source = `fuelmix_source_${randomUUID().replaceAll('-', '')}`;
      await table.run(
        `CREATE TEMP TABLE ${source} AS
         SELECT _line, "Fuel Category" AS category, ${wallClockSql('"Time Stamp"')} AS wall_ms,
                "Time Zone" AS time_zone, "Gen MW" AS gen_mw
           FROM ${table.relation}`,
      );
      const [bad] = await table.rows(
        `SELECT _line, ${source}.category, gen_mw IS NULL AS no_value
           FROM ${source} LEFT JOIN ${CATEGORY_TABLE} ON fuels.category = ${source}.category
          WHERE fuels.fuel IS NULL OR gen_mw IS NULL ORDER BY _line LIMIT 1`,
      );
      if (bad) {
        throw bad.no_value
          ? sourceProblem(document.name, Number(bad._line), 'Gen MW', 'the generation is missing')
          : sourceProblem(
              document.name,
              Number(bad._line),
              'Fuel Category',
              `unknown fuel category "${cellText(bad.category)}"; known: ${Object.keys(NYISO_FUEL_CATEGORIES).join(', ')}`,
            );
      }
      const stamped = await stampByZoneColumn(table, document, source);
      await requireOneRowPer(table, document, stamped.relation, {
        column: 'category',
        field: 'Fuel Category',
      });
      const series = await readSeriesRows(
        table,
        `SELECT ${sqlText(SYSTEM_GEN_CODE)} AS code, 'gen.' || fuels.fuel AS variable,
                utc_ms - ${FIVE_MINUTES_MS} AS interval_start_ms, 5 AS interval_minutes,
                sum(gen_mw) AS value_mw, NULL::DOUBLE AS issued_at_ms
           FROM ${stamped.relation} JOIN ${CATEGORY_TABLE} USING (category)
          WHERE utc_ms % ${FIVE_MINUTES_MS} = 0
          GROUP BY utc_ms, fuels.fuel`,
        NYISO_MARKET_ID,
      );
      return {
        kind: 'series',
        series,
        instruments: series.length > 0 ? [systemGenInstrument()] : [],
      };
    },
  );
