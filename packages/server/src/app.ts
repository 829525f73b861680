/**
 * The server: Fastify with TypeBox-validated routes, the SQLite store, the job runner and the
 * dashboard's static files. `buildServer` makes it without listening (tests use inject);
 * `startServer` also listens.
 */
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { loadEop, optionalDataFile, STATIONS_TLE_PATH } from '@stationkeeper/runtime';
import { isLoopbackHost, tokenRequired, type ServerConfig } from './config.js';
import { ElementsResolver } from './elementsSource.js';
import { HttpError } from './httpError.js';
import { builtinJobRegistry } from './jobs/builtin.js';
import { CREW_RETURN_JOB, crewReturnJobType } from './jobs/types/crewReturn.js';
import type { JobRegistry } from './jobs/registry.js';
import { JobRunner } from './jobs/runner.js';
import { openApiDocument, RouteTable } from './routeTable.js';
import { installRequestGuards } from './requestGuards.js';
import { registerIngestRoutes } from './routes/ingest.js';
import { registerJobRoutes } from './routes/jobs.js';
import { registerObjectRoutes } from './routes/objects.js';
import { registerConstellationRoutes } from './routes/constellation.js';
import { constellationDeploy } from './jobs/types/constellationDeploy.js';
import { registerPlaceRoutes } from './routes/places.js';
import { registerScenarioRoutes } from './routes/scenarios.js';
import { errors } from './schemas.js';
import { loadStaticFiles } from './staticFiles.js';
import { openDatabase, type Db } from './store/db.js';
import { ElementStore } from './store/elementStore.js';
import { JobStore } from './store/jobStore.js';
import { ScenarioStore } from './store/scenarioStore.js';
import { scenarioJobType, SCENARIO_JOB } from './jobs/types/scenarioRun.js';
import { LIFETIME_JOB, lifetimeJobType, REENTRY_JOB, reentryJobType } from './jobs/types/decay.js';
import { registerDecayRoutes } from './routes/decay.js';
import { registerAttitudeRoutes } from './routes/attitude.js';
import { JobCache } from './store/jobCache.js';
import { RequestPool } from './offLoop/requestPool.js';

export const VERSION = '0.1.0';
/** Request bodies of every route but ingest. */
export const DEFAULT_BODY_LIMIT = 64 * 1024;
export const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

export interface Server {
  app: FastifyInstance;
  db: Db;
  elements: ElementStore;
  runner: JobRunner;
  routes: RouteTable;
  /** What happened at start-up (ingest of the data directory's TLE file, interrupted jobs). */
  startup: { ingestedStations: number | null; interruptedJobs: string[] };
  /** Close the HTTP server, jobs and database. `abandonJobs` leaves job rows as a crash would. */
  close(options?: { abandonJobs?: boolean }): Promise<void>;
}

export interface BuildOptions {
  /** Job types (default the built-in ones); tests and other packages add theirs. */
  registry?: JobRegistry;
}

