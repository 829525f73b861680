/** /api/objects…: catalogue entries, element-set history, state, ground track, passes, history. */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import {
  decaySegmentJson,
  DEFAULT_MIN_ELEVATION_DEG,
  detectionRatesJson,
  detectManeuvers,
  Epoch,
  HISTORY_ALTITUDE_REFERENCE,
  historyPointJson,
  ISS_NORAD_ID,
  maneuverJson,
  orbitHistory,
  Sgp4Error,
  subSatelliteScratch,
  subSatelliteState,
  type EopSource,
  type Pass,
  roundTo as round,
} from '@stationkeeper/core';
import { EMBEDDED_SAMPLE, ElementsResolver, FRESH_ELEMENTS_DAYS, parseTimeQuery, SAMPLE_SET, sampleHistoryNote, sampleHistorySets, sampleNote, staleElementsNote } from '../elementsSource.js';
import { HttpError } from '../httpError.js';
import type { RouteTable } from '../routeTable.js';
import { ElementSet, ElementsSource, errors, IsoOrNow, NoradParams, ObjectSummary } from '../schemas.js';
import { elementsToJson, type ElementStore, type StoredElementSet } from '../store/elementStore.js';
import type { RequestPool } from '../offLoop/requestPool.js';
import type { PassesTaskInput } from '../offLoop/objectsTask.js';
import { taskModuleUrl } from '../jobs/taskModule.js';

const DEG = 180 / Math.PI;
/** Ground-track points per request at most. */
export const MAX_TRACK_POINTS = 5000;
/** Elements further than this from now are searched for passes from their own epoch by default. */

export interface ObjectRoutesDeps {
  elements: ElementStore;
  resolver: ElementsResolver;
  eop: EopSource | undefined;
  /** Passes and history (up to 0.45 s of work) run here, off the event loop. */
  pool: RequestPool;
  dataDir: string;
}

const OBJECTS_TASK = taskModuleUrl('../offLoop/objectsTask', import.meta.url);

function wrapLonDeg(deg: number): number {
  return ((((deg + 180) % 360) + 360) % 360) - 180;
}

export function elementSetJson(s: StoredElementSet): Static<typeof ElementSet> {
  const e = s.elements;
  return {
    norad: s.norad,
    name: s.name,
    epoch_utc: e.epoch.toIsoUtc(6),
    line1: s.line1,
    line2: s.line2,
    mean_motion_rev_per_day: e.meanMotionRevPerDay,
    eccentricity: e.eccentricity,
    inclination_deg: e.inclinationDeg,
    raan_deg: e.raanDeg,
    arg_perigee_deg: e.argPerigeeDeg,
    mean_anomaly_deg: e.meanAnomalyDeg,
    mean_motion_dot: e.meanMotionDot,
    bstar: e.bstar,
    element_set_no: e.elementSetNo,
    rev_at_epoch: e.revAtEpoch,
    format: s.format,
    source: s.source,
    ingested_utc: s.ingestedUtc === '' ? null : s.ingestedUtc,
  };
}

const NoteField = Type.Optional(Type.String({ description: 'present when the embedded sample or stale elements are used' }));

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

const HistoryQuery = Type.Object(
  { threshold_sigma: Type.Number({ minimum: 1, maximum: 1000, default: 10, description: 'manoeuvre detection threshold, σ of TLE noise' }) },
  { additionalProperties: false },
);
const HistoryResponse = Type.Object({
  norad: Type.Integer(),
  elements_source: ElementsSource,
  altitude_reference: Type.String(),
  note: NoteField,
  points: Type.Array(
    Type.Object({
      epoch_utc: Type.String(),
      a_km: Type.Number(),
      eccentricity: Type.Number(),
      mean_altitude_km: Type.Number(),
      perigee_altitude_km: Type.Number(),
      apogee_altitude_km: Type.Number(),
    }),
  ),
  maneuvers: Type.Array(
    Type.Object({
      kind: Type.String({ description: 'raise (reboost) or lower' }),
      window_start_utc: Type.String(),
      window_end_utc: Type.String(),
      delta_a_km: Type.Number(),
      delta_a_sigma_km: Type.Number(),
      delta_v_m_per_s: Type.Number(),
    }),
  ),
  decay_segments: Type.Array(
    Type.Object({ start_utc: Type.String(), end_utc: Type.String(), points: Type.Integer(), mean_altitude_km: Type.Number(), decay_rate_m_per_day: Type.Number() }),
  ),
  decay_rate_m_per_day: Type.Union([Type.Number(), Type.Null()]),
  noise_sigma_m: Type.Union([Type.Number(), Type.Null()]),
});

