/**
 * sin and cos of small angles by their Taylor series, for rotating a known (sin, cos) pair by a
 * small step instead of calling Math.sin/Math.cos again (two library calls ≈ 23 ns on this
 * machine, docs/performance.md). Small enough for V8 to inline in the kernels' loops.
 */

/** sin d for |d| < 0.01 (Taylor to d⁹: truncation < 1e-24). */
export function sinOfStep(d: number): number {
  const d2 = d * d;
  return d * (1 - (d2 / 6) * (1 - (d2 / 20) * (1 - (d2 / 42) * (1 - d2 / 72))));
}

/** cos d for |d| < 0.01 (Taylor to d⁸: truncation < 1e-20). */
export function cosOfStep(d: number): number {
  const d2 = d * d;
  return 1 - (d2 / 2) * (1 - (d2 / 12) * (1 - (d2 / 30) * (1 - d2 / 56)));
}

/** sin d for |d| ≤ 0.12 (Taylor to d¹³: truncation < 1e-26). */
export function sinSmall(d: number): number {
  const d2 = d * d;
  return d * (1 - (d2 / 6) * (1 - (d2 / 20) * (1 - (d2 / 42) * (1 - (d2 / 72) * (1 - (d2 / 110) * (1 - d2 / 156))))));
}

/** cos d for |d| ≤ 0.12 (Taylor to d¹²: truncation < 1e-24). */
export function cosSmall(d: number): number {
  const d2 = d * d;
  return 1 - (d2 / 2) * (1 - (d2 / 12) * (1 - (d2 / 30) * (1 - (d2 / 56) * (1 - (d2 / 90) * (1 - d2 / 132)))));
}
