/**
 * Numerical propagator speed: the ISS propagated for 30 days (default) with the forces of
 * examples/forces/iss-full.json — 70×70 gravity (EGM96.gfc, else EIGEN-6S), NRLMSISE-00 drag with
 * SW-All.csv, Sun and Moon, SRP with conical shadow — by DOP853 at rtol 1e-10. Target: < 10 s on
 * one core. Prints steps, evaluations, ns per evaluation, and the cost of each force model and
 * of the context refill (frames, Sun/Moon caches) measured on states sampled from the run.
 *
 *   node --import tsx bench/propagator.bench.ts [days] [rtol] [maxStepS]
 *
 * rtol and maxStepS default to the configuration's (1e-10, 80 s: see the note in iss-full.json on
 * why a 70×70 field needs steps ≤ period/70); maxStepS 0 removes the cap.
 *
 * Data: $STATIONKEEPER_DATA, else ../shared/data beside the checkout. Initial state: SGP4 of the
 * data directory's ISS element set, else the embedded 2022-07-15 sample.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ISS_NORAD_ID, ISS_SAMPLE_TLE, NumericalPropagator, parseElements, parseRunConfig, PropagationContext, stateFromMeanElements } from '@stationkeeper/core';
import { buildPropagator, loadEop, optionalDataFile, STATIONS_TLE_PATH } from '@stationkeeper/runtime';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.env.STATIONKEEPER_DATA || resolve(root, '..', 'shared', 'data');
if (!existsSync(dataDir)) {
  console.error(`propagator bench: data directory not found: ${dataDir} (set STATIONKEEPER_DATA)`);
  process.exit(1);
}
const days = Number(process.argv[2] ?? 30);
const rtolArg = process.argv[3];
const maxStepArg = process.argv[4];

const setupStart = performance.now();
const run = prepare(resolve(root, 'examples', 'forces', 'iss-full.json'));
const setupS = (performance.now() - setupStart) / 1000;
const options = { ...run.propagator.options };
if (rtolArg) options.rtol = Number(rtolArg);
if (maxStepArg) options.maxStepS = Number(maxStepArg) > 0 ? Number(maxStepArg) : undefined;
const propagator = new NumericalPropagator(options);
const rtol = propagator.options.rtol ?? 1e-10;

console.log(`numerical propagator benchmark — ${days} days, ISS from ${run.initial.epoch.toIsoUtc(0)}`);
console.log(`  forces: ${run.forceSummary.join(', ')}`);
console.log(`  integrator: ${propagator.integratorName}, rtol ${rtol}, max step ${options.maxStepS ?? 'none'} s; data: ${dataDir}`);
console.log(`  setup (parse gravity field, MSIS, SW-All, EOP): ${setupS.toFixed(2)} s`);

// Warm-up (JIT) on a short arc, then the timed run; sample states for the per-force split.
propagator.propagate(run.initial, run.initial.epoch.plusSeconds(6 * 3600));
const end = run.initial.epoch.plusSeconds(days * 86400);
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const result = propagator.propagate(run.initial, end, { stepS: 1200 });
const wallS = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
const cpuS = (cpu.user + cpu.system) / 1e6;
const s = result.stats;
const nsPerEval = (wallS * 1e9) / s.evaluations;
const r = result.final.rGcrfM;
console.log(`\n30-day run${days === 30 ? '' : ` (${days} d)`}: wall ${wallS.toFixed(2)} s, CPU ${cpuS.toFixed(2)} s  (target < 10 s)`);
console.log(`  steps ${s.steps} accepted, ${s.rejected} rejected; evaluations ${s.evaluations}; ${nsPerEval.toFixed(0)} ns per evaluation`);
console.log(`  frame nodes ${s.frameNodes}, Sun/Moon nodes ${s.bodyNodes}; final altitude ≈ ${((Math.hypot(r[0], r[1], r[2]) - 6378137) / 1e3).toFixed(1)} km`);

// Per-force cost: states every 10 s over the first day (about the run's density of evaluations
// per frame node), the context refilled for each as in the run; then each force alone on
// snapshots of those contexts, so that its cost excludes the refill.
const day = propagator.propagate(run.initial, run.initial.epoch.plusSeconds(86400), { stepS: 10 }).ephemeris!;
const n = day.tSeconds.length;
const ctx = new PropagationContext(run.initial.epoch, {
  eop: propagator.options.eop,
  sun: propagator.options.needsSun,
  moon: propagator.options.needsMoon,
});
const y = new Float64Array(6);
const acc = new Float64Array(3);
const REPEAT = 5;
const SNAP = 27;
const snaps = new Float64Array(n * SNAP);
function timeIt(body: () => void): number {
  body(); // warm
  const start = performance.now();
  for (let rep = 0; rep < REPEAT; rep++) body();
  return ((performance.now() - start) * 1e6) / (REPEAT * n);
}
const refill = (): void => {
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < 3; k++) {
      y[k] = day.positionsM[3 * i + k];
      y[3 + k] = day.velocitiesMps[3 * i + k];
    }
    ctx.update(day.tSeconds[i], y, day.massKg[i]);
  }
};
const updateNs = timeIt(refill);
for (let i = 0; i < n; i++) {
  for (let k = 0; k < 3; k++) {
    y[k] = day.positionsM[3 * i + k];
    y[3 + k] = day.velocitiesMps[3 * i + k];
  }
  ctx.update(day.tSeconds[i], y, day.massKg[i]);
  const o = i * SNAP;
  snaps.set(ctx.rGcrfM, o);
  snaps.set(ctx.vGcrfMps, o + 3);
  snaps.set(ctx.gcrfToItrf, o + 6);
  snaps.set(ctx.rItrfM, o + 15);
  snaps.set(ctx.sunGcrfM, o + 18);
  snaps.set(ctx.moonGcrfM, o + 21);
  snaps[o + 24] = ctx.tSeconds;
  snaps[o + 25] = ctx.massKg;
  snaps[o + 26] = ctx.earthRotationRadPerS;
}
const restore = (i: number): void => {
  const o = i * SNAP;
  ctx.rGcrfM.set(snaps.subarray(o, o + 3));
  ctx.vGcrfMps.set(snaps.subarray(o + 3, o + 6));
  ctx.gcrfToItrf.set(snaps.subarray(o + 6, o + 15));
  ctx.rItrfM.set(snaps.subarray(o + 15, o + 18));
  ctx.sunGcrfM.set(snaps.subarray(o + 18, o + 21));
  ctx.moonGcrfM.set(snaps.subarray(o + 21, o + 24));
  ctx.tSeconds = snaps[o + 24];
  ctx.massKg = snaps[o + 25];
  ctx.earthRotationRadPerS = snaps[o + 26];
};
const restoreNs = timeIt(() => {
  for (let i = 0; i < n; i++) restore(i);
});
console.log(`\ncost per evaluation, on ${n} states 10 s apart (first day), × ${REPEAT}:`);
console.log(`  ${'context refill (GCRF→ITRF, r_ITRF, Sun, Moon)'.padEnd(48)} ${updateNs.toFixed(0).padStart(7)} ns`);
let sum = updateNs;
for (const force of propagator.forces) {
  const ns =
    timeIt(() => {
      for (let i = 0; i < n; i++) {
        restore(i);
        force.addAcceleration(ctx, acc);
      }
    }) - restoreNs;
  sum += ns;
  console.log(`  ${force.name.padEnd(48)} ${ns.toFixed(0).padStart(7)} ns`);
}
console.log(`  ${'sum'.padEnd(48)} ${sum.toFixed(0).padStart(7)} ns  of ${nsPerEval.toFixed(0)} ns per evaluation in the run (rest: integrator, dense output)`);
console.log('\nnote: timings are indicative on a shared machine; rerun on a quiet one for figures to quote.');

/** What `stationkeeper propagate --config FILE` sets up: the latest ISS element set of the data directory (else the embedded sample), its SGP4 state, the configuration's propagator. */
function prepare(configPath: string) {
  const config = parseRunConfig(readFileSync(configPath, 'utf8'), configPath);
  const eop = loadEop(dataDir);
  const stations = optionalDataFile(dataDir, STATIONS_TLE_PATH);
  const iss = [stations ? readFileSync(stations, 'utf8') : '', ISS_SAMPLE_TLE]
    .map((text) => parseElements(text).records.filter((r) => r.noradId === ISS_NORAD_ID).sort((a, b) => a.epoch.secondsSince(b.epoch)).at(-1))
    .find((r) => r !== undefined);
  if (!iss || config.massKg === undefined) throw new Error(`propagator bench: no ISS element set or no spacecraft.massKg in ${configPath}`);
  const initial = stateFromMeanElements(iss, config.massKg, eop);
  return { initial, ...buildPropagator(config, initial, dataDir, eop) };
}
