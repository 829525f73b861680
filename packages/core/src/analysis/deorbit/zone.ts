/**
 * The South Pacific Oceanic Uninhabited Area (SPOUA) as a lon/lat polygon, and point-in-polygon.
 *
 * No official boundary was found in the project's sources (facts §4 names the area and Point
 * Nemo only), so this polygon is drawn HERE, conservatively, from land positions: it spans
 * 175°W–95°W and 35°S–62°S, which keeps clear of the Chatham Islands (44°S 176.5°W), Pitcairn
 * (25°S 130°W), Easter Island (27°S 109°W), the Juan Fernández islands and Chile (east of 80°W),
 * and Antarctica and Peter I Island (south of 66°S). Replace it with an official polygon when one is
 * at hand (the planner takes any polygon).
 */

/** [longitudeDeg, latitudeDeg] pairs, closed (first = last), GeoJSON order. */
export type LonLatRing = readonly (readonly [number, number])[];

export const SPOUA_APPROXIMATE: LonLatRing = Object.freeze([
  [-175, -35],
  [-95, -35],
  [-95, -62],
  [-175, -62],
  [-175, -35],
] as const);

/**
 * Point Nemo, the oceanic pole of inaccessibility: 48°52.6′S 123°23.6′W (Lukatela 1992, the
 * commonly cited determination).
 */
export const POINT_NEMO = Object.freeze({ latDeg: -(48 + 52.6 / 60), lonDeg: -(123 + 23.6 / 60) });

/** Wrap a longitude to [−180, 180). */
export function wrapLonDeg(lon: number): number {
  return ((((lon + 180) % 360) + 360) % 360) - 180;
}

/** Even-odd point-in-polygon on lon/lat (the ring must not cross the antimeridian). */
export function insideRing(lonDeg: number, latDeg: number, ring: LonLatRing): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > latDeg !== yj > latDeg && lonDeg < ((xj - xi) * (latDeg - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

