"""The curve benchmark's peer: the same smooth-prior problem solved with SciPy and cvxopt.

Equality rows (settlements): the KKT system [Q A'; A 0][x; mu] = [Q s; F] with Q = 2(omega I + lambda D2'D2), solved
as one sparse system by scipy.sparse.linalg.spsolve (SuperLU). Band rows (bid/ask): the QP
min 1/2 x'Qx - (Q s)'x  s.t.  low <= A x <= high, solved by cvxopt.solvers.qp with sparse matrices.
Also, for equality rows, the structure-aware route: banded Cholesky of Q plus the M x M Schur complement
(scipy.linalg.cholesky_banded / cho_solve_banded), the same algorithm as ours.
Usage: curve_qp.py problem.json values.out  -> prints {"ms", "solver", "versions"}; writes x as float64.
"""
import json
import sys
import time

import numpy as np
import scipy
import scipy.sparse as sp
import scipy.sparse.linalg as spla


def matrices(problem):
    n = problem["n"]
    omega = problem["priorWeight"]
    lam = problem["smoothness"]
    d2 = sp.diags([np.ones(n - 2), -2 * np.ones(n - 2), np.ones(n - 2)], [0, 1, 2], shape=(n - 2, n))
    q = (2 * (omega * sp.identity(n) + lam * (d2.T @ d2))).tocsc()
    rows, cols, vals = [], [], []
    for k, row in enumerate(problem["rows"]):
        w = np.asarray(row["weights"], dtype=float)
        w = w / w.sum()
        idx = np.arange(row["from"], row["to"])
        nz = w != 0
        rows.extend([k] * int(nz.sum()))
        cols.extend(idx[nz].tolist())
        vals.extend(w[nz].tolist())
    a = sp.csr_matrix((vals, (rows, cols)), shape=(len(problem["rows"]), n))
    s = np.asarray(problem["prior"], dtype=float)
    return q, a, s, omega


def solve_equal(problem, q, a, s, omega):
    f = np.array([t["value"] for t in problem["targets"]])
    kkt = sp.bmat([[q, a.T], [a, None]], format="csc")
    rhs = np.concatenate([2 * omega * s, f])
    return spla.spsolve(kkt, rhs)[: problem["n"]]


def solve_equal_banded(problem, q, a, s, omega):
    """The structure-aware SciPy route: banded Cholesky of Q (scipy.linalg) and the M x M Schur complement."""
    from scipy.linalg import cho_factor, cho_solve, cho_solve_banded, cholesky_banded

    n = problem["n"]
    f = np.array([t["value"] for t in problem["targets"]])
    ab = np.zeros((3, n))
    for k in range(3):
        ab[2 - k, k:] = q.diagonal(k)
    factor = cholesky_banded(ab)
    at = a.T.toarray()
    qi_at = cho_solve_banded((factor, False), at)
    qi_c = cho_solve_banded((factor, False), 2 * omega * s)
    schur = a @ qi_at
    mu = cho_solve(cho_factor(schur), a @ qi_c - f)
    return qi_c - qi_at @ mu


def solve_band(problem, q, a, s, omega):
    import cvxopt
    from cvxopt import solvers

    solvers.options["show_progress"] = False
    solvers.options["abstol"] = 1e-10
    solvers.options["reltol"] = 1e-10
    solvers.options["feastol"] = 1e-10
    low = np.array([t["low"] for t in problem["targets"]])
    high = np.array([t["high"] for t in problem["targets"]])

    def spm(m):
        m = m.tocoo()
        return cvxopt.spmatrix(m.data.tolist(), m.row.tolist(), m.col.tolist(), size=m.shape)

    g = sp.vstack([a, -a])
    h = np.concatenate([high, -low])
    result = solvers.qp(spm(q), cvxopt.matrix(-2 * omega * s), spm(g), cvxopt.matrix(h))
    if result["status"] != "optimal":
        raise SystemExit(f"cvxopt: {result['status']}")
    return np.array(result["x"]).ravel()


def main():
    problem = json.load(open(sys.argv[1]))
    band = problem["targets"][0]["kind"] == "band"
    q, a, s, omega = matrices(problem)
    solve = solve_band if band else solve_equal
    def timed(solver, repeats):
        solver(problem, *matrices(problem))
        samples = []
        for _ in range(repeats):
            started = time.perf_counter()
            # Assembly counts too: the TypeScript timing includes building its system from the rows.
            result = solver(problem, *matrices(problem))
            samples.append((time.perf_counter() - started) * 1000)
        return result, float(np.median(samples))

    x, ms = timed(solve, problem["repeats"])
    structured_ms = None
    if not band:
        banded, structured_ms = timed(solve_equal_banded, problem["repeats"])
        if np.max(np.abs(banded - x)) > 1e-6:
            raise SystemExit("the banded and the sparse SciPy solutions disagree")
    import cvxopt

    np.asarray(x, dtype="<f8").tofile(sys.argv[2])
    print(
        json.dumps(
            {
                "ms": ms,
                "structuredMs": structured_ms,
                "solver": "cvxopt.solvers.qp (sparse)" if band else "scipy.sparse.linalg.spsolve (KKT)",
                "versions": f"SciPy {scipy.__version__}, cvxopt {cvxopt.__version__}, NumPy {np.__version__}",
            }
        )
    )


if __name__ == "__main__":
    main()
