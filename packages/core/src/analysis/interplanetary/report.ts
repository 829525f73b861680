/**
 * Transfer results as plain JSON (km, km/s, km²/s², degrees, ISO UTC), shared by the CLI's
 * `--json`, the server's porkchop job and the dashboard. Non-finite numbers become null.
 */
import type { Epoch } from '../../foundation/time/epoch.js';
import { circularToHyperbola, launchPlane } from './departure.js';
import { checkEphemerisRange, planetPoleAtTtDays, planetState, transferBody, TransferInputError, ttDaysJ2000 } from './ephemeris.js';
import { DEFAULT_CAPTURE_ALTITUDE_M, DEFAULT_PARKING_ALTITUDE_M, porkchopMinima, type PorkchopGrid, type PorkchopPoint } from './porkchop.js';
import { multiRevolutionTransfers, transferMetrics } from './transfer.js';
import type { TransferWindow, WindowPoint } from './windows.js';
import { roundFixedOrNull } from '../../foundation/math/round.js';
import { DEG_PER_RAD } from '../../foundation/math/angles.js';


export interface LambertRequest {
  from: string;
  to: string;
  depart: Epoch;
  arrive: Epoch;
  parkingAltitudeM?: number;
  captureAltitudeM?: number;
  /** Launch-site latitude (rad), for the parking-orbit plane check. */
  launchLatitudeRad?: number;
  /** Also list the multi-revolution solutions up to this many revolutions (default 0: none). */
  maxRevolutions?: number;
}

/** The direct transfer between two dates, as JSON. Throws TransferInputError on bad input. */
export function lambertReport(r: LambertRequest) {
  const from = transferBody(r.from, 'from');
  const to = transferBody(r.to, 'to');
  if (from.id === to.id) throw new TransferInputError(`to: departure and arrival bodies are both ${from.id}`);
  checkEphemerisRange(r.depart, 'depart');
  checkEphemerisRange(r.arrive, 'arrive');
  if (!r.arrive.isAfter(r.depart)) throw new TransferInputError(`arrive: ${r.arrive.toIsoUtc(0)} is not after depart ${r.depart.toIsoUtc(0)}`);
  const tofS = r.arrive.secondsSince(r.depart);
  const depState = planetState(from, r.depart);
  const arrState = planetState(to, r.arrive);
  const m = transferMetrics(depState, arrState, tofS, planetPoleAtTtDays(to, ttDaysJ2000(r.arrive)));
  if (!m) throw new TransferInputError('the two positions are collinear with the Sun (transfer angle 0 or 180°): the transfer plane is undefined');
  const parkingAltitudeM = r.parkingAltitudeM ?? DEFAULT_PARKING_ALTITUDE_M;
  const captureAltitudeM = r.captureAltitudeM ?? DEFAULT_CAPTURE_ALTITUDE_M;
  const dep = circularToHyperbola({ vInfinityMS: m.vInfDepartureMS, gmM3S2: from.gmM3S2, orbitRadiusM: from.equatorialRadiusM + parkingAltitudeM });
  const cap = circularToHyperbola({ vInfinityMS: m.vInfArrivalMS, gmM3S2: to.gmM3S2, orbitRadiusM: to.equatorialRadiusM + captureAltitudeM });
  const plane = r.launchLatitudeRad !== undefined && from.id === 'earth' ? launchPlane({ asymptoteDeclinationRad: m.dlaRad, siteLatitudeRad: r.launchLatitudeRad }) : undefined;
  return {
    from: from.id,
    to: to.id,
    depart_utc: r.depart.toIsoUtc(0),
    arrive_utc: r.arrive.toIsoUtc(0),
    tof_days: roundFixedOrNull(tofS / 86400, 3),
    c3_km2_s2: roundFixedOrNull(m.c3M2S2 / 1e6, 4),
    vinf_departure_km_s: roundFixedOrNull(m.vInfDepartureMS / 1e3, 4),
    dla_deg: roundFixedOrNull(m.dlaRad * DEG_PER_RAD, 3),
    rla_deg: roundFixedOrNull(m.rlaRad * DEG_PER_RAD, 3),
    vinf_arrival_km_s: roundFixedOrNull(m.vInfArrivalMS / 1e3, 4),
    arrival_declination_deg: roundFixedOrNull(m.dapRad * DEG_PER_RAD, 3),
    transfer_angle_deg: roundFixedOrNull(m.transferAngleRad * DEG_PER_RAD, 3),
    type: m.type === 1 ? 'I' : 'II',
    parking_altitude_km: parkingAltitudeM / 1e3,
    departure_delta_v_km_s: roundFixedOrNull(dep.deltaVMS / 1e3, 4),
    capture_altitude_km: captureAltitudeM / 1e3,
    capture_delta_v_km_s: roundFixedOrNull(cap.deltaVMS / 1e3, 4),
    ...(plane
      ? {
          launch_latitude_deg: roundFixedOrNull((r.launchLatitudeRad as number) * DEG_PER_RAD, 4),
          minimum_parking_inclination_deg: roundFixedOrNull(plane.minimumInclinationRad * DEG_PER_RAD, 3),
          launch_azimuth_deg: roundFixedOrNull(plane.launchAzimuthRad * DEG_PER_RAD, 3),
          dla_within_site_latitude: plane.declinationWithinSiteLatitude,
        }
      : {}),
    ...(r.maxRevolutions
      ? {
          solutions: multiRevolutionTransfers(depState, arrState, tofS, r.maxRevolutions).map((x) => ({
            revolutions: x.revolutions,
            branch: x.branch,
            c3_km2_s2: roundFixedOrNull(x.c3M2S2 / 1e6, 4),
            dla_deg: roundFixedOrNull(x.dlaRad * DEG_PER_RAD, 3),
            vinf_arrival_km_s: roundFixedOrNull(x.vInfArrivalMS / 1e3, 4),
          })),
        }
      : {}),
    frame: 'heliocentric EME2000 (astronomy-engine EQJ); DLA/RLA on the Earth mean equator of J2000, arrival declination on the arrival planet\'s equator (IAU pole)',
  };
}

