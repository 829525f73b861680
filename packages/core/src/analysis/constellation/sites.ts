/**
 * Launch sites known by name. Coordinates as recorded in the project's sourced facts on
 * constellations (grades there: W = wiki/compiled tables); where a value was not found it is an
 * estimate, marked EST with how it was made. A user may always give `LAT,LON` instead.
 */
export interface LaunchSite {
  id: string;
  name: string;
  /** Geodetic latitude, deg north. */
  latDeg: number;
  /** Longitude, deg east. */
  lonDeg: number;
  /** Where the figure comes from, shown with the result. */
  source: string;
}

export const LAUNCH_SITES: readonly LaunchSite[] = [
  // Cosmodrome reference point 45°57′54″N 63°18′18″E (Wikipedia mirrors, W). The pad of OneWeb's
  // launches (Site 31) was not found; it lies in the same cosmodrome (tens of km away), so in-plane
  // times for Site 31 may differ by a few minutes (4 min per degree of longitude).
  { id: 'baikonur', name: 'Baikonur', latDeg: 45.965, lonDeg: 63.305, source: 'cosmodrome reference point (Wikipedia, W); Site 31 pad not found' },
  // 51°53′N 128°20′E (wohaco/despace vostochny.md, W).
  { id: 'vostochny', name: 'Vostochny', latDeg: 51 + 53 / 60, lonDeg: 128 + 20 / 60, source: 'wohaco/despace compiled table (W)' },
  // 5°14′14″N 52°45′38″W (wohaco/despace spaceport.md, W).
  { id: 'kourou', name: 'Kourou (Guiana Space Centre)', latDeg: 5 + 14 / 60 + 14 / 3600, lonDeg: -(52 + 45 / 60 + 38 / 3600), source: 'wohaco/despace compiled table (W)' },
  // 13°43′12″N 80°13′49″E (wohaco/despace spaceport.md, W).
  { id: 'sriharikota', name: 'Sriharikota (SDSC-SHAR)', latDeg: 13 + 43 / 60 + 12 / 3600, lonDeg: 80 + 13 / 60 + 49 / 3600, source: 'wohaco/despace compiled table (W)' },
  // CCSFS SLC-40, 28.5618°N 80.5772°W (launch-site table in a GitHub project, W).
  { id: 'cape-canaveral', name: 'Cape Canaveral (SLC-40)', latDeg: 28.5618, lonDeg: -80.5772, source: 'launch-site table (W)' },
  // KSC LC-39A, 28.6084°N 80.6043°W (same table, W).
  { id: 'ksc', name: 'Kennedy Space Center (LC-39A)', latDeg: 28.6084, lonDeg: -80.6043, source: 'launch-site table (W)' },
  // 34.7420°N (base, W); the longitude was not captured: EST 120.5°W, the "approx." value noted
  // beside it in the facts (±0.1°, i.e. ±0.4 min in window times).
  { id: 'vandenberg', name: 'Vandenberg', latDeg: 34.742, lonDeg: -120.5, source: 'latitude from a launch-site table (W); longitude EST ≈120.5° W' },
];

/** A site the user named badly; the message is the one-line reason. */
export class LaunchSiteError extends Error {
  override name = 'LaunchSiteError';
}

/** A known site by id, or `LAT,LON` in degrees (north, east). */
export function resolveLaunchSite(text: string): LaunchSite {
  const t = text.trim().toLowerCase();
  const known = LAUNCH_SITES.find((s) => s.id === t);
  if (known) return known;
  const m = /^(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)$/.exec(t);
  if (m) {
    const latDeg = Number(m[1]);
    const lonDeg = Number(m[2]);
    if (Math.abs(latDeg) > 90) throw new LaunchSiteError(`--site latitude must be between -90 and 90, got ${m[1]}`);
    if (Math.abs(lonDeg) > 180) throw new LaunchSiteError(`--site longitude must be between -180 and 180, got ${m[2]}`);
    return { id: 'custom', name: `${latDeg}°, ${lonDeg}°`, latDeg, lonDeg, source: 'given by the user' };
  }
  throw new LaunchSiteError(`unknown site ${JSON.stringify(text)}: use one of ${LAUNCH_SITES.map((s) => s.id).join(', ')} or LAT,LON`);
}
