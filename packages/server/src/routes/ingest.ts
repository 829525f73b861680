/** POST /api/ingest: a catalogue / TLE / OMM file in the body, stored in one transaction. */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../httpError.js';
import type { RouteTable } from '../routeTable.js';
import { errors } from '../schemas.js';
import type { ElementStore } from '../store/elementStore.js';

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

export function registerIngestRoutes(app: FastifyInstance, table: RouteTable, elements: ElementStore): void {
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
        response: { 200: IngestResponse, ...errors(400, 401, 403, 413, 415) },
      },
      handler: (req) => {
        const q = req.query as Static<typeof IngestQuery>;
        const report = elements.ingestText(req.body as string, { source: q.source ?? 'ingest', fileName: 'upload' });
        // Nothing readable at all is a bad request, not a success with zero records.
        if (report.rejected > 0 && report.records === report.rejected) {
          throw new HttpError(400, `body: no element set could be read (${report.rejected} error${report.rejected === 1 ? '' : 's'}; first: ${report.errors[0].message})`, 'body');
        }
        return report;
      },
    });
  });
}
