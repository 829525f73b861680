import { describe, expect, it } from 'vitest';
import { PointMassGravityForce, SphericalHarmonicGravityForce, ZonalGravityForce } from '../../src/models/forces/gravity.js';
import { zonalGravityField } from '../../src/models/gravity/coefficients.js';
import { SphericalHarmonicGravity } from '../../src/models/gravity/sphericalHarmonics.js';
import { EGM96_CBAR_N0, EGM96_GM_M3_PER_S2, EGM96_RADIUS_M, EGM96_ZONAL_MODEL, zonalAcceleration } from '../../src/models/gravity/zonal.js';
import { rot1, rot3, mulMat } from '../../src/foundation/frames/mat3.js';
import { accelerationOf, makeContext, norm } from './context.js';

describe('gravity force models rotate ITRF ↔ GCRF', () => {
  // An arbitrary GCRF→ITRF rotation (Earth angle 1.3 rad, a 0.4 rad tilt to make it non-trivial).
  const m = mulMat(rot3(1.3, new Float64Array(9)), rot1(0.4, new Float64Array(9)), new Float64Array(9));
  const r = [4.1e6, -3.2e6, 4.4e6];

  it('zonal and spherical-harmonic forces equal Mᵀ a(M r) and agree with each other', () => {
    const ctx = makeContext({ r, gcrfToItrf: m });
    const zonal = accelerationOf(new ZonalGravityForce(EGM96_ZONAL_MODEL), ctx);
    const aItrf = zonalAcceleration(EGM96_ZONAL_MODEL, ctx.rItrfM, new Float64Array(3));
    const expected = [0, 1, 2].map((j) => m[j] * aItrf[0] + m[3 + j] * aItrf[1] + m[6 + j] * aItrf[2]);
    for (let j = 0; j < 3; j++) expect(zonal[j]).toBeCloseTo(expected[j], 15);
    const sh = accelerationOf(new SphericalHarmonicGravityForce(new SphericalHarmonicGravity(zonalGravityField('EGM96 zonal', EGM96_GM_M3_PER_S2, EGM96_RADIUS_M, EGM96_CBAR_N0))), ctx);
    expect(Math.hypot(sh[0] - zonal[0], sh[1] - zonal[1], sh[2] - zonal[2]) / norm(zonal)).toBeLessThan(1e-14);
    // The J2 effect depends on the Earth-fixed latitude: differs from using GCRF z directly.
    const wrong = zonalAcceleration(EGM96_ZONAL_MODEL, r, new Float64Array(3));
    expect(Math.hypot(wrong[0] - zonal[0], wrong[1] - zonal[1], wrong[2] - zonal[2])).toBeGreaterThan(1e-3);
  });

  it('point mass: −GM r/r³ in GCRF, adds into out', () => {
    const ctx = makeContext({ r: [7e6, 0, 0] });
    const out = Float64Array.from([1, 2, 3]);
    new PointMassGravityForce(EGM96_GM_M3_PER_S2).addAcceleration(ctx, out);
    expect(out[0]).toBeCloseTo(1 - EGM96_GM_M3_PER_S2 / 49e12, 14);
    expect(out[1]).toBe(2);
    expect(() => new PointMassGravityForce(0)).toThrow(/gmM3PerS2/);
  });
});
