/**
 * Attitude dynamics speed: one simulated day of the 2022 ISS model under the momentum-management
 * LQR at a 1 s control rate with every torque (gravity gradient, NRLMSISE-00 aero on the
 * multi-surface model, solar pressure) — issue target < 1 s on one core.
 *
 * Peer, measured in the same run: the naive loop — the same dynamics and controller but every torque
 * (aero and solar included) at every RK4 stage and NRLMSISE-00 called at every step — over one
 * orbit, scaled to a day. The ratio shows what the zero-order hold of the slow torques buys.
 *
 *   npm run bench:attitude
 *
 * Data: ../shared/data beside the checkout (NRLMSISE-00 coefficients) or $STATIONKEEPER_DATA.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpus } from 'node:os';
import {
  AttitudeStepper,
  createNrlmsise00,
  dcmToQuat,
  designMomentumLqr,
  emptySample,
  Epoch,
  euler321ToQuat,
  externalTorque,
  iss2022Station,
  loadNrlmsise00Coefficients,
  lvlhDcm,
  OrbitEnvironment,
  quatCompose,
  quatConjugate,
  quatToDcm,
  sampleOrbit,
  simulateAttitude,
  solveStationTea,
  TorqueWorkspace,
} from '@stationkeeper/core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const coeffFile = [process.env.STATIONKEEPER_DATA ? join(process.env.STATIONKEEPER_DATA, 'nrlmsise', 'nrlmsise00-coefficients.json') : '', join(root, '..', 'shared', 'data', 'nrlmsise', 'nrlmsise00-coefficients.json')].find((p) => p !== '' && existsSync(p));
if (!coeffFile) {
  console.error('attitude bench: needs the NRLMSISE-00 coefficient file (../shared/data/nrlmsise or $STATIONKEEPER_DATA/nrlmsise)');
  process.exit(1);
}
const atmosphere = createNrlmsise00(loadNrlmsise00Coefficients(JSON.parse(readFileSync(coeffFile, 'utf8'))));
const sw = { f107: 130, f107a: 130, ap: [12, 12, 12, 12, 12, 12, 12] };
const orbit = { altitudeM: 415e3, inclinationRad: (51.64 * Math.PI) / 180, raanRad: 0.5, argLatRad: 0 };
const start = Epoch.fromIso('2022-07-15T00:00:00Z');
const st = iss2022Station();
const env = () => new OrbitEnvironment(orbit, start, atmosphere, sw);
const tea = solveStationTea(st, sampleOrbit(env(), 120)).ypr;

function ours(durationS: number) {
  return simulateAttitude(st, env(), { durationS, controlStepS: 1, controller: 'tea-lqr', initial: tea, linearizeAbout: tea, recordEveryS: 60 });
}

/** Naive peer: every torque at every stage, density at every step (a fresh environment sample each stage). */
function naive(durationS: number): number {
  const e = env();
  const s0 = e.sample(0, emptySample());
  const n = Math.hypot(s0.v[0], s0.v[1], s0.v[2]) / Math.hypot(s0.r[0], s0.r[1], s0.r[2]);
  const qLin = euler321ToQuat(tea);
  const k = designMomentumLqr(st.inertia, n, 1, undefined, quatToDcm(qLin));
  const ws = new TorqueWorkspace();
  const stage = emptySample();
  const stepper = new AttitudeStepper(st.inertia, (t, y, out) => {
    e.sample(t, stage);
    stage.densityKgM3 = atmosphere.density([stage.r[0], stage.r[1], stage.r[2]], start.plusSeconds(t), sw);
    externalTorque(st, y, stage, ws, out);
  });
  const q0 = quatCompose(qLin, dcmToQuat(lvlhDcm(s0.r, s0.v)));
  const c = quatToDcm(qLin);
  const y = new Float64Array([q0[0], q0[1], q0[2], q0[3], -n * c[1], -n * c[4], -n * c[7], 0, 0, 0]);
  const hInt = [0, 0, 0], u = new Float64Array(3);
  for (let t = 0; t < durationS; t++) {
    e.sample(t, stage);
    const qBL = quatCompose(y, quatConjugate(dcmToQuat(lvlhDcm(stage.r, stage.v))));
    const qd = quatCompose(qBL, quatConjugate(qLin));
    const sgn = qd[3] < 0 ? -2 : 2;
    const cb = quatToDcm(qBL);
    const x = [sgn * qd[0], sgn * qd[1], sgn * qd[2], y[4] + n * cb[1], y[5] + n * cb[4], y[6] + n * cb[7], y[7], y[8], y[9], ...hInt];
    for (let i = 0; i < 3; i++) u[i] = -k[i].reduce((s, kv, j) => s + kv * x[j], 0);
    stepper.step(t, y, 1, u);
    for (let i = 0; i < 3; i++) hInt[i] += y[7 + i];
  }
  return Math.hypot(y[7], y[8], y[9]);
}

ours(3600); // warm-up (JIT)
const times: number[] = [];
let day = ours(86400);
for (let r = 0; r < 3; r++) {
  const t0 = performance.now();
  day = ours(86400);
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
const orbitS = 5570;
naive(600);
const t1 = performance.now();
naive(orbitS);
const naiveDayMs = ((performance.now() - t1) * 86400) / orbitS;
console.log(`attitude: 1 simulated day, 2022 ISS model, all torques, 1 s control rate (${cpus()[0]?.model ?? 'cpu'})`);
console.log(`  ours (tea-lqr, ZOH aero/solar, density every 30 s): median ${times[1].toFixed(0)} ms (min ${times[0].toFixed(0)}, max ${times[2].toFixed(0)}); target < 1000 ms`);
console.log(`  naive peer (all torques every stage, density every step): ${naiveDayMs.toFixed(0)} ms/day (one orbit measured, scaled)`);
console.log(`  ratio naive / ours: ${(naiveDayMs / times[1]).toFixed(1)}×`);
console.log(`  end of day: |h| = ${day.samples.at(-1)!.momentumNms.toFixed(0)} N·m·s, ${day.desaturations.length} desaturations`);
