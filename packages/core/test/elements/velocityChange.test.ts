import { describe, expect, it } from 'vitest';
import {
  WGS72_EQUATORIAL_RADIUS_M,
  WGS72_MU_M3_PER_S2,
  deltaVForSemiMajorAxisChangeMPerS,
  semiMajorAxisChangeForDeltaVM,
} from '../../src/foundation/elements/index.js';

describe('Δa ↔ Δv for near-circular orbits', () => {
  it('1 m/s raises the ISS orbit by 1.7–1.8 km (facts file §3 rule of thumb)', () => {
    for (const altitudeKm of [400, 410, 420]) {
      const a = WGS72_EQUATORIAL_RADIUS_M + altitudeKm * 1000;
      const dA = semiMajorAxisChangeForDeltaVM(a, 1);
      expect(dA).toBeGreaterThan(1700);
      expect(dA).toBeLessThan(1800);
    }
  });

  it('Progress 15P, 17 Nov 2004: 1.6 m/s → about +2.9 km (NASA On-Orbit Status, facts §3)', () => {
    const a = WGS72_EQUATORIAL_RADIUS_M + 360_000; // ISS mean altitude late 2004 was ~360 km
    const dA = semiMajorAxisChangeForDeltaVM(a, 1.6);
    expect(dA / 1000).toBeGreaterThan(2.7);
    expect(dA / 1000).toBeLessThan(3.0);
  });

  it('agrees with the exact Hohmann-like vis-viva result to first order', () => {
    // Exact: after a tangential kick Δv on a circular orbit, 1/a' = 2/r − (v+Δv)²/μ.
    const a = 6_790_000;
    const dv = 2;
    const v = Math.sqrt(WGS72_MU_M3_PER_S2 / a);
    const aAfter = 1 / (2 / a - ((v + dv) * (v + dv)) / WGS72_MU_M3_PER_S2);
    const approx = semiMajorAxisChangeForDeltaVM(a, dv);
    // second-order term ~ 3(Δv/v)·Δa/2 ≈ 1.4 m here
    expect(Math.abs(aAfter - a - approx)).toBeLessThan(3);
    expect(deltaVForSemiMajorAxisChangeMPerS(a, approx)).toBeCloseTo(dv, 12);
  });

  it('is signed: lowering gives a negative Δv', () => {
    expect(deltaVForSemiMajorAxisChangeMPerS(6_700_000, -1000)).toBeLessThan(0);
    expect(() => deltaVForSemiMajorAxisChangeMPerS(-1, 1)).toThrow(/semi-major axis/);
  });
});
