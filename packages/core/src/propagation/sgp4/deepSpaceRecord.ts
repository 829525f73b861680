/**
 * Layout of a deep-space (SDP4) record: the record both theories share (nearEarthKernel.ts,
 * NEAR_EARTH_STRIDE doubles) followed by the lunar-solar and resonance coefficients below.
 */
import { NEAR_EARTH_STRIDE } from './nearEarthKernel.js';

const B = NEAR_EARTH_STRIDE;

/** Greenwich sidereal angle at epoch, rad (resonance phase). */
export const D_GSTO = B + 0;
/** 0: no resonance, 1: 24-hour (geosynchronous), 2: 12-hour (Molniya-type). */
export const D_IREZ = B + 1;
/** Lunar-solar secular rates of e, i, M, Ω, ω, per minute. */
export const D_DEDT = B + 2;
export const D_DIDT = B + 3;
export const D_DMDT = B + 4;
export const D_DNODT = B + 5;
export const D_DOMDT = B + 6;

/**
 * Periodic coefficients of one perturbing body, 12 doubles from its block start: e (2 terms),
 * i (2), L (3), ω+Ω-ish "gh" (3), Ω-ish "h" (2); then its mean anomaly at epoch.
 */
export const P_E2 = 0;
export const P_E3 = 1;
export const P_I2 = 2;
export const P_I3 = 3;
export const P_L2 = 4;
export const P_L3 = 5;
export const P_L4 = 6;
export const P_GH2 = 7;
export const P_GH3 = 8;
export const P_GH4 = 9;
export const P_H2 = 10;
export const P_H3 = 11;
export const P_ZM0 = 12;
export const PERIODIC_BLOCK = 13;
/** The Sun's block, then the Moon's. */
export const D_SUN = B + 7;
export const D_MOON = D_SUN + PERIODIC_BLOCK;

/** Resonance coefficients. */
const R = D_MOON + PERIODIC_BLOCK;
export const D_XLAMO = R + 0; // resonant mean longitude at epoch, rad
export const D_XFACT = R + 1; // its rate minus the resonant mean motion, rad/min
export const D_DEL1 = R + 2; // 24-hour terms
export const D_DEL2 = R + 3;
export const D_DEL3 = R + 4;
export const D_D2201 = R + 5; // 12-hour terms (ten of them)
export const D_D2211 = R + 6;
export const D_D3210 = R + 7;
export const D_D3222 = R + 8;
export const D_D4410 = R + 9;
export const D_D4422 = R + 10;
export const D_D5220 = R + 11;
export const D_D5232 = R + 12;
export const D_D5421 = R + 13;
export const D_D5433 = R + 14;

/**
 * Resonance integrator state, kept between calls (the record is mutable): time of the current
 * node (min from epoch), λ and n there, their derivatives there, and 1 when those are current.
 */
export const D_ATIME = R + 15;
export const D_XLI = R + 16;
export const D_XNI = R + 17;
export const D_XLDOT = R + 18;
export const D_XNDT = R + 19;
export const D_XNDDT = R + 20;
export const D_FRESH = R + 21;

/** Doubles per deep-space record. */
export const DEEP_SPACE_STRIDE = R + 22;
