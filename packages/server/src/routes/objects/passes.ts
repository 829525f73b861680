/** /api/objects/:norad/passes: rise, culmination and set over a site, visibility and magnitude. */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { DEFAULT_MIN_ELEVATION_DEG, Epoch, type EopSource } from '@stationkeeper/core';
import type { PassJson as PassWire } from '@stationkeeper/runtime';
import { EMBEDDED_SAMPLE, type ElementsResolver, FRESH_ELEMENTS_DAYS, parseTimeQuery, sampleNote, staleElementsNote, type ResolvedElements } from '../../elementsSource.js';
import { taskModuleUrl } from '../../jobs/taskModule.js';
import type { PassesTaskInput } from '../../offLoop/objectsTask.js';
import type { RequestPool } from '../../offLoop/requestPool.js';
import type { RouteTable } from '../../routeTable.js';
import { ElementsSource, errors, IsoOrNow, NoradParams } from '../../schemas.js';
import { elementsToJson } from '../../store/elementStore.js';
import { NoteField } from './notes.js';

const OBJECTS_TASK = taskModuleUrl('../../offLoop/objectsTask', import.meta.url);

const PassesQuery = Type.Object(
  {
    lat: Type.Number({ minimum: -90, maximum: 90, description: 'site geodetic latitude, degrees north' }),
    lon: Type.Number({ minimum: -180, maximum: 180, description: 'site longitude, degrees east' }),
    alt_m: Type.Number({ minimum: -500, maximum: 9000, default: 0, description: 'site height above WGS-84, m' }),
    start: Type.Optional(IsoOrNow('start of the search (default now to the minute; the element epoch when the elements are > 14 days from now)')),
    days: Type.Number({ minimum: 0.001, maximum: 30, default: 3, description: 'length of the search, days' }),
    min_elevation: Type.Number({ minimum: -10, maximum: 89, default: DEFAULT_MIN_ELEVATION_DEG, description: 'rise/set elevation, degrees' }),
    visible_only: Type.Boolean({ default: false, description: 'only passes with a visible part' }),
    sky_step_s: Type.Optional(Type.Integer({ minimum: 5, maximum: 120, description: 'add each pass\'s path across the sky (`sky`: azimuth and elevation every this many seconds, rise to set) for a polar chart' })),
  },
  { additionalProperties: false },
);
const PassJson = Type.Object({
  rise_utc: Type.String(),
  rise_azimuth_deg: Type.Number(),
  culmination_utc: Type.String(),
  culmination_azimuth_deg: Type.Number(),
  max_elevation_deg: Type.Number(),
  culmination_range_km: Type.Number(),
  set_utc: Type.String(),
  set_azimuth_deg: Type.Number(),
  duration_s: Type.Number(),
  in_progress_at_start: Type.Boolean(),
  in_progress_at_end: Type.Boolean(),
  visible: Type.Boolean(),
  visible_windows: Type.Array(Type.Object({ start_utc: Type.String(), end_utc: Type.String() })),
  magnitude: Type.Union([Type.Number(), Type.Null()]),
  sun_elevation_at_culmination_deg: Type.Number(),
  sky: Type.Optional(Type.Array(Type.Object({ t_utc: Type.String(), az_deg: Type.Number(), el_deg: Type.Number() }))),
});
export const PassesResponse = Type.Object({
  norad: Type.Integer(),
  site: Type.Object({ lat_deg: Type.Number(), lon_deg: Type.Number(), alt_m: Type.Number() }),
  start_utc: Type.String(),
  end_utc: Type.String(),
  min_elevation_deg: Type.Number(),
  tle_epoch_utc: Type.String(),
  elements_source: ElementsSource,
  eop: Type.Boolean({ description: 'false when the data directory has no EOP (UT1 = UTC)' }),
  note: NoteField,
  passes: Type.Array(PassJson),
});

// The wire builder (runtime/wire/pass.ts) writes what this schema describes.
type SchemaMatchesWire = PassWire extends Omit<Static<typeof PassJson>, 'sky'> ? true : never;
const schemaMatchesWire: SchemaMatchesWire = true;
void schemaMatchesWire;

