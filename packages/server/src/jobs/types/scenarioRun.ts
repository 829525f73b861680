/**
 * `scenario`: run a stored what-if scenario (core/scenarios runScenario) on the worker pool. The
 * full ScenarioResult is stored with the scenario's run (GET /api/scenarios/:id) and is also the
 * job's result. Cancel terminates the worker thread that runs it.
 */
import { Type } from '@sinclair/typebox';
import type { ScenarioResult } from '@stationkeeper/core';
import type { ScenarioStore } from '../../store/scenarioStore.js';
import { JobParamsError, type JobType } from '../registry.js';
import type { ScenarioTaskInput } from './scenarioTask.js';
import { taskModuleUrl } from '../taskModule.js';

const TASK = taskModuleUrl('scenarioTask', import.meta.url);

export const SCENARIO_JOB = 'scenario';

export const ScenarioJobParams = Type.Object(
  {
    scenario_id: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$', description: 'a stored scenario (POST /api/scenarios)' }),
    decay: Type.Union([Type.Literal('circular'), Type.Literal('averaged')], {
      default: 'circular',
      description: 'decay model: circular (fast, default) or averaged (the decay module\'s orbit-averaged propagator, slower)',
    }),
    sample_every_days: Type.Integer({ minimum: 1, maximum: 30, default: 1, description: 'days between altitude samples in the result' }),
  },
  { additionalProperties: false },
);

export function scenarioJobType(store: ScenarioStore, dataDir: string): JobType<typeof ScenarioJobParams> {
  return {
    type: SCENARIO_JOB,
    description: 'Run a stored what-if scenario: burn schedule, propellant ledger, yearly Δv, re-entry after the first reboost that no available vehicle can fly',
    params: ScenarioJobParams,
    check(p) {
      const s = store.get(p.scenario_id);
      if (!s) throw new JobParamsError('scenario_id', `no scenario ${p.scenario_id}`);
    },
    async run(p, ctx) {
      const s = store.get(p.scenario_id);
      if (!s) throw new Error(`scenario ${p.scenario_id} was deleted`);
      store.ensureRun(s.id, ctx.id);
      try {
        const input: ScenarioTaskInput = { definition: s.definition, dataDir, decay: p.decay, sampleEveryDays: p.sample_every_days };
        const result = await ctx.runTask<ScenarioResult>(TASK, 'runScenarioTask', input);
        store.finishRun(ctx.id, 'succeeded', result, null);
        return { scenario_id: s.id, ...result };
      } catch (e) {
        store.finishRun(ctx.id, ctx.signal.aborted ? 'cancelled' : 'failed', null, e instanceof Error ? e.message : String(e));
        throw e;
      }
    },
  };
}
