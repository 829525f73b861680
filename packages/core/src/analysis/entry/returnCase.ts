/**
 * A crew-return case file (YAML): the station's elements, the vehicle, the burn, an optional Monte
 * Carlo and what was published, for worked examples (examples/return/*.yaml) that run offline.
 * Every problem is one line naming the field: `burn.delta_v_m_s: must be a number > 0, got "x"`.
 */
import { parseDocument, YAMLParseError } from 'yaml';
import { parseElements } from '../../foundation/formats/elements.js';
import { jsonDepthExceededAt } from '../../foundation/formats/jsonDepth.js';
import type { MeanElements } from '../../foundation/formats/meanElements.js';
import { Epoch } from '../../foundation/time/epoch.js';
import type { DescentMode } from './landing.js';
import { ENTRY_VEHICLE_IDS } from './vehicles.js';

export interface ReturnCase {
  name: string;
  vehicleId: string;
  descent: Exclude<DescentMode, 'fixed'>;
  elements: MeanElements;
  /** Undocking time: the landing then flies the departure from the station (absent: starts from the station at the burn). */
  undockingEpoch?: Epoch;
  burnEpoch: Epoch;
  deltaVMps: number;
  burnDurationS?: number;
  monteCarlo?: { members: number; seed: number };
  published?: { landingEpoch?: Epoch; place?: string; source?: string };
}

export class ReturnCaseError extends Error {
  override name = 'ReturnCaseError';
}

type Raw = Record<string, unknown>;

function fail(source: string, path: string, message: string, value?: unknown): never {
  throw new ReturnCaseError(`${source}: ${path}: ${message}${value === undefined ? '' : `, got ${JSON.stringify(value)}`}`);
}

function obj(source: string, path: string, v: unknown): Raw {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) fail(source, path, 'must be a mapping', v);
  return v as Raw;
}

function str(source: string, path: string, v: unknown): string {
  if (typeof v !== 'string' || v.trim() === '') fail(source, path, 'must be a non-empty text', v);
  return v as string;
}

function positive(source: string, path: string, v: unknown, max: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0 || v > max) fail(source, path, `must be a number > 0 and ≤ ${max}`, v);
  return v as number;
}

function epoch(source: string, path: string, v: unknown): Epoch {
  // YAML may read an unquoted timestamp as a Date: accept its ISO text.
  const text = v instanceof Date ? v.toISOString() : v;
  try {
    return Epoch.fromIso(str(source, path, text));
  } catch (e) {
    if (e instanceof ReturnCaseError) throw e;
    return fail(source, path, 'must be an ISO 8601 UTC time', text);
  }
}

/** Bounds on a case file's text (the shipped example is 1.2 kB, flow depth 0). */
const MAX_CASE_CHARS = 8192;
const MAX_FLOW_DEPTH = 8;

/**
 * The YAML text as plain data. logLevel 'silent': the library would otherwise print a warning per
 * unresolved tag on the console; an unknown tag (`!foo 3`) is refused here instead, in one line,
 * since reading it as text would silently change what the author meant.
 */
function readYaml(text: string, source: string): unknown {
  // The YAML library is superlinear on broken text (46 kB took 8.2 s, 21 kB 1.7 s: fuzz finds) and
  // recurses on flow nesting: a case file is about 1 kB with no flow collection, so bound both first.
  if (text.length > MAX_CASE_CHARS) fail(source, 'file', `the text is ${text.length} characters long; a case file may have at most ${MAX_CASE_CHARS}`);
  const deep = jsonDepthExceededAt(text, MAX_FLOW_DEPTH);
  if (deep >= 0) fail(source, `line ${text.slice(0, deep).split('\n').length}`, `brackets nest deeper than ${MAX_FLOW_DEPTH} levels`);
  const doc = parseDocument(text, { uniqueKeys: true, logLevel: 'silent' });
  if (doc.errors.length > 0) throw doc.errors[0];
  const tag = doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (tag) {
    const pos = tag.linePos?.[0];
    fail(source, pos ? `line ${pos.line}` : 'file', `unknown YAML tag: ${tag.message.split('\n')[0]}`);
  }
  return doc.toJS();
}

/** Parse and check a return case; `source` names the file in errors. */
export function parseReturnCase(text: string, source = 'case'): ReturnCase {
  let raw: unknown;
  try {
    raw = readYaml(text, source);
  } catch (e) {
    if (e instanceof ReturnCaseError) throw e;
    const pos = e instanceof YAMLParseError ? e.linePos?.[0] : undefined;
    // The yaml package also throws plain errors (e.g. an unresolved *alias): all are bad input here.
    fail(source, pos ? `line ${pos.line}` : 'file', `not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  const r = obj(source, 'file', raw);
  for (const k of Object.keys(r)) {
    // JSON-quoted: a YAML key may be any text, newlines included; the message stays one line.
    if (!['name', 'vehicle', 'descent', 'elements', 'undocking_utc', 'burn', 'monte_carlo', 'published'].includes(k)) fail(source, JSON.stringify(k), 'unknown field');
  }
  const vehicleId = str(source, 'vehicle', r.vehicle);
  if (!ENTRY_VEHICLE_IDS.includes(vehicleId)) fail(source, 'vehicle', `must be one of ${ENTRY_VEHICLE_IDS.join(', ')}`, vehicleId);
  const descent = r.descent === undefined ? 'guided' : str(source, 'descent', r.descent);
  if (descent !== 'guided' && descent !== 'ballistic') fail(source, 'descent', 'must be guided or ballistic', descent);
  const parsed = parseElements(str(source, 'elements', r.elements));
  if (parsed.records.length === 0) fail(source, 'elements', `no element set could be read${parsed.errors[0] ? ` (${(parsed.errors[0] as Error).message})` : ''}`);
  const burn = obj(source, 'burn', r.burn);
  const out: ReturnCase = {
    name: str(source, 'name', r.name),
    vehicleId,
    descent,
    elements: parsed.records[parsed.records.length - 1],
    undockingEpoch: r.undocking_utc === undefined ? undefined : epoch(source, 'undocking_utc', r.undocking_utc),
    burnEpoch: epoch(source, 'burn.utc', burn.utc),
    deltaVMps: positive(source, 'burn.delta_v_m_s', burn.delta_v_m_s, 1000),
    burnDurationS: burn.duration_s === undefined ? undefined : positive(source, 'burn.duration_s', burn.duration_s, 7200),
  };
  if (r.monte_carlo !== undefined) {
    const mc = obj(source, 'monte_carlo', r.monte_carlo);
    const members = positive(source, 'monte_carlo.members', mc.members, 100000);
    const seed = mc.seed ?? 1;
    if (!Number.isInteger(members)) fail(source, 'monte_carlo.members', 'must be a whole number', members);
    if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0) fail(source, 'monte_carlo.seed', 'must be a whole number ≥ 0', seed);
    out.monteCarlo = { members, seed };
  }
  if (r.published !== undefined) {
    const p = obj(source, 'published', r.published);
    out.published = {
      landingEpoch: p.landing_utc === undefined ? undefined : epoch(source, 'published.landing_utc', p.landing_utc),
      place: p.place === undefined ? undefined : str(source, 'published.place', p.place),
      source: p.source === undefined ? undefined : str(source, 'published.source', p.source),
    };
  }
  return out;
}
