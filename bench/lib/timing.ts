/** Small timing helpers for the benchmarks (wall clock, best of several runs). */
export interface Timing {
  readonly bestSeconds: number;
  readonly runs: number[];
}

/** Run `fn` once untimed (JIT warm-up, unless `warmup` is false), then `repeats` timed runs; report the best. */
export async function time(fn: () => unknown | Promise<unknown>, repeats: number, warmup = true): Promise<Timing> {
  if (warmup) await fn();
  const runs: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    await fn();
    runs.push((performance.now() - t0) / 1000);
  }
  return { bestSeconds: Math.min(...runs), runs };
}

export function formatRate(propsPerSecond: number): string {
  return `${(propsPerSecond / 1e6).toFixed(2)} M/s`;
}
