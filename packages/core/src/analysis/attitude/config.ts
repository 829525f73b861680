/**
 * Station attitude configuration, as the CLI and API take it (JSON):
 *
 *   { "inertia_kg_m2": [[Ixx, Ixy, Ixz], [Ixy, Iyy, Iyz], [Ixz, Iyz, Izz]],
 *     "orbit_rate_rad_s": n  |  "altitude_km": h,
 *     "bias_torque_n_m": [x, y, z] }                       (optional, body axes)
 *   or { "station": "iss-2022", ... }                      (built-in model with aero and solar torques)
 *
 * Optional for both: inclination_deg (51.64), cmgs_active (1–4, default 4), f107 (130), ap (12),
 * drag_coefficient (2.2). Every error names the field and the value.
 */
import { ISS_CMG_ARRAY } from './cmg.js';
import { altitudeForOrbitRateM } from './environment.js';
import { iss2022Thrusters } from './issModel.js';
import { validateInertia } from './inertia.js';
import { DEFAULT_DRAG_COEFFICIENT, iss2022Station, type AttitudeStation } from './station.js';

export interface AttitudeConfig {
  station: AttitudeStation;
  altitudeM: number;
  inclinationRad: number;
  /** True when the built-in surface model (aero + solar torques) is in use. */
  hasSurfaces: boolean;
  f107: number;
  ap: number;
}

const KNOWN = new Set(['inertia_kg_m2', 'orbit_rate_rad_s', 'altitude_km', 'bias_torque_n_m', 'station', 'inclination_deg', 'cmgs_active', 'f107', 'ap', 'drag_coefficient']);

function num(o: Record<string, unknown>, key: string, min: number, max: number, fallback?: number): number {
  const v = o[key];
  if (v === undefined) {
    if (fallback === undefined) throw new RangeError(`${key}: required`);
    return fallback;
  }
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) throw new RangeError(`${key}: must be a number between ${min} and ${max}, got ${JSON.stringify(v)}`);
  return v;
}

function vector3(o: Record<string, unknown>, key: string): [number, number, number] {
  const v = o[key];
  if (v === undefined) return [0, 0, 0];
  if (!Array.isArray(v) || v.length !== 3 || v.some((x) => typeof x !== 'number' || !Number.isFinite(x) || Math.abs(x) > 1e6)) {
    throw new RangeError(`${key}: must be three numbers (N·m, body axes, |value| ≤ 1e6), got ${JSON.stringify(v)}`);
  }
  return v as [number, number, number];
}

export function parseAttitudeConfig(json: unknown): AttitudeConfig {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new RangeError('attitude config: must be a JSON object');
  const o = json as Record<string, unknown>;
  for (const k of Object.keys(o)) if (!KNOWN.has(k)) throw new RangeError(`attitude config: unknown field ${JSON.stringify(k)}`);
  if (o.station !== undefined && o.station !== 'iss-2022') throw new RangeError(`station: unknown station ${JSON.stringify(o.station)} (known: iss-2022)`);
  const builtIn = o.station === 'iss-2022';
  if (!builtIn && o.inertia_kg_m2 === undefined) throw new RangeError('inertia_kg_m2: required (or "station": "iss-2022")');
  if (o.orbit_rate_rad_s !== undefined && o.altitude_km !== undefined) throw new RangeError('orbit_rate_rad_s and altitude_km: give one, not both');
  const altitudeM = o.orbit_rate_rad_s !== undefined
    ? altitudeForOrbitRateM(num(o, 'orbit_rate_rad_s', 1e-4, 1.2e-3))
    : num(o, 'altitude_km', 150, 2000, builtIn ? 415 : undefined) * 1000;
  const base = iss2022Station();
  const active = num(o, 'cmgs_active', 0, 4, 4);
  if (!Number.isInteger(active)) throw new RangeError(`cmgs_active: must be a whole number 0–4, got ${active}`);
  const station: AttitudeStation = builtIn
    ? { ...base, cmg: { ...ISS_CMG_ARRAY, active } }
    : { name: 'configured station', inertia: validateInertia(o.inertia_kg_m2), centreOfMassM: [0, 0, 0], surfaces: [], dragCoefficient: DEFAULT_DRAG_COEFFICIENT, biasTorqueNm: [0, 0, 0], cmg: { ...ISS_CMG_ARRAY, active }, thrusters: iss2022Thrusters() };
  if (builtIn && o.inertia_kg_m2 !== undefined) station.inertia = validateInertia(o.inertia_kg_m2);
  station.biasTorqueNm = vector3(o, 'bias_torque_n_m');
  station.dragCoefficient = num(o, 'drag_coefficient', 0.5, 5, DEFAULT_DRAG_COEFFICIENT);
  return {
    station,
    altitudeM,
    inclinationRad: (num(o, 'inclination_deg', 0, 180, 51.64) * Math.PI) / 180,
    hasSurfaces: builtIn,
    f107: num(o, 'f107', 50, 400, 130),
    ap: num(o, 'ap', 0, 400, 12),
  };
}
