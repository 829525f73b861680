/**
 * Near-Earth SGP4 kernels side by side: `npm run bench:sgp4-kernels`.
 *
 * The first BENCH_SATS (default 3,000) near-Earth objects of the catalogue × BENCH_TIMES (default
 * 720) one-minute steps from each epoch, through Sgp4Batch with the JavaScript kernel ('js', the
 * peer) and the WebAssembly SIMD kernel ('wasm-simd'), then ParallelSgp4Batch on BENCH_THREADS (default 2) workers with 'js' and 'wasm-simd'. The
 * kernels take turns within each of BENCH_ROUNDS (default 5) rounds, so that load from other work
 * on a shared machine falls on all of them alike; the best CPU time (user + system, all threads of
 * the process) per propagation is reported, with the rate relative to 'js' and the largest
 * difference of every state from the 'js' kernel's.
 */
import { cpus } from 'node:os';
import { allocateSgp4BatchResult, Sgp4Batch, type Sgp4BatchResult, type Sgp4NearEarthKernel } from '@stationkeeper/core';
import { ParallelSgp4Batch } from '@stationkeeper/runtime';
import { nearEarthTles } from './lib/catalog.js';

const SATS = Number(process.env.BENCH_SATS ?? 3_000);
const TIMES = Number(process.env.BENCH_TIMES ?? 720);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const THREADS = Number(process.env.BENCH_THREADS ?? 2);

interface Entry {
  readonly name: string;
  readonly kernel: Sgp4NearEarthKernel;
  readonly threads: number;
  readonly run: () => Promise<void>;
  readonly out: Sgp4BatchResult;
  cpuS: number[];
  wallS: number[];
}

/** Largest position difference (km) from `ref`, and the count of differing error codes. */
function difference(got: Sgp4BatchResult, ref: Sgp4BatchResult): { maxKm: number; codes: number } {
  let maxKm = 0;
  let codes = 0;
  for (let o = 0; o < ref.errors.length; o++) {
    if (got.errors[o] !== ref.errors[o]) codes++;
    if (ref.errors[o] !== 0) continue;
    const p = 3 * o;
    maxKm = Math.max(maxKm, Math.hypot(got.positionKm[p] - ref.positionKm[p], got.positionKm[p + 1] - ref.positionKm[p + 1], got.positionKm[p + 2] - ref.positionKm[p + 2]));
  }
  return { maxKm, codes };
}

async function main(): Promise<void> {
  const catalog = nearEarthTles(SATS);
  const n = catalog.tles.length;
  const minutes = Float64Array.from({ length: TIMES }, (_, j) => j);
  const times = { kind: 'minutesSinceEpoch', minutes } as const;
  console.log(`SGP4 near-Earth kernels — ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}; ${catalog.origin} × ${TIMES} one-minute steps, best of ${ROUNDS} interleaved rounds`);
  const entries: Entry[] = [];
  for (const kernel of ['js', 'wasm-simd'] as const) {
    const batch = Sgp4Batch.fromSources(catalog.tles, { nearEarthKernel: kernel });
    const out = allocateSgp4BatchResult(n, TIMES);
    entries.push({ name: `Sgp4Batch ${kernel}`, kernel, threads: 1, out, cpuS: [], wallS: [], run: async () => void batch.propagate(times, out) });
  }
  const pools: ParallelSgp4Batch[] = [];
  for (const kernel of ['js', 'wasm-simd'] as const) {
    const par = await ParallelSgp4Batch.create(catalog.tles, { workers: THREADS, nearEarthKernel: kernel });
    pools.push(par);
    const out = allocateSgp4BatchResult(n, TIMES, true);
    entries.push({ name: `ParallelSgp4Batch ${kernel}`, kernel, threads: THREADS, out, cpuS: [], wallS: [], run: async () => void (await par.propagate(times, out)) });
  }
  for (const e of entries) await e.run(); // warm-up (JIT and WebAssembly tier-up)
  for (let r = 0; r < ROUNDS; r++) {
    for (const e of entries) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await e.run();
      e.wallS.push((performance.now() - t0) / 1000);
      const c = process.cpuUsage(c0);
      e.cpuS.push((c.user + c.system) / 1e6);
    }
  }
  await Promise.all(pools.map((p) => p.close()));
  const props = n * TIMES;
  const ref = entries[0];
  const refNs = (Math.min(...ref.cpuS) / props) * 1e9;
  console.log('| kernel | threads | best CPU ns/prop | CPU rate vs js | best wall s | wall rate | max |Δr| vs js | error codes differing |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const e of entries) {
    const ns = (Math.min(...e.cpuS) / props) * 1e9;
    const wall = Math.min(...e.wallS);
    const d = difference(e.out, ref.out);
    console.log(`| ${e.name} | ${e.threads} | ${ns.toFixed(1)} | ${(refNs / ns).toFixed(2)}× | ${wall.toFixed(3)} | ${(props / wall / 1e6).toFixed(2)} M/s | ${(d.maxKm * 1e6).toFixed(5)} mm | ${d.codes} |`);
  }
  console.log('CPU ns/prop of the parallel rows: CPU of all threads of the process (workers and the waiting main thread) per propagation.');
}

await main();
