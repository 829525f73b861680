/**
 * `stationkeeper bench-sgp4 <tle-file> <n-times> <step-min>`: propagate every TLE of a file to
 * k × step minutes after its own epoch (k = 0 … n−1) with the parallel batch SGP4 (all cores by
 * default) and report the throughput; with `--compare`, also satellite.js' `sgp4()` loop on one
 * thread over the same propagations, and the ratio. The last line is always `props_per_sec=<number>`.
 */
import { readFileSync } from 'node:fs';
import { Command, InvalidArgumentError } from 'commander';
import { propagateSatrecSpan, satrecFromSource, SGP4_NEAR_EARTH_KERNELS, tleLinePairs, type Sgp4NearEarthKernel, type Sgp4TleLines } from '@stationkeeper/core';
import { ParallelSgp4Batch } from '@stationkeeper/runtime';

function positiveInteger(what: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(`${what} must be a positive whole number, got '${value}'`);
    return n;
  };
}

function finiteNumber(what: string) {
  return (value: string): number => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError(`${what} must be a number, got '${value}'`);
    return n;
  };
}

function nearEarthKernel(value: string): Sgp4NearEarthKernel {
  const kernel = SGP4_NEAR_EARTH_KERNELS.find((k) => k === value);
  if (kernel === undefined) throw new InvalidArgumentError(`--kernel must be one of ${SGP4_NEAR_EARTH_KERNELS.join(', ')}, got '${value}'`);
  return kernel;
}

/**
 * Seconds for satellite.js' `sgp4()` (the reference JavaScript SGP4) over the same propagations,
 * one thread, each satellite's states into one reused buffer.
 */
function satelliteJsSeconds(tles: readonly Sgp4TleLines[], minutes: Float64Array): number {
  const satrecs = tles.map((t) => satrecFromSource(t));
  const m = minutes.length;
  const pos = new Float64Array(3 * m);
  const vel = new Float64Array(3 * m);
  const err = new Uint8Array(m);
  const t0 = performance.now();
  for (const satrec of satrecs) propagateSatrecSpan(satrec, 0, minutes, 0, m, pos, vel, err, 0);
  return (performance.now() - t0) / 1000;
}

export interface BenchSgp4Io {
  readonly out: (text: string) => void;
}

export function registerBenchSgp4(program: Command, io: BenchSgp4Io = { out: (t) => process.stdout.write(t) }): void {
  program
    .command('bench-sgp4')
    .description('SGP4 throughput: propagate every TLE of a file to k×step minutes after its epoch (k = 0..n-1) on all cores')
    .argument('<tle-file>', 'TLE file (2LE or 3LE)')
    .argument('<n-times>', 'number of times per satellite', positiveInteger('n-times'))
    .argument('<step-min>', 'step between times, minutes', finiteNumber('step-min'))
    .option('--workers <n>', 'worker threads (default: all cores)', positiveInteger('--workers'))
    .option('--compare', 'also time satellite.js (reference JavaScript SGP4) on one thread and print the ratio')
    .option('--kernel <name>', 'near-Earth kernel: js or wasm-simd (WebAssembly SIMD, four times per step)', nearEarthKernel, 'wasm-simd')
    .action(async (file: string, nTimes: number, stepMin: number, opts: { workers?: number; compare?: boolean; kernel: Sgp4NearEarthKernel }) => {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (e) {
        throw new Error(`cannot read TLE file ${file}: ${(e as Error).message}`);
      }
      const tles = tleLinePairs(text);
      if (tles.length === 0) throw new Error(`${file}: no TLE line pairs found`);
      const minutes = new Float64Array(nTimes);
      for (let k = 0; k < nTimes; k++) minutes[k] = k * stepMin;

      const t0 = performance.now();
      const batch = await ParallelSgp4Batch.create(tles, { workers: opts.workers, nearEarthKernel: opts.kernel });
      const initS = (performance.now() - t0) / 1000;
      try {
        const t1 = performance.now();
        const result = await batch.propagate({ kind: 'minutesSinceEpoch', minutes });
        const runS = (performance.now() - t1) / 1000;
        let failed = 0;
        for (let k = 0; k < result.errors.length; k++) if (result.errors[k] !== 0) failed++;
        const props = tles.length * nTimes;
        io.out(`satellites=${tles.length} times_per_satellite=${nTimes} step_min=${stepMin} workers=${batch.workerCount} kernel=${opts.kernel}\n`);
        io.out(`init_seconds=${initS.toFixed(3)} propagate_seconds=${runS.toFixed(3)} sgp4_errors=${failed}\n`);
        if (opts.compare) {
          const refS = satelliteJsSeconds(tles, minutes);
          io.out(`satellitejs_seconds=${refS.toFixed(3)} satellitejs_props_per_sec=${Math.round(props / refS)} ratio_vs_satellitejs=${(refS / runS).toFixed(2)}\n`);
        }
        io.out(`props_per_sec=${Math.round(props / runS)}\n`);
      } finally {
        await batch.close();
      }
    });
}
