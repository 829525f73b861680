// AssemblyScript: two-lane (f64x2) arithmetic shorthands and sin/cos for the SIMD kernel, which
// works on two vectors at once (A and B, operations alternating: see nearEarthSimd.ts).
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

/** Results of vsincos2 (module globals: a WebAssembly function returns one value here). */
export let S2A: v128 = f64x2.splat(0);
export let C2A: v128 = f64x2.splat(0);
export let S2B: v128 = f64x2.splat(0);
export let C2B: v128 = f64x2.splat(0);

/** sin and cos of both lanes of xA and of xB into S2A, C2A, S2B, C2B. */
@inline export function vsincos2(xA: v128, xB: v128): void {
  if (!v128.any_true(v128.or(f64x2.ge(f64x2.abs(xA), vs(REDUCE_LIMIT)), f64x2.ge(f64x2.abs(xB), vs(REDUCE_LIMIT))))) {
    const kA = f64x2.nearest(vmul(xA, vs(TWO_OVER_PI)));
    const kB = f64x2.nearest(vmul(xB, vs(TWO_OVER_PI)));
    const rA = vsub(vsub(vsub(xA, vmul(kA, vs(P1))), vmul(kA, vs(P2))), vmul(kA, vs(P3)));
    const rB = vsub(vsub(vsub(xB, vmul(kB, vs(P1))), vmul(kB, vs(P2))), vmul(kB, vs(P3)));
    const zA = vmul(rA, rA);
    const zB = vmul(rB, rB);
    let psA = vadd(vs(S15), vmul(zA, vs(S17)));
    let psB = vadd(vs(S15), vmul(zB, vs(S17)));
    psA = vadd(vs(S13), vmul(zA, psA));
    psB = vadd(vs(S13), vmul(zB, psB));
    psA = vadd(vs(S11), vmul(zA, psA));
    psB = vadd(vs(S11), vmul(zB, psB));
    psA = vadd(vs(S9), vmul(zA, psA));
    psB = vadd(vs(S9), vmul(zB, psB));
    psA = vadd(vs(S7), vmul(zA, psA));
    psB = vadd(vs(S7), vmul(zB, psB));
    psA = vadd(vs(S5), vmul(zA, psA));
    psB = vadd(vs(S5), vmul(zB, psB));
    psA = vadd(vs(S3), vmul(zA, psA));
    psB = vadd(vs(S3), vmul(zB, psB));
    const sinRA = vadd(rA, vmul(vmul(rA, zA), psA));
    const sinRB = vadd(rB, vmul(vmul(rB, zB), psB));
    let pcA = vadd(vs(C14), vmul(zA, vs(C16)));
    let pcB = vadd(vs(C14), vmul(zB, vs(C16)));
    pcA = vadd(vs(C12), vmul(zA, pcA));
    pcB = vadd(vs(C12), vmul(zB, pcB));
    pcA = vadd(vs(C10), vmul(zA, pcA));
    pcB = vadd(vs(C10), vmul(zB, pcB));
    pcA = vadd(vs(C8), vmul(zA, pcA));
    pcB = vadd(vs(C8), vmul(zB, pcB));
    pcA = vadd(vs(C6), vmul(zA, pcA));
    pcB = vadd(vs(C6), vmul(zB, pcB));
    pcA = vadd(vs(C4), vmul(zA, pcA));
    pcB = vadd(vs(C4), vmul(zB, pcB));
    const cosRA = vadd(vsub(vs(1), vmul(vs(0.5), zA)), vmul(vmul(zA, zA), pcA));
    const cosRB = vadd(vsub(vs(1), vmul(vs(0.5), zB)), vmul(vmul(zB, zB), pcB));
    // Quadrant q = k mod 4 from k's two low bits: q odd swaps sin and cos; sin is negated for
    // q ∈ {2, 3} (bit 1), cos for q ∈ {1, 2} (bit 0 xor bit 1). NaN and ±∞ give NaN through r.
    const kiA = i64x2.extend_low_i32x4_s(i32x4.trunc_sat_f64x2_s_zero(kA));
    const kiB = i64x2.extend_low_i32x4_s(i32x4.trunc_sat_f64x2_s_zero(kB));
    const swapA = i64x2.shr_s(i64x2.shl(kiA, 63), 63);
    const swapB = i64x2.shr_s(i64x2.shl(kiB, 63), 63);
    const sinSignA = i64x2.shl(i64x2.shr_s(kiA, 1), 63);
    const sinSignB = i64x2.shl(i64x2.shr_s(kiB, 1), 63);
    const cosSignA = i64x2.shl(v128.xor(kiA, i64x2.shr_s(kiA, 1)), 63);
    const cosSignB = i64x2.shl(v128.xor(kiB, i64x2.shr_s(kiB, 1)), 63);
    S2A = v128.xor(vsel(swapA, cosRA, sinRA), sinSignA);
    S2B = v128.xor(vsel(swapB, cosRB, sinRB), sinSignB);
    C2A = v128.xor(vsel(swapA, sinRA, cosRA), cosSignA);
    C2B = v128.xor(vsel(swapB, sinRB, cosRB), cosSignB);
  } else {
    sincosLarge(xA, xB);
  }
}

/** Vectors with a lane too large for the reduction: the library functions, lane by lane. */
function sincosLarge(xA: v128, xB: v128): void {
  const a0 = f64x2.extract_lane(xA, 0), a1 = f64x2.extract_lane(xA, 1);
  const b0 = f64x2.extract_lane(xB, 0), b1 = f64x2.extract_lane(xB, 1);
  S2A = f64x2.replace_lane(f64x2.splat(Math.sin(a0)), 1, Math.sin(a1));
  C2A = f64x2.replace_lane(f64x2.splat(Math.cos(a0)), 1, Math.cos(a1));
  S2B = f64x2.replace_lane(f64x2.splat(Math.sin(b0)), 1, Math.sin(b1));
  C2B = f64x2.replace_lane(f64x2.splat(Math.cos(b0)), 1, Math.cos(b1));
}

/** Test entry: sin to out[2i], cos to out[2i+1] of x[i], i < n (n a multiple of 4), through vsincos2. */
export function sinCosArray(xs: usize, out: usize, n: i32): void {
  for (let i = 0; i < n; i += 4) {
    const p = xs + (<usize>i << 3);
    vsincos2(v128.load(p), v128.load(p, 16));
    const o = out + (<usize>i << 4);
    v128.store(o, i64x2.shuffle(S2A, C2A, 0, 2));
    v128.store(o, i64x2.shuffle(S2A, C2A, 1, 3), 16);
    v128.store(o, i64x2.shuffle(S2B, C2B, 0, 2), 32);
    v128.store(o, i64x2.shuffle(S2B, C2B, 1, 3), 48);
  }
}

