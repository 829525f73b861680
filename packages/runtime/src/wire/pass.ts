/**
 * The wire form of a pass over a site, as GET /api/objects/:norad/passes answers and
 * `stationkeeper passes --json` / `where --json` print (docs/api.md "Pass"): times to the
 * millisecond, azimuths and elevations to 1e-3°, range to 0.1 km, duration to 0.1 s, magnitude to
 * 0.1; points of the path across the sky to 0.01° and the second.
 */
import type { Pass, PassPoint } from '@stationkeeper/core';
import { roundTo } from '@stationkeeper/core';

export interface PassJson {
  rise_utc: string;
  rise_azimuth_deg: number;
  culmination_utc: string;
  culmination_azimuth_deg: number;
  max_elevation_deg: number;
  culmination_range_km: number;
  set_utc: string;
  set_azimuth_deg: number;
  duration_s: number;
  in_progress_at_start: boolean;
  in_progress_at_end: boolean;
  visible: boolean;
  visible_windows: { start_utc: string; end_utc: string }[];
  magnitude: number | null;
  sun_elevation_at_culmination_deg: number;
}

export interface SkyPointJson {
  t_utc: string;
  az_deg: number;
  el_deg: number;
}

export function passJson(p: Pass): PassJson {
  return {
    rise_utc: p.rise.epoch.toIsoUtc(3),
    rise_azimuth_deg: roundTo(p.rise.azimuthDeg, 3),
    culmination_utc: p.culmination.epoch.toIsoUtc(3),
    culmination_azimuth_deg: roundTo(p.culmination.azimuthDeg, 3),
    max_elevation_deg: roundTo(p.maxElevationDeg, 3),
    culmination_range_km: roundTo(p.culmination.rangeKm, 1),
    set_utc: p.set.epoch.toIsoUtc(3),
    set_azimuth_deg: roundTo(p.set.azimuthDeg, 3),
    duration_s: roundTo(p.durationS, 1),
    in_progress_at_start: p.inProgressAtStart,
    in_progress_at_end: p.inProgressAtEnd,
    visible: p.visible,
    visible_windows: p.visibleWindows.map((w) => ({ start_utc: w.start.epoch.toIsoUtc(3), end_utc: w.end.epoch.toIsoUtc(3) })),
    magnitude: p.magnitude === null ? null : roundTo(p.magnitude, 1),
    sun_elevation_at_culmination_deg: roundTo(p.sunElevationAtCulminationDeg, 2),
  };
}

/** One point of a pass's path across the sky (polar chart). */
export function skyPointJson(x: PassPoint): SkyPointJson {
  return { t_utc: x.epoch.toIsoUtc(0), az_deg: roundTo(x.azimuthDeg, 2), el_deg: roundTo(x.elevationDeg, 2) };
}
