/**
 * The Propagator interface: every propagator answers stateAt/statesInto consistently with its own
 * older API, and one state detector finds the same events on SGP4, on a numerical ephemeris and
 * inside the numerical integrator.
 */
import { describe, expect, it } from 'vitest';
import { osculatingFromMeanState } from '../../src/propagation/averaged/handOver.js';
import { meanStateFromElements } from '../../src/propagation/averaged/meanState.js';
import {
  closestApproachDetector,
  culminationDetector,
  elevationDetector,
  findEvents,
  itrfPositionM,
  nodeDetector,
  stationElevation,
  stationElevationRate,
  type EventDetector,
} from '../../src/propagation/events/index.js';
import { ZonalGravityForce } from '../../src/models/forces/gravity.js';
import { stateInFrame, type FrameState } from '../../src/foundation/frames/frameState.js';
import { subSatelliteState } from '../../src/foundation/frames/subSatelliteState.js';
import { createObserver } from '../../src/foundation/frames/topocentric.js';
import { parseElements } from '../../src/foundation/formats/index.js';
import { EGM96_ZONAL_MODEL } from '../../src/models/gravity/zonal.js';
import { findPasses } from '../../src/analysis/passes/index.js';
import { AveragedPropagator, meanStateFromVector, propagateAveraged } from '../../src/propagation/averaged/index.js';
import { EphemerisPropagator } from '../../src/propagation/ephemerisPropagator.js';
import { EventEnvironment, NumericalPropagator, stateFromMeanElements } from '../../src/propagation/numerical/index.js';
import type { Propagator } from '../../src/propagation/propagator.js';
import { Sgp4Propagator } from '../../src/propagation/sgp4/index.js';
import { ISS_SAMPLE_TLE } from '../../src/foundation/samples.js';
import { constantEop } from '../../src/foundation/time/eop.js';
import type { Epoch } from '../../src/foundation/time/epoch.js';
import { FIXED_WEATHER, SphericalExponentialAtmosphere } from '../decay/fixtures.js';

const EOP = constantEop({ ut1MinusUtcS: -0.1, xpArcsec: 0.1, ypArcsec: 0.3 });
const ELEMENTS = parseElements(ISS_SAMPLE_TLE).records[0];
const SGP4 = Sgp4Propagator.fromElements(ELEMENTS);
const T0 = SGP4.epoch;
/** A ground site the ISS passes over (Houston, 29.56° N, 95.09° W, 10 m). */
const SITE = { latDeg: 29.56, lonDeg: -95.09, altM: 10 };
const OBSERVER = createObserver({ latRad: (SITE.latDeg * Math.PI) / 180, lonRad: (SITE.lonDeg * Math.PI) / 180, altM: SITE.altM });

const numerical = new NumericalPropagator({ forces: [new ZonalGravityForce(EGM96_ZONAL_MODEL)], rtol: 1e-12, eop: EOP, needsSun: false, needsMoon: false });
const S0 = stateFromMeanElements(ELEMENTS, 420_000, EOP);

const dist = (a: ArrayLike<number>, b: ArrayLike<number>) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
const epochsEvery = (start: Epoch, stepS: number, count: number) => Array.from({ length: count }, (_, k) => start.plusSeconds(k * stepS));

/** The interface's own consistency: statesInto gives what stateAt gives. */
function expectBatchMatches(p: Propagator, epochs: Epoch[], tolM: number, tolMps: number): void {
  const batch = p.statesInto(epochs);
  epochs.forEach((e, k) => {
    const s = p.stateAt(e);
    expect(s.frame).toBe(p.frame);
    expect(s.epoch).toBe(e);
    expect(dist(batch.subarray(6 * k, 6 * k + 3), s.positionM)).toBeLessThanOrEqual(tolM);
    expect(dist(batch.subarray(6 * k + 3, 6 * k + 6), s.velocityMps)).toBeLessThanOrEqual(tolMps);
  });
}

