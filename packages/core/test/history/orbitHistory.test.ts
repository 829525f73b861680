import { describe, expect, it } from 'vitest';
import type { MeanElements } from '../../src/foundation/formats/meanElements.js';
import { orbitHistory, recentDecay } from '../../src/analysis/history/index.js';
import { Epoch } from '../../src/foundation/time/epoch.js';

function set(noradId: number, iso: string, meanMotionRevPerDay: number): MeanElements {
  return {
    objectName: '', noradId, intlDesignator: '', classification: 'U', epoch: Epoch.fromIso(iso),
    meanMotionRevPerDay, eccentricity: 0.0005, inclinationDeg: 51.64, raanDeg: 0, argPerigeeDeg: 0,
    meanAnomalyDeg: 0, meanMotionDot: 0, meanMotionDdot: 0, bstar: 0, ephemerisType: 0, elementSetNo: 999, revAtEpoch: 0,
  };
}

describe('orbitHistory', () => {
  it('sorts by epoch and keeps the last re-issue of a repeated epoch', () => {
    const h = orbitHistory([
      set(25544, '2021-01-02T00:00:00Z', 15.49),
      set(25544, '2021-01-01T00:00:00Z', 15.49),
      set(25544, '2021-01-02T00:00:00Z', 15.50),
    ]);
    expect(h.map((p) => p.epoch.toIsoUtc(0))).toEqual(['2021-01-01T00:00:00Z', '2021-01-02T00:00:00Z']);
    expect(h[1].sourceIndex).toBe(2);
    // 15.50 rev/day is the faster (lower) orbit
    expect(h[1].semiMajorAxisM).toBeLessThan(h[0].semiMajorAxisM);
    expect(h[0].meanAltitudeM / 1000).toBeGreaterThan(415);
    expect(h[0].meanAltitudeM / 1000).toBeLessThan(425);
    expect(h[0].apogeeAltitudeM - h[0].perigeeAltitudeM).toBeCloseTo(2 * 0.0005 * h[0].semiMajorAxisM, 6);
  });

  it('refuses mixed objects unless one is chosen, and names them', () => {
    const mixed = [set(25544, '2021-01-01T00:00:00Z', 15.49), set(48274, '2021-01-01T00:00:00Z', 15.6)];
    expect(() => orbitHistory(mixed)).toThrow(/25544, 48274/);
    expect(orbitHistory(mixed, { noradId: 48274 })).toHaveLength(1);
    expect(() => orbitHistory(mixed, { noradId: 1 })).toThrow(/NORAD 1/);
  });

  it('names the element set with a bad value', () => {
    expect(() => orbitHistory([set(25544, '2021-01-01T00:00:00Z', -1)])).toThrow(/element set 0 .*mean motion/);
  });

  it('recentDecay: from the earliest point within the span to the last', () => {
    const h = orbitHistory([
      set(1, '2021-01-01T00:00:00Z', 15.50),
      set(1, '2021-01-05T00:00:00Z', 15.51),
      set(1, '2021-01-06T00:00:00Z', 15.52),
      set(1, '2021-01-07T00:00:00Z', 15.53),
    ]);
    const d = recentDecay(h, 2 * 86400);
    expect(d.points).toBe(3);
    expect(d.spanS).toBe(2 * 86400);
    expect(d.rateMPerS).toBeCloseTo((h[1].semiMajorAxisM - h[3].semiMajorAxisM) / (2 * 86400), 12);
    expect(d.rateMPerS).toBeGreaterThan(0);
    const one = recentDecay(h, 3600);
    expect(one.points).toBe(1);
    expect(one.rateMPerS).toBeNaN();
  });
});
