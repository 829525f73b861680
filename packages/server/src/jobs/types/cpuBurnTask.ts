/** Worker side of `cpu-burn`: SGP4 of the ISS sample in a tight loop for a fixed wall time. */
import { ISS_SAMPLE_TLE, parseTle, Sgp4Propagator } from '@stationkeeper/core';

export interface BurnInput {
  seconds: number;
}

export function burnCpu(input: BurnInput, report: (fraction: number, message?: string) => void): { propagations: number; seconds: number } {
  const el = parseTle(ISS_SAMPLE_TLE).records[0];
  const prop = Sgp4Propagator.fromElements(el);
  const out = new Float64Array(6);
  const t0 = performance.now();
  const endMs = t0 + input.seconds * 1000;
  let n = 0;
  let nextReport = t0;
  for (;;) {
    for (let i = 0; i < 2000; i++) prop.propagateMinutes((n++ % 14400) * 0.1, out);
    const now = performance.now();
    if (now >= endMs) break;
    if (now >= nextReport) {
      report((now - t0) / (endMs - t0), `${n} propagations`);
      nextReport = now + 100;
    }
  }
  return { propagations: n, seconds: (performance.now() - t0) / 1000 };
}
