/**
 * The wire form (JSON: snake_case, units in the names) of where an object is at one instant, as
 * GET /api/objects/:norad/state answers and `stationkeeper where --json` prints: geodetic
 * latitude and longitude to 1e-6° (about 0.1 m), altitude and speeds to 1e-6 km(/s), times to the
 * millisecond. Track points (GET …/track) are coarser: 1e-5° and 0.1 m of altitude.
 */
import { DEG_PER_RAD, roundTo, wrapLonDeg, type Epoch, type SubSatelliteState } from '@stationkeeper/core';

export interface StateJson {
  epoch_utc: string;
  lat_deg: number;
  lon_deg: number;
  alt_km: number;
  speed_km_s: number;
  ground_speed_km_s: number;
  sunlit: boolean;
  tle_epoch_utc: string;
  tle_age_days: number;
}

export interface TrackPointJson {
  t_utc: string;
  lat_deg: number;
  lon_deg: number;
  alt_km: number;
  sunlit: boolean;
}

/** The state at `at` of an object whose elements have epoch `elementsEpoch`. */
export function stateJson(s: SubSatelliteState, at: Epoch, elementsEpoch: Epoch): StateJson {
  return {
    epoch_utc: at.toIsoUtc(3),
    lat_deg: roundTo(s.latRad * DEG_PER_RAD, 6),
    lon_deg: roundTo(wrapLonDeg(s.lonRad * DEG_PER_RAD), 6),
    alt_km: roundTo(s.altM / 1e3, 6),
    speed_km_s: roundTo(s.speedMps / 1e3, 6),
    ground_speed_km_s: roundTo(s.groundSpeedMps / 1e3, 6),
    sunlit: s.sunlit,
    tle_epoch_utc: elementsEpoch.toIsoUtc(3),
    tle_age_days: roundTo(at.secondsSince(elementsEpoch) / 86400, 6),
  };
}

/** One point of a ground track. */
export function trackPointJson(s: SubSatelliteState, t: Epoch): TrackPointJson {
  return { t_utc: t.toIsoUtc(3), lat_deg: roundTo(s.latRad * DEG_PER_RAD, 5), lon_deg: roundTo(wrapLonDeg(s.lonRad * DEG_PER_RAD), 5), alt_km: roundTo(s.altM / 1e3, 4), sunlit: s.sunlit };
}
