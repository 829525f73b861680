/**
 * Initial states for the numerical propagator: from mean elements through SGP4 (TEME → GCRF by the
 * FK5 reduction, frames/fk5.ts), or from an OPM-like JSON state
 *   { "epoch": ISO UTC, "frame": "GCRF" | "TEME" | "ITRF", "r_km": [x, y, z], "v_km_s": [vx, vy, vz], "mass_kg": m }
 * (JSON so that it can be written by hand; a full CCSDS OPM reader can come later).
 *
 * Note on SGP4 states: SGP4 gives an osculating-like state of a *mean* element theory; used as an
 * initial condition for a numerical run it carries SGP4's own error at that epoch (~1 km for a
 * fresh ISS element set), so a numerical run and SGP4 will part by a few km a day.
 */
import { earthOrientation } from '../../foundation/frames/earthOrientation.js';
import { itrfToGcrfInto } from '../../foundation/frames/fk5.js';
import { fk5Matrices } from '../../foundation/frames/fk5.js';
import { mulVec } from '../../foundation/frames/mat3.js';
import { jsonDepthExceededAt } from '../../foundation/formats/jsonDepth.js';
import type { MeanElements } from '../../foundation/formats/meanElements.js';
import { Epoch } from '../../foundation/time/epoch.js';
import type { EopSource } from '../../foundation/time/eop.js';
import { Sgp4Propagator } from '../sgp4/sgp4Propagator.js';
import type { OrbitState } from './numericalPropagator.js';

export type StateFrame = 'GCRF' | 'TEME' | 'ITRF';
export const STATE_FRAMES: readonly StateFrame[] = ['GCRF', 'TEME', 'ITRF'];

/** A state read from the JSON state file, before conversion to GCRF. */
export interface StateFileContent {
  epoch: Epoch;
  frame: StateFrame;
  rM: Float64Array;
  vMps: Float64Array;
  massKg: number;
  /** Optional `object_name` and `object_id` (for OEM metadata). */
  objectName?: string;
  objectId?: string;
}

/** A bad state file: the message names the field. */
export class StateFileError extends Error {
  constructor(
    readonly fileName: string,
    readonly field: string,
    reason: string,
  ) {
    super(`${fileName || '<state>'}: field ${field}: ${reason}`);
    this.name = 'StateFileError';
  }
}

