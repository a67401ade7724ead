/**
 * Quartic pieces p(u) = a + b·u + c·u² + d·u³ + e·u⁴ of the max-smoothness spline, in local time u from
 * the start of their segment. Everything the spline needs is linear in the coefficients (a..e): values
 * and derivatives at a point are rows, and ∫ (p⁽ᵐ⁾)² over a segment is a 5×5 quadratic form.
 */

/** Number of coefficients of a quartic. */
export const QUARTIC_TERMS = 5;

/** Coefficients (a, b, c, d, e) of one quartic piece. */
export type QuarticCoefficients = readonly [number, number, number, number, number];

/** The derivative orders the spline uses: value, slope, curvature. */
export type DerivativeOrder = 0 | 1 | 2;

/** k!/(k−m)!: the factor d^m/du^m brings down from u^k (0 when m > k). */
const fallingFactorial = (k: number, m: number): number => {
  let product = 1;
  for (let i = 0; i < m; i += 1) {
    product *= k - i;
  }
  return product;
};

/** The row r with p⁽ᵐ⁾(u) = r · (a..e): r_k = k!/(k−m)! · u^(k−m). */
export const derivativeRow = (u: number, order: DerivativeOrder): Float64Array =>
  Float64Array.from({ length: QUARTIC_TERMS }, (_, k) =>
    k < order ? 0 : fallingFactorial(k, order) * u ** (k - order),
  );

/** p⁽ᵐ⁾(u) for the given coefficients. */
export const evaluateQuartic = (
  coefficients: QuarticCoefficients,
  u: number,
  order: DerivativeOrder = 0,
): number => {
  const row = derivativeRow(u, order);
  return coefficients.reduce((sum, coefficient, k) => sum + coefficient * (row[k] ?? 0), 0);
};

/**
 * G with ∫₀ʰ (p⁽ᵐ⁾(u))² du = cᵀ G c: G_jk = j!/(j−m)! · k!/(k−m)! · h^(j+k−2m+1) / (j+k−2m+1). For m = 2 and
 * m = 1 twice this is the max-smoothness block of curves.md §1.3 (8h, 12h², 57.6h⁵ …; 2τh, 8/3·τh³ …).
 */
export const squaredDerivativeGram = (h: number, order: 1 | 2): number[][] =>
  Array.from({ length: QUARTIC_TERMS }, (_, j) =>
    Array.from({ length: QUARTIC_TERMS }, (_, k) => {
      if (j < order || k < order) {
        return 0;
      }
      const power = j + k - 2 * order + 1;
      return (fallingFactorial(j, order) * fallingFactorial(k, order) * h ** power) / power;
    }),
  );

/** Gauss–Legendre nodes and weights on [−1, 1]; four points integrate degree 7 exactly. */
const GAUSS_4: readonly (readonly [number, number])[] = [
  [-0.8611363115940526, 0.3478548451374538],
  [-0.3399810435848563, 0.6521451548625461],
  [0.3399810435848563, 0.6521451548625461],
  [0.8611363115940526, 0.3478548451374538],
];

/**
 * ∫₀ʰ (p⁽ᵐ⁾(u))² du, exactly (the integrand has degree ≤ 6). Summing squares at quadrature nodes cannot
 * cancel, unlike cᵀGc when h is large and the coefficients small.
 */
export const integrateSquaredDerivative = (
  coefficients: QuarticCoefficients,
  h: number,
  order: 1 | 2,
): number =>
  GAUSS_4.reduce(
    (sum, [node, weight]) =>
      sum + weight * evaluateQuartic(coefficients, (h * (node + 1)) / 2, order) ** 2,
    0,
  ) *
  (h / 2);
