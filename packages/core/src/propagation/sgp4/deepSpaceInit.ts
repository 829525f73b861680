/**
 * SDP4 initialisation: the lunar-solar coefficients and the geopotential resonance terms of a
 * deep-space orbit (period ≥ 225 min), written from Hoots & Roehrich, Spacetrack Report #3
 * (1980) §§ 7–10 (the DEEP subroutine: Hujsak's lunar-solar theory, 1979) with the changes of
 * Vallado, Crawford, Hujsak & Kelso, "Revisiting Spacetrack Report #3", AIAA 2006-6753
 * (improved mode, WGS-72). The arithmetic follows the order of the reference implementation
 * of that paper, so that results agree to the last bits that matter (≪ 1 mm).
 */
import type { Epoch } from '../../foundation/time/epoch.js';
import { gmst82Rad } from '../../foundation/frames/earthOrientation.js';
import { TWO_PI, XKE } from './constants.js';
import type { Sgp4Elements } from './elements.js';
import { Sgp4RecordIndex } from './nearEarthKernel.js';
import * as D from './deepSpaceRecord.js';

/** Solar and lunar mean motions, rad/min, and orbit eccentricities (STR#3 §10, ZNS, ZNL, ZES, ZEL). */
export const SUN_MEAN_MOTION = 1.19459e-5;
export const MOON_MEAN_MOTION = 1.5835218e-4;
export const SUN_ECCENTRICITY = 0.01675;
export const MOON_ECCENTRICITY = 0.0549;
/** Earth rotation, rad/min, as in the reference code (7.29211514668855e-5 rad/s). */
export const EARTH_ROTATION_RAD_PER_MIN = 4.37526908801129966e-3;

/** Solar and lunar perturbation strengths C1SS, C1L (STR#3 §10). */
const SUN_STRENGTH = 2.9864797e-6;
const MOON_STRENGTH = 4.7968065e-7;
/** Obliquity of the ecliptic (sin, cos) and the Sun's argument of perigee (cos, sin), STR#3 §10. */
const SIN_OBLIQUITY = 0.39785416;
const COS_OBLIQUITY = 0.91744867;
const COS_SUN_PERIGEE = 0.1945905;
const SIN_SUN_PERIGEE = -0.98088458;
/** Days from 1950 Jan 0.0 (the SGP4 epoch origin, JD 2433281.5) to 1900 Jan 0.5. */
const DAYS_1950_TO_1900_NOON = 18261.5;
/** MJD of JD 2433281.5. */
const MJD_1950_JAN0 = 33281;
const MJD_TO_JD = 2400000.5;
/** Inclinations within 3° of 0 or 180° get no lunar-solar node rate (AIAA 2006-6753). */
const NODE_RATE_INCLINATION_LIMIT = 5.2359877e-2;

/** One body's geometry terms, in this order, for the coefficient formulas (STR#3 §10). */
const T_S1 = 0, T_S2 = 1, T_S3 = 2, T_S4 = 3, T_S5 = 4, T_S6 = 5, T_S7 = 6;
const T_Z1 = 7, T_Z2 = 8, T_Z3 = 9, T_Z11 = 10, T_Z12 = 11, T_Z13 = 12;
const T_Z21 = 13, T_Z22 = 14, T_Z23 = 15, T_Z31 = 16, T_Z32 = 17, T_Z33 = 18;
const TERMS = 19;

/** The satellite quantities the body terms depend on. */
interface OrbitAtEpoch {
  readonly e: number;
  readonly eSq: number;
  readonly inclRad: number;
  readonly cosI: number;
  readonly sinI: number;
  readonly cosW: number;
  readonly sinW: number;
  readonly n: number;
}

/**
 * Terms for one perturbing body whose orbit, seen in the satellite's frame, has argument of
 * perigee g, inclination i and node h (given as cos/sin pairs), strength `strength`.
 */