/** Parse and validate the JSON state text; throws {@link StateFileError} naming the field. */
export function parseStateFile(text: string, fileName = ''): StateFileContent {
  let doc: unknown;
  // Deep nesting parses, then overflows the stack when an error message quotes the value.
  if (jsonDepthExceededAt(text, 32) >= 0) throw new StateFileError(fileName, '(document)', 'nests deeper than 32 levels');
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new StateFileError(fileName, '(document)', `is not valid JSON: ${(e as Error).message}`);
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new StateFileError(fileName, '(document)', 'must be a JSON object { epoch, frame, r_km, v_km_s, mass_kg }');
  }
  const o = doc as Record<string, unknown>;
  const fail = (field: string, reason: string): never => {
    throw new StateFileError(fileName, field, reason);
  };
  const known = new Set(['epoch', 'frame', 'r_km', 'v_km_s', 'mass_kg', 'comment', 'object_name', 'object_id']);
  for (const key of Object.keys(o)) if (!known.has(key)) fail(key, `is not a known field (expected ${[...known].join(', ')})`);

  if (typeof o.epoch !== 'string') fail('epoch', `must be an ISO 8601 UTC string, got ${JSON.stringify(o.epoch)}`);
  let epoch: Epoch;
  try {
    epoch = Epoch.fromIso(o.epoch as string);
  } catch (e) {
    return fail('epoch', (e as Error).message);
  }
  const frame = typeof o.frame === 'string' ? o.frame.toUpperCase() : o.frame;
  if (!STATE_FRAMES.includes(frame as StateFrame)) fail('frame', `must be one of ${STATE_FRAMES.join(', ')}, got ${JSON.stringify(o.frame)}`);
  const vec = (field: string): Float64Array => {
    const v = o[field];
    if (!Array.isArray(v) || v.length !== 3) fail(field, `must be an array of 3 numbers, got ${JSON.stringify(v)}`);
    const arr = v as unknown[];
    const out = new Float64Array(3);
    for (let i = 0; i < 3; i++) {
      if (typeof arr[i] !== 'number' || !Number.isFinite(arr[i])) fail(`${field}[${i}]`, `must be a finite number, got ${JSON.stringify(arr[i])}`);
      out[i] = (arr[i] as number) * 1e3;
    }
    return out;
  };
  const rM = vec('r_km');
  const vMps = vec('v_km_s');
  const rKm = Math.hypot(rM[0], rM[1], rM[2]) / 1e3;
  if (rKm < 6000) fail('r_km', `is ${rKm.toFixed(1)} km from the geocentre (inside the Earth; is it in km?)`);
  if (rKm > 2e6) fail('r_km', `is ${rKm.toExponential(3)} km from the geocentre (far beyond the Moon; is it in metres?)`);
  const vKmS = Math.hypot(vMps[0], vMps[1], vMps[2]) / 1e3;
  if (vKmS > 20) fail('v_km_s', `has magnitude ${vKmS.toFixed(1)} km/s (faster than escape from LEO; is it in km/s?)`);
  if (typeof o.mass_kg !== 'number' || !(o.mass_kg > 0) || !Number.isFinite(o.mass_kg)) {
    fail('mass_kg', `must be a number > 0, got ${JSON.stringify(o.mass_kg)}`);
  }
  const optionalText = (field: string): string | undefined => {
    const v = o[field];
    if (v === undefined) return undefined;
    if (typeof v !== 'string') return fail(field, `must be a string, got ${JSON.stringify(v)}`);
    return v;
  };
  const objectName = optionalText('object_name');
  const objectId = optionalText('object_id');
  // 'comment' is free (a string or lines) and ignored.
  return {
    epoch: epoch!,
    frame: frame as StateFrame,
    rM,
    vMps,
    massKg: o.mass_kg as number,
    ...(objectName !== undefined ? { objectName } : {}),
    ...(objectId !== undefined ? { objectId } : {}),
  };
}

/** Convert a state in GCRF, TEME or ITRF (velocity Earth-fixed for ITRF) to a GCRF {@link OrbitState}. */
export function stateToGcrf(s: StateFileContent, eop?: EopSource): OrbitState {
  const r = new Float64Array(3);
  const v = new Float64Array(3);
  if (s.frame === 'GCRF') {
    r.set(s.rM);
    v.set(s.vMps);
  } else if (s.frame === 'TEME') {
    const m = fk5Matrices(earthOrientation(s.epoch, eop)).temeToGcrf;
    mulVec(m, s.rM, r);
    mulVec(m, s.vMps, v);
  } else {
    itrfToGcrfInto(s.epoch, s.rM, s.vMps, r, v, eop);
  }
  return { epoch: s.epoch, rGcrfM: r, vGcrfMps: v, massKg: s.massKg };
}

/**
 * GCRF state from mean elements (TLE/OMM) through SGP4 at `epoch` (default: the element epoch).
 * @throws Sgp4Error when SGP4 fails there.
 */
export function stateFromMeanElements(elements: MeanElements, massKg: number, eop?: EopSource, epoch?: Epoch): OrbitState {
  const sgp4 = Sgp4Propagator.fromElements(elements);
  const at = epoch ?? sgp4.epoch;
  const teme = sgp4.propagate(at);
  const rTeme = new Float64Array([teme[0] * 1e3, teme[1] * 1e3, teme[2] * 1e3]);
  const vTeme = new Float64Array([teme[3] * 1e3, teme[4] * 1e3, teme[5] * 1e3]);
  return stateToGcrf({ epoch: at, frame: 'TEME', rM: rTeme, vMps: vTeme, massKg }, eop);
}
