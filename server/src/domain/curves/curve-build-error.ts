import type { ForwardQuote } from './curve-model.js';

/** Quotes that cannot all hold at once, or cannot be used at all: named, never a silently wrong curve. */
export class CurveBuildError extends Error {
  readonly contracts: readonly string[];

  constructor(message: string, contracts: readonly string[]) {
    super(message);
    this.name = 'CurveBuildError';
    this.contracts = contracts;
  }
}

export const quoteName = (q: Pick<ForwardQuote, 'contract' | 'bucket'>): string =>
  `${q.contract} ${q.bucket}`;
