/**
 * The reference path: satellite.js (Vallado's C++ SGP4/SDP4 translated to JavaScript), the
 * baseline of the tests, the benchmark and `bench-sgp4 --compare`. The project's own kernels
 * propagate both near-Earth and deep-space objects.
 */
import { json2satrec, sgp4, twoline2satrec, type OMMJsonObject, type SatRec } from 'satellite.js';
import type { MeanElements } from '../../foundation/formats/meanElements.js';
import { isSgp4TleLines, type Sgp4Source } from './elements.js';

/**
 * A satellite.js record, WGS-72, improved mode. TLE lines are used as given; mean elements go
 * through satellite.js' OMM reader, whose epoch is a JavaScript Date: the epoch it uses for
 * sidereal time and the luni-solar terms is rounded to the millisecond (times since epoch are
 * still measured from the exact epoch by our callers). For deep-space objects that moves the
 * result by up to ω⊕ · 0.5 ms · r (about 1 mm at GEO distance) against the TLE-lines path.
 */
export function satrecFromSource(source: Sgp4Source): SatRec {
  if (isSgp4TleLines(source)) return twoline2satrec(source.line1, source.line2.slice(0, 69));
  return json2satrec(ommJsonFromMeanElements(source), 'i');
}

/**
 * satellite.js reads EPOCH into a Date: give it the epoch rounded to the millisecond. A Date has
 * no leap second, so an epoch inside one (23:59:60.x, e.g. 2016-12-31) becomes 23:59:59.999, the
 * last instant of the day on the 86,400 s scale SGP4's Julian dates use (an invalid Date gave NaN
 * states). Times since epoch are still measured from the exact epoch by the callers.
 */
function satelliteJsEpochText(el: MeanElements): string {
  const text = el.epoch.plusSeconds(0.0005).toIsoUtc(3);
  return /T23:59:6\d/.test(text) ? el.epoch.toDate().toISOString() : text;
}

/** satellite.js' OMM-JSON input for a set of mean elements. */
export function ommJsonFromMeanElements(el: MeanElements): OMMJsonObject {
  return {
    OBJECT_NAME: el.objectName,
    OBJECT_ID: el.intlDesignator,
    EPOCH: satelliteJsEpochText(el),
    MEAN_MOTION: el.meanMotionRevPerDay,
    ECCENTRICITY: el.eccentricity,
    INCLINATION: el.inclinationDeg,
    RA_OF_ASC_NODE: el.raanDeg,
    ARG_OF_PERICENTER: el.argPerigeeDeg,
    MEAN_ANOMALY: el.meanAnomalyDeg,
    NORAD_CAT_ID: el.noradId,
    ELEMENT_SET_NO: el.elementSetNo,
    REV_AT_EPOCH: el.revAtEpoch,
    BSTAR: el.bstar,
    MEAN_MOTION_DOT: el.meanMotionDot,
    MEAN_MOTION_DDOT: el.meanMotionDdot,
  };
}

/**
 * Same contract as the near-Earth kernel's span propagation, through satellite.js' `sgp4()`:
 * tsince = baseMin + times[t0 + k]; NaN and the error code where SGP4 reports one.
 */
export function propagateSatrecSpan(
  satrec: SatRec,
  baseMin: number,
  times: Float64Array,
  t0: number,
  count: number,
  pos: Float64Array,
  vel: Float64Array,
  err: Uint8Array,
  outIndex: number,
): void {
  for (let k = 0; k < count; k++) {
    const o = outIndex + k;
    const p = 3 * o;
    const pv = sgp4(satrec, baseMin + times[t0 + k]);
    if (pv === null) {
      pos[p] = pos[p + 1] = pos[p + 2] = NaN;
      vel[p] = vel[p + 1] = vel[p + 2] = NaN;
      err[o] = satrec.error === 0 ? 7 : satrec.error;
      continue;
    }
    pos[p] = pv.position.x;
    pos[p + 1] = pv.position.y;
    pos[p + 2] = pv.position.z;
    vel[p] = pv.velocity.x;
    vel[p + 1] = pv.velocity.y;
    vel[p + 2] = pv.velocity.z;
    err[o] = 0;
  }
}
