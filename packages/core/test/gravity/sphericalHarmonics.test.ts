import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { sharedDataAvailable, sharedPath } from '../../../../test/sharedData.js';
import { coefficientCount, coefficientIndex, zonalGravityField, type GravityFieldCoefficients } from '../../src/models/gravity/coefficients.js';
import { parseIcgemGfc } from '../../src/models/gravity/icgemGfc.js';
import { SphericalHarmonicGravity } from '../../src/models/gravity/sphericalHarmonics.js';
import {
  EGM96_CBAR_N0,
  EGM96_GM_M3_PER_S2,
  EGM96_J,
  EGM96_RADIUS_M,
  EGM96_ZONAL_MODEL,
  zonalAcceleration,
} from '../../src/models/gravity/zonal.js';
import { WGS84 } from '../../src/foundation/bodies/earth.js';
import { explicitNormalisedLegendre, normalisedLegendre, prng, randomPoint, referenceGravity } from './referenceField.js';

const norm = (v: ArrayLike<number>) => Math.hypot(v[0], v[1], v[2]);
const diff = (a: ArrayLike<number>, b: ArrayLike<number>) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

/** A synthetic field with Kaula-like magnitudes (10⁻⁵/n²), every C̄nm and S̄nm non-zero. */
function randomField(degree: number, seed: number): GravityFieldCoefficients {
  const rand = prng(seed);
  const cBar = new Float64Array(coefficientCount(degree));
  const sBar = new Float64Array(coefficientCount(degree));
  cBar[0] = 1;
  for (let n = 2; n <= degree; n++) {
    for (let m = 0; m <= n; m++) {
      const k = coefficientIndex(n, m);
      cBar[k] = ((2 * rand() - 1) * 1e-5) / (n * n);
      if (m > 0) sBar[k] = ((2 * rand() - 1) * 1e-5) / (n * n);
    }
  }
  cBar[coefficientIndex(2, 0)] = -0.484165371736e-3;
  return { modelName: 'random', gmM3PerS2: EGM96_GM_M3_PER_S2, radiusM: EGM96_RADIUS_M, maxDegree: degree, maxOrder: degree, tideSystem: 'unknown', cBar, sBar, timeVariable: 'none' };
}

describe('reference Legendre functions (check of the test reference itself)', () => {
  it('recursion equals the explicit Rodrigues polynomials to degree 12', () => {
    for (const x of [-0.93, -0.2, 0.05, 0.61, 0.999]) {
      const p = normalisedLegendre(12, x, Math.sqrt(1 - x * x));
      for (let n = 0; n <= 12; n++) {
        for (let m = 0; m <= n; m++) {
          expect(Math.abs(p[n][m] - explicitNormalisedLegendre(n, m, x))).toBeLessThan(1e-11 * Math.max(1, Math.abs(p[n][m])));
        }
      }
    }
  });
  it('P̄20 = √5 (3x² − 1)/2, P̄22 = √(15)/2 (1 − x²) (Heiskanen & Moritz normalisation)', () => {
    const x = 0.37;
    const p = normalisedLegendre(2, x, Math.sqrt(1 - x * x));
    expect(p[2][0]).toBeCloseTo((Math.sqrt(5) * (3 * x * x - 1)) / 2, 14);
    expect(p[2][2]).toBeCloseTo((Math.sqrt(15) / 2) * (1 - x * x), 14);
  });
});