describe('every propagator answers the Propagator interface like its own API', () => {
  it('SGP4: stateAt is propagate() in metres, frame TEME; statesInto is the same, bit for bit', () => {
    const epochs = epochsEvery(T0, 1234.5, 12);
    for (const e of epochs) {
      const km = SGP4.propagate(e);
      const s = SGP4.stateAt(e);
      expect(s.frame).toBe('TEME');
      for (let i = 0; i < 3; i++) {
        expect(s.positionM[i]).toBe(km[i] * 1e3);
        expect(s.velocityMps[i]).toBe(km[3 + i] * 1e3);
      }
    }
    expectBatchMatches(SGP4, epochs, 0, 0);
  });

  it('numerical: the ephemeris propagator returns the samples at the nodes and the integrator\'s dense output between them', () => {
    // Reference: the same run sampled every second on DOP853's 7th-order continuous extension.
    for (const endS of [3 * 3600, -3600]) {
      const end = T0.plusSeconds(endS);
      const dense = numerical.propagate(S0, end, { stepS: 1 }).ephemeris!;
      const eph = numerical.ephemerisPropagator(S0, end);
      expect(eph.frame).toBe('GCRF');
      let worstR = 0;
      let worstV = 0;
      for (let k = 0; k < dense.tSeconds.length; k += 7) {
        const s = eph.stateAt(T0.plusSeconds(dense.tSeconds[k]));
        worstR = Math.max(worstR, dist(s.positionM, dense.positionsM.subarray(3 * k)));
        worstV = Math.max(worstV, dist(s.velocityMps, dense.velocitiesMps.subarray(3 * k)));
      }
      // Cubic Hermite bounds per component at h = 5 s, |r⁗| ≈ n⁴r = 1.1e-5 m/s⁴: h⁴/384·|r⁗| ≈ 1.8e-5 m
      // and (√3/216)·h³·|r⁗| ≈ 1.1e-5 m/s (Birkhoff & Priver 1967); the vector norm at most √3 times that.
      expect(worstR).toBeLessThan(Math.sqrt(3) * 1.8e-5);
      expect(worstV).toBeLessThan(Math.sqrt(3) * 1.1e-5);
      expect(worstR).toBeGreaterThan(1e-7); // the check does read between the nodes
      expect(() => eph.stateAt(end.plusSeconds(Math.sign(endS) * 60))).toThrow(/outside the ephemeris span/);
    }
    const eph = numerical.ephemerisPropagator(S0, T0.plusSeconds(3600));
    expectBatchMatches(eph, epochsEvery(T0.plusSeconds(7), 397, 9), 0, 0);
  });

  it('averaged: stateAt is propagateAveraged + the short-period hand-over; batches in any order agree', () => {
    const mean = meanStateFromElements(ELEMENTS);
    const options = { ballisticCoefficientKgPerM2: 140, atmosphere: new SphericalExponentialAtmosphere(3e-12, 6_378_137 + 420e3, 60e3), spaceWeather: FIXED_WEATHER };
    const avg = new AveragedPropagator(mean, options);
    expect(avg.frame).toBe('TEME');
    const at = T0.plusSeconds(2.5 * 86400);
    const old = propagateAveraged(mean, { ...options, endEpoch: at, outputTimesS: [2.5 * 86400] });
    const osc = osculatingFromMeanState(meanStateFromVector(at, old.outputs!));
    const s = avg.stateAt(at);
    expect(dist(s.positionM, osc.rM)).toBe(0);
    expect(dist(s.velocityMps, osc.vMps)).toBe(0);
    // One integration for several epochs (unsorted): the step sequence differs, the states agree to the tolerance.
    const epochs = [T0.plusSeconds(86400), T0.plusSeconds(600), T0.plusSeconds(2.5 * 86400)];
    expectBatchMatches(avg, epochs, 1, 1e-3);
    expect(() => avg.stateAt(T0.plusSeconds(-60))).toThrow(/before the initial mean state/);
  });

  it('subSatelliteState takes any state source: the GCRF ephemeris and SGP4 give the same point for the same state', () => {
    const at = T0.plusSeconds(600);
    const teme = SGP4.stateAt(at);
    const gcrf = stateInFrame(teme, 'GCRF', EOP);
    const fromGcrf = subSatelliteState({ stateAt: () => gcrf }, at, EOP);
    const fromSgp4 = subSatelliteState(SGP4, at, EOP);
    expect(Math.abs(fromGcrf.latRad - fromSgp4.latRad)).toBeLessThan(1e-12);
    expect(Math.abs(fromGcrf.altM - fromSgp4.altM)).toBeLessThan(1e-6);
  });
});

