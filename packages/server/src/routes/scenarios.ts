/**
 * /api/scenarios: the routes and their schemas exist now; creating and deleting answer 501 until
 * the scenario engine (issue 5) is wired — it will create the scenario row and start a
 * `scenario-run` job through the job registry, returning that job.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../httpError.js';
import type { RouteTable } from '../routeTable.js';
import { errors, Job } from '../schemas.js';
import type { Db } from '../store/db.js';

const ScenarioIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }) }, { additionalProperties: false });

export const CreateScenarioBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    definition: Type.Record(Type.String(), Type.Unknown(), { description: 'scenario definition (schema set by the scenario engine)' }),
  },
  { additionalProperties: false },
);

const Scenario = Type.Object({
  id: Type.String(),
  name: Type.String(),
  definition: Type.Unknown(),
  created_utc: Type.String(),
  runs: Type.Array(
    Type.Object({ id: Type.String(), job_id: Type.Union([Type.String(), Type.Null()]), status: Type.String(), result: Type.Unknown(), created_utc: Type.String(), finished_utc: Type.Union([Type.String(), Type.Null()]) }),
  ),
});

const NOT_YET = 'scenarios are not available yet: the scenario engine is not wired into the server';

export function registerScenarioRoutes(app: FastifyInstance, table: RouteTable, db: Db): void {
  table.add(app, {
    method: 'GET',
    url: '/api/scenarios',
    summary: 'Stored scenarios',
    tags: ['scenarios'],
    schema: { response: { 200: Type.Object({ scenarios: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), created_utc: Type.String() })) }) } },
    handler: () => ({ scenarios: db.prepare('SELECT id, name, created_utc FROM scenarios ORDER BY created_utc DESC LIMIT 500').all() }),
  });

  table.add(app, {
    method: 'POST',
    url: '/api/scenarios',
    summary: 'Create a scenario and run it (returns the run job) — 501 until the scenario engine is wired',
    tags: ['scenarios'],
    mutating: true,
    schema: { body: CreateScenarioBody, response: { 202: Type.Object({ scenario_id: Type.String(), job: Job }), ...errors(400, 401, 501) } },
    handler: () => {
      throw new HttpError(501, NOT_YET);
    },
  });

  table.add(app, {
    method: 'GET',
    url: '/api/scenarios/:id',
    summary: 'One scenario with its runs',
    tags: ['scenarios'],
    schema: { params: ScenarioIdParams, response: { 200: Scenario, ...errors(400, 404) } },
    handler: (req) => {
      const { id } = req.params as Static<typeof ScenarioIdParams>;
      const s = db.prepare('SELECT * FROM scenarios WHERE id = ?').get(id) as { id: string; name: string; definition_json: string; created_utc: string } | undefined;
      if (!s) throw new HttpError(404, `params.id: no scenario ${id}`, 'params.id');
      const runs = db.prepare('SELECT * FROM scenario_runs WHERE scenario_id = ? ORDER BY created_utc').all(id) as {
        id: string; job_id: string | null; status: string; result_json: string | null; created_utc: string; finished_utc: string | null;
      }[];
      return {
        id: s.id,
        name: s.name,
        definition: JSON.parse(s.definition_json),
        created_utc: s.created_utc,
        runs: runs.map((r) => ({ id: r.id, job_id: r.job_id, status: r.status, result: r.result_json === null ? null : JSON.parse(r.result_json), created_utc: r.created_utc, finished_utc: r.finished_utc })),
      };
    },
  });

  table.add(app, {
    method: 'DELETE',
    url: '/api/scenarios/:id',
    summary: 'Delete a scenario and its runs — 501 until the scenario engine is wired',
    tags: ['scenarios'],
    mutating: true,
    schema: { params: ScenarioIdParams, response: { 204: Type.Null(), ...errors(400, 401, 404, 501) } },
    handler: () => {
      throw new HttpError(501, NOT_YET);
    },
  });
}
