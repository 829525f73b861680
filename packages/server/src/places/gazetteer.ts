/**
 * Place search by city name, offline: the table of the `city-timezones` npm package (7,329 cities
 * and towns with coordinates, population and IANA time zone), read once from node_modules. No
 * network geocoder is asked; the dashboard's place field uses this through GET /api/places.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export interface Place {
  name: string;
  province: string;
  country: string;
  latDeg: number;
  lonDeg: number;
  population: number;
  timeZone: string;
}

interface Row {
  city: string;
  city_ascii: string;
  lat: number;
  lng: number;
  pop: number;
  country: string;
  province: string;
  timezone: string;
}

let table: { place: Place; key: string }[] | undefined;

/** Lower case, accents and punctuation folded: "São Paulo" and "sao-paulo" meet at "sao paulo". */
export function foldName(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

function load(): { place: Place; key: string }[] {
  if (!table) {
    const file = createRequire(import.meta.url).resolve('city-timezones/data/cityMap.json');
    const rows = JSON.parse(readFileSync(file, 'utf8')) as Row[];
    table = rows
      .filter((r) => Number.isFinite(r.lat) && Number.isFinite(r.lng) && typeof r.city === 'string')
      .map((r) => ({
        place: { name: r.city, province: r.province ?? '', country: r.country ?? '', latDeg: r.lat, lonDeg: r.lng, population: Math.round(r.pop ?? 0), timeZone: r.timezone ?? '' },
        key: foldName(r.city),
      }));
  }
  return table;
}

/**
 * Places whose name starts with `query` (folded), exact names first, then by population, at most
 * `limit`. A query of fewer than 2 letters finds nothing.
 */
export function searchPlaces(query: string, limit = 10): Place[] {
  const q = foldName(query);
  if (q.length < 2) return [];
  const hits = load().filter((e) => e.key.startsWith(q) || e.key.includes(` ${q}`));
  hits.sort((a, b) => Number(b.key === q) - Number(a.key === q) || b.place.population - a.place.population);
  return hits.slice(0, limit).map((e) => e.place);
}
