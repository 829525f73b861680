/** Small timing helpers for the benchmarks (wall clock, best of several runs). */
export interface Timing {
  readonly bestSeconds: number;
  /** CPU seconds (user + system, all threads of the process) during the best run. */
  readonly bestCpuSeconds: number;
  readonly runs: number[];
}

/** Run `fn` once untimed (JIT warm-up, unless `warmup` is false), then `repeats` timed runs; report the best. */
export async function time(fn: () => unknown | Promise<unknown>, repeats: number, warmup = true): Promise<Timing> {
  if (warmup) await fn();
  const runs: number[] = [];
  let bestCpuSeconds = NaN;
  for (let r = 0; r < repeats; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await fn();
    const wall = (performance.now() - t0) / 1000;
    const c = process.cpuUsage(c0);
    if (runs.length === 0 || wall < Math.min(...runs)) bestCpuSeconds = (c.user + c.system) / 1e6;
    runs.push(wall);
  }
  return { bestSeconds: Math.min(...runs), bestCpuSeconds, runs };
}

export function formatRate(propsPerSecond: number): string {
  return `${(propsPerSecond / 1e6).toFixed(2)} M/s`;
}
