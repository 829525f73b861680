/**
 * Allocation-free deep-space SGP4 (SDP4, period ≥ 225 min), written from Hoots & Roehrich,
 * Spacetrack Report #3 (1980) §§ 7–10 with the corrections of Vallado, Crawford, Hujsak & Kelso,
 * "Revisiting Spacetrack Report #3", AIAA 2006-6753: improved ("i") mode, WGS-72.
 *
 * Per time: gravity secular rates and linear drag (the deep-space theory keeps only C1 and C4),
 * lunar-solar secular rates, the 12-h / 24-h geopotential resonance integrated in 720-min
 * Euler-Maclaurin steps from epoch, lunar-solar periodics (Lyddane's form below 0.2 rad of
 * inclination), then the long-period, Kepler and short-period part shared with the near-Earth
 * kernel. The resonance integrator's state is carried from one time to the next within a
 * span: its steps always fall on multiples of 720 min from epoch, so carrying it gives the same
 * bits as starting again from epoch for every time, as the reference implementation does.
 */
import { DEEP_SPACE_PERIOD_MIN, J3_OVER_J2, TWO_PI, XKE } from './constants.js';
import { Sgp4ErrorCode } from './errors.js';
import type { Sgp4Elements } from './elements.js';
import { brouwerMeanMotion, fillSgp4Record, invalidElementsReason, NearEarthInit, Sgp4RecordIndex as I } from './nearEarthKernel.js';
import { OSC, OSC_AM, OSC_AXNL, OSC_AYNL, OSC_CON41, OSC_COSI, OSC_INCL, OSC_NM, OSC_NODE, OSC_SINI, OSC_U, OSC_X1MTH2, OSC_X7THM1, setError, writeOsculatingState } from './keplerShortPeriod.js';
import { EARTH_ROTATION_RAD_PER_MIN, fillDeepSpaceRecord, MOON_ECCENTRICITY, MOON_MEAN_MOTION, SUN_ECCENTRICITY, SUN_MEAN_MOTION } from './deepSpaceInit.js';
import * as D from './deepSpaceRecord.js';
import { cosSmall, sinSmall } from './smallAngle.js';

export { DEEP_SPACE_STRIDE } from './deepSpaceRecord.js';

/**
 * x mod 2π with the sign of x, as the reference's fmod: exact for |x| < 2π, otherwise off by a
 * few ulps of 2π·k (far below 1e-12 rad for the angles SGP4 reduces), and inlined where `%` on
 * doubles is a library call.
 */
function remTwoPi(x: number): number {
  return x - TWO_PI * Math.trunc(x / TWO_PI);
}

/** Resonance integrator step, min, and half its square (STR#3 §10: STEPP, STEP2). */
const STEP_MIN = 720;
const HALF_STEP_SQ = 259200;

/**
 * Fill a deep-space record at `rec[off … off+DEEP_SPACE_STRIDE)`. Returns DeepSpace when filled,
 * Ok when the orbit is near-Earth (nothing filled: use the near-Earth kernel), Invalid when the
 * elements cannot be propagated.
 */
export function initDeepSpaceRecord(el: Sgp4Elements, rec: Float64Array, off: number): NearEarthInit {
  if (invalidElementsReason(el) !== '') return NearEarthInit.Invalid;
  const no = brouwerMeanMotion(el);
  if (TWO_PI / no < DEEP_SPACE_PERIOD_MIN) return NearEarthInit.Ok;
  fillSgp4Record(el, no, rec, off);
  fillDeepSpaceRecord(el, rec, off);
  return NearEarthInit.DeepSpace;
}

/** One body's periodic terms at time t: e, i, L, gh, h (summed by the caller). */
const bodyOut = new Float64Array(5);

