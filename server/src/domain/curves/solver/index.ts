export { CurveInfeasibleError, type CurveInfeasibleReason } from './curve-infeasible-error.js';
export { solveSmoothPrior } from './smooth-prior.js';
export type {
  AveragingRow,
  RedundantRow,
  RowBinding,
  RowTarget,
  SmoothPriorProblem,
  SmoothPriorSolution,
} from './smooth-prior-problem.js';
export { weightedAverages } from './weighted-averages.js';
