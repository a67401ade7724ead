/**
 * The one function of quadprog@1.6.1 we use (the package ships no types). Arrays are 1-indexed, as in the Fortran
 * original: index 0 is ignored. Solves min −dᵀb + ½bᵀDb subject to Aᵀb ≥ b0, the first `meq` as equalities;
 * `Amat[i][j]` is variable i's coefficient in constraint j. It MUTATES Dmat, dvec, Amat and bvec.
 */
declare module 'quadprog' {
  interface QuadprogResult {
    readonly solution: number[];
    readonly Lagrangian: number[];
    readonly value: number[];
    readonly unconstrained_solution: number[];
    readonly iterations: number[];
    /** Active constraints (1-based) first, then zeros. */
    readonly iact: number[];
    /** Empty on success. */
    readonly message: string;
  }

  interface Quadprog {
    /** `factorized[1] = 1` means Dmat already holds R⁻¹ where D = RᵀR. */
    solveQP(
      Dmat: number[][],
      dvec: number[],
      Amat: number[][],
      bvec: number[],
      meq?: number,
      factorized?: number[],
    ): QuadprogResult;
  }

  const quadprog: Quadprog;
  export default quadprog;
}
