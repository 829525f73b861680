/**
 * Allocation-free near-Earth SGP4 (period < 225 min), written from the published equations:
 * Hoots & Roehrich, Spacetrack Report #3 (1980) §6 "SGP4", with the corrections collected in
 * Vallado, Crawford, Hujsak & Kelso, "Revisiting Spacetrack Report #3", AIAA 2006-6753
 * (recovery of the Brouwer mean motion, perigee-dependent s and q0−s, simplified drag below
 * 220 km perigee, eccentricity floor 1e-6, Kepler step limit 0.95, error codes). Improved
 * ("i") mode, WGS-72.
 *
 * Per satellite, initialisation packs the secular and drag coefficients into one fixed-stride
 * record of a Float64Array; propagation loads that record into locals once and loops over the
 * times, writing position (km) and velocity (km/s) into caller-owned Float64Arrays. Deep-space
 * objects go through deepSpaceKernel.ts, which shares this record's head and keplerShortPeriod.ts.
 */
import {
  J3_OVER_J2,
  Q0_KM,
  S0_KM,
  SIMPLE_DRAG_PERIGEE_KM,
  DEEP_SPACE_PERIOD_MIN,
  TWO_PI,
  WGS72_J2,
  WGS72_J4,
  WGS72_RADIUS_KM,
  XKE,
  REV_PER_DAY_PER_RAD_PER_MIN,
  remTwoPi,
} from './constants.js';
import { MAX_ABS_BSTAR, MEAN_MOTION_RANGE_REV_PER_DAY } from '../../foundation/formats/meanElements.js';
import { Sgp4ErrorCode } from './errors.js';
import type { Sgp4Elements } from './elements.js';
import { OSC, OSC_AM, OSC_AXNL, OSC_AYNL, OSC_CON41, OSC_COSI, OSC_INCL, OSC_NM, OSC_NODE, OSC_SINI, OSC_U, OSC_X1MTH2, OSC_X7THM1, setError, writeOsculatingState } from './keplerShortPeriod.js';

// Record layout (indices into a satellite's stride).
const R_SIMPLE = 0; // 1 when perigee < 220 km: higher-order drag terms dropped
const R_MO = 1;
const R_MDOT = 2;
const R_ARGPO = 3;
const R_ARGPDOT = 4;
const R_NODEO = 5;
const R_NODEDOT = 6;
const R_NODECF = 7;
const R_CC1 = 8;
const R_CC4 = 9;
const R_CC5 = 10;
const R_T2COF = 11;
const R_OMGCOF = 12;
const R_XMCOF = 13;
const R_ETA = 14;
const R_DELMO = 15;
const R_D2 = 16;
const R_D3 = 17;
const R_D4 = 18;
const R_T3COF = 19;
const R_T4COF = 20;
const R_T5COF = 21;
const R_SINMAO = 22;
const R_BSTAR = 23;
const R_NO = 24; // Brouwer ("un-Kozai'd") mean motion, rad/min
const R_ECCO = 25;
const R_INCLO = 26;
const R_SINIO = 27;
const R_COSIO = 28;
const R_XLCOF = 29;
const R_AYCOF = 30;
const R_CON41 = 31;
const R_X1MTH2 = 32;
const R_X7THM1 = 33;
const R_AO = 34; // (ke / n0'')^(2/3), earth radii
/** Where the deep-space kernel finds the shared fields of a record. */
export const Sgp4RecordIndex = {
  MO: R_MO,
  MDOT: R_MDOT,
  ARGPO: R_ARGPO,
  ARGPDOT: R_ARGPDOT,
  NODEO: R_NODEO,
  NODEDOT: R_NODEDOT,
  NODECF: R_NODECF,
  CC1: R_CC1,
  CC4: R_CC4,
  T2COF: R_T2COF,
  BSTAR: R_BSTAR,
  NO: R_NO,
  ECCO: R_ECCO,
  INCLO: R_INCLO,
  SINIO: R_SINIO,
  COSIO: R_COSIO,
  AO: R_AO,
} as const;
/** Doubles per satellite record. */
export const NEAR_EARTH_STRIDE = 36;

/** Result of {@link initNearEarthRecord}. */
export const NearEarthInit = { Ok: 0, DeepSpace: 1, Invalid: 2 } as const;
export type NearEarthInit = (typeof NearEarthInit)[keyof typeof NearEarthInit];