function bodyPeriodics(rec: Float64Array, at: number, meanMotion: number, eBody: number): void {
  const zm = rec[at + D.P_ZM0] + meanMotion * meanOut[M_T];
  const sinzm = Math.sin(zm);
  const coszm = Math.cos(zm);
  // zf = zm + δ with |δ| = |2e sin zm| ≤ 0.11 (e of the Moon's orbit 0.0549): sin/cos of zf by
  // rotating (sin zm, cos zm) by δ, two trig calls a body instead of three.
  const delta = 2 * eBody * sinzm;
  const sinD = sinSmall(delta);
  const cosD = cosSmall(delta);
  const sinzf = sinzm * cosD + coszm * sinD;
  const coszf = coszm * cosD - sinzm * sinD;
  const f2 = 0.5 * sinzf * sinzf - 0.25;
  const f3 = -0.5 * sinzf * coszf;
  bodyOut[0] = rec[at + D.P_E2] * f2 + rec[at + D.P_E3] * f3;
  bodyOut[1] = rec[at + D.P_I2] * f2 + rec[at + D.P_I3] * f3;
  bodyOut[2] = rec[at + D.P_L2] * f2 + rec[at + D.P_L3] * f3 + rec[at + D.P_L4] * sinzf;
  bodyOut[3] = rec[at + D.P_GH2] * f2 + rec[at + D.P_GH3] * f3 + rec[at + D.P_GH4] * sinzf;
  bodyOut[4] = rec[at + D.P_H2] * f2 + rec[at + D.P_H3] * f3;
}

/** dn/dt, d²n/dt², dλ/dt at the integrator's node (STR#3 §10, the DEEP "dot terms"), stored in the record. */
function resonanceDerivatives(rec: Float64Array, off: number, irez: number): void {
  const xli = rec[off + D.D_XLI];
  let xndt: number;
  let xnddt: number;
  if (irez !== 2) {
    const del1 = rec[off + D.D_DEL1];
    const del2 = rec[off + D.D_DEL2];
    const del3 = rec[off + D.D_DEL3];
    xndt = del1 * Math.sin(xli - 0.13130908) + del2 * Math.sin(2 * (xli - 2.8843198)) + del3 * Math.sin(3 * (xli - 0.37448087));
    xnddt = del1 * Math.cos(xli - 0.13130908) + 2 * del2 * Math.cos(2 * (xli - 2.8843198)) + 3 * del3 * Math.cos(3 * (xli - 0.37448087));
  } else {
    const w = rec[off + I.ARGPO] + rec[off + I.ARGPDOT] * rec[off + D.D_ATIME];
    const w2 = w + w;
    const l2 = xli + xli;
    // Phases G22, G32, G44, G52, G54 of the tesseral harmonics (STR#3 §10).
    const a1 = w2 + xli - 5.7686396;
    const a2 = xli - 5.7686396;
    const a3 = w + xli - 0.95240898;
    const a4 = -w + xli - 0.95240898;
    const a5 = w2 + l2 - 1.8014998;
    const a6 = l2 - 1.8014998;
    const a7 = w + xli - 1.050833;
    const a8 = -w + xli - 1.050833;
    const a9 = w + l2 - 4.4108898;
    const a10 = -w + l2 - 4.4108898;
    xndt =
      rec[off + D.D_D2201] * Math.sin(a1) + rec[off + D.D_D2211] * Math.sin(a2) + rec[off + D.D_D3210] * Math.sin(a3) +
      rec[off + D.D_D3222] * Math.sin(a4) + rec[off + D.D_D4410] * Math.sin(a5) + rec[off + D.D_D4422] * Math.sin(a6) +
      rec[off + D.D_D5220] * Math.sin(a7) + rec[off + D.D_D5232] * Math.sin(a8) + rec[off + D.D_D5421] * Math.sin(a9) +
      rec[off + D.D_D5433] * Math.sin(a10);
    xnddt =
      rec[off + D.D_D2201] * Math.cos(a1) + rec[off + D.D_D2211] * Math.cos(a2) + rec[off + D.D_D3210] * Math.cos(a3) +
      rec[off + D.D_D3222] * Math.cos(a4) + rec[off + D.D_D5220] * Math.cos(a7) + rec[off + D.D_D5232] * Math.cos(a8) +
      2 * (rec[off + D.D_D4410] * Math.cos(a5) + rec[off + D.D_D4422] * Math.cos(a6) + rec[off + D.D_D5421] * Math.cos(a9) +
        rec[off + D.D_D5433] * Math.cos(a10));
  }
  const xldot = rec[off + D.D_XNI] + rec[off + D.D_XFACT];
  rec[off + D.D_XNDT] = xndt;
  rec[off + D.D_XLDOT] = xldot;
  rec[off + D.D_XNDDT] = xnddt * xldot;
  rec[off + D.D_FRESH] = 1;
}

