/**
 * Screening on constructed geometries where the answer is known exactly: circular Kepler orbits
 * (callbackTrajectories) that cross at a chosen instant with a chosen miss vector, a slow
 * co-orbital overtaking, approaches exactly on grid points and shard boundaries; plus the
 * building blocks (segment distance, RTN, spatial grid) against direct computation.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  callbackTrajectories,
  mergeShardResults,
  MU_KM3_S2,
  PairRefiner,
  planScreening,
  rtnComponents,
  runShard,
  screenTrajectories,
  segmentMinDistance,
  SpatialHashGrid,
  type CloseApproach,
  type ScreeningOptions,
  type TrajectorySet,
} from '../../src/analysis/conjunction/index.js';
import { Epoch } from '../../src/foundation/time/epoch.js';

const START = Epoch.fromIso('2022-07-15T00:00:00Z');

/** A circular orbit: radius, inclination about the x axis (node on +x), argument of latitude u(t) = n (t − tNode). */
interface Circle {
  radiusKm: number;
  inclinationRad: number;
  /** Time at which the object crosses the ascending node (+x axis), s. */
  nodeTimeS: number;
  /** Extra constant offset added to the position (km), to place a miss off the radial direction. */
  offset?: [number, number, number];
}

function circles(list: Circle[]): TrajectorySet {
  return callbackTrajectories(list.length, (i, t, out, off) => {
    const c = list[i];
    const n = Math.sqrt(MU_KM3_S2 / c.radiusKm ** 3);
    const u = n * (t - c.nodeTimeS);
    const ci = Math.cos(c.inclinationRad);
    const si = Math.sin(c.inclinationRad);
    const [ox, oy, oz] = c.offset ?? [0, 0, 0];
    const r = c.radiusKm;
    const v = n * r;
    out[off] = r * Math.cos(u) + ox;
    out[off + 1] = r * Math.sin(u) * ci + oy;
    out[off + 2] = r * Math.sin(u) * si + oz;
    out[off + 3] = -v * Math.sin(u);
    out[off + 4] = v * Math.cos(u) * ci;
    out[off + 5] = v * Math.cos(u) * si;
    return true;
  });
}

const R0 = 6378.135 + 420;
const DEG = Math.PI / 180;

