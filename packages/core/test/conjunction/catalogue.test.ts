/**
 * Screening on the real 2022-07-15 Space-Track catalogue (skipped without ../shared/data):
 *  - no missed event: the ISS against a sample (objects the full-catalogue screen finds within
 *    50 km on 2022-07-15, every 800th catalogue entry, the docked vehicles) over one day, against
 *    the brute-force reference (2-s samples, golden-section refinement on positions);
 *  - the docked vehicles are reported once as attached, not as dozens of approaches;
 *  - shards: the same events however the work is cut, and through worker threads;
 *  - all-pairs mode (cell list, 30-s step) agrees with primary mode (no grid, 600-s step).
 */
import { describe, expect, it } from 'vitest';
import { readShared, sharedDataAvailable } from '../../../../test/sharedData.js';
import {
  mergeShardResults,
  planScreening,
  runShard,
  screenTrajectories,
  Sgp4Trajectories,
  type CloseApproach,
  type ScreeningOptions,
} from '../../src/analysis/conjunction/index.js';
import { parseTle, type TleRecord } from '../../src/foundation/formats/index.js';
import { ParallelScreener } from '@stationkeeper/runtime';
import { Epoch } from '../../src/foundation/time/epoch.js';
import { referenceMinima } from './bruteForce.js';

const START = Epoch.fromIso('2022-07-15T00:00:00Z');
const DAY = 86400;
const ISS = 25544;
/** Docked to the ISS on 2022-07-15 (Nauka is a module), all carrying the ISS's 2022-07-14 element set. */
const DOCKED = [49044, 51660, 52086, 52318, 52795];
/**
 * Objects with approaches to the ISS within 50 km on 2022-07-15 in a full-catalogue screen (a
 * selection, not the expected answer: the test compares against the brute force). Includes a
 * slow one (LIGHT-1, 0.7 km/s, deployed from the ISS) and FLOCK 3P 85 with three approaches.
 */
const NEAR = [50301, 45620, 45120, 46944, 30611, 50972, 29093, 43104, 39925, 46763, 51509, 41983, 49772, 36042, 750, 42022, 45121, 26959];

