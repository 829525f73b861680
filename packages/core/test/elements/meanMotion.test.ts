import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  WGS72_EQUATORIAL_RADIUS_M,
  WGS72_MU_M3_PER_S2,
  brouwerFromKozaiMeanMotion,
  meanMotionFromSemiMajorAxisRadPerS,
  orbitGeometryFromAxis,
  revPerDayToRadPerS,
  semiMajorAxisFromMeanMotionM,
} from '../../src/foundation/elements/index.js';

interface Case {
  label: string;
  mean_motion_rev_per_day: number;
  eccentricity: number;
  inclination_deg: number;
  no_unkozai_rad_per_min: number;
  a_earth_radii: number;
  alta_earth_radii: number;
  altp_earth_radii: number;
  radius_earth_km: number;
  mu_km3_s2: number;
}

// Produced by fixtures/generate_sgp4_unkozai.py (python-sgp4 = Vallado's SGP4, WGS-72).
const fixture = JSON.parse(readFileSync(new URL('./fixtures/sgp4-unkozai.json', import.meta.url), 'utf8')) as {
  cases: Case[];
};

describe('SGP4 un-Kozai step against python-sgp4 sgp4init', () => {
  it('uses the same WGS-72 constants', () => {
    for (const c of fixture.cases) {
      expect(c.radius_earth_km * 1000).toBe(WGS72_EQUATORIAL_RADIUS_M);
      expect(c.mu_km3_s2 * 1e9).toBeCloseTo(WGS72_MU_M3_PER_S2, 0);
    }
  });

  for (const c of fixture.cases) {
    it(`${c.label}: Brouwer mean motion and semi-major axis`, () => {
      const r = brouwerFromKozaiMeanMotion(
        revPerDayToRadPerS(c.mean_motion_rev_per_day),
        c.eccentricity,
        (c.inclination_deg * Math.PI) / 180,
      );
      // python-sgp4 derives xke from μ and R in double precision, as we do: agree to ~1e-14.
      expect(Math.abs(r.meanMotionRadPerS * 60 - c.no_unkozai_rad_per_min) / c.no_unkozai_rad_per_min).toBeLessThan(1e-13);
      const aRef = c.a_earth_radii * c.radius_earth_km * 1000;
      expect(Math.abs(r.semiMajorAxisM - aRef)).toBeLessThan(1e-6); // metres
      const g = orbitGeometryFromAxis(r.semiMajorAxisM, c.eccentricity);
      expect(g.apogeeAltitudeM).toBeCloseTo(c.alta_earth_radii * c.radius_earth_km * 1000, 5);
      expect(g.perigeeAltitudeM).toBeCloseTo(c.altp_earth_radii * c.radius_earth_km * 1000, 5);
    });
  }

  it('the J2 correction matters: Kozai and Brouwer axes differ by ~0.5 km at the ISS', () => {
    const n = revPerDayToRadPerS(15.4925);
    const kozai = semiMajorAxisFromMeanMotionM(n);
    const brouwer = brouwerFromKozaiMeanMotion(n, 0.0001, (51.64 * Math.PI) / 180).semiMajorAxisM;
    // δ ≈ (3/4)J2(3cos²i−1)/(a/R)² = 0.75·1.0826e-3·0.157/1.133 ≈ 1.12e-4 at 51.6°; n″ = n/(1+δ),
    // so a″ ≈ a(1 + 2δ/3) ≈ a + 506 m, ten times the TLE noise in a.
    expect(brouwer - kozai).toBeGreaterThan(480);
    expect(brouwer - kozai).toBeLessThan(530);
  });

  it("Kepler's law round-trips", () => {
    const a = 6_790_000;
    expect(semiMajorAxisFromMeanMotionM(meanMotionFromSemiMajorAxisRadPerS(a))).toBeCloseTo(a, 6);
  });

  it('rejects bad input with the field named', () => {
    expect(() => brouwerFromKozaiMeanMotion(0, 0.001, 0.9)).toThrow(/mean motion/);
    expect(() => brouwerFromKozaiMeanMotion(0.001, 1.2, 0.9)).toThrow(/eccentricity/);
    expect(() => brouwerFromKozaiMeanMotion(0.001, 0.001, Number.NaN)).toThrow(/inclination/);
  });
});