function bodyTerms(cosG: number, sinG: number, cosIb: number, sinIb: number, cosH: number, sinH: number, strength: number, o: OrbitAtEpoch, out: Float64Array): void {
  const a1 = cosG * cosH + sinG * cosIb * sinH;
  const a3 = -sinG * cosH + cosG * cosIb * sinH;
  const a7 = -cosG * sinH + sinG * cosIb * cosH;
  const a8 = sinG * sinIb;
  const a9 = sinG * sinH + cosG * cosIb * cosH;
  const a10 = cosG * sinIb;
  const a2 = o.cosI * a7 + o.sinI * a8;
  const a4 = o.cosI * a9 + o.sinI * a10;
  const a5 = -o.sinI * a7 + o.cosI * a8;
  const a6 = -o.sinI * a9 + o.cosI * a10;
  const x1 = a1 * o.cosW + a2 * o.sinW;
  const x2 = a3 * o.cosW + a4 * o.sinW;
  const x3 = -a1 * o.sinW + a2 * o.cosW;
  const x4 = -a3 * o.sinW + a4 * o.cosW;
  const x5 = a5 * o.sinW;
  const x6 = a6 * o.sinW;
  const x7 = a5 * o.cosW;
  const x8 = a6 * o.cosW;
  const eSq = o.eSq;
  const betaSq = 1 - eSq;
  const z31 = 12 * x1 * x1 - 3 * x3 * x3;
  const z32 = 24 * x1 * x2 - 6 * x3 * x4;
  const z33 = 12 * x2 * x2 - 3 * x4 * x4;
  const z1 = 3 * (a1 * a1 + a2 * a2) + z31 * eSq;
  const z2 = 6 * (a1 * a3 + a2 * a4) + z32 * eSq;
  const z3 = 3 * (a3 * a3 + a4 * a4) + z33 * eSq;
  out[T_Z11] = -6 * a1 * a5 + eSq * (-24 * x1 * x7 - 6 * x3 * x5);
  out[T_Z12] = -6 * (a1 * a6 + a3 * a5) + eSq * (-24 * (x2 * x7 + x1 * x8) + -6 * (x3 * x6 + x4 * x5));
  out[T_Z13] = -6 * a3 * a6 + eSq * (-24 * x2 * x8 - 6 * x4 * x6);
  out[T_Z21] = 6 * a2 * a5 + eSq * (24 * x1 * x5 - 6 * x3 * x7);
  out[T_Z22] = 6 * (a4 * a5 + a2 * a6) + eSq * (24 * (x2 * x5 + x1 * x6) - 6 * (x4 * x7 + x3 * x8));
  out[T_Z23] = 6 * a4 * a6 + eSq * (24 * x2 * x6 - 6 * x4 * x8);
  out[T_Z1] = z1 + z1 + betaSq * z31;
  out[T_Z2] = z2 + z2 + betaSq * z32;
  out[T_Z3] = z3 + z3 + betaSq * z33;
  out[T_Z31] = z31;
  out[T_Z32] = z32;
  out[T_Z33] = z33;
  const rootBeta = Math.sqrt(betaSq);
  const s3 = strength * (1 / o.n);
  const s4 = s3 * rootBeta;
  out[T_S1] = -15 * o.e * s4;
  out[T_S2] = (-0.5 * s3) / rootBeta;
  out[T_S3] = s3;
  out[T_S4] = s4;
  out[T_S5] = x1 * x3 + x2 * x4;
  out[T_S6] = x2 * x3 + x1 * x4;
  out[T_S7] = x2 * x4 - x1 * x3;
}

/** The 12 periodic coefficients of one body from its terms (STR#3 §10), and its mean anomaly at epoch. */
function storePeriodics(t: Float64Array, eSq: number, eBody: number, meanAnomalyRad: number, rec: Float64Array, at: number): void {
  rec[at + D.P_E2] = 2 * t[T_S1] * t[T_S6];
  rec[at + D.P_E3] = 2 * t[T_S1] * t[T_S7];
  rec[at + D.P_I2] = 2 * t[T_S2] * t[T_Z12];
  rec[at + D.P_I3] = 2 * t[T_S2] * (t[T_Z13] - t[T_Z11]);
  rec[at + D.P_L2] = -2 * t[T_S3] * t[T_Z2];
  rec[at + D.P_L3] = -2 * t[T_S3] * (t[T_Z3] - t[T_Z1]);
  rec[at + D.P_L4] = -2 * t[T_S3] * (-21 - 9 * eSq) * eBody;
  rec[at + D.P_GH2] = 2 * t[T_S4] * t[T_Z32];
  rec[at + D.P_GH3] = 2 * t[T_S4] * (t[T_Z33] - t[T_Z31]);
  rec[at + D.P_GH4] = -18 * t[T_S4] * eBody;
  rec[at + D.P_H2] = -2 * t[T_S2] * t[T_Z22];
  rec[at + D.P_H3] = -2 * t[T_S2] * (t[T_Z23] - t[T_Z21]);
  rec[at + D.P_ZM0] = meanAnomalyRad;
}

