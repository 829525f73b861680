/**
 * A propagation run's configuration file (the CLI's `--config`, examples/forces/*.json):
 *
 * {
 *   "comment":    "free text or an array of lines (sources of the numbers)",
 *   "spacecraft": { "massKg": 459154.2, "source": "…" },
 *   "integrator": { "method": "dop853" | "dp54" | "rk4", "rtol": 1e-10, "atol": [1e-4, 1e-7], "stepS": 30, "maxStepS": 300 },
 *   "forces":     { …as forces/config.ts buildForceModels reads it… }
 * }
 *
 * One extension to the force configuration: `forces.gravity.model` may be an array of gravity
 * file names, meaning "the first one present in the data directory" (e.g. ["EGM96.gfc",
 * "eigen-6s.gfc"]: the fetched EGM96, else a hand-placed EIGEN-6S). This module only reads and
 * checks the JSON and lists the data files a run needs; the CLI reads the files.
 */
import { jsonDepthExceededAt } from '../../foundation/formats/jsonDepth.js';
import type { IntegratorName } from './numericalPropagator.js';

export interface RunConfig {
  massKg?: number;
  integrator: { method: IntegratorName; rtol?: number; atol?: number | number[]; stepS?: number; maxStepS?: number };
  /** The `forces` object, for buildForceModels (gravity.model still possibly a list). */
  forces: Record<string, unknown>;
}

/** Bad configuration; the message names the JSON path. */
export class RunConfigError extends Error {
  constructor(
    readonly fileName: string,
    readonly path: string,
    reason: string,
  ) {
    super(`${fileName || '<config>'}: ${path}: ${reason}`);
    this.name = 'RunConfigError';
  }
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parse and check the configuration text (the force models themselves are checked by buildForceModels). */
export function parseRunConfig(text: string, fileName = ''): RunConfig {
  let doc: unknown;
  // Deep nesting parses, then overflows the stack when an error message quotes the value.
  if (jsonDepthExceededAt(text, 32) >= 0) throw new RunConfigError(fileName, '(document)', 'nests deeper than 32 levels');
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new RunConfigError(fileName, '(document)', `is not valid JSON: ${(e as Error).message}`);
  }
  const fail = (path: string, reason: string): never => {
    throw new RunConfigError(fileName, path, reason);
  };
  if (!isObject(doc)) return fail('(document)', 'must be a JSON object with a "forces" member');
  for (const key of Object.keys(doc)) {
    if (!['comment', 'spacecraft', 'integrator', 'forces'].includes(key)) fail(key, 'unknown key (allowed: comment, spacecraft, integrator, forces)');
  }
  if (!isObject(doc.forces)) fail('forces', 'must be an object, e.g. { "gravity": { "model": "j2" } }');
  let massKg: number | undefined;
  if (doc.spacecraft !== undefined) {
    const sc = doc.spacecraft;
    if (!isObject(sc)) return fail('spacecraft', 'must be an object { "massKg": … }');
    for (const key of Object.keys(sc)) if (!['massKg', 'source', 'comment'].includes(key)) fail(`spacecraft.${key}`, 'unknown key (allowed: massKg, source, comment)');
    if (sc.massKg !== undefined) {
      if (typeof sc.massKg !== 'number' || !(sc.massKg > 0) || !Number.isFinite(sc.massKg)) fail('spacecraft.massKg', `must be a number > 0, got ${JSON.stringify(sc.massKg)}`);
      // 1e8 kg is 200 times the ISS (about 450 t): beyond it the input is a typo, not a spacecraft.
      if ((sc.massKg as number) > 1e8) fail('spacecraft.massKg', `must be ≤ 1e8 kg, got ${sc.massKg}`);
      massKg = sc.massKg as number;
    }
  }
  const integrator: RunConfig['integrator'] = { method: 'dop853' };
  if (doc.integrator !== undefined) {
    const it = doc.integrator;
    if (!isObject(it)) return fail('integrator', 'must be an object');
    for (const key of Object.keys(it)) {
      if (!['method', 'rtol', 'atol', 'stepS', 'maxStepS', 'comment'].includes(key)) fail(`integrator.${key}`, 'unknown key (allowed: method, rtol, atol, stepS, maxStepS)');
    }
    if (it.method !== undefined) {
      if (it.method !== 'dop853' && it.method !== 'dp54' && it.method !== 'rk4') fail('integrator.method', `must be "dop853", "dp54" or "rk4", got ${JSON.stringify(it.method)}`);
      integrator.method = it.method as IntegratorName;
    }
    const positive = (key: 'rtol' | 'stepS' | 'maxStepS', max = Infinity): number | undefined => {
      const v = it[key];
      if (v === undefined) return undefined;
      if (typeof v !== 'number' || !(v > 0) || !(v <= max)) fail(`integrator.${key}`, `must be a number in (0, ${max}], got ${JSON.stringify(v)}`);
      return v as number;
    };
    integrator.rtol = positive('rtol', 1e-3);
    if (integrator.rtol !== undefined && integrator.rtol < 1e-14) fail('integrator.rtol', `must be ≥ 1e-14 (double precision), got ${integrator.rtol}`);
    integrator.stepS = positive('stepS');
    integrator.maxStepS = positive('maxStepS');
    if (it.atol !== undefined) {
      const a = it.atol;
      const ok = (x: unknown): boolean => typeof x === 'number' && x > 0 && Number.isFinite(x);
      if (typeof a === 'number' ? !ok(a) : !(Array.isArray(a) && (a.length === 2 || a.length === 3) && a.every(ok))) {
        fail('integrator.atol', `must be a number > 0 or [position m, velocity m/s, (mass kg)], got ${JSON.stringify(a)}`);
      }
      integrator.atol = a as number | number[];
    }
  }
  const forces = doc.forces as Json;
  if (isObject(forces.gravity) && Array.isArray(forces.gravity.model)) {
    const list = forces.gravity.model;
    if (list.length === 0 || !list.every((x) => typeof x === 'string' && x !== '')) fail('forces.gravity.model', 'a list must hold gravity file names');
  }
  return { massKg, integrator, forces };
}

/** Names of built-in gravity models (no file needed). */
export const BUILTIN_GRAVITY_MODELS: readonly string[] = ['point-mass', 'j2', 'zonal'];

/** Gravity file names the configuration may use (one entry, or the candidate list); [] for built-ins. */
export function gravityFileCandidates(config: RunConfig): string[] {
  const g = config.forces.gravity;
  if (!isObject(g)) return [];
  const model = g.model;
  if (typeof model === 'string') return BUILTIN_GRAVITY_MODELS.includes(model) ? [] : [model];
  return Array.isArray(model) ? (model as string[]) : [];
}

/** The configuration with gravity.model set to the chosen file (a copy). */
export function withGravityFile(config: RunConfig, fileName: string): RunConfig {
  const gravity = { ...(config.forces.gravity as Json), model: fileName };
  return { ...config, forces: { ...config.forces, gravity } };
}

/** The atmosphere named by forces.drag.atmosphere, if any. */
export function dragAtmosphereName(config: RunConfig): string | undefined {
  const d = config.forces.drag;
  return isObject(d) && typeof d.atmosphere === 'string' ? d.atmosphere : undefined;
}
