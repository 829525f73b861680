/**
 * JSON forms (snake_case, units in the names) of group summaries and deployments, shared by the
 * CLI's --json, the server's responses and the dashboard.
 */
import type { MeanElements } from '../../foundation/formats/meanElements.js';
import type { DeploymentResult } from './deployment.js';
import type { GroupSummary } from './planes.js';
import { roundToOrNull } from '../../foundation/math/round.js';


export function groupSummaryJson(g: GroupSummary) {
  return {
    count: g.count,
    reference_utc: g.reference.toIsoUtc(0),
    spacing_deg: roundToOrNull(g.spacingDeg, 3),
    plane_slots: g.planeSlots,
    planes: g.planes.map((p) => ({
      raan_deg: roundToOrNull(p.raanDeg, 2),
      inclination_deg: roundToOrNull(p.inclinationDeg, 3),
      mean_altitude_km: roundToOrNull(p.meanAltitudeKm, 1),
      altitude_spread_km: roundToOrNull(p.altitudeSpreadKm, 1),
      member_count: p.members.length,
      members: p.members,
      in_plane_spacing_deg: roundToOrNull(p.inPlaneSpacingDeg, 2),
    })),
    stragglers: g.stragglers,
  };
}

/** Satellites' positions for a map: the group's element sets with their plane index (−1: straggler). */
export function groupMembersJson(records: readonly MeanElements[], g: GroupSummary) {
  const planeOf = new Map<number, number>();
  g.planes.forEach((p, k) => p.members.forEach((id) => planeOf.set(id, k)));
  return records.map((r) => ({ norad: r.noradId, name: r.objectName.trim(), plane: planeOf.get(r.noradId) ?? -1 }));
}

export function deploymentJson(d: DeploymentResult, daysStep = 1) {
  const names = d.released.map((r) => r.elements.objectName);
  const spreadDays = d.spread.filter((s, k) => k === 0 || Math.abs(s.days / daysStep - Math.round(s.days / daysStep)) < 1e-6);
  return {
    first_release_utc: d.released[0].elements.epoch.toIsoUtc(0),
    last_release_utc: d.lastRelease.toIsoUtc(0),
    satellites: d.released.map((r) => ({
      name: r.elements.objectName,
      norad: r.elements.noradId,
      event: r.event + 1,
      release_utc: r.elements.epoch.toIsoUtc(0),
      delta_v_rtn_m_s: r.deltaVRtnMps.map((v) => roundToOrNull(v, 4)),
    })),
    spread: spreadDays.map((s) => ({ days: roundToOrNull(s.days, 3), spread_km: roundToOrNull(s.spreadKm, 1), mean_altitude_km: roundToOrNull(s.meanRadiusAltitudeKm, 2) })),
    station_conjunctions: (d.station?.approaches ?? []).map((a) => ({
      satellite: names[a.object2 - 1],
      tca_utc: d.station?.start.plusSeconds(a.tcaSeconds).toIsoUtc(3),
      miss_km: roundToOrNull(a.missKm, 3),
      relative_speed_km_s: roundToOrNull(a.relativeSpeedKmS, 3),
    })),
    pair_conjunctions: d.pairs.pairs.map((p) => ({
      satellite_a: names[p.a],
      satellite_b: names[p.b],
      first_tca_utc: d.pairs.start.plusSeconds(p.firstTcaS).toIsoUtc(3),
      first_miss_km: roundToOrNull(p.firstMissKm, 3),
      min_miss_km: roundToOrNull(p.minMissKm, 3),
      approaches: p.approaches,
    })),
    co_flying: d.coFlying.map((c) => ({
      event: c.event + 1,
      satellites: c.satellites.map((k) => names[k]),
      min_distance_km: roundToOrNull(c.minDistanceKm, 3),
      max_distance_km: roundToOrNull(c.maxDistanceKm, 3),
    })),
  };
}
