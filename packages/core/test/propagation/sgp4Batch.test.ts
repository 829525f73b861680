/**
 * Batch API behaviour: layout, the two ways of giving times, bad satellites that do not throw,
 * MeanElements input, and the multi-core runner giving the same numbers as the serial batch.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readShared, sharedDataAvailable } from '../../../../test/sharedData.js';
import type { MeanElements } from '../../src/foundation/formats/meanElements.js';
import { ParallelSgp4Batch } from '@stationkeeper/runtime';
import {
  Sgp4Batch,
  Sgp4Error,
  Sgp4ErrorCode,
  Sgp4Propagator,
  Sgp4SatelliteModel,
  allocateSgp4BatchResult,
  sgp4ElementsFromTle,
  tleLinePairs,
  type Sgp4Source,
  type Sgp4TleLines,
} from '../../src/propagation/index.js';
import { Epoch } from '../../src/foundation/time/epoch.js';
import { ISS, MOLNIYA } from './sgp4Fixtures.js';


/** MeanElements with the TLE's numbers (what a TLE parser produces). */
function meanElementsOf(t: Sgp4TleLines): MeanElements {
  const l1 = t.line1;
  const l2 = t.line2;
  return {
    objectName: '',
    noradId: Number(l1.slice(2, 7)),
    intlDesignator: l1.slice(9, 17).trim(),
    classification: l1[7],
    epoch: Epoch.fromTleEpoch(Number(l1.slice(18, 20)), Number(l1.slice(20, 32))),
    meanMotionRevPerDay: Number(l2.slice(52, 63)),
    eccentricity: Number('.' + l2.slice(26, 33)),
    inclinationDeg: Number(l2.slice(8, 16)),
    raanDeg: Number(l2.slice(17, 25)),
    argPerigeeDeg: Number(l2.slice(34, 42)),
    meanAnomalyDeg: Number(l2.slice(43, 51)),
    meanMotionDot: Number(l1.slice(33, 43)),
    meanMotionDdot: 0,
    bstar: sgp4ElementsFromTle(l1, l2).bstar,
    ephemerisType: 0,
    elementSetNo: Number(l1.slice(64, 68)),
    revAtEpoch: Number(l2.slice(63, 68)),
  };
}

// A geostationary satellite (24-h resonance) from the 2022-07-15 catalogue: INTELSAT 901 (26824).
const GEO: Sgp4TleLines = {
  line1: '1 26824U 01024A   22195.62201219 -.00000210  00000-0  00000+0 0  9994',
  line2: '2 26824   0.0467 253.4606 0000856 233.4815   1.9486  1.00269968 77218',
};

describe('SDP4 resonance integrator carried between times', () => {
  it('gives the same bits in one span (state carried) as one fresh propagator per time (from epoch)', () => {
    // Ascending past several 720-min nodes, back towards epoch, across it, and out again.
    const minutes = Float64Array.from([0, 300, 719, 720, 721, 1500, 2900, 2000, 100, -50, -800, -2200, -1000, 3000, 10080]);
    for (const tle of [MOLNIYA, GEO]) {
      const res = Sgp4Batch.fromSources([tle]).propagate({ kind: 'minutesSinceEpoch', minutes });
      minutes.forEach((t, j) => {
        const fresh = Sgp4Propagator.fromTle(tle.line1, tle.line2);
        expect(fresh.deepSpace).toBe(true);
        const s = fresh.propagateMinutes(t);
        for (let c = 0; c < 3; c++) {
          expect(res.positionKm[3 * j + c], `${tle.line1.slice(2, 7)} at ${t} min`).toBe(s[c]);
          expect(res.velocityKmPerS[3 * j + c]).toBe(s[3 + c]);
        }
      });
    }
  });
});

