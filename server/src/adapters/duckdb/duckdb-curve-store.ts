import {
  BIGINT,
  blobValue,
  DOUBLE,
  LIST,
  listValue,
  VARCHAR,
  type DuckDBValue,
} from '@duckdb/node-api';
import type { CurveDefinition, CurveRun, ForwardQuote } from '../../domain/curves/curve-model.js';
import type { IsoDate } from '../../domain/time/zoned.js';
import type {
  CurveRunSummary,
  CurveStore,
  DefinitionWrite,
  QuoteFilter,
  QuoteWriteResult,
} from '../../ports/curve-store.js';
import type { Page, PageRequest } from '../../ports/metadata-store.js';
import {
  afterRun,
  DEFINITION_COLUMNS,
  definitionText,
  extensionJson,
  methodJson,
  nullableText,
  QUOTE_COLUMNS,
  quoteKey,
  RUN_COLUMNS,
  RUN_ORDER,
  runPosition,
  sameQuote,
  shapeHeader,
  SUMMARY_COLUMNS,
  toDefinition,
  toQuote,
  toRun,
  toSummary,
  type Row,
} from './curve-rows.js';
import type { DuckDbDatabase } from './duckdb-database.js';
import { packFloat64Arrays } from './float64-blob.js';
import { Where } from './quality-sql.js';
import { big, ts } from './sql-values.js';

/** DuckDB implementation of the curve port (embedded mode): same file as the prices the shapes come from. */
export class DuckDbCurveStore implements CurveStore {
  readonly #db: DuckDbDatabase;

  constructor(db: DuckDbDatabase) {
    this.#db = db;
  }

