/**
 * Spherical-harmonic gravity speed: ns per acceleration call (EIGEN-6S, Pines normalised
 * recursion, Earth-fixed frame) at 20×20, 40×40, 70×70 (and 120×120), plus the J2…J6 closed
 * form for scale. Points: 4096 LEO positions (300–800 km, all latitudes), cycled.
 *
 *   node --import tsx bench/gravity.bench.ts [calls-per-round]
 *
 * Data: $STATIONKEEPER_DATA/eigen-6s.gfc, else ../shared/data/gravity/eigen-6s.gfc beside the checkout.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EGM96_ZONAL_MODEL, parseIcgemGfc, SphericalHarmonicGravity, zonalAcceleration } from '@stationkeeper/core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const candidates = [
  process.env.STATIONKEEPER_DATA ? join(process.env.STATIONKEEPER_DATA, 'eigen-6s.gfc') : '',
  resolve(root, '..', 'shared', 'data', 'gravity', 'eigen-6s.gfc'),
].filter((p) => p !== '');
const file = candidates.find((p) => existsSync(p));
if (!file) {
  console.error(`gravity bench: eigen-6s.gfc not found; looked in:\n  ${candidates.join('\n  ')}`);
  process.exit(1);
}
const t0 = performance.now();
const field = parseIcgemGfc(readFileSync(file, 'latin1'), 'eigen-6s.gfc');
console.log(`parsed ${field.modelName} (${field.maxDegree}×${field.maxOrder}) in ${(performance.now() - t0).toFixed(0)} ms`);

let seed = 0x9e3779b9;
function rand(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const N = 4096;
const points = new Float64Array(3 * N);
for (let i = 0; i < N; i++) {
  const u = 2 * rand() - 1;
  const lon = 2 * Math.PI * rand();
  const r = 6.678e6 + 5e5 * rand();
  const c = Math.sqrt(1 - u * u);
  points[3 * i] = r * c * Math.cos(lon);
  points[3 * i + 1] = r * c * Math.sin(lon);
  points[3 * i + 2] = r * u;
}

const calls = Number(process.argv[2] ?? 200_000);
const out = new Float64Array(3);
const r = new Float64Array(3);

function bench(label: string, evaluate: (r: Float64Array, out: Float64Array) => unknown): void {
  let best = Infinity;
  let sink = 0;
  for (let round = 0; round < 6; round++) {
    const start = performance.now();
    for (let i = 0; i < calls; i++) {
      const k = 3 * (i & (N - 1));
      r[0] = points[k];
      r[1] = points[k + 1];
      r[2] = points[k + 2];
      evaluate(r, out);
      sink += out[0];
    }
    best = Math.min(best, (performance.now() - start) / calls);
  }
  console.log(`${label.padEnd(28)} ${(best * 1e6).toFixed(0).padStart(8)} ns/call${Number.isFinite(sink) ? '' : ' (non-finite!)'}`);
}

bench('J2…J6 closed form', (p, o) => zonalAcceleration(EGM96_ZONAL_MODEL, p, o));
for (const n of [20, 40, 70, 120]) {
  const model = new SphericalHarmonicGravity(field, n, n);
  bench(`EIGEN-6S ${n}×${n}`, (p, o) => model.accelerationEcef(p, o));
}