describe('Sgp4Batch', () => {
  it('lays results out [sat][time][xyz] and equals the single-satellite propagator', () => {
    const minutes = Float64Array.from([0, 10, 100, 1000]);
    const batch = Sgp4Batch.fromSources([ISS, MOLNIYA]);
    expect(Array.from(batch.models)).toEqual([Sgp4SatelliteModel.NearEarth, Sgp4SatelliteModel.DeepSpace]);
    const res = batch.propagate({ kind: 'minutesSinceEpoch', minutes });
    expect(res.positionKm.length).toBe(2 * 4 * 3);
    [ISS, MOLNIYA].forEach((tle, s) => {
      const prop = Sgp4Propagator.fromTle(tle.line1, tle.line2);
      minutes.forEach((t, j) => {
        const st = prop.propagateMinutes(t);
        const o = s * 4 + j;
        expect(Array.from(res.positionKm.subarray(3 * o, 3 * o + 3))).toEqual(Array.from(st.subarray(0, 3)));
        expect(Array.from(res.velocityKmPerS.subarray(3 * o, 3 * o + 3))).toEqual(Array.from(st.subarray(3, 6)));
        expect(res.errors[o]).toBe(0);
      });
    });
  });

  it('absolute epochs give the same states as the equivalent minutes since each epoch', () => {
    const start = Epoch.fromIso('2022-07-15T00:00:00Z');
    const epochs = [0, 1, 90, 1440].map((m) => start.plusSeconds(m * 60));
    const sources = [ISS, MOLNIYA];
    const batch = Sgp4Batch.fromSources(sources);
    const abs = batch.propagate({ kind: 'epochs', epochs });
    const perSat = new Float64Array(2 * 4);
    sources.forEach((t, s) => {
      const epoch = sgp4ElementsFromTle(t.line1, t.line2).epoch;
      epochs.forEach((e, j) => (perSat[s * 4 + j] = e.secondsSince(epoch) / 60));
    });
    const rel = batch.propagate({ kind: 'minutesSinceEpoch', minutes: perSat, perSatellite: true });
    for (let k = 0; k < abs.positionKm.length; k++) expect(Math.abs(abs.positionKm[k] - rel.positionKm[k])).toBeLessThan(1e-9);
  });

  it('marks a bad satellite with error codes instead of throwing', () => {
    const broken: Sgp4TleLines = { line1: ISS.line1, line2: ISS.line2.slice(0, 26) + 'xx' + ISS.line2.slice(28) };
    const hyperbolic: MeanElements = { ...meanElementsOf(ISS), eccentricity: 1.2 };
    const batch = Sgp4Batch.fromSources([broken, ISS, hyperbolic]);
    expect(Array.from(batch.models)).toEqual([Sgp4SatelliteModel.Invalid, Sgp4SatelliteModel.NearEarth, Sgp4SatelliteModel.Invalid]);
    const res = batch.propagate({ kind: 'minutesSinceEpoch', minutes: Float64Array.from([0, 60]) });
    expect(Array.from(res.errors)).toEqual([7, 7, 0, 0, 7, 7]);
    expect(Number.isNaN(res.positionKm[0])).toBe(true);
    expect(Number.isFinite(res.positionKm[6])).toBe(true);
    expect(() => Sgp4Propagator.fromElements(hyperbolic)).toThrow(Sgp4Error);
    expect(() => Sgp4Propagator.fromElements(hyperbolic)).toThrow(/eccentricity 1.2 not in \[0, 1\)/);
  });

  it('rejects a result of the wrong size and per-satellite minutes that do not divide', () => {
    const batch = Sgp4Batch.fromSources([ISS, MOLNIYA]);
    expect(() => batch.propagate({ kind: 'minutesSinceEpoch', minutes: new Float64Array(3), perSatellite: true })).toThrow(/multiple of 2/);
    expect(() => batch.propagate({ kind: 'minutesSinceEpoch', minutes: new Float64Array(3) }, allocateSgp4BatchResult(2, 4))).toThrow(/2×4/);
  });

  it('MeanElements input gives the TLE results (near-Earth to 1 µm, deep space to the 1-ms epoch rounding)', () => {
    for (const tle of [ISS, MOLNIYA]) {
      const a = Sgp4Propagator.fromTle(tle.line1, tle.line2);
      const b = Sgp4Propagator.fromElements(meanElementsOf(tle));
      expect(b.deepSpace).toBe(a.deepSpace);
      for (const t of [-720, 0, 33.3, 1440, 2880]) {
        const sa = a.propagateMinutes(t);
        const sb = b.propagateMinutes(t);
        const dp = Math.hypot(sa[0] - sb[0], sa[1] - sb[1], sa[2] - sb[2]);
        // Deep space goes through satellite.js' OMM reader, which holds the epoch as a Date
        // (1 ms): sidereal time then shifts by up to ω⊕·0.5 ms, i.e. 3.6e-8 rad × r.
        const r = Math.hypot(sa[0], sa[1], sa[2]);
        const tolKm = a.deepSpace ? 7.292115e-5 * 0.0005 * r : 1e-9;
        expect(dp).toBeLessThan(tolKm);
      }
      // propagate(epoch) measures elapsed time from the element epoch.
      const at = a.epoch.plusSeconds(3600);
      expect(Array.from(a.propagate(at))).toEqual(Array.from(a.propagateMinutes(60)));
      expect(a.stateAt(at).positionKm).toEqual(Array.from(a.propagateMinutes(60).subarray(0, 3)));
    }
  });

  it('reports the error code through tryPropagateMinutes without throwing', () => {
    const p = Sgp4Propagator.fromTle(ISS.line1, ISS.line2);
    const out = new Float64Array(12);
    expect(p.tryPropagateMinutes(30, out, 6)).toBe(Sgp4ErrorCode.None);
    expect(Number.isFinite(out[6])).toBe(true);
    expect(Math.hypot(out[6], out[7], out[8])).toBeGreaterThan(6700);
  });
});