const ListQuery = Type.Object(
  {
    search: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'part of the name, or an exact NORAD number' })),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
    offset: Type.Integer({ minimum: 0, maximum: 10_000_000, default: 0 }),
  },
  { additionalProperties: false },
);
const TleQuery = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 1000, default: 50 }),
    offset: Type.Integer({ minimum: 0, maximum: 10_000_000, default: 0 }),
    order: Type.Union([Type.Literal('asc'), Type.Literal('desc')], { default: 'desc', description: 'by epoch' }),
  },
  { additionalProperties: false },
);

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

export function passJson(p: Pass): Static<typeof PassJson> {
  return {
    rise_utc: p.rise.epoch.toIsoUtc(3),
    rise_azimuth_deg: round(p.rise.azimuthDeg, 3),
    culmination_utc: p.culmination.epoch.toIsoUtc(3),
    culmination_azimuth_deg: round(p.culmination.azimuthDeg, 3),
    max_elevation_deg: round(p.maxElevationDeg, 3),
    culmination_range_km: round(p.culmination.rangeKm, 1),
    set_utc: p.set.epoch.toIsoUtc(3),
    set_azimuth_deg: round(p.set.azimuthDeg, 3),
    duration_s: round(p.durationS, 1),
    in_progress_at_start: p.inProgressAtStart,
    in_progress_at_end: p.inProgressAtEnd,
    visible: p.visible,
    visible_windows: p.visibleWindows.map((w) => ({ start_utc: w.start.epoch.toIsoUtc(3), end_utc: w.end.epoch.toIsoUtc(3) })),
    magnitude: p.magnitude === null ? null : round(p.magnitude, 1),
    sun_elevation_at_culmination_deg: round(p.sunElevationAtCulminationDeg, 2),
  };
}

