import { describe, expect, it } from 'vitest';
import { gcrfToItrfInto } from '../../../src/foundation/frames/fk5.js';
import { mat3, mulVec } from '../../../src/foundation/frames/mat3.js';
import { Epoch } from '../../../src/foundation/time/epoch.js';
import { constantEop, parseCelestrakEop } from '../../../src/foundation/time/eop.js';
import { moonPositionGcrfM } from '../../../src/foundation/bodies/moon.js';
import { sunPositionJ2000GeometricM as sunPositionGcrfM } from '../../../src/foundation/bodies/sun.js';
import { SunMoonCache } from '../../../src/propagation/numerical/bodyPositionCache.js';
import { EarthRotationCache } from '../../../src/propagation/numerical/earthRotationCache.js';
import { readShared, sharedDataAvailable } from '../../../../../test/sharedData.js';

/** A circular ISS-like orbit (r = 6778 km, i = 51.6°) in GCRF at t seconds. */
function issLikePosition(t: number, out: Float64Array): Float64Array {
  const r = 6_778_137;
  const n = Math.sqrt(3.986004418e14 / r ** 3);
  const i = (51.6 * Math.PI) / 180;
  const u = n * t;
  out[0] = r * Math.cos(u);
  out[1] = r * Math.sin(u) * Math.cos(i);
  out[2] = r * Math.sin(u) * Math.sin(i);
  return out;
}

function maxCacheError(eop: Parameters<typeof gcrfToItrfInto>[5], start: Epoch, spanS: number, spacingS: number): number {
  const cache = new EarthRotationCache(start, eop, spacingS);
  const m = mat3();
  const r = new Float64Array(3);
  const cached = new Float64Array(3);
  const exact = new Float64Array(3);
  let worst = 0;
  // Irregular sample times (not on the node grid), forward then a few backward.
  for (let t = 0; t <= spanS; t += 37.3) {
    issLikePosition(t, r);
    mulVec(cache.matrixAt(t, m), r, cached);
    gcrfToItrfInto(start.plusSeconds(t), r, null, exact, null, eop);
    worst = Math.max(worst, Math.hypot(cached[0] - exact[0], cached[1] - exact[1], cached[2] - exact[2]));
  }
  return worst;
}

describe('EarthRotationCache (interpolated precession–nutation, exact Earth rotation)', () => {
  const start = Epoch.fromIso('2024-03-15T00:00:00Z');
  const eop = constantEop({ ut1MinusUtcS: -0.0123, xpArcsec: 0.05, ypArcsec: 0.3, dPsiArcsec: -0.11, dEpsArcsec: -0.01 });

  it('stays below 1 mm of the exact FK5+GMST+polar-motion chain along an ISS orbit (default 300 s nodes)', () => {
    const err = maxCacheError(eop, start, 2 * 86400, 300);
    expect(err).toBeLessThan(1e-3);
    // The error bound of the module note (≤ 5.6e-13 rad → 4 µm) is what is met:
    expect(err).toBeLessThan(1e-5);
  });

  it('grows as h² (the stated error model): 3600 s nodes are still sub-millimetre', () => {
    const coarse = maxCacheError(eop, start, 86400, 3600);
    expect(coarse).toBeLessThan(1e-3);
    expect(coarse).toBeGreaterThan(maxCacheError(eop, start, 86400, 300));
  });

  it.skipIf(!sharedDataAvailable())('with real EOP (daily rows, UT1 and polar-motion kinks at 0 h) still below 1 mm', () => {
    const real = parseCelestrakEop(readShared('eop', 'EOP-All.txt'), 'EOP-All.txt');
    expect(maxCacheError(real, Epoch.fromIso('2023-06-30T20:00:00Z'), 86400, 300)).toBeLessThan(1e-3);
  });

  function checkPoints(eopSource: Parameters<typeof gcrfToItrfInto>[5], origin: Epoch, times: number[]): void {
    const cache = new EarthRotationCache(origin, eopSource, 300);
    const m = mat3();
    const r = new Float64Array([6_778_137, 0, 0]);
    const a = new Float64Array(3);
    const b = new Float64Array(3);
    for (const t of times) {
      mulVec(cache.matrixAt(t, m), r, a);
      gcrfToItrfInto(origin.plusSeconds(t), r, null, b, null, eopSource);
      expect(Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2])).toBeLessThan(1e-3);
    }
  }

  it('works backwards (negative t, nodes in both directions)', () => {
    checkPoints(eop, start, [7200, 1000.5, -500, -86400.25, -3601, 10]);
  });

  // With a real EOP table UT1−UTC steps by +1 s at the leap second, so UT1 (and θ) stay continuous
  // and the node interpolation across it is exact. (A constant UT1−UTC would make UT1 itself jump.)
  // Points inside the leap second itself (t ∈ (3600, 3601)) are left out: there the exact chain
  // (earthOrientation) holds UT1 at 00:00:00 + dUT1 for the whole second, while the cache keeps
  // rotating — the cache is the physical one there.
  it.skipIf(!sharedDataAvailable())('crosses the 2016-12-31 leap second with real EOP', () => {
    const real = parseCelestrakEop(readShared('eop', 'EOP-All.txt'), 'EOP-All.txt');
    checkPoints(real, Epoch.fromIso('2016-12-31T23:00:00Z'), [7200, 3601.5, 3601.001, 3600, 3599.9, 3700, 3899, 1000, -500]);
  });
});

describe('SunMoonCache (cubic interpolation of astronomy-engine)', () => {
  it('matches the exact ephemeris to < 1 m (Moon) and < 10 m (Sun) between nodes', () => {
    const start = Epoch.fromIso('2024-03-15T00:00:00Z');
    const cache = new SunMoonCache(start, 1800);
    const a = new Float64Array(3);
    const b = new Float64Array(3);
    let worstSun = 0;
    let worstMoon = 0;
    for (let t = -3000; t < 2 * 86400; t += 611.7) {
      cache.sunAt(t, a);
      sunPositionGcrfM(start.plusSeconds(t), b);
      worstSun = Math.max(worstSun, Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]));
      cache.moonAt(t, a);
      moonPositionGcrfM(start.plusSeconds(t), b);
      worstMoon = Math.max(worstMoon, Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]));
    }
    // 1 m on the Moon's 3.8e8 m is 3e-9 relative; 10 m on the Sun's 1.5e11 m is 7e-11.
    expect(worstMoon).toBeLessThan(1);
    expect(worstSun).toBeLessThan(10);
    // Sanity: distances are the Sun's and the Moon's.
    expect(Math.hypot(b[0], b[1], b[2])).toBeGreaterThan(3.5e8);
    expect(Math.hypot(b[0], b[1], b[2])).toBeLessThan(4.1e8);
  });
});
