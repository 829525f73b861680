/**
 * TEME → TOD → MOD → GCRF through the IAU-1976 precession and IAU-1980 nutation (the FK5 reduction),
 * as in Vallado et al., "Revisiting Spacetrack Report #3", AIAA 2006-6753, and Vallado,
 * Fundamentals of Astrodynamics and Applications, 4th ed., §3.7 and Example 3-15:
 *   r_TOD  = ROT3(−Eq)                 r_TEME,  Eq = Δψ cos ε̄ + 0.00264″ sin Ω + 0.000063″ sin 2Ω
 *   r_MOD  = ROT1(−ε̄) ROT3(Δψ) ROT1(ε) r_TOD,  ε = ε̄ + Δε
 *   r_GCRF = ROT3(ζ) ROT2(−θ) ROT3(z)  r_MOD
 * (Eq with the kinematic terms from 1997-02-27, so that TEME→TOD→PEF via GAST equals TEME→PEF via
 * GMST; Vallado's published Example 3-15 values need them — without, TOD differs by 1.9 mas), and
 * with the EOP celestial-pole offsets dPsi/dEps added to Δψ/Δε (as Vallado does), which ties the
 * FK5 "J2000" frame to the GCRF.
 *
 * Accuracy of this GCRF realisation, measured against astropy 5.2 / ERFA (IAU-2006/2000A GCRS with
 * the same C04 EOP) at 20 epochs 2000–2025: with the C04 dPsi/dEps applied the angle between the
 * two is ≤ 0.38 mas (1.8e-9 rad: ≤ 1.1 cm at ISS radius, ≤ 6 cm at GEO); without dPsi/dEps it is
 * 4–43 mas (up to 1.4 m at ISS radius, 9 m at GEO) — the IAU-1980 nutation error plus frame bias
 * that the IERS pole offsets exist to correct. Reproduces Vallado's Example 3-15 to < 0.1 mm.
 * Figures: test/frames/astropy.test.ts and vallado.test.ts.
 *
 * Velocities are rotated only: precession/nutation rates (< 1e-11 rad/s) are neglected (< 1e-7 m/s).
 */
import type { Epoch } from '../time/epoch.js';
import type { EopSource } from '../time/eop.js';
import { earthOrientation, emptyEarthOrientation, type EarthOrientation } from './earthOrientation.js';
import { mat3, mulMat, mulTransposeVec, mulVec, rot1, rot2, rot3, vec3, type Mat3, type Vec3 } from './mat3.js';
import { equationOfEquinoxes82Rad, nutation80, precession76, type Nutation80, type Precession76 } from './nutation80.js';
import { itrfToTemeInto, temeToItrfInto, type StateVectors } from './earthFixed.js';

/** The three FK5 matrices at one epoch. */
export interface Fk5Matrices {
  /** r_TOD = temeToTod · r_TEME */
  temeToTod: Mat3;
  /** r_MOD = todToMod · r_TOD */
  todToMod: Mat3;
  /** r_GCRF = modToGcrf · r_MOD */
  modToGcrf: Mat3;
  /** r_GCRF = temeToGcrf · r_TEME (product of the three) */
  temeToGcrf: Mat3;
}

export function emptyFk5Matrices(): Fk5Matrices {
  return { temeToTod: mat3(), todToMod: mat3(), modToGcrf: mat3(), temeToGcrf: mat3() };
}

const a = mat3();
const b = mat3();
const c = mat3();
const nut: Nutation80 = { dPsiRad: 0, dEpsRad: 0, meanObliquityRad: 0, moonNodeRad: 0 };
const prec: Precession76 = { zetaRad: 0, thetaRad: 0, zRad: 0 };

/**
 * FK5 matrices at `ttCenturies` (TT Julian centuries since J2000) with celestial pole offsets
 * `dPsiCorrRad`, `dEpsCorrRad` (IERS dPsi/dEps; 0 gives the IAU-76/80 "J2000" frame).
 */
export function fk5MatricesAt(ttCenturies: number, dPsiCorrRad: number, dEpsCorrRad: number, out: Fk5Matrices): Fk5Matrices {
  nutation80(ttCenturies, dPsiCorrRad, dEpsCorrRad, nut);
  precession76(ttCenturies, prec);
  const epsBar = nut.meanObliquityRad;
  const eqEquinox = equationOfEquinoxes82Rad(ttCenturies, nut);
  rot3(-eqEquinox, out.temeToTod);
  // todToMod = ROT1(−ε̄) ROT3(Δψ) ROT1(ε)
  mulMat(rot3(nut.dPsiRad, a), rot1(epsBar + nut.dEpsRad, b), c);
  mulMat(rot1(-epsBar, a), c, out.todToMod);
  // modToGcrf = ROT3(ζ) ROT2(−θ) ROT3(z)
  mulMat(rot2(-prec.thetaRad, a), rot3(prec.zRad, b), c);
  mulMat(rot3(prec.zetaRad, a), c, out.modToGcrf);
  mulMat(out.todToMod, out.temeToTod, c);
  mulMat(out.modToGcrf, c, out.temeToGcrf);
  return out;
}

