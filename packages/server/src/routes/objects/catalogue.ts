/** /api/objects, /api/objects/:norad and /api/objects/:norad/tle: catalogue entries and element-set history. */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { ISS_NORAD_ID } from '@stationkeeper/core';
import { EMBEDDED_SAMPLE, SAMPLE_SET, sampleNote } from '../../elementsSource.js';
import { HttpError } from '../../httpError.js';
import type { RouteTable } from '../../routeTable.js';
import { ElementSet, ElementsSource, errors, NoradParams, ObjectSummary } from '../../schemas.js';
import type { ElementStore, StoredElementSet } from '../../store/elementStore.js';
import { NoteField } from './notes.js';

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

export function registerCatalogueRoutes(app: FastifyInstance, table: RouteTable, elements: ElementStore): void {
  addObjectList(app, table, elements);
  addObject(app, table, elements);
  addElementSetHistory(app, table, elements);
}

function addObjectList(app: FastifyInstance, table: RouteTable, elements: ElementStore): void {
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
}

function addObject(app: FastifyInstance, table: RouteTable, elements: ElementStore): void {
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
}

function addElementSetHistory(app: FastifyInstance, table: RouteTable, elements: ElementStore): void {
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
}