describe('Sgp4Batch state (initialised once, rebuilt on another thread)', () => {
  const broken: Sgp4TleLines = { line1: ISS.line1, line2: ISS.line2.slice(0, 26) + 'xx' + ISS.line2.slice(28) };
  const sources: Sgp4Source[] = [ISS, MOLNIYA, broken, GEO];
  // Across the resonance nodes and back towards epoch (the integrator restarts there).
  const minutes = Float64Array.from([0, 300, 721, 1500, 2900, 100, -800, 10080]);

  it('a structured-clone copy of exportState propagates to the same bits, and keeps the invalid reasons', () => {
    const original = Sgp4Batch.fromSources(sources);
    const copy = Sgp4Batch.fromState(structuredClone(original.exportState()));
    expect(Array.from(copy.models)).toEqual(Array.from(original.models));
    expect([...copy.invalidReasons]).toEqual([...original.invalidReasons]);
    expect(copy.invalidReasons.get(2)).toMatch(/./);
    const a = original.propagate({ kind: 'minutesSinceEpoch', minutes });
    const b = copy.propagate({ kind: 'minutesSinceEpoch', minutes });
    expect(Array.from(b.errors)).toEqual(Array.from(a.errors));
    for (let k = 0; k < a.positionKm.length; k++) {
      expect(Object.is(b.positionKm[k], a.positionKm[k]), `position ${k}`).toBe(true);
      expect(Object.is(b.velocityKmPerS[k], a.velocityKmPerS[k]), `velocity ${k}`).toBe(true);
    }
  });

  it('the copy owns its deep-space records: propagating one leaves the other untouched', () => {
    const original = Sgp4Batch.fromSources([MOLNIYA]);
    const state = original.exportState();
    const before = Array.from(state.deepRecords);
    original.propagate({ kind: 'minutesSinceEpoch', minutes });
    expect(Array.from(state.deepRecords)).toEqual(before);
  });

  it('propagateOneMinutes gives the bits of Sgp4Propagator (near-Earth, 12-h and 24-h resonance), code 7 for a bad set', () => {
    const batch = Sgp4Batch.fromState(Sgp4Batch.fromSources(sources).exportState());
    const out = new Float64Array(6);
    sources.forEach((tle, s) => {
      if (s === 2) {
        expect(batch.propagateOneMinutes(s, 60, out)).toBe(Sgp4ErrorCode.InvalidElements);
        expect(Number.isNaN(out[0])).toBe(true);
        return;
      }
      const single = Sgp4Propagator.fromTle(tle.line1, tle.line2);
      for (const t of minutes) {
        expect(batch.propagateOneMinutes(s, t, out)).toBe(Sgp4ErrorCode.None);
        expect(Array.from(out), `${tle.line1.slice(2, 7)} at ${t} min`).toEqual(Array.from(single.propagateMinutes(t)));
      }
    });
  });

  it('rejects a state whose arrays do not match', () => {
    const state = Sgp4Batch.fromSources([ISS, MOLNIYA]).exportState();
    expect(() => Sgp4Batch.fromState({ ...state, epochDay: new Float64Array(1) })).toThrow(/array lengths/);
    expect(() => Sgp4Batch.fromState({ ...state, deepRecords: new Float64Array(0) })).toThrow(/deep-space records/);
  });
});

