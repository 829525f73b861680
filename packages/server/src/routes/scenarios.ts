/**
 * /api/scenarios: create a what-if scenario (JSON, YAML text, or a shipped example by name with
 * optional overrides), run it as a `scenario` job on the worker pool, read it back with its latest
 * result, its self-contained HTML report, delete it.
 */
import { randomUUID } from 'node:crypto';
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { FastifyInstance } from 'fastify';
import { readScenarioYaml, ScenarioError, validateScenario, type ScenarioResult } from '@stationkeeper/core';
import { scenarioReportHtml } from '@stationkeeper/runtime';
import { HttpError } from '../httpError.js';
import type { JobRunner } from '../jobs/runner.js';
import { SCENARIO_JOB } from '../jobs/types/scenarioRun.js';
import type { RouteTable } from '../routeTable.js';
import { EXAMPLE_NAMES, isExampleName, listExamples, loadExample } from '../scenarios/examples.js';
import { applyOverrides, ScenarioOverrides } from '../scenarios/overrides.js';
import { parseYamlOffLoop } from '../scenarios/yamlOffLoop.js';
import { errors, Job } from '../schemas.js';
import type { ScenarioStore } from '../store/scenarioStore.js';

export const SCENARIO_BODY_LIMIT = 256 * 1024;
const YAML_TYPES = ['text/yaml', 'application/yaml', 'application/x-yaml', 'text/x-yaml'];

const ScenarioIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }) }, { additionalProperties: false });

const RunQuery = Type.Object(
  {
    decay: Type.Union([Type.Literal('circular'), Type.Literal('averaged')], { default: 'circular', description: 'decay model of the run' }),
    sample_every_days: Type.Integer({ minimum: 1, maximum: 30, default: 1, description: 'days between altitude samples in the result' }),
  },
  { additionalProperties: false },
);

/** `{ example, name?, overrides? }`: a shipped example by name. */
export const ExampleRequest = Type.Object(
  {
    example: Type.Union(EXAMPLE_NAMES.map((n) => Type.Literal(n)), { description: 'a shipped example (GET /api/scenarios/examples)' }),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    overrides: Type.Optional(ScenarioOverrides),
  },
  { additionalProperties: false },
);

/** `{ definition, name?, overrides? }`: a definition in the scenario file form. */
export const DefinitionRequest = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    definition: Type.Record(Type.String(), Type.Unknown(), { description: 'scenario in the file form (docs/station-keeping.md, SCENARIO_JSON_SCHEMA)' }),
    overrides: Type.Optional(ScenarioOverrides),
  },
  { additionalProperties: false },
);

const RunSummary = Type.Object({
  id: Type.String({ description: 'run id = the id of the job that computes it' }),
  job_id: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  progress: Type.Number(),
  error: Type.Union([Type.String(), Type.Null()]),
  created_utc: Type.String(),
  finished_utc: Type.Union([Type.String(), Type.Null()]),
});

const ScenarioListItem = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  source: Type.String({ description: '"json", "yaml" or "example NAME"' }),
  created_utc: Type.String(),
  latest_run: Type.Union([RunSummary, Type.Null()]),
});

const ScenarioDetail = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  source: Type.String(),
  definition: Type.Unknown({ description: 'the stored definition (scenario file form, overrides applied)' }),
  created_utc: Type.String(),
  runs: Type.Array(RunSummary),
  latest_result_run_id: Type.Union([Type.String(), Type.Null()]),
  latest_result: Type.Unknown({ description: 'ScenarioResult of the newest succeeded run, or null' }),
});

const ExampleItem = Type.Object({ name: Type.String(), title: Type.String(), description: Type.String(), definition: Type.Unknown() });