/** FK5 matrices from an {@link EarthOrientation} (uses its TT time and dPsi/dEps). */
export function fk5Matrices(eo: EarthOrientation, out: Fk5Matrices = emptyFk5Matrices()): Fk5Matrices {
  return fk5MatricesAt(eo.ttCenturies, eo.dPsiCorrRad, eo.dEpsCorrRad, out);
}

/** r (and v) through matrix `m` into new arrays. */
function apply(m: Mat3, r: Vec3, v: Vec3 | undefined, inverse: boolean): StateVectors {
  const f = inverse ? mulTransposeVec : mulVec;
  const rOut = f(m, r, vec3()) as Float64Array;
  return v ? { r: rOut, v: f(m, v, vec3()) as Float64Array } : { r: rOut };
}

/** TEME → GCRF (FK5 realisation; see the module note for accuracy). Allocating. */
export function temeToGcrf(epoch: Epoch, rTemeM: Vec3, vTemeMps?: Vec3, eop?: EopSource): StateVectors {
  return apply(fk5Matrices(earthOrientation(epoch, eop)).temeToGcrf, rTemeM, vTemeMps, false);
}

/** GCRF → TEME. Allocating. */
export function gcrfToTeme(epoch: Epoch, rGcrfM: Vec3, vGcrfMps?: Vec3, eop?: EopSource): StateVectors {
  return apply(fk5Matrices(earthOrientation(epoch, eop)).temeToGcrf, rGcrfM, vGcrfMps, true);
}

/** TEME → TOD. Allocating. */
export function temeToTod(epoch: Epoch, rTemeM: Vec3, vTemeMps?: Vec3, eop?: EopSource): StateVectors {
  return apply(fk5Matrices(earthOrientation(epoch, eop)).temeToTod, rTemeM, vTemeMps, false);
}

/** TOD → MOD. Allocating. */
export function todToMod(epoch: Epoch, rTodM: Vec3, vTodMps?: Vec3, eop?: EopSource): StateVectors {
  return apply(fk5Matrices(earthOrientation(epoch, eop)).todToMod, rTodM, vTodMps, false);
}

/** MOD → GCRF. Allocating. */
export function modToGcrf(epoch: Epoch, rModM: Vec3, vModMps?: Vec3, eop?: EopSource): StateVectors {
  return apply(fk5Matrices(earthOrientation(epoch, eop)).modToGcrf, rModM, vModMps, false);
}

const eoScratch = emptyEarthOrientation();
const fk5Scratch = emptyFk5Matrices();
const tmpR = vec3();
const tmpV = vec3();

/** GCRF → ITRF via TEME (FK5 + GMST + polar motion). Writes into rOut/vOut. */
export function gcrfToItrfInto(epoch: Epoch, rGcrf: Vec3, vGcrf: Vec3 | null, rOut: Vec3, vOut: Vec3 | null, eop?: EopSource): void {
  const eo = earthOrientation(epoch, eop, eoScratch);
  const m = fk5Matrices(eo, fk5Scratch).temeToGcrf;
  mulTransposeVec(m, rGcrf, tmpR);
  if (vGcrf && vOut) mulTransposeVec(m, vGcrf, tmpV);
  temeToItrfInto(eo, tmpR, vGcrf && vOut ? tmpV : null, rOut, vOut);
}

/** ITRF → GCRF via TEME. Writes into rOut/vOut. */
export function itrfToGcrfInto(epoch: Epoch, rItrf: Vec3, vItrf: Vec3 | null, rOut: Vec3, vOut: Vec3 | null, eop?: EopSource): void {
  const eo = earthOrientation(epoch, eop, eoScratch);
  const m = fk5Matrices(eo, fk5Scratch).temeToGcrf;
  itrfToTemeInto(eo, rItrf, vItrf, tmpR, vItrf && vOut ? tmpV : null);
  mulVec(m, tmpR, rOut);
  if (vItrf && vOut) mulVec(m, tmpV, vOut);
}

/** GCRF → ITRF (allocating). */
export function gcrfToItrf(epoch: Epoch, rGcrfM: Vec3, vGcrfMps?: Vec3, eop?: EopSource): StateVectors {
  const r = vec3();
  const v = vGcrfMps ? vec3() : null;
  gcrfToItrfInto(epoch, rGcrfM, vGcrfMps ?? null, r, v, eop);
  return v ? { r, v } : { r };
}

/** ITRF → GCRF (allocating). */
export function itrfToGcrf(epoch: Epoch, rItrfM: Vec3, vItrfMps?: Vec3, eop?: EopSource): StateVectors {
  const r = vec3();
  const v = vItrfMps ? vec3() : null;
  itrfToGcrfInto(epoch, rItrfM, vItrfMps ?? null, r, v, eop);
  return v ? { r, v } : { r };
}
