/** Worker side of the `porkchop` job: the grid row by row (progress), its JSON report and SVG. */
import { computePorkchop, Epoch, lambertReport, porkchopReport, type LambertReport, type PorkchopReport } from '@stationkeeper/core';
import { porkchopSvg } from '@stationkeeper/runtime';
import { porkchopRequest, type PorkchopParams } from './porkchop.js';

export interface PorkchopTaskInput {
  params: PorkchopParams;
}

export interface PorkchopTaskResult extends PorkchopReport {
  svg: string;
  /** The marked date pairs as single transfers (the CLI's `lambert --json`), with their labels. */
  marks: (LambertReport & { label: string })[];
}

export function runPorkchop(input: PorkchopTaskInput, report: (fraction: number, message?: string) => void): PorkchopTaskResult {
  const p = input.params;
  const grid = computePorkchop(porkchopRequest(p), (done, total) => {
    if (done % 10 === 0 || done === total) report(done / total, `${done} of ${total} departure dates`);
  });
  const marks = (p.marks ?? []).map((m) => ({ label: m.label, depart: Epoch.fromIso(m.depart), arrive: Epoch.fromIso(m.arrive) }));
  const transfers = marks.map((m) => ({ label: m.label, ...lambertReport({ from: p.from, to: p.to, depart: m.depart, arrive: m.arrive, parkingAltitudeM: grid.parkingAltitudeM, captureAltitudeM: grid.captureAltitudeM }) }));
  return { ...porkchopReport(grid, p.step_days), svg: porkchopSvg(grid, { marks }), marks: transfers };
}