  async #rows(sql: string, params: DuckDBValue[] = []): Promise<Row[]> {
    const reader = await this.#db.read(({ connection }) => connection.runAndReadAll(sql, params));
    return reader.getRowsJS();
  }

  putDefinition(definition: CurveDefinition, atMs: number): Promise<DefinitionWrite> {
    return this.#db.transaction(async ({ connection }) => {
      const found = await connection.runAndReadAll(
        `SELECT ${DEFINITION_COLUMNS} FROM curve_definitions WHERE id = $1`,
        [definition.id],
      );
      const row = found.getRowsJS()[0];
      const stored = row ? toDefinition(row) : null;
      if (stored && definitionText(stored) === definitionText(definition)) {
        return 'unchanged';
      }
      await connection.run(
        `INSERT INTO curve_definitions
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::JSON, $10::JSON, ${ts('$11')}, ${ts('$11')})
         ON CONFLICT (id) DO UPDATE SET market = excluded.market, name = excluded.name,
           commodity = excluded.commodity, calendar = excluded.calendar, currency = excluded.currency,
           unit = excluded.unit, shape_instrument = excluded.shape_instrument, extension = excluded.extension,
           method = excluded.method, updated_at = excluded.updated_at`,
        [
          definition.id,
          definition.market,
          definition.name,
          definition.commodity,
          definition.calendar,
          definition.currency,
          definition.unit,
          definition.shapeInstrument,
          extensionJson(definition.extension),
          methodJson(definition.method),
          big(atMs),
        ],
      );
      return stored ? 'updated' : 'created';
    });
  }

  async getDefinition(id: string): Promise<CurveDefinition | null> {
    const [row] = await this.#rows(
      `SELECT ${DEFINITION_COLUMNS} FROM curve_definitions WHERE id = $1`,
      [id],
    );
    return row ? toDefinition(row) : null;
  }

  async listDefinitions(): Promise<CurveDefinition[]> {
    return (
      await this.#rows(`SELECT ${DEFINITION_COLUMNS} FROM curve_definitions ORDER BY id`)
    ).map(toDefinition);
  }

  async putQuotes(quotes: readonly ForwardQuote[], atMs: number): Promise<QuoteWriteResult> {
    // Later quotes of the batch win; one row per key also keeps ON CONFLICT from meeting a key twice.
    const batch = [...new Map(quotes.map((q) => [quoteKey(q), q])).values()];
    if (batch.length === 0) {
      return { inserted: 0, replaced: 0, unchanged: 0 };
    }
    return this.#db.transaction(async ({ connection }) => {
      const marks = [...new Set(batch.map((q) => `${q.curveId}\u0000${q.asOf}`))].map((m) =>
        m.split('\u0000'),
      );
      const found = await connection.runAndReadAll(
        `SELECT ${QUOTE_COLUMNS} FROM curve_quotes q
         JOIN (SELECT unnest($1::VARCHAR[]) AS c, unnest($2::VARCHAR[])::DATE AS d) k
           ON q.curve_id = k.c AND q.as_of = k.d`,
        [listValue(marks.map((m) => m[0] ?? '')), listValue(marks.map((m) => m[1] ?? ''))],
      );
      const stored = new Map(found.getRowsJS().map((r) => [quoteKey(toQuote(r)), toQuote(r)]));
      const changed = batch.filter((q) => {
        const before = stored.get(quoteKey(q));
        return before === undefined || !sameQuote(before, q);
      });
      const replaced = changed.filter((q) => stored.has(quoteKey(q))).length;
      if (changed.length > 0) {
        const column = (pick: (q: ForwardQuote) => string | number | null) =>
          listValue(changed.map(pick));
        await connection.run(
          `INSERT INTO curve_quotes
           SELECT c, a::DATE, s::DATE, e::DATE, b, src, k, st, m, bd, ak, qd::DATE, ${ts('$13')}
           FROM (SELECT unnest($1) c, unnest($2) a, unnest($3) s, unnest($4) e, unnest($5) b, unnest($6) src,
                        unnest($7) k, unnest($8) st, unnest($9) m, unnest($10) bd, unnest($11) ak,
                        unnest($12) qd)
           ON CONFLICT (curve_id, as_of, delivery_start, delivery_end, bucket, source) DO UPDATE SET
             contract = excluded.contract, settle = excluded.settle, mid = excluded.mid, bid = excluded.bid,
             ask = excluded.ask, quote_date = excluded.quote_date, loaded_at = excluded.loaded_at`,
          [
            column((q) => q.curveId),
            column((q) => q.asOf),
            column((q) => q.deliveryStart),
            column((q) => q.deliveryEnd),
            column((q) => q.bucket),
            column((q) => q.source),
            column((q) => q.contract),
            column((q) => q.settle),
            column((q) => q.mid),
            column((q) => q.bid),
            column((q) => q.ask),
            column((q) => q.quoteDate),
            big(atMs),
          ],
          [
            ...Array.from({ length: 7 }, () => LIST(VARCHAR)),
            ...Array.from({ length: 4 }, () => LIST(DOUBLE)),
            LIST(VARCHAR),
            BIGINT,
          ],
        );
      }
      return {
        inserted: changed.length - replaced,
        replaced,
        unchanged: batch.length - changed.length,
      };
    });
  }

  async listQuotes(curveId: string, filter: QuoteFilter): Promise<ForwardQuote[]> {
    const where = new Where();
    where.add(`curve_id = ${where.param(curveId)}`);
    if (filter.fromAsOf !== undefined) {
      where.add(`as_of >= ${where.param(filter.fromAsOf)}::DATE`);
    }
    if (filter.toAsOf !== undefined) {
      where.add(`as_of <= ${where.param(filter.toAsOf)}::DATE`);
    }
    if (filter.deliveringAfter !== undefined) {
      where.add(`delivery_end > ${where.param(filter.deliveringAfter)}::DATE + 1`);
    }
    return (
      await this.#rows(
        `SELECT ${QUOTE_COLUMNS} FROM curve_quotes ${where.sql()}
         ORDER BY as_of, delivery_start, delivery_end, bucket, source`,
        where.params as DuckDBValue[],
      )
    ).map(toQuote);
  }

  async latestQuoteAsOf(curveId: string, atOrBefore?: IsoDate): Promise<IsoDate | null> {
    const [row] = await this.#rows(
      `SELECT max(as_of)::VARCHAR FROM curve_quotes
       WHERE curve_id = $1 AND ($2::DATE IS NULL OR as_of <= $2::DATE)`,
      [curveId, atOrBefore ?? null],
    );
    return nullableText(row?.[0]);
  }

  async saveRun(run: CurveRun): Promise<boolean> {
    const shape = run.values.shape;
    const result = await this.#db.write(({ connection }) =>
      connection.run(
        `INSERT INTO curve_runs VALUES ($1, $2, $3::DATE, $4, $5, $6, ${ts('$7')}, $8::DATE, $9, $10, $11,
           $12::JSON, $13, $14::JSON, $15::JSON, $16, $17, $18, $19::DATE)
         ON CONFLICT (run_id) DO NOTHING`,
        [
          run.runId,
          run.curveId,
          run.asOf,
          run.scenario,
          run.inputsHash,
          run.engineVersion,
          big(run.builtAtMs),
          run.values.startDay,
          run.values.days,
          listValue([...run.values.buckets]),
          blobValue(packFloat64Arrays(run.values.daily)),
          shape === null ? null : JSON.stringify(shapeHeader(shape)),
          shape === null
            ? null
            : blobValue(packFloat64Arrays([...shape.seasonal, ...shape.hourly.flat()])),
          JSON.stringify(run.quotes),
          JSON.stringify(run.diagnostics),
          run.quotes.length,
          run.diagnostics.maxAbsResidual,
          run.diagnostics.warnings.length,
          run.diagnostics.lastQuotedDay,
        ],
      ),
    );
    return Number(result.rowsChanged) > 0;
  }

  async getRun(runId: string): Promise<CurveRun | null> {
    const [row] = await this.#rows(`SELECT ${RUN_COLUMNS} FROM curve_runs WHERE run_id = $1`, [
      runId,
    ]);
    return row ? toRun(row) : null;
  }

  async latestRun(
    curveId: string,
    scenario: string,
    atOrBefore: IsoDate | null,
  ): Promise<CurveRun | null> {
    const [row] = await this.#rows(
      `SELECT ${RUN_COLUMNS} FROM curve_runs
       WHERE curve_id = $1 AND scenario = $2 AND ($3::DATE IS NULL OR as_of <= $3::DATE)
       ORDER BY ${RUN_ORDER} LIMIT 1`,
      [curveId, scenario, atOrBefore],
    );
    return row ? toRun(row) : null;
  }

  async listRuns(
    curveId: string,
    filter: { readonly scenario?: string },
    page: PageRequest,
  ): Promise<Page<CurveRunSummary>> {
    const where = new Where();
    where.add(`curve_id = ${where.param(curveId)}`);
    if (filter.scenario !== undefined) {
      where.add(`scenario = ${where.param(filter.scenario)}`);
    }
    afterRun(where, page.after);
    const rows = (
      await this.#rows(
        `SELECT ${SUMMARY_COLUMNS} FROM curve_runs ${where.sql()}
         ORDER BY ${RUN_ORDER} LIMIT ${page.limit + 1}`,
        where.params as DuckDBValue[],
      )
    ).map(toSummary);
    const more = rows.length > page.limit;
    const items = more ? rows.slice(0, page.limit) : rows;
    const last = items.at(-1);
    return { items, next: more && last ? runPosition(last) : null };
  }

  async latestRuns(scenario: string): Promise<CurveRunSummary[]> {
    return (
      await this.#rows(
        `SELECT ${SUMMARY_COLUMNS} FROM curve_runs WHERE scenario = $1
         QUALIFY row_number() OVER (PARTITION BY curve_id ORDER BY ${RUN_ORDER}) = 1
         ORDER BY curve_id`,
        [scenario],
      )
    ).map(toSummary);
  }
}
