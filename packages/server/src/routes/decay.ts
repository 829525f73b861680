/**
 * GET /api/objects/:norad/lifetime and /reentry: answer from a finished job with the same inputs
 * (200 with the result), or start one — or join the one already running — and answer 202 with the
 * job to follow over SSE (GET /api/jobs/:id/events).
 */
import { statSync } from 'node:fs';
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { dataFilePath } from '@stationkeeper/core/node';
import { HttpError } from '../httpError.js';
import { JobParamsError } from '../jobs/registry.js';
import type { JobRunner } from '../jobs/runner.js';
import {
  decayHistory,
  DEFAULT_MEMBERS,
  DEFAULT_SEED,
  LIFETIME_JOB,
  MAX_MEMBERS,
  REENTRY_JOB,
  reentryFitProblem,
  type DecayKind,
} from '../jobs/types/decay.js';
import { DECAY_MSIS_PATH, DECAY_SPACE_WEATHER_PATH } from '../jobs/types/decayTask.js';
import type { RouteTable } from '../routeTable.js';
import { errors, Job, NoradParams } from '../schemas.js';
import type { ElementStore } from '../store/elementStore.js';
import type { JobCache } from '../store/jobCache.js';

const common = {
  mc: Type.Integer({ minimum: 1, maximum: MAX_MEMBERS, default: DEFAULT_MEMBERS, description: `Monte Carlo members (1 … ${MAX_MEMBERS})` }),
  seed: Type.Integer({ minimum: 0, maximum: 2 ** 31 - 1, default: DEFAULT_SEED, description: 'random seed (same seed and inputs → same answer, served from the cache)' }),
};
const LifetimeQuery = Type.Object(
  { from: Type.Optional(Type.String({ minLength: 3, maxLength: 40, description: 'reboosts stop here; ISO 8601 UTC or "now"; default the latest element set' })), ...common },
  { additionalProperties: false },
);
const ReentryQuery = Type.Object(
  { as_of: Type.Optional(Type.String({ minLength: 3, maxLength: 40, description: 'use only what was known then; ISO 8601 UTC or "now" (default; the latest element set when it is > 14 days old)' })), ...common },
  { additionalProperties: false },
);

const Started = Type.Object({
  job: Job,
  events_url: Type.String({ description: 'GET this for Server-Sent Events until the job finishes; its final `job` event carries the result' }),
  cached: Type.Boolean({ description: 'true when an identical question was already running and this is that job' }),
});

function mtime(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return -1;
  }
}

export interface DecayRouteDeps {
  runner: JobRunner;
  elements: ElementStore;
  cache: JobCache;
  dataDir: string;
}

export function registerDecayRoutes(app: FastifyInstance, table: RouteTable, deps: DecayRouteDeps): void {
  const { runner, elements, cache, dataDir } = deps;

  const answer = (kind: DecayKind, norad: number, cutText: string | undefined, mc: number, seed: number, reply: import('fastify').FastifyReply) => {
    const field = kind === LIFETIME_JOB ? 'query.from' : 'query.as_of';
    let h;
    try {
      h = decayHistory(elements, kind, norad, cutText, field.slice(6));
    } catch (e) {
      if (e instanceof JobParamsError) throw new HttpError(400, `${field}: ${e.message}`, field);
      throw e;
    }
    if (kind === REENTRY_JOB) {
      const why = reentryFitProblem(h, norad);
      if (why) throw new HttpError(422, why);
    }
    const cut = h.cut.toIsoUtc(3);
    const last = h.sets[h.sets.length - 1].epoch.toIsoUtc(6);
    const key = JSON.stringify([kind, norad, cut, mc, seed, h.source, h.sets.length, last, mtime(dataFilePath(dataDir, DECAY_SPACE_WEATHER_PATH)), mtime(dataFilePath(dataDir, DECAY_MSIS_PATH))]);
    const previous = cache.get(key);
    const job = previous ? runner.get(previous) : undefined;
    if (job?.status === 'succeeded') {
      reply.header('Cache-Control', 'no-cache');
      return { job_id: job.id, ...(job.result as Record<string, unknown>) };
    }
    const live = job && (job.status === 'queued' || job.status === 'running') && runner.isActive(job.id) ? job : undefined;
    const started = live ?? runner.create(kind, kind === LIFETIME_JOB ? { norad, from: cut, mc, seed } : { norad, as_of: cut, mc, seed });
    if (!live) cache.put(key, started.id);
    reply.code(202).header('Location', `/api/jobs/${started.id}`);
    return { job: started, events_url: `/api/jobs/${started.id}/events`, cached: live !== undefined };
  };

  table.add(app, {
    method: 'GET',
    url: '/api/objects/:norad/lifetime',
    summary: 'Lifetime if reboosts stop at `from`: 200 with the result when this question was answered before, else 202 with the job (follow its SSE)',
    tags: ['objects', 'decay'],
    schema: { params: NoradParams, querystring: LifetimeQuery, response: { 200: Type.Unknown({ description: 'the lifetime job result plus job_id' }), 202: Started, ...errors(400, 404, 503) } },
    handler: (req, reply) => {
      const { norad } = req.params as Static<typeof NoradParams>;
      const q = req.query as Static<typeof LifetimeQuery>;
      return answer(LIFETIME_JOB, norad, q.from, q.mc, q.seed, reply);
    },
  });

  table.add(app, {
    method: 'GET',
    url: '/api/objects/:norad/reentry',
    summary: 'Re-entry prediction as of `as_of`: 200 with the result when answered before, else 202 with the job (follow its SSE); 422 when the history is too short to fit',
    tags: ['objects', 'decay'],
    schema: { params: NoradParams, querystring: ReentryQuery, response: { 200: Type.Unknown({ description: 'the reentry job result plus job_id' }), 202: Started, ...errors(400, 404, 422, 503) } },
    handler: (req, reply) => {
      const { norad } = req.params as Static<typeof NoradParams>;
      const q = req.query as Static<typeof ReentryQuery>;
      return answer(REENTRY_JOB, norad, q.as_of, q.mc, q.seed, reply);
    },
  });
}