const X2O3 = 2 / 3;

/** True when the elements are propagated with SDP4 (period ≥ 225 min, STR#3 §5). */
export function isSgp4DeepSpace(el: Sgp4Elements): boolean {
  return TWO_PI / brouwerMeanMotion(el) >= DEEP_SPACE_PERIOD_MIN;
}

/** Elements SGP4 cannot start from at all; a reason, or '' when fine. */
export function invalidElementsReason(el: Sgp4Elements): string {
  const fields: [string, number][] = [
    ['meanMotion', el.meanMotionRadPerMin],
    ['eccentricity', el.eccentricity],
    ['inclination', el.inclinationRad],
    ['raan', el.raanRad],
    ['argPerigee', el.argPerigeeRad],
    ['meanAnomaly', el.meanAnomalyRad],
    ['bstar', el.bstar],
  ];
  for (const [name, v] of fields) if (!Number.isFinite(v)) return `${name} is ${v}`;
  if (!(el.meanMotionRadPerMin > 0)) return `mean motion ${el.meanMotionRadPerMin} rad/min is not positive`;
  // Only the upper bound here: SGP4's own error codes cover tiny mean motions (verification case 33334).
  const revPerDay = el.meanMotionRadPerMin * REV_PER_DAY_PER_RAD_PER_MIN;
  const { max } = MEAN_MOTION_RANGE_REV_PER_DAY;
  if (!(revPerDay <= max)) return `mean motion ${revPerDay} rev/day is above ${max} (no Earth orbit)`;
  // A denormal mean motion (1e-320) makes the semi-major axis overflow: NaN states with code 0.
  if (!Number.isFinite(Math.pow(XKE / el.meanMotionRadPerMin, X2O3))) return `mean motion ${revPerDay} rev/day gives an infinite semi-major axis`;
  if (Math.abs(el.bstar) > MAX_ABS_BSTAR) return `B* ${el.bstar} is beyond ±${MAX_ABS_BSTAR} (its drag terms overflow)`;
  if (!(el.eccentricity >= 0 && el.eccentricity < 1)) return `eccentricity ${el.eccentricity} not in [0, 1)`;
  return '';
}

/** Brouwer mean motion n0'' from the Kozai mean motion of the element set (STR#3 §6, eqs. for a1, δ1, a0, δ0). */
export function brouwerMeanMotion(el: Sgp4Elements): number {
  const cosio = Math.cos(el.inclinationRad);
  const omeosq = 1 - el.eccentricity * el.eccentricity;
  const ak = Math.pow(XKE / el.meanMotionRadPerMin, X2O3);
  const d1 = (0.75 * WGS72_J2 * (3 * cosio * cosio - 1)) / (Math.sqrt(omeosq) * omeosq);
  let del = d1 / (ak * ak);
  const adel = ak * (1 - del * del - del * (1 / 3 + (134 * del * del) / 81));
  del = d1 / (adel * adel);
  return el.meanMotionRadPerMin / (1 + del);
}

/**
 * Fill the record at `rec[off … off+NEAR_EARTH_STRIDE)` with the secular and drag coefficients of
 * SGP4 (STR#3 §6 initialisation, with AIAA 2006-6753 changes). Returns DeepSpace without filling
 * when the orbit needs SDP4, Invalid when the elements cannot be propagated.
 */
export function initNearEarthRecord(el: Sgp4Elements, rec: Float64Array, off: number): NearEarthInit {
  if (invalidElementsReason(el) !== '') return NearEarthInit.Invalid;
  const no = brouwerMeanMotion(el);
  if (TWO_PI / no >= DEEP_SPACE_PERIOD_MIN) return NearEarthInit.DeepSpace;
  fillSgp4Record(el, no, rec, off);
  return NearEarthInit.Ok;
}

/**
 * The initialisation both theories share (gravity secular rates, drag coefficients, long-period
 * factors at epoch) for elements already checked, with `no` the Brouwer mean motion. The deep-space
 * kernel keeps this record as the head of its own.
 */