describe('ParallelSgp4Batch (worker_threads)', () => {
  const open: ParallelSgp4Batch[] = [];
  afterAll(async () => {
    await Promise.all(open.map((b) => b.close()));
  });

  it('gives bit-identical results to the serial batch, by satellite and by time', async () => {
    const sources: Sgp4Source[] = [];
    if (sharedDataAvailable()) {
      for (const t of tleLinePairs(readShared('sgp4', 'SGP4-VER.TLE'))) sources.push({ line1: t.line1, line2: t.line2.slice(0, 69) });
    }
    for (let k = 0; sources.length < 700; k++) sources.push(k % 3 === 0 ? MOLNIYA : k % 3 === 1 ? ISS : meanElementsOf(ISS));
    sources.push({ line1: 'garbage', line2: 'garbage' });
    const minutes = Float64Array.from({ length: 50 }, (_, j) => j * 7.5 - 100);
    const serial = Sgp4Batch.fromSources(sources).propagate({ kind: 'minutesSinceEpoch', minutes });
    const par = await ParallelSgp4Batch.create(sources, { workers: 2, nearEarthKernel: 'js' });
    open.push(par);
    expect(par.workerCount).toBe(2);
    const got = await par.propagate({ kind: 'minutesSinceEpoch', minutes });
    expect(got.positionKm.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(Array.from(got.errors)).toEqual(Array.from(serial.errors));
    expect(Array.from(got.positionKm)).toEqual(Array.from(serial.positionKm));
    expect(Array.from(got.velocityKmPerS)).toEqual(Array.from(serial.velocityKmPerS));

    // Absolute epochs and per-satellite minutes through the workers too.
    const epochs = [0, 30, 60].map((m) => Epoch.fromIso('2022-07-15T12:00:00Z').plusSeconds(m * 60));
    const a1 = await par.propagate({ kind: 'epochs', epochs });
    const a0 = Sgp4Batch.fromSources(sources).propagate({ kind: 'epochs', epochs });
    expect(Array.from(a1.positionKm)).toEqual(Array.from(a0.positionKm));
    const perSat = Float64Array.from({ length: sources.length * 2 }, (_, k) => k % 97);
    const p1 = await par.propagate({ kind: 'minutesSinceEpoch', minutes: perSat, perSatellite: true });
    const p0 = Sgp4Batch.fromSources(sources).propagate({ kind: 'minutesSinceEpoch', minutes: perSat, perSatellite: true });
    expect(Array.from(p1.positionKm)).toEqual(Array.from(p0.positionKm));

    // One satellite on two workers: the time axis is split.
    const single = await ParallelSgp4Batch.create([ISS], { workers: 2, nearEarthKernel: 'js' });
    open.push(single);
    const many = Float64Array.from({ length: 1001 }, (_, j) => j * 0.5);
    const s1 = await single.propagate({ kind: 'minutesSinceEpoch', minutes: many });
    const s0 = Sgp4Batch.fromSources([ISS]).propagate({ kind: 'minutesSinceEpoch', minutes: many });
    expect(Array.from(s1.positionKm)).toEqual(Array.from(s0.positionKm));
  });
});
