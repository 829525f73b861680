// AssemblyScript: near-Earth SGP4 on two times of one satellite at once (f64x2 lanes). The same
// equations and operation order as src/propagation/sgp4/nearEarthKernel.ts and
// keplerShortPeriod.ts (STR#3 §6 with AIAA 2006-6753); both lanes share the satellite's
// coefficients, so only data-dependent exits differ between lanes, and those become masks:
// - a lane whose mean eccentricity leaves range (code 1), whose semi-latus rectum is negative
//   (code 4) or which has decayed (code 6) is computed through and written as an error;
// - Kepler's Newton steps run while any lane is unconverged, a converged lane keeping its
//   iterate and sin/cos as the scalar loop does when it stops;
// - where the scalar kernel picks between rotating sin/cos by a small angle and new trig calls
//   per lane, this one picks per pair (rotation only when both lanes qualify); with vsincos the
//   two give the same values to rounding.
import { C_J2HALF, C_RADIUS, C_VKM, C_XKE, REM_EXACT_LIMIT, TWO_PI, TWO_PI_HI, TWO_PI_LO, remTwoPi, setErr, R } from './common';
import { vs, vadd, vsub, vmul, vdiv, vsel, vsincos, VSIN, VCOS } from './simdMath';

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

let KSIN: v128 = f64x2.splat(0);
let KCOS: v128 = f64x2.splat(0);

/** Kepler's equation for E + ω (Newton, steps limited to 0.95 rad, ≤ 10 iterations): sin/cos into KSIN, KCOS. */
@inline function vkepler(u: v128, axnl: v128, aynl: v128): void {
  let eo1 = u;
  vsincos(u);
  let sineo1 = VSIN;
  let coseo1 = VCOS;
  let active = f64x2.eq(u, u); // all ones (NaN lanes are written as errors anyway)
  for (let it = 1; it <= 10; it++) {
    let step = vdiv(
      vsub(vadd(vsub(u, vmul(aynl, coseo1)), vmul(axnl, sineo1)), eo1),
      vsub(vsub(vs(1), vmul(coseo1, axnl)), vmul(sineo1, aynl)),
    );
    step = f64x2.pmax(f64x2.pmin(step, vs(0.95)), vs(-0.95));
    eo1 = vsel(active, vadd(eo1, step), eo1);
    const absStep = f64x2.abs(step);
    active = v128.andnot(active, f64x2.lt(absStep, vs(1e-12)));
    if (!v128.any_true(active) || it == 10) break;
    let sNew: v128, cNew: v128;
    if (!v128.any_true(v128.and(active, f64x2.ge(absStep, vs(0.01))))) {
      const sd = vsinSmall(step);
      const cd = vcosSmall(step);
      sNew = vadd(vmul(sineo1, cd), vmul(coseo1, sd));
      cNew = vsub(vmul(coseo1, cd), vmul(sineo1, sd));
    } else {
      vsincos(eo1);
      sNew = VSIN;
      cNew = VCOS;
    }
    sineo1 = vsel(active, sNew, sineo1);
    coseo1 = vsel(active, cNew, coseo1);
  }
  KSIN = sineo1;
  KCOS = coseo1;
}

