/**
 * Every route is declared through `RouteTable.add`: it registers the route with Fastify (schemas
 * validate requests and serialise responses), adds the token check to mutating routes, and keeps
 * the declaration so the OpenAPI document is generated from the very same schemas.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import type { TSchema } from '@sinclair/typebox';
import { checkBearer } from './auth.js';
import { HttpError } from './httpError.js';

export interface RouteSchemas {
  params?: TSchema;
  querystring?: TSchema;
  body?: TSchema;
  response: Record<number, TSchema>;
}

export interface RouteSpec {
  method: HTTPMethods;
  url: string;
  summary: string;
  tags: string[];
  schema: RouteSchemas;
  /** Changes state: needs the bearer token when one is required. */
  mutating?: boolean;
  /** Bytes; default the server's (64 kB). */
  bodyLimit?: number;
  /** Request content types, for the OpenAPI document (default application/json). */
  consumes?: string[];
  /** Response content type of the 200/202 answer (default application/json). */
  produces?: string;
  /** Leave out of the OpenAPI document (static files). */
  hidden?: boolean;
  handler: (request: FastifyRequest, reply: FastifyReply) => unknown;
}

export class RouteTable {
  readonly routes: RouteSpec[] = [];

  constructor(private readonly auth: { token: string | undefined; required: boolean }) {}

  add(app: FastifyInstance, spec: RouteSpec): void {
    this.routes.push(spec);
    const { token, required } = this.auth;
    app.route({
      method: spec.method,
      url: spec.url,
      schema: spec.schema,
      bodyLimit: spec.bodyLimit,
      preValidation: finiteQueryNumbers(spec.schema.querystring),
      preHandler:
        spec.mutating && required && token
          ? async (request) => {
              checkBearer(request.headers.authorization, token);
            }
          : undefined,
      handler: spec.handler,
    });
  }
}

const DECIMAL_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A hook refusing query values of numeric parameters that are not finite decimal numbers: the
 * validator's coercion turns "Infinity", "1e999" and "0x10" into numbers that slip past
 * minimum/maximum (500s and wrong answers before).
 */
function finiteQueryNumbers(schema: TSchema | undefined): ((request: FastifyRequest) => Promise<void>) | undefined {
  const props = (schema as { properties?: Record<string, { type?: unknown }> } | undefined)?.properties ?? {};
  const numeric = Object.entries(props).filter(([, p]) => p.type === 'number' || p.type === 'integer').map(([k]) => k);
  if (numeric.length === 0) return undefined;
  return async (request) => {
    const q = (request.query ?? {}) as Record<string, unknown>;
    for (const key of numeric) {
      for (const v of ([] as unknown[]).concat(q[key] ?? [])) {
        const text = String(v).trim();
        if (!DECIMAL_RE.test(text) || !Number.isFinite(Number(text))) {
          throw new HttpError(400, `query.${key}: must be a finite decimal number, got ${JSON.stringify(text.slice(0, 40))}`, `query.${key}`);
        }
      }
    }
  };
}

/** JSON Schema of a TypeBox schema (drops TypeBox's symbol keys). */
function plain(schema: TSchema): Record<string, unknown> {
  return JSON.parse(JSON.stringify(schema)) as Record<string, unknown>;
}

function parameters(schema: TSchema | undefined, where: 'path' | 'query'): unknown[] {
  if (!schema) return [];
  const s = plain(schema) as { properties?: Record<string, Record<string, unknown>>; required?: string[] };
  const required = new Set(s.required ?? []);
  return Object.entries(s.properties ?? {}).map(([name, prop]) => {
    const { description, ...rest } = prop;
    return { name, in: where, required: where === 'path' || required.has(name), ...(description ? { description } : {}), schema: rest };
  });
}

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  202: 'Accepted',
  400: 'Bad request: the error names the field',
  401: 'Missing or invalid bearer token',
  403: 'A state-changing request from another site (Origin / Sec-Fetch-Site)',
  404: 'Not found',
  409: 'Conflict',
  413: 'Body too large',
  415: 'Unsupported content type',
  422: 'Cannot be computed for these inputs',
  429: 'Too many jobs queued or running (in all or from this client); retry when one finishes',
  501: 'Not implemented yet',
  503: 'A data file the computation needs is missing (the message names it and the fetch command)',
};

/** OpenAPI 3.1 document of the routes in the table. */
export function openApiDocument(table: RouteTable, info: { title: string; version: string; description: string }): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of table.routes) {
    if (r.hidden) continue;
    const path = r.url.replace(/:([A-Za-z_]+)/g, '{$1}').replace(/\*$/, '{path}');
    const op: Record<string, unknown> = {
      summary: r.summary,
      tags: r.tags,
      operationId: `${String(r.method).toLowerCase()}${path.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
      parameters: [...parameters(r.schema.params, 'path'), ...parameters(r.schema.querystring, 'query')],
      responses: Object.fromEntries(
        Object.entries(r.schema.response).map(([code, schema]) => {
          const type = Number(code) < 300 ? (r.produces ?? 'application/json') : 'application/json';
          return [code, { description: STATUS_TEXT[Number(code)] ?? 'Response', content: { [type]: { schema: plain(schema) } } }];
        }),
      ),
    };
    if (r.schema.body) {
      const types = r.consumes ?? ['application/json'];
      op.requestBody = { required: true, content: Object.fromEntries(types.map((t) => [t, { schema: plain(r.schema.body!) }])) };
    }
    if (r.mutating) op.security = [{ bearer: [] }];
    (paths[path] ??= {})[String(r.method).toLowerCase()] = op;
  }
  return {
    openapi: '3.1.0',
    info,
    servers: [{ url: '/' }],
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'STATIONKEEPER_TOKEN; required on mutating routes when the server listens beyond loopback',
        },
      },
    },
  };
}
