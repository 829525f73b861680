/** /api/objects/:norad/history: mean altitude from the stored element sets, reboosts and decay arcs. */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { decaySegmentJson, detectionRatesJson, detectManeuvers, HISTORY_ALTITUDE_REFERENCE, historyPointJson, ISS_NORAD_ID, maneuverJson, orbitHistory } from '@stationkeeper/core';
import { EMBEDDED_SAMPLE, sampleHistoryNote, sampleHistorySets } from '../../elementsSource.js';
import { HttpError } from '../../httpError.js';
import { taskModuleUrl } from '../../jobs/taskModule.js';
import type { RequestPool } from '../../offLoop/requestPool.js';
import type { RouteTable } from '../../routeTable.js';
import { ElementsSource, errors, NoradParams } from '../../schemas.js';
import type { ElementStore } from '../../store/elementStore.js';
import { NoteField } from './notes.js';

const OBJECTS_TASK = taskModuleUrl('../../offLoop/objectsTask', import.meta.url);

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

export function registerHistoryRoute(app: FastifyInstance, table: RouteTable, deps: { pool: RequestPool; dataDir: string }): void {
  table.add(app, {
    method: 'GET',
    url: '/api/objects/:norad/history',
    summary: 'Mean altitude history from the stored element sets, detected reboosts/lowerings and decay arcs',
    tags: ['objects'],
    schema: { params: NoradParams, querystring: HistoryQuery, response: { 200: HistoryResponse, ...errors(400, 404, 429) } },
    handler: async (req) => {
      const { norad } = req.params as Static<typeof NoradParams>;
      const q = req.query as Static<typeof HistoryQuery>;
      return deps.pool.run(OBJECTS_TASK, 'historyInWorker', { dataDir: deps.dataDir, norad, thresholdSigma: q.threshold_sigma });
    },
  });
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
