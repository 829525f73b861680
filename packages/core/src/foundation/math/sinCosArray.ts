/**
 * sin and cos of a whole array of angles in one loop, without a call per value.
 *
 * Why: in V8, Math.sin and Math.cos are calls into the C library port (fdlibm), each with its own
 * argument reduction; a batched kernel that needs both for thousands of angles spends most of its
 * time there. Here the reduction is shared and the polynomials are inline in the loop.
 *
 * Method: x = n·π/2 + r with n = round(x·2/π) and |r| ≤ π/4 (Cody–Waite reduction with π/2 in
 * three parts: P1 has 33 significant bits, so n·P1 is exact for |n| < 2^20; P1 + P2 is the double
 * nearest π/2; P3 is the rest of π/2, i.e. (π − Math.PI)/2, which Math.sin(Math.PI) returns exactly
 * as the double nearest π − Math.PI). sin r and cos r are their Taylor series to r^17 and r^18,
 * whose first omitted terms are below 1e-19 for |r| ≤ π/4, in nested (Horner) form. The quadrant
 * n mod 4 then swaps and signs them through a two-entry table, without a branch.
 * Accuracy: within 3e-16 absolute of Math.sin/Math.cos for |x| < 1.6e6 rad (test sinCosArray.test.ts);
 * larger |x| falls back to Math.sin/Math.cos.
 */

const PIO2 = Math.PI / 2;
const TWO_OVER_PI = 2 / Math.PI;
/** π/2 cut to 33 significant bits (multiples of 2^-32 below 2). */
const P1 = Math.floor(PIO2 * 2 ** 32) / 2 ** 32;
/** The rest of the double nearest π/2 (exact: P1 and PIO2 share their exponent). */
const P2 = PIO2 - P1;
/** π/2 − (P1 + P2): half of π − Math.PI, which Math.sin(Math.PI) is (sin(π − δ) = δ to 1e-48). */
const P3 = Math.sin(Math.PI) / 2;
/** Largest |x| reduced here: |n| < 2^20 keeps n·P1 exact. */
const MAX_REDUCED = 2 ** 20 * P1;

// Taylor factors 1/((k)(k+1)) of the nested series.
const S3 = 1 / 6, S5 = 1 / 20, S7 = 1 / 42, S9 = 1 / 72, S11 = 1 / 110, S13 = 1 / 156, S15 = 1 / 210, S17 = 1 / 272;
const C2 = 1 / 2, C4 = 1 / 12, C6 = 1 / 30, C8 = 1 / 56, C10 = 1 / 90, C12 = 1 / 132, C14 = 1 / 182, C16 = 1 / 240, C18 = 1 / 306;

/** Quadrant table: [sin r, cos r] of the current value (module scratch, no allocation). */
const PAIR = new Float64Array(2);

/**
 * sinOut[i] = sin(x[i]), cosOut[i] = cos(x[i]) for i in [from, to). The output arrays may be
 * `x` itself for one of them only.
 */
export function sinCosArray(x: Float64Array, sinOut: Float64Array, cosOut: Float64Array, from: number, to: number): void {
  const pair = PAIR;
  for (let i = from; i < to; i++) {
    const xi = x[i];
    if (!(Math.abs(xi) < MAX_REDUCED)) {
      sinOut[i] = Math.sin(xi);
      cosOut[i] = Math.cos(xi);
      continue;
    }
    const n = Math.round(xi * TWO_OVER_PI);
    const r = xi - n * P1 - n * P2 - n * P3;
    const z = r * r;
    pair[0] = r * (1 - z * S3 * (1 - z * S5 * (1 - z * S7 * (1 - z * S9 * (1 - z * S11 * (1 - z * S13 * (1 - z * S15 * (1 - z * S17))))))));
    pair[1] = 1 - z * C2 * (1 - z * C4 * (1 - z * C6 * (1 - z * C8 * (1 - z * C10 * (1 - z * C12 * (1 - z * C14 * (1 - z * C16 * (1 - z * C18))))))));
    // Quadrant q = n mod 4: sin x = (s, c, −s, −c)[q], cos x = (c, −s, −c, s)[q].
    const q = n & 3;
    const swap = q & 1;
    sinOut[i] = (1 - (q & 2)) * pair[swap];
    cosOut[i] = (1 - ((q + 1) & 2)) * pair[swap ^ 1];
  }
}