describe('SphericalHarmonicGravity (Pines, normalised) vs the term-by-term series', () => {
  const field = randomField(40, 7);
  const model = new SphericalHarmonicGravity(field, 40, 40);
  const rand = prng(11);
  const out = new Float64Array(3);

  it('acceleration and potential at 300 random points, 6400–42000 km, agree to 1e-13 of |a|', () => {
    let worstTotal = 0;
    let worstPerturbation = 0;
    let worstU = 0;
    for (let i = 0; i < 300; i++) {
      const r = randomPoint(rand, 6.4e6, 4.2e7);
      const ref = referenceGravity(field, 40, 40, r);
      model.accelerationEcef(r, out);
      const k = -EGM96_GM_M3_PER_S2 / norm(r) ** 3;
      const perturbation = [ref.acceleration[0] - k * r[0], ref.acceleration[1] - k * r[1], ref.acceleration[2] - k * r[2]];
      const e = diff(out, ref.acceleration);
      worstTotal = Math.max(worstTotal, e / norm(ref.acceleration));
      worstPerturbation = Math.max(worstPerturbation, e / norm(perturbation));
      worstU = Math.max(worstU, Math.abs(model.potential(r) - ref.potential) / ref.potential);
    }
    expect(worstTotal).toBeLessThan(1e-13);
    expect(worstU).toBeLessThan(1e-14);
    // The non-central part (2e-5…1e-3 of |a|) is reproduced to ≤ 1e-13 |a| / 2e-5 of itself.
    expect(worstPerturbation).toBeLessThan(5e-9);
  });

  it('truncated order (40×10) matches the reference with the same truncation', () => {
    const m10 = new SphericalHarmonicGravity(field, 40, 10);
    for (let i = 0; i < 50; i++) {
      const r = randomPoint(rand, 6.5e6, 8e6);
      const ref = referenceGravity(field, 40, 10, r);
      expect(diff(m10.accelerationEcef(r, out), ref.acceleration) / norm(ref.acceleration)).toBeLessThan(1e-13);
    }
  });

  it('every small, odd and truncated degree × order (0×0 … 40×39) matches the reference with the same truncation', () => {
    // The fast path seeds two degrees per column and then steps two at a time; odd and even
    // column lengths, order < degree and the tiniest fields all go through different tails.
    const cases: Array<[number, number]> = [[0, 0], [1, 0], [1, 1], [2, 0], [2, 1], [2, 2], [3, 3], [4, 3], [5, 5], [6, 2], [13, 13], [14, 7], [39, 39], [39, 8], [40, 39]];
    for (const [degree, order] of cases) {
      const truncated = new SphericalHarmonicGravity(field, degree, order);
      let worst = 0;
      let worstPerturbation = 0;
      for (let i = 0; i < 20; i++) {
        const r = randomPoint(rand, 6.5e6, 8e6);
        const ref = referenceGravity(field, degree, order, r);
        const e = diff(truncated.accelerationEcef(r, out), ref.acceleration);
        worst = Math.max(worst, e / norm(ref.acceleration));
        if (degree >= 2) {
          const k = -EGM96_GM_M3_PER_S2 / norm(r) ** 3;
          worstPerturbation = Math.max(worstPerturbation, e / norm([ref.acceleration[0] - k * r[0], ref.acceleration[1] - k * r[1], ref.acceleration[2] - k * r[2]]));
        }
      }
      expect(worst, `${degree}×${order}`).toBeLessThan(1e-13);
      expect(worstPerturbation, `${degree}×${order}`).toBeLessThan(5e-9);
    }
  });

  it('gradient equals central finite differences of the potential (h = 10 m)', () => {
    const h = 10;
    for (let i = 0; i < 30; i++) {
      const r = randomPoint(rand, 6.5e6, 8e6);
      model.accelerationEcef(r, out);
      for (let j = 0; j < 3; j++) {
        const rp = [...r];
        const rm = [...r];
        rp[j] += h;
        rm[j] -= h;
        const fd = (model.potential(rp) - model.potential(rm)) / (2 * h);
        // Rounding: a few ulp of U ≈ 6e7 m²/s² (ulp 7.5e-9) over 2h = 20 m ≈ 1e-9 m/s²;
        // truncation h²/6 · U‴ ≈ 100/6 · 6 GM/r⁴ ≈ 2e-10 m/s².
        expect(Math.abs(fd - out[j])).toBeLessThan(5e-9);
      }
    }
  });

  it('is regular at the poles: the value at the pole equals the mean of the reference at four points around it', () => {
    // Symmetric points at colatitude δ and longitudes 0, 90°, 180°, 270°: the linear change of
    // a cancels in the mean, the quadratic one is ~ (rδ)² GM/r⁴ ≈ 1e-11 m/s² for δ = 1e-6.
    for (const sign of [1, -1]) {
      const rPole = 6.9e6;
      const atPole = Float64Array.from(model.accelerationEcef([0, 0, sign * rPole], out));
      expect(atPole.every(Number.isFinite)).toBe(true);
      const delta = 1e-6;
      const mean = [0, 0, 0];
      for (let q = 0; q < 4; q++) {
        const lon = (q * Math.PI) / 2;
        const p = [rPole * Math.sin(delta) * Math.cos(lon), rPole * Math.sin(delta) * Math.sin(lon), sign * rPole * Math.cos(delta)];
        const ref = referenceGravity(field, 40, 40, p).acceleration;
        for (let j = 0; j < 3; j++) mean[j] += ref[j] / 4;
        // And at each point itself, the Pines value equals the reference.
        expect(diff(model.accelerationEcef(p, new Float64Array(3)), ref) / norm(ref)).toBeLessThan(1e-13);
      }
      expect(diff(atPole, mean)).toBeLessThan(1e-10);
      // Exactly on the axis and 7 µm off it: no jump beyond the true change, ≤ 2 GM/r³ · 7 µm ≈ 1.7e-11.
      const tiny = model.accelerationEcef([rPole * 1e-12, 0, sign * rPole], new Float64Array(3));
      expect(diff(tiny, atPole)).toBeLessThan(2e-11);
    }
  });
});

