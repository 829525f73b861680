/**
 * The batched sin/cos against Math.sin/Math.cos (V8's fdlibm port, with exact argument reduction):
 * random angles over the whole reduced range, the quadrant boundaries, and the fall-back cases.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sinCosArray } from '../../src/foundation/math/sinCosArray.js';

/** Largest |sin − Math.sin|, |cos − Math.cos| over `xs`. */
function worstError(xs: number[]): number {
  const x = Float64Array.from(xs);
  const s = new Float64Array(x.length);
  const c = new Float64Array(x.length);
  sinCosArray(x, s, c, 0, x.length);
  let worst = 0;
  for (let i = 0; i < x.length; i++) {
    worst = Math.max(worst, Math.abs(s[i] - Math.sin(x[i])), Math.abs(c[i] - Math.cos(x[i])));
  }
  return worst;
}

// A few units in the last place of values ≤ 1 (ulp(1) = 2.2e-16): the reduction leaves r with one
// rounding, each nested series a couple more. Far above the 1e-10 relative that would move an
// SGP4 position (7000 km) by 1 mm.
const TOL = 4.5e-16;

describe('sinCosArray', () => {
  it('agrees with Math.sin/Math.cos within a few ulp for random angles up to 1.6e6 rad', () => {
    let worst = 0;
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1.6e6, max: 1.6e6, noNaN: true }), { minLength: 1, maxLength: 64 }), (xs) => {
        const e = worstError(xs);
        worst = Math.max(worst, e);
        return e <= TOL;
      }),
      { numRuns: 3000 },
    );
    // Angles of SGP4's size (|x| < 2π and up to ~1e4 rad far from epoch), densely.
    const small = Array.from({ length: 200_000 }, (_, i) => (i - 100_000) * 1.2345e-4);
    const large = Array.from({ length: 100_000 }, (_, i) => (i - 50_000) * 0.2718281828);
    worst = Math.max(worst, worstError(small), worstError(large));
    expect(worst).toBeLessThanOrEqual(TOL);
    expect(worst).toBeGreaterThan(0); // the test compares two different algorithms
  });

  it('is right at and next to the quadrant boundaries k·π/4', () => {
    const xs: number[] = [];
    for (let k = -64; k <= 64; k++) {
      const x = (k * Math.PI) / 4;
      xs.push(x, x * (1 + Number.EPSILON), x * (1 - Number.EPSILON), x + 1e-9, x - 1e-9);
    }
    expect(worstError(xs)).toBeLessThanOrEqual(TOL);
    expect(worstError([0, -0, 1e-300, -1e-300, 5e-324])).toBe(0);
  });

  it('falls back to Math.sin/Math.cos beyond the reduced range and for NaN and ±∞', () => {
    const x = Float64Array.from([2e6, -3.5e9, 1e300, NaN, Infinity, -Infinity]);
    const s = new Float64Array(x.length);
    const c = new Float64Array(x.length);
    sinCosArray(x, s, c, 0, x.length);
    for (let i = 0; i < x.length; i++) {
      expect(s[i]).toBe(Math.sin(x[i]));
      expect(c[i]).toBe(Math.cos(x[i]));
    }
  });

  it('touches only [from, to)', () => {
    const x = Float64Array.from([1, 2, 3, 4]);
    const s = new Float64Array(4).fill(9);
    const c = new Float64Array(4).fill(9);
    sinCosArray(x, s, c, 1, 3);
    expect([s[0], s[3], c[0], c[3]]).toEqual([9, 9, 9, 9]);
    expect(Math.abs(s[1] - Math.sin(2))).toBeLessThanOrEqual(TOL);
  });
});
