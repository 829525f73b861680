/**
 * POST /api/ingest: a catalogue / TLE / OMM file in the body, stored in one transaction. The parse
 * and the write run in a request-pool thread (a 24,132-set catalogue took the event loop 0.6–1 s),
 * one ingest at a time so two never wait on each other's write lock.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../httpError.js';
import type { RequestPool } from '../offLoop/requestPool.js';
import type { IngestTaskInput } from '../offLoop/ingestTask.js';
import type { RouteTable } from '../routeTable.js';
import { errors } from '../schemas.js';
import type { IngestReport } from '../store/elementStore.js';
import { taskModuleUrl } from '../jobs/taskModule.js';

const INGEST_TASK = taskModuleUrl('../offLoop/ingestTask', import.meta.url);
/** Ingests waiting for the one running before the next gets a 429. */
export const MAX_WAITING_INGESTS = 4;

export const INGEST_BODY_LIMIT = 10 * 1024 * 1024;
const INGEST_TYPES = ['text/plain', 'application/json', 'application/xml', 'text/xml'];

const IngestQuery = Type.Object(
  { source: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '^[\\w .:/@+-]+$', description: 'label stored with each element set (default "ingest")' })) },
  { additionalProperties: false },
);

export const IngestResponse = Type.Object({
  format: Type.String(),
  records: Type.Integer(),
  accepted: Type.Integer({ description: 'new element sets stored' }),
  duplicates: Type.Integer({ description: 'already stored for the same object and epoch' }),
  rejected: Type.Integer({ description: 'records with a bad field (see errors)' }),
  objects: Type.Integer(),
  errors: Type.Array(
    Type.Object({ line: Type.Union([Type.Integer(), Type.Null()]), field: Type.String(), value: Type.String(), message: Type.String() }),
  ),
  errors_truncated: Type.Boolean(),
});

export function registerIngestRoutes(app: FastifyInstance, table: RouteTable, deps: { pool: RequestPool; dataDir: string }): void {
  let queue: Promise<unknown> = Promise.resolve();
  let waiting = 0;
  const ingest = async (input: IngestTaskInput): Promise<IngestReport> => {
    if (waiting >= MAX_WAITING_INGESTS) throw new HttpError(429, `body: ${waiting} ingests are waiting; retry when they finish`, 'body');
    waiting++;
    const mine = queue.then(() => deps.pool.run<IngestReport>(INGEST_TASK, 'ingestInWorker', input));
    queue = mine.catch(() => undefined).finally(() => waiting--);
    return mine;
  };
  // Own content-type parsers in this plugin only: the body stays raw text whatever its type.
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(INGEST_TYPES, { parseAs: 'string', bodyLimit: INGEST_BODY_LIMIT }, (_req, body, done) => done(null, body));
    table.add(scope, {
      method: 'POST',
      url: '/api/ingest',
      summary: 'Ingest TLE/3LE, OMM KVN, OMM XML or GP/OMM JSON text (≤ 10 MB) in one transaction',
      tags: ['ingest'],
      mutating: true,
      bodyLimit: INGEST_BODY_LIMIT,
      consumes: INGEST_TYPES,
      schema: {
        querystring: IngestQuery,
        body: Type.String({ minLength: 1, maxLength: INGEST_BODY_LIMIT, description: 'the file content' }),
        response: { 200: IngestResponse, ...errors(400, 401, 403, 413, 415, 429) },
      },
      handler: (req) => {
        const q = req.query as Static<typeof IngestQuery>;
        return ingest({ dataDir: deps.dataDir, text: req.body as string, source: q.source ?? 'ingest' });
      },
    });
  });
}
