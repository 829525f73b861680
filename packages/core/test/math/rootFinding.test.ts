import { describe, expect, it } from 'vitest';
import { brentRoot, illinoisBracket } from '../../src/foundation/math/rootFinding.js';

describe('illinoisBracket', () => {
  it('closes on √2 from the side where f ≤ 0, within the relative tolerance', () => {
    const f = (x: number) => 2 - x * x; // > 0 below √2, ≤ 0 above
    let calls = 0;
    const [lo, hi] = illinoisBracket((x) => (calls++, f(x)), 0, f(0), 3, f(3), 1e-12, 1e-12);
    expect(f(hi)).toBeLessThanOrEqual(0);
    expect(f(lo)).toBeGreaterThan(0);
    expect(hi - Math.SQRT2).toBeLessThan(1e-11);
    expect(Math.SQRT2 - lo).toBeLessThan(1e-11);
    // Superlinear (the Illinois halving): bisection from a width of 3 to 1e-12 would take 42 steps.
    expect(calls).toBeLessThan(25);
  });
  it('agrees with Brent on a smooth root (cos x = x, 0.7390851332151607, Dottie number)', () => {
    const f = (x: number) => Math.cos(x) - x;
    const [, hi] = illinoisBracket(f, 0, f(0), 1, f(1), 1e-14, 0);
    expect(hi).toBeCloseTo(0.7390851332151607, 13);
    expect(brentRoot(f, 0, 1, f(0), f(1), 1e-14)).toBeCloseTo(hi, 13);
  });
  it('brackets a jump (a criterion that switches at x = 0.3) and stops at the tolerance', () => {
    const f = (x: number) => (x < 0.3 ? 1 : -1);
    const [lo, hi] = illinoisBracket(f, 0, 1, 1, -1, 1e-6, 0);
    expect(lo).toBeLessThan(0.3);
    expect(hi).toBeGreaterThanOrEqual(0.3);
    expect(hi - lo).toBeLessThanOrEqual(1e-6);
  });
  it('bisects where the criterion is not finite at an end', () => {
    const f = (x: number) => (x === 0 ? Infinity : Math.log(0.5 / x));
    const [lo, hi] = illinoisBracket(f, 0, Infinity, 2, f(2), 1e-9, 0);
    expect(hi).toBeCloseTo(0.5, 8);
    expect(lo).toBeLessThan(0.5);
  });
});
