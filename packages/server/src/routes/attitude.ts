/**
 * GET /api/attitude: the built-in 2022 ISS model's torque-equilibrium attitude and a closed-loop
 * CMG momentum simulation (docs/attitude.md). The work is bounded (≤ 24 simulated hours at a 10 s
 * control step: well under a second), so it answers directly instead of starting a job, but from a
 * request-pool thread (offLoop/attitudeTask.ts) so the event loop stays free.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { Epoch } from '@stationkeeper/core';
import type { RequestPool } from '../offLoop/requestPool.js';
import type { RouteTable } from '../routeTable.js';
import { errors } from '../schemas.js';
import { HttpError } from '../httpError.js';
import { taskModuleUrl } from '../jobs/taskModule.js';

const TASK = taskModuleUrl('../offLoop/attitudeTask', import.meta.url);

const Query = Type.Object(
  {
    controller: Type.Union([Type.Literal('tea-lqr'), Type.Literal('hold')], { default: 'tea-lqr', description: 'tea-lqr: momentum management to the TEA; hold: hold +XVV' }),
    hours: Type.Number({ minimum: 0.5, maximum: 24, default: 12, description: 'simulated hours (0.5 … 24)' }),
    desaturation: Type.Boolean({ default: true, description: 'false: no vehicle can desaturate the CMGs' }),
    cmgs: Type.Integer({ minimum: 1, maximum: 4, default: 4, description: 'working CMGs (1 … 4)' }),
    start: Type.String({ minLength: 10, maxLength: 40, default: '2022-07-15T00:00:00Z', description: 'ISO 8601 UTC start (Sun and air density)' }),
  },
  { additionalProperties: false },
);

const Answer = Type.Object({
  atmosphere: Type.String(),
  controller: Type.String(),
  start_utc: Type.String(),
  duration_s: Type.Number(),
  capacity_n_m_s: Type.Number(),
  desaturation_threshold_n_m_s: Type.Number(),
  tea: Type.Object({ yaw_deg: Type.Number(), pitch_deg: Type.Number(), roll_deg: Type.Number(), residual_torque_n_m: Type.Number(), cmg_secular_momentum_n_m_s_per_orbit: Type.Number() }),
  desaturations: Type.Array(Type.Object({ epoch_utc: Type.String(), t_s: Type.Number(), propellant_kg: Type.Number() })),
  total_propellant_kg: Type.Number(),
  saturation_events: Type.Array(Type.Object({ start_utc: Type.String(), end_utc: Type.String() })),
  attitude_lost_utc: Type.Union([Type.String(), Type.Null()]),
  peak_momentum_fraction: Type.Number(),
  history: Type.Array(Type.Object({ t_s: Type.Number(), momentum_n_m_s: Type.Number(), yaw_deg: Type.Number(), pitch_deg: Type.Number(), roll_deg: Type.Number() })),
});

export function registerAttitudeRoutes(app: FastifyInstance, table: RouteTable, deps: { dataDir: string; pool: RequestPool }): void {
  table.add(app, {
    method: 'GET',
    url: '/api/attitude',
    summary: 'Built-in 2022 ISS model: torque-equilibrium attitude and a CMG momentum simulation with desaturations',
    tags: ['attitude'],
    schema: { querystring: Query, response: { 200: Answer, ...errors(400, 429) } },
    handler: async (req) => {
      const q = req.query as Static<typeof Query>;
      try {
        Epoch.fromIso(q.start);
      } catch {
        throw new HttpError(400, `query.start: not an ISO 8601 UTC time: ${JSON.stringify(q.start)}`, 'query.start');
      }
      return deps.pool.run(TASK, 'attitudeInWorker', { dataDir: deps.dataDir, controller: q.controller, hours: q.hours, desaturation: q.desaturation, cmgs: q.cmgs, startIso: q.start });
    },
  });
}
