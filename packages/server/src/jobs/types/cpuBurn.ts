/**
 * `cpu-burn`: keeps one worker thread busy with SGP4 for `seconds`. A stand-in for the CPU-heavy
 * re-entry Monte Carlo in the benchmark and tests until that job type exists.
 */
import { Type } from '@sinclair/typebox';
import type { JobType } from '../registry.js';
import type { BurnInput } from './cpuBurnTask.js';
import { taskModuleUrl } from '../taskModule.js';

const TASK = taskModuleUrl('cpuBurnTask', import.meta.url);

export const CpuBurnParams = Type.Object(
  { seconds: Type.Number({ minimum: 0.05, maximum: 600, default: 10, description: 'wall time to keep a worker busy, s' }) },
  { additionalProperties: false },
);

export const cpuBurn: JobType<typeof CpuBurnParams> = {
  type: 'cpu-burn',
  description: 'CPU-heavy stand-in job (SGP4 in a loop for `seconds`), for load tests',
  params: CpuBurnParams,
  run: (p, ctx) => ctx.runTask(TASK, 'burnCpu', { seconds: p.seconds } satisfies BurnInput),
};