export async function buildServer(config: ServerConfig, options: BuildOptions = {}): Promise<Server> {
  const required = tokenRequired(config);
  const db = openDatabase(config.dataDir);
  const elements = new ElementStore(db);
  const jobs = new JobStore(db);
  const scenarios = new ScenarioStore(db);
  const registry = options.registry ?? builtinJobRegistry();
  // Job types that need this server's store and data directory.
  if (!registry.get(SCENARIO_JOB)) registry.register(scenarioJobType(scenarios, config.dataDir));
  if (!registry.get(LIFETIME_JOB)) registry.register(lifetimeJobType(config.dataDir));
  if (!registry.get(REENTRY_JOB)) registry.register(reentryJobType(config.dataDir));
  if (!registry.get(constellationDeploy.type)) registry.register(constellationDeploy);
  if (!registry.get(CREW_RETURN_JOB)) registry.register(crewReturnJobType(config.dataDir));
  const runner = new JobRunner(jobs, registry, elements, { workers: config.jobWorkers, queueLimits: config.jobQueueLimits });
  const eop = loadEop(config.dataDir);
  const pool = new RequestPool();

  let ingestedStations: number | null = null;
  const stations = config.ingestDataDirTle === false ? undefined : optionalDataFile(config.dataDir, STATIONS_TLE_PATH);
  if (stations) ingestedStations = elements.ingestText(readFileSync(stations, 'utf8'), { source: `data-dir ${STATIONS_TLE_PATH}`, fileName: stations }).accepted;

  const app = Fastify({
    logger: config.logger ?? false,
    bodyLimit: DEFAULT_BODY_LIMIT,
    // Reject unknown properties instead of silently dropping them; coerce query strings to numbers.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false } },
  });
  app.setErrorHandler(errorHandler);
  installRequestGuards(app, { loopbackBind: isLoopbackHost(config.host) });
  app.setNotFoundHandler((req, reply) => {
    reply.code(404).send({ error: `no route ${req.method} ${req.url.split('?')[0].slice(0, 200)}`, status_code: 404 });
  });

  const routes = new RouteTable({ token: config.token, required });
  registerObjectRoutes(app, routes, { elements, resolver: new ElementsResolver(elements), eop, pool, dataDir: config.dataDir });
  registerIngestRoutes(app, routes, { pool, dataDir: config.dataDir });
  registerJobRoutes(app, routes, runner);
  registerScenarioRoutes(app, routes, { store: scenarios, runner, dataDir: config.dataDir });
  registerDecayRoutes(app, routes, { runner, elements, cache: new JobCache(db), dataDir: config.dataDir });
  registerConstellationRoutes(app, routes, { pool, dataDir: config.dataDir });
  registerAttitudeRoutes(app, routes, { pool, dataDir: config.dataDir });
  registerPlaceRoutes(app, routes);

  routes.add(app, {
    method: 'GET',
    url: '/api/health',
    summary: 'Liveness and store counts',
    tags: ['meta'],
    schema: {
      response: {
        200: Type.Object({ status: Type.Literal('ok'), version: Type.String(), objects: Type.Integer(), element_sets: Type.Integer(), jobs_running: Type.Integer(), eop: Type.Boolean() }),
      },
    },
    handler: () => {
      const t = elements.totals();
      return { status: 'ok', version: VERSION, objects: t.objects, element_sets: t.elementSets, jobs_running: runner.activeCount, eop: eop !== undefined };
    },
  });

  let openapi: Record<string, unknown> | undefined;
  routes.add(app, {
    method: 'GET',
    url: '/api/openapi.json',
    summary: 'This OpenAPI 3.1 document, generated from the route schemas',
    tags: ['meta'],
    schema: { response: { 200: Type.Unknown() } },
    handler: (_req, reply) => {
      openapi ??= openApiDocument(routes, {
        title: 'stationkeeper API',
        version: VERSION,
        description: 'Element sets, station state, ground tracks, passes, orbit history, jobs. See docs/api.md.',
      });
      reply.type('application/json');
      return JSON.stringify(openapi);
    },
  });

  registerStatic(app, routes, config.webDist === undefined ? DEFAULT_WEB_DIST : config.webDist);

  app.addHook('onClose', async () => {
    await runner.close({ abandon: closeOptions.abandonJobs });
    await pool.close();
    db.close();
  });
  const closeOptions: { abandonJobs?: boolean } = {};
  await app.ready();

  return {
    app,
    db,
    elements,
    runner,
    routes,
    startup: { ingestedStations, interruptedJobs: runner.interruptedAtStart },
    async close(options = {}) {
      closeOptions.abandonJobs = options.abandonJobs;
      await app.close();
    },
  };
}