export function registerObjectRoutes(app: FastifyInstance, table: RouteTable, deps: ObjectRoutesDeps): void {
  const { elements, resolver, eop, pool, dataDir } = deps;
  const passCache = new PassCache();
  const scratch = subSatelliteScratch();

  table.add(app, {
    method: 'GET',
    url: '/api/objects',
    summary: 'Objects in the store (the embedded ISS sample when the store is empty)',
    tags: ['objects'],
    schema: {
      querystring: ListQuery,
      response: { 200: Type.Object({ total: Type.Integer(), limit: Type.Integer(), offset: Type.Integer(), items: Type.Array(ObjectSummary) }), ...errors(400) },
    },
    handler: (req) => {
      const q = req.query as Static<typeof ListQuery>;
      const { total, items } = elements.listObjects(q.search, q.limit, q.offset);
      const rows = items.map((o) => ({ norad: o.norad, name: o.name, intl_designator: o.intlDesignator, element_sets: o.elementSets, latest_epoch_utc: o.latestEpochUtc }));
      if (elements.totals().elementSets === 0 && !q.search && q.offset === 0) {
        return { total: 1, limit: q.limit, offset: 0, items: [{ norad: ISS_NORAD_ID, name: SAMPLE_SET.name, intl_designator: SAMPLE_SET.elements.intlDesignator, element_sets: 0, latest_epoch_utc: SAMPLE_SET.epochUtc }] };
      }
      return { total, limit: q.limit, offset: q.offset, items: rows };
    },
  });

  table.add(app, {
    method: 'GET',
    url: '/api/objects/:norad',
    summary: 'One object: name, designator, number of element sets, latest element set',
    tags: ['objects'],
    schema: {
      params: NoradParams,
      response: {
        200: Type.Object({
          norad: Type.Integer(),
          name: Type.String(),
          intl_designator: Type.String(),
          element_sets: Type.Integer(),
          elements_source: ElementsSource,
          note: NoteField,
          latest: ElementSet,
        }),
        ...errors(400, 404),
      },
    },
    handler: (req) => {
      const { norad } = req.params as Static<typeof NoradParams>;
      const o = elements.object(norad);
      const latest = elements.latest(norad);
      if (o && latest) {
        return { norad, name: o.name, intl_designator: o.intlDesignator, element_sets: o.elementSets, elements_source: 'store', latest: elementSetJson(latest) };
      }
      if (norad === ISS_NORAD_ID) {
        return { norad, name: SAMPLE_SET.name, intl_designator: SAMPLE_SET.elements.intlDesignator, element_sets: 0, elements_source: EMBEDDED_SAMPLE, note: sampleNote(), latest: elementSetJson(SAMPLE_SET) };
      }
      throw new HttpError(404, `params.norad: no object ${norad} in the store; POST a catalogue to /api/ingest first`, 'params.norad');
    },
  });

  table.add(app, {
    method: 'GET',
    url: '/api/objects/:norad/tle',
    summary: 'Element-set history of an object, paged (TLE lines and mean elements)',
    tags: ['objects'],
    schema: {
      params: NoradParams,
      querystring: TleQuery,
      response: {
        200: Type.Object({ norad: Type.Integer(), total: Type.Integer(), limit: Type.Integer(), offset: Type.Integer(), elements_source: ElementsSource, items: Type.Array(ElementSet) }),
        ...errors(400, 404),
      },
    },
    handler: (req) => {
      const { norad } = req.params as Static<typeof NoradParams>;
      const q = req.query as Static<typeof TleQuery>;
      const total = elements.count(norad);
      if (total === 0) {
        if (norad === ISS_NORAD_ID) {
          const items = q.offset === 0 ? [elementSetJson(SAMPLE_SET)] : [];
          return { norad, total: 1, limit: q.limit, offset: q.offset, elements_source: EMBEDDED_SAMPLE, items };
        }
        throw new HttpError(404, `params.norad: no element set for NORAD ${norad}; POST a catalogue to /api/ingest first`, 'params.norad');
      }
      const items = elements.page(norad, q.limit, q.offset, q.order).map(elementSetJson);
      return { norad, total, limit: q.limit, offset: q.offset, elements_source: 'store', items };
    },
  });

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
      return {
        norad,
        name: r.set.name,
        epoch_utc: at.toIsoUtc(3),
        lat_deg: round(s.latRad * DEG, 6),
        lon_deg: round(wrapLonDeg(s.lonRad * DEG), 6),
        alt_km: round(s.altM / 1e3, 6),
        speed_km_s: round(s.speedMps / 1e3, 6),
        ground_speed_km_s: round(s.groundSpeedMps / 1e3, 6),
        sunlit: s.sunlit,
        tle_epoch_utc: r.set.elements.epoch.toIsoUtc(3),
        tle_age_days: round(at.secondsSince(r.set.elements.epoch) / 86400, 6),
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
          const s = subSatelliteState(r.propagator, t, eop, scratch);
          points.push({ t_utc: t.toIsoUtc(3), lat_deg: round(s.latRad * DEG, 5), lon_deg: round(wrapLonDeg(s.lonRad * DEG), 5), alt_km: round(s.altM / 1e3, 4), sunlit: s.sunlit });
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
      const epoch = r.set.elements.epoch;
      let start: Epoch;
      let note: string | undefined;
      if (requested) {
        start = requested;
        note = staleElementsNote(epoch, start);
      } else if (r.source === EMBEDDED_SAMPLE) {
        start = epoch;
        note = sampleNote();
      } else if (Math.abs(now.secondsSince(epoch)) > FRESH_ELEMENTS_DAYS * 86400) {
        start = epoch;
        note = `elements are ${Math.round(Math.abs(now.secondsSince(epoch)) / 86400)} days from now: searching from their epoch (pass start= to choose)`;
      } else {
        // Whole minutes: repeated dashboard requests share one answer (and the cache).
        start = Epoch.fromUtcMjd(Math.floor(now.utcMjd() * 1440) / 1440);
      }
      const end = start.plusDays(q.days);
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
      const body = {
        norad,
        site: { lat_deg: q.lat, lon_deg: q.lon, alt_m: q.alt_m },
        start_utc: start.toIsoUtc(3),
        end_utc: end.toIsoUtc(3),
        min_elevation_deg: q.min_elevation,
        tle_epoch_utc: epoch.toIsoUtc(3),
        elements_source: r.source,
        eop: eop !== undefined,
        ...(note ? { note } : {}),
        passes: shown,
      };
      const json = serializePasses(body);
      passCache.set(key, json);
      return reply.type('application/json; charset=utf-8').send(json);
    },
  });

  table.add(app, {
    method: 'GET',
    url: '/api/objects/:norad/history',
    summary: 'Mean altitude history from the stored element sets, detected reboosts/lowerings and decay arcs',
    tags: ['objects'],
    schema: { params: NoradParams, querystring: HistoryQuery, response: { 200: HistoryResponse, ...errors(400, 404, 429) } },
    handler: async (req) => {
      const { norad } = req.params as Static<typeof NoradParams>;
      const q = req.query as Static<typeof HistoryQuery>;
      return pool.run(OBJECTS_TASK, 'historyInWorker', { dataDir, norad, thresholdSigma: q.threshold_sigma });
    },
  });
}

