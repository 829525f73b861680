import { describe, expect, it } from 'vitest';
import { ExponentialAtmosphere } from '../../src/models/atmosphere/exponential.js';
import { BallisticFitError, fitBallisticCoefficient, meanStateFromElements, propagateAveraged } from '../../src/analysis/decay/index.js';
import { brouwerFromKozaiMeanMotion, revPerDayToRadPerS } from '../../src/foundation/elements/meanMotion.js';
import type { MeanElements } from '../../src/foundation/formats/meanElements.js';
import { Epoch } from '../../src/foundation/time/epoch.js';
import { Xoshiro128 } from '../../src/analysis/decay/random.js';
import { FIXED_WEATHER } from './fixtures.js';

const START = Epoch.fromIso('2021-06-01T00:00:00Z');
const DEG = Math.PI / 180;
const atmosphere = new ExponentialAtmosphere();
const common = { atmosphere, spaceWeather: FIXED_WEATHER, maxStepS: 86400 };

function baseRecord(epoch: Epoch, revPerDay: number, noradId = 99999): MeanElements {
  return {
    objectName: 'SYNTH', noradId, intlDesignator: '99001A', classification: 'U', epoch,
    meanMotionRevPerDay: revPerDay, eccentricity: 0.0007, inclinationDeg: 51.6, raanDeg: 40, argPerigeeDeg: 80,
    meanAnomalyDeg: 10, meanMotionDot: 0, meanMotionDdot: 0, bstar: 0, ephemerisType: 0, elementSetNo: 1, revAtEpoch: 1,
  };
}

/** Kozai mean motion (rev/day) whose Brouwer axis (as SGP4 recovers it) is `a`. */
function kozaiRevPerDayFor(a: number): number {
  let n = 86400 / (2 * Math.PI) * Math.sqrt(3.986008e14 / a ** 3);
  for (let k = 0; k < 20; k++) {
    const got = brouwerFromKozaiMeanMotion(revPerDayToRadPerS(n), 0.0007, 51.6 * DEG).semiMajorAxisM;
    n *= (got / a) ** 1.5;
  }
  return n;
}

/**
 * A TLE history made by the averaged model itself with a known B: sets every `stepDays`, Gaussian
 * noise of `noiseM` on a, and optional jumps of a (manoeuvres) at given days.
 */
function synthetic(b: number, days: number, stepDays: number, noiseM: number, seed: number, jumps: { day: number; deltaM: number }[] = [], startAltitudeM = 380e3): MeanElements[] {
  const first = baseRecord(START, kozaiRevPerDayFor(6378135 + startAltitudeM));
  const s0 = meanStateFromElements(first);
  const times: number[] = [];
  for (let t = 0; t <= days + 1e-9; t += stepDays) times.push(t * 86400);
  const rng = new Xoshiro128(seed);
  const out: MeanElements[] = [];
  let state = s0;
  let offset = 0;
  const segments = [0, ...jumps.map((j) => j.day), days + 1];
  for (let s = 0; s < segments.length - 1; s++) {
    const segTimes = times.filter((t) => t >= segments[s] * 86400 && t < segments[s + 1] * 86400).map((t) => t - offset);
    const run = propagateAveraged(state, { ...common, ballisticCoefficientKgPerM2: b, outputTimesS: segTimes, endEpoch: state.epoch.plusSeconds(segTimes[segTimes.length - 1] + 1) });
    const o = run.outputs as Float64Array;
    segTimes.forEach((t, k) => {
      const a = o[6 * k] + noiseM * rng.normal();
      out.push({ ...baseRecord(state.epoch.plusSeconds(t), kozaiRevPerDayFor(a)) });
    });
    if (s < jumps.length) {
      const tj = jumps[s].day * 86400 - offset;
      const at = propagateAveraged(state, { ...common, ballisticCoefficientKgPerM2: b, endEpoch: state.epoch.plusSeconds(tj) }).final;
      state = { ...at, semiMajorAxisM: at.semiMajorAxisM + jumps[s].deltaM };
      offset = jumps[s].day * 86400;
    }
  }
  return out;
}

