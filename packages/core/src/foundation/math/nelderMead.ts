/**
 * Derivative-free minimisation of f: ℝⁿ → ℝ by the Nelder–Mead simplex method with the standard
 * coefficients (reflection 1, expansion 2, contraction ½, shrink ½: Nelder & Mead, Computer
 * Journal 7, 1965; the ordering and acceptance rules of Lagarias, Reeds, Wright & Wright, SIAM J.
 * Optim. 9, 1998). Suits small, non-smooth objectives (a peak over a time grid) of up to a few
 * dozen variables; restarts from the best point rebuild a collapsed simplex.
 */

export interface NelderMeadOptions {
  /** Initial simplex edge per variable (same units as x). */
  step: number | number[];
  /** Function evaluations allowed in all (default 200·n). */
  maxEvaluations?: number;
  /** Stop when the simplex's values differ by less than this (absolute, default 1e-9). */
  fTol?: number;
  /** Fresh simplices built around the best point after convergence (default 1). */
  restarts?: number;
}

export interface NelderMeadResult {
  x: number[];
  f: number;
  evaluations: number;
}

export function nelderMead(f: (x: number[]) => number, x0: readonly number[], o: NelderMeadOptions): NelderMeadResult {
  const n = x0.length;
  const budget = o.maxEvaluations ?? 200 * n;
  let evaluations = 0;
  const fx = (x: number[]) => { evaluations++; const v = f(x); return Number.isNaN(v) ? Infinity : v; };
  let best = { x: [...x0], f: fx([...x0]) };
  for (let round = 0; round <= (o.restarts ?? 1) && evaluations < budget; round++) {
    const r = simplexRun(fx, best, o, budget, () => evaluations);
    if (r.f <= best.f) best = r;
  }
  return { x: best.x, f: best.f, evaluations };
}

function simplexRun(fx: (x: number[]) => number, start: { x: number[]; f: number }, o: NelderMeadOptions, budget: number, used: () => number): { x: number[]; f: number } {
  const n = start.x.length;
  const pts: { x: number[]; f: number }[] = [start];
  for (let i = 0; i < n; i++) {
    const x = [...start.x];
    x[i] += typeof o.step === 'number' ? o.step : o.step[i];
    pts.push({ x, f: fx(x) });
  }
  const fTol = o.fTol ?? 1e-9;
  const along = (c: number[], w: number[], t: number) => c.map((v, i) => v + t * (w[i] - v));
  while (used() < budget) {
    pts.sort((a, b) => a.f - b.f);
    if (pts[n].f - pts[0].f <= fTol) break;
    const worst = pts[n];
    const c = new Array<number>(n).fill(0);
    for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) c[i] += pts[k].x[i] / n;
    const xr = along(c, worst.x, -1), fr = fx(xr);
    if (fr < pts[0].f) {
      const xe = along(c, worst.x, -2), fe = fx(xe);
      pts[n] = fe < fr ? { x: xe, f: fe } : { x: xr, f: fr };
    } else if (fr < pts[n - 1].f) {
      pts[n] = { x: xr, f: fr };
    } else {
      // Outside (reflected point better than the worst) or inside contraction.
      const xc = fr < worst.f ? along(c, xr, 0.5) : along(c, worst.x, 0.5);
      const fc = fx(xc);
      if (fc < Math.min(fr, worst.f)) pts[n] = { x: xc, f: fc };
      else for (let k = 1; k <= n; k++) { const x = along(pts[0].x, pts[k].x, 0.5); pts[k] = { x, f: fx(x) }; }
    }
  }
  pts.sort((a, b) => a.f - b.f);
  return pts[0];
}