/** `{ note }` joining the notes that apply ('; '), or nothing when none does. */
function noteFor(...notes: (string | undefined)[]): { note?: string } {
  const text = notes.filter((n): n is string => n !== undefined).join('; ');
  return text ? { note: text } : {};
}

/**
 * The history answer: every stored set of `norad` (thousands for a long-tracked object), mean
 * altitudes and manoeuvre detection. Run in a request-pool thread (offLoop/objectsTask.ts).
 */
export function objectHistory(elements: ElementStore, norad: number, q: { threshold_sigma: number }) {
  let sets = elements.all(norad);
  let source: 'store' | typeof EMBEDDED_SAMPLE = 'store';
  if (sets.length === 0) {
    if (norad !== ISS_NORAD_ID) throw new HttpError(404, `params.norad: no element set for NORAD ${norad}; POST a catalogue to /api/ingest first`, 'params.norad');
    sets = sampleHistorySets();
    source = EMBEDDED_SAMPLE;
  }
  const history = orbitHistory(sets.map((s) => s.elements), { noradId: norad });
  const base = {
    norad,
    elements_source: source,
    altitude_reference: HISTORY_ALTITUDE_REFERENCE,
    points: history.map(historyPointJson),
  };
  let d;
  try {
    d = detectManeuvers(history, { thresholdSigma: q.threshold_sigma });
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    return { ...base, note: `no manoeuvre detection: ${e.message}`, maneuvers: [], decay_segments: [], decay_rate_m_per_day: null, noise_sigma_m: null };
  }
  return {
    ...base,
    ...(source === EMBEDDED_SAMPLE ? { note: sampleHistoryNote() } : {}),
    maneuvers: d.maneuvers.map(maneuverJson),
    decay_segments: d.decaySegments.map(decaySegmentJson),
    ...detectionRatesJson(d),
  };
}

/** The passes body as the response schema would write it (checked in the tests against the schema). */
function serializePasses(body: Static<typeof PassesResponse>): string {
  return JSON.stringify(body);
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
