/** TypeBox schemas shared by the routes (request validation, response serialisation, OpenAPI). */
import { Type, type TSchema } from '@sinclair/typebox';

export const ErrorBody = Type.Object(
  {
    error: Type.String({ description: 'what is wrong, starting with the field at fault, e.g. "query.lat: must be <= 90"' }),
    field: Type.Optional(Type.String({ description: 'params.X, query.X or body.X' })),
    status_code: Type.Integer(),
  },
  { $id: 'ErrorBody', title: 'Error' },
);

/** Error responses a route may give, all with ErrorBody. */
export function errors(...codes: number[]): Record<number, TSchema> {
  const out: Record<number, TSchema> = {};
  for (const c of codes) out[c] = ErrorBody;
  return out;
}

export const NoradParams = Type.Object(
  { norad: Type.Integer({ minimum: 1, maximum: 339999, description: 'NORAD catalogue number' }) },
  { additionalProperties: false },
);

export const JobIdParams = Type.Object(
  { id: Type.String({ format: 'uuid', description: 'job id' }) },
  { additionalProperties: false },
);

export const IsoOrNow = (description: string) =>
  Type.String({ minLength: 3, maxLength: 40, description: `${description}; ISO 8601 UTC or "now"` });

export const ElementsSource = Type.Union([Type.Literal('store'), Type.Literal('embedded sample')], {
  description: '"embedded sample" when the store holds no element set of the ISS and the one built into core is used',
});

const nullableString = Type.Union([Type.String(), Type.Null()]);

export const ElementSet = Type.Object({
  norad: Type.Integer(),
  name: Type.String(),
  epoch_utc: Type.String(),
  line1: nullableString,
  line2: nullableString,
  mean_motion_rev_per_day: Type.Number(),
  eccentricity: Type.Number(),
  inclination_deg: Type.Number(),
  raan_deg: Type.Number(),
  arg_perigee_deg: Type.Number(),
  mean_anomaly_deg: Type.Number(),
  mean_motion_dot: Type.Number(),
  bstar: Type.Number(),
  element_set_no: Type.Integer(),
  rev_at_epoch: Type.Integer(),
  format: Type.String(),
  source: Type.String(),
  ingested_utc: nullableString,
});

export const ObjectSummary = Type.Object({
  norad: Type.Integer(),
  name: Type.String(),
  intl_designator: Type.String(),
  element_sets: Type.Integer(),
  latest_epoch_utc: nullableString,
});

export const JobStatus = Type.Union(
  ['queued', 'running', 'succeeded', 'failed', 'cancelled'].map((s) => Type.Literal(s)),
);

export const Job = Type.Object(
  {
    id: Type.String(),
    type: Type.String(),
    status: JobStatus,
    params: Type.Unknown(),
    progress: Type.Number({ minimum: 0, maximum: 1 }),
    message: Type.String(),
    result: Type.Unknown({ description: 'job-type specific; null until succeeded' }),
    error: nullableString,
    created_utc: Type.String(),
    started_utc: nullableString,
    finished_utc: nullableString,
  },
  { title: 'Job' },
);