/**
 * Propagate the record at `rec` to `count` times (minutes `baseMin + times[k]`), two times per
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
  const incl = vs(load<f64>(rec + R.INCLO * 8)), sini = vs(load<f64>(rec + R.SINIO * 8)), cosi = vs(load<f64>(rec + R.COSIO * 8));
  const con41 = vs(load<f64>(rec + R.CON41 * 8)), x1mth2 = vs(load<f64>(rec + R.X1MTH2 * 8)), x7thm1 = vs(load<f64>(rec + R.X7THM1 * 8));
  const bstar = load<f64>(rec + R.BSTAR * 8);
  const bstarCc4 = vs(bstar * load<f64>(rec + R.CC4 * 8));
  const bstarCc5 = vs(bstar * load<f64>(rec + R.CC5 * 8));

  for (let k = 0; k < count; k += 2) {
    // Two times; an odd last one is computed twice and written once.
    const tp = times + (<usize>k << 3);
    const t0 = load<f64>(tp);
    const t = vadd(vs(baseMin), f64x2.replace_lane(f64x2.splat(t0), 1, k + 1 < count ? load<f64>(tp, 8) : t0));
    const xmdf = vadd(mo, vmul(mdot, t));
    const argpdf = vadd(argpo, vmul(argpdot, t));
    const t2 = vmul(t, t);
    const nodem = vadd(vadd(nodeo, vmul(nodedot, t)), vmul(nodecf, t2));
    let tempa = vsub(vs(1), vmul(cc1, t));
    let tempe = vmul(bstarCc4, t);
    let templ = vmul(t2cof, t2);
    let mm = xmdf;
    let argpm = argpdf;
    if (!simple) {
      vsincos(xmdf);
      const delmRoot = vadd(vs(1), vmul(eta, VCOS));
      const temp = vadd(vmul(omgcof, t), vmul(xmcof, vsub(vmul(vmul(delmRoot, delmRoot), delmRoot), delmo)));
      mm = vadd(xmdf, temp);
      argpm = vsub(argpdf, temp);
      const t3 = vmul(t2, t);
      const t4 = vmul(t3, t);
      tempa = vsub(vsub(vsub(tempa, vmul(d2, t2)), vmul(d3, t3)), vmul(d4, t4));
      vsincos(mm);
      tempe = vadd(tempe, vmul(bstarCc5, vsub(VSIN, sinmao)));
      templ = vadd(vadd(templ, vmul(t3cof, t3)), vmul(t4, vadd(t4cof, vmul(t, t5cof))));
    }
    const am = vmul(vmul(ao, tempa), tempa);
    const absTempa = f64x2.abs(tempa);
    const nm = vdiv(no, vmul(vmul(absTempa, absTempa), absTempa));
    let em = vsub(ecco, tempe);
    // Code 1 where e leaves [−0.001, 1) or a ≤ 0 (NaN included, as `!(am > 0)`).
    const bad1 = v128.or(v128.or(f64x2.ge(em, vs(1)), f64x2.lt(em, vs(-0.001))), v128.not(f64x2.gt(am, vs(0))));
    em = f64x2.pmax(em, vs(1e-6));
    mm = vadd(mm, vmul(no, templ));
    vsincos(argpm);
    const axnl = vmul(em, VCOS);
    const invAmOneMinusE2 = vdiv(vs(1), vmul(am, vsub(vs(1), vmul(em, em))));
    const aynl = vadd(vmul(em, VSIN), vmul(invAmOneMinusE2, aycof));
    const u = vremTwoPi(vadd(vadd(mm, argpm), vmul(vmul(invAmOneMinusE2, xlcof), axnl)));
    vOscState(axnl, aynl, u, am, nm, nodem, incl, sini, cosi, con41, x1mth2, x7thm1, bad1, pos, vel, err, k, k + 1 < count);
  }
}


/** Kepler, short-period terms and the TEME state of both lanes: keplerShortPeriod.ts's writeOsculatingState. */
@inline function vOscState(
  axnl: v128, aynl: v128, u: v128, am: v128, nm: v128, nodem: v128, inclo: v128, sinio: v128, cosio: v128,
  con41: v128, x1mth2: v128, x7thm1: v128, bad1: v128, pos: usize, vel: usize, err: usize, k: i32, second: bool,
): void {
  vkepler(u, axnl, aynl);
  const sineo1 = KSIN;
  const coseo1 = KCOS;
  const ecose = vadd(vmul(axnl, coseo1), vmul(aynl, sineo1));
  const esine = vsub(vmul(axnl, sineo1), vmul(aynl, coseo1));
  const el2 = vadd(vmul(axnl, axnl), vmul(aynl, aynl));
  const pl = vmul(am, vsub(vs(1), el2));
  const rl = vmul(am, vsub(vs(1), ecose));
  // One division by r for three quotients (and 1/ke below as a product): a rounding apart from
  // the scalar kernel's quotients, far below the kernels' agreement.
  const invRl = vdiv(vs(1), rl);
  const rdotl = vmul(vmul(f64x2.sqrt(am), esine), invRl);
  const rvdotl = vmul(f64x2.sqrt(pl), invRl);
  const betal = f64x2.sqrt(vsub(vs(1), el2));
  const ebeta = vdiv(esine, vadd(vs(1), betal));
  const aOverR = vmul(am, invRl);
  const sinu = vmul(aOverR, vsub(vsub(sineo1, aynl), vmul(axnl, ebeta)));
  const cosu = vmul(aOverR, vadd(vsub(coseo1, axnl), vmul(aynl, ebeta)));
  const sin2u = vmul(vadd(cosu, cosu), sinu);
  const cos2u = vsub(vs(1), vmul(vmul(vs(2), sinu), sinu));
  const invPl = vdiv(vs(1), pl);
  const temp1 = vmul(vs(C_J2HALF), invPl);
  const temp2 = vmul(temp1, invPl);
  const mrt = vadd(vmul(rl, vsub(vs(1), vmul(vmul(vmul(vs(1.5), temp2), betal), con41))), vmul(vmul(vmul(vs(0.5), temp1), x1mth2), cos2u));
  const dsu = vmul(vmul(vmul(vs(-0.25), temp2), x7thm1), sin2u);
  const xnode = vadd(nodem, vmul(vmul(vmul(vs(1.5), temp2), cosio), sin2u));
  const dinc = vmul(vmul(vmul(vmul(vs(1.5), temp2), cosio), sinio), cos2u);
  const nmTemp1OverKe = vmul(vmul(nm, temp1), vs(1 / C_XKE));
  const mvt = vsub(rdotl, vmul(vmul(nmTemp1OverKe, x1mth2), sin2u));
  const rvdot = vadd(rvdotl, vmul(nmTemp1OverKe, vadd(vmul(x1mth2, cos2u), vmul(vs(1.5), con41))));
  const invH = vdiv(vs(1), f64x2.sqrt(vadd(vmul(sinu, sinu), vmul(cosu, cosu))));
  const sinu0 = vmul(sinu, invH);
  const cosu0 = vmul(cosu, invH);
  // sin/cos of u + Δu and i + Δi by rotation (the scalar kernel's atan2 path for large Δ gives
  // the same angles: rotating (sin u, cos u) by Δu is sin/cos of atan2(sin u, cos u) + Δu).
  let sdu: v128, cdu: v128, sdi: v128, cdi: v128;
  const small = f64x2.lt(f64x2.max(f64x2.abs(dsu), f64x2.abs(dinc)), vs(0.01));
  if (i64x2.all_true(small)) {
    sdu = vsinSmall(dsu); cdu = vcosSmall(dsu);
    sdi = vsinSmall(dinc); cdi = vcosSmall(dinc);
  } else {
    vsincos(dsu); sdu = VSIN; cdu = VCOS;
    vsincos(dinc); sdi = VSIN; cdi = VCOS;
  }
  const sinsu = vadd(vmul(sinu0, cdu), vmul(cosu0, sdu));
  const cossu = vsub(vmul(cosu0, cdu), vmul(sinu0, sdu));
  const sini = vadd(vmul(sinio, cdi), vmul(cosio, sdi));
  const cosi = vsub(vmul(cosio, cdi), vmul(sinio, sdi));
  vsincos(xnode);
  const snod = VSIN;
  const cnod = VCOS;
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
  // Error code per lane, in the scalar kernel's order: 1 (mean e), 4 (p < 0), 6 (decayed).
  const code = vsel(bad1, vs(1), vsel(f64x2.lt(pl, vs(0)), vs(4), vsel(f64x2.lt(mrt, vs(1)), vs(6), vs(0))));
  writeLane(f64x2.extract_lane(code, 0), f64x2.extract_lane(px, 0), f64x2.extract_lane(py, 0), f64x2.extract_lane(pz, 0),
    f64x2.extract_lane(wx, 0), f64x2.extract_lane(wy, 0), f64x2.extract_lane(wz, 0), pos, vel, err, k);
  if (second) {
    writeLane(f64x2.extract_lane(code, 1), f64x2.extract_lane(px, 1), f64x2.extract_lane(py, 1), f64x2.extract_lane(pz, 1),
      f64x2.extract_lane(wx, 1), f64x2.extract_lane(wy, 1), f64x2.extract_lane(wz, 1), pos, vel, err, k + 1);
  }
}

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
