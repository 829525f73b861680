/**
 * Orbit-averaged decay speed: one ISS no-reboost lifetime from ~418 km (last TLE of the shared
 * 2021–22 history, B = 117 kg/m² as fitted in Feb 2022) to re-entry with NRLMSISE-00 and the
 * solar-cycle space-weather model — issue target < 0.5 s — then an ensemble of members run
 * serially on one core (B ±20 % and density scale ±15 %, lognormal, seeded), to extrapolate a
 * 1,000-member Monte Carlo.
 *
 *   node --import tsx bench/decay.bench.ts [members]      (default 50 members; 1000 for the full run)
 *
 * Data: ../shared/data beside the checkout (NRLMSISE-00 coefficients, the ISS TLE history), or
 * $STATIONKEEPER_DATA/nrlmsise00-coefficients.json.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createNrlmsise00,
  loadNrlmsise00Coefficients,
  meanStateFromElements,
  parseTle,
  predictLifetime,
  SolarCycleSpaceWeather,
  Xoshiro128,
} from '@stationkeeper/core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(root, '..', 'shared', 'data');
const coeffFile = [process.env.STATIONKEEPER_DATA ? join(process.env.STATIONKEEPER_DATA, 'nrlmsise00-coefficients.json') : '', join(shared, 'nrlmsise', 'nrlmsise00-coefficients.json')].find(
  (p) => p !== '' && existsSync(p),
);
const tleFile = join(shared, 'tle_iss', 'iss_25544_2021-01_to_2022-03_rtphokie.txt');
if (!coeffFile || !existsSync(tleFile)) {
  console.error(`decay bench: needs ${join(shared, 'nrlmsise', 'nrlmsise00-coefficients.json')} and ${tleFile}`);
  process.exit(1);
}
const atmosphere = createNrlmsise00(loadNrlmsise00Coefficients(JSON.parse(readFileSync(coeffFile, 'utf8'))));
const records = parseTle(readFileSync(tleFile, 'utf8')).records;
const initial = meanStateFromElements(records[records.length - 1]);
const members = Number(process.argv[2] ?? 50);

function run(b: number, densityScale: number) {
  return predictLifetime(initial, { ballisticCoefficientKgPerM2: b, densityScale, atmosphere, spaceWeather: new SolarCycleSpaceWeather(), finalPhase: 'averaged' });
}

// Warm-up (JIT), then the single timed lifetime: median of 5.
run(117, 1);
const times: number[] = [];
let single = run(117, 1);
for (let k = 0; k < 5; k++) {
  const t0 = performance.now();
  single = run(117, 1);
  times.push(performance.now() - t0);
}
times.sort((p, q) => p - q);
console.log(`ISS lifetime from ${((initial.semiMajorAxisM - 6378135) / 1e3).toFixed(1)} km mean altitude (${initial.epoch.toIsoUtc(0)}):`);
console.log(`  re-entry ${single.reentryEpoch?.toIsoUtc(0)} after ${single.lifetimeDays.toFixed(1)} days`);
console.log(`  ${single.averaged.stats.steps} steps, ${single.averaged.stats.evaluations} evaluations, ${single.averaged.stats.densityCalls} density calls`);
console.log(`  wall time median ${times[2].toFixed(1)} ms (min ${times[0].toFixed(1)}, max ${times[4].toFixed(1)}); target < 500 ms`);

// Hybrid (numerical final phase from 200 km) for comparison.
const t1 = performance.now();
const hybrid = predictLifetime(initial, { ballisticCoefficientKgPerM2: 117, atmosphere, spaceWeather: new SolarCycleSpaceWeather() });
console.log(`  with the numerical final phase: ${hybrid.lifetimeDays.toFixed(2)} days, ${(performance.now() - t1).toFixed(0)} ms (numerical part ${(hybrid.numerical!.wallSeconds * 1000).toFixed(0)} ms)`);

const t2 = performance.now();
const days: number[] = [];
for (let m = 0; m < members; m++) {
  const rng = new Xoshiro128(20240601, m);
  days.push(run(117 * Math.exp(0.2 * rng.normal()), Math.exp(0.15 * rng.normal())).lifetimeDays);
}
const elapsed = (performance.now() - t2) / 1000;
days.sort((p, q) => p - q);
const q = (f: number) => days[Math.min(days.length - 1, Math.floor(f * days.length))];
console.log(`ensemble of ${members} on one core: ${elapsed.toFixed(2)} s (${((elapsed / members) * 1000).toFixed(0)} ms/member → ${((elapsed / members) * 1000).toFixed(0)} s per 1,000 members)`);
console.log(`  lifetime days: 5 % ${q(0.05).toFixed(0)}, median ${q(0.5).toFixed(0)}, 95 % ${q(0.95).toFixed(0)}`);