const sunTerms = new Float64Array(TERMS);
const moonTerms = new Float64Array(TERMS);

/** Secular-rate pieces of one body: e, i, M, ω (before the node part), Ω (before ÷ sin i). */
function bodyRates(t: Float64Array, n: number, eSq: number, o: OrbitAtEpoch, out: Float64Array): void {
  out[0] = t[T_S1] * n * t[T_S5];
  out[1] = t[T_S2] * n * (t[T_Z11] + t[T_Z13]);
  out[2] = -n * t[T_S3] * (t[T_Z1] + t[T_Z3] - 14 - 6 * eSq);
  out[3] = t[T_S4] * n * (t[T_Z31] + t[T_Z33] - 6);
  const nodeOff = o.inclRad < NODE_RATE_INCLINATION_LIMIT || o.inclRad > Math.PI - NODE_RATE_INCLINATION_LIMIT;
  out[4] = nodeOff ? 0 : -n * t[T_S2] * (t[T_Z21] + t[T_Z23]);
}

const sunRates = new Float64Array(5);
const moonRates = new Float64Array(5);

/**
 * Fill the deep-space part of `rec` (the shared head is already there) for elements `el` whose
 * Brouwer mean motion is `no`. Lunar-solar geometry at epoch (STR#3 §10), secular rates, then
 * the resonance terms.
 */
export function fillDeepSpaceRecord(el: Sgp4Elements, rec: Float64Array, off: number): void {
  const no = rec[off + Sgp4RecordIndex.NO];
  const days1950 = sgp4DaysSince1950(el.epoch);
  // Sidereal angle of that same one-number epoch (UT1 = UTC, as SGP4 does): the 12-hour
  // resonance does not cancel a 1e-9 rad offset (0.7 mm on Molniya orbits after a week).
  const mjd = days1950 + MJD_1950_JAN0; // exact: both are multiples of the JD's ulp
  const mjdDay = Math.floor(mjd);
  rec[off + D.D_GSTO] = gmst82Rad(mjdDay, (mjd - mjdDay) * 86400);
  const e = el.eccentricity;
  const o: OrbitAtEpoch = {
    e,
    eSq: e * e,
    inclRad: el.inclinationRad,
    cosI: Math.cos(el.inclinationRad),
    sinI: Math.sin(el.inclinationRad),
    cosW: Math.cos(el.argPerigeeRad),
    sinW: Math.sin(el.argPerigeeRad),
    n: no,
  };
  const day = days1950 + DAYS_1950_TO_1900_NOON;
  const moon = moonGeometry(day);
  const cosNode = Math.cos(el.raanRad);
  const sinNode = Math.sin(el.raanRad);
  bodyTerms(COS_SUN_PERIGEE, SIN_SUN_PERIGEE, COS_OBLIQUITY, SIN_OBLIQUITY, cosNode, sinNode, SUN_STRENGTH, o, sunTerms);
  const cosHm = moon.cosNode * cosNode + moon.sinNode * sinNode;
  const sinHm = sinNode * moon.cosNode - cosNode * moon.sinNode;
  bodyTerms(moon.cosPerigee, moon.sinPerigee, moon.cosIncl, moon.sinIncl, cosHm, sinHm, MOON_STRENGTH, o, moonTerms);
  const sunMeanAnomaly = (6.2565837 + 0.017201977 * day) % TWO_PI;
  storePeriodics(sunTerms, o.eSq, SUN_ECCENTRICITY, sunMeanAnomaly, rec, off + D.D_SUN);
  storePeriodics(moonTerms, o.eSq, MOON_ECCENTRICITY, moon.meanAnomaly, rec, off + D.D_MOON);
  storeSecularRates(o, rec, off);
  fillResonance(el, o, rec, off);
  rec[off + D.D_ATIME] = 0; // resonance integrator starts at epoch
  rec[off + D.D_FRESH] = 0;
}

