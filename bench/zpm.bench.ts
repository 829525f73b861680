/**
 * CMG-only path planner speed: the 2022 ISS model (3 CMGs, gravity gradient, gyroscopic, NRLMSISE-00
 * aero and solar torques) planning a 90° yaw between the TEAs — the whole search (a few durations,
 * multi-start BFGS on the harmonics for each, the quick preset). The planner should answer in seconds.
 *
 * Peer, measured in the same run: judging one candidate path by simulating it (flySlew: RK4 at 5 s
 * on the full dynamics, the way the planned path is checked) against the planner's momentum balance
 * on its 2-minute grid. The ratio is what the balance buys per objective evaluation; the two peaks
 * are printed to show they agree.
 *
 *   npm run bench:zpm
 *
 * Data: the data directory's NRLMSISE-00 coefficients ($STATIONKEEPER_DATA), else the embedded table.
 */
import { cpus } from 'node:os';
import { loadAtmosphere, resolveDataDir } from '@stationkeeper/runtime';
import {
  flySlew, harmonicPath, iss2022Station, ISS_CMG_ARRAY, OrbitEnvironment, pathGrid, pathMomentum, pathReference, planCmgPath, slewEndpoint,
  Epoch,
} from '@stationkeeper/core';

// The data directory's NRLMSISE-00 coefficients when present, else the table embedded in the package.
const atmosphere = loadAtmosphere(resolveDataDir({})).model;
const sw = { f107: 130, f107a: 130, ap: [12, 12, 12, 12, 12, 12, 12] };
const orbit = { altitudeM: 415e3, inclinationRad: (51.64 * Math.PI) / 180, raanRad: 0, argLatRad: 0 };
const env = () => new OrbitEnvironment(orbit, Epoch.fromIso('2022-07-15T00:00:00Z'), atmosphere, sw);
const st = { ...iss2022Station(), cmg: { ...ISS_CMG_ARRAY, active: 3 } };
const from = slewEndpoint(st, env(), 'xvv'), to = slewEndpoint(st, env(), 'yvv');

const t0 = performance.now(), cpu0 = process.cpuUsage();
const plan = planCmgPath(st, env(), from, to);
const planMs = performance.now() - t0;
const planCpuMs = process.cpuUsage(cpu0).user / 1000;
const evaluations = plan.tried.length;

// One candidate path (the plan's), evaluated both ways; repeated for a stable time.
const path = harmonicPath(from, to, plan.durationS, plan.path.harmonics, plan.path.coefficients);
const grid = pathGrid(env(), plan.durationS, 120);
// CPU time (process.cpuUsage) rather than wall time: the machine is shared, and both sides are measured alike.
const cpuMs = (f: () => void) => { const c = process.cpuUsage(); f(); return process.cpuUsage(c).user / 1000; };
const reps = 50;
let m = pathMomentum(st, path, grid);
const balanceMs = cpuMs(() => { for (let i = 0; i < reps; i++) m = pathMomentum(st, path, grid); }) / reps;
let flown = flySlew(st, env(), pathReference(path), { cmgOnly: true, stepS: 5, settleS: 0 }); // warm-up (JIT)
const simMs = cpuMs(() => { flown = flySlew(st, env(), pathReference(path), { cmgOnly: true, stepS: 5, settleS: 0 }); });

console.log(`zpm: CMG-only 90° yaw, 2022 ISS model, 3 CMGs, all torques (${cpus()[0]?.model ?? 'cpu'})`);
console.log(`  planner: ${planMs.toFixed(0)} ms wall (${planCpuMs.toFixed(0)} ms CPU) for ${evaluations} durations; best ${(plan.durationS / 3600).toFixed(2)} h, peak ${(100 * plan.peakMomentumFraction).toFixed(1)} % (feasible: ${plan.feasible})`);
console.log(`  one candidate by momentum balance (2-min grid): ${balanceMs.toFixed(2)} ms CPU, peak ${(m.peakMomentumNms / (3 * 4760)).toFixed(4)} of capacity`);
console.log(`  the same by simulation (RK4, 5 s, peer): ${simMs.toFixed(0)} ms CPU, peak ${flown.peakFraction.toFixed(4)}`);
console.log(`  ratio simulation / balance: ${(simMs / balanceMs).toFixed(0)}×`);