export function fillSgp4Record(el: Sgp4Elements, no: number, rec: Float64Array, off: number): void {
  const ecco = el.eccentricity;
  const inclo = el.inclinationRad;
  const bstar = el.bstar;
  const cosio = Math.cos(inclo);
  const sinio = Math.sin(inclo);
  const cosio2 = cosio * cosio;
  const eccsq = ecco * ecco;
  const omeosq = 1 - eccsq;
  const rteosq = Math.sqrt(omeosq);
  const ao = Math.pow(XKE / no, X2O3);
  const po = ao * omeosq;
  const con42 = 1 - 5 * cosio2;
  const con41 = 3 * cosio2 - 1;
  const posq = po * po;
  const rp = ao * (1 - ecco); // perigee radius, earth radii

  // Density-function parameters s and (q0 − s)^4, lowered for perigees under 156 km (STR#3 §6 and
  // AIAA 2006-6753 §IV: s = perigee − 78 km, floored at 20 km below 98 km).
  let sfourKm = S0_KM;
  const perigeeKm = (rp - 1) * WGS72_RADIUS_KM;
  if (perigeeKm < 156) {
    sfourKm = perigeeKm < 98 ? 20 : perigeeKm - S0_KM;
  }
  // Math.pow, not repeated products: the last bits then agree with the reference implementation,
  // which matters for heavy-drag objects far from epoch (the drag polynomial amplifies them).
  const qzms24 = Math.pow((Q0_KM - sfourKm) / WGS72_RADIUS_KM, 4);
  const sfour = sfourKm / WGS72_RADIUS_KM + 1;
  const simple = rp < SIMPLE_DRAG_PERIGEE_KM / WGS72_RADIUS_KM + 1;

  const pinvsq = 1 / posq;
  const tsi = 1 / (ao - sfour);
  const eta = ao * ecco * tsi;
  const etasq = eta * eta;
  const eeta = ecco * eta;
  const psisq = Math.abs(1 - etasq);
  const coef = qzms24 * Math.pow(tsi, 4);
  const coef1 = coef / Math.pow(psisq, 3.5);
  const cc2 =
    coef1 *
    no *
    (ao * (1 + 1.5 * etasq + eeta * (4 + etasq)) +
      ((0.375 * WGS72_J2 * tsi) / psisq) * con41 * (8 + 3 * etasq * (8 + etasq)));
  const cc1 = bstar * cc2;
  const cc3 = ecco > 1e-4 ? (-2 * coef * tsi * J3_OVER_J2 * no * sinio) / ecco : 0;
  const x1mth2 = 1 - cosio2;
  const cc4 =
    2 *
    no *
    coef1 *
    ao *
    omeosq *
    (eta * (2 + 0.5 * etasq) +
      ecco * (0.5 + 2 * etasq) -
      ((WGS72_J2 * tsi) / (ao * psisq)) *
        (-3 * con41 * (1 - 2 * eeta + etasq * (1.5 - 0.5 * eeta)) +
          0.75 * x1mth2 * (2 * etasq - eeta * (1 + etasq)) * Math.cos(2 * el.argPerigeeRad)));
  const cc5 = 2 * coef1 * ao * omeosq * (1 + 2.75 * (etasq + eeta) + eeta * etasq);

  // Secular rates of M, ω, Ω from J2 and J4 (STR#3 §6).
  const cosio4 = cosio2 * cosio2;
  const temp1 = 1.5 * WGS72_J2 * pinvsq * no;
  const temp2 = 0.5 * temp1 * WGS72_J2 * pinvsq;
  const temp3 = -0.46875 * WGS72_J4 * pinvsq * pinvsq * no;
  const mdot = no + 0.5 * temp1 * rteosq * con41 + 0.0625 * temp2 * rteosq * (13 - 78 * cosio2 + 137 * cosio4);
  const argpdot =
    -0.5 * temp1 * con42 + 0.0625 * temp2 * (7 - 114 * cosio2 + 395 * cosio4) + temp3 * (3 - 36 * cosio2 + 49 * cosio4);
  const xhdot1 = -temp1 * cosio;
  const nodedot = xhdot1 + (0.5 * temp2 * (4 - 19 * cosio2) + 2 * temp3 * (3 - 7 * cosio2)) * cosio;

  const onePlusCos = 1 + cosio;
  // Guard the 1/(1+cos i) singularity at i = 180° as AIAA 2006-6753 does.
  const xlcof = (-0.25 * J3_OVER_J2 * sinio * (3 + 5 * cosio)) / (Math.abs(onePlusCos) > 1.5e-12 ? onePlusCos : 1.5e-12);
  const delmoRoot = 1 + eta * Math.cos(el.meanAnomalyRad);

  rec[off + R_SIMPLE] = simple ? 1 : 0;
  rec[off + R_MO] = el.meanAnomalyRad;
  rec[off + R_MDOT] = mdot;
  rec[off + R_ARGPO] = el.argPerigeeRad;
  rec[off + R_ARGPDOT] = argpdot;
  rec[off + R_NODEO] = el.raanRad;
  rec[off + R_NODEDOT] = nodedot;
  rec[off + R_NODECF] = 3.5 * omeosq * xhdot1 * cc1;
  rec[off + R_CC1] = cc1;
  rec[off + R_CC4] = cc4;
  rec[off + R_CC5] = cc5;
  rec[off + R_T2COF] = 1.5 * cc1;
  rec[off + R_OMGCOF] = bstar * cc3 * Math.cos(el.argPerigeeRad);
  rec[off + R_XMCOF] = ecco > 1e-4 ? (-X2O3 * coef * bstar) / eeta : 0;
  rec[off + R_ETA] = eta;
  rec[off + R_DELMO] = delmoRoot * delmoRoot * delmoRoot;
  rec[off + R_SINMAO] = Math.sin(el.meanAnomalyRad);
  rec[off + R_BSTAR] = bstar;
  rec[off + R_NO] = no;
  rec[off + R_ECCO] = ecco;
  rec[off + R_INCLO] = inclo;
  rec[off + R_SINIO] = sinio;
  rec[off + R_COSIO] = cosio;
  rec[off + R_XLCOF] = xlcof;
  rec[off + R_AYCOF] = -0.5 * J3_OVER_J2 * sinio;
  rec[off + R_CON41] = con41;
  rec[off + R_X1MTH2] = x1mth2;
  rec[off + R_X7THM1] = 7 * cosio2 - 1;
  rec[off + R_AO] = ao;

  let d2 = 0;
  let d3 = 0;
  let d4 = 0;
  let t3cof = 0;
  let t4cof = 0;
  let t5cof = 0;
  if (!simple) {
    const cc1sq = cc1 * cc1;
    d2 = 4 * ao * tsi * cc1sq;
    const temp = (d2 * tsi * cc1) / 3;
    d3 = (17 * ao + sfour) * temp;
    d4 = 0.5 * temp * ao * tsi * (221 * ao + 31 * sfour) * cc1;
    t3cof = d2 + 2 * cc1sq;
    t4cof = 0.25 * (3 * d3 + cc1 * (12 * d2 + 10 * cc1sq));
    t5cof = 0.2 * (3 * d4 + 12 * cc1 * d3 + 6 * d2 * d2 + 15 * cc1sq * (2 * d2 + cc1sq));
  }
  rec[off + R_D2] = d2;
  rec[off + R_D3] = d3;
  rec[off + R_D4] = d4;
  rec[off + R_T3COF] = t3cof;
  rec[off + R_T4COF] = t4cof;
  rec[off + R_T5COF] = t5cof;
}