/**
 * The Moon's orbit in the ecliptic-of-date frame from its node (STR#3 §10, lunar theory of the
 * DEEP initialisation): inclination to the equator, node on the equator, argument of perigee and
 * mean anomaly. `day` counts from 1900 Jan 0.5.
 */
function moonGeometry(day: number) {
  const node = (4.523602 - 9.2422029e-4 * day) % TWO_PI;
  const sinN = Math.sin(node);
  const cosN = Math.cos(node);
  const cosIncl = 0.91375164 - 0.03568096 * cosN;
  const sinIncl = Math.sqrt(1 - cosIncl * cosIncl);
  const sinNodeEq = (0.089683511 * sinN) / sinIncl;
  const cosNodeEq = Math.sqrt(1 - sinNodeEq * sinNodeEq);
  const meanLongitude = 5.8351514 + 0.001944368 * day;
  const y = (SIN_OBLIQUITY * sinN) / sinIncl;
  const x = cosNodeEq * cosN + COS_OBLIQUITY * sinNodeEq * sinN;
  const perigee = Math.atan2(y, x) + (meanLongitude - node);
  return {
    cosIncl,
    sinIncl,
    cosNode: cosNodeEq,
    sinNode: sinNodeEq,
    cosPerigee: Math.cos(perigee),
    sinPerigee: Math.sin(perigee),
    meanAnomaly: (4.7199672 + (0.2299715 * day - meanLongitude)) % TWO_PI,
  };
}

/** Lunar-solar secular rates of e, i, M, Ω, ω (STR#3 §10, with the ÷ sin i guards of AIAA 2006-6753). */
function storeSecularRates(o: OrbitAtEpoch, rec: Float64Array, off: number): void {
  bodyRates(sunTerms, SUN_MEAN_MOTION, o.eSq, o, sunRates);
  bodyRates(moonTerms, MOON_MEAN_MOTION, o.eSq, o, moonRates);
  let sunNode = sunRates[4];
  if (o.sinI !== 0) sunNode /= o.sinI;
  const moonNode = moonRates[4];
  let dArgp = sunRates[3] - o.cosI * sunNode + moonRates[3];
  let dNode = sunNode;
  if (o.sinI !== 0) {
    dArgp -= (o.cosI / o.sinI) * moonNode;
    dNode += moonNode / o.sinI;
  }
  rec[off + D.D_DEDT] = sunRates[0] + moonRates[0];
  rec[off + D.D_DIDT] = sunRates[1] + moonRates[1];
  rec[off + D.D_DMDT] = sunRates[2] + moonRates[2];
  rec[off + D.D_DNODT] = dNode;
  rec[off + D.D_DOMDT] = dArgp;
}

/**
 * Days from 1950 Jan 0.0 UTC to `epoch`, through a one-number UTC Julian date as the reference
 * implementation forms it (whole-day JD + fraction of day). That rounds the epoch to ~40 µs
 * (one ulp of 2.4e6 days); the lunar-solar arguments then match the reference to the last bit,
 * which matters for very eccentric orbits: verification case 23333 (e = 0.97) moves by 4 mm at
 * perigee between the exact and the rounded epoch.
 */
export function sgp4DaysSince1950(epoch: Epoch): number {
  const { mjdDay, secondsOfDay } = epoch.utcDaySeconds();
  const julianDate = mjdDay + MJD_TO_JD + secondsOfDay / 86400;
  return julianDate - (MJD_1950_JAN0 + MJD_TO_JD);
}

