// AssemblyScript: two-lane (f64x2) arithmetic shorthands and sin/cos for the SIMD kernel.
// WebAssembly has no libm, so sin and cos of a vector are computed here: Cody–Waite reduction by
// π/2 then Taylor series on |r| ≤ π/4 (to r¹⁷ and r¹⁶: the first omitted terms, r¹⁹/19! and
// r¹⁸/18!, are below 1e-19 and 3e-18 there).

@inline export function vs(x: f64): v128 { return f64x2.splat(x); }
@inline export function vadd(a: v128, b: v128): v128 { return f64x2.add(a, b); }
@inline export function vsub(a: v128, b: v128): v128 { return f64x2.sub(a, b); }
@inline export function vmul(a: v128, b: v128): v128 { return f64x2.mul(a, b); }
@inline export function vdiv(a: v128, b: v128): v128 { return f64x2.div(a, b); }
/** Lanes of `a` where `mask` is set, else of `b`. */
@inline export function vsel(mask: v128, a: v128, b: v128): v128 { return v128.bitselect(a, b, mask); }

const PIO2: f64 = Math.PI / 2;
const TWO_OVER_PI: f64 = 2 / Math.PI;
// π/2 = P1 + P2 + P3: P1 keeps 25 significant bits (k·P1 exact for |k| < 2^28), P2 the rest of
// the double π/2, P3 = (π − double π)/2 ≈ sin(double π)/2.
const P1: f64 = Math.floor(PIO2 * 16777216.0) / 16777216.0;
const P2: f64 = PIO2 - P1;
const P3: f64 = 0.5 * 1.2246467991473532e-16;
/** Beyond this |x| the reduction's k·P1 is no longer exact: those lanes use Math.sin/cos. */
const REDUCE_LIMIT: f64 = 1e8;

// 1/k! for the series (Horner in z = r²).
const S3: f64 = -1.0 / 6, S5: f64 = 1.0 / 120, S7: f64 = -1.0 / 5040, S9: f64 = 1.0 / 362880;
const S11: f64 = -1.0 / 39916800, S13: f64 = 1.0 / 6227020800, S15: f64 = -1.0 / 1307674368000;
const S17: f64 = 1.0 / 355687428096000;
const C4: f64 = 1.0 / 24, C6: f64 = -1.0 / 720, C8: f64 = 1.0 / 40320, C10: f64 = -1.0 / 3628800;
const C12: f64 = 1.0 / 479001600, C14: f64 = -1.0 / 87178291200, C16: f64 = 1.0 / 20922789888000;

/** Results of vsincos (module globals: WebAssembly functions return one value here). */
export let VSIN: v128 = f64x2.splat(0);
export let VCOS: v128 = f64x2.splat(0);

/** sin and cos of both lanes of x into VSIN, VCOS. */
@inline export function vsincos(x: v128): void {
  if (!v128.any_true(f64x2.ge(f64x2.abs(x), vs(REDUCE_LIMIT)))) {
    const k = f64x2.nearest(vmul(x, vs(TWO_OVER_PI)));
    const r = vsub(vsub(vsub(x, vmul(k, vs(P1))), vmul(k, vs(P2))), vmul(k, vs(P3)));
    const z = vmul(r, r);
    let ps = vadd(vs(S15), vmul(z, vs(S17)));
    ps = vadd(vs(S13), vmul(z, ps));
    ps = vadd(vs(S11), vmul(z, ps));
    ps = vadd(vs(S9), vmul(z, ps));
    ps = vadd(vs(S7), vmul(z, ps));
    ps = vadd(vs(S5), vmul(z, ps));
    ps = vadd(vs(S3), vmul(z, ps));
    const sinR = vadd(r, vmul(vmul(r, z), ps));
    let pc = vadd(vs(C14), vmul(z, vs(C16)));
    pc = vadd(vs(C12), vmul(z, pc));
    pc = vadd(vs(C10), vmul(z, pc));
    pc = vadd(vs(C8), vmul(z, pc));
    pc = vadd(vs(C6), vmul(z, pc));
    pc = vadd(vs(C4), vmul(z, pc));
    const cosR = vadd(vsub(vs(1), vmul(vs(0.5), z)), vmul(vmul(z, z), pc));
    // Quadrant q = k mod 4 from k's two low bits: q odd swaps sin and cos; sin is negated for
    // q ∈ {2, 3} (bit 1), cos for q ∈ {1, 2} (bit 0 xor bit 1). NaN and ±∞ give NaN through r.
    const ki = i64x2.extend_low_i32x4_s(i32x4.trunc_sat_f64x2_s_zero(k));
    const swap = i64x2.shr_s(i64x2.shl(ki, 63), 63);
    const sinSign = i64x2.shl(i64x2.shr_s(ki, 1), 63);
    const cosSign = i64x2.shl(v128.xor(ki, i64x2.shr_s(ki, 1)), 63);
    VSIN = v128.xor(vsel(swap, cosR, sinR), sinSign);
    VCOS = v128.xor(vsel(swap, sinR, cosR), cosSign);
  } else {
    sincosLarge(x);
  }
}

/** Lanes too large for the reduction: the library functions. */
function sincosLarge(x: v128): void {
  const x0 = f64x2.extract_lane(x, 0);
  const x1 = f64x2.extract_lane(x, 1);
  VSIN = f64x2.replace_lane(f64x2.splat(Math.sin(x0)), 1, Math.sin(x1));
  VCOS = f64x2.replace_lane(f64x2.splat(Math.cos(x0)), 1, Math.cos(x1));
}

/** Test entry: sin to out[2i], cos to out[2i+1] of x[i], i < n (n even), through vsincos. */
export function sinCosArray(xs: usize, out: usize, n: i32): void {
  for (let i = 0; i < n; i += 2) {
    vsincos(v128.load(xs + (<usize>i << 3)));
    const s = VSIN;
    const c = VCOS;
    v128.store(out + (<usize>i << 4), i64x2.shuffle(s, c, 0, 2));
    v128.store(out + (<usize>i << 4), i64x2.shuffle(s, c, 1, 3), 16);
  }
}