/**
 * Passes are the costly answer (≈ 15 ms for 3 days): identical questions on the same elements get
 * the same answer, kept serialised.
 */
class PassCache {
  private readonly map = new Map<string, string>();
  constructor(private readonly max = 512) {}
  get(key: string) {
    const v = this.map.get(key);
    if (v) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  set(key: string, v: string) {
    if (this.map.size >= this.max) this.map.delete(this.map.keys().next().value!);
    this.map.set(key, v);
  }
}

export interface PassRoutesDeps {
  resolver: ElementsResolver;
  eop: EopSource | undefined;
  /** Passes (up to 0.45 s of work) run here, off the event loop. */
  pool: RequestPool;
  dataDir: string;
}

/**
 * Where the search starts when `start=` is not given: now (to the minute, so repeated dashboard
 * requests share one answer and the cache), or the element epoch for the embedded sample and for
 * elements more than FRESH_ELEMENTS_DAYS from now, with a note saying so.
 */
function searchStart(requested: Epoch | undefined, now: Epoch, r: ResolvedElements): { start: Epoch; note?: string } {
  const epoch = r.set.elements.epoch;
  if (requested) return { start: requested, note: staleElementsNote(epoch, requested) };
  if (r.source === EMBEDDED_SAMPLE) return { start: epoch, note: sampleNote() };
  if (Math.abs(now.secondsSince(epoch)) > FRESH_ELEMENTS_DAYS * 86400) {
    return { start: epoch, note: `elements are ${Math.round(Math.abs(now.secondsSince(epoch)) / 86400)} days from now: searching from their epoch (pass start= to choose)` };
  }
  return { start: Epoch.fromUtcMjd(Math.floor(now.utcMjd() * 1440) / 1440) };
}

export function registerPassRoutes(app: FastifyInstance, table: RouteTable, deps: PassRoutesDeps): void {
  const { resolver, eop, pool, dataDir } = deps;
  const passCache = new PassCache();
  table.add(app, {
    method: 'GET',
    url: '/api/objects/:norad/passes',
    summary: 'Rise, culmination and set over a site, visibility and magnitude',
    tags: ['objects'],
    schema: { params: NoradParams, querystring: PassesQuery, response: { 200: PassesResponse, ...errors(400, 404, 422, 429) } },
    handler: async (req, reply) => {
      const { norad } = req.params as Static<typeof NoradParams>;
      const q = req.query as Static<typeof PassesQuery>;
      const requested = parseTimeQuery(q.start, 'query.start');
      const now = Epoch.now();
      const r = resolver.resolve(norad, requested ?? now);
      const { start, note } = searchStart(requested, now, r);
      const key = [r.set.id, norad, q.lat, q.lon, q.alt_m, start.toIsoUtc(6), q.days, q.min_elevation, q.visible_only, q.sky_step_s].join('|');
      const cached = passCache.get(key);
      if (cached) return reply.type('application/json; charset=utf-8').send(cached);
      const shown = await pool.run<Static<typeof PassJson>[]>(OBJECTS_TASK, 'passesInWorker', {
        dataDir,
        elementsJson: elementsToJson(r.set.elements),
        site: { latDeg: q.lat, lonDeg: q.lon, altM: q.alt_m },
        startTai: [start.taiMjdDay, start.taiSecondsOfDay],
        days: q.days,
        minElevationDeg: q.min_elevation,
        visibleOnly: q.visible_only,
        skyStepS: q.sky_step_s,
      } satisfies PassesTaskInput);
      const body: Static<typeof PassesResponse> = {
        norad,
        site: { lat_deg: q.lat, lon_deg: q.lon, alt_m: q.alt_m },
        start_utc: start.toIsoUtc(3),
        end_utc: start.plusDays(q.days).toIsoUtc(3),
        min_elevation_deg: q.min_elevation,
        tle_epoch_utc: r.set.elements.epoch.toIsoUtc(3),
        elements_source: r.source,
        eop: eop !== undefined,
        ...(note ? { note } : {}),
        passes: shown,
      };
      // The body as the response schema would write it (checked in the tests against the schema).
      const json = JSON.stringify(body);
      passCache.set(key, json);
      return reply.type('application/json; charset=utf-8').send(json);
    },
  });
}