describe('constructed crossings', () => {
  it('finds a radial miss at the node crossing: TCA, miss and RTN exact', () => {
    const tca = 3000.25;
    const traj = circles([
      { radiusKm: R0, inclinationRad: 51.6 * DEG, nodeTimeS: tca },
      { radiusKm: R0 + 1.234, inclinationRad: 97.5 * DEG, nodeTimeS: tca },
    ]);
    // Half a period later the orbits meet again at the descending node, but the 1.234-km higher
    // object arrives ≈ 0.75 s late (Kepler's third law), i.e. ≈ 8 km away: one approach only.
    const res = screenTrajectories(traj, { start: START, durationSeconds: 7200, thresholdKm: 5, primary: 0 });
    expect(res.approaches).toHaveLength(1);
    const first = res.approaches[0];
    expect(first.tcaSeconds).toBeCloseTo(tca, 3);
    expect(first.missKm).toBeCloseTo(1.234, 9);
    expect(first.radialKm).toBeCloseTo(1.234, 9);
    expect(Math.abs(first.inTrackKm)).toBeLessThan(1e-6);
    expect(Math.abs(first.crossTrackKm)).toBeLessThan(1e-6);
    const vA = Math.sqrt(MU_KM3_S2 / R0);
    const vB = Math.sqrt(MU_KM3_S2 / (R0 + 1.234));
    const expectedSpeed = Math.sqrt(vA * vA + vB * vB - 2 * vA * vB * Math.cos((97.5 - 51.6) * DEG));
    expect(first.relativeSpeedKmS).toBeCloseTo(expectedSpeed, 6);
    // With a 10-km threshold the late descending-node meeting shows up too.
    const wide = screenTrajectories(traj, { start: START, durationSeconds: 7200, thresholdKm: 10, primary: 0 });
    // (and the one half a period before it).
    expect(wide.approaches).toHaveLength(3);
    const period = 2 * Math.PI * Math.sqrt(R0 ** 3 / MU_KM3_S2);
    expect(Math.abs(wide.approaches[0].tcaSeconds - tca + period / 2)).toBeLessThan(2);
    expect(Math.abs(wide.approaches[2].tcaSeconds - tca - period / 2)).toBeLessThan(2);
    expect(wide.approaches[0].missKm).toBeGreaterThan(5);
    expect(wide.approaches[2].missKm).toBeGreaterThan(5);
  });

  it('reports cross-track and in-track components of an offset miss', () => {
    const tca = 1234.5;
    // B passes 2 km above the primary's orbit plane... built as an offset along the primary's normal at the node.
    const inc = 51.6 * DEG;
    const normal: [number, number, number] = [0, -Math.sin(inc), Math.cos(inc)];
    const traj = circles([
      { radiusKm: R0, inclinationRad: inc, nodeTimeS: tca },
      { radiusKm: R0, inclinationRad: 140 * DEG, nodeTimeS: tca, offset: [normal[0] * 2, normal[1] * 2, normal[2] * 2] },
    ]);
    const res = screenTrajectories(traj, { start: START, durationSeconds: 2400, thresholdKm: 5, primary: 0 });
    expect(res.approaches).toHaveLength(1);
    const a = res.approaches[0];
    // Truth: with equal radii and node times the relative position is exactly the straight line
    // o + R sin(n τ)(T_B − T_A), so the miss is the offset minus its part along w ∥ T_B − T_A. The
    // primary's frame turns by n τ* ≈ 1.5e-4 rad from the node, which the radial part shows.
    const n = Math.sqrt(MU_KM3_S2 / R0 ** 3);
    const v = n * R0;
    const w = [0, v * (Math.cos(140 * DEG) - Math.cos(inc)), v * (Math.sin(140 * DEG) - Math.sin(inc))];
    const o = normal.map((c) => 2 * c);
    const ow = (o[0] * w[0] + o[1] * w[1] + o[2] * w[2]) / (w[0] ** 2 + w[1] ** 2 + w[2] ** 2);
    const miss = o.map((c, k) => c - ow * w[k]);
    const T = [0, Math.cos(inc), Math.sin(inc)];
    const tauStar = Math.asin((-ow * v) / R0) / n;
    expect(a.tcaSeconds - tca).toBeCloseTo(tauStar, 4);
    expect(a.missKm).toBeCloseTo(Math.hypot(miss[0], miss[1], miss[2]), 6);
    const u = n * tauStar;
    expect(a.radialKm).toBeCloseTo(Math.sin(u) * (miss[1] * T[1] + miss[2] * T[2]), 4);
    expect(a.inTrackKm).toBeCloseTo(Math.cos(u) * (miss[1] * T[1] + miss[2] * T[2]), 4);
    expect(a.crossTrackKm).toBeCloseTo(miss[1] * normal[1] + miss[2] * normal[2], 4);
  });

  it('finds a slow co-orbital overtaking (metres per second) at the right time', () => {
    // Same plane, 2 km apart in radius: the lower object gains ≈ 1.5 n Δr ≈ 3.4 m/s along track.
    const rA = R0;
    const rB = R0 - 2;
    const nA = Math.sqrt(MU_KM3_S2 / rA ** 3);
    const nB = Math.sqrt(MU_KM3_S2 / rB ** 3);
    // Start 30 km behind; phases equal at t* = Δu / (nB − nA).
    const du0 = 30 / rA;
    const tStar = du0 / (nB - nA);
    const traj = circles([
      { radiusKm: rA, inclinationRad: 51.6 * DEG, nodeTimeS: 0 },
      { radiusKm: rB, inclinationRad: 51.6 * DEG, nodeTimeS: du0 / nB },
    ]);
    const res = screenTrajectories(traj, { start: START, durationSeconds: 2 * tStar, thresholdKm: 5, primary: 0 });
    expect(res.attached).toHaveLength(0); // 30 km apart at the start: not the attached rule
    expect(res.approaches).toHaveLength(1);
    expect(res.approaches[0].tcaSeconds).toBeCloseTo(tStar, 1);
    expect(res.approaches[0].missKm).toBeCloseTo(2, 6);
    expect(res.approaches[0].radialKm).toBeCloseTo(-2, 6);
    expect(res.approaches[0].relativeSpeedKmS).toBeLessThan(0.01);
  });

  it('finds an approach exactly on a grid point once, however the window is cut into shards', () => {
    const step = 20;
    const tca = 60 * step; // grid point k = 60
    const traj = circles([
      { radiusKm: R0, inclinationRad: 51.6 * DEG, nodeTimeS: tca },
      { radiusKm: R0 + 0.5, inclinationRad: 70 * DEG, nodeTimeS: tca },
    ]);
    const options: ScreeningOptions = { start: START, durationSeconds: 2 * tca, thresholdKm: 5, primary: 0, stepSeconds: step };
    const one = screenTrajectories(traj, options);
    expect(one.approaches).toHaveLength(1);
    expect(one.approaches[0].tcaSeconds).toBeCloseTo(tca, 3);
    for (const slices of [2, 3, 7, 120]) {
      const plan = planScreening(traj, options, slices);
      // Shards travel as JSON.
      const results = plan.shards.map((s) => runShard(traj, JSON.parse(JSON.stringify(s))));
      const merged = mergeShardResults(results, plan.attached);
      expect(merged.approaches).toEqual(one.approaches);
    }
  });

  it('all-pairs mode finds the same crossings as primary mode, each pair once', () => {
    const t1 = 1500;
    const list: Circle[] = [
      { radiusKm: R0, inclinationRad: 51.6 * DEG, nodeTimeS: t1 },
      { radiusKm: R0 + 1, inclinationRad: 97 * DEG, nodeTimeS: t1 },
      { radiusKm: R0 - 3, inclinationRad: 20 * DEG, nodeTimeS: t1 },
      { radiusKm: R0 + 800, inclinationRad: 60 * DEG, nodeTimeS: 0 },
    ];
    const traj = circles(list);
    const all = screenTrajectories(traj, { start: START, durationSeconds: 3000, thresholdKm: 5 });
    const pairs = all.approaches.map((a) => `${a.object1}-${a.object2}@${a.tcaSeconds.toFixed(2)}`);
    expect(pairs).toEqual(['0-1@1500.00', '0-2@1500.00', '1-2@1500.00']);
    const misses = all.approaches.map((a) => a.missKm);
    expect(misses[0]).toBeCloseTo(1, 9);
    expect(misses[1]).toBeCloseTo(3, 9);
    expect(misses[2]).toBeCloseTo(4, 9);
  });
});

