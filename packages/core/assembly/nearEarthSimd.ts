// AssemblyScript: near-Earth SGP4 on four times of one satellite at once: two f64x2 vectors, A
// (times k, k+1) and B (k+2, k+3), whose operations alternate line by line so that the processor
// overlaps two independent dependency chains (one chain of two lanes left it waiting on
// latencies: 123 → 81 ns per propagation when the second was added). The same equations and
// operation order as src/propagation/sgp4/nearEarthKernel.ts and keplerShortPeriod.ts (STR#3 §6
// with AIAA 2006-6753), except for products by reciprocals where a quotient's last bit does not
// matter. All lanes share the satellite's coefficients, so only data-dependent exits differ
// between lanes, and those become masks:
// - a lane whose mean eccentricity leaves range (code 1), whose semi-latus rectum is negative
//   (code 4) or which has decayed (code 6) is computed through and written as an error;
// - Kepler's Newton steps run while any lane is unconverged, a converged lane keeping its
//   iterate and sin/cos as the scalar loop does when it stops;
// - where the scalar kernel picks between rotating sin/cos by a small angle and new trig calls
//   per lane, this one picks for all four (rotation only when every lane qualifies); with vsincos2
//   the two give the same values to rounding.
// Each pair of lines naming …A and …B is one statement of the scalar kernel, for the two vectors.
import { C_J2HALF, C_RADIUS, C_VKM, C_XKE, REM_EXACT_LIMIT, TWO_PI, TWO_PI_HI, TWO_PI_LO, remTwoPi, setErr, R } from './common';
import { vs, vadd, vsub, vmul, vdiv, vsel, vsincos2, S2A, C2A, S2B, C2B } from './simdMath';

/**
 * Rotation by a small angle (|d| < 0.01): sin and cos by the scalar kernel's 9th-order series,
 * with the divisions by constants as products by their reciprocals (divisions are the slowest
 * vector operations; the terms are below 1e-4 of the result, so the last bit of each is moot).
 */
@inline function vsinSmall(d: v128): v128 {
  const d2 = vmul(d, d);
  return vmul(d, vsub(vs(1), vmul(vmul(d2, vs(1.0 / 6)), vsub(vs(1), vmul(vmul(d2, vs(1.0 / 20)), vsub(vs(1), vmul(vmul(d2, vs(1.0 / 42)), vsub(vs(1), vmul(d2, vs(1.0 / 72))))))))));
}
@inline function vcosSmall(d: v128): v128 {
  const d2 = vmul(d, d);
  return vsub(vs(1), vmul(vmul(d2, vs(0.5)), vsub(vs(1), vmul(vmul(d2, vs(1.0 / 12)), vsub(vs(1), vmul(vmul(d2, vs(1.0 / 30)), vsub(vs(1), vmul(d2, vs(1.0 / 56)))))))));
}

/** x mod 2π per lane as remTwoPi (inline split-2π form; `%` for lanes beyond its exact range). */
@inline function vremTwoPi(x: v128): v128 {
  if (v128.any_true(f64x2.ge(f64x2.abs(x), vs(REM_EXACT_LIMIT))) || !i64x2.all_true(f64x2.eq(x, x))) {
    return f64x2.replace_lane(f64x2.splat(remTwoPi(f64x2.extract_lane(x, 0))), 1, remTwoPi(f64x2.extract_lane(x, 1)));
  }
  // k by a product (not remTwoPi's quotient): near a multiple of 2π it may be one off, which
  // leaves u a full turn away: the same angle for everything that follows.
  const k = f64x2.trunc(vmul(x, vs(1 / TWO_PI)));
  return vsub(vsub(x, vmul(k, vs(TWO_PI_HI))), vmul(k, vs(TWO_PI_LO)));
}

let KSA: v128 = f64x2.splat(0);
let KCA: v128 = f64x2.splat(0);
let KSB: v128 = f64x2.splat(0);
let KCB: v128 = f64x2.splat(0);

