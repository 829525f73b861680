/**
 * SGP4/SDP4 against Vallado's verification set (AIAA 2006-6753; PROVENANCE.md §1): every state
 * of tcppver.out within 1 mm and 1 mm/s, the run of each object stops exactly where the
 * reference run stops, with the documented error codes.
 */
import { describe, expect, it } from 'vitest';
import { sgp4, twoline2satrec } from 'satellite.js';
import { readShared, sharedDataAvailable } from '../../../../test/sharedData.js';
import { Sgp4Batch, Sgp4Error, Sgp4ErrorCode, Sgp4Propagator } from '../../src/propagation/index.js';
import { readTcppver, readVerificationTles, verificationTimes, type VerificationCase } from './verificationSet.js';

const POS_TOL_KM = 1e-6; // 1 mm
const VEL_TOL_KM_S = 1e-6; // 1 mm/s

/** Errors at which the reference run stops, in file order (cf. python-sgp4's test of the same file). */
const EXPECTED_STOPS: [number, number][] = [
  [22312, Sgp4ErrorCode.MeanEccentricityOutOfRange],
  [28350, Sgp4ErrorCode.MeanEccentricityOutOfRange],
  [28872, Sgp4ErrorCode.Decayed],
  [29141, Sgp4ErrorCode.Decayed],
  [33333, Sgp4ErrorCode.SemiLatusRectumBelowZero],
  [33334, Sgp4ErrorCode.PerturbedEccentricityOutOfRange],
  [20413, Sgp4ErrorCode.Decayed],
];

type Propagate = (c: VerificationCase, index: number, times: number[]) => { states: number[][]; stop?: number };

/** Runs the reference loop: states until the first error, which ends the object's run. */
function runVerification(propagate: Propagate) {
  const cases = readVerificationTles(readShared('sgp4', 'SGP4-VER.TLE'));
  const reference = readTcppver(readShared('sgp4', 'tcppver.out'));
  expect(cases.length).toBe(33);
  expect(reference.length).toBe(33);
  const stops: [number, number][] = [];
  let worstPos = 0;
  let worstVel = 0;
  let compared = 0;
  cases.forEach((c, i) => {
    const ref = reference[i];
    expect(Number(c.line1.slice(2, 7))).toBe(ref.satnum);
    const { states, stop } = propagate(c, i, verificationTimes(c));
    if (stop !== undefined) stops.push([ref.satnum, stop]);
    // 33334 fails at t = 0; the reference file then repeats 33333's last state (stale output).
    const rows = ref.satnum === 33334 ? [] : ref.rows;
    expect(states.length, `object ${ref.satnum}: number of states`).toBe(rows.length);
    rows.forEach((row, k) => {
      const s = states[k];
      expect(s[0]).toBeCloseTo(row[0], 6);
      const dp = Math.hypot(s[1] - row[1], s[2] - row[2], s[3] - row[3]);
      const dv = Math.hypot(s[4] - row[4], s[5] - row[5], s[6] - row[6]);
      worstPos = Math.max(worstPos, dp);
      worstVel = Math.max(worstVel, dv);
      compared++;
      expect(dp, `object ${ref.satnum} at ${row[0]} min: position difference km`).toBeLessThanOrEqual(POS_TOL_KM);
      expect(dv, `object ${ref.satnum} at ${row[0]} min: velocity difference km/s`).toBeLessThanOrEqual(VEL_TOL_KM_S);
    });
  });
  expect(stops).toEqual(EXPECTED_STOPS);
  return { worstPos, worstVel, compared };
}