export interface ScenarioRouteDeps {
  store: ScenarioStore;
  runner: JobRunner;
  dataDir: string;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** 400 naming the first schema problem of `value` at `field`. */
function checkShape<T extends TSchema>(schema: T, value: unknown, field: string): Static<T> {
  const first = Value.Errors(schema, value).First();
  if (first) {
    const params = first.schema as { anyOf?: { const?: unknown }[] };
    const allowed = params.anyOf?.every((s) => s.const !== undefined) ? `: ${params.anyOf.map((s) => s.const).join(', ')}` : '';
    const f = field + first.path.replace(/\/(\d+)(?=\/|$)/g, '[$1]').replace(/\//g, '.');
    throw new HttpError(400, `${f}: ${first.message}${allowed}`, f);
  }
  return value as Static<T>;
}

/** A YAML body already parsed (off the event loop) by the content-type parser. */
export class YamlBody {
  constructor(readonly value: unknown) {}
}

function yamlMapping(raw: unknown): Record<string, unknown> {
  if (!isRecord(raw)) throw new HttpError(400, 'body: the YAML must be a mapping (a scenario definition)', 'body');
  return raw;
}

/** Synchronous form for callers that hand over text (bounded by the same budget as the worker). */
function parseYamlBody(text: string): Record<string, unknown> {
  const read = readScenarioYaml(text);
  if (!read.ok) {
    const at = read.issue.path === '(top level)' ? '' : ` ${read.issue.path}:`;
    throw new HttpError(400, `body:${at} ${read.issue.message}`, 'body');
  }
  return yamlMapping(read.value);
}

interface Parsed {
  definition: Record<string, unknown>;
  source: string;
  /** Prefix of error paths inside the definition. */
  field: string;
}

/** The four request forms → one definition (overrides applied, name set). */
export function definitionFromRequest(body: unknown): Parsed {
  if (body instanceof YamlBody) return { definition: yamlMapping(body.value), source: 'yaml', field: 'body' };
  if (typeof body === 'string') return { definition: parseYamlBody(body), source: 'yaml', field: 'body' };
  if (!isRecord(body)) throw new HttpError(400, 'body: must be a scenario definition (JSON object or YAML text), { definition }, or { example }', 'body');
  if ('example' in body) {
    if (typeof body.example === 'string' && !isExampleName(body.example)) {
      throw new HttpError(400, `body.example: unknown example ${JSON.stringify(body.example.slice(0, 60))} (known: ${EXAMPLE_NAMES.join(', ')})`, 'body.example');
    }
    const r = checkShape(ExampleRequest, body, 'body');
    let definition = loadExample(r.example).definition;
    if (r.overrides) definition = applyOverrides(definition, r.overrides);
    if (r.name) definition.name = r.name;
    return { definition, source: `example ${r.example}`, field: 'scenario' };
  }
  if ('definition' in body) {
    const r = checkShape(DefinitionRequest, body, 'body');
    let definition = r.definition;
    if (r.overrides) definition = applyOverrides(definition, r.overrides);
    if (r.name) definition = { ...definition, name: r.name };
    return { definition, source: 'json', field: r.overrides ? 'scenario' : 'body.definition' };
  }
  return { definition: body, source: 'json', field: 'body' };
}

/** Validate with the engine's own checks; 400 naming the first path (all problems in the message). */
export function validateDefinition(p: Parsed): void {
  try {
    validateScenario(p.definition, p.field);
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    const issues = e.issues.map((i) => {
      const path = i.path === '(top level)' ? p.field : /^line \d/.test(i.path) ? `${p.field} ${i.path}` : `${p.field}.${i.path}`;
      return { field: path, text: `${path}: ${i.message}` };
    });
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more: ${issues.slice(1, 6).map((i) => i.text).join('; ')}${issues.length > 6 ? '; …' : ''})` : '';
    throw new HttpError(400, issues[0].text + more, issues[0].field);
  }
}

export function registerScenarioRoutes(app: FastifyInstance, table: RouteTable, deps: ScenarioRouteDeps): void {
  const { store, runner } = deps;

  table.add(app, {
    method: 'GET',
    url: '/api/scenarios',
    summary: 'Stored scenarios, newest first, each with its latest run',
    tags: ['scenarios'],
    schema: { response: { 200: Type.Object({ scenarios: Type.Array(ScenarioListItem) }) } },
    handler: () => ({ scenarios: store.list() }),
  });

  table.add(app, {
    method: 'GET',
    url: '/api/scenarios/examples',
    summary: 'The scenarios shipped in examples/scenarios (name, title, description, definition)',
    tags: ['scenarios'],
    schema: { response: { 200: Type.Object({ examples: Type.Array(ExampleItem) }) } },
    handler: () => ({ examples: listExamples() }),
  });

  // YAML bodies arrive as text in this scope; JSON keeps Fastify's parser.
  app.register(async (scope) => {
    // No text/plain: a cross-site form can send that without a preflight.
    scope.removeContentTypeParser('text/plain');
    scope.addContentTypeParser(YAML_TYPES, { parseAs: 'string', bodyLimit: SCENARIO_BODY_LIMIT }, async (_req: unknown, body: string | Buffer) => new YamlBody(await parseYamlOffLoop(String(body))));
    table.add(scope, {
      method: 'POST',
      url: '/api/scenarios',
      summary: 'Create a scenario (definition JSON, YAML text, { definition, name?, overrides? } or { example, name?, overrides? }) and run it: 202 { scenario_id, job }',
      tags: ['scenarios'],
      mutating: true,
      bodyLimit: SCENARIO_BODY_LIMIT,
      consumes: ['application/json', ...YAML_TYPES],
      schema: {
        querystring: RunQuery,
        body: Type.Unknown({ description: 'scenario definition (file form) as JSON or YAML; or { definition, name?, overrides? }; or { example, name?, overrides? }' }),
        response: { 202: Type.Object({ scenario_id: Type.String(), job: Job }), ...errors(400, 401, 403, 413, 415, 429, 503) },
      },
      handler: (req, reply) => {
        const q = req.query as Static<typeof RunQuery>;
        const parsed = definitionFromRequest(req.body);
        validateDefinition(parsed);
        const id = randomUUID();
        const d = parsed.definition;
        store.insert({ id, name: String(d.name), description: typeof d.description === 'string' ? d.description.trim() : '', source: parsed.source, definition: d });
        let job;
        try {
          job = runner.create(SCENARIO_JOB, { scenario_id: id, decay: q.decay, sample_every_days: q.sample_every_days }, req.ip);
        } catch (e) {
          store.delete(id);
          throw e;
        }
        store.ensureRun(id, job.id);
        reply.code(202).header('Location', `/api/scenarios/${id}`);
        return { scenario_id: id, job };
      },
    });
  });

  table.add(app, {
    method: 'GET',
    url: '/api/scenarios/:id',
    summary: 'One scenario: definition, runs, and the newest succeeded run\'s result',
    tags: ['scenarios'],
    schema: { params: ScenarioIdParams, response: { 200: ScenarioDetail, ...errors(400, 404) } },
    handler: (req) => {
      const { id } = req.params as Static<typeof ScenarioIdParams>;
      const s = store.get(id);
      if (!s) throw new HttpError(404, `params.id: no scenario ${id}`, 'params.id');
      const latest = store.latestResult(id);
      return { ...s, runs: store.runs(id), latest_result_run_id: latest?.run_id ?? null, latest_result: latest?.result ?? null };
    },
  });

  table.add(app, {
    method: 'GET',
    url: '/api/scenarios/:id/report',
    summary: 'Self-contained HTML report (inline CSS and SVG, no external resources) of the newest succeeded run',
    tags: ['scenarios'],
    produces: 'text/html',
    schema: { params: ScenarioIdParams, response: { 200: Type.String({ description: 'text/html' }), ...errors(400, 404) } },
    handler: (req, reply) => {
      const { id } = req.params as Static<typeof ScenarioIdParams>;
      if (!store.get(id)) throw new HttpError(404, `params.id: no scenario ${id}`, 'params.id');
      const latest = store.latestResult(id);
      if (!latest) {
        const run = store.runs(id).at(-1);
        const why = run ? `its latest run is ${run.status}${run.error ? ` (${run.error})` : ''}` : 'it has no run';
        throw new HttpError(404, `scenario ${id} has no finished result yet: ${why}`);
      }
      reply
        .type('text/html; charset=utf-8')
        .header('X-Content-Type-Options', 'nosniff')
        .header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
      return scenarioReportHtml(latest.result as ScenarioResult);
    },
  });

  table.add(app, {
    method: 'DELETE',
    url: '/api/scenarios/:id',
    summary: 'Delete a scenario and its runs (a running run is cancelled first)',
    tags: ['scenarios'],
    mutating: true,
    schema: { params: ScenarioIdParams, response: { 204: Type.Null(), ...errors(400, 401, 404) } },
    handler: (req, reply) => {
      const { id } = req.params as Static<typeof ScenarioIdParams>;
      if (!store.get(id)) throw new HttpError(404, `params.id: no scenario ${id}`, 'params.id');
      for (const jobId of store.activeJobIds(id)) {
        try {
          runner.cancel(jobId);
        } catch (e) {
          if (!(e instanceof HttpError && e.statusCode === 409)) throw e;
        }
      }
      store.delete(id);
      reply.code(204).send();
    },
  });
}
