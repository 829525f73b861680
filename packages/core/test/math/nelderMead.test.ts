import { describe, expect, it } from 'vitest';
import { nelderMead } from '../../src/foundation/math/nelderMead.js';

describe('Nelder–Mead minimiser', () => {
  it('finds the minimum of Rosenbrock’s banana function (1, 1) from (−1.2, 1), the classic test start', () => {
    const f = (x: number[]) => 100 * (x[1] - x[0] * x[0]) ** 2 + (1 - x[0]) ** 2;
    const r = nelderMead(f, [-1.2, 1], { step: 0.5, maxEvaluations: 2000, fTol: 1e-14 });
    expect(Math.abs(r.x[0] - 1)).toBeLessThan(1e-4);
    expect(Math.abs(r.x[1] - 1)).toBeLessThan(1e-4);
    expect(r.evaluations).toBeLessThanOrEqual(2000 + 10);
  });

  it('minimises a shifted, anisotropic 6-D quadratic and a non-smooth max-norm', () => {
    const c = [1, -2, 3, 0.5, -0.25, 4];
    const q = (x: number[]) => x.reduce((s, v, i) => s + (i + 1) * (v - c[i]) ** 2, 0);
    const r = nelderMead(q, new Array(6).fill(0), { step: 1, maxEvaluations: 6000, fTol: 1e-16, restarts: 3 });
    r.x.forEach((v, i) => expect(Math.abs(v - c[i])).toBeLessThan(1e-4));
    const m = (x: number[]) => Math.max(...x.map((v, i) => Math.abs(v - c[i])));
    const rm = nelderMead(m, new Array(6).fill(0), { step: 1, maxEvaluations: 6000, fTol: 1e-12, restarts: 3 });
    expect(rm.f).toBeLessThan(1e-3);
  });

  it('treats NaN as +∞ and respects the evaluation budget', () => {
    let calls = 0;
    const r = nelderMead((x) => { calls++; return x[0] < 0 ? NaN : (x[0] - 2) ** 2; }, [1], { step: 0.5, maxEvaluations: 50 });
    expect(calls).toBeLessThanOrEqual(52);
    expect(Math.abs(r.x[0] - 2)).toBeLessThan(1e-2);
  });
});
