/**
 * The deployment configuration as users write it (JSON, snake_case, SI-with-units names), checked
 * field by field with one-line reasons; shared by `stationkeeper deploy` and the server job.
 */
import { parseTle } from '../../foundation/formats/tle.js';
import { Epoch } from '../../foundation/time/epoch.js';
import type { DeploymentConfig } from './deployment.js';

/** A bad configuration field; the message names it and its value. */
export class DeploymentConfigError extends Error {
  override name = 'DeploymentConfigError';
}

const NUMBER_FIELDS = {
  altitude_km: [150, 3000],
  // Clear of 0 and 180, where the node is undefined: a normal Δv of up to 50 m/s tilts each plane by
  // up to 0.38° (50 / 7,600 m/s rad), and 5e-324° gave satellites a NaN RAAN (fuzz find, issue 19).
  inclination_deg: [1, 179],
  raan_deg: [0, 360],
  arg_latitude_deg: [0, 360],
  satellites: [1, 500],
  per_event: [1, 500],
  event_interval_s: [0, 86400],
  delta_v_step_m_s: [-50, 50],
  spread_delta_v_m_s: [0, 50],
  bstar: [-1, 1],
  duration_days: [0.01, 120],
  threshold_km: [0.01, 100],
  sample_step_s: [60, 86400],
} as const;

type NumberField = keyof typeof NUMBER_FIELDS;
const OPTIONAL: Partial<Record<NumberField, number>> = { arg_latitude_deg: 0, threshold_km: 5, sample_step_s: 3600, spread_delta_v_m_s: 0 };

function num(o: Record<string, unknown>, key: NumberField): number {
  const v = o[key] ?? OPTIONAL[key];
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new DeploymentConfigError(`${key} must be a number, got ${JSON.stringify(v ?? null)}`);
  const [min, max] = NUMBER_FIELDS[key];
  if (v < min || v > max) throw new DeploymentConfigError(`${key} must be between ${min} and ${max}, got ${v}`);
  return v;
}

function epoch(o: Record<string, unknown>, key: string): Epoch {
  const v = o[key];
  if (typeof v !== 'string') throw new DeploymentConfigError(`${key} must be an ISO 8601 UTC time, got ${JSON.stringify(v ?? null)}`);
  try {
    return Epoch.fromIso(v);
  } catch {
    throw new DeploymentConfigError(`${key} must be an ISO 8601 UTC time such as 2022-03-05T01:41:00Z, got ${JSON.stringify(v)}`);
  }
}

function station(o: Record<string, unknown>): DeploymentConfig['station'] {
  const v = o.station_tle;
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || v.length < 2 || v.length > 3 || !v.every((l) => typeof l === 'string')) {
    throw new DeploymentConfigError('station_tle must be the two (or three, with a name) lines of a TLE');
  }
  const parsed = parseTle(v.join('\n'));
  if (parsed.records.length !== 1) throw new DeploymentConfigError(`station_tle: ${parsed.errors[0]?.message ?? 'not one element set'}`);
  return parsed.records[0];
}

const KNOWN = new Set([...Object.keys(NUMBER_FIELDS), 'release_utc', 'station_tle', 'name_prefix']);

/** Check and convert a parsed JSON configuration. */
export function parseDeploymentConfig(json: unknown): DeploymentConfig {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new DeploymentConfigError('the configuration must be a JSON object');
  const o = json as Record<string, unknown>;
  const unknown = Object.keys(o).find((k) => !KNOWN.has(k));
  if (unknown !== undefined) throw new DeploymentConfigError(`unknown field ${JSON.stringify(unknown)}`);
  for (const k of ['satellites', 'per_event'] as const) {
    if (!Number.isInteger(o[k])) throw new DeploymentConfigError(`${k} must be a whole number, got ${JSON.stringify(o[k] ?? null)}`);
  }
  const prefix = o.name_prefix ?? 'SAT';
  if (typeof prefix !== 'string' || !/^[A-Za-z0-9 _-]{1,20}$/.test(prefix)) throw new DeploymentConfigError('name_prefix must be 1 to 20 letters, digits, spaces, - or _');
  const inclinationDeg = num(o, 'inclination_deg');
  return {
    releaseEpoch: epoch(o, 'release_utc'),
    altitudeKm: num(o, 'altitude_km'),
    inclinationDeg,
    raanDeg: num(o, 'raan_deg'),
    argLatitudeDeg: num(o, 'arg_latitude_deg'),
    satellites: num(o, 'satellites'),
    perEvent: num(o, 'per_event'),
    eventIntervalS: num(o, 'event_interval_s'),
    deltaVStepMps: num(o, 'delta_v_step_m_s'),
    spreadDeltaVMps: num(o, 'spread_delta_v_m_s'),
    bstar: num(o, 'bstar'),
    durationDays: num(o, 'duration_days'),
    thresholdKm: num(o, 'threshold_km'),
    sampleStepS: num(o, 'sample_step_s'),
    station: station(o),
    namePrefix: prefix,
  };
}
