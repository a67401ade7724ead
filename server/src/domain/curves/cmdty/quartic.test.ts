import { describe, expect, it } from 'vitest';
import {
  derivativeRow,
  evaluateQuartic,
  integrateSquaredDerivative,
  squaredDerivativeGram,
  type QuarticCoefficients,
} from './quartic.js';

const quadraticForm = (gram: number[][], c: QuarticCoefficients): number =>
  gram.reduce(
    (sum, row, j) => sum + row.reduce((inner, g, k) => inner + g * (c[j] ?? 0) * (c[k] ?? 0), 0),
    0,
  );

describe('derivativeRow / evaluateQuartic', () => {
  const c: QuarticCoefficients = [1, -2, 3, 0.5, -0.25];

  it('gives value, slope and curvature rows', () => {
    expect(Array.from(derivativeRow(2, 0))).toEqual([1, 2, 4, 8, 16]);
    expect(Array.from(derivativeRow(2, 1))).toEqual([0, 1, 4, 12, 32]);
    expect(Array.from(derivativeRow(2, 2))).toEqual([0, 0, 2, 12, 48]);
  });

  it('evaluates p, p′ and p″', () => {
    // p(2) = 1 − 4 + 12 + 4 − 4; p′(2) = −2 + 12 + 6 − 8; p″(2) = 6 + 6 − 12.
    expect(evaluateQuartic(c, 2)).toBeCloseTo(9, 14);
    expect(evaluateQuartic(c, 2, 1)).toBeCloseTo(8, 14);
    expect(evaluateQuartic(c, 2, 2)).toBeCloseTo(0, 14);
  });
});

describe('squaredDerivativeGram', () => {
  it('doubled, is the 2H block of curves.md §1.3', () => {
    const h = 1.7;
    const curvature = squaredDerivativeGram(h, 2).map((row) => row.map((g) => 2 * g));
    expect(curvature[2]?.[2]).toBeCloseTo(8 * h, 12);
    expect(curvature[2]?.[3]).toBeCloseTo(12 * h ** 2, 12);
    expect(curvature[3]?.[3]).toBeCloseTo(24 * h ** 3, 12);
    expect(curvature[3]?.[4]).toBeCloseTo(36 * h ** 4, 12);
    expect(curvature[4]?.[4]).toBeCloseTo(57.6 * h ** 5, 12);
    expect(curvature[0]?.every((g) => g === 0)).toBe(true);
    const slope = squaredDerivativeGram(h, 1).map((row) => row.map((g) => 2 * g));
    expect(slope[1]?.[1]).toBeCloseTo(2 * h, 12);
    expect(slope[2]?.[2]).toBeCloseTo((8 / 3) * h ** 3, 12);
    expect(slope[2]?.[4]).toBeCloseTo((16 / 5) * h ** 5, 12);
    expect(slope[4]?.[4]).toBeCloseTo((32 / 7) * h ** 7, 12);
  });

  it('agrees with the quadrature integral', () => {
    const c: QuarticCoefficients = [3, -1.5, 0.75, 0.2, -0.05];
    for (const order of [1, 2] as const) {
      expect(integrateSquaredDerivative(c, 2.5, order)).toBeCloseTo(
        quadraticForm(squaredDerivativeGram(2.5, order), c),
        10,
      );
    }
    // ∫₀³ (2u)² du = 36 for p = u².
    expect(integrateSquaredDerivative([0, 0, 1, 0, 0], 3, 1)).toBeCloseTo(36, 12);
  });
});
