/**
 * The structure-of-arrays near-Earth kernel (nearEarthSoa.ts) against the scalar kernel it
 * reorganises: the whole catalogue and Vallado's verification set, ≤ 1 mm and 1 mm/s, the same
 * error code for every (satellite, time); Vallado's reference output directly; partial blocks,
 * mixed near-Earth/deep-space/invalid batches and the worker-thread runner.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { ParallelSgp4Batch } from '@stationkeeper/runtime';
import { readShared, sharedDataAvailable } from '../../../../test/sharedData.js';
import { allocateSgp4BatchResult, Sgp4Batch, Sgp4SatelliteModel, type Sgp4BatchResult, type Sgp4Source, type Sgp4TleLines } from '../../src/propagation/index.js';
import { readTcppver, readVerificationTles, verificationTimes } from './verificationSet.js';

const POS_TOL_KM = 1e-6; // 1 mm
const VEL_TOL_KM_S = 1e-6; // 1 mm/s

function catalogueTles(): Sgp4TleLines[] {
  const lines = readShared('catalog', 'spacetrack_3le_2022-07-15.txt').split(/\r?\n/);
  const tles: Sgp4TleLines[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    if (lines[i].startsWith('1 ') && lines[i + 1].startsWith('2 ')) tles.push({ line1: lines[i], line2: lines[++i] });
  }
  return tles;
}

interface Diff {
  states: number;
  errors: number;
  worstPosKm: number;
  worstVelKmS: number;
}

/** Every state of `a` vs `b`: identical error codes (and NaN where non-zero), else the largest differences. */
function diff(a: Sgp4BatchResult, b: Sgp4BatchResult): Diff {
  const d: Diff = { states: 0, errors: 0, worstPosKm: 0, worstVelKmS: 0 };
  for (let o = 0; o < a.errors.length; o++) {
    if (a.errors[o] !== b.errors[o]) expect.fail(`state ${o}: error code ${a.errors[o]} vs ${b.errors[o]}`);
    const p = 3 * o;
    if (a.errors[o] !== 0) {
      d.errors++;
      expect(Number.isNaN(a.positionKm[p]) && Number.isNaN(a.velocityKmPerS[p + 2])).toBe(true);
      continue;
    }
    d.states++;
    const pa = a.positionKm, pb = b.positionKm, va = a.velocityKmPerS, vb = b.velocityKmPerS;
    d.worstPosKm = Math.max(d.worstPosKm, Math.hypot(pa[p] - pb[p], pa[p + 1] - pb[p + 1], pa[p + 2] - pb[p + 2]));
    d.worstVelKmS = Math.max(d.worstVelKmS, Math.hypot(va[p] - vb[p], va[p + 1] - vb[p + 1], va[p + 2] - vb[p + 2]));
  }
  return d;
}

function expectSame(a: Sgp4BatchResult, b: Sgp4BatchResult, what: string): Diff {
  const d = diff(a, b);
  console.info(`${what}: ${d.states} states, ${d.errors} errors agreed; worst ${(d.worstPosKm * 1e6).toFixed(6)} mm, ${(d.worstVelKmS * 1e6).toFixed(8)} mm/s`);
  expect(d.worstPosKm).toBeLessThanOrEqual(POS_TOL_KM);
  expect(d.worstVelKmS).toBeLessThanOrEqual(VEL_TOL_KM_S);
  return d;
}

