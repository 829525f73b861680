/**
 * JSON pieces of an orbit history and its manoeuvre detection, shared by the CLI (`history --json`)
 * and the server (/api/objects/:norad/history): snake_case keys with units in their names.
 */
import type { DecaySegment, DetectedManeuver, ManeuverDetection } from './detectManeuvers.js';
import type { OrbitHistoryPoint } from './orbitHistory.js';
import { roundTo } from '../../foundation/math/round.js';

/** What the altitudes are measured from, stated in every history answer. */
export const HISTORY_ALTITUDE_REFERENCE = 'mean (Brouwer) semi-major axis minus WGS-72 equatorial radius 6378.135 km';

const km = (m: number) => m / 1000;

/** One element-set epoch: semi-major axis, eccentricity and the three altitudes (km, 4 decimals). */
export function historyPointJson(p: OrbitHistoryPoint) {
  return {
    epoch_utc: p.epoch.toIsoUtc(3),
    a_km: roundTo(km(p.semiMajorAxisM), 4),
    eccentricity: p.eccentricity,
    mean_altitude_km: roundTo(km(p.meanAltitudeM), 4),
    perigee_altitude_km: roundTo(km(p.perigeeAltitudeM), 4),
    apogee_altitude_km: roundTo(km(p.apogeeAltitudeM), 4),
  };
}

/** One detected manoeuvre: kind, window, Δa with its 1σ and Δv. */
export function maneuverJson(m: DetectedManeuver) {
  return {
    kind: m.kind,
    window_start_utc: m.windowStart.toIsoUtc(3),
    window_end_utc: m.windowEnd.toIsoUtc(3),
    delta_a_km: roundTo(km(m.deltaSemiMajorAxisM), 4),
    delta_a_sigma_km: roundTo(km(m.deltaSemiMajorAxisSigmaM), 4),
    delta_v_m_per_s: roundTo(m.deltaVMPerS, 3),
  };
}

/** One natural-decay arc between manoeuvres. */
export function decaySegmentJson(s: DecaySegment) {
  return {
    start_utc: s.start.toIsoUtc(3),
    end_utc: s.end.toIsoUtc(3),
    points: s.points,
    mean_altitude_km: roundTo(km(s.meanAltitudeM), 3),
    decay_rate_m_per_day: roundTo(s.decayRateMPerDay, 2),
  };
}

/** Typical decay rate and TLE noise of a detection; null where there were too few points to measure them. */
export function detectionRatesJson(d: ManeuverDetection) {
  return {
    decay_rate_m_per_day: Number.isFinite(d.decayRateMPerDay) ? roundTo(d.decayRateMPerDay, 2) : null,
    noise_sigma_m: Number.isFinite(d.noiseSigmaM) ? roundTo(d.noiseSigmaM, 2) : null,
  };
}
