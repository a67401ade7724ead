import { CURVE_CALENDAR_IDS } from '../../domain/curves/curve-calendars.js';
import type {
  Commodity,
  CurveDefinition,
  CurveExtension,
  CurveMethod,
} from '../../domain/curves/curve-model.js';
import { isCurveId } from '../../domain/instruments/instrument.js';
import type { MarketDefinition } from '../../domain/markets/market.js';
import { AppError, invalidRequest, type FieldProblem } from '../../platform/errors.js';
import type { MetadataStore } from '../../ports/metadata-store.js';

/** A curve definition as a caller writes it: the settings may be left out (defaults below) or given in part. */
export interface CurveDefinitionInput {
  readonly id: string;
  readonly name: string;
  readonly market: string;
  readonly commodity: string;
  readonly calendar: string;
  readonly currency?: string | undefined;
  readonly unit?: string | undefined;
  readonly shapeInstrument?: string | null | undefined;
  readonly extension?: Partial<CurveExtension> | undefined;
  readonly method?: Partial<CurveMethod> | undefined;
}

/**
 * Revert over three years to the last quoted level, escalated at 2 % a year: a neutral long end that a desk
 * overrides with its own view (longRunLevel).
 */
export const DEFAULT_EXTENSION: CurveExtension = Object.freeze({
  longRunLevel: null,
  escalationPerYear: 0.02,
  reversionYears: 3,
});

/**
 * ADR 0012's defaults: λ = 1 and ω = 1e-4 let the prior shape what quotes leave free over about ten days; three
 * years of shape history; a quote older than five days at the as-of date is reported stale.
 */
export const DEFAULT_METHOD: CurveMethod = Object.freeze({
  smoothness: 1,
  priorWeight: 1e-4,
  shapeHistoryYears: 3,
  staleAfterDays: 5,
});

const COMMODITIES: readonly Commodity[] = ['power', 'gas'];

/** What is looked up while checking a definition: the market, and the shape instrument when one is named. */
export interface DefinitionContext {
  readonly market: MarketDefinition | null;
  readonly markets: readonly string[];
  /** The named shape instrument's market and product, or null when it does not exist. */
  readonly shapeInstrument: { readonly market: string; readonly product: string } | null;
}

/** The defaults, with every field the caller gave (an undefined field keeps its default). */
const withDefaults = <T extends object>(defaults: T, given: Partial<T> | undefined): T => ({
  ...defaults,
  ...Object.fromEntries(Object.entries(given ?? {}).filter(([, v]) => v !== undefined)),
});

const printable = (value: string, max: number): boolean =>
  value.length > 0 && value.length <= max && !/\p{Cc}/u.test(value);

const numberIn = (
  problems: FieldProblem[],
  field: string,
  value: number,
  min: number,
  max: number,
  what: string,
): void => {
  if (!Number.isFinite(value) || value < min || value > max) {
    problems.push({ field, message: `must be ${what} from ${min} to ${max} (got ${value})` });
  }
};

/**
 * Checks a definition field by field and fills in the defaults; one error names every problem. Settings are bounded
 * so that a typo (a smoothness of 1e9, a 50-year shape history) is refused rather than silently built.
 */
