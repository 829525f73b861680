import { describe, expect, it } from 'vitest';
import { findPasses, passSkyPath } from '../../src/analysis/passes/index.js';
import { Sgp4Propagator } from '../../src/propagation/sgp4/index.js';
import { parseTle } from '../../src/foundation/formats/index.js';
import { ISS_SAMPLE_TLE } from '../../src/foundation/samples.js';
import { Epoch } from '../../src/foundation/time/epoch.js';

describe('passSkyPath', () => {
  const iss = parseTle(ISS_SAMPLE_TLE).records[0];
  const site = { latDeg: 48.8566, lonDeg: 2.3522, altM: 35 };
  const start = Epoch.fromIso('2022-07-15T12:00:00Z');
  const state = Sgp4Propagator.fromElements(iss);
  const passes = findPasses(state, site, start, start.plusDays(1));

  it('runs from rise to set through the culmination, as findPasses found them', () => {
    expect(passes.length).toBeGreaterThan(2);
    for (const p of passes) {
      const path = passSkyPath(state, site, p, 10);
      const first = path[0];
      const last = path[path.length - 1];
      // Same geometry: the end points and the highest point are the pass's own.
      expect(first.epoch.secondsSince(p.rise.epoch)).toBe(0);
      expect(first.elevationDeg).toBeCloseTo(p.rise.elevationDeg, 9);
      expect(first.azimuthDeg).toBeCloseTo(p.rise.azimuthDeg, 9);
      expect(Math.abs(last.epoch.secondsSince(p.set.epoch))).toBeLessThan(1e-6);
      expect(last.azimuthDeg).toBeCloseTo(p.set.azimuthDeg, 9);
      const top = path.reduce((a, b) => (b.elevationDeg > a.elevationDeg ? b : a));
      expect(top.elevationDeg).toBeCloseTo(p.maxElevationDeg, 9);
      expect(top.azimuthDeg).toBeCloseTo(p.culmination.azimuthDeg, 9);
      // Above the threshold in between (min elevation 10°), ordered in time, ~10 s apart.
      for (const q of path.slice(1, -1)) expect(q.elevationDeg).toBeGreaterThan(10 - 1e-6);
      for (let i = 1; i < path.length; i++) expect(path[i].epoch.secondsSince(path[i - 1].epoch)).toBeGreaterThan(0);
      expect(path.length).toBeGreaterThanOrEqual(Math.floor(p.durationS / 10));
    }
  });

  it('refuses a step outside 1 … 600 s', () => {
    expect(() => passSkyPath(state, site, passes[0], 0)).toThrow(/stepSeconds must be between 1 and 600, got 0/);
  });
});
