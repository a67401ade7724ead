import { describe, expect, it } from 'vitest';
import { partitionByQuotes } from './bootstrap-segments.js';

describe('partitionByQuotes', () => {
  it('splits at starts and ends of overlapping quotes', () => {
    // A month 0..29 with a week 0..6 and a week straddling its end 28..34 (cmdty issue #8).
    const { segments, gaps } = partitionByQuotes(35, [
      { first: 0, last: 29 },
      { first: 0, last: 6 },
      { first: 28, last: 34 },
    ]);
    expect(segments).toEqual([
      { first: 0, last: 6 },
      { first: 7, last: 27 },
      { first: 28, last: 29 },
      { first: 30, last: 34 },
    ]);
    expect(gaps).toEqual([]);
  });

  it('reports leading, inner and trailing uncovered runs as gaps', () => {
    const { segments, gaps } = partitionByQuotes(12, [
      { first: 2, last: 3 },
      { first: 4, last: 5 },
      { first: 8, last: 9 },
    ]);
    expect(segments).toEqual([
      { first: 2, last: 3 },
      { first: 4, last: 5 },
      { first: 8, last: 9 },
    ]);
    expect(gaps).toEqual([
      { first: 0, last: 1 },
      { first: 6, last: 7 },
      { first: 10, last: 11 },
    ]);
  });
});