/** n(t) and λ(t) of the resonance integration, [n, λ]. */
const resOut = new Float64Array(2);

/**
 * Integrate the resonant mean longitude λ and mean motion n (STR#3 §10) from the record's
 * current node, or from epoch when t lies behind it or on the other side of epoch, to t (min).
 */
function integrateResonance(rec: Float64Array, off: number, irez: number, t: number): void {
  const no = rec[off + I.NO];
  let atime = rec[off + D.D_ATIME];
  if (atime === 0 || t * atime <= 0 || Math.abs(t) < Math.abs(atime)) {
    if (atime !== 0 || rec[off + D.D_FRESH] === 0) {
      atime = 0;
      rec[off + D.D_ATIME] = 0;
      rec[off + D.D_XNI] = no;
      rec[off + D.D_XLI] = rec[off + D.D_XLAMO];
      rec[off + D.D_FRESH] = 0;
    }
  }
  const delt = t > 0 ? STEP_MIN : -STEP_MIN;
  for (;;) {
    if (rec[off + D.D_FRESH] === 0) resonanceDerivatives(rec, off, irez);
    if (Math.abs(t - atime) < STEP_MIN) break;
    const xndt = rec[off + D.D_XNDT];
    rec[off + D.D_XLI] += rec[off + D.D_XLDOT] * delt + xndt * HALF_STEP_SQ;
    rec[off + D.D_XNI] += xndt * delt + rec[off + D.D_XNDDT] * HALF_STEP_SQ;
    atime += delt;
    rec[off + D.D_ATIME] = atime;
    rec[off + D.D_FRESH] = 0;
  }
  const ft = t - atime;
  const xndt = rec[off + D.D_XNDT];
  resOut[0] = rec[off + D.D_XNI] + xndt * ft + rec[off + D.D_XNDDT] * ft * ft * 0.5;
  resOut[1] = rec[off + D.D_XLI] + rec[off + D.D_XLDOT] * ft + xndt * ft * ft * 0.5;
}

/**
 * Propagate one deep-space satellite (record at `off`) to `count` times: tsince = `baseMin +
 * times[t0 + k]` minutes from its epoch. Same output contract as `propagateNearEarth`. Updates
 * the record's resonance integrator state (so one record must not be shared between threads).
 */
export function propagateDeepSpace(
  rec: Float64Array,
  off: number,
  baseMin: number,
  times: Float64Array,
  t0: number,
  count: number,
  pos: Float64Array,
  vel: Float64Array,
  err: Uint8Array,
  outIndex: number,
): void {
  const irez = rec[off + D.D_IREZ];
  for (let k = 0; k < count; k++) {
    const o = outIndex + k;
    meanOut[M_T] = baseMin + times[t0 + k];
    if (!meanElementsAt(rec, off, irez)) {
      setError(pos, vel, err, o, meanOut[M_ERR]);
      continue;
    }
    if (!periodicsAt(rec, off)) {
      setError(pos, vel, err, o, Sgp4ErrorCode.PerturbedEccentricityOutOfRange);
      continue;
    }
    longPeriodAndState(pos, vel, err, o);
  }
}

// Mean elements at t, then the osculating-ish elements after the lunar-solar periodics.
// (Doubles travel in typed arrays, not as arguments: boxed arguments would allocate per call.)
const M_AM = 0, M_NM = 1, M_EM = 2, M_INCL = 3, M_ARGP = 4, M_NODE = 5, M_MM = 6, M_ERR = 7, M_T = 8;
const meanOut = new Float64Array(9);

