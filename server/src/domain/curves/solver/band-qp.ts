import quadprog from 'quadprog';

/** A linear constraint low ≤ offset + Σ coefficients[i]·g_i ≤ high on the band rows' averages g. */
export interface LinearBand {
  readonly coefficients: Float64Array;
  readonly offset: number;
  readonly low: number;
  readonly high: number;
}

/**
 * min ½(g − center)ᵀ·Σ⁻¹·(g − center) over the band rows' averages g, subject to low_i ≤ g_i ≤ high_i and the
 * `linear` bands (rows that are combinations of others). `lower` is R with Σ = R·Rᵀ (row-major, size²).
 */
export interface BandQp {
  readonly center: Float64Array;
  readonly lower: Float64Array;
  readonly low: Float64Array;
  readonly high: Float64Array;
  readonly linear: readonly LinearBand[];
}

/** Which side binds: for each box then each linear band. */
export type BandSide = 'low' | 'high' | 'inside';

export interface BandQpSolution {
  readonly averages: Float64Array;
  readonly boxSides: readonly BandSide[];
  readonly linearSides: readonly BandSide[];
}

/**
 * Solves the box QP with quadprog (dense Goldfarb–Idnani). The substitution g = center + R·z turns the objective
 * into ½|z|², so quadprog gets D = I (passed as already factored) however badly Σ is scaled: Σ mixes one-day and
 * multi-year contracts and, with a weak prior, spans many orders of magnitude. Returns null when the constraints
 * are inconsistent (only possible through linear bands: each box alone is non-empty).
 *
 * Active constraints bind; their averages are set to the bound exactly, so a binding row's residual is 0 rather
 * than rounding noise.
 */
export const solveBandQp = (qp: BandQp): BandQpSolution | null => {
  const size = qp.center.length;
  // Constraint columns in quadprog's convention a·z ≥ b: per box (low, high), then per linear band (low, high).
  const directions: Float64Array[] = [];
  const bounds: number[] = [];
  for (let i = 0; i < size; i++) {
    const row = qp.lower.slice(i * size, (i + 1) * size);
    directions.push(
      row,
      row.map((v) => -v),
    );
    bounds.push(qp.low[i]! - qp.center[i]!, qp.center[i]! - qp.high[i]!);
  }
  for (const band of qp.linear) {
    const row = new Float64Array(size);
    let fromCenter = band.offset;
    for (let i = 0; i < size; i++) {
      const c = band.coefficients[i]!;
      fromCenter += c * qp.center[i]!;
      for (let j = 0; j <= i; j++) {
        row[j] = row[j]! + c * qp.lower[i * size + j]!;
      }
    }
    directions.push(
      row,
      row.map((v) => -v),
    );
    bounds.push(band.low - fromCenter, fromCenter - band.high);
  }
  const q = directions.length;
  // quadprog is 1-indexed and mutates its arguments: everything is built fresh for this call.
  const dmat = [[], ...Array.from({ length: size }, (_, i) => [0, ...identityRow(size, i)])];
  const dvec = new Array<number>(size + 1).fill(0);
  const amat = [
    [],
    ...Array.from({ length: size }, (_, i) => [0, ...directions.map((d) => d[i]!)]),
  ];
  const bvec = [0, ...bounds];
  const result = quadprog.solveQP(dmat, dvec, amat, bvec, 0, [0, 1]);
  if (result.message !== '') {
    if (result.message.includes('inconsistent')) {
      return null;
    }
    throw new Error(`quadprog failed on the bid/ask problem: ${result.message}`);
  }
  const z = result.solution;
  const averages = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    let g = qp.center[i]!;
    for (let j = 0; j <= i; j++) {
      g += qp.lower[i * size + j]! * z[j + 1]!;
    }
    averages[i] = g;
  }
  const active = new Set(result.iact.slice(1, q + 1).filter((k) => k > 0));
  const side = (constraint: number): BandSide =>
    active.has(2 * constraint + 1) ? 'low' : active.has(2 * constraint + 2) ? 'high' : 'inside';
  const boxSides = Array.from({ length: size }, (_, i) => side(i));
  boxSides.forEach((s, i) => {
    if (s !== 'inside') {
      averages[i] = s === 'low' ? qp.low[i]! : qp.high[i]!;
    }
  });
  return {
    averages,
    boxSides,
    linearSides: qp.linear.map((_, l) => side(size + l)),
  };
};

const identityRow = (size: number, i: number): number[] =>
  Array.from({ length: size }, (_, j) => (i === j ? 1 : 0));