/** Build and listen; resolves with the bound address (port 0 picks a free one). */
export async function startServer(config: ServerConfig, options: BuildOptions = {}): Promise<Server & { url: string }> {
  const server = await buildServer(config, options);
  try {
    const address = await server.app.listen({ host: config.host, port: config.port });
    return { ...server, url: address };
  } catch (e) {
    await server.close();
    throw e;
  }
}

function registerStatic(app: FastifyInstance, routes: RouteTable, root: string | null): void {
  const files = loadStaticFiles(root);
  const PathParams = Type.Object({ '*': Type.String({ maxLength: 1024 }) });
  const serve = (path: string, reply: import('fastify').FastifyReply) => {
    if (path.startsWith('/api/') || path === '/api') throw new HttpError(404, `no route GET ${path.slice(0, 200)} (GET /api/openapi.json lists the routes)`);
    const f = files.get(path === '/' || path === '' ? '/index.html' : path);
    if (!f) {
      const why = files.size === 0 ? ' (the dashboard is not built: npm run build -w packages/web)' : '';
      throw new HttpError(404, `no file ${path.slice(0, 200)}${why}`);
    }
    reply.type(f.contentType).header('X-Content-Type-Options', 'nosniff');
    if (path.startsWith('/assets/')) reply.header('Cache-Control', 'public, max-age=31536000, immutable');
    return reply.send(f.body);
  };
  routes.add(app, {
    method: 'GET',
    url: '/',
    summary: 'Dashboard (packages/web/dist/index.html)',
    tags: ['web'],
    hidden: true,
    schema: { response: { 200: Type.Unknown(), ...errors(404) } },
    handler: (_req, reply) => serve('/', reply),
  });
  routes.add(app, {
    method: 'GET',
    url: '/*',
    summary: 'Dashboard files from a map made at start-up',
    tags: ['web'],
    hidden: true,
    schema: { params: PathParams, response: { 200: Type.Unknown(), ...errors(404) } },
    handler: (req, reply) => serve('/' + (req.params as { '*': string })['*'], reply),
  });
}

const CONTEXT_NAMES: Record<string, string> = { querystring: 'query', params: 'params', body: 'body', headers: 'headers' };

function errorHandler(err: FastifyError | HttpError, _req: unknown, reply: import('fastify').FastifyReply): void {
  if (err instanceof HttpError) {
    reply.code(err.statusCode).send({ error: err.message, ...(err.field ? { field: err.field } : {}), status_code: err.statusCode });
    return;
  }
  const fe = err as FastifyError;
  if (fe.validation && fe.validation.length > 0) {
    const v = fe.validation[0];
    const ctx = CONTEXT_NAMES[fe.validationContext ?? ''] ?? String(fe.validationContext ?? 'request');
    const params = v.params as Record<string, unknown>;
    let field = ctx + (v.instancePath ? v.instancePath.replace(/\//g, '.') : '');
    let message = v.message ?? 'is invalid';
    if (v.keyword === 'required' && typeof params.missingProperty === 'string') {
      field += `.${params.missingProperty}`;
      message = 'is required';
    } else if (v.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
      field += `.${params.additionalProperty}`;
      message = 'is not a known parameter';
    } else if (v.keyword === 'enum' || v.keyword === 'anyOf' || v.keyword === 'const') {
      message = `${message}${Array.isArray(params.allowedValues) ? ': ' + params.allowedValues.join(', ') : ''}`;
    }
    reply.code(400).send({ error: `${field}: ${message}`, field, status_code: 400 });
    return;
  }
  const status = typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 600 ? fe.statusCode : 500;
  if (status >= 500) {
    reply.log.error(err);
    reply.code(status).send({ error: 'internal error', status_code: status });
    return;
  }
  let field: string | undefined;
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') field = 'body';
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || fe.code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH') field = 'headers.content-type';
  if (fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY') field = 'body';
  const message = field ? `${field}: ${fe.message}` : fe.message;
  reply.code(status).send({ error: message, ...(field ? { field } : {}), status_code: status });
}