describe.skipIf(!sharedDataAvailable())('screening the 2022-07-15 catalogue', () => {
  const catalogue = sharedDataAvailable() ? parseTle(readShared('catalog', 'spacetrack_3le_2022-07-15.txt')).records : [];
  const byId = new Map(catalogue.map((r) => [r.noradId, r]));
  const sample: TleRecord[] = [];
  if (catalogue.length > 0) {
    const ids = new Set([ISS, ...NEAR, ...DOCKED]);
    catalogue.forEach((r, k) => {
      if (k % 800 === 0) ids.add(r.noradId);
    });
    for (const id of ids) sample.push(byId.get(id) as TleRecord);
  }
  const options: ScreeningOptions = { start: START, durationSeconds: DAY, thresholdKm: 50, primary: 0 };
  const traj = sharedDataAvailable() ? new Sgp4Trajectories(sample, START) : (undefined as never);
  const result = sharedDataAvailable() ? screenTrajectories(traj, options) : (undefined as never);

  it('finds exactly the brute-force minima: same events, TCA within 1 ms, miss within 1 mm', () => {
    const iss = sample[0];
    let matched = 0;
    for (let k = 1; k < sample.length; k++) {
      if (DOCKED.includes(sample[k].noradId)) continue;
      const ref = referenceMinima(iss, sample[k], START, DAY, options.thresholdKm, 2);
      const got = result.approaches.filter((a) => a.object2 === k);
      expect(got.map((a) => a.tcaSeconds).length, `NORAD ${sample[k].noradId}`).toBe(ref.length);
      got.forEach((a, q) => {
        expect(Math.abs(a.tcaSeconds - ref[q].tcaSeconds), `NORAD ${sample[k].noradId} TCA`).toBeLessThan(1e-3);
        expect(Math.abs(a.missKm - ref[q].missKm), `NORAD ${sample[k].noradId} miss`).toBeLessThan(1e-6);
      });
      matched += ref.length;
    }
    // The sample is chosen to hold many approaches, slow and fast.
    expect(matched).toBeGreaterThan(20);
    expect(Math.min(...result.approaches.map((a) => a.relativeSpeedKmS))).toBeLessThan(1);
  });

  it('reports the docked vehicles once, as attached, and not as approaches', () => {
    const attachedIds = result.attached.map((a) => sample[a.object2].noradId).sort();
    expect(attachedIds).toEqual([...DOCKED].sort());
    for (const a of result.attached) {
      expect(a.object1).toBe(0);
      expect(a.maxDistanceKm).toBeLessThan(3);
    }
    expect(result.approaches.some((a) => DOCKED.includes(sample[a.object2].noradId))).toBe(false);
    // Without the rule they would be a stream of "approaches" within a few km.
    const nauka = referenceMinima(sample[0], byId.get(49044) as TleRecord, START, DAY, 10, 2);
    expect(nauka.length).toBeGreaterThan(10);
  });

  it('finds the same docked set in the whole catalogue (and nothing else attached to the ISS)', () => {
    const all = new Sgp4Trajectories(catalogue, START);
    const iss = catalogue.findIndex((r) => r.noradId === ISS);
    const plan = planScreening(all, { ...options, primary: iss, durationSeconds: 7 * DAY, thresholdKm: 5 });
    expect(plan.attached.map((a) => catalogue[a.object1 === iss ? a.object2 : a.object1].noradId).sort()).toEqual([...DOCKED].sort());
  });

  it('gives the same events however the work is sharded (time slices × object chunks, via JSON)', () => {
    const plan = planScreening(traj, options, 5, 3);
    expect(plan.shards).toHaveLength(15);
    const merged = mergeShardResults(plan.shards.map((s) => runShard(traj, JSON.parse(JSON.stringify(s)))), plan.attached);
    expect(merged.approaches.map(key)).toEqual(result.approaches.map(key));
    expect(merged.approaches.map((a) => a.tcaSeconds)).toEqual(result.approaches.map((a) => a.tcaSeconds));
  });

  it('trajectories rebuilt from a structured-clone copy of the initialised state give identical events (what a worker receives)', () => {
    const copy = new Sgp4Trajectories(structuredClone(new Sgp4Trajectories(sample, START).exportState()), START);
    expect(copy.count).toBe(sample.length);
    const again = screenTrajectories(copy, options);
    expect(again.approaches).toEqual(result.approaches);
    expect(again.attached).toEqual(result.attached);
    expect(again.skipped).toEqual(result.skipped);
  });

  it('gives the same result on two worker threads', async () => {
    const screener = await ParallelScreener.create(sample, START, { workers: 2, shardsPerWorker: 2 });
    try {
      const par = await screener.screen(options);
      expect(par.approaches).toEqual(result.approaches);
      expect(par.attached).toEqual(result.attached);
    } finally {
      await screener.close();
    }
  });

  it('all-pairs mode (grid, default 30-s step) agrees with primary mode run from every object (default 600-s step)', () => {
    const sub = sample.slice(0, 30);
    const t = new Sgp4Trajectories(sub, START);
    const half: ScreeningOptions = { start: START, durationSeconds: DAY / 2, thresholdKm: 50 };
    const pairs = screenTrajectories(t, half);
    const fromPrimaries: CloseApproach[] = [];
    for (let p = 0; p < sub.length; p++) {
      for (const a of screenTrajectories(t, { ...half, primary: p }).approaches) if (a.object2 > p) fromPrimaries.push(a);
    }
    fromPrimaries.sort((a, b) => a.tcaSeconds - b.tcaSeconds);
    expect(pairs.approaches.length).toBeGreaterThan(5);
    expect(pairs.approaches.map(key)).toEqual(fromPrimaries.map(key));
    pairs.approaches.forEach((a, q) => {
      expect(Math.abs(a.tcaSeconds - fromPrimaries[q].tcaSeconds)).toBeLessThan(1e-4);
      expect(Math.abs(a.missKm - fromPrimaries[q].missKm)).toBeLessThan(1e-7);
    });
    // The docked vehicles are attached to each other too (15 pairs among the ISS and five vehicles).
    expect(pairs.attached.length).toBe(15);
  });
});

function key(a: CloseApproach): string {
  return `${a.object1}-${a.object2}@${Math.round(a.tcaSeconds)}`;
}