export type LambertReport = ReturnType<typeof lambertReport>;

function pointJson(p: PorkchopPoint | undefined) {
  if (!p) return null;
  return {
    depart_utc: p.depart.toIsoUtc(0),
    arrive_utc: p.arrive.toIsoUtc(0),
    tof_days: roundFixedOrNull(p.tofDays, 3),
    c3_km2_s2: roundFixedOrNull(p.c3M2S2 / 1e6, 4),
    dla_deg: roundFixedOrNull(p.dlaRad * DEG_PER_RAD, 3),
    vinf_arrival_km_s: roundFixedOrNull(p.vInfArrivalMS / 1e3, 4),
    arrival_declination_deg: roundFixedOrNull(p.dapRad * DEG_PER_RAD, 3),
    type: p.type === 1 ? 'I' : 'II',
    total_delta_v_km_s: roundFixedOrNull(p.totalDeltaVMS / 1e3, 4),
  };
}

/** Rows (one per departure date) of a grid quantity, scaled and rounded. */
function rows(g: PorkchopGrid, values: ArrayLike<number>, scale: number, digits: number): (number | null)[][] {
  const n = g.arrive.length;
  return g.depart.map((_, i) => Array.from({ length: n }, (_, j) => roundFixedOrNull(values[i * n + j] * scale, digits)));
}

/** The grid's minima as JSON (minimum C3 and minimum total Δv, overall and per type). */
export function porkchopMinimaJson(g: PorkchopGrid) {
  const m = porkchopMinima(g);
  return {
    min_c3: pointJson(m.minC3),
    min_c3_type1: pointJson(m.minC3Type1),
    min_c3_type2: pointJson(m.minC3Type2),
    min_total_delta_v: pointJson(m.minTotalDeltaV),
    min_total_delta_v_type1: pointJson(m.minTotalDeltaVType1),
    min_total_delta_v_type2: pointJson(m.minTotalDeltaVType2),
  };
}

/** Grid (rows = departure dates, columns = arrival dates) plus minima, as JSON. */
export function porkchopReport(g: PorkchopGrid, stepDays: number) {
  return {
    from: g.from.id,
    to: g.to.id,
    step_days: stepDays,
    parking_altitude_km: g.parkingAltitudeM / 1e3,
    capture_altitude_km: g.captureAltitudeM / 1e3,
    depart_utc: g.depart.map((e) => e.toIsoUtc(0)),
    arrive_utc: g.arrive.map((e) => e.toIsoUtc(0)),
    minima: porkchopMinimaJson(g),
    c3_km2_s2: rows(g, g.c3M2S2, 1e-6, 3),
    vinf_arrival_km_s: rows(g, g.vInfArrivalMS, 1e-3, 3),
    dla_deg: rows(g, g.dlaRad, DEG_PER_RAD, 2),
    arrival_declination_deg: rows(g, g.dapRad, DEG_PER_RAD, 2),
    tof_days: rows(g, g.tofDays, 1, 3),
    type: rows(g, g.type, 1, 0).map((r) => r.map((t) => (t === 1 || t === 2 ? t : null))),
    total_delta_v_km_s: rows(g, g.totalDeltaVMS, 1e-3, 4),
  };
}

export type PorkchopReport = ReturnType<typeof porkchopReport>;

function windowPointJson(p: WindowPoint | undefined) {
  if (!p) return null;
  return {
    depart_utc: p.depart.toIsoUtc(0),
    arrive_utc: p.arrive.toIsoUtc(0),
    tof_days: roundFixedOrNull(p.tofDays, 2),
    c3_km2_s2: roundFixedOrNull(p.transfer.c3M2S2 / 1e6, 3),
    dla_deg: roundFixedOrNull(p.transfer.dlaRad * DEG_PER_RAD, 2),
    vinf_arrival_km_s: roundFixedOrNull(p.transfer.vInfArrivalMS / 1e3, 3),
    type: p.transfer.type === 1 ? 'I' : 'II',
  };
}

export function windowsReport(windows: TransferWindow[], c3MarginKm2S2: number) {
  return windows.map((w) => ({
    best: windowPointJson(w.best),
    type1: windowPointJson(w.type1),
    type2: windowPointJson(w.type2),
    launch_period: {
      start_utc: w.launchPeriodStart.toIsoUtc(0),
      end_utc: w.launchPeriodEnd.toIsoUtc(0),
      days: Math.round(w.launchPeriodEnd.secondsSince(w.launchPeriodStart) / 86400) + 1,
      definition: `departure days whose best C3 is within ${c3MarginKm2S2} km²/s² of the window's best`,
    },
  }));
}