describe('zonal closed forms (EGM96 J2…J6, Lemoine et al. 1998)', () => {
  it('J_n from C̄n0: J2 = 1.08262668355e-3, J3 = −2.53265648533e-6, J4 = −1.61962159137e-6, J5 = −2.27296082869e-7, J6 = 5.40681239107e-7', () => {
    expect(EGM96_J[2]).toBeCloseTo(1.08262668355e-3, 14);
    expect(EGM96_J[3]).toBeCloseTo(-2.53265648533e-6, 16);
    expect(EGM96_J[4]).toBeCloseTo(-1.61962159137e-6, 16);
    expect(EGM96_J[5]).toBeCloseTo(-2.27296082869e-7, 17);
    expect(EGM96_J[6]).toBeCloseTo(5.40681239107e-7, 17);
  });

  it('Pines with only zonals loaded equals the closed forms (J2 only, and J2…J6) to 1e-14', () => {
    const rand = prng(3);
    const out1 = new Float64Array(3);
    const out2 = new Float64Array(3);
    const j2Field = new SphericalHarmonicGravity(zonalGravityField('EGM96 J2', EGM96_GM_M3_PER_S2, EGM96_RADIUS_M, EGM96_CBAR_N0.slice(0, 3)));
    const zonal = new SphericalHarmonicGravity(zonalGravityField('EGM96 J2-J6', EGM96_GM_M3_PER_S2, EGM96_RADIUS_M, EGM96_CBAR_N0));
    const j2Only = { gmM3PerS2: EGM96_GM_M3_PER_S2, radiusM: EGM96_RADIUS_M, j: [0, 0, EGM96_J[2]] };
    for (let i = 0; i < 200; i++) {
      const r = i === 0 ? [0, 0, 7e6] : i === 1 ? [0, 0, -7e6] : randomPoint(rand, 6.4e6, 4.2e7);
      expect(diff(j2Field.accelerationEcef(r, out1), zonalAcceleration(j2Only, r, out2)) / norm(out2)).toBeLessThan(1e-14);
      expect(diff(zonal.accelerationEcef(r, out1), zonalAcceleration(EGM96_ZONAL_MODEL, r, out2)) / norm(out2)).toBeLessThan(1e-14);
      // And the non-central part alone, to 1e-12 of itself.
      const pert1 = zonalAcceleration({ ...EGM96_ZONAL_MODEL, includeCentral: false }, r, new Float64Array(3));
      const central = zonalAcceleration({ ...EGM96_ZONAL_MODEL, j: [] }, r, new Float64Array(3));
      const pert2 = [out1[0] - central[0], out1[1] - central[1], out1[2] - central[2]];
      expect(diff(pert1, pert2) / norm(pert1)).toBeLessThan(1e-9);
    }
  });

  it('J2 closed form is the textbook one (Vallado Eq. 8-26)', () => {
    const r = [5.1e6, -3.3e6, 2.9e6];
    const rn = norm(r);
    const k = (-1.5 * EGM96_J[2] * EGM96_GM_M3_PER_S2 * EGM96_RADIUS_M ** 2) / rn ** 5;
    const u2 = (r[2] / rn) ** 2;
    const expected = [k * r[0] * (1 - 5 * u2), k * r[1] * (1 - 5 * u2), k * r[2] * (3 - 5 * u2)];
    const got = zonalAcceleration({ gmM3PerS2: EGM96_GM_M3_PER_S2, radiusM: EGM96_RADIUS_M, j: [0, 0, EGM96_J[2]], includeCentral: false }, r, new Float64Array(3));
    expect(diff(got, expected) / norm(expected)).toBeLessThan(1e-14);
  });
});

