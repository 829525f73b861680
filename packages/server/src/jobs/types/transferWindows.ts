/**
 * `transfer-windows` job: the Earth ↔ Mars transfer windows in a span (core interplanetary/
 * windows.ts) on a worker thread — best C3 of each window, both transfer types, launch period.
 */
import { Type, type Static } from '@sinclair/typebox';
import { planWindowScan, type WindowSearch } from '@stationkeeper/core';
import type { JobType } from '../registry.js';
import { taskModuleUrl } from '../taskModule.js';
import { BodyParam, isoParam, relabelTransferError } from './transferParams.js';
import type { WindowsTaskInput } from './transferWindowsTask.js';

const TASK = taskModuleUrl('transferWindowsTask', import.meta.url);

export const TRANSFER_WINDOWS_JOB = 'transfer-windows';

export const TransferWindowsParams = Type.Object(
  {
    from: BodyParam,
    to: BodyParam,
    start: Type.String({ minLength: 4, maxLength: 40, description: 'start of the search, ISO 8601 UTC' }),
    years: Type.Number({ minimum: 0.5, maximum: 20, default: 10, description: 'length of the search, years' }),
    c3_margin_km2_s2: Type.Number({ minimum: 0, maximum: 100, default: 5, description: "launch period: days whose best C3 is within this of the window's best" }),
  },
  { additionalProperties: false },
);
export type TransferWindowsParams = Static<typeof TransferWindowsParams>;

/** The core search for the params; throws JobParamsError naming the param. */
export function windowSearch(p: TransferWindowsParams): WindowSearch {
  return { from: p.from, to: p.to, start: isoParam(p.start, 'start'), years: p.years, c3MarginM2S2: p.c3_margin_km2_s2 * 1e6 };
}

function checkWindows(p: TransferWindowsParams): void {
  const search = windowSearch(p);
  relabelTransferError('', () => planWindowScan(search));
}

export const transferWindowsJob: JobType<typeof TransferWindowsParams> = {
  type: TRANSFER_WINDOWS_JOB,
  description: 'Earth–Mars transfer windows in a span: best C3 (Type I and II), dates, launch period',
  params: TransferWindowsParams,
  check: (p) => checkWindows(p),
  run: (p, ctx) => ctx.runTask(TASK, 'runTransferWindows', { params: p } satisfies WindowsTaskInput),
};
