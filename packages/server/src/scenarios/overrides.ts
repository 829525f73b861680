/**
 * Edits applied to a scenario definition before it is stored, so the dashboard can say "this
 * example, but the partner stops on date D" without rewriting the file. Applied to the snake_case
 * file form; the result is validated by the scenario engine like any other definition.
 */
import { Type, type Static } from '@sinclair/typebox';
import { isDateText } from '@stationkeeper/core';
import { HttpError } from '../httpError.js';

const DateText = Type.String({ minLength: 4, maxLength: 40, description: 'ISO 8601 date or date-time (UTC)' });

export const ScenarioOverrides = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    start: Type.Optional(DateText),
    end: Type.Optional(DateText),
    space_weather: Type.Optional(Type.Union([Type.Literal('forecast'), Type.Literal('model')])),
    min_altitude_km: Type.Optional(Type.Number({ minimum: 150, maximum: 2000 })),
    max_altitude_km: Type.Optional(Type.Number({ minimum: 150, maximum: 2000 })),
    partner_withdrawals: Type.Optional(
      Type.Array(
        Type.Object(
          {
            partner: Type.String({ minLength: 1, maxLength: 40, pattern: '^[a-z0-9][a-z0-9-]*$' }),
            date: Type.Union([DateText, Type.Null()], { description: 'when the partner stops; null removes its withdrawal' }),
          },
          { additionalProperties: false },
        ),
        { maxItems: 20, description: 'replace every partner-withdrawal event of these partners by one on `date` (or none when null)' },
      ),
    ),
    add_events: Type.Optional(Type.Array(Type.Record(Type.String(), Type.Unknown()), { maxItems: 200, description: 'events appended to the definition\'s events (scenario file form)' })),
  },
  { additionalProperties: false, description: 'edits applied to the definition before it is validated and stored' },
);
export type ScenarioOverrides = Static<typeof ScenarioOverrides>;

function checkDate(value: string | undefined | null, field: string): void {
  if (value === undefined || value === null) return;
  if (!isDateText(value)) throw new HttpError(400, `${field}: not a date: ${JSON.stringify(value).slice(0, 60)}`, field);
}

/** A new definition with the overrides applied (the input is not modified). */
export function applyOverrides(definition: Record<string, unknown>, o: ScenarioOverrides, field = 'body.overrides'): Record<string, unknown> {
  checkDate(o.start, `${field}.start`);
  checkDate(o.end, `${field}.end`);
  (o.partner_withdrawals ?? []).forEach((w, i) => checkDate(w.date, `${field}.partner_withdrawals[${i}].date`));
  const d = structuredClone(definition);
  if (o.name !== undefined) d.name = o.name;
  if (o.start !== undefined) d.start = o.start;
  if (o.end !== undefined) d.end = o.end;
  if (o.space_weather !== undefined) d.space_weather = o.space_weather;
  if (o.min_altitude_km !== undefined || o.max_altitude_km !== undefined) {
    const policy = { ...((d.policy as Record<string, unknown> | undefined) ?? {}) };
    if (o.min_altitude_km !== undefined) policy.min_altitude_km = o.min_altitude_km;
    if (o.max_altitude_km !== undefined) policy.max_altitude_km = o.max_altitude_km;
    d.policy = policy;
  }
  let events = Array.isArray(d.events) ? [...(d.events as unknown[])] : [];
  for (const w of o.partner_withdrawals ?? []) {
    events = events.filter((e) => !(isRecord(e) && e.type === 'partner-withdrawal' && e.partner === w.partner));
    if (w.date !== null) events.push({ type: 'partner-withdrawal', date: w.date, partner: w.partner });
  }
  events.push(...(o.add_events ?? []));
  if (events.length > 0 || d.events !== undefined) d.events = events;
  return d;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
