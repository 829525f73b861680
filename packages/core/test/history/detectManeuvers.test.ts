import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectManeuvers } from '../../src/analysis/history/index.js';
import { dayOf, syntheticHistory, START, type Jump } from './syntheticHistory.js';

const ISS_LIKE = { days: 150, decayMPerDay: 60, whiteNoiseM: 12, correlatedNoiseM: 15, correlation: 0.7 };

describe('detectManeuvers on synthetic histories', () => {
  const jumps: Jump[] = [
    { day: 20.3, deltaAM: 1200 },
    { day: 45.7, deltaAM: 500 },
    { day: 70.2, deltaAM: -800 },
    // A bi-boost: two burns 3 h apart, one event of +700 m.
    { day: 100.0, deltaAM: 300 },
    { day: 100.125, deltaAM: 400 },
    { day: 128.6, deltaAM: 2500 },
  ];
  const expected = [
    { day: 20.3, deltaAM: 1200 },
    { day: 45.7, deltaAM: 500 },
    { day: 70.2, deltaAM: -800 },
    { day: 100.06, deltaAM: 700 },
    { day: 128.6, deltaAM: 2500 },
  ];

  for (const seed of [1, 2, 3, 4, 5]) {
    it(`finds every jump with its size within the noise, and nothing else (seed ${seed})`, () => {
      const h = syntheticHistory({ seed, ...ISS_LIKE, jumps });
      const r = detectManeuvers(h);
      expect(r.maneuvers.map((m) => m.kind)).toEqual(['raise', 'raise', 'lower', 'raise', 'raise']);
      for (let k = 0; k < expected.length; k++) {
        const m = r.maneuvers[k];
        const e = expected[k];
        // The window brackets the burn(s) ...
        expect(dayOf(m.windowStart)).toBeLessThanOrEqual(e.day + 0.07);
        expect(dayOf(m.windowEnd)).toBeGreaterThanOrEqual(e.day - 0.07);
        expect(dayOf(m.windowEnd) - dayOf(m.windowStart)).toBeLessThan(1);
        // ... and Δa is right within 4σ of its own stated uncertainty, which is itself tens of metres.
        expect(Math.abs(m.deltaSemiMajorAxisM - e.deltaAM)).toBeLessThan(4 * m.deltaSemiMajorAxisSigmaM);
        expect(m.deltaSemiMajorAxisSigmaM).toBeLessThan(35);
      }
      expect(r.maneuvers[3].mergedJumps).toBeGreaterThanOrEqual(1);
      // Decay between events: 60 m/day growing 4 %/month, so 60–72 m/day over 150 days.
      for (const s of r.decaySegments) {
        if (s.points < 40) continue;
        expect(s.decayRateMPerDay).toBeGreaterThan(55);
        expect(s.decayRateMPerDay).toBeLessThan(78);
      }
    });
  }

  it('reports no manoeuvre in pure decay plus noise (30 random series)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.double({ min: 2, max: 40, noNaN: true }), (seed, noise) => {
        const h = syntheticHistory({ seed, days: 90, decayMPerDay: 50, whiteNoiseM: noise, correlatedNoiseM: noise, correlation: 0.6 });
        expect(detectManeuvers(h).maneuvers).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });

  it('adapts to the noise of the object: 100 m jumps in 3 m noise are found, in 40 m noise they are not claimed', () => {
    const small = [{ day: 30.4, deltaAM: 100 }];
    const quiet = detectManeuvers(syntheticHistory({ seed: 9, days: 60, decayMPerDay: 20, whiteNoiseM: 3, correlatedNoiseM: 3, jumps: small }));
    expect(quiet.maneuvers).toHaveLength(1);
    expect(Math.abs(quiet.maneuvers[0].deltaSemiMajorAxisM - 100)).toBeLessThan(4 * quiet.maneuvers[0].deltaSemiMajorAxisSigmaM);
    expect(quiet.noiseSigmaM).toBeLessThan(10);
    const noisy = detectManeuvers(syntheticHistory({ seed: 9, days: 60, decayMPerDay: 20, whiteNoiseM: 40, correlatedNoiseM: 40, jumps: small }));
    expect(noisy.maneuvers).toHaveLength(0);
    expect(noisy.noiseSigmaM).toBeGreaterThan(40);
  });

  it('survives isolated bad element sets (outliers of 20σ) without reporting them', () => {
    const h = syntheticHistory({ seed: 11, days: 60, decayMPerDay: 50, whiteNoiseM: 10, correlatedNoiseM: 10, jumps: [{ day: 31.2, deltaAM: 900 }] });
    for (const k of [40, 90, 170]) h[k] = { ...h[k], semiMajorAxisM: h[k].semiMajorAxisM + (k % 20 === 0 ? 300 : -300) };
    const r = detectManeuvers(h);
    expect(r.maneuvers).toHaveLength(1);
    expect(r.maneuvers[0].deltaSemiMajorAxisM).toBeCloseTo(900, -2);
  });

  it('Δv follows Δa through Gauss: ~0.56 m/s per km at the ISS', () => {
    const h = syntheticHistory({ seed: 5, days: 40, decayMPerDay: 60, whiteNoiseM: 10, jumps: [{ day: 20.5, deltaAM: 1773 }] });
    const m = detectManeuvers(h).maneuvers[0];
    expect(m.deltaVMPerS).toBeCloseTo(1.0, 1);
  });

  it('needs sorted, distinct epochs and sane options, and says which point or option is wrong', () => {
    const h = syntheticHistory({ seed: 1, days: 10, decayMPerDay: 60, whiteNoiseM: 10 });
    const swapped = [h[1], h[0], ...h.slice(2)];
    expect(() => detectManeuvers(swapped)).toThrow(/point 1 .* not after/);
    expect(() => detectManeuvers(h, { thresholdSigma: -1 })).toThrow(/thresholdSigma/);
    expect(() => detectManeuvers([{ epoch: START, semiMajorAxisM: Number.NaN }])).toThrow(/point 0/);
    expect(detectManeuvers(h.slice(0, 3)).maneuvers).toEqual([]);
  });
});
