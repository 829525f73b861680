/** GET /api/places?q= — city search for the dashboard's place field, offline (places/gazetteer.ts). */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { searchPlaces } from '../places/gazetteer.js';
import type { RouteTable } from '../routeTable.js';
import { errors } from '../schemas.js';

const PlacesQuery = Type.Object(
  {
    q: Type.String({ minLength: 2, maxLength: 80, description: 'the start of a city or town name (accents and case ignored)' }),
    limit: Type.Integer({ minimum: 1, maximum: 25, default: 10 }),
  },
  { additionalProperties: false },
);
const PlacesResponse = Type.Object({
  query: Type.String(),
  source: Type.String(),
  places: Type.Array(
    Type.Object({ name: Type.String(), province: Type.String(), country: Type.String(), lat_deg: Type.Number(), lon_deg: Type.Number(), population: Type.Integer(), time_zone: Type.String() }),
  ),
});

export function registerPlaceRoutes(app: FastifyInstance, table: RouteTable): void {
  table.add(app, {
    method: 'GET',
    url: '/api/places',
    summary: 'Cities and towns whose name starts with q (offline gazetteer: the city-timezones package), largest first',
    tags: ['places'],
    schema: { querystring: PlacesQuery, response: { 200: PlacesResponse, ...errors(400) } },
    handler: (req) => {
      const q = req.query as Static<typeof PlacesQuery>;
      return {
        query: q.q,
        source: 'city-timezones package (7,329 cities and towns), offline',
        places: searchPlaces(q.q, q.limit).map((p) => ({ name: p.name, province: p.province, country: p.country, lat_deg: p.latDeg, lon_deg: p.lonDeg, population: p.population, time_zone: p.timeZone })),
      };
    },
  });
}
