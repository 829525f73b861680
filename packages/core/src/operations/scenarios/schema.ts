/**
 * JSON Schema (draft 2020-12) of a scenario file, and a small validator for the subset it uses
 * (type, properties, required, additionalProperties: false, enum, const, minimum/maximum,
 * exclusiveMinimum, minItems, items, format "date", and oneOf chosen by a "type" const), so the
 * errors name the exact path: `events[3].date: not a date (expected YYYY-MM-DD or an ISO 8601 UTC time)`.
 * The server can hand the same schema to its own validator.
 */
import { Epoch } from '../../foundation/time/epoch.js';

type Schema = Record<string, unknown>;

const date = { type: 'string', format: 'date', description: 'YYYY-MM-DD or ISO 8601 UTC time' };
const positive = { type: 'number', exclusiveMinimum: 0 };
const nonNegative = { type: 'number', minimum: 0 };
const id = { type: 'string', minLength: 1 };
const partnerList = { type: 'array', items: id };

const vehicleSchema: Schema = {
  type: 'object',
  description: 'A catalog vehicle to override (by id) or a new one (all fields but the citations required).',
  required: ['id'],
  additionalProperties: false,
  properties: {
    id,
    name: { type: 'string' },
    partner: id,
    role: { enum: ['cargo', 'module', 'deorbit'] },
    reboost_thrust_n: positive,
    isp_s: positive,
    reboost_propellant_kg: nonNegative,
    transfer_propellant_kg: nonNegative,
    docked_days: positive,
  },
};

const eventSchemas: Schema[] = [
  {
    type: 'object',
    required: ['type', 'date', 'vehicle'],
    additionalProperties: false,
    properties: {
      type: { const: 'arrival' },
      date,
      vehicle: id,
      name: { type: 'string' },
      reboost_propellant_kg: nonNegative,
      transfer_propellant_kg: nonNegative,
      docked_days: positive,
    },
  },
  {
    type: 'object',
    description: 'Arrivals repeated from `from` to `until`, `per_year` of them or one every `every_days`.',
    required: ['type', 'from', 'until', 'vehicle'],
    additionalProperties: false,
    properties: {
      type: { const: 'recurring-arrival' },
      from: date,
      until: date,
      vehicle: id,
      name: { type: 'string' },
      per_year: positive,
      every_days: positive,
      reboost_propellant_kg: nonNegative,
      transfer_propellant_kg: nonNegative,
      docked_days: positive,
    },
  },
  {
    type: 'object',
    required: ['type', 'date', 'partner'],
    additionalProperties: false,
    properties: { type: { const: 'partner-withdrawal' }, date, partner: id, note: { type: 'string' } },
  },
  {
    type: 'object',
    required: ['type', 'date', 'partner'],
    additionalProperties: false,
    properties: { type: { const: 'partner-return' }, date, partner: id, note: { type: 'string' } },
  },
  {
    type: 'object',
    required: ['type', 'date', 'vehicle'],
    additionalProperties: false,
    properties: { type: { const: 'vehicle-grounded' }, date, until: date, vehicle: id, note: { type: 'string' } },
  },
  {
    type: 'object',
    required: ['type', 'date', 'delta_v_m_s'],
    additionalProperties: false,
    properties: {
      type: { const: 'debris-avoidance' },
      date,
      delta_v_m_s: { type: 'number', minimum: -5, maximum: 5 },
      name: { type: 'string' },
    },
  },
];

export const SCENARIO_JSON_SCHEMA: Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://stationkeeper.dev/schemas/scenario.json',
  title: 'stationkeeper scenario',
  type: 'object',
  required: ['name', 'start', 'end', 'orbit', 'policy'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1 },
    description: { type: 'string' },
    start: date,
    end: date,
    orbit: {
      type: 'object',
      required: ['mean_altitude_km'],
      additionalProperties: false,
      properties: {
        mean_altitude_km: { type: 'number', minimum: 150, maximum: 2000 },
        inclination_deg: { type: 'number', minimum: 0, maximum: 180 },
        raan_deg: { type: 'number', minimum: -360, maximum: 360 },
        eccentricity: { type: 'number', minimum: 0, maximum: 0.1 },
      },
    },
    station: {
      type: 'object',
      additionalProperties: false,
      properties: {
        name: { type: 'string' },
        mass_kg: positive,
        drag_area_m2: positive,
        drag_coefficient: positive,
        desaturation_vehicles: { type: 'array', maxItems: 20, items: { type: 'string', maxLength: 64 } },
        capabilities: {
          type: 'object',
          additionalProperties: false,
          properties: {
            propulsion: partnerList,
            'attitude-control': partnerList,
            'crew-transport': partnerList,
            cargo: partnerList,
          },
        },
      },
    },
    vehicles: { type: 'array', items: vehicleSchema },
    initial_propellant: {
      type: 'array',
      items: {
        type: 'object',
        required: ['vehicle', 'propellant_kg'],
        additionalProperties: false,
        properties: { vehicle: id, propellant_kg: nonNegative },
      },
    },
    policy: {
      type: 'object',
      required: ['min_altitude_km', 'max_altitude_km', 'vehicle_priority'],
      additionalProperties: false,
      properties: {
        min_altitude_km: { type: 'number', minimum: 150, maximum: 2000 },
        max_altitude_km: { type: 'number', minimum: 150, maximum: 2000 },
        max_delta_v_per_burn_m_s: { type: 'number', exclusiveMinimum: 0, maximum: 50 },
        vehicle_priority: { type: 'array', minItems: 1, items: id },
        targets: {
          type: 'array',
          items: {
            type: 'object',
            required: ['date', 'altitude_km'],
            additionalProperties: false,
            properties: { date, altitude_km: { type: 'number', minimum: 150, maximum: 2000 }, lead_days: { type: 'number', minimum: 1, maximum: 60 } },
          },
        },
      },
    },
    space_weather: {
      oneOf: [
        { enum: ['forecast', 'model'] },
        {
          type: 'object',
          required: ['f107', 'ap'],
          additionalProperties: false,
          properties: { f107: { type: 'number', minimum: 50, maximum: 400 }, ap: { type: 'number', minimum: 0, maximum: 400 } },
        },
      ],
    },
    reentry_handover_altitude_km: { type: 'number', minimum: 120, maximum: 400 },
    events: { type: 'array', items: { oneOf: eventSchemas } },
  },
};