/**
 * Geopotential resonance (STR#3 §10, Hujsak): 24-hour orbits (n between 0.0034906585 and
 * 0.0052359877 rad/min, about 0.8–1.2 rev/day) and 12-hour eccentric orbits (n 8.26e-3 to
 * 9.24e-3 rad/min, e ≥ 0.5). Coefficients of the resonant terms and the resonant mean longitude.
 */
function fillResonance(el: Sgp4Elements, o: OrbitAtEpoch, rec: Float64Array, off: number): void {
  const no = o.n;
  const e = o.e;
  let irez = 0;
  if (no < 0.0052359877 && no > 0.0034906585) irez = 1;
  if (no >= 8.26e-3 && no <= 9.24e-3 && e >= 0.5) irez = 2;
  rec[off + D.D_IREZ] = irez;
  if (irez === 0) return;
  const theta = rec[off + D.D_GSTO] % TWO_PI;
  const aOverN = Math.pow(no / XKE, 2 / 3);
  const mdot = rec[off + Sgp4RecordIndex.MDOT];
  const nodedot = rec[off + Sgp4RecordIndex.NODEDOT];
  const argpdot = rec[off + Sgp4RecordIndex.ARGPDOT];
  const dmdt = rec[off + D.D_DMDT];
  const dnodt = rec[off + D.D_DNODT];
  if (irez === 2) {
    twelveHourCoefficients(o, aOverN, rec, off);
    rec[off + D.D_XLAMO] = (el.meanAnomalyRad + el.raanRad + el.raanRad - (theta + theta)) % TWO_PI;
    rec[off + D.D_XFACT] = mdot + dmdt + 2 * (nodedot + dnodt - EARTH_ROTATION_RAD_PER_MIN) - no;
  } else {
    synchronousCoefficients(o, aOverN, rec, off);
    const domdt = rec[off + D.D_DOMDT];
    rec[off + D.D_XLAMO] = (el.meanAnomalyRad + el.raanRad + el.argPerigeeRad - theta) % TWO_PI;
    rec[off + D.D_XFACT] = mdot + (argpdot + nodedot) + dmdt + domdt + dnodt - (no + EARTH_ROTATION_RAD_PER_MIN);
  }
}

/** 24-hour resonance strengths δ1, δ2, δ3 (STR#3 §10; Q22, Q31, Q33 from the WGS-72 tesserals). */
function synchronousCoefficients(o: OrbitAtEpoch, aOverN: number, rec: Float64Array, off: number): void {
  const eSq = o.eSq;
  const c = o.cosI;
  const s = o.sinI;
  const g200 = 1 + eSq * (-2.5 + 0.8125 * eSq);
  const g310 = 1 + 2 * eSq;
  const g300 = 1 + eSq * (-6 + 6.60937 * eSq);
  const f220 = 0.75 * (1 + c) * (1 + c);
  const f311 = 0.9375 * s * s * (1 + 3 * c) - 0.75 * (1 + c);
  let f330 = 1 + c;
  f330 = 1.875 * f330 * f330 * f330;
  const base = 3 * o.n * o.n * aOverN * aOverN;
  rec[off + D.D_DEL2] = 2 * base * f220 * g200 * 1.7891679e-6;
  rec[off + D.D_DEL3] = 3 * base * f330 * g300 * 2.2123015e-7 * aOverN;
  rec[off + D.D_DEL1] = base * f311 * g310 * 2.1460748e-6 * aOverN;
}

