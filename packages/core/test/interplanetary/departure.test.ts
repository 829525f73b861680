/** Parking-orbit departure and capture burns, and the launch-plane constraint. */
import { describe, expect, it } from 'vitest';
import { circularToHyperbola, launchPlane } from '../../src/analysis/interplanetary/departure.js';

const DEG = Math.PI / 180;

describe('circular orbit ↔ hyperbola', () => {
  it('Curtis Example 8.4: v∞ 2.943 km/s from a 300 km circular orbit needs 3.590 km/s', () => {
    // Curtis, Orbital Mechanics for Engineering Students, Example 8.4 (μ = 398600 km³/s²,
    // R = 6378 km): v_c = 7.726 km/s, v_p = 11.32 km/s, Δv = 3.590 km/s (printed to 1 m/s).
    const b = circularToHyperbola({ vInfinityMS: 2943, gmM3S2: 398600e9, orbitRadiusM: 6678e3 });
    expect(b.circularSpeedMS / 1e3).toBeCloseTo(7.726, 3);
    expect(b.periapsisSpeedMS / 1e3).toBeCloseTo(11.32, 2);
    expect(Math.abs(b.deltaVMS / 1e3 - 3.59)).toBeLessThanOrEqual(0.0005);
  });

  it('v∞ = 0 needs exactly the escape increment (√2 − 1)·v_c', () => {
    const b = circularToHyperbola({ vInfinityMS: 0, gmM3S2: 3.986004418e14, orbitRadiusM: 6563137 });
    expect(b.deltaVMS / b.circularSpeedMS).toBeCloseTo(Math.SQRT2 - 1, 12);
  });

  it('rejects a non-positive radius and a negative v∞ by name', () => {
    expect(() => circularToHyperbola({ vInfinityMS: 1, gmM3S2: 1, orbitRadiusM: 0 })).toThrow(/orbit radius must be positive/);
    expect(() => circularToHyperbola({ vInfinityMS: -1, gmM3S2: 1, orbitRadiusM: 1 })).toThrow(/v∞ must be non-negative/);
  });
});

describe('launch plane', () => {
  it('a declination above the site latitude sets the inclination; azimuth from sin Az = cos i / cos φ', () => {
    const p = launchPlane({ asymptoteDeclinationRad: 40 * DEG, siteLatitudeRad: 28.5 * DEG });
    expect(p.minimumInclinationRad / DEG).toBeCloseTo(40, 12);
    expect(p.declinationWithinSiteLatitude).toBe(false);
    expect(Math.sin(p.launchAzimuthRad)).toBeCloseTo(Math.cos(40 * DEG) / Math.cos(28.5 * DEG), 12);
  });

  it('a declination below the site latitude: the site latitude is the floor, launch due east', () => {
    const p = launchPlane({ asymptoteDeclinationRad: -10 * DEG, siteLatitudeRad: 34.6 * DEG });
    expect(p.minimumInclinationRad / DEG).toBeCloseTo(34.6, 12);
    expect(p.declinationWithinSiteLatitude).toBe(true);
    expect(p.launchAzimuthRad / DEG).toBeCloseTo(90, 5);
  });
});