/** Secular gravity, drag, lunar-solar secular and resonance terms at t; false on error (code in meanOut). */
function meanElementsAt(rec: Float64Array, off: number, irez: number): boolean {
  const t = meanOut[M_T];
  const no = rec[off + I.NO];
  const t2 = t * t;
  const tempa = 1 - rec[off + I.CC1] * t;
  const tempe = rec[off + I.BSTAR] * rec[off + I.CC4] * t;
  const templ = rec[off + I.T2COF] * t2;
  let em = rec[off + I.ECCO] + rec[off + D.D_DEDT] * t;
  const inclm = rec[off + I.INCLO] + rec[off + D.D_DIDT] * t;
  let argpm = rec[off + I.ARGPO] + rec[off + I.ARGPDOT] * t + rec[off + D.D_DOMDT] * t;
  let nodem = rec[off + I.NODEO] + rec[off + I.NODEDOT] * t + rec[off + I.NODECF] * t2 + rec[off + D.D_DNODT] * t;
  let mm = rec[off + I.MO] + rec[off + I.MDOT] * t + rec[off + D.D_DMDT] * t;
  let nm = no;
  if (irez !== 0) {
    integrateResonance(rec, off, irez, t);
    const theta = remTwoPi(rec[off + D.D_GSTO] + t * EARTH_ROTATION_RAD_PER_MIN);
    const xl = resOut[1];
    mm = irez !== 1 ? xl - 2 * nodem + 2 * theta : xl - nodem - argpm + theta;
    nm = no + (resOut[0] - no);
  }
  if (nm <= 0) {
    meanOut[M_ERR] = Sgp4ErrorCode.MeanMotionBelowZero;
    return false;
  }
  // a = (ke/n)^(2/3)·tempa², n = ke/a^1.5. Without resonance n is n0'' and (ke/n0'')^(2/3) is the
  // record's a0'' (the same bits); cbrt and sqrt instead of pow differ from it by an ulp or so.
  let am: number;
  if (irez === 0) {
    am = rec[off + I.AO] * tempa * tempa;
  } else {
    const ratio = XKE / nm;
    am = Math.cbrt(ratio * ratio) * tempa * tempa;
  }
  nm = XKE / (am * Math.sqrt(am));
  em -= tempe;
  if (em >= 1 || em < -0.001) {
    meanOut[M_ERR] = Sgp4ErrorCode.MeanEccentricityOutOfRange;
    return false;
  }
  if (em < 1e-6) em = 1e-6;
  mm += no * templ;
  // Reduce the angles as the reference does: the Lyddane branch below depends on Ω mod 2π.
  let xlm = mm + argpm + nodem;
  nodem = remTwoPi(nodem);
  argpm = remTwoPi(argpm);
  xlm = remTwoPi(xlm);
  meanOut[M_AM] = am;
  meanOut[M_NM] = nm;
  meanOut[M_EM] = em;
  meanOut[M_INCL] = inclm;
  meanOut[M_ARGP] = argpm;
  meanOut[M_NODE] = nodem;
  meanOut[M_MM] = remTwoPi(xlm - argpm - nodem);
  return true;
}

/** Elements after the lunar-solar periodics (M_* slots reused), and sin/cos of the inclination. */
const P_SINI = 8, P_COSI = 9;
const perOut = new Float64Array(10);

/**
 * Lunar-solar periodics (STR#3 §10, DPPER). Above 0.2 rad of inclination they are added to ω, Ω
 * and M directly; below, Lyddane's modification applies them to sin i·sin Ω and sin i·cos Ω to
 * avoid the 1/sin i singularity (AIAA 2006-6753 keeps this choice). False when e leaves [0, 1].
 */