describe('WGS-84 normal gravity (NIMA TR8350.2)', () => {
  // The normal field's even zonals (TR8350.2 Table 3.? "Normalized zonal coefficients of the
  // ellipsoidal field"), with GM, a, ω of WGS-84. γ includes the centrifugal acceleration ω²ρ,
  // so |attraction + centrifugal| on the ellipsoid must equal γe at the equator and γp at the pole.
  const cBarN0 = [1, 0, -0.484166774985e-3, 0, 0.790303733511e-6, 0, -0.168724961151e-8, 0, 0.346052468394e-11, 0, -0.265002225747e-14];
  const normal = new SphericalHarmonicGravity(zonalGravityField('WGS-84 normal', WGS84.gmM3PerS2, WGS84.aM, cBarN0));
  const w2 = WGS84.omegaRadPerS ** 2;
  const gravity = (p: number[]) => {
    const a = normal.accelerationEcef(p, new Float64Array(3));
    return [a[0] + w2 * p[0], a[1] + w2 * p[1], a[2]];
  };
  it('equator: |g| = γe = 9.7803253359 m/s², pointing to the centre', () => {
    for (const lon of [0, 1, 4]) {
      const g = gravity([WGS84.aM * Math.cos(lon), WGS84.aM * Math.sin(lon), 0]);
      expect(Math.abs(norm(g) - 9.7803253359)).toBeLessThan(2e-9);
      expect(Math.abs(g[2])).toBeLessThan(1e-15);
    }
  });
  it('poles: |g| = γp = 9.8321849378 m/s²', () => {
    for (const z of [WGS84.bM, -WGS84.bM]) {
      expect(Math.abs(norm(gravity([0, 0, z])) - 9.8321849378)).toBeLessThan(2e-9);
    }
  });
  it('follows Somigliana at all latitudes (normal gravity is normal to the ellipsoid)', () => {
    const k = 0.00193185265241; // TR8350.2 Table 3.4: Somigliana constant
    for (let latDeg = -89; latDeg <= 89; latDeg += 8) {
      const lat = (latDeg * Math.PI) / 180;
      const n = WGS84.aM / Math.sqrt(1 - WGS84.e2 * Math.sin(lat) ** 2);
      const p = [n * Math.cos(lat), 0, n * (1 - WGS84.e2) * Math.sin(lat)];
      const somigliana = (9.7803253359 * (1 + k * Math.sin(lat) ** 2)) / Math.sqrt(1 - WGS84.e2 * Math.sin(lat) ** 2);
      expect(Math.abs(norm(gravity(p)) - somigliana)).toBeLessThan(5e-9);
    }
  });
});

