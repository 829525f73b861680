/**
 * Porkchop speed: `npm run bench:porkchop` (= `tsx bench/porkchop.bench.ts`).
 *
 * A 200 × 200 Earth → Mars grid (departures 2020-06-01 + 0…199 d, arrivals 2020-12-01 + 0…199 d,
 * 40,000 Lambert solves) on one core, two ways, in the same run:
 *
 * - stationkeeper `computePorkchop`: Izzo's Lambert (Householder iterations) per cell, planet states
 *   from astronomy-engine once per date, every quantity of the grid (C3, DLA, v∞, declinations, Δv);
 * - peer: the same planet states and cells with the straightforward universal-variable solver
 *   (Brent's method on t(z)), C3 only — the textbook way, and the tests' independent cross-check.
 *
 * Prints wall times (best of BENCH_REPEATS, default 3), solves/s, the ratio, and the largest C3
 * difference between the two, so speed and agreement are read together. The target: < 2 s.
 */
import { computePorkchop, Epoch, GM_SUN_M3_S2, planetState, solveLambertDirect, solveLambertUniversal, transferBody } from '@stationkeeper/core';
import { time } from './lib/timing.js';

const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
const N = 200;
const departStart = Epoch.fromIso('2020-06-01T00:00:00Z');
const arriveStart = Epoch.fromIso('2020-12-01T00:00:00Z');
const request = { from: 'earth', to: 'mars', departStart, departEnd: departStart.plusDays(N - 1), arriveStart, arriveEnd: arriveStart.plusDays(N - 1), stepDays: 1 };

function peerGrid(): Float64Array {
  const earth = transferBody('earth');
  const mars = transferBody('mars');
  const dep = Array.from({ length: N }, (_, i) => planetState(earth, departStart.plusDays(i)));
  const arr = Array.from({ length: N }, (_, j) => planetState(mars, arriveStart.plusDays(j)));
  const c3 = new Float64Array(N * N);
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < N; j++) {
      const tof = (183 + j - i) * 86400; // arrival grid starts 183 days after the departure grid
      if (tof <= 0) {
        c3[i * N + j] = NaN;
        continue;
      }
      const e = dep[i];
      const normal = [e[1] * e[5] - e[2] * e[4], e[2] * e[3] - e[0] * e[5], e[0] * e[4] - e[1] * e[3]]; // prograde = Earth's r × v, as in the grid
      const u = solveLambertUniversal(e, arr[j], tof, GM_SUN_M3_S2, normal);
      c3[i * N + j] = (u.v1[0] - e[3]) ** 2 + (u.v1[1] - e[4]) ** 2 + (u.v1[2] - e[5]) ** 2;
    }
  }
  return c3;
}

/** The solvers alone on the grid's 40,000 (r1, r2, tof) triples, planet states prepared beforehand. */
function solverOnly(): { izzo: () => void; universal: () => void } {
  const earth = transferBody('earth');
  const mars = transferBody('mars');
  const dep = Array.from({ length: N }, (_, i) => planetState(earth, departStart.plusDays(i)));
  const arr = Array.from({ length: N }, (_, j) => planetState(mars, arriveStart.plusDays(j)));
  const v1 = new Float64Array(3);
  const v2 = new Float64Array(3);
  const each = (f: (r1: Float64Array, r2: Float64Array, tof: number) => void) => () => {
    for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) if (183 + j - i > 0) f(dep[i], arr[j], (183 + j - i) * 86400);
  };
  return {
    izzo: each((r1, r2, tof) => solveLambertDirect(r1, r2, tof, GM_SUN_M3_S2, v1, v2)),
    universal: each((r1, r2, tof) => solveLambertUniversal(r1, r2, tof, GM_SUN_M3_S2)),
  };
}

let grid = computePorkchop(request);
const ours = await time(() => (grid = computePorkchop(request)), REPEATS);
let peer = peerGrid();
const theirs = await time(() => (peer = peerGrid()), REPEATS);

// Agreement: largest relative C3 difference away from the 180° ridge (where both are ill-conditioned).
let maxDiff = 0;
for (let c = 0; c < N * N; c++) {
  if (!(Math.abs(grid.transferAngleRad[c] - Math.PI) >= 0.05)) continue;
  maxDiff = Math.max(maxDiff, Math.abs(grid.c3M2S2[c] / peer[c] - 1));
}
const solvers = solverOnly();
const izzoOnly = await time(solvers.izzo, REPEATS);
const universalOnly = await time(solvers.universal, REPEATS);
const cells = N * N;
console.log(`Earth → Mars porkchop ${N} × ${N} (${cells} Lambert solves), one core, Node ${process.version}, best of ${REPEATS}`);
console.log(`  stationkeeper (Izzo, full grid)        ${ours.bestSeconds.toFixed(3)} s   ${(cells / ours.bestSeconds / 1e3).toFixed(0)} k cells/s   ${ours.bestSeconds < 2 ? 'under' : 'OVER'} the 2 s target`);
console.log(`  peer (universal variables, C3 only)    ${theirs.bestSeconds.toFixed(3)} s   ${(cells / theirs.bestSeconds / 1e3).toFixed(0)} k cells/s`);
console.log(`  ratio (peer / stationkeeper)           ${(theirs.bestSeconds / ours.bestSeconds).toFixed(2)}×`);
console.log(`  solvers alone: Izzo ${(izzoOnly.bestSeconds * 1e3).toFixed(1)} ms, universal ${(universalOnly.bestSeconds * 1e3).toFixed(1)} ms, ratio ${(universalOnly.bestSeconds / izzoOnly.bestSeconds).toFixed(2)}×`);
console.log(`  largest relative ΔC3 off the 180° ridge ${maxDiff.toExponential(2)}`);
