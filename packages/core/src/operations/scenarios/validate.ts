/**
 * Scenario file text → validated Scenario. Two passes: the JSON Schema (shape, types, ranges:
 * schema.ts) and the meaning (end after start, band min < max, vehicles that exist, priorities
 * that name vehicles). Every problem is reported with its path, all at once.
 */
import { catalogVehicle, VEHICLE_CATALOG, type VehicleSpec } from '../../models/maneuvers/vehicles.js';
import { ISS_STATION, type Capability, type StationModel } from '../../models/spacecraft/station.js';
import { Epoch } from '../../foundation/time/epoch.js';
import { SCENARIO_JSON_SCHEMA, validateAgainstSchema, type SchemaIssue } from './schema.js';
import { readScenarioYaml } from './scenarioYaml.js';
import type { AltitudeTarget, Scenario, ScenarioEvent, SpaceWeatherChoice } from './types.js';
import { RAD_PER_DEG } from '../../foundation/math/angles.js';

const KM = 1000;

export class ScenarioError extends Error {
  constructor(
    readonly issues: readonly SchemaIssue[],
    readonly source = 'scenario',
  ) {
    // One line, every problem in it: the CLI prints the first line of a message.
    super(`${source}: ${issues.length} problem${issues.length === 1 ? '' : 's'}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    this.name = 'ScenarioError';
  }
}

/** Parse YAML or JSON text (JSON is YAML) and validate it. `source` names the file in errors. */
export function parseScenarioText(text: string, source = 'scenario'): Scenario {
  const read = readScenarioYaml(String(text));
  if (!read.ok) throw new ScenarioError([read.issue], source);
  return validateScenario(read.value, source);
}

/** Longest scenario: the engine simulates day by day, and a crewed station's plan spans decades at most. */
export const MAX_SCENARIO_SPAN_YEARS = 50;
/** Most events after recurring arrivals are expanded (daily arrivals for 50 years are 18,263). */
export const MAX_SCENARIO_EVENTS = 20_000;

type Raw = Record<string, any>;

/** Validate a parsed scenario object (snake_case file form) and convert it. */
export function validateScenario(raw: unknown, source = 'scenario'): Scenario {
  const issues: SchemaIssue[] = [];
  validateAgainstSchema(raw, SCENARIO_JSON_SCHEMA, '', issues);
  if (issues.length) throw new ScenarioError(issues, source);
  const r = raw as Raw;
  const start = Epoch.fromIso(r.start);
  const end = Epoch.fromIso(r.end);
  if (!end.isAfter(start)) issues.push({ path: 'end', message: `must be after start (${r.start}), got ${r.end}` });
  else if (end.secondsSince(start) / 86400 > MAX_SCENARIO_SPAN_YEARS * 365.25) {
    issues.push({ path: 'end', message: `is more than ${MAX_SCENARIO_SPAN_YEARS} years after start (${r.start}), got ${r.end}` });
  }

  // Vehicles: the catalog, then the file's overrides and additions.
  const vehicles: Record<string, VehicleSpec> = {};
  for (const [k, v] of Object.entries(VEHICLE_CATALOG)) vehicles[k] = { ...v, citations: { ...v.citations } };
  (r.vehicles ?? []).forEach((v: Raw, i: number) => {
    const path = `vehicles[${i}]`;
    const base = vehicles[v.id];
    const fields: [string, keyof VehicleSpec][] = [
      ['name', 'name'],
      ['partner', 'partner'],
      ['role', 'role'],
      ['reboost_thrust_n', 'reboostThrustN'],
      ['isp_s', 'ispS'],
      ['reboost_propellant_kg', 'reboostPropellantKg'],
      ['transfer_propellant_kg', 'transferPropellantKg'],
      ['docked_days', 'dockedDays'],
    ];
    if (!base) {
      const missing = ['partner', 'reboost_thrust_n', 'isp_s', 'reboost_propellant_kg'].filter((f) => v[f] === undefined);
      if (missing.length) {
        issues.push({ path, message: `vehicle ${JSON.stringify(v.id)} is not in the catalog (${Object.keys(VEHICLE_CATALOG).join(', ')}), so it needs ${missing.join(', ')}` });
        return;
      }
    }
    const spec: VehicleSpec = base
      ? { ...base, citations: { ...base.citations } }
      : { id: v.id, name: v.id, partner: '', role: 'cargo', reboostThrustN: 0, ispS: 0, reboostPropellantKg: 0, transferPropellantKg: 0, dockedDays: 180, citations: {} };
    for (const [file, field] of fields) {
      if (v[file] === undefined) continue;
      (spec as any)[field] = v[file];
      if (field in spec.citations || base) delete (spec.citations as any)[field];
      if (typeof v[file] === 'number') (spec.citations as any)[field] = { grade: 'EST', source: `scenario file (${source})` };
    }
    vehicles[v.id] = spec;
  });
  const knownVehicle = (id: string, path: string) => {
    if (!vehicles[id]) issues.push({ path, message: `unknown vehicle ${JSON.stringify(id)} (known: ${Object.keys(vehicles).join(', ')})` });
  };

  const s = r.station ?? {};
  const station: StationModel = {
    name: s.name ?? ISS_STATION.name,
    massKg: s.mass_kg ?? ISS_STATION.massKg,
    dragAreaM2: s.drag_area_m2 ?? ISS_STATION.dragAreaM2,
    dragCoefficient: s.drag_coefficient ?? ISS_STATION.dragCoefficient,
    capabilities: { ...ISS_STATION.capabilities, ...(s.capabilities ?? {}) } as Partial<Record<Capability, string[]>>,
    desaturationVehicles: (s.desaturation_vehicles as string[] | undefined) ?? ['zvezda', 'progress-ms'].filter((id) => vehicles[id]),
  };
  (s.desaturation_vehicles ?? []).forEach((v: string, i: number) => knownVehicle(v, `station.desaturation_vehicles[${i}]`));

  const initialPropellantKg: Record<string, number> = {};
  (r.initial_propellant ?? []).forEach((p: Raw, i: number) => {
    knownVehicle(p.vehicle, `initial_propellant[${i}].vehicle`);
    initialPropellantKg[p.vehicle] = (initialPropellantKg[p.vehicle] ?? 0) + p.propellant_kg;
  });

  const p = r.policy;
  if (!(p.max_altitude_km > p.min_altitude_km)) issues.push({ path: 'policy.max_altitude_km', message: `must be above min_altitude_km (${p.min_altitude_km}), got ${p.max_altitude_km}` });
  (p.vehicle_priority as string[]).forEach((v, i) => knownVehicle(v, `policy.vehicle_priority[${i}]`));
  const targets: AltitudeTarget[] = (p.targets ?? []).map((t: Raw) => ({ epoch: Epoch.fromIso(t.date), altitudeM: t.altitude_km * KM, leadDays: t.lead_days ?? 10 }));

  const events: ScenarioEvent[] = [];
  (r.events ?? []).forEach((e: Raw, index: number) => {
    const path = `events[${index}]`;
    switch (e.type) {
      case 'arrival':
        knownVehicle(e.vehicle, `${path}.vehicle`);
        events.push({ kind: 'arrival', epoch: Epoch.fromIso(e.date), vehicle: e.vehicle, name: e.name ?? e.vehicle, reboostPropellantKg: e.reboost_propellant_kg, transferPropellantKg: e.transfer_propellant_kg, dockedDays: e.docked_days, index });
        break;
      case 'recurring-arrival': {
        knownVehicle(e.vehicle, `${path}.vehicle`);
        // An empty `per_year:` is null in YAML: absent, not a number.
        if ((e.per_year == null) === (e.every_days == null)) {
          issues.push({ path, message: 'give exactly one of per_year and every_days' });
          break;
        }
        const from = Epoch.fromIso(e.from);
        const until = Epoch.fromIso(e.until);
        if (!until.isAfter(from)) {
          issues.push({ path: `${path}.until`, message: `must be after from (${e.from}), got ${e.until}` });
          break;
        }
        const stepDays: number = e.every_days ?? 365.25 / e.per_year;
        if (!(stepDays >= 1)) {
          issues.push({ path, message: `more than one arrival a day (every ${stepDays.toFixed(2)} days)` });
          break;
        }
        if (until.secondsSince(from) / 86400 / stepDays > MAX_SCENARIO_EVENTS) {
          issues.push({ path, message: `expands to more than ${MAX_SCENARIO_EVENTS} arrivals` });
          break;
        }
        let k = 0;
        for (let t = from; !t.isAfter(until); t = from.plusDays(++k * stepDays)) {
          events.push({ kind: 'arrival', epoch: t, vehicle: e.vehicle, name: `${e.name ?? e.vehicle} #${k + 1}`, reboostPropellantKg: e.reboost_propellant_kg, transferPropellantKg: e.transfer_propellant_kg, dockedDays: e.docked_days, index });
        }
        break;
      }
      case 'partner-withdrawal':
      case 'partner-return':
        events.push({ kind: e.type, epoch: Epoch.fromIso(e.date), partner: e.partner, index });
        break;
      case 'vehicle-grounded':
        knownVehicle(e.vehicle, `${path}.vehicle`);
        events.push({ kind: 'vehicle-grounded', epoch: Epoch.fromIso(e.date), vehicle: e.vehicle, until: e.until ? Epoch.fromIso(e.until) : undefined, index });
        break;
      case 'debris-avoidance':
        events.push({ kind: 'debris-avoidance', epoch: Epoch.fromIso(e.date), deltaVMps: e.delta_v_m_s, name: e.name ?? 'debris avoidance', index });
        break;
    }
  });
  if (events.length > MAX_SCENARIO_EVENTS) issues.push({ path: 'events', message: `expand to ${events.length} events; at most ${MAX_SCENARIO_EVENTS}` });
  if (issues.length) throw new ScenarioError(issues, source);
  events.sort((a, b) => a.epoch.compare(b.epoch) || a.index - b.index);

  const sw = r.space_weather ?? 'forecast';
  const spaceWeather: SpaceWeatherChoice = typeof sw === 'string' ? { kind: sw as 'forecast' | 'model' } : { kind: 'constant', f107: sw.f107, ap: sw.ap };
  const o = r.orbit;
  return {
    name: r.name,
    description: r.description ?? '',
    start,
    end,
    orbit: { meanAltitudeM: o.mean_altitude_km * KM, inclinationRad: (o.inclination_deg ?? 51.64) * RAD_PER_DEG, raanRad: (o.raan_deg ?? 0) * RAD_PER_DEG, eccentricity: o.eccentricity ?? 0 },
    station,
    vehicles,
    initialPropellantKg,
    policy: {
      minAltitudeM: p.min_altitude_km * KM,
      maxAltitudeM: p.max_altitude_km * KM,
      maxDeltaVPerBurnMps: p.max_delta_v_per_burn_m_s ?? 1,
      vehiclePriority: p.vehicle_priority,
      targets,
    },
    spaceWeather,
    events,
    reentryHandoverAltitudeM: (r.reentry_handover_altitude_km ?? 200) * KM,
  };
}

export { catalogVehicle };