describe.skipIf(!sharedDataAvailable())('EIGEN-6S at degree 240', () => {
  const text = sharedDataAvailable() ? readFileSync(sharedPath('gravity', 'eigen-6s.gfc'), 'latin1') : '';
  const field = sharedDataAvailable() ? parseIcgemGfc(text, 'eigen-6s.gfc') : (null as never);

  it('240×240 matches the term-by-term reference at random points and is finite at the poles', () => {
    const model = new SphericalHarmonicGravity(field, 240, 240);
    const rand = prng(5);
    const out = new Float64Array(3);
    for (let i = 0; i < 6; i++) {
      const r = randomPoint(rand, 6.40e6, 6.9e6);
      const ref = referenceGravity(field, 240, 240, r);
      model.accelerationEcef(r, out);
      expect(diff(out, ref.acceleration) / norm(ref.acceleration)).toBeLessThan(1e-12);
      expect(Math.abs(model.potential(r) - ref.potential) / ref.potential).toBeLessThan(1e-13);
    }
    // At the poles on the surface: the mean of the reference at four points 6 cm around each
    // pole (δ = 1e-8 rad; quadratic change ≈ (6 cm)² · 1e-8 /m² ≪ 1e-9 m/s²).
    for (const z of [6.3568e6, -6.3568e6]) {
      const a = Float64Array.from(model.accelerationEcef([0, 0, z], out));
      expect(a.every(Number.isFinite)).toBe(true);
      const mean = [0, 0, 0];
      for (let q = 0; q < 4; q++) {
        const lon = (q * Math.PI) / 2;
        const ref = referenceGravity(field, 240, 240, [Math.abs(z) * 1e-8 * Math.cos(lon), Math.abs(z) * 1e-8 * Math.sin(lon), z]).acceleration;
        for (let j = 0; j < 3; j++) mean[j] += ref[j] / 4;
      }
      expect(diff(a, mean)).toBeLessThan(1e-9);
    }
  });

  it('surface gravity minus WGS-84 normal gravity (the gravity disturbance) is Earth-like: RMS < 60 mGal, |max| < 500 mGal', () => {
    const model = new SphericalHarmonicGravity(field, 240, 240);
    const w2 = WGS84.omegaRadPerS ** 2;
    const k = 0.00193185265241;
    const rand = prng(9);
    let sum2 = 0;
    let worst = 0;
    const N = 300;
    for (let i = 0; i < N; i++) {
      const lat = Math.asin(2 * rand() - 1);
      const lon = 2 * Math.PI * rand();
      const n = WGS84.aM / Math.sqrt(1 - WGS84.e2 * Math.sin(lat) ** 2);
      const p = [n * Math.cos(lat) * Math.cos(lon), n * Math.cos(lat) * Math.sin(lon), n * (1 - WGS84.e2) * Math.sin(lat)];
      const a = model.accelerationEcef(p, new Float64Array(3));
      const g = Math.hypot(a[0] + w2 * p[0], a[1] + w2 * p[1], a[2]);
      const gamma = (9.7803253359 * (1 + k * Math.sin(lat) ** 2)) / Math.sqrt(1 - WGS84.e2 * Math.sin(lat) ** 2);
      const dg = g - gamma;
      sum2 += dg * dg;
      worst = Math.max(worst, Math.abs(dg));
    }
    const rms = Math.sqrt(sum2 / N);
    expect(rms).toBeLessThan(60e-5);
    expect(rms).toBeGreaterThan(5e-5); // a real field, not the normal one
    expect(worst).toBeLessThan(500e-5);
  });
});
