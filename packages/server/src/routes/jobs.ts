/** /api/jobs: create, list, read, follow (SSE) and cancel jobs. */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../httpError.js';
import type { JobEvent, JobRunner } from '../jobs/runner.js';
import type { RouteTable } from '../routeTable.js';
import { errors, Job, JobIdParams, JobStatus } from '../schemas.js';
import { FINISHED, type JobRecord } from '../store/jobStore.js';

const CreateBody = Type.Object(
  {
    type: Type.String({ minLength: 1, maxLength: 64, description: 'a registered job type (GET /api/jobs/types)' }),
    params: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { description: 'checked against the type\'s schema' })),
  },
  { additionalProperties: false },
);
const ListQuery = Type.Object(
  { status: Type.Optional(JobStatus), limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }) },
  { additionalProperties: false },
);

/** Heartbeat comment on idle SSE streams, so proxies keep them open. */
const SSE_HEARTBEAT_MS = 15_000;

export function registerJobRoutes(app: FastifyInstance, table: RouteTable, runner: JobRunner): void {
  table.add(app, {
    method: 'GET',
    url: '/api/jobs/types',
    summary: 'Registered job types and their parameter schemas',
    tags: ['jobs'],
    schema: {
      response: { 200: Type.Object({ types: Type.Array(Type.Object({ type: Type.String(), description: Type.String(), params: Type.Unknown() })) }) },
    },
    handler: () => ({
      types: runner.registry.list().map((t) => ({ type: t.type, description: t.description, params: JSON.parse(JSON.stringify(t.params)) })),
    }),
  });

  table.add(app, {
    method: 'GET',
    url: '/api/jobs',
    summary: 'Jobs, newest first',
    tags: ['jobs'],
    schema: { querystring: ListQuery, response: { 200: Type.Object({ jobs: Type.Array(Job) }), ...errors(400) } },
    handler: (req) => {
      const q = req.query as Static<typeof ListQuery>;
      return { jobs: runner.list(q.status as JobRecord['status'] | undefined, q.limit) };
    },
  });

  table.add(app, {
    method: 'POST',
    url: '/api/jobs',
    summary: 'Start a job: { type, params } → 202 with the job',
    tags: ['jobs'],
    mutating: true,
    schema: { body: CreateBody, response: { 202: Job, ...errors(400, 401, 403, 415, 429) } },
    handler: (req, reply) => {
      const b = req.body as Static<typeof CreateBody>;
      const job = runner.create(b.type, b.params ?? {}, req.ip);
      reply.code(202).header('Location', `/api/jobs/${job.id}`);
      return job;
    },
  });

  table.add(app, {
    method: 'GET',
    url: '/api/jobs/:id',
    summary: 'One job with its progress, result or error',
    tags: ['jobs'],
    schema: { params: JobIdParams, response: { 200: Job, ...errors(400, 404) } },
    handler: (req) => getJob(runner, (req.params as Static<typeof JobIdParams>).id),
  });

  table.add(app, {
    method: 'DELETE',
    url: '/api/jobs/:id',
    summary: 'Cancel a queued or running job',
    tags: ['jobs'],
    mutating: true,
    schema: { params: JobIdParams, response: { 200: Job, ...errors(400, 401, 404, 409) } },
    handler: (req) => runner.cancel((req.params as Static<typeof JobIdParams>).id),
  });

  table.add(app, {
    method: 'GET',
    url: '/api/jobs/:id/events',
    summary: 'Server-Sent Events: "job" (the job), "progress" ({progress, message}) …, final "job"; then the stream closes',
    tags: ['jobs'],
    produces: 'text/event-stream',
    schema: { params: JobIdParams, response: { 200: Type.String({ description: 'text/event-stream' }), ...errors(400, 404) } },
    handler: (req, reply) => {
      const job = getJob(runner, (req.params as Static<typeof JobIdParams>).id);
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-cache, no-transform',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no',
      });
      const send = (event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      send('job', job);
      if (FINISHED.includes(job.status) || !runner.isActive(job.id)) {
        res.end();
        return;
      }
      const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), SSE_HEARTBEAT_MS);
      const stop = () => {
        clearInterval(heartbeat);
        unsubscribe();
      };
      const unsubscribe = runner.subscribe(job.id, (e: JobEvent) => {
        if (e.kind === 'progress') send('progress', { progress: e.progress, message: e.message });
        else {
          send('job', e.job);
          if (FINISHED.includes(e.job.status)) {
            stop();
            res.end();
          }
        }
      });
      req.raw.on('close', stop);
    },
  });
}

function getJob(runner: JobRunner, id: string): JobRecord {
  const job = runner.get(id);
  if (!job) throw new HttpError(404, `params.id: no job ${id}`, 'params.id');
  return job;
}
