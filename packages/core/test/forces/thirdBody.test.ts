import { describe, expect, it } from 'vitest';
import * as Astronomy from 'astronomy-engine';
import { addThirdBodyAcceleration, GM_MOON_M3_PER_S2, GM_SUN_M3_PER_S2, ThirdBodyForce } from '../../src/models/forces/thirdBody.js';
import { moonPositionGcrfM } from '../../src/foundation/bodies/moon.js';
import { sunPositionJ2000GeometricM } from '../../src/foundation/bodies/sun.js';
import { Epoch } from '../../src/foundation/time/epoch.js';
import { accelerationOf, makeContext, norm } from './context.js';

const D_MOON = 3.844e8;

describe('third-body perturbation (Battin f(q))', () => {
  it('equals the direct difference GM[(s−r)/|s−r|³ − s/|s|³]', () => {
    // The direct form loses ~|s|/|r| digits to cancellation; compare to 1e-8 of the result.
    for (const [r, s, gm] of [
      [[6.778e6, 1e5, -2e6], [1.2e11, -8e10, 3e10], GM_SUN_M3_PER_S2],
      [[-4e6, 5e6, 1e6], [2e8, 3.1e8, -5e7], GM_MOON_M3_PER_S2],
      [[4.2e7, 0, 0], [-3.8e8, 0, 1e7], GM_MOON_M3_PER_S2],
    ] as [number[], number[], number][]) {
      const got = new Float64Array(3);
      addThirdBodyAcceleration(gm, r, s, got);
      const d = [s[0] - r[0], s[1] - r[1], s[2] - r[2]];
      const nd = norm(d) ** 3;
      const ns = norm(s) ** 3;
      const direct = [0, 1, 2].map((i) => gm * (d[i] / nd - s[i] / ns));
      expect(Math.hypot(got[0] - direct[0], got[1] - direct[1], got[2] - direct[2]) / norm(direct)).toBeLessThan(1e-7);
    }
  });

  it('Moon on a LEO satellite on the Earth–Moon line: tidal 2 GM r/d³ ≈ 1.17e-6 m/s² toward the Moon', () => {
    const r = 6.778e6;
    const expected = (2 * GM_MOON_M3_PER_S2 * r) / D_MOON ** 3; // hand value: 1.1700e-6
    expect(expected).toBeCloseTo(1.17e-6, 8);
    const ctx = makeContext({ r: [0, r, 0], moonGcrfM: Float64Array.from([0, D_MOON, 0]) });
    const a = accelerationOf(new ThirdBodyForce('moon'), ctx);
    // Exact: GM[1/(d−r)² − 1/d²] = 2GMr/d³ (1 + 3x/2 + 2x² + …), x = r/d: 2.7 % above the leading term.
    const exact = GM_MOON_M3_PER_S2 * (1 / (D_MOON - r) ** 2 - 1 / D_MOON ** 2);
    expect(a[1]).toBeCloseTo(exact, 17);
    const x = r / D_MOON;
    expect(a[1] / expected - 1).toBeCloseTo(1.5 * x + 2 * x * x, 4);
    expect(Math.abs(a[0]) + Math.abs(a[2])).toBe(0);
  });

  it('symmetry: far side pulled away (+ −), broadside compressed by −GM r/d³, mirror points mirror', () => {
    const r = 7e6;
    const moon = new ThirdBodyForce('moon');
    const near = accelerationOf(moon, makeContext({ r: [0, r, 0] }));
    const far = accelerationOf(moon, makeContext({ r: [0, -r, 0] }));
    expect(near[1]).toBeGreaterThan(0);
    expect(far[1]).toBeLessThan(0); // stretched along the line, both away from the Earth
    // Equal and opposite to first order; the magnitudes differ by 3r/d (the octupole term).
    expect(Math.abs(far[1] / near[1] + 1 - 3 * (r / D_MOON))).toBeLessThan(5 * (r / D_MOON) ** 2);
    const side = accelerationOf(moon, makeContext({ r: [r, 0, 0] }));
    expect(side[0] / (-(GM_MOON_M3_PER_S2 * r) / D_MOON ** 3) - 1).toBeLessThan(1e-3);
    const sideMirror = accelerationOf(moon, makeContext({ r: [-r, 0, 0] }));
    expect(sideMirror[0]).toBeCloseTo(-side[0], 20);
    expect(sideMirror[1]).toBeCloseTo(side[1], 20);
    // At the Earth's centre the perturbation vanishes.
    expect(norm(accelerationOf(moon, makeContext({ r: [0, 0, 0] })))).toBe(0);
  });

  it('Sun at 1 AU: tidal 2 GM r/AU³ ≈ 5.4e-7 m/s² on a 6778 km orbit', () => {
    const au = 1.495978707e11;
    const a = accelerationOf(new ThirdBodyForce('sun'), makeContext({ r: [6.778e6, 0, 0], sunGcrfM: Float64Array.from([au, 0, 0]) }));
    expect(a[0]).toBeCloseTo((2 * GM_SUN_M3_PER_S2 * 6.778e6) / au ** 3, 9);
    expect(a[0]).toBeGreaterThan(5.3e-7);
    expect(a[0]).toBeLessThan(5.5e-7);
  });

  it('rejects an unknown body', () => {
    expect(() => new ThirdBodyForce('mars' as never)).toThrow(/body: must be 'sun' or 'moon', got 'mars'/);
  });
});

describe('Moon position (astronomy-engine GeoMoon)', () => {
  it('matches Meeus, Astronomical Algorithms Example 47.a (1992-04-12 0h TD): λ 133.167265°, β −3.229126°, Δ 368409.7 km', () => {
    // 0h TD = TT; Meeus gives apparent λ (with nutation Δψ = +0.004610°), geometric otherwise.
    const epoch = Epoch.fromTtJulianDate(2448724.5);
    const r = moonPositionGcrfM(epoch);
    const distanceKm = norm(r) / 1000;
    expect(Math.abs(distanceKm - 368409.7)).toBeLessThan(20); // measured: 14.8 km
    const time = Astronomy.AstroTime.FromTerrestrialTime(epoch.ttSecondsJ2000() / 86400);
    const ecl = Astronomy.Ecliptic(new Astronomy.Vector(r[0] / 1.495978707e11, r[1] / 1.495978707e11, r[2] / 1.495978707e11, time));
    // Ecliptic() gives true ecliptic of date (nutation included), as Meeus' apparent λ.
    expect(Math.abs(ecl.elon - 133.167265) * 3600).toBeLessThan(5); // measured ≈ 2.3″
    expect(Math.abs(ecl.elat - -3.229126) * 3600).toBeLessThan(2); // measured ≈ 0.8″
  });
  it('Sun and Moon positions fill a context and give a combined perturbation of the expected size', () => {
    const epoch = Epoch.fromUtc(2024, 6, 1);
    const ctx = makeContext({ epoch, sunGcrfM: sunPositionJ2000GeometricM(epoch), moonGcrfM: moonPositionGcrfM(epoch) });
    expect(norm(ctx.sunGcrfM) / 1.495978707e11).toBeGreaterThan(0.98);
    expect(norm(ctx.moonGcrfM) / 1e3).toBeGreaterThan(356000);
    expect(norm(ctx.moonGcrfM) / 1e3).toBeLessThan(407000);
    const total = new Float64Array(3);
    new ThirdBodyForce('sun').addAcceleration(ctx, total);
    new ThirdBodyForce('moon').addAcceleration(ctx, total);
    expect(norm(total)).toBeGreaterThan(1e-7);
    expect(norm(total)).toBeLessThan(2.2e-6);
  });
});
