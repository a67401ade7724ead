import type { MarketRunId } from '../../domain/markets/market.js';

/** Stable storage codes for market runs. Append only: stored data depends on these numbers. */
export const RUN_CODE: Readonly<Record<MarketRunId, number>> = {
  DA: 1,
  RT5: 2,
  RT15: 3,
  RT60: 4,
  HASP: 5,
};

const RUN_BY_CODE = new Map<number, MarketRunId>(
  Object.entries(RUN_CODE).map(([run, code]) => [code, run as MarketRunId]),
);

export const runFromCode = (code: number): MarketRunId => {
  const run = RUN_BY_CODE.get(code);
  if (!run) {
    throw new Error(`Unknown market run code ${code} in the store`);
  }
  return run;
};
