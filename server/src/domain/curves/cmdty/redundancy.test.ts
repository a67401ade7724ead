import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { describeDependencies, rowDependencies } from './redundancy.js';

describe('rowDependencies', () => {
  it('separates groups that an orthonormal basis mixes, naming the latest row of each as implied', () => {
    // Rows 0+1 = 2 and row 3 = row 4, given as two mixed-up null vectors.
    const g1 = [1, 1, -1, 0, 0];
    const g2 = [0, 0, 0, 1, -1];
    const mixed = [0, 1, 2, 3, 4].map((i) => [
      (g1[i] ?? 0) + 2 * (g2[i] ?? 0),
      (g1[i] ?? 0) - (g2[i] ?? 0),
    ]);
    const dependencies = rowDependencies(new Matrix(mixed));
    expect(dependencies).toEqual([
      { rows: [3, 4], implied: 4 },
      { rows: [0, 1, 2], implied: 2 },
    ]);
  });
});

describe('describeDependencies', () => {
  const labels = ['Jan-19', 'Feb-19', 'Mar-19', 'Q1-19'];
  const labelOf = (row: number): string => labels[row] ?? '?';

  it('lists the group and says which quote the others imply', () => {
    expect(describeDependencies([{ rows: [0, 1, 2, 3], implied: 3 }], labelOf)).toBe(
      'Jan-19, Feb-19, Mar-19 and Q1-19 (Q1-19 is a combination of the others)',
    );
    expect(describeDependencies([{ rows: [0, 3], implied: 3 }], labelOf)).toBe(
      'Jan-19 and Q1-19 (Q1-19 is a combination of the other)',
    );
    expect(describeDependencies([{ rows: [1], implied: 1 }], labelOf)).toBe(
      'Feb-19 (it constrains nothing: both of its sides are the same average)',
    );
  });
});