/** Kepler's equation for E + ω (Newton, steps limited to 0.95 rad, ≤ 10 iterations): sin/cos into KSA, KCA, KSB, KCB. */
@inline function vkepler2(uA: v128, axnlA: v128, aynlA: v128, uB: v128, axnlB: v128, aynlB: v128): void {
  let eo1A = uA;
  let eo1B = uB;
  vsincos2(uA, uB);
  let sineo1A = S2A, coseo1A = C2A, sineo1B = S2B, coseo1B = C2B;
  let activeA = f64x2.eq(uA, uA);
  let activeB = f64x2.eq(uB, uB);
  for (let it = 1; it <= 10; it++) {
    let stepA = vdiv(vsub(vadd(vsub(uA, vmul(aynlA, coseo1A)), vmul(axnlA, sineo1A)), eo1A), vsub(vsub(vs(1), vmul(coseo1A, axnlA)), vmul(sineo1A, aynlA)));
    let stepB = vdiv(vsub(vadd(vsub(uB, vmul(aynlB, coseo1B)), vmul(axnlB, sineo1B)), eo1B), vsub(vsub(vs(1), vmul(coseo1B, axnlB)), vmul(sineo1B, aynlB)));
    stepA = f64x2.pmax(f64x2.pmin(stepA, vs(0.95)), vs(-0.95));
    stepB = f64x2.pmax(f64x2.pmin(stepB, vs(0.95)), vs(-0.95));
    eo1A = vsel(activeA, vadd(eo1A, stepA), eo1A);
    eo1B = vsel(activeB, vadd(eo1B, stepB), eo1B);
    const absStepA = f64x2.abs(stepA);
    const absStepB = f64x2.abs(stepB);
    activeA = v128.andnot(activeA, f64x2.lt(absStepA, vs(1e-12)));
    activeB = v128.andnot(activeB, f64x2.lt(absStepB, vs(1e-12)));
    if (!v128.any_true(v128.or(activeA, activeB)) || it == 10) break;
    let sNewA: v128, cNewA: v128;
    let sNewB: v128, cNewB: v128;
    if (!v128.any_true(v128.or(v128.and(activeA, f64x2.ge(absStepA, vs(0.01))), v128.and(activeB, f64x2.ge(absStepB, vs(0.01)))))) {
      const sdA = vsinSmall(stepA);
      const sdB = vsinSmall(stepB);
      const cdA = vcosSmall(stepA);
      const cdB = vcosSmall(stepB);
      sNewA = vadd(vmul(sineo1A, cdA), vmul(coseo1A, sdA));
      sNewB = vadd(vmul(sineo1B, cdB), vmul(coseo1B, sdB));
      cNewA = vsub(vmul(coseo1A, cdA), vmul(sineo1A, sdA));
      cNewB = vsub(vmul(coseo1B, cdB), vmul(sineo1B, sdB));
    } else {
      vsincos2(eo1A, eo1B);
      sNewA = S2A; cNewA = C2A; sNewB = S2B; cNewB = C2B;
    }
    sineo1A = vsel(activeA, sNewA, sineo1A);
    sineo1B = vsel(activeB, sNewB, sineo1B);
    coseo1A = vsel(activeA, cNewA, coseo1A);
    coseo1B = vsel(activeB, cNewB, coseo1B);
  }
  KSA = sineo1A; KCA = coseo1A; KSB = sineo1B; KCB = coseo1B;
}

/** Time k + j of the span, or its last time beyond the end (computed, not written). */
@inline function timeAt(times: usize, k: i32, j: i32, count: i32): f64 {
  return load<f64>(times + (<usize>min(k + j, count - 1) << 3));
}

/**
 * Propagate the record at `rec` to `count` times (minutes `baseMin + times[k]`), four times per
 * step: positions (km) to pos[3k…], velocities (km/s) to vel[3k…], error codes to err[k].
 */
