import { describe, expect, it } from 'vitest';
import { bfgs, forwardDifferenceGradient } from '../../src/foundation/math/bfgs.js';

describe('BFGS quasi-Newton minimiser', () => {
  it('finds the minimum of Rosenbrock’s banana function (1, 1) from (−1.2, 1) with the analytic gradient (classic test)', () => {
    const f = (x: number[]) => 100 * (x[1] - x[0] * x[0]) ** 2 + (1 - x[0]) ** 2;
    const g = (x: number[]) => ({ f: f(x), g: [-400 * x[0] * (x[1] - x[0] * x[0]) - 2 * (1 - x[0]), 200 * (x[1] - x[0] * x[0])] });
    const r = bfgs(f, g, [-1.2, 1], { maxIterations: 200, gradientTol: 1e-10, fRelTol: 0 });
    expect(Math.abs(r.x[0] - 1)).toBeLessThan(1e-6);
    expect(Math.abs(r.x[1] - 1)).toBeLessThan(1e-6);
    // Superlinear convergence: far fewer iterations than steepest descent's thousands.
    expect(r.iterations).toBeLessThan(100);
  });

  it('minimises an ill-conditioned 20-D quadratic (condition 10⁴) from forward-difference gradients', () => {
    const c = Array.from({ length: 20 }, (_, i) => Math.sin(i + 1));
    const w = Array.from({ length: 20 }, (_, i) => 10 ** ((4 * i) / 19));
    const q = (x: number[]) => x.reduce((s, v, i) => s + w[i] * (v - c[i]) ** 2, 0);
    const r = bfgs(q, (x) => forwardDifferenceGradient(q, x, 1e-8), new Array(20).fill(0), { maxIterations: 300, fRelTol: 0, gradientTol: 1e-5 });
    r.x.forEach((v, i) => expect(Math.abs(v - c[i])).toBeLessThan(1e-4));
  });

  it('forward differences match the analytic gradient to first order in the step', () => {
    const f = (x: number[]) => Math.exp(x[0]) * Math.sin(x[1]) + x[2] ** 3;
    const x = [0.3, 1.1, -0.7];
    const { f: f0, g } = forwardDifferenceGradient(f, x, 1e-7);
    expect(f0).toBe(f(x));
    const exact = [Math.exp(0.3) * Math.sin(1.1), Math.exp(0.3) * Math.cos(1.1), 3 * 0.49];
    g.forEach((v, i) => expect(Math.abs(v - exact[i])).toBeLessThan(1e-5));
  });

  it('respects the first-step cap and stops when no decrease is possible', () => {
    const seen: number[][] = [];
    const f = (x: number[]) => { seen.push([...x]); return (x[0] - 100) ** 2; };
    bfgs(f, (x) => ({ f: f(x), g: [2 * (x[0] - 100)] }), [0], { maxIterations: 1, maxFirstStep: 0.5 });
    expect(Math.max(...seen.map((x) => x[0]))).toBeLessThanOrEqual(0.5 + 1e-12);
    const flat = bfgs(() => 1, () => ({ f: 1, g: [0, 0] }), [3, 4]);
    expect(flat.x).toEqual([3, 4]);
  });
});
