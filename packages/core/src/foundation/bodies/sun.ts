/**
 * Geocentric Sun position from astronomy-engine (Don Cross, MIT licence), which evaluates a
 * truncated VSOP87 series for the Earth; its stated accuracy is better than 1 arcminute, and the
 * tests here measure ~1″ against ERFA's epv00 + IAU 2006/2000A precession–nutation (see
 * test/passes/sun.test.ts). That is far below what passes need: 1′ of Sun direction moves a
 * shadow entry by ~0.3 s and a twilight boundary by ~4 s.
 *
 * Frame: true equator and equinox of date (astronomy-engine's EQD: IAU 2006 precession and its
 * nutation). TEME (the SGP4 frame) is rotated from it about the pole by the equation of the
 * equinoxes (≤ 1.2 s of sidereal time, ≤ 18″); that is neglected, so the result serves as TEME
 * to 18″ — 0.1 s of shadow timing at LEO.
 */
import * as Astronomy from 'astronomy-engine';
import type { Epoch } from '../time/epoch.js';

/** IAU 2012 Resolution B2: the astronomical unit is exactly 149 597 870 700 m. */
export const ASTRONOMICAL_UNIT_M = 149_597_870_700;

/** TT days since J2000.0 (2000-01-01T12:00 TT), astronomy-engine's time argument. */
function ttDaysJ2000(epoch: Epoch): number {
  return epoch.ttSecondsJ2000() / 86400;
}

/**
 * Apparent geocentric Sun position (light-time and annual aberration applied, i.e. where the
 * Sun appears from the Earth), true-of-date ≈ TEME, metres. Writes into `out`.
 */
export function sunPositionTemeM(epoch: Epoch, out: Float64Array = new Float64Array(3)): Float64Array {
  const time = Astronomy.AstroTime.FromTerrestrialTime(ttDaysJ2000(epoch));
  const eqj = Astronomy.GeoVector(Astronomy.Body.Sun, time, true);
  const rot = Astronomy.Rotation_EQJ_EQD(time).rot;
  // astronomy-engine's RotationMatrix is column-major: v_out[i] = Σ_j rot[j][i] v_in[j].
  const x = eqj.x;
  const y = eqj.y;
  const z = eqj.z;
  out[0] = (rot[0][0] * x + rot[1][0] * y + rot[2][0] * z) * ASTRONOMICAL_UNIT_M;
  out[1] = (rot[0][1] * x + rot[1][1] * y + rot[2][1] * z) * ASTRONOMICAL_UNIT_M;
  out[2] = (rot[0][2] * x + rot[1][2] * y + rot[2][2] * z) * ASTRONOMICAL_UNIT_M;
  return out;
}

/**
 * Geometric geocentric Sun position (no aberration; astronomy-engine still applies the Sun's
 * light time), J2000 mean equator and equinox (EQJ ≈ GCRF to 23 mas), metres. For validation
 * against other ephemerides.
 */
export function sunPositionJ2000GeometricM(epoch: Epoch, out: Float64Array = new Float64Array(3)): Float64Array {
  const time = Astronomy.AstroTime.FromTerrestrialTime(ttDaysJ2000(epoch));
  const v = Astronomy.GeoVector(Astronomy.Body.Sun, time, false);
  out[0] = v.x * ASTRONOMICAL_UNIT_M;
  out[1] = v.y * ASTRONOMICAL_UNIT_M;
  out[2] = v.z * ASTRONOMICAL_UNIT_M;
  return out;
}
