/**
 * A landing prediction as plain JSON (snake_case, degrees, km, UTC ISO strings): what the CLI's
 * `landing --json`, the server and the dashboard hand out.
 */
import type { DispersionEllipse, MemberLanding } from './dispersion.js';
import type { LandingPrediction } from './landing.js';
import { roundFixed } from '../../foundation/math/round.js';

export interface LandingDispersionSummary {
  members: number;
  seed: number;
  ellipse: DispersionEllipse;
  /** Spread of the landing time, s (1σ). */
  landingTimeSigmaS: number;
  /** 95th percentile of the members' peak deceleration, g. */
  peakG95: number;
}


/** One landing opportunity as JSON (the server's crew-return job, the dashboard). */
export interface LandingOpportunityJson {
  burn_utc: string;
  landing_utc: string;
  landing_lat_deg: number;
  landing_lon_deg: number;
  crossrange_km: number;
  sunlit_at_landing: boolean;
  max_deceleration_g: number;
  /** [lat_deg, lon_deg] from the burn to touchdown, ≤ 60 s apart. */
  ground_track: [number, number][];
}

export function landingJson(p: LandingPrediction, vehicleId: string, dispersion?: LandingDispersionSummary) {
  const at = (name: string) => p.events.find((e) => e.name === name);
  const iso = (name: string) => at(name)?.epoch.toIsoUtc(0) ?? null;
  return {
    vehicle: vehicleId,
    descent: p.mode,
    // Null: the vehicle started from the station's state at the burn (no undocking given).
    undocking_utc: p.undockingEpoch?.toIsoUtc(0) ?? null,
    burn_utc: p.burnEpoch.toIsoUtc(0),
    burn_end_utc: p.burnEndEpoch.toIsoUtc(0),
    perigee_after_burn_km: roundFixed(p.perigeeAfterBurnKm, 1),
    landing_utc: p.landing.epoch.toIsoUtc(0),
    landing_lat_deg: roundFixed(p.landing.latDeg, 4),
    landing_lon_deg: roundFixed(p.landing.lonDeg, 4),
    burn_to_landing_min: roundFixed(p.landing.epoch.secondsSince(p.burnEpoch) / 60, 2),
    entry_interface_utc: iso('entry interface'),
    module_separation_utc: iso('module separation'),
    max_deceleration_g: roundFixed(p.peak.decelerationG, 2),
    max_deceleration_utc: p.peak.epoch.toIsoUtc(0),
    max_deceleration_altitude_km: roundFixed(p.peak.altitudeKm, 1),
    bank_deg: p.bankDeg === undefined ? null : roundFixed(p.bankDeg, 1),
    target_miss_km: p.targetMissKm === undefined ? null : roundFixed(p.targetMissKm, 2),
    events: p.events.map((e) => ({ name: e.name, utc: e.epoch.toIsoUtc(1), altitude_km: roundFixed(e.altitudeKm, 2), lat_deg: roundFixed(e.latDeg, 4), lon_deg: roundFixed(e.lonDeg, 4), air_speed_m_s: roundFixed(e.speedMps, 1) })),
    ground_track: p.track.map((t) => [roundFixed(t.latDeg, 4), roundFixed(t.lonDeg, 4)]),
    ...(dispersion
      ? {
          ellipse: {
            semi_major_km: roundFixed(dispersion.ellipse.semiMajorKm, 2),
            semi_minor_km: roundFixed(dispersion.ellipse.semiMinorKm, 2),
            azimuth_deg: roundFixed(dispersion.ellipse.azimuthDeg, 1),
            confidence: dispersion.ellipse.confidence,
            centre_lat_deg: roundFixed(dispersion.ellipse.centreLatDeg, 4),
            centre_lon_deg: roundFixed(dispersion.ellipse.centreLonDeg, 4),
          },
          monte_carlo: { members: dispersion.members, seed: dispersion.seed, landing_time_sigma_s: roundFixed(dispersion.landingTimeSigmaS, 1), max_deceleration_g_p95: roundFixed(dispersion.peakG95, 2) },
        }
      : {}),
  };
}

/** Summary of members: the ellipse and the spreads. */
export function summariseDispersion(members: readonly MemberLanding[], seed: number, ellipse: DispersionEllipse): LandingDispersionSummary {
  const n = members.length;
  const meanDt = members.reduce((a, m) => a + m.dtS, 0) / n;
  const sigma = Math.sqrt(members.reduce((a, m) => a + (m.dtS - meanDt) ** 2, 0) / Math.max(1, n - 1));
  const gs = members.map((m) => m.peakG).sort((a, b) => a - b);
  return { members: n, seed, ellipse, landingTimeSigmaS: sigma, peakG95: gs[Math.min(n - 1, Math.floor(0.95 * n))] };
}

/** Points of the ellipse's outline (lat, lon deg), for maps and GeoJSON. */
export function ellipseOutline(e: DispersionEllipse, points = 72): [number, number][] {
  const kmPerDeg = (6371 * Math.PI) / 180;
  const az = (e.azimuthDeg * Math.PI) / 180;
  const out: [number, number][] = [];
  for (let i = 0; i <= points; i++) {
    const t = (2 * Math.PI * i) / points;
    const a = e.semiMajorKm * Math.cos(t);
    const b = e.semiMinorKm * Math.sin(t);
    // Major axis along azimuth az (clockwise from north): east = a sin az + b cos az, north = a cos az − b sin az.
    const east = a * Math.sin(az) + b * Math.cos(az);
    const north = a * Math.cos(az) - b * Math.sin(az);
    out.push([e.centreLatDeg + north / kmPerDeg, e.centreLonDeg + east / (kmPerDeg * Math.cos((e.centreLatDeg * Math.PI) / 180))]);
  }
  return out;
}