function periodicsAt(rec: Float64Array, off: number): boolean {
  bodyPeriodics(rec, off + D.D_SUN, SUN_MEAN_MOTION, SUN_ECCENTRICITY);
  let pe = bodyOut[0], pinc = bodyOut[1], pl = bodyOut[2], pgh = bodyOut[3], ph = bodyOut[4];
  bodyPeriodics(rec, off + D.D_MOON, MOON_MEAN_MOTION, MOON_ECCENTRICITY);
  pe += bodyOut[0];
  pinc += bodyOut[1];
  pl += bodyOut[2];
  pgh += bodyOut[3];
  ph += bodyOut[4];
  let inclp = meanOut[M_INCL] + pinc;
  const ep = meanOut[M_EM] + pe;
  // i moves from i0 by the lunar-solar rate and periodics, ~1e-3 rad in a year: sin/cos by
  // rotating the record's sin/cos i0 while that is small.
  const dIncl = inclp - rec[off + I.INCLO];
  let sinip: number;
  let cosip: number;
  if (Math.abs(dIncl) < 0.12) {
    const sinD = sinSmall(dIncl);
    const cosD = cosSmall(dIncl);
    sinip = rec[off + I.SINIO] * cosD + rec[off + I.COSIO] * sinD;
    cosip = rec[off + I.COSIO] * cosD - rec[off + I.SINIO] * sinD;
  } else {
    sinip = Math.sin(inclp);
    cosip = Math.cos(inclp);
  }
  let argpp: number;
  let nodep: number;
  const mp = meanOut[M_MM] + pl;
  if (inclp >= 0.2) {
    ph /= sinip;
    pgh -= cosip * ph;
    argpp = meanOut[M_ARGP] + pgh;
    nodep = meanOut[M_NODE] + ph;
  } else {
    const node = meanOut[M_NODE];
    const sinop = Math.sin(node);
    const cosop = Math.cos(node);
    const alfdp = sinip * sinop + (ph * cosop + pinc * cosip * sinop);
    const betdp = sinip * cosop + (-ph * sinop + pinc * cosip * cosop);
    const nodeMod = node; // already reduced to (−2π, 2π)
    const xls = meanOut[M_MM] + meanOut[M_ARGP] + cosip * nodeMod + (pl + pgh - pinc * nodeMod * sinip);
    nodep = Math.atan2(alfdp, betdp);
    if (Math.abs(nodeMod - nodep) > Math.PI) nodep += nodep < nodeMod ? TWO_PI : -TWO_PI;
    argpp = xls - mp - cosip * nodep;
  }
  if (inclp < 0) {
    inclp = -inclp;
    nodep += Math.PI;
    argpp -= Math.PI;
    sinip = Math.sin(inclp);
    cosip = Math.cos(inclp);
  }
  if (ep < 0 || ep > 1) return false;
  perOut[M_EM] = ep;
  perOut[M_INCL] = inclp;
  perOut[M_ARGP] = argpp;
  perOut[M_NODE] = nodep;
  perOut[M_MM] = mp;
  perOut[P_SINI] = sinip;
  perOut[P_COSI] = cosip;
  return true;
}

/** Long-period periodics with the perturbed inclination, then Kepler, short-period and output. */
function longPeriodAndState(pos: Float64Array, vel: Float64Array, err: Uint8Array, o: number): void {
  const am = meanOut[M_AM];
  const ep = perOut[M_EM];
  const argpp = perOut[M_ARGP];
  const nodep = perOut[M_NODE];
  const sinip = perOut[P_SINI];
  const cosip = perOut[P_COSI];
  const aycof = -0.5 * J3_OVER_J2 * sinip;
  const onePlusCos = 1 + cosip;
  const xlcof = (-0.25 * J3_OVER_J2 * sinip * (3 + 5 * cosip)) / (Math.abs(onePlusCos) > 1.5e-12 ? onePlusCos : 1.5e-12);
  const axnl = ep * Math.cos(argpp);
  const temp = 1 / (am * (1 - ep * ep));
  const aynl = ep * Math.sin(argpp) + temp * aycof;
  const xl = perOut[M_MM] + argpp + nodep + temp * xlcof * axnl;
  const u = remTwoPi(xl - nodep);
  const cosisq = cosip * cosip;
  OSC[OSC_AXNL] = axnl;
  OSC[OSC_AYNL] = aynl;
  OSC[OSC_U] = u;
  OSC[OSC_AM] = am;
  OSC[OSC_NM] = meanOut[M_NM];
  OSC[OSC_NODE] = nodep;
  OSC[OSC_INCL] = perOut[M_INCL];
  OSC[OSC_SINI] = sinip;
  OSC[OSC_COSI] = cosip;
  OSC[OSC_CON41] = 3 * cosisq - 1;
  OSC[OSC_X1MTH2] = 1 - cosisq;
  OSC[OSC_X7THM1] = 7 * cosisq - 1;
  writeOsculatingState(pos, vel, err, o);
}
