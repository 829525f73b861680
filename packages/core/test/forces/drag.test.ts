import { describe, expect, it } from 'vitest';
import type { AtmosphereModel, AtmosphereSpaceWeather } from '../../src/models/atmosphere/types.js';
import { DragForce } from '../../src/models/forces/drag.js';
import { Epoch } from '../../src/foundation/time/epoch.js';
import { accelerationOf, makeContext, norm } from './context.js';

/**
 * Test-only exponential atmosphere: ρ = ρ0 exp(−(h − h0)/H) over a sphere of radius 6378137 m,
 * with ρ0 = 3.725e-12 kg/m³ at h0 = 400 km and H = 58.515 km (Vallado 4th ed. Table 8-4 row
 * 400–450 km).
 */
const exponential: AtmosphereModel = {
  name: 'exponential (test)',
  density(p) {
    const h = Math.hypot(p[0], p[1], p[2]) - 6378137;
    return 3.725e-12 * Math.exp(-(h - 400e3) / 58515);
  },
};

function countingWeather() {
  const calls: Epoch[] = [];
  const weather: AtmosphereSpaceWeather = { f107: 150, f107a: 140, ap: [15, 12, 12, 12, 12, 12, 12] };
  return { calls, source: { at: (e: Epoch) => (calls.push(e), weather) } };
}

const OMEGA = 7.292115e-5;

describe('drag (co-rotating atmosphere)', () => {
  it('ISS-like: a = −½ ρ Cd A/m |v_rel| v_rel at 400 km, equatorial prograde orbit', () => {
    const r = 6378137 + 400e3;
    const v = 7668.6;
    const { source } = countingWeather();
    const drag = new DragForce({ atmosphere: exponential, spaceWeather: source, cd: 2.2, areaM2: 1500 });
    const ctx = makeContext({ r: [r, 0, 0], v: [0, v, 0], massKg: 420000 });
    const a = accelerationOf(drag, ctx);
    // v_rel = v − ω r = 7668.6 − 494.3 m/s along +y.
    const vRel = v - OMEGA * r;
    const expected = -0.5 * 3.725e-12 * ((2.2 * 1500) / 420000) * vRel * vRel; // −7.53e-7 m/s²
    expect(a[1]).toBeCloseTo(expected, 18);
    expect(a[0]).toBe(0);
    expect(a[1]).toBeGreaterThan(-8e-7);
    expect(a[1]).toBeLessThan(-7e-7);
  });

  it('polar orbit: the co-rotation adds a cross-track component −ω × r', () => {
    const r = 6.778e6;
    const { source } = countingWeather();
    const drag = new DragForce({ atmosphere: exponential, spaceWeather: source, ballisticCoefficientKgPerM2: 100 });
    const ctx = makeContext({ r: [r, 0, 0], v: [0, 0, 7668] });
    const a = accelerationOf(drag, ctx);
    // v_rel = (0, −ω r, 7668): a ∥ −v_rel.
    const vRel = [0, -OMEGA * r, 7668];
    const k = -0.5 * exponential.density(ctx.rItrfM, ctx.epoch, source.at(ctx.epoch)) * (1 / 100) * norm(vRel);
    for (let i = 0; i < 3; i++) expect(a[i]).toBeCloseTo(k * vRel[i], 20);
  });

  it('the rotation axis is ITRF z expressed in GCRF (third row of gcrfToItrf)', () => {
    // GCRF→ITRF a rotation of 90° about x: ITRF z = GCRF −y... row 3 of M = (0, −1, 0).
    const m = Float64Array.from([1, 0, 0, 0, 0, 1, 0, -1, 0]);
    const r = 6.778e6;
    const { source } = countingWeather();
    const drag = new DragForce({ atmosphere: exponential, spaceWeather: source, ballisticCoefficientKgPerM2: 100 });
    const ctx = makeContext({ r: [r, 0, 0], v: [0, 0, 0], gcrfToItrf: m });
    const a = accelerationOf(drag, ctx);
    // ω = −ω ŷ; ω × r = (−ω ŷ) × (r x̂) = ω r ẑ; v_rel = −ω r ẑ; drag pushes along +ẑ.
    expect(a[2]).toBeGreaterThan(0);
    expect(Math.abs(a[0]) + Math.abs(a[1])).toBe(0);
  });

  it('space weather is looked up once per 3-hour UTC interval, not per call', () => {
    const { calls, source } = countingWeather();
    const drag = new DragForce({ atmosphere: exponential, spaceWeather: source, cd: 2.2, areaM2: 10 });
    const start = Epoch.fromUtc(2024, 5, 10, 1, 30);
    for (let t = 0; t <= 6 * 3600; t += 10) {
      drag.addAcceleration(makeContext({ epoch: start.plusSeconds(t) }), new Float64Array(3));
    }
    // 01:30 → 07:30 crosses 03:00 and 06:00: intervals [00,03), [03,06), [06,09).
    expect(calls.length).toBe(3);
    expect(calls[1].toIsoUtc(0)).toBe('2024-05-10T03:00:00Z');
    expect(calls[2].toIsoUtc(0)).toBe('2024-05-10T06:00:00Z');
  });

  it('cached values are copied: a source reusing its object does not leak later values', () => {
    const shared = { f107: 100, f107a: 100, ap: [4, 4, 4, 4, 4, 4, 4] };
    const drag = new DragForce({ atmosphere: exponential, spaceWeather: { at: () => shared }, cd: 2, areaM2: 1 });
    const w = drag.weatherAt(Epoch.fromUtc(2024, 1, 1));
    shared.f107 = 999;
    shared.ap[0] = 999;
    expect(drag.weatherAt(Epoch.fromUtc(2024, 1, 1, 0, 1)).f107).toBe(100);
    expect(w.ap[0]).toBe(4);
  });

  it('rejects bad options with the field name', () => {
    const { source } = countingWeather();
    expect(() => new DragForce({ atmosphere: exponential, spaceWeather: source, cd: 0, areaM2: 1 })).toThrow(/cd: must be positive/);
    expect(() => new DragForce({ atmosphere: exponential, spaceWeather: source, cd: 2, areaM2: NaN })).toThrow(/areaM2: must be positive/);
    expect(() => new DragForce({ atmosphere: exponential, spaceWeather: source, ballisticCoefficientKgPerM2: -3 })).toThrow(/ballisticCoefficientKgPerM2/);
    expect(() => new DragForce({ atmosphere: {} as never, spaceWeather: source, cd: 2, areaM2: 1 })).toThrow(/atmosphere:/);
  });
});