export interface SchemaIssue {
  path: string;
  message: string;
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'an integer' : 'a number';
  return `a ${typeof v}`;
}

function show(v: unknown): string {
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v); // JSON writes NaN as null
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 40 ? s.slice(0, 37) + '…' : s;
}

function join(path: string, key: string | number): string {
  return typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;
}

/** True when `text` is a date/time Epoch.fromIso accepts. */
export function isDateText(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  try {
    Epoch.fromIso(v);
    return true;
  } catch {
    return false;
  }
}

/** Validate `value` against `schema` (the subset above); push one issue per problem found. */
export function validateAgainstSchema(value: unknown, schema: Schema, path: string, issues: SchemaIssue[]): void {
  const where = path || '(top level)';
  if ('oneOf' in schema) {
    const options = schema.oneOf as Schema[];
    // A discriminated union: pick the branch whose "type" const matches.
    const consts = options.map((o) => ((o.properties as Record<string, Schema> | undefined)?.type?.const as string | undefined));
    if (consts.every((c) => c !== undefined)) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        issues.push({ path: where, message: `must be an object, got ${typeName(value)}` });
        return;
      }
      const t = (value as Record<string, unknown>).type;
      const k = consts.indexOf(t as string);
      if (k < 0) {
        issues.push({ path: join(path, 'type'), message: `must be one of ${consts.join(', ')}, got ${show(t)}` });
        return;
      }
      validateAgainstSchema(value, options[k], path, issues);
      return;
    }
    const trials = options.map((o) => {
      const sub: SchemaIssue[] = [];
      validateAgainstSchema(value, o, path, sub);
      return sub;
    });
    if (trials.some((t) => t.length === 0)) return;
    // Report the branch of the matching kind (object vs not), else the first.
    const best = trials.find((t, i) => (options[i].type === 'object') === (typeof value === 'object' && value !== null)) ?? trials[0];
    issues.push(...best);
    return;
  }
  if ('const' in schema && value !== schema.const) {
    issues.push({ path: where, message: `must be ${show(schema.const)}, got ${show(value)}` });
    return;
  }
  if ('enum' in schema && !(schema.enum as unknown[]).includes(value)) {
    issues.push({ path: where, message: `must be one of ${(schema.enum as unknown[]).map(show).join(', ')}, got ${show(value)}` });
    return;
  }
  switch (schema.type) {
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        issues.push({ path: where, message: `must be an object, got ${typeName(value)}` });
        return;
      }
      const obj = value as Record<string, unknown>;
      const props = (schema.properties ?? {}) as Record<string, Schema>;
      for (const r of (schema.required ?? []) as string[]) if (!(r in obj) || obj[r] === undefined || obj[r] === null) issues.push({ path: join(path, r), message: 'is required' });
      for (const [k, v] of Object.entries(obj)) {
        if (v === undefined || v === null) {
          if (!((schema.required as string[] | undefined) ?? []).includes(k) && k in props) continue;
        }
        if (!(k in props)) {
          if (schema.additionalProperties === false) {
            issues.push({ path: join(path, k), message: `unknown field (expected one of ${Object.keys(props).join(', ')})` });
          }
          continue;
        }
        if (v !== undefined && v !== null) validateAgainstSchema(v, props[k], join(path, k), issues);
      }
      return;
    }
    case 'array': {
      if (!Array.isArray(value)) {
        issues.push({ path: where, message: `must be a list, got ${typeName(value)}` });
        return;
      }
      if (typeof schema.minItems === 'number' && value.length < schema.minItems) issues.push({ path: where, message: `must have at least ${schema.minItems} item(s)` });
      if (schema.items) value.forEach((item, i) => validateAgainstSchema(item, schema.items as Schema, join(path, i), issues));
      return;
    }
    case 'string': {
      if (schema.format === 'date') {
        // YAML turns a bare 2022-04-02 into a Date before we see it; the loader keeps strings.
        if (!isDateText(value)) issues.push({ path: where, message: `not a date: ${show(value)} (expected YYYY-MM-DD or an ISO 8601 UTC time)` });
        return;
      }
      if (typeof value !== 'string') issues.push({ path: where, message: `must be a string, got ${typeName(value)}` });
      else if (typeof schema.minLength === 'number' && value.length < schema.minLength) issues.push({ path: where, message: 'must not be empty' });
      return;
    }
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        issues.push({ path: where, message: `must be a number, got ${typeName(value)} ${show(value)}` });
        return;
      }
      if (typeof schema.minimum === 'number' && value < schema.minimum) issues.push({ path: where, message: `must be ≥ ${schema.minimum}, got ${value}` });
      if (typeof schema.maximum === 'number' && value > schema.maximum) issues.push({ path: where, message: `must be ≤ ${schema.maximum}, got ${value}` });
      if (typeof schema.exclusiveMinimum === 'number' && value <= schema.exclusiveMinimum) issues.push({ path: where, message: `must be > ${schema.exclusiveMinimum}, got ${value}` });
      return;
    }
    default:
      return;
  }
}