describe('building blocks', () => {
  it('refinement evaluates an object once per instant (memo) and finds the same approach for twin secondaries', () => {
    const tca = 3000.25;
    const orbit = { radiusKm: R0 + 1.234, inclinationRad: 97.5 * DEG, nodeTimeS: tca };
    const base = circles([{ radiusKm: R0, inclinationRad: 51.6 * DEG, nodeTimeS: tca }, orbit, orbit]);
    const calls = [0, 0, 0];
    const counted = callbackTrajectories(3, (i, t, out, off) => {
      calls[i]++;
      return base.stateAt(i, t, out, off);
    });
    const refiner = new PairRefiner(counted);
    const first: CloseApproach[] = [];
    refiner.refine(0, 1, 2400, 3600, 5, 0, first);
    const primaryCalls = calls[0];
    expect(first).toHaveLength(1);
    expect(primaryCalls).toBe(calls[1]);
    const second: CloseApproach[] = [];
    refiner.refine(0, 2, 2400, 3600, 5, 0, second);
    // The twin takes the same path: every instant of the first object is a memo hit.
    expect(calls[0]).toBe(primaryCalls);
    expect(calls[2]).toBe(calls[1]);
    expect(refiner.evaluations).toBe(calls[0] + calls[1] + calls[2]);
    expect({ ...second[0], object2: 1 }).toEqual(first[0]);
    expect(first[0].tcaSeconds).toBeCloseTo(tca, 3);
  });

  it('segmentMinDistance equals a dense scan of the segment', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 6, maxLength: 6 }),
        fc.double({ min: -60, max: 60, noNaN: true }),
        ([px, py, pz, vx, vy, vz], tau) => {
          let best = Infinity;
          for (let k = 0; k <= 2000; k++) {
            const s = (tau * k) / 2000;
            best = Math.min(best, Math.hypot(px + vx * s, py + vy * s, pz + vz * s));
          }
          const d = segmentMinDistance(px, py, pz, vx, vy, vz, tau);
          expect(d).toBeLessThanOrEqual(best + 1e-9);
          expect(d).toBeGreaterThanOrEqual(best - (Math.hypot(vx, vy, vz) * Math.abs(tau)) / 2000 - 1e-9);
        },
      ),
    );
  });

  it('RTN components of the radial, velocity and normal directions', () => {
    const r = [7000, 0, 0];
    const v = [0, 5, 5];
    const out = new Float64Array(3);
    expect([...rtnComponents(r, v, [1, 0, 0], out)]).toEqual([1, 0, 0]);
    rtnComponents(r, v, [0, 1, 1], out);
    expect(out[0]).toBeCloseTo(0, 12);
    expect(out[1]).toBeCloseTo(Math.SQRT2, 12);
    expect(out[2]).toBeCloseTo(0, 12);
    rtnComponents(r, v, [0, -1, 1], out);
    expect(out[2]).toBeCloseTo(Math.SQRT2, 12);
  });

  it('spatial hash grid returns every pair within one cell size', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: -500, max: 500, noNaN: true }), fc.double({ min: -500, max: 500, noNaN: true }), fc.double({ min: -500, max: 500, noNaN: true })), { minLength: 2, maxLength: 80 }), (pts) => {
        const n = pts.length;
        const pos = new Float64Array(pts.flat());
        const grid = new SpatialHashGrid();
        const cell = 60;
        grid.build(pos, 3, 0, n, new Uint8Array(n).fill(1), cell);
        for (let i = 0; i < n; i++) {
          const seen = new Set<number>();
          grid.forNeighbours(i, 1, (j) => {
            expect(seen.has(j)).toBe(false);
            seen.add(j);
          });
          for (let j = 0; j < n; j++) {
            const d = Math.hypot(pos[3 * i] - pos[3 * j], pos[3 * i + 1] - pos[3 * j + 1], pos[3 * i + 2] - pos[3 * j + 2]);
            if (d <= cell) expect(seen.has(j)).toBe(true);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('rejects a non-positive threshold and an oversized step with a named error', () => {
    const traj = circles([{ radiusKm: R0, inclinationRad: 0.9, nodeTimeS: 0 }, { radiusKm: R0 + 9, inclinationRad: 0.2, nodeTimeS: 0 }]);
    expect(() => screenTrajectories(traj, { start: START, durationSeconds: 600, thresholdKm: 0, primary: 0 })).toThrow(/threshold/);
    expect(() => screenTrajectories(traj, { start: START, durationSeconds: 600, thresholdKm: 5, primary: 0, stepSeconds: 700 })).toThrow(/step/);
    expect(() => screenTrajectories(traj, { start: START, durationSeconds: 600, thresholdKm: 5, primary: 7 })).toThrow(/primary index 7/);
  });
});
