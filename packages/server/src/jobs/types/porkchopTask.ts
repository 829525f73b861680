/** Worker side of the `porkchop` job: the grid row by row (progress), its JSON report and SVG. */
import { computePorkchop, Epoch, porkchopReport, porkchopSvg, type PorkchopReport } from '@stationkeeper/core';
import { porkchopRequest, type PorkchopParams } from './porkchop.js';

export interface PorkchopTaskInput {
  params: PorkchopParams;
}

export interface PorkchopTaskResult extends PorkchopReport {
  svg: string;
}

export function runPorkchop(input: PorkchopTaskInput, report: (fraction: number, message?: string) => void): PorkchopTaskResult {
  const p = input.params;
  const grid = computePorkchop(porkchopRequest(p), (done, total) => {
    if (done % 10 === 0 || done === total) report(done / total, `${done} of ${total} departure dates`);
  });
  const marks = (p.marks ?? []).map((m) => ({ label: m.label, depart: Epoch.fromIso(m.depart), arrive: Epoch.fromIso(m.arrive) }));
  return { ...porkchopReport(grid, p.step_days), svg: porkchopSvg(grid, { marks }) };
}