describe('ballistic-coefficient fit on synthetic histories', () => {
  const B = 80;
  const history = synthetic(B, 30, 0.25, 20, 11);
  const asOf = START.plusDays(30.5);

  it('recovers B within its stated uncertainty (30 days, 4 sets/day, 20 m noise)', () => {
    const r = fitBallisticCoefficient(history, { ...common, asOf, assumeNoManeuvers: true });
    expect(Math.abs(r.ballisticCoefficientKgPerM2 - B)).toBeLessThan(2.5 * r.sigmaKgPerM2);
    expect(r.sigmaKgPerM2 / B).toBeLessThan(0.05);
    expect(r.residualRmsM).toBeGreaterThan(14);
    expect(r.residualRmsM).toBeLessThan(26);
    expect(r.windowStart.secondsSince(START)).toBe(0);
    expect(r.warnings.filter((w) => /iteration limit/.test(w))).toEqual([]);
  });

  it('says so when the iteration stops short of convergence', () => {
    // A starting guess 10⁷× off needs more than the 20 allowed steps at ≤ ×2 per step (2²⁰ ≈ 10⁶).
    const r = fitBallisticCoefficient(history, { ...common, asOf, assumeNoManeuvers: true, initialGuessKgPerM2: 1e7 * B });
    expect(r.warnings.some((w) => /stopped at its iteration limit without converging/.test(w))).toBe(true);
  });

  for (const seed of [1, 2, 3]) {
    it(`stated 1σ covers the error (seed ${seed}, 60 m noise, 2 sets/day)`, () => {
      const h = synthetic(40, 20, 0.5, 60, seed);
      const r = fitBallisticCoefficient(h, { ...common, asOf: START.plusDays(21), assumeNoManeuvers: true });
      expect(Math.abs(r.ballisticCoefficientKgPerM2 - 40)).toBeLessThan(3 * r.sigmaKgPerM2);
    });
  }

  it('recovers B on the last days of a fast decay (250 → 205 km, far from linear in 1/B)', () => {
    // The exponential atmosphere takes B = 20 kg/m² from 250 km to about 205 km in 2 days, the last 10 km in 6 h.
    const h = synthetic(20, 2, 0.25, 300, 7, [], 250e3);
    expect(meanStateFromElements(h[h.length - 1]).semiMajorAxisM - 6378135).toBeLessThan(210e3);
    const r = fitBallisticCoefficient(h, { ...common, maxStepS: 3600, asOf: START.plusDays(2.05), assumeNoManeuvers: true, initialGuessKgPerM2: 10 });
    expect(Math.abs(r.ballisticCoefficientKgPerM2 / 20 - 1)).toBeLessThan(0.03);
    expect(Math.abs(r.ballisticCoefficientKgPerM2 - 20)).toBeLessThan(3 * r.sigmaKgPerM2);
  });

  it('ignores element sets after asOf (a fake 5 km jump there changes nothing)', () => {
    const spoiled = [...history, ...history.slice(-8).map((e) => ({ ...e, epoch: e.epoch.plusDays(5), meanMotionRevPerDay: e.meanMotionRevPerDay - 0.05 }))];
    const clean = fitBallisticCoefficient(history, { ...common, asOf, assumeNoManeuvers: true });
    const r = fitBallisticCoefficient(spoiled, { ...common, asOf, assumeNoManeuvers: true });
    expect(r.ignoredAfterAsOf).toBe(8);
    expect(r.ballisticCoefficientKgPerM2).toBe(clean.ballisticCoefficientKgPerM2);
  });

  it('starts the window after a detected reboost', () => {
    const h = synthetic(B, 40, 0.25, 15, 5, [{ day: 18.3, deltaM: 1500 }]);
    const r = fitBallisticCoefficient(h, { ...common, asOf: START.plusDays(41) });
    expect(r.lastManeuver?.kind).toBe('raise');
    expect(r.windowStart.secondsSince(START) / 86400).toBeGreaterThan(18.3);
    expect(Math.abs(r.ballisticCoefficientKgPerM2 - B)).toBeLessThan(3 * r.sigmaKgPerM2);
  });
});

describe('ballistic-coefficient fit refusals', () => {
  const history = synthetic(80, 10, 0.25, 20, 3);
  const code = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(BallisticFitError);
      return `${(e as BallisticFitError).code}: ${(e as Error).message.replace('ballistic-coefficient fit: ', '')}`;
    }
    return 'no error';
  };
  it('asOf before the first element set', () => {
    expect(code(() => fitBallisticCoefficient(history, { ...common, asOf: START.plusDays(-1) }))).toMatch(/^as-of-before-first: .*before the first element set/);
  });
  it('too few sets or too short a span, with the numbers', () => {
    expect(code(() => fitBallisticCoefficient(history, { ...common, asOf: START.plusDays(0.8) }))).toMatch(/^too-few: 4 element sets over 0\.75 days .*need at least 6 sets over 2 days/);
    expect(code(() => fitBallisticCoefficient([], { ...common, asOf: START }))).toMatch(/^too-few/);
  });

  it('a minimum of fewer than 3 sets (two parameters and a scatter) is refused, naming the option', () => {
    expect(code(() => fitBallisticCoefficient(history, { ...common, asOf: START.plusDays(30.5), minPoints: 2 }))).toMatch(/^bad-input: .*minPoints: must be an integer ≥ 3, got 2/);
  });
  it('an already decayed object: last perigee below 120 km', () => {
    // 16.8 rev/day: a ≈ 6,480 km, ~100 km above the equator.
    const decayed = history.map((e) => ({ ...e, meanMotionRevPerDay: 16.8 }));
    expect(code(() => fitBallisticCoefficient(decayed, { ...common, asOf: START.plusDays(11) }))).toMatch(/^decayed: .*mean perigee \d+\.\d km \(16\.800 rev\/day\), below 120 km/);
  });
  it('several objects mixed', () => {
    const mixed = [...history, { ...history[3], noradId: 12345 }];
    expect(code(() => fitBallisticCoefficient(mixed, { ...common, asOf: START.plusDays(11) }))).toMatch(/^mixed-objects: .*noradId/);
    // …and choosing one works.
    expect(fitBallisticCoefficient(mixed, { ...common, asOf: START.plusDays(11), noradId: 99999, assumeNoManeuvers: true }).points).toBeGreaterThan(30);
  });
  it('a long gap that leaves too little after it', () => {
    const gappy = [...history.filter((e) => e.epoch.secondsSince(START) < 2 * 86400), ...history.filter((e) => e.epoch.secondsSince(START) > 9.2 * 86400)];
    expect(code(() => fitBallisticCoefficient(gappy, { ...common, asOf: START.plusDays(11), assumeNoManeuvers: true }))).toMatch(/^gap: a 7\.\d-day gap/);
  });
  it('asOf is required', () => {
    expect(code(() => fitBallisticCoefficient(history, { ...common } as never))).toMatch(/^bad-input: asOf/);
  });
});