/**
 * Propagate one satellite (record at `off`) to `count` times: tsince = `baseMin + times[t0 + k]`
 * minutes from its epoch, k = 0 … count−1. Writes TEME position (km) to `pos[3·(outIndex+k) …]`,
 * velocity (km/s) to `vel[…]` and the SGP4 error code to `err[outIndex+k]`; entries with an error
 * get NaN position and velocity. No allocation.
 */
export function propagateNearEarth(
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
  const simple = rec[off + R_SIMPLE] !== 0;
  const mo = rec[off + R_MO];
  const mdot = rec[off + R_MDOT];
  const argpo = rec[off + R_ARGPO];
  const argpdot = rec[off + R_ARGPDOT];
  const nodeo = rec[off + R_NODEO];
  const nodedot = rec[off + R_NODEDOT];
  const nodecf = rec[off + R_NODECF];
  const cc1 = rec[off + R_CC1];
  const cc4 = rec[off + R_CC4];
  const cc5 = rec[off + R_CC5];
  const t2cof = rec[off + R_T2COF];
  const omgcof = rec[off + R_OMGCOF];
  const xmcof = rec[off + R_XMCOF];
  const eta = rec[off + R_ETA];
  const delmo = rec[off + R_DELMO];
  const d2 = rec[off + R_D2];
  const d3 = rec[off + R_D3];
  const d4 = rec[off + R_D4];
  const t3cof = rec[off + R_T3COF];
  const t4cof = rec[off + R_T4COF];
  const t5cof = rec[off + R_T5COF];
  const sinmao = rec[off + R_SINMAO];
  const bstar = rec[off + R_BSTAR];
  const no = rec[off + R_NO];
  const ecco = rec[off + R_ECCO];
  const inclo = rec[off + R_INCLO];
  const sinio = rec[off + R_SINIO];
  const cosio = rec[off + R_COSIO];
  const xlcof = rec[off + R_XLCOF];
  const aycof = rec[off + R_AYCOF];
  const con41 = rec[off + R_CON41];
  const x1mth2 = rec[off + R_X1MTH2];
  const x7thm1 = rec[off + R_X7THM1];
  const ao = rec[off + R_AO];
  const bstarCc4 = bstar * cc4;
  const bstarCc5 = bstar * cc5;

  OSC[OSC_INCL] = inclo;
  OSC[OSC_SINI] = sinio;
  OSC[OSC_COSI] = cosio;
  OSC[OSC_CON41] = con41;
  OSC[OSC_X1MTH2] = x1mth2;
  OSC[OSC_X7THM1] = x7thm1;
  for (let k = 0; k < count; k++) {
    const t = baseMin + times[t0 + k];
    const o = outIndex + k;
    // Secular gravity and drag (STR#3 §6).
    const xmdf = mo + mdot * t;
    const argpdf = argpo + argpdot * t;
    const t2 = t * t;
    const nodem = nodeo + nodedot * t + nodecf * t2;
    let tempa = 1 - cc1 * t;
    let tempe = bstarCc4 * t;
    let templ = t2cof * t2;
    let mm = xmdf;
    let argpm = argpdf;
    if (!simple) {
      const delmRoot = 1 + eta * Math.cos(xmdf);
      const temp = omgcof * t + xmcof * (delmRoot * delmRoot * delmRoot - delmo);
      mm = xmdf + temp;
      argpm = argpdf - temp;
      const t3 = t2 * t;
      const t4 = t3 * t;
      tempa = tempa - d2 * t2 - d3 * t3 - d4 * t4;
      tempe = tempe + bstarCc5 * (Math.sin(mm) - sinmao);
      templ = templ + t3cof * t3 + t4 * (t4cof + t * t5cof);
    }
    // a = a0'' (1 − C1 t − …)², n = ke / a^1.5 = n0'' / |tempa|³.
    const am = ao * tempa * tempa;
    const absTempa = Math.abs(tempa);
    const nm = no / (absTempa * absTempa * absTempa);
    let em = ecco - tempe;
    if (em >= 1 || em < -0.001 || !(am > 0)) {
      setError(pos, vel, err, o, Sgp4ErrorCode.MeanEccentricityOutOfRange);
      continue;
    }
    if (em < 1e-6) em = 1e-6;
    mm = mm + no * templ;
    // (No separate reduction of Ω, ω, M modulo 2π as the reference does: only u is reduced. Far
    // from epoch that changes the last bits of large angles — 0.1 mm at worst over the catalogue —
    // and saves ~15% of the time.)

    // Long-period periodics (STR#3 §6, with the AIAA 2006-6753 1/(1+cos i) guard in xlcof).
    const cosArgp = Math.cos(argpm);
    const sinArgp = Math.sin(argpm);
    const axnl = em * cosArgp;
    const invAmOneMinusE2 = 1 / (am * (1 - em * em));
    const aynl = em * sinArgp + invAmOneMinusE2 * aycof;
    // u = L − Ω: mean longitude measured from the node.
    // (Reduced inline, not by the fmod library call behind `%`: the same to a few ulps of 2π·k.)
    const u = remTwoPi(mm + argpm + invAmOneMinusE2 * xlcof * axnl);

    OSC[OSC_AXNL] = axnl;
    OSC[OSC_AYNL] = aynl;
    OSC[OSC_U] = u;
    OSC[OSC_AM] = am;
    OSC[OSC_NM] = nm;
    OSC[OSC_NODE] = nodem;
    writeOsculatingState(pos, vel, err, o);
  }
}
