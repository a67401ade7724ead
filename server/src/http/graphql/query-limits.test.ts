import { describe, expect, it } from 'vitest';
import { gql } from './graphql-runtime.js';
import { queryLimitsRule, type ListSizeHints } from './query-limits.js';

const schema = gql.buildSchema(`
  type Query { things(limit: Int): Page!, one: Thing!, names: [String!]! }
  type Page { data: [Thing!]! }
  type Thing { id: String!, parts: [Part!]!, child: Thing }
  type Part { id: String! }
`);
const HINTS: ListSizeHints = {
  pages: new Set(['Page.data']),
  defaultPageSize: 100,
  sizes: { 'Thing.parts': 3 },
  defaultSize: 5,
};

/** Messages of the limit rule alone, for a query and its variables. */
const refusals = (query: string, variables: Record<string, unknown> = {}, maxCost = 1000) =>
  gql
    .validate(schema, gql.parse(query), [
      queryLimitsRule({ maxDepth: 4, maxCost }, HINTS, variables),
    ])
    .map((e) => e.message);

const costOf = (query: string, variables: Record<string, unknown> = {}): number => {
  const message = refusals(query, variables, 0)[0] ?? '';
  return Number(/estimated cost is (\d+)/.exec(message)?.[1] ?? 0);
};

describe('queryLimitsRule', () => {
  it('estimates 1 per object times the length of the lists around it; scalars are free', () => {
    // things 1 + data: 100 × (1 + parts: 3 × 1)
    expect(costOf('{ things { data { id parts { id } } } }')).toBe(1 + 100 * (1 + 3));
    expect(costOf('{ things(limit: 7) { data { id } } }')).toBe(1 + 7);
    expect(costOf('query($n: Int) { things(limit: $n) { data { id } } }', { n: 40 })).toBe(41);
    expect(costOf('{ one { child { id } } }')).toBe(2);
  });

  it('counts fragments and inline fragments like the fields they hold', () => {
    const plain = costOf('{ things { data { parts { id } } } }');
    expect(costOf('{ things { data { ...P } } } fragment P on Thing { parts { id } }')).toBe(plain);
    expect(costOf('{ things { data { ... on Thing { parts { id } } } } }')).toBe(plain);
  });

  it('refuses too deep a query and leaves introspection alone', () => {
    expect(refusals('{ one { child { child { child { id } } } } }')).toEqual([
      'This query nests 5 levels deep; the limit is 4. Select fewer nested fields, or split the query.',
    ]);
    expect(refusals('{ one { child { child { id } } } }')).toEqual([]);
    expect(
      refusals('{ __schema { types { fields { type { ofType { ofType { name } } } } } } }'),
    ).toEqual([]);
  });

  it('does not recurse forever on a fragment cycle (the standard rules report it)', () => {
    const query =
      '{ one { ...A } } fragment A on Thing { child { ...B } } fragment B on Thing { ...A }';
    expect(() => refusals(query)).not.toThrow();
  });

  it('does not let a zero or negative limit lower the estimate', () => {
    expect(costOf('{ things(limit: -500) { data { id } } }')).toBe(2);
  });
});