export function propagateSimd(rec: usize, baseMin: f64, times: usize, count: i32, pos: usize, vel: usize, err: usize): void {
  const simple = load<f64>(rec + R.SIMPLE * 8) != 0;
  const mo = vs(load<f64>(rec + R.MO * 8)), mdot = vs(load<f64>(rec + R.MDOT * 8));
  const argpo = vs(load<f64>(rec + R.ARGPO * 8)), argpdot = vs(load<f64>(rec + R.ARGPDOT * 8));
  const nodeo = vs(load<f64>(rec + R.NODEO * 8)), nodedot = vs(load<f64>(rec + R.NODEDOT * 8)), nodecf = vs(load<f64>(rec + R.NODECF * 8));
  const cc1 = vs(load<f64>(rec + R.CC1 * 8)), t2cof = vs(load<f64>(rec + R.T2COF * 8));
  const omgcof = vs(load<f64>(rec + R.OMGCOF * 8)), xmcof = vs(load<f64>(rec + R.XMCOF * 8));
  const eta = vs(load<f64>(rec + R.ETA * 8)), delmo = vs(load<f64>(rec + R.DELMO * 8));
  const d2 = vs(load<f64>(rec + R.D2 * 8)), d3 = vs(load<f64>(rec + R.D3 * 8)), d4 = vs(load<f64>(rec + R.D4 * 8));
  const t3cof = vs(load<f64>(rec + R.T3COF * 8)), t4cof = vs(load<f64>(rec + R.T4COF * 8)), t5cof = vs(load<f64>(rec + R.T5COF * 8));
  const sinmao = vs(load<f64>(rec + R.SINMAO * 8)), no = vs(load<f64>(rec + R.NO * 8)), ecco = vs(load<f64>(rec + R.ECCO * 8));
  const xlcof = vs(load<f64>(rec + R.XLCOF * 8)), aycof = vs(load<f64>(rec + R.AYCOF * 8));
  const ao = vs(load<f64>(rec + R.AO * 8));
  const sinio = vs(load<f64>(rec + R.SINIO * 8)), cosio = vs(load<f64>(rec + R.COSIO * 8));
  const con41 = vs(load<f64>(rec + R.CON41 * 8)), x1mth2 = vs(load<f64>(rec + R.X1MTH2 * 8)), x7thm1 = vs(load<f64>(rec + R.X7THM1 * 8));
  const bstar = load<f64>(rec + R.BSTAR * 8);
  const bstarCc4 = vs(bstar * load<f64>(rec + R.CC4 * 8));
  const bstarCc5 = vs(bstar * load<f64>(rec + R.CC5 * 8));
  for (let k = 0; k < count; k += 4) {
    const tA = vadd(vs(baseMin), f64x2.replace_lane(f64x2.splat(timeAt(times, k, 0, count)), 1, timeAt(times, k, 1, count)));
    const tB = vadd(vs(baseMin), f64x2.replace_lane(f64x2.splat(timeAt(times, k, 2, count)), 1, timeAt(times, k, 3, count)));
    const xmdfA = vadd(mo, vmul(mdot, tA));
    const xmdfB = vadd(mo, vmul(mdot, tB));
    const argpdfA = vadd(argpo, vmul(argpdot, tA));
    const argpdfB = vadd(argpo, vmul(argpdot, tB));
    const t2A = vmul(tA, tA);
    const t2B = vmul(tB, tB);
    const nodemA = vadd(vadd(nodeo, vmul(nodedot, tA)), vmul(nodecf, t2A));
    const nodemB = vadd(vadd(nodeo, vmul(nodedot, tB)), vmul(nodecf, t2B));
    let tempaA = vsub(vs(1), vmul(cc1, tA));
    let tempaB = vsub(vs(1), vmul(cc1, tB));
    let tempeA = vmul(bstarCc4, tA);
    let tempeB = vmul(bstarCc4, tB);
    let templA = vmul(t2cof, t2A);
    let templB = vmul(t2cof, t2B);
    let mmA = xmdfA;
    let mmB = xmdfB;
    let argpmA = argpdfA;
    let argpmB = argpdfB;
    if (!simple) {
      vsincos2(xmdfA, xmdfB);
      const delmRootA = vadd(vs(1), vmul(eta, C2A));
      const delmRootB = vadd(vs(1), vmul(eta, C2B));
      const tempA = vadd(vmul(omgcof, tA), vmul(xmcof, vsub(vmul(vmul(delmRootA, delmRootA), delmRootA), delmo)));
      const tempB = vadd(vmul(omgcof, tB), vmul(xmcof, vsub(vmul(vmul(delmRootB, delmRootB), delmRootB), delmo)));
      mmA = vadd(xmdfA, tempA);
      mmB = vadd(xmdfB, tempB);
      argpmA = vsub(argpdfA, tempA);
      argpmB = vsub(argpdfB, tempB);
      const t3A = vmul(t2A, tA);
      const t3B = vmul(t2B, tB);
      const t4A = vmul(t3A, tA);
      const t4B = vmul(t3B, tB);
      tempaA = vsub(vsub(vsub(tempaA, vmul(d2, t2A)), vmul(d3, t3A)), vmul(d4, t4A));
      tempaB = vsub(vsub(vsub(tempaB, vmul(d2, t2B)), vmul(d3, t3B)), vmul(d4, t4B));
      vsincos2(mmA, mmB);
      tempeA = vadd(tempeA, vmul(bstarCc5, vsub(S2A, sinmao)));
      tempeB = vadd(tempeB, vmul(bstarCc5, vsub(S2B, sinmao)));
      templA = vadd(vadd(templA, vmul(t3cof, t3A)), vmul(t4A, vadd(t4cof, vmul(tA, t5cof))));
      templB = vadd(vadd(templB, vmul(t3cof, t3B)), vmul(t4B, vadd(t4cof, vmul(tB, t5cof))));
    }
    const amA = vmul(vmul(ao, tempaA), tempaA);
    const amB = vmul(vmul(ao, tempaB), tempaB);
    const absTempaA = f64x2.abs(tempaA);
    const absTempaB = f64x2.abs(tempaB);
    const nmA = vdiv(no, vmul(vmul(absTempaA, absTempaA), absTempaA));
    const nmB = vdiv(no, vmul(vmul(absTempaB, absTempaB), absTempaB));
    let emA = vsub(ecco, tempeA);
    let emB = vsub(ecco, tempeB);
    const bad1A = v128.or(v128.or(f64x2.ge(emA, vs(1)), f64x2.lt(emA, vs(-0.001))), v128.not(f64x2.gt(amA, vs(0))));
    const bad1B = v128.or(v128.or(f64x2.ge(emB, vs(1)), f64x2.lt(emB, vs(-0.001))), v128.not(f64x2.gt(amB, vs(0))));
    emA = f64x2.pmax(emA, vs(1e-6));
    emB = f64x2.pmax(emB, vs(1e-6));
    mmA = vadd(mmA, vmul(no, templA));
    mmB = vadd(mmB, vmul(no, templB));
    vsincos2(argpmA, argpmB);
    const axnlA = vmul(emA, C2A);
    const axnlB = vmul(emB, C2B);
    const invAmOneMinusE2A = vdiv(vs(1), vmul(amA, vsub(vs(1), vmul(emA, emA))));
    const invAmOneMinusE2B = vdiv(vs(1), vmul(amB, vsub(vs(1), vmul(emB, emB))));
    const aynlA = vadd(vmul(emA, S2A), vmul(invAmOneMinusE2A, aycof));
    const aynlB = vadd(vmul(emB, S2B), vmul(invAmOneMinusE2B, aycof));
    const uA = vremTwoPi(vadd(vadd(mmA, argpmA), vmul(vmul(invAmOneMinusE2A, xlcof), axnlA)));
    const uB = vremTwoPi(vadd(vadd(mmB, argpmB), vmul(vmul(invAmOneMinusE2B, xlcof), axnlB)));
    vkepler2(uA, axnlA, aynlA, uB, axnlB, aynlB);
    const sineo1A = KSA, coseo1A = KCA, sineo1B = KSB, coseo1B = KCB;
    const ecoseA = vadd(vmul(axnlA, coseo1A), vmul(aynlA, sineo1A));
    const ecoseB = vadd(vmul(axnlB, coseo1B), vmul(aynlB, sineo1B));
    const esineA = vsub(vmul(axnlA, sineo1A), vmul(aynlA, coseo1A));
    const esineB = vsub(vmul(axnlB, sineo1B), vmul(aynlB, coseo1B));
    const el2A = vadd(vmul(axnlA, axnlA), vmul(aynlA, aynlA));
    const el2B = vadd(vmul(axnlB, axnlB), vmul(aynlB, aynlB));
    const plA = vmul(amA, vsub(vs(1), el2A));
    const plB = vmul(amB, vsub(vs(1), el2B));
    const rlA = vmul(amA, vsub(vs(1), ecoseA));
    const rlB = vmul(amB, vsub(vs(1), ecoseB));
    const invRlA = vdiv(vs(1), rlA);
    const invRlB = vdiv(vs(1), rlB);
    const rdotlA = vmul(vmul(f64x2.sqrt(amA), esineA), invRlA);
    const rdotlB = vmul(vmul(f64x2.sqrt(amB), esineB), invRlB);
    const rvdotlA = vmul(f64x2.sqrt(plA), invRlA);
    const rvdotlB = vmul(f64x2.sqrt(plB), invRlB);
    const betalA = f64x2.sqrt(vsub(vs(1), el2A));
    const betalB = f64x2.sqrt(vsub(vs(1), el2B));
    const ebetaA = vdiv(esineA, vadd(vs(1), betalA));
    const ebetaB = vdiv(esineB, vadd(vs(1), betalB));
    const aOverRA = vmul(amA, invRlA);
    const aOverRB = vmul(amB, invRlB);
    const sinuA = vmul(aOverRA, vsub(vsub(sineo1A, aynlA), vmul(axnlA, ebetaA)));
    const sinuB = vmul(aOverRB, vsub(vsub(sineo1B, aynlB), vmul(axnlB, ebetaB)));
    const cosuA = vmul(aOverRA, vadd(vsub(coseo1A, axnlA), vmul(aynlA, ebetaA)));
    const cosuB = vmul(aOverRB, vadd(vsub(coseo1B, axnlB), vmul(aynlB, ebetaB)));
    const sin2uA = vmul(vadd(cosuA, cosuA), sinuA);
    const sin2uB = vmul(vadd(cosuB, cosuB), sinuB);
    const cos2uA = vsub(vs(1), vmul(vmul(vs(2), sinuA), sinuA));
    const cos2uB = vsub(vs(1), vmul(vmul(vs(2), sinuB), sinuB));
    const invPlA = vdiv(vs(1), plA);
    const invPlB = vdiv(vs(1), plB);
    const temp1A = vmul(vs(C_J2HALF), invPlA);
    const temp1B = vmul(vs(C_J2HALF), invPlB);
    const temp2A = vmul(temp1A, invPlA);
    const temp2B = vmul(temp1B, invPlB);
    const mrtA = vadd(vmul(rlA, vsub(vs(1), vmul(vmul(vmul(vs(1.5), temp2A), betalA), con41))), vmul(vmul(vmul(vs(0.5), temp1A), x1mth2), cos2uA));
    const mrtB = vadd(vmul(rlB, vsub(vs(1), vmul(vmul(vmul(vs(1.5), temp2B), betalB), con41))), vmul(vmul(vmul(vs(0.5), temp1B), x1mth2), cos2uB));
    const dsuA = vmul(vmul(vmul(vs(-0.25), temp2A), x7thm1), sin2uA);
    const dsuB = vmul(vmul(vmul(vs(-0.25), temp2B), x7thm1), sin2uB);
    const xnodeA = vadd(nodemA, vmul(vmul(vmul(vs(1.5), temp2A), cosio), sin2uA));
    const xnodeB = vadd(nodemB, vmul(vmul(vmul(vs(1.5), temp2B), cosio), sin2uB));
    const dincA = vmul(vmul(vmul(vmul(vs(1.5), temp2A), cosio), sinio), cos2uA);
    const dincB = vmul(vmul(vmul(vmul(vs(1.5), temp2B), cosio), sinio), cos2uB);
    const nmTemp1OverKeA = vmul(vmul(nmA, temp1A), vs(1 / C_XKE));
    const nmTemp1OverKeB = vmul(vmul(nmB, temp1B), vs(1 / C_XKE));
    const mvtA = vsub(rdotlA, vmul(vmul(nmTemp1OverKeA, x1mth2), sin2uA));
    const mvtB = vsub(rdotlB, vmul(vmul(nmTemp1OverKeB, x1mth2), sin2uB));
    const rvdotA = vadd(rvdotlA, vmul(nmTemp1OverKeA, vadd(vmul(x1mth2, cos2uA), vmul(vs(1.5), con41))));
    const rvdotB = vadd(rvdotlB, vmul(nmTemp1OverKeB, vadd(vmul(x1mth2, cos2uB), vmul(vs(1.5), con41))));
    const invHA = vdiv(vs(1), f64x2.sqrt(vadd(vmul(sinuA, sinuA), vmul(cosuA, cosuA))));
    const invHB = vdiv(vs(1), f64x2.sqrt(vadd(vmul(sinuB, sinuB), vmul(cosuB, cosuB))));
    const sinu0A = vmul(sinuA, invHA);
    const sinu0B = vmul(sinuB, invHB);
    const cosu0A = vmul(cosuA, invHA);
    const cosu0B = vmul(cosuB, invHB);
    let sduA: v128, cduA: v128, sdiA: v128, cdiA: v128;
    let sduB: v128, cduB: v128, sdiB: v128, cdiB: v128;
    const smallA = f64x2.lt(f64x2.max(f64x2.abs(dsuA), f64x2.abs(dincA)), vs(0.01));
    const smallB = f64x2.lt(f64x2.max(f64x2.abs(dsuB), f64x2.abs(dincB)), vs(0.01));
    if (i64x2.all_true(v128.and(smallA, smallB))) {
      sduA = vsinSmall(dsuA); cduA = vcosSmall(dsuA);
      sduB = vsinSmall(dsuB); cduB = vcosSmall(dsuB);
      sdiA = vsinSmall(dincA); cdiA = vcosSmall(dincA);
      sdiB = vsinSmall(dincB); cdiB = vcosSmall(dincB);
    } else {
      vsincos2(dsuA, dsuB); sduA = S2A; cduA = C2A; sduB = S2B; cduB = C2B;
      vsincos2(dincA, dincB); sdiA = S2A; cdiA = C2A; sdiB = S2B; cdiB = C2B;
    }
    const sinsuA = vadd(vmul(sinu0A, cduA), vmul(cosu0A, sduA));
    const sinsuB = vadd(vmul(sinu0B, cduB), vmul(cosu0B, sduB));
    const cossuA = vsub(vmul(cosu0A, cduA), vmul(sinu0A, sduA));
    const cossuB = vsub(vmul(cosu0B, cduB), vmul(sinu0B, sduB));
    const siniA = vadd(vmul(sinio, cdiA), vmul(cosio, sdiA));
    const siniB = vadd(vmul(sinio, cdiB), vmul(cosio, sdiB));
    const cosiA = vsub(vmul(cosio, cdiA), vmul(sinio, sdiA));
    const cosiB = vsub(vmul(cosio, cdiB), vmul(sinio, sdiB));
    // Error code per lane, in the scalar kernel's order: 1 (mean e), 4 (p < 0), 6 (decayed).
    const codeA = vsel(bad1A, vs(1), vsel(f64x2.lt(plA, vs(0)), vs(4), vsel(f64x2.lt(mrtA, vs(1)), vs(6), vs(0))));
    const codeB = vsel(bad1B, vs(1), vsel(f64x2.lt(plB, vs(0)), vs(4), vsel(f64x2.lt(mrtB, vs(1)), vs(6), vs(0))));
    vsincos2(xnodeA, xnodeB);
    writeStates(S2A, C2A, sinsuA, cossuA, siniA, cosiA, mrtA, mvtA, rvdotA, codeA, pos, vel, err, k, count);
    writeStates(S2B, C2B, sinsuB, cossuB, siniB, cosiB, mrtB, mvtB, rvdotB, codeB, pos, vel, err, k + 2, count);
  }
}

