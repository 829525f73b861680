/** Mean Earth radius, km (IUGG mean radius R1 = 6371.0088 km, rounded as usual for great circles). */
export const MEAN_EARTH_RADIUS_KM = 6371;

/** Great-circle (haversine) distance on the sphere of the mean Earth radius, km; angles in degrees. */
export function greatCircleKm(lat1Deg: number, lon1Deg: number, lat2Deg: number, lon2Deg: number): number {
  const d = Math.PI / 180;
  const s = Math.sin(((lat2Deg - lat1Deg) * d) / 2) ** 2 + Math.cos(lat1Deg * d) * Math.cos(lat2Deg * d) * Math.sin(((lon2Deg - lon1Deg) * d) / 2) ** 2;
  return 2 * MEAN_EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(s)));
}
