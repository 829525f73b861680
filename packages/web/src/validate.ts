/**
 * Input checks for the place form: each error names the field, the allowed range with its unit,
 * and what was typed, so the user can fix it without guessing.
 */

export interface FieldSpec {
  /** Field name as the user sees it, e.g. "Latitude". */
  label: string;
  unit: string;
  min: number;
  max: number;
  /** Value when the box is left empty; undefined = the field is required. */
  fallback?: number;
  integer?: boolean;
}

export type FieldResult = { ok: true; value: number } | { ok: false; message: string };

/**
 * Parse a number typed by a person: accepts a decimal comma ("48,85"), a leading "+", and
 * surrounding spaces; rejects anything else (units, "N"/"E" letters, several numbers).
 */
export function parseField(raw: string, spec: FieldSpec): FieldResult {
  const text = raw.trim();
  const withUnit = (v: number) => (spec.unit === '°' ? `${v}°` : `${v} ${spec.unit}`);
  if (text === '') {
    if (spec.fallback !== undefined) return { ok: true, value: spec.fallback };
    return { ok: false, message: `${spec.label} is required (${withUnit(spec.min)} to ${withUnit(spec.max)}).` };
  }
  const normalised = text.replace(',', '.');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(normalised)) {
    return { ok: false, message: `${spec.label} must be a number (${spec.unit === '°' ? 'degrees' : spec.unit}), got "${text}".` };
  }
  const value = Number(normalised);
  if (!Number.isFinite(value) || value < spec.min || value > spec.max) {
    return { ok: false, message: `${spec.label} must be between ${withUnit(spec.min)} and ${withUnit(spec.max)}, got ${text}.` };
  }
  if (spec.integer && !Number.isInteger(value)) {
    return { ok: false, message: `${spec.label} must be a whole number of ${spec.unit}, got ${text}.` };
  }
  return { ok: true, value };
}

export const PLACE_FIELDS = {
  lat: { label: 'Latitude', unit: '°', min: -90, max: 90 },
  lon: { label: 'Longitude', unit: '°', min: -180, max: 180 },
  altM: { label: 'Height above sea level', unit: 'm', min: -500, max: 9000, fallback: 0 },
  days: { label: 'Search span', unit: 'days', min: 1, max: 10, fallback: 3, integer: true },
  minElevationDeg: { label: 'Minimum elevation', unit: '°', min: 0, max: 89, fallback: 10 },
} satisfies Record<string, FieldSpec>;

export interface PlaceQuery {
  lat: number;
  lon: number;
  altM: number;
  days: number;
  minElevationDeg: number;
}

/** Validate every field of the place form; returns the query or one message per bad field. */
export function validatePlace(
  raw: Record<keyof PlaceQuery, string>,
): { ok: true; value: PlaceQuery } | { ok: false; errors: Partial<Record<keyof PlaceQuery, string>> } {
  const errors: Partial<Record<keyof PlaceQuery, string>> = {};
  const value = {} as PlaceQuery;
  for (const key of Object.keys(PLACE_FIELDS) as (keyof PlaceQuery)[]) {
    const r = parseField(raw[key] ?? '', PLACE_FIELDS[key]);
    if (r.ok) value[key] = r.value;
    else errors[key] = r.message;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value };
}