/**
 * The TEME state of one vector (times k, k+1; k+1 only when within `count`) from the node's
 * sin/cos, u + Δu, i + Δi, r (earth radii), ṙ and r·ḟ: positions (km), velocities (km/s) or the
 * NaN state with the lane's error code. (The last, short block of the kernel: A and B in turn.)
 */
@inline function writeStates(
  snod: v128, cnod: v128, sinsu: v128, cossu: v128, sini: v128, cosi: v128, mrt: v128, mvt: v128, rvdot: v128, code: v128,
  pos: usize, vel: usize, err: usize, k: i32, count: i32,
): void {
  const xmx = vmul(f64x2.neg(snod), cosi);
  const xmy = vmul(cnod, cosi);
  const ux = vadd(vmul(xmx, sinsu), vmul(cnod, cossu));
  const uy = vadd(vmul(xmy, sinsu), vmul(snod, cossu));
  const uz = vmul(sini, sinsu);
  const vx = vsub(vmul(xmx, cossu), vmul(cnod, sinsu));
  const vy = vsub(vmul(xmy, cossu), vmul(snod, sinsu));
  const vz = vmul(sini, cossu);
  const rk = vmul(mrt, vs(C_RADIUS));
  const px = vmul(rk, ux), py = vmul(rk, uy), pz = vmul(rk, uz);
  const wx = vmul(vadd(vmul(mvt, ux), vmul(rvdot, vx)), vs(C_VKM));
  const wy = vmul(vadd(vmul(mvt, uy), vmul(rvdot, vy)), vs(C_VKM));
  const wz = vmul(vadd(vmul(mvt, uz), vmul(rvdot, vz)), vs(C_VKM));
  if (k < count) writeLane(f64x2.extract_lane(code, 0), f64x2.extract_lane(px, 0), f64x2.extract_lane(py, 0), f64x2.extract_lane(pz, 0), f64x2.extract_lane(wx, 0), f64x2.extract_lane(wy, 0), f64x2.extract_lane(wz, 0), pos, vel, err, k);
  if (k + 1 < count) writeLane(f64x2.extract_lane(code, 1), f64x2.extract_lane(px, 1), f64x2.extract_lane(py, 1), f64x2.extract_lane(pz, 1), f64x2.extract_lane(wx, 1), f64x2.extract_lane(wy, 1), f64x2.extract_lane(wz, 1), pos, vel, err, k + 1);
}

/** One lane's state, or its NaN state and error code. */
@inline function writeLane(code: f64, px: f64, py: f64, pz: f64, vx: f64, vy: f64, vz: f64, pos: usize, vel: usize, err: usize, k: i32): void {
  if (code != 0) {
    setErr(pos, vel, err, k, <u8>code);
    return;
  }
  const p = pos + <usize>k * 24;
  store<f64>(p, px); store<f64>(p, py, 8); store<f64>(p, pz, 16);
  const v = vel + <usize>k * 24;
  store<f64>(v, vx); store<f64>(v, vy, 8); store<f64>(v, vz, 16);
  store<u8>(err + k, 0);
}

