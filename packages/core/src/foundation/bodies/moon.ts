/**
 * Geocentric Moon position from astronomy-engine's GeoMoon (Don Cross, MIT licence): the lunar
 * series of Montenbruck & Pfleger, "Astronomy on the Personal Computer" (after the Improved
 * Lunar Ephemeris / Brown's theory), geometric (no light time: 1.3 s, ≈ 1.3 km of lunar motion),
 * J2000 mean equator and equinox (EQJ ≈ GCRF to 23 mas).
 *
 * Accuracy measured in test/forces/moon.test.ts against Meeus, "Astronomical Algorithms"
 * (2nd ed. 1998) Example 47.a (1992-04-12 0h TD): 2.3″ in ecliptic longitude, 0.8″ in
 * latitude, 15 km in distance (Meeus's own truncated ELP-2000/82 claims 10″ / 4″). For the
 * third-body acceleration on a LEO satellite (~1e-6 m/s²) a 15 km distance error is a relative
 * error of ~1e-4, i.e. ~1e-10 m/s².
 */
import * as Astronomy from 'astronomy-engine';
import type { Epoch } from '../time/epoch.js';
import { ASTRONOMICAL_UNIT_M } from './sun.js';

/** Geometric geocentric Moon position, GCRF (EQJ), metres; writes `out`. */
export function moonPositionGcrfM(epoch: Epoch, out: Float64Array = new Float64Array(3)): Float64Array {
  const time = Astronomy.AstroTime.FromTerrestrialTime(epoch.ttSecondsJ2000() / 86400);
  const v = Astronomy.GeoMoon(time);
  out[0] = v.x * ASTRONOMICAL_UNIT_M;
  out[1] = v.y * ASTRONOMICAL_UNIT_M;
  out[2] = v.z * ASTRONOMICAL_UNIT_M;
  return out;
}