describe('one detector, every propagator', () => {
  const rise = (): EventDetector =>
    elevationDetector({ elevationRad: stationElevation(OBSERVER, itrfPositionM(EOP)), maxCheckS: 30, timeToleranceS: 1e-4 });
  const span = 36 * 3600;

  it('SGP4 rise/set from the generic search match the pass finder (< 2 ms)', () => {
    const end = T0.plusSeconds(span);
    const found = findEvents(SGP4, [rise()], T0, end).events;
    const passes = findPasses(SGP4, SITE, T0, end, { minElevationDeg: 0, eop: EOP, timeToleranceS: 1e-4 });
    const inWindow = (e: Epoch) => e.secondsSince(T0) > 0 && end.secondsSince(e) > 0;
    const fromPasses = passes.flatMap((p) => [{ epoch: p.rise.epoch, rise: true }, { epoch: p.set.epoch, rise: false }]).filter((x) => inWindow(x.epoch));
    expect(fromPasses.length).toBeGreaterThanOrEqual(6);
    expect(found.map((e) => e.increasing)).toEqual(fromPasses.map((x) => x.rise));
    found.forEach((e, k) => expect(Math.abs(e.epoch.secondsSince(fromPasses[k].epoch))).toBeLessThan(2e-3));
  });

  it('SGP4 culminations from the generic detector match the pass finder (< 2 ms), low maxima included', () => {
    const end = T0.plusSeconds(span);
    const culmination = culminationDetector({ elevationRateRadPerS: stationElevationRate(OBSERVER, itrfPositionM(EOP)), maxCheckS: 60, timeToleranceS: 1e-4 });
    const maxima = findEvents(SGP4, [culmination], T0, end).events;
    const el = stationElevation(OBSERVER, itrfPositionM(EOP));
    const above = maxima.filter((e) => el(e.state) > 0);
    const passes = findPasses(SGP4, SITE, T0, end, { minElevationDeg: 0, eop: EOP, timeToleranceS: 1e-4 }).filter((p) => p.culmination.epoch.secondsSince(T0) > 0 && end.secondsSince(p.culmination.epoch) > 0);
    // About one maximum per revolution (22 in 36 h), most of them below the horizon.
    expect(maxima.length).toBeGreaterThanOrEqual(21);
    expect(above.length).toBe(passes.length);
    above.forEach((e, k) => expect(Math.abs(e.epoch.secondsSince(passes[k].culmination.epoch))).toBeLessThan(2e-3));
  });

  it('detectors with the same maxCheckS read one state per sample and find what each finds alone, bit for bit', () => {
    const end = T0.plusSeconds(span);
    const nodes = nodeDetector({ maxCheckS: 30, timeToleranceS: 1e-4 });
    const together = findEvents(SGP4, [rise(), nodes], T0, end).events;
    const alone = [...findEvents(SGP4, [rise()], T0, end).events, ...findEvents(SGP4, [nodes], T0, end).events].sort((a, b) => a.tSeconds - b.tSeconds);
    expect(together.length).toBeGreaterThan(20);
    expect(together.map((e) => [e.detector.name, e.tSeconds, e.increasing])).toEqual(alone.map((e) => [e.detector.name, e.tSeconds, e.increasing]));
    let calls = 0;
    const counting = { stateAt: (e: Epoch) => (calls++, SGP4.stateAt(e)) };
    findEvents(counting, [rise(), nodes], T0, T0.plusSeconds(3000));
    const withRefinement = calls;
    calls = 0;
    findEvents(counting, [rise()], T0, T0.plusSeconds(3000));
    findEvents(counting, [nodes], T0, T0.plusSeconds(3000));
    expect(withRefinement).toBe(calls - 101); // 100 samples of 30 s and the start: read once, not twice
  });

  it('numerical: the integrator detects what the search over its ephemeris finds (< 1 ms)', () => {
    const end = T0.plusSeconds(span);
    // Nodes (g = z, ġ ≈ 6 km/s) and rises/sets: well-conditioned roots (apsides of a near-circular orbit are not).
    // In the run, the elevation reads the propagator's cached GCRF→ITRF chain (EventEnvironment); the search the exact one.
    const env = new EventEnvironment(S0.epoch, EOP);
    const cachedRise = elevationDetector({ elevationRad: stationElevation(OBSERVER, env.itrfPositionOfM), maxCheckS: 30, timeToleranceS: 1e-4 });
    const inRun = new NumericalPropagator({ ...numerical.options, detectors: [cachedRise, nodeDetector({ timeToleranceS: 1e-4 })] }).propagate(S0, end).events;
    const eph = numerical.ephemerisPropagator(S0, end);
    const searched = findEvents(eph, [rise(), nodeDetector({ timeToleranceS: 1e-4 })], T0, end).events;
    expect(searched.length).toBe(inRun.length);
    expect(inRun.length).toBeGreaterThan(10);
    searched.forEach((e, k) => {
      expect(e.detector.name).toBe(inRun[k].name);
      expect(e.increasing).toBe(inRun[k].increasing);
      expect(Math.abs(e.epoch.secondsSince(inRun[k].epoch))).toBeLessThan(1e-3);
    });
  });

  it('SGP4 and numerical: the same rises and sets, shifted by what their state difference predicts', () => {
    const end = T0.plusSeconds(span);
    const eph = numerical.ephemerisPropagator(S0, end);
    const d = rise();
    const onSgp4 = findEvents(SGP4, [d], T0, end).events;
    const onNumerical = findEvents(eph, [d], T0, end).events;
    expect(onNumerical.map((e) => e.increasing)).toEqual(onSgp4.map((e) => e.increasing));
    // First order: t_sgp4 ≈ t_num − g_sgp4(t_num)/ġ_sgp4; the residual is second order (ms).
    const g = (e: Epoch): number => d.g(SGP4.stateAt(e));
    onNumerical.forEach((e, k) => {
      const rate = (g(e.epoch.plusSeconds(0.5)) - g(e.epoch.plusSeconds(-0.5))) / 1;
      const predicted = -g(e.epoch) / rate;
      const shift = onSgp4[k].epoch.secondsSince(e.epoch);
      expect(Math.abs(shift)).toBeGreaterThan(1e-3); // the two models do differ (different force models)…
      expect(Math.abs(shift - predicted)).toBeLessThan(5e-3); // …by exactly their state difference
    });
  });

  it('refuses a reset on a state source', () => {
    const burn: EventDetector = { name: 'burn', g: (s: FrameState) => s.positionM[2], action: 'reset', resetState: (s) => s };
    expect(() => findEvents(SGP4, [burn], T0, T0.plusSeconds(6000))).toThrow(/needs numerical propagation/);
  });

  it('refuses bad input with a reason', () => {
    const eph = (t: number[]) =>
      new EphemerisPropagator({ startEpoch: T0, tSeconds: Float64Array.from(t), positionsM: new Float64Array(3 * t.length), velocitiesMps: new Float64Array(3 * t.length) });
    expect(() => eph([0])).toThrow(/at least 2 samples, got 1/);
    expect(() => eph([0, 10, 10])).toThrow(/strictly monotonic/);
    expect(() => SGP4.statesInto([T0, T0], new Float64Array(6))).toThrow(/out holds 6 numbers, 12 needed/);
    expect(() => findEvents(SGP4, [rise()], T0, T0)).toThrow(/end .* must be after start/);
    expect(() => findEvents(SGP4, [{ name: 'bad', g: () => Number.NaN }], T0, T0.plusSeconds(60))).toThrow(/bad\): g is NaN at/);
    expect(() => closestApproachDetector({} as never)).toThrow(/other must be a state source/);
  });
});

