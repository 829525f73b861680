/**
 * Vallado, Crawford, Hujsak & Kelso, "Revisiting Spacetrack Report #3", AIAA 2006-6753, Appendix C,
 * and Vallado, Fundamentals of Astrodynamics and Applications, 4th ed., Example 3-15 / Table 3-6:
 * TEME state at 2004-04-06 07:51:28.386009 UTC with ΔUT1 = −0.4399619 s, ΔAT = 32 s,
 * x_p = −0.140682″, y_p = 0.333309″, LOD = 0.0015563 s, dPsi = −0.052195″, dEps = −0.003875″.
 *
 * Published digits are 0.1 mm (1e-7 km) and 1e-9 km/s, so positions are checked to 0.2 mm and
 * velocities to 2e-6 m/s.
 *
 * One subtlety: Vallado's code carries JD(UT1) as a single double, 2453101.827406783, whose ulp is
 * 40 µs; it lies 14.69 µs after the exact UT1 instant. The Earth-fixed values (PEF, ITRF) therefore
 * correspond to UT1 shifted by that amount (8.5 mm at this radius). We reproduce the published
 * numbers by evaluating at the instant whose UT1 equals that double, and separately check that the
 * exact instant differs by exactly the rotation over 14.69 µs.
 */
import { describe, expect, it } from 'vitest';
import { Epoch } from '../../src/foundation/time/epoch.js';
import { constantEop } from '../../src/foundation/time/eop.js';
import {
  earthOrientation,
  fk5Matrices,
  gcrfToTeme,
  itrfToGcrf,
  itrfToTeme,
  mulVec,
  pefToTeme,
  temeToGcrf,
  temeToItrf,
  temeToPef,
  temeToTod,
  vec3,
  type Vec3,
} from '../../src/foundation/frames/index.js';

const epoch = Epoch.fromUtc(2004, 4, 6, 7, 51, 28.386009);
const eop = constantEop({
  ut1MinusUtcS: -0.4399619,
  xpArcsec: -0.140682,
  ypArcsec: 0.333309,
  lodS: 0.0015563,
  dPsiArcsec: -0.052195,
  dEpsArcsec: -0.003875,
});
const eopNoPoleOffsets = constantEop({ ut1MinusUtcS: -0.4399619, xpArcsec: -0.140682, ypArcsec: 0.333309, lodS: 0.0015563 });

// Published values (km, km/s).
const rTeme = [5094.1801621, 6127.6446595, 6380.3445327];
const vTeme = [-4.746131487, 0.785818041, 5.531931288];
const rPef = [-1033.4750313, 7901.3055856, 6380.3445327];
const vPef = [-3.225632747, -2.872442511, 5.531931288];
const rItrf = [-1033.479383, 7901.2952754, 6380.3565958];
const vItrf = [-3.22563652, -2.87245145, 5.531924446];
const rTodCorr = [5094.516203, 6127.3652784, 6380.3445327];
const vTodCorr = [-4.746088385, 0.786078324, 5.531931288];
const rTod = [5094.5147804, 6127.3664612, 6380.3445327];
const rMod = [5094.0290167, 6127.8709363, 6380.2478885];
const vMod = [-4.746262495, 0.786014149, 5.531791025];
const rModCorr = [5094.0283745, 6127.8708164, 6380.2485164];
const rGcrf = [5102.5089579, 6123.0114007, 6378.1369282];
const vGcrf = [-4.743220157, 0.790536497, 5.533755727];
const rJ2000 = [5102.5096, 6123.01152, 6378.1363]; // published to 0.1 m only
const vJ2000 = [-4.7432196, 0.7905366, 5.53375619];

function expectVec(actual: ArrayLike<number>, expected: number[], tolKm: number): void {
  for (let i = 0; i < 3; i++) expect(Math.abs(actual[i] - expected[i]), `component ${i}: ${actual[i]} vs ${expected[i]}`).toBeLessThan(tolKm);
}

const POS_TOL_KM = 2e-7; // 0.2 mm
const VEL_TOL_KMPS = 2e-9; // 2 µm/s

// UT1 that Vallado's double JD represents, minus the exact UT1: (jd − 2453101.5)·86400 − exact s.o.d.
const vallodoUt1Sod = (2453101.827406783 - 2453101.5) * 86400;
const exactUt1Sod = 7 * 3600 + 51 * 60 + 28.386009 - 0.4399619;
const jdQuantisationS = vallodoUt1Sod - exactUt1Sod;
const epochAsPublished = epoch.plusSeconds(jdQuantisationS);