/** Eccentricity functions G of the 12-hour resonance, polynomial fits in e (STR#3 §10). */
function twelveHourEccentricityFunctions(e: number, eSq: number): number[] {
  const e3 = e * eSq;
  const g201 = -0.306 - (e - 0.64) * 0.44;
  let g211, g310, g322, g410, g422, g520;
  if (e <= 0.65) {
    g211 = 3.616 - 13.247 * e + 16.29 * eSq;
    g310 = -19.302 + 117.39 * e - 228.419 * eSq + 156.591 * e3;
    g322 = -18.9068 + 109.7927 * e - 214.6334 * eSq + 146.5816 * e3;
    g410 = -41.122 + 242.694 * e - 471.094 * eSq + 313.953 * e3;
    g422 = -146.407 + 841.88 * e - 1629.014 * eSq + 1083.435 * e3;
    g520 = -532.114 + 3017.977 * e - 5740.032 * eSq + 3708.276 * e3;
  } else {
    g211 = -72.099 + 331.819 * e - 508.738 * eSq + 266.724 * e3;
    g310 = -346.844 + 1582.851 * e - 2415.925 * eSq + 1246.113 * e3;
    g322 = -342.585 + 1554.908 * e - 2366.899 * eSq + 1215.972 * e3;
    g410 = -1052.797 + 4758.686 * e - 7193.992 * eSq + 3651.957 * e3;
    g422 = -3581.69 + 16178.11 * e - 24462.77 * eSq + 12422.52 * e3;
    g520 = e > 0.715 ? -5149.66 + 29936.92 * e - 54087.36 * eSq + 31324.56 * e3 : 1464.74 - 4664.75 * e + 3763.64 * eSq;
  }
  let g533, g521, g532;
  if (e < 0.7) {
    g533 = -919.2277 + 4988.61 * e - 9064.77 * eSq + 5542.21 * e3;
    g521 = -822.71072 + 4568.6173 * e - 8491.4146 * eSq + 5337.524 * e3;
    g532 = -853.666 + 4690.25 * e - 8624.77 * eSq + 5341.4 * e3;
  } else {
    g533 = -37995.78 + 161616.52 * e - 229838.2 * eSq + 109377.94 * e3;
    g521 = -51752.104 + 218913.95 * e - 309468.16 * eSq + 146349.42 * e3;
    g532 = -40023.88 + 170470.89 * e - 242699.48 * eSq + 115605.82 * e3;
  }
  return [g201, g211, g310, g322, g410, g422, g520, g521, g532, g533];
}

/** 12-hour resonance coefficients D (STR#3 §10; root values from the WGS-72 tesserals). */
function twelveHourCoefficients(o: OrbitAtEpoch, aOverN: number, rec: Float64Array, off: number): void {
  const [g201, g211, g310, g322, g410, g422, g520, g521, g532, g533] = twelveHourEccentricityFunctions(o.e, o.eSq);
  const s = o.sinI;
  const c = o.cosI;
  const c2 = c * c;
  const s2 = s * s;
  const f220 = 0.75 * (1 + 2 * c + c2);
  const f221 = 1.5 * s2;
  const f321 = 1.875 * s * (1 - 2 * c - 3 * c2);
  const f322 = -1.875 * s * (1 + 2 * c - 3 * c2);
  const f441 = 35 * s2 * f220;
  const f442 = 39.375 * s2 * s2;
  const f522 = 9.84375 * s * (s2 * (1 - 2 * c - 5 * c2) + 0.33333333 * (-2 + 4 * c + 6 * c2));
  const f523 = s * (4.92187512 * s2 * (-2 - 4 * c + 10 * c2) + 6.56250012 * (1 + 2 * c - 3 * c2));
  const f542 = 29.53125 * s * (2 - 8 * c + c2 * (-12 + 8 * c + 10 * c2));
  const f543 = 29.53125 * s * (-2 - 8 * c + c2 * (12 + 8 * c - 10 * c2));
  let k = 3 * (o.n * o.n) * (aOverN * aOverN);
  let t = k * 1.7891679e-6;
  rec[off + D.D_D2201] = t * f220 * g201;
  rec[off + D.D_D2211] = t * f221 * g211;
  k *= aOverN;
  t = k * 3.7393792e-7;
  rec[off + D.D_D3210] = t * f321 * g310;
  rec[off + D.D_D3222] = t * f322 * g322;
  k *= aOverN;
  t = 2 * k * 7.3636953e-9;
  rec[off + D.D_D4410] = t * f441 * g410;
  rec[off + D.D_D4422] = t * f442 * g422;
  k *= aOverN;
  t = k * 1.1428639e-7;
  rec[off + D.D_D5220] = t * f522 * g520;
  rec[off + D.D_D5232] = t * f523 * g532;
  t = 2 * k * 2.1765803e-9;
  rec[off + D.D_D5421] = t * f542 * g521;
  rec[off + D.D_D5433] = t * f543 * g533;
}
