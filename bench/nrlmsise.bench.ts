/**
 * NRLMSISE-00 speed: ns per call over varied inputs (lat, lon, altitude 100–1000 km, day of
 * year, UT, F10.7, Ap), for gtd7d with model-native inputs, and for the AtmosphereModel entry
 * (ECEF position + Epoch + space weather, including the geodetic conversion). Last, the pattern
 * of an orbit average (the re-entry ensemble's, propagation/averaged): 8 nodes around one
 * orbit share an epoch and the day's space weather, a new day and weather every 8 calls.
 *
 *   node --import tsx bench/nrlmsise.bench.ts [calls-per-round]
 *
 * With BENCH_BASE_SRC=<dir> (another checkout's root, e.g. main before a change:
 * `git archive <commit> packages | tar -x -C /tmp/base`; see lib/baseCheckout.ts) the orbit-average
 * pattern also runs on that checkout's model, rounds interleaved with this one's, as "before",
 * with the largest relative difference of the two models' densities over those inputs.
 *
 * Coefficients: $STATIONKEEPER_DATA/nrlmsise00-coefficients.json, else
 * ../shared/data/nrlmsise/nrlmsise00-coefficients.json beside the checkout.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createNrlmsise00, Epoch, loadNrlmsise00Coefficients, Nrlmsise00Output, type Nrlmsise00Input } from '@stationkeeper/core';
import { baseCheckoutEntry } from './lib/baseCheckout.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const candidates = [
  process.env.STATIONKEEPER_DATA ? join(process.env.STATIONKEEPER_DATA, 'nrlmsise00-coefficients.json') : '',
  resolve(root, '..', 'shared', 'data', 'nrlmsise', 'nrlmsise00-coefficients.json'),
].filter((p) => p !== '');
const file = candidates.find((p) => existsSync(p));
if (!file) {
  console.error(`nrlmsise bench: coefficient file not found; looked in:\n  ${candidates.join('\n  ')}`);
  process.exit(1);
}
const coefficientsJson: unknown = JSON.parse(readFileSync(file, 'utf8'));
const model = createNrlmsise00(loadNrlmsise00Coefficients(coefficientsJson));

// Deterministic inputs (mulberry32).
let seed = 0x5eed1234;
function rand(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

const N = 4096;
const inputs: Nrlmsise00Input[] = [];
const positions: Float64Array[] = [];
const epochs: Epoch[] = [];
const weather: { f107: number; f107a: number; ap: number[] }[] = [];
for (let i = 0; i < N; i++) {
  const lat = -90 + 180 * rand();
  const lon = -180 + 360 * rand();
  const altKm = 100 + 900 * rand();
  const doy = 1 + Math.floor(365 * rand());
  const sec = 86400 * rand();
  const f107a = 70 + 180 * rand();
  const f107 = f107a * (0.7 + 0.6 * rand());
  const ap = 2 + 100 * rand() * rand();
  inputs.push({
    dayOfYear: doy,
    utSeconds: sec,
    altitudeKm: altKm,
    latitudeDeg: lat,
    longitudeDeg: lon,
    localSolarTimeHours: (((sec / 3600 + lon / 15) % 24) + 24) % 24,
    f107a,
    f107,
    ap,
  });
  const r = 6378137 + altKm * 1000;
  const la = (lat * Math.PI) / 180;
  const lo = (lon * Math.PI) / 180;
  positions.push(Float64Array.of(r * Math.cos(la) * Math.cos(lo), r * Math.cos(la) * Math.sin(lo), r * Math.sin(la)));
  epochs.push(Epoch.fromUtcMjd(60000 + doy + sec / 86400));
  weather.push({ f107, f107a, ap: [ap, ap, ap, ap, ap, ap, ap] });
}

// Orbit averages: 8 nodes on a 51.6° orbit at 150–430 km, one epoch and weather per orbit.
const NODES = 8;
const orbitPositions: Float64Array[] = [];
const orbitEpochs: Epoch[] = [];
const orbitWeather: { f107: number; f107a: number; ap: number[] }[] = [];
for (let g = 0; g < N / NODES; g++) {
  const epoch = Epoch.fromUtcMjd(60000 + g + rand());
  const f107a = 70 + 180 * rand();
  const ap = 2 + 100 * rand() * rand();
  const w = { f107: f107a * (0.7 + 0.6 * rand()), f107a, ap: [ap, ap, ap, ap, ap, ap, ap] };
  const r = 6378137 + (150 + 280 * rand()) * 1000;
  const inc = (51.6 * Math.PI) / 180;
  const raan = 2 * Math.PI * rand();
  for (let k = 0; k < NODES; k++) {
    const u = (2 * Math.PI * k) / NODES;
    const x = r * Math.cos(u);
    const y = r * Math.sin(u);
    orbitPositions.push(Float64Array.of(x * Math.cos(raan) - y * Math.cos(inc) * Math.sin(raan), x * Math.sin(raan) + y * Math.cos(inc) * Math.cos(raan), y * Math.sin(inc)));
    orbitEpochs.push(epoch);
    orbitWeather.push(w);
  }
}

const calls = Number(process.argv[2] ?? 200_000);
const out = new Nrlmsise00Output();
let sink = 0;

function timeIt(label: string, body: (i: number) => number): void {
  const samples: number[] = [];
  for (let round = 0; round < 7; round++) {
    const t0 = process.hrtime.bigint();
    for (let k = 0; k < calls; k++) sink += body(k & (N - 1));
    const ns = Number(process.hrtime.bigint() - t0) / calls;
    if (round >= 2) samples.push(ns); // first rounds warm the JIT
  }
  samples.sort((a, b) => a - b);
  const median = samples[samples.length >> 1];
  console.log(`${label.padEnd(44)} ${median.toFixed(0).padStart(6)} ns/call  (min ${samples[0].toFixed(0)}, ${calls} calls × 5 rounds)`);
}

console.log(`NRLMSISE-00, Node ${process.version}, ${N} varied inputs, altitude 100–1000 km`);
// Before/after on the orbit-average pattern: rounds of the two models interleaved, first (both
// models' code then has seen the same inputs only).
const BASE_SRC = process.env.BENCH_BASE_SRC;
if (BASE_SRC) {
  type Core = { createNrlmsise00: typeof createNrlmsise00; loadNrlmsise00Coefficients: typeof loadNrlmsise00Coefficients };
  const baseCore = (await import(baseCheckoutEntry(BASE_SRC, 'core'))) as Core;
  const baseModel = baseCore.createNrlmsise00(baseCore.loadNrlmsise00Coefficients(coefficientsJson));
  let worst = 0;
  for (let i = 0; i < N; i++) {
    const a = baseModel.density(orbitPositions[i], orbitEpochs[i], orbitWeather[i]);
    const b = model.density(orbitPositions[i], orbitEpochs[i], orbitWeather[i]);
    worst = Math.max(worst, Math.abs(b / a - 1));
  }
  const ns: [number[], number[]] = [[], []];
  const pair = [baseModel, model] as const;
  for (let round = 0; round < 12; round++) {
    for (const which of round % 2 === 0 ? [0, 1] : [1, 0]) {
      const m = pair[which];
      const t0 = process.hrtime.bigint();
      for (let k = 0; k < calls; k++) {
        const i = k & (N - 1);
        sink += m.density(orbitPositions[i], orbitEpochs[i], orbitWeather[i]);
      }
      if (round >= 2) ns[which].push(Number(process.hrtime.bigint() - t0) / calls);
    }
  }
  const med = (v: number[]) => v.sort((a, b) => a - b)[v.length >> 1];
  const [nb, nn] = [med(ns[0]), med(ns[1])];
  console.log(
    `${'orbit averages, before (BENCH_BASE_SRC) / new'.padEnd(44)} ${nb.toFixed(0).padStart(6)} / ${nn.toFixed(0)} ns/call: ${(nb / nn).toFixed(2)}× ` +
      `(interleaved, median of 10 rounds each); largest relative difference ${worst.toExponential(1)}`,
  );
}
timeIt('gtd7d (geodetic inputs, reused output)', (i) => model.gtd7d(inputs[i], model.flags, out).d[5]);
timeIt('densityGeodetic (kg/m³)', (i) => model.densityGeodetic(inputs[i]));
timeIt('density(ECEF, Epoch, space weather)', (i) => model.density(positions[i], epochs[i], weather[i]));
timeIt('density(…), orbit averages (8 nodes a day)', (i) => model.density(orbitPositions[i], orbitEpochs[i], orbitWeather[i]));

if (!Number.isFinite(sink)) console.log('non-finite result');
