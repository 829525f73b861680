/** /api/objects/:norad/state and /track: where the object is at one instant, and its ground track. */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { Epoch, Sgp4Error, subSatelliteScratch, subSatelliteState, type EopSource } from '@stationkeeper/core';
import { stateJson, trackPointJson } from '@stationkeeper/runtime';
import { EMBEDDED_SAMPLE, type ElementsResolver, parseTimeQuery, sampleNote, staleElementsNote } from '../../elementsSource.js';
import { HttpError } from '../../httpError.js';
import type { RouteTable } from '../../routeTable.js';
import { ElementsSource, errors, IsoOrNow, NoradParams } from '../../schemas.js';
import { NoteField, noteFor } from './notes.js';

/** Ground-track points per request at most. */
export const MAX_TRACK_POINTS = 5000;

const StateQuery = Type.Object({ at: Type.Optional(IsoOrNow('instant (default now; the sample epoch when only the embedded sample exists)')) }, { additionalProperties: false });
export const StateResponse = Type.Object({
  norad: Type.Integer(),
  name: Type.String(),
  epoch_utc: Type.String(),
  lat_deg: Type.Number(),
  lon_deg: Type.Number(),
  alt_km: Type.Number(),
  speed_km_s: Type.Number(),
  ground_speed_km_s: Type.Number(),
  sunlit: Type.Boolean(),
  tle_epoch_utc: Type.String(),
  tle_age_days: Type.Number(),
  elements_source: ElementsSource,
  note: NoteField,
});

const TrackQuery = Type.Object(
  {
    start: Type.Optional(IsoOrNow('first point (default now; the sample epoch when only the embedded sample exists)')),
    minutes: Type.Number({ exclusiveMinimum: 0, maximum: 2880, default: 90, description: 'length of the track, minutes' }),
    step_s: Type.Number({ minimum: 1, maximum: 3600, default: 60, description: 'time between points, s' }),
  },
  { additionalProperties: false },
);
const TrackResponse = Type.Object({
  norad: Type.Integer(),
  start_utc: Type.String(),
  step_s: Type.Number(),
  tle_epoch_utc: Type.String(),
  elements_source: ElementsSource,
  note: NoteField,
  propagation_error: Type.Optional(Type.String({ description: 'why the track stops early (e.g. the orbit decayed)' })),
  points: Type.Array(
    Type.Object({ t_utc: Type.String(), lat_deg: Type.Number(), lon_deg: Type.Number(), alt_km: Type.Number(), sunlit: Type.Boolean() }),
  ),
});

export interface PositionRoutesDeps {
  resolver: ElementsResolver;
  eop: EopSource | undefined;
}

export function registerPositionRoutes(app: FastifyInstance, table: RouteTable, deps: PositionRoutesDeps): void {
  const { resolver, eop } = deps;
  const scratch = subSatelliteScratch();

  table.add(app, {
    method: 'GET',
    url: '/api/objects/:norad/state',
    summary: 'Geodetic position, altitude, speed and sunlight at one instant (SGP4 → ITRF → WGS-84)',
    tags: ['objects'],
    schema: { params: NoradParams, querystring: StateQuery, response: { 200: StateResponse, ...errors(400, 404, 422) } },
    handler: (req) => {
      const { norad } = req.params as Static<typeof NoradParams>;
      const requested = parseTimeQuery((req.query as Static<typeof StateQuery>).at, 'query.at');
      const r = resolver.resolve(norad, requested);
      const sample = r.source === EMBEDDED_SAMPLE;
      const at = requested ?? (sample ? r.set.elements.epoch : Epoch.now());
      const s = propagateOr422(() => subSatelliteState(r.propagator, at, eop, scratch), norad, at);
      const { epoch_utc, ...state } = stateJson(s, at, r.set.elements.epoch);
      return {
        norad,
        name: r.set.name,
        epoch_utc,
        ...state,
        elements_source: r.source,
        ...noteFor(sample && !requested ? sampleNote() : undefined, staleElementsNote(r.set.elements.epoch, at), belowKarmanNote(s.altM, at.secondsSince(r.set.elements.epoch) / 86400)),
      };
    },
  });

  table.add(app, {
    method: 'GET',
    url: '/api/objects/:norad/track',
    summary: 'Ground track: latitude, longitude, altitude and sunlight every step_s',
    tags: ['objects'],
    schema: { params: NoradParams, querystring: TrackQuery, response: { 200: TrackResponse, ...errors(400, 404, 422) } },
    handler: (req) => {
      const { norad } = req.params as Static<typeof NoradParams>;
      const q = req.query as Static<typeof TrackQuery>;
      const count = Math.floor((q.minutes * 60) / q.step_s + 1e-9) + 1;
      if (count > MAX_TRACK_POINTS) {
        throw new HttpError(400, `query.minutes: ${q.minutes} min at step_s ${q.step_s} gives ${count} points; at most ${MAX_TRACK_POINTS}`, 'query.minutes');
      }
      const requested = parseTimeQuery(q.start, 'query.start');
      const r = resolver.resolve(norad, requested);
      const sample = r.source === EMBEDDED_SAMPLE;
      const start = requested ?? (sample ? r.set.elements.epoch : Epoch.now());
      const points: Static<typeof TrackResponse>['points'] = [];
      let propagationError: string | undefined;
      for (let i = 0; i < count; i++) {
        const t = start.plusSeconds(i * q.step_s);
        try {
          points.push(trackPointJson(subSatelliteState(r.propagator, t, eop, scratch), t));
        } catch (e) {
          if (!(e instanceof Sgp4Error)) throw e;
          propagationError = `${t.toIsoUtc(0)}: ${e.message}`;
          break;
        }
      }
      return {
        norad,
        start_utc: start.toIsoUtc(3),
        step_s: q.step_s,
        tle_epoch_utc: r.set.elements.epoch.toIsoUtc(3),
        elements_source: r.source,
        ...noteFor(sample && !requested ? sampleNote() : undefined, staleElementsNote(r.set.elements.epoch, start)),
        ...(propagationError ? { propagation_error: propagationError } : {}),
        points,
      };
    },
  });
}

/**
 * SGP4 answers far from the element epoch without an error code, even below the atmosphere
 * (the 2022 sample at 2030 gave 64.8 km): say so rather than show the altitude as a fact.
 */
function belowKarmanNote(altM: number, ageDays: number): string | undefined {
  if (altM >= 100e3) return undefined;
  return `SGP4 puts it ${(altM / 1e3).toFixed(1)} km up, below the Kármán line: the elements no longer describe it (re-entered, or ${Math.abs(ageDays).toFixed(0)} days from their epoch)`;
}

function propagateOr422<T>(f: () => T, norad: number, at: Epoch): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof Sgp4Error) throw new HttpError(422, `NORAD ${norad} cannot be propagated to ${at.toIsoUtc(0)}: ${e.message}`);
    throw e;
  }
}