describe('Vallado et al. 2006 / Fundamentals Ex. 3-15: Earth-fixed frames', () => {
  it('the published JD(UT1) is 14.69 µs after the exact instant (double-precision ulp)', () => {
    expect(jdQuantisationS).toBeCloseTo(1.469e-5, 8);
  });

  it('TEME → PEF (GMST-82, LOD-corrected ω) matches to 0.2 mm and 2 µm/s', () => {
    const s = temeToPef(epochAsPublished, rTeme, vTeme, eop);
    expectVec(s.r, rPef, POS_TOL_KM);
    expectVec(s.v!, vPef, VEL_TOL_KMPS);
  });

  it('TEME → ITRF (with polar motion) matches to 0.2 mm and 2 µm/s', () => {
    const s = temeToItrf(epochAsPublished, rTeme, vTeme, eop);
    expectVec(s.r, rItrf, POS_TOL_KM);
    expectVec(s.v!, vItrf, VEL_TOL_KMPS);
  });

  it('ITRF → TEME and PEF → TEME invert the published values', () => {
    const s = itrfToTeme(epochAsPublished, rItrf, vItrf, eop);
    expectVec(s.r, rTeme, POS_TOL_KM);
    expectVec(s.v!, vTeme, VEL_TOL_KMPS);
    const p = pefToTeme(epochAsPublished, rPef, vPef, eop);
    expectVec(p.r, rTeme, POS_TOL_KM);
    expectVec(p.v!, vTeme, VEL_TOL_KMPS);
  });

  it('at the exact instant the difference is the Earth rotation over 14.69 µs (8.5 mm)', () => {
    const exact = temeToItrf(epoch, rTeme, vTeme, eop).r;
    const published = temeToItrf(epochAsPublished, rTeme, vTeme, eop).r;
    const rho = Math.hypot(published[0], published[1]);
    const expectedShiftKm = 7.292115146706979e-5 * jdQuantisationS * rho;
    const shift = Math.hypot(exact[0] - published[0], exact[1] - published[1], exact[2] - published[2]);
    expect(shift).toBeCloseTo(expectedShiftKm, 9); // 1e-9 km = 1 µm
    expect(shift * 1e6).toBeGreaterThan(8); // mm
    expect(shift * 1e6).toBeLessThan(9);
  });
});

describe('Vallado et al. 2006 / Fundamentals Ex. 3-15: TEME → TOD → MOD → GCRF (IAU-76/FK5)', () => {
  const eo = earthOrientation(epoch, eop);
  const m = fk5Matrices(eo);
  const m0 = fk5Matrices(earthOrientation(epoch, eopNoPoleOffsets));
  const apply = (mat: Float64Array, v: Vec3) => mulVec(mat, v, vec3());

  it('uses TT = 2453101.828154745 as published', () => {
    expect(epoch.ttJulianDate().jd1 + epoch.ttJulianDate().jd2).toBeCloseTo(2453101.828154745, 8);
  });

  it('TEME → TOD with dPsi/dEps (kinematic terms in Eq) matches to 0.2 mm', () => {
    const s = temeToTod(epoch, rTeme, vTeme, eop);
    expectVec(s.r, rTodCorr, POS_TOL_KM);
    expectVec(s.v!, vTodCorr, VEL_TOL_KMPS);
  });

  it('TEME → TOD → MOD without pole offsets matches to 0.2 mm', () => {
    const tod = apply(m0.temeToTod, rTeme);
    expectVec(tod, rTod, POS_TOL_KM);
    const mod = apply(m0.todToMod, tod);
    expectVec(mod, rMod, POS_TOL_KM);
    expectVec(apply(m0.todToMod, apply(m0.temeToTod, vTeme)), vMod, VEL_TOL_KMPS);
  });

  it('TEME → MOD with pole offsets matches to 0.2 mm', () => {
    expectVec(apply(m.todToMod, apply(m.temeToTod, rTeme)), rModCorr, POS_TOL_KM);
  });

  it('TEME → GCRF with dPsi/dEps matches to 0.2 mm and 2 µm/s', () => {
    const s = temeToGcrf(epoch, rTeme, vTeme, eop);
    expectVec(s.r, rGcrf, POS_TOL_KM);
    expectVec(s.v!, vGcrf, VEL_TOL_KMPS);
    const back = gcrfToTeme(epoch, rGcrf, vGcrf, eop);
    expectVec(back.r, rTeme, POS_TOL_KM);
  });

  it('TEME → J2000 (no pole offsets) matches the published 0.1 m digits', () => {
    const s = temeToGcrf(epoch, rTeme, vTeme, eopNoPoleOffsets);
    expectVec(s.r, rJ2000, 6e-5); // published rounded to 1e-4 km
    expectVec(s.v!, vJ2000, 6e-8); // published rounded to 1e-7 km/s
  });

  it('ITRF → GCRF (published ITRF in, published GCRF out) closes to 1 cm', () => {
    // Residual is the 8.5 mm UT1 quantisation above, taken at the exact instant.
    const s = itrfToGcrf(epoch, rItrf, vItrf, eop);
    expectVec(s.r, rGcrf, 1e-5);
    expectVec(s.v!, vGcrf, 2e-8);
  });
});
