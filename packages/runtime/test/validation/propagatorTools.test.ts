import { describe, expect, it } from 'vitest';
import { buildForceModels, NumericalPropagator, Epoch, fitLine, fitPolynomial } from '@stationkeeper/core';
import { osculatingSemiMajorAxisM, revolutionMeanSemiMajorAxis, rtnDifference } from '../../src/validation/index.js';

describe('rtnDifference', () => {
  it('resolves offsets along r̂, the along-track direction and the orbit normal', () => {
    const r = [7e6, 0, 0];
    const v = [0, 5000, 5000]; // inclined 45°
    const s = Math.SQRT1_2;
    const at = (d: number[]) => rtnDifference(r, v, [r[0] + d[0], r[1] + d[1], r[2] + d[2]]);
    expect(at([10, 0, 0])).toMatchObject({ radialM: 10, alongTrackM: 0, crossTrackM: 0 });
    const t = at([0, 10 * s, 10 * s]);
    expect(t.alongTrackM).toBeCloseTo(10, 12);
    expect(t.radialM).toBeCloseTo(0, 12);
    const n = at([0, -10 * s, 10 * s]);
    expect(n.crossTrackM).toBeCloseTo(10, 12);
    expect(n.alongTrackM).toBeCloseTo(0, 12);
    expect(at([3, 4 * s, 4 * s]).totalM).toBeCloseTo(5, 12);
  });
});

describe('fits', () => {
  it('fitLine recovers an exact line with zero slope error, fitPolynomial a quadratic', () => {
    const t = [0, 1, 2, 3, 4];
    const f = fitLine(t, t.map((x) => 2 - 3 * x));
    expect(f.slope).toBeCloseTo(-3, 12);
    expect(f.slopeSigma).toBeLessThan(1e-12);
    const p = fitPolynomial(t, t.map((x) => 1 + 2 * x - 0.5 * x * x), 2);
    expect(p.coefficients[0]).toBeCloseTo(1, 10);
    expect(p.coefficients[1]).toBeCloseTo(2, 10);
    expect(p.coefficients[2]).toBeCloseTo(-0.5, 10);
  });
});

describe('revolutionMeanSemiMajorAxis', () => {
  it('removes the J2 short-period swing of the osculating a (km) down to metres on an ISS-like orbit', () => {
    const built = buildForceModels({ gravity: { model: 'j2' } });
    const p = new NumericalPropagator({ forces: built.models, needsSun: false, needsMoon: false });
    const a0 = 6.798e6;
    const v0 = Math.sqrt(3.986004415e14 / a0);
    const inc = (51.6 * Math.PI) / 180;
    const initial = {
      epoch: Epoch.fromIso('2022-02-11T00:00:00Z'),
      rGcrfM: [a0, 0, 0],
      vGcrfMps: [0, v0 * Math.cos(inc), v0 * Math.sin(inc)],
      massKg: 1000,
    };
    const eph = p.propagate(initial, initial.epoch.plusSeconds(86400), { stepS: 30 }).ephemeris!;
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < eph.tSeconds.length; i++) {
      const a = osculatingSemiMajorAxisM(eph.positionsM, eph.velocitiesMps, undefined, 3 * i);
      lo = Math.min(lo, a);
      hi = Math.max(hi, a);
    }
    expect(hi - lo).toBeGreaterThan(5000); // J2 short-period terms: ~±5 km at the ISS
    const means = revolutionMeanSemiMajorAxis(eph);
    expect(means.tSeconds.length).toBeGreaterThanOrEqual(14);
    const m = Array.from(means.semiMajorAxisM);
    // Conservative field: the mean a is constant; what remains is quadrature and node-timing error.
    expect(Math.max(...m) - Math.min(...m)).toBeLessThan(2);
    expect(Math.abs(fitLine(means.tSeconds, means.semiMajorAxisM).slope * 86400)).toBeLessThan(1);
  });
});