describe.skipIf(!sharedDataAvailable())('SGP4 structure-of-arrays near-Earth kernel', () => {
  it('equals the scalar kernel over the whole catalogue: ±7 days and a day at 7-min steps', () => {
    const tles = catalogueTles();
    const scalar = Sgp4Batch.fromSources(tles);
    const soa = Sgp4Batch.fromSources(tles, { nearEarthKernel: 'soa' });
    expect(Array.from(soa.models)).toEqual(Array.from(scalar.models));
    const sample = Float64Array.from([-10080, -1440, -97.3, 0, 1, 45.5, 360, 1440, 4321.7, 10080]);
    const day = Float64Array.from({ length: 206 }, (_, k) => k * 7);
    for (const minutes of [sample, day]) {
      const times = { kind: 'minutesSinceEpoch', minutes } as const;
      const d = expectSame(soa.propagate(times), scalar.propagate(times), `catalogue (${tles.length} objects) × ${minutes.length} times`);
      expect(d.errors).toBeGreaterThan(0); // decayed objects exercise the error path
      expect(d.states).toBeGreaterThan(15000 * minutes.length * 0.9);
    }
  });

  it('equals the scalar kernel and Vallado’s reference output on the verification set', () => {
    const cases = readVerificationTles(readShared('sgp4', 'SGP4-VER.TLE'));
    const reference = readTcppver(readShared('sgp4', 'tcppver.out'));
    const timesPerCase = cases.map(verificationTimes);
    const m = Math.max(...timesPerCase.map((t) => t.length));
    const minutes = new Float64Array(cases.length * m);
    timesPerCase.forEach((ts, s) => {
      for (let j = 0; j < m; j++) minutes[s * m + j] = ts[Math.min(j, ts.length - 1)];
    });
    const times = { kind: 'minutesSinceEpoch', minutes, perSatellite: true } as const;
    const soaBatch = Sgp4Batch.fromSources(cases, { nearEarthKernel: 'soa' });
    const soa = soaBatch.propagate(times);
    expectSame(soa, Sgp4Batch.fromSources(cases).propagate(times), 'verification set');
    // Straight against tcppver.out for the near-Earth cases: every state up to the run's first error.
    let compared = 0;
    cases.forEach((_c, s) => {
      if (soaBatch.models[s] !== Sgp4SatelliteModel.NearEarth) return;
      const rows = reference[s].rows;
      rows.forEach((row, k) => {
        const o = s * m + k;
        expect(soa.errors[o], `object ${reference[s].satnum} at ${row[0]} min`).toBe(0);
        const p = 3 * o;
        const dp = Math.hypot(soa.positionKm[p] - row[1], soa.positionKm[p + 1] - row[2], soa.positionKm[p + 2] - row[3]);
        const dv = Math.hypot(soa.velocityKmPerS[p] - row[4], soa.velocityKmPerS[p + 1] - row[5], soa.velocityKmPerS[p + 2] - row[6]);
        expect(dp, `object ${reference[s].satnum} at ${row[0]} min`).toBeLessThanOrEqual(POS_TOL_KM);
        expect(dv).toBeLessThanOrEqual(VEL_TOL_KM_S);
        compared++;
      });
      // Where the reference run stopped early, the next state carries the error.
      if (rows.length < timesPerCase[s].length) expect(soa.errors[s * m + rows.length]).not.toBe(0);
    });
    expect(compared).toBeGreaterThan(150);
  });
});

describe('SGP4 structure-of-arrays kernel: blocks, ranges and workers', () => {
  const ISS: Sgp4TleLines = {
    line1: '1 25544U 98067A   22196.51021208  .00006684  00000-0  12517-3 0  9992',
    line2: '2 25544  51.6431 204.8524 0004888  20.0962 109.2092 15.50080774349702',
  };
  const MOLNIYA: Sgp4TleLines = {
    line1: '1 08195U 75081A   06176.33215444  .00000099  00000-0  11873-3 0   813',
    line2: '2 08195  64.1586 279.0717 6877146 264.7651  20.2257  2.00491383225656',
  };
  const broken: Sgp4TleLines = { line1: ISS.line1, line2: ISS.line2.slice(0, 26) + 'xx' + ISS.line2.slice(28) };
  // 150 satellites: more than two blocks, with deep-space and invalid entries between near-Earth ones.
  const sources: Sgp4Source[] = Array.from({ length: 150 }, (_, s) => (s % 17 === 5 ? MOLNIYA : s % 41 === 7 ? broken : ISS));
  const minutes = Float64Array.from({ length: 37 }, (_, k) => -300 + k * 61.3);
  const open: ParallelSgp4Batch[] = [];
  afterAll(async () => {
    await Promise.all(open.map((b) => b.close()));
  });

  it('handles mixed models, partial blocks and sub-ranges like the scalar kernel', () => {
    const times = { kind: 'minutesSinceEpoch', minutes } as const;
    const soa = Sgp4Batch.fromSources(sources, { nearEarthKernel: 'soa' });
    const scalar = Sgp4Batch.fromSources(sources);
    expectSame(soa.propagate(times), scalar.propagate(times), 'mixed batch');
    // Satellites 3 … 70, times 5 … 20, into a result whose first row is satellite 3.
    const resolved = { minutes, timesPerSatellite: minutes.length, perSatellite: false, refTaiMjdDay: null, refTaiSecondsOfDay: 0 };
    const a = allocateSgp4BatchResult(68, minutes.length);
    const b = allocateSgp4BatchResult(68, minutes.length);
    soa.propagateRange(resolved, 3, 71, 5, 21, a, 3);
    scalar.propagateRange(resolved, 3, 71, 5, 21, b, 3);
    expectSame(a, b, 'sub-range');
    expect(a.positionKm[0]).toBe(0); // time 0 of the first row was not in the range: untouched
  });

  it('runs on worker threads with the same results', async () => {
    const par = await ParallelSgp4Batch.create(sources, { workers: 2, nearEarthKernel: 'soa' });
    open.push(par);
    const times = { kind: 'minutesSinceEpoch', minutes } as const;
    expectSame(await par.propagate(times), Sgp4Batch.fromSources(sources).propagate(times), 'workers');
  });
});