describe.skipIf(!sharedDataAvailable())('SGP4 verification set (Vallado tcppver.out)', () => {
  it('satellite.js reference adapter (twoline2satrec + sgp4) reproduces every state', () => {
    const r = runVerification((c, _i, times) => {
      const satrec = twoline2satrec(c.line1, c.line2);
      const states: number[][] = [];
      for (const t of times) {
        const pv = sgp4(satrec, t);
        if (pv === null) return { states, stop: satrec.error };
        const { position: p, velocity: v } = pv;
        states.push([t, p.x, p.y, p.z, v.x, v.y, v.z]);
      }
      return { states };
    });
    expect(r.compared).toBeGreaterThan(500);
  });

  it('Sgp4Propagator (own SGP4 and SDP4 kernels) reproduces every state', () => {
    const out = new Float64Array(6);
    const r = runVerification((c, _i, times) => {
      const prop = Sgp4Propagator.fromTle(c.line1, c.line2);
      const states: number[][] = [];
      for (const t of times) {
        const code = prop.tryPropagateMinutes(t, out);
        if (code !== Sgp4ErrorCode.None) return { states, stop: code };
        states.push([t, ...out]);
      }
      return { states };
    });
    console.info(`verification set, Sgp4Propagator: ${r.compared} states, worst ${(r.worstPos * 1e6).toFixed(4)} mm, ${(r.worstVel * 1e6).toFixed(5)} mm/s`);
  });

  // 'wasm-simd': the WebAssembly near-Earth kernel (nearEarthWasm.ts) on the same set.
  it.each(['js', 'wasm-simd'] as const)('batch API (%s near-Earth kernel) reproduces every state, with the error codes per (satellite, time)', (kernel) => {
    const cases = readVerificationTles(readShared('sgp4', 'SGP4-VER.TLE'));
    const timesPerCase = cases.map(verificationTimes);
    const m = Math.max(...timesPerCase.map((t) => t.length));
    // Per-satellite offsets: pad each list with its last time to a common M.
    const minutes = new Float64Array(cases.length * m);
    timesPerCase.forEach((ts, s) => {
      for (let j = 0; j < m; j++) minutes[s * m + j] = ts[Math.min(j, ts.length - 1)];
    });
    const batch = Sgp4Batch.fromSources(cases, { nearEarthKernel: kernel });
    const res = batch.propagate({ kind: 'minutesSinceEpoch', minutes, perSatellite: true });
    expect(res.positionKm.length).toBe(cases.length * m * 3);
    const r = runVerification((_c, s, times) => {
      const states: number[][] = [];
      for (let j = 0; j < times.length; j++) {
        const o = s * m + j;
        if (res.errors[o] !== 0) {
          expect(Number.isNaN(res.positionKm[3 * o])).toBe(true);
          return { states, stop: res.errors[o] };
        }
        states.push([times[j], ...res.positionKm.subarray(3 * o, 3 * o + 3), ...res.velocityKmPerS.subarray(3 * o, 3 * o + 3)]);
      }
      return { states };
    });
    console.info(`verification set, Sgp4Batch (${kernel} near-Earth kernel): ${r.compared} states, worst ${(r.worstPos * 1e6).toFixed(4)} mm, ${(r.worstVel * 1e6).toFixed(5)} mm/s`);
  });

  it('every deep-space case goes through the own SDP4 kernel, within 1 mm of every reference state', () => {
    // The deep-space subset on its own, with the resonance class of each case counted, so that a
    // regression in the lunar-solar or resonance terms cannot hide behind the near-Earth cases.
    const cases = readVerificationTles(readShared('sgp4', 'SGP4-VER.TLE'));
    const reference = readTcppver(readShared('sgp4', 'tcppver.out'));
    const out = new Float64Array(6);
    const classes = { nonResonant: 0, synchronous: 0, halfDay: 0 };
    let worstPos = 0;
    let compared = 0;
    cases.forEach((c, i) => {
      const prop = Sgp4Propagator.fromTle(c.line1, c.line2);
      if (!prop.deepSpace) return;
      const revPerDay = Number(c.line2.slice(52, 63));
      const e = Number('.' + c.line2.slice(26, 33));
      if (revPerDay > 0.8 && revPerDay < 1.2) classes.synchronous++;
      else if (revPerDay > 1.8 && revPerDay < 2.2 && e >= 0.5) classes.halfDay++;
      else classes.nonResonant++;
      const rows = reference[i].satnum === 33334 ? [] : reference[i].rows;
      for (const row of rows) {
        expect(prop.tryPropagateMinutes(row[0], out)).toBe(Sgp4ErrorCode.None);
        const dp = Math.hypot(out[0] - row[1], out[1] - row[2], out[2] - row[3]);
        worstPos = Math.max(worstPos, dp);
        compared++;
        expect(dp, `object ${reference[i].satnum} at ${row[0]} min`).toBeLessThanOrEqual(POS_TOL_KM);
      }
    });
    console.info(`verification set, deep space: ${compared} states (${JSON.stringify(classes)}), worst ${(worstPos * 1e6).toFixed(4)} mm`);
    expect(classes.synchronous).toBeGreaterThanOrEqual(5);
    expect(classes.halfDay).toBeGreaterThanOrEqual(4);
    expect(classes.nonResonant).toBeGreaterThanOrEqual(5);
    expect(compared).toBeGreaterThan(300);
  });

  it('throws a typed, readable error for the error cases', () => {
    const cases = readVerificationTles(readShared('sgp4', 'SGP4-VER.TLE'));
    const byId = (id: string) => cases.find((c) => c.line1.slice(2, 7) === id) as VerificationCase;
    const p33333 = Sgp4Propagator.fromTle(byId('33333').line1, byId('33333').line2);
    expect(() => p33333.propagateMinutes(20)).not.toThrow();
    let caught: unknown;
    try {
      p33333.propagateMinutes(25);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(Sgp4Error);
    expect((caught as Sgp4Error).code).toBe(4);
    expect((caught as Sgp4Error).message).toMatch(/33333.*25 min.*semi-latus rectum below zero/);

    const p33334 = Sgp4Propagator.fromTle(byId('33334').line1, byId('33334').line2);
    expect(p33334.deepSpace).toBe(true); // the error comes from the own SDP4 kernel's lunar-solar periodics
    expect(() => p33334.propagateMinutes(0)).toThrow(/SGP4 error 3 .*perturbed eccentricity out of range/);

    const p28872 = Sgp4Propagator.fromTle(byId('28872').line1, byId('28872').line2);
    expect(p28872.deepSpace).toBe(false);
    expect(() => p28872.propagateMinutes(55)).toThrow(/satellite decayed/);
    const p22312 = Sgp4Propagator.fromTle(byId('22312').line1, byId('22312').line2);
    expect(() => p22312.propagateMinutes(494.2028672)).toThrow(/mean eccentricity out of range/);
  });
});