export const checkDefinition = (
  input: CurveDefinitionInput,
  context: DefinitionContext,
): CurveDefinition => {
  const problems: FieldProblem[] = [];
  const id = input.id.trim();
  if (!isCurveId(id)) {
    problems.push({
      field: 'id',
      message:
        'must be 2–64 upper-case letters, digits, - or _, starting with a letter (e.g. PJM-WH-POWER)',
    });
  }
  const name = input.name.trim();
  if (!printable(name, 200)) {
    problems.push({ field: 'name', message: 'must be 1–200 printable characters' });
  }
  if (context.market === null) {
    problems.push({
      field: 'market',
      message: `unknown market "${input.market}"; markets: ${context.markets.join(', ') || 'none'}`,
    });
  }
  if (!(COMMODITIES as readonly string[]).includes(input.commodity)) {
    problems.push({ field: 'commodity', message: 'must be power or gas' });
  }
  if (!CURVE_CALENDAR_IDS.includes(input.calendar)) {
    problems.push({
      field: 'calendar',
      message: `must be one of ${CURVE_CALENDAR_IDS.join(', ')}`,
    });
  }
  const currency = (input.currency ?? context.market?.currency ?? 'USD').trim();
  if (!/^[A-Z]{3}$/.test(currency)) {
    problems.push({ field: 'currency', message: 'must be an ISO 4217 code such as USD or EUR' });
  }
  const unit = (input.unit ?? `${currency}/${input.commodity === 'gas' ? 'MMBtu' : 'MWh'}`).trim();
  if (!printable(unit, 20)) {
    problems.push({ field: 'unit', message: 'must be 1–20 printable characters, e.g. USD/MWh' });
  }
  const shapeInstrument = input.shapeInstrument?.trim() || null;
  if (shapeInstrument !== null) {
    if (context.shapeInstrument === null) {
      problems.push({
        field: 'shapeInstrument',
        message: `unknown instrument "${shapeInstrument}"; name a stored hub with day-ahead prices, or null for no shape`,
      });
    } else if (context.shapeInstrument.product !== 'lmp') {
      problems.push({
        field: 'shapeInstrument',
        message: `${shapeInstrument} carries ${context.shapeInstrument.product}, not prices`,
      });
    }
  }
  const extension = withDefaults(DEFAULT_EXTENSION, input.extension);
  if (extension.longRunLevel !== null && !Number.isFinite(extension.longRunLevel)) {
    problems.push({ field: 'extension.longRunLevel', message: 'must be a number or null' });
  }
  numberIn(
    problems,
    'extension.escalationPerYear',
    extension.escalationPerYear,
    -0.5,
    0.5,
    'a rate',
  );
  numberIn(problems, 'extension.reversionYears', extension.reversionYears, 0.01, 100, 'years');
  const method = withDefaults(DEFAULT_METHOD, input.method);
  numberIn(problems, 'method.smoothness', method.smoothness, 0, 1e6, 'a weight');
  numberIn(problems, 'method.priorWeight', method.priorWeight, 0, 1e3, 'a weight');
  numberIn(problems, 'method.shapeHistoryYears', method.shapeHistoryYears, 0, 10, 'years');
  numberIn(problems, 'method.staleAfterDays', method.staleAfterDays, 0, 3660, 'days');
  if (problems.length > 0) {
    throw invalidRequest(
      `Cannot define curve ${input.id}: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`,
      problems,
    );
  }
  return {
    id,
    name,
    market: input.market,
    commodity: input.commodity as Commodity,
    calendar: input.calendar,
    currency,
    unit,
    shapeInstrument,
    extension,
    method,
  };
};

/** Fields that say what the stored quotes and runs mean and who may read them: fixed once a curve exists. */
const FIXED_FIELDS = ['market', 'commodity', 'calendar', 'currency', 'unit'] as const;

/**
 * A definition checked against the reference data (its market and shape instrument must exist) and against the
 * stored definition of the same id, whose fixed fields it may not change (409: define a new curve instead).
 */
export const resolveDefinition = async (
  input: CurveDefinitionInput,
  metadata: MetadataStore,
  storedDefinition: (id: string) => Promise<CurveDefinition | null>,
  knownMarkets: readonly MarketDefinition[] = [],
): Promise<CurveDefinition> => {
  let market = await metadata.getMarket(input.market);
  const connected = knownMarkets.find((m) => m.id === input.market);
  if (market === null && connected !== undefined) {
    // A market the platform has a connector for, before any of its data was ingested.
    await metadata.upsertMarkets([connected]);
    market = connected;
  }
  const markets = market ? [] : (await metadata.listMarkets()).map((m) => m.id);
  const shapeId = input.shapeInstrument?.trim() || null;
  const [instrument] = shapeId === null ? [] : await metadata.getInstruments([shapeId]);
  const definition = checkDefinition(input, {
    market,
    markets,
    shapeInstrument: instrument ? { market: instrument.market, product: instrument.product } : null,
  });
  const stored = await storedDefinition(definition.id);
  const changes = FIXED_FIELDS.filter((f) => stored !== null && stored[f] !== definition[f]).map(
    (f) => `${f}: ${stored?.[f]} → ${definition[f]}`,
  );
  if (changes.length > 0) {
    throw new AppError(
      'conflict',
      `Curve ${definition.id} exists and its quotes and runs are expressed in its ${changes.join(', ')}; ` +
        'define a new curve instead.',
    );
  }
  return definition;
};
