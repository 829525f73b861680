/**
 * /api/objects/:norad/lifetime and /reentry. POST answers from a finished job with the same inputs
 * (200 with the result), or starts one — or joins the one already running — and answers 202 with
 * the job to follow over SSE (GET /api/jobs/:id/events). GET only reads: the finished result, the
 * running job, or 404; it never starts work, so a link or an <img> on another site cannot queue
 * Monte Carlo runs, and starting one needs the token wherever mutating routes do.
 */
import { statSync } from 'node:fs';
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { dataFilePath, MSIS_COEFFICIENTS_PATH, SPACE_WEATHER_PATH } from '@stationkeeper/runtime';
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

  const answer = (kind: DecayKind, norad: number, cutText: string | undefined, mc: number, seed: number, reply: import('fastify').FastifyReply, client: string | undefined) => {
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
    const key = JSON.stringify([kind, norad, cut, mc, seed, h.source, h.sets.length, last, mtime(dataFilePath(dataDir, SPACE_WEATHER_PATH)), mtime(dataFilePath(dataDir, MSIS_COEFFICIENTS_PATH))]);
    const previous = cache.get(key);
    const job = previous ? runner.get(previous) : undefined;
    if (job?.status === 'succeeded') {
      reply.header('Cache-Control', 'no-cache');
      return { job_id: job.id, ...(job.result as Record<string, unknown>) };
    }
    const live = job && (job.status === 'queued' || job.status === 'running') && runner.isActive(job.id) ? job : undefined;
    if (!live && client === undefined) {
      throw new HttpError(404, `no ${kind} result for these inputs yet: POST to this URL (same query) to start the computation`);
    }
    const started = live ?? runner.create(kind, kind === LIFETIME_JOB ? { norad, from: cut, mc, seed } : { norad, as_of: cut, mc, seed }, client);
    if (!live) cache.put(key, started.id);
    reply.code(202).header('Location', `/api/jobs/${started.id}`);
    return { job: started, events_url: `/api/jobs/${started.id}/events`, cached: live !== undefined };
  };

  const routes = [
    { kind: LIFETIME_JOB, query: LifetimeQuery, what: 'Lifetime if reboosts stop at `from`', extra: [] as number[] },
    { kind: REENTRY_JOB, query: ReentryQuery, what: 'Re-entry prediction as of `as_of` (422 when the history is too short to fit)', extra: [422] },
  ] as const;
  for (const r of routes) {
    const cutOf = (q: Record<string, unknown>) => (r.kind === LIFETIME_JOB ? q.from : q.as_of) as string | undefined;
    for (const method of ['POST', 'GET'] as const) {
      const start = method === 'POST';
      table.add(app, {
        method,
        url: `/api/objects/:norad/${r.kind}`,
        summary: start
          ? `${r.what}: 200 with the result when this question was answered before, else 202 with the job (follow its SSE)`
          : `${r.what}: 200 with the finished result, 202 with the running job, else 404 (GET never starts a job)`,
        tags: ['objects', 'decay'],
        mutating: start,
        schema: {
          params: NoradParams,
          querystring: r.query,
          response: { 200: Type.Unknown({ description: `the ${r.kind} job result plus job_id` }), 202: Started, ...errors(400, 401, 404, ...r.extra, 429, 503) },
        },
        handler: (req, reply) => {
          const { norad } = req.params as Static<typeof NoradParams>;
          const q = req.query as Static<typeof LifetimeQuery> & Static<typeof ReentryQuery>;
          return answer(r.kind, norad, cutOf(q), q.mc, q.seed, reply, start ? req.ip : undefined);
        },
      });
    }
  }
}
