import { describe, expect, it } from 'vitest';
import {
  EARTH_SHADOW_RADIUS_M,
  SUN_RADIUS_M,
  inCylindricalShadow,
  shadowAngles,
  shadowState,
  sunlitFraction,
  umbraMarginRad,
} from '../../src/foundation/bodies/shadow.js';
import {
  ISS_STANDARD_MAGNITUDE,
  diffuseSpherePhaseFactor,
  phaseAngleRad,
  satelliteMagnitude,
} from '../../src/analysis/passes/magnitude.js';

const DEG = Math.PI / 180;
const AU = 149_597_870_700;

describe('diffuse-sphere magnitude against hand-computed values', () => {
  it('equals the standard magnitude at 1000 km and 90° phase', () => {
    expect(satelliteMagnitude(ISS_STANDARD_MAGNITUDE, 1e6, 90 * DEG)).toBeCloseTo(-1.8, 12);
    expect(diffuseSpherePhaseFactor(90 * DEG)).toBeCloseTo(1, 15);
  });
  it('full phase is brighter by 2.5 log10 π = 1.2429 mag', () => {
    // sin 0 + π cos 0 = π.
    expect(satelliteMagnitude(-1.8, 1e6, 0)).toBeCloseTo(-1.8 - 1.242874, 5);
  });
  it('range term is 5 log10(range / 1000 km)', () => {
    // 2000 km: 5 log10 2 = 1.505150.
    expect(satelliteMagnitude(-1.8, 2e6, 90 * DEG)).toBeCloseTo(-1.8 + 1.50515, 5);
  });
  it('ISS at 485 km and 113.1° phase: −2.532 (by hand: sin = 0.919821, (π−φ) cos φ = −0.458103)', () => {
    // arg = 0.919821 + 1.167625 × (−0.392337) = 0.461719; −2.5 log10(arg) = +0.838963;
    // 5 log10(0.485) = −1.571198; −1.8 − 1.571198 + 0.838963 = −2.532235.
    expect(satelliteMagnitude(-1.8, 485e3, 113.1 * DEG)).toBeCloseTo(-2.532235, 5);
  });
  it('800 km at 60° phase: −2.98896 (arg = 0.866025 + 2.094395 × 0.5 = 1.913223)', () => {
    expect(satelliteMagnitude(-1.8, 800e3, 60 * DEG)).toBeCloseTo(-2.988964, 5);
  });
  it('an unlit face (180°) is invisible, and bad input is refused', () => {
    expect(satelliteMagnitude(-1.8, 1e6, Math.PI)).toBe(Infinity);
    expect(() => satelliteMagnitude(-1.8, 0, 1)).toThrow(/range must be positive/);
    expect(() => diffuseSpherePhaseFactor(-0.1)).toThrow(/phase angle/);
  });
  it('phase angle from vectors', () => {
    expect(phaseAngleRad([1, 0, 0], [0, 5, 0])).toBeCloseTo(Math.PI / 2, 15);
    expect(phaseAngleRad([1, 0, 0], [-2, 0, 0])).toBeCloseTo(Math.PI, 15);
    expect(phaseAngleRad([1, 1, 0], [1, 0, 0])).toBeCloseTo(Math.PI / 4, 15);
  });
});

describe('Earth shadow (conical M&G §3.4.2, cylindrical Vallado Alg. 34)', () => {
  const sun = [AU, 0, 0];
  const r = EARTH_SHADOW_RADIUS_M + 400e3;

  it('sunlit on the day side and at the terminator, umbra on the anti-Sun axis', () => {
    expect(sunlitFraction([r, 0, 0], sun)).toBe(1);
    expect(sunlitFraction([0, r, 0], sun)).toBe(1);
    expect(sunlitFraction([-r, 0, 0], sun)).toBe(0);
    expect(inCylindricalShadow([-r, 0, 0], sun)).toBe(true);
    expect(inCylindricalShadow([0, r, 0], sun)).toBe(false);
    expect(shadowState([-r, 0, 0], sun)).toBe('umbra');
    expect(shadowState([r, 0, 0], sun)).toBe('sunlit');
  });

  it('half the solar disc is hidden when the Earth limb passes through the Sun centre', () => {
    // Place the satellite so that the separation c equals the Earth's apparent radius b:
    // position at angle θ behind the terminator with asin(R/r) = angle to the Earth centre's limb.
    // Solve c = b by bisection on the angle around the orbit (geometry only).
    let lo = 90 * DEG;
    let hi = 180 * DEG;
    for (let i = 0; i < 80; i++) {
      const mid = 0.5 * (lo + hi);
      const pos = [r * Math.cos(mid), r * Math.sin(mid), 0];
      const { earthRadiusRad: b, separationRad: c } = shadowAngles(pos, sun);
      if (c > b) lo = mid;
      else hi = mid;
    }
    const pos = [r * Math.cos(lo), r * Math.sin(lo), 0];
    // The Earth's limb is curved (b ≈ 70° ≫ a ≈ 0.27°), so slightly less than half is covered:
    // the covered part is a disc segment bounded by an arc of radius b: 0.5 − O(a/b) ≈ 0.5 − 0.002.
    const nu = sunlitFraction(pos, sun);
    expect(nu).toBeGreaterThan(0.495);
    expect(nu).toBeLessThan(0.51);
    expect(shadowState(pos, sun)).toBe('penumbra');
    expect(umbraMarginRad(pos, sun)).toBeGreaterThan(0);
  });

  it('penumbra is 2a wide in separation and the lit fraction grows monotonically across it', () => {
    // At 400 km the ISS crosses 2a = 0.53° of separation in ~8 s (the observed penumbra crossing).
    const a = Math.asin(SUN_RADIUS_M / AU);
    expect(2 * a / DEG).toBeCloseTo(0.533, 2);
    let prev = -1;
    // From behind the Earth (larger angle) towards the day side (smaller angle).
    for (let deg = 130; deg >= 100; deg -= 0.01) {
      const nu = sunlitFraction([r * Math.cos(deg * DEG), r * Math.sin(deg * DEG), 0], sun);
      expect(nu).toBeGreaterThanOrEqual(prev);
      prev = nu;
    }
    expect(prev).toBe(1);
  });

  it('umbra boundary of the conical model lies within the penumbra-width of the cylinder', () => {
    // The cylinder edge (perpendicular distance = R) sits between umbra and full Sun.
    const thetaCyl = Math.PI - Math.asin(EARTH_SHADOW_RADIUS_M / r); // perp = R behind the Earth
    const pos = [r * Math.cos(thetaCyl), r * Math.sin(thetaCyl), 0];
    const nu = sunlitFraction(pos, sun);
    expect(nu).toBeGreaterThan(0.4);
    expect(nu).toBeLessThan(0.6);
  });
});
