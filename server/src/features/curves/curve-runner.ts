import {
  buildCurve,
  CurveBuildError,
  ENGINE_VERSION,
  selectQuotes,
} from '../../domain/curves/curve-build.js';
import { curveCalendar } from '../../domain/curves/curve-calendars.js';
import type { CurveDefinition, CurveRun } from '../../domain/curves/curve-model.js';
import { estimateShape } from '../../domain/curves/shape.js';
import type { IsoDate } from '../../domain/time/zoned.js';
import type { Clock } from '../../platform/clock.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { CurveStore } from '../../ports/curve-store.js';
import type { TimeSeriesStore } from '../../ports/time-series-store.js';
import { curveInputsHash, loadShapeHistory, runIdOf } from './curve-inputs.js';

export interface BuildRequest {
  readonly definition: CurveDefinition;
  readonly asOf: IsoDate;
  readonly scenario: string;
}

/**
 * One build of a curve, from stored quotes and prices to a stored run. The run id is derived from the inputs, so
 * building again with the same quotes, shape history and settings returns the stored run, numbers and all, without
 * solving; anything that changes the inputs (a re-marked quote, new history, other settings) makes a new run.
 */
export class CurveRunner {
  readonly #store: CurveStore;
  readonly #timeSeries: TimeSeriesStore;
  readonly #clock: Clock;

  constructor(deps: { store: CurveStore; timeSeries: TimeSeriesStore; clock: Clock }) {
    this.#store = deps.store;
    this.#timeSeries = deps.timeSeries;
    this.#clock = deps.clock;
  }

  async run(request: BuildRequest): Promise<{ run: CurveRun; created: boolean }> {
    const { definition, asOf, scenario } = request;
    const stored = await this.#store.listQuotes(definition.id, {
      toAsOf: asOf,
      deliveringAfter: asOf,
    });
    const quotes = selectQuotes(stored, asOf);
    if (quotes.length === 0) {
      throw notFound(
        `No quotes of ${definition.id} marked at or before ${asOf} deliver after it; load quotes for ${asOf} ` +
          'first (POST /api/v1/curves/{curveId}/quotes or `254carbon curves quotes load`).',
      );
    }
    const calendar = curveCalendar(definition.calendar);
    const history = await loadShapeHistory(this.#timeSeries, definition, calendar, asOf);
    const inputsHash = curveInputsHash({ definition, asOf, scenario, quotes, shape: history });
    const runId = runIdOf(inputsHash);
    const existing = await this.#store.getRun(runId);
    if (existing !== null) {
      return { run: existing, created: false };
    }
    const shape = history === null ? null : estimateShape({ definition, calendar, hours: history });
    const output = buildOrExplain(definition, asOf, () =>
      buildCurve({ definition, asOf, quotes, shape }),
    );
    const run: CurveRun = {
      runId,
      curveId: definition.id,
      asOf,
      scenario,
      inputsHash,
      engineVersion: ENGINE_VERSION,
      builtAtMs: this.#clock.now(),
      quotes: output.quotes,
      diagnostics: output.diagnostics,
      values: output.values,
    };
    if (await this.#store.saveRun(run)) {
      return { run, created: true };
    }
    // Built at the same time elsewhere: the stored run is the run.
    return { run: (await this.#store.getRun(runId)) ?? run, created: false };
  }
}

/** Quotes the engine cannot honour together become a 422 that names them; nothing is stored. */
const buildOrExplain = <T>(definition: CurveDefinition, asOf: IsoDate, build: () => T): T => {
  try {
    return build();
  } catch (error) {
    if (error instanceof CurveBuildError) {
      throw new AppError(
        'invalid_source_data',
        `Cannot build ${definition.id} as of ${asOf}: ${error.message}. Nothing was stored; correct or ` +
          'remove the quotes named and build again.',
        {
          cause: error,
          fields: error.contracts.map((contract) => ({ field: 'quotes', message: contract })),
        },
      );
    }
    throw error;
  }
};
