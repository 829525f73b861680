/**
 * Quasi-Newton minimisation of a smooth f: ℝⁿ → ℝ by BFGS on the inverse Hessian (Nocedal & Wright,
 * Numerical Optimization, 2nd ed., §6.1: update (6.17), first-step scaling (6.20)) with a
 * backtracking Armijo line search (§3.1, c₁ = 10⁻⁴). The update is skipped when the curvature
 * condition sᵀy > 0 fails (no Wolfe search here), which keeps the inverse Hessian positive definite.
 * The gradient is the caller's, or forward differences (`forwardDifferenceGradient`: n + 1
 * evaluations, for objectives of a few dozen variables that cost milliseconds).
 */

export interface BfgsOptions {
  /** Iterations allowed (default 200). */
  maxIterations?: number;
  /** Stop when |∇f|∞ falls below this (default 1e-8). */
  gradientTol?: number;
  /** Stop when an iteration lowers f by less than this, relative to |f| + 1e-12 (default 1e-10). */
  fRelTol?: number;
  /** Longest first step along −∇f (same units as x; default 1). */
  maxFirstStep?: number;
}

export interface BfgsResult {
  x: number[];
  f: number;
  iterations: number;
  /** Objective evaluations inside the line searches (gradients not counted). */
  evaluations: number;
}

/** ∇f by forward differences with step h·max(1, |xᵢ|); returns f(x) too (it is evaluated anyway). */
export function forwardDifferenceGradient(f: (x: number[]) => number, x: readonly number[], h = 1e-6): { f: number; g: number[] } {
  const x1 = [...x];
  const f0 = f(x1);
  const g = x.map((xi, i) => {
    const d = h * Math.max(1, Math.abs(xi));
    x1[i] = xi + d;
    const v = (f(x1) - f0) / d;
    x1[i] = xi;
    return v;
  });
  return { f: f0, g };
}

const dot = (a: readonly number[], b: readonly number[]) => a.reduce((s, v, i) => s + v * b[i], 0);

export function bfgs(f: (x: number[]) => number, grad: (x: number[]) => { f: number; g: number[] }, x0: readonly number[], o: BfgsOptions = {}): BfgsResult {
  const n = x0.length;
  const maxIt = o.maxIterations ?? 200, gTol = o.gradientTol ?? 1e-8, fTol = o.fRelTol ?? 1e-10;
  let x = [...x0];
  let { f: fx, g } = grad(x);
  // Inverse Hessian, row-major; identity scaled after the first step (N&W 6.20).
  let hInv = new Float64Array(n * n);
  for (let i = 0; i < n; i++) hInv[i * n + i] = 1;
  let evaluations = 0, it = 0, first = true;
  for (; it < maxIt; it++) {
    if (Math.max(...g.map(Math.abs)) < gTol) break;
    const p = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) p[i] -= hInv[i * n + k] * g[k];
    let slope = dot(p, g);
    if (!(slope < 0)) {
      // Not a descent direction (round-off): restart from steepest descent.
      hInv = hInv.fill(0);
      for (let i = 0; i < n; i++) { hInv[i * n + i] = 1; p[i] = -g[i]; }
      slope = -dot(g, g);
      first = true;
    }
    let alpha = 1;
    if (first) alpha = Math.min(1, (o.maxFirstStep ?? 1) / Math.sqrt(dot(p, p)));
    let xn: number[] = x, fn = Infinity;
    for (let k = 0; k < 40; k++) {
      xn = x.map((v, i) => v + alpha * p[i]);
      fn = f(xn);
      evaluations++;
      if (fn <= fx + 1e-4 * alpha * slope) break;
      alpha *= 0.5;
    }
    if (!(fn <= fx + 1e-4 * alpha * slope)) break; // no decrease found along p
    const gn = grad(xn);
    const s = xn.map((v, i) => v - x[i]), y = gn.g.map((v, i) => v - g[i]);
    const sy = dot(s, y);
    const drop = fx - gn.f;
    x = xn; fx = gn.f; g = gn.g;
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      if (first) { const sc = sy / dot(y, y); for (let i = 0; i < n * n; i++) hInv[i] *= sc; first = false; }
      updateInverse(hInv, s, y, sy);
    }
    if (drop < fTol * (Math.abs(fx) + 1e-12)) break;
  }
  return { x, f: fx, iterations: it, evaluations };
}

/** H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ, ρ = 1/(sᵀy). */
function updateInverse(h: Float64Array, s: number[], y: number[], sy: number): void {
  const n = s.length, rho = 1 / sy;
  const hy = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) hy[i] += h[i * n + k] * y[k];
  const yhy = dot(y, hy);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) {
      h[i * n + k] += -rho * (hy[i] * s[k] + s[i] * hy[k]) + (rho * rho * yhy + rho) * s[i] * s[k];
    }
  }
}
