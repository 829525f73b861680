/**
 * Controlled de-orbit planner: perigee-lowering burns at apogee, then a final burn whose debris
 * footprint lands inside the uninhabited area.
 *
 * Model (first-order, stated in docs/station-keeping.md):
 * - Burns are impulsive, retrograde, at apogee; each lowers perigee and keeps apogee (vis-viva:
 *   Δv = v_a(a) − v_a(a′), a = (r_a + r_p)/2; Vallado 4th ed. §6.3). Drag between burns and the
 *   finite-burn loss are left out (Mir's reported burns were 9.3/10.4 m/s where vis-viva gives
 *   7.7/8.9: these effects are 15–20 %).
 * - Default sequence: perigee down in steps of `perigeeStepM` to `lastIntermediatePerigeeM` (Mir:
 *   219×188, 219×158, facts §4), then the final burn to `finalPerigeeM` (default 50 km: a steep
 *   entry; Mir's last 28 m/s implies ≈ 65 km by vis-viva).
 * - Footprint: the post-burn trajectory is integrated with drag (dragDescent.ts) to the breakup
 *   altitude (default 78 km, the usual figure for large-station breakup); from there debris
 *   spreads along the ground track over `debrisLengthM` (default 5,370 km, the National
 *   Academies' upper bound for the ISS, facts §4) with width `debrisWidthM` (300 km). Drag
 *   shortens the descent: breakup comes earlier and uprange of the drag-free ellipse's.
 * - Targeting: the final burn's time (and so its apogee position) is searched over `searchDays`
 *   in 20 s steps for the footprint whose centre is nearest `target` with every point inside `zone`.
 */
import { WGS72_MU_M3_PER_S2 } from '../../foundation/elements/wgs72.js';
import { gmst82Rad } from '../../foundation/frames/earthOrientation.js';
import { burnDurationS, propellantForDeltaVKg } from '../../models/maneuvers/rocket.js';
import { dragDescentToBreakup, type DragDescent } from './dragDescent.js';
import type { VehicleSpec } from '../../models/maneuvers/vehicles.js';
import type { Epoch } from '../../foundation/time/epoch.js';
import type { EopSource } from '../../foundation/time/eop.js';
import { greatCircleKm } from '../../foundation/frames/greatCircle.js';
import { insideRing, POINT_NEMO, SPOUA_APPROXIMATE, wrapLonDeg, type LonLatRing } from './zone.js';
import { RAD_PER_DEG } from '../../foundation/math/angles.js';
import { roundTo } from '../../foundation/math/round.js';

const MU = WGS72_MU_M3_PER_S2;
/** Heights here are above a sphere of the WGS-84 equatorial radius (6378.137 km). */
const RE = 6378137;

export interface DeorbitInput {
  /** Earliest time of the first burn. */
  epoch: Epoch;
  apogeeAltitudeM: number;
  perigeeAltitudeM: number;
  inclinationRad: number;
  /** Right ascension of the ascending node at `epoch`, rad. */
  raanRad: number;
  /** Stack mass at the first burn, kg. */
  stackMassKg: number;
  /** Perigee heights after each intermediate burn, m; default: steps of perigeeStepM to lastIntermediatePerigeeM. */
  intermediatePerigeesM?: number[];
  perigeeStepM?: number;
  lastIntermediatePerigeeM?: number;
  finalPerigeeM?: number;
  /** Revolutions between burns (default 2). */
  revsBetweenBurns?: number;
  breakupAltitudeM?: number;
  debrisLengthM?: number;
  debrisWidthM?: number;
  target?: { latDeg: number; lonDeg: number };
  zone?: LonLatRing;
  /** Span searched for the final burn time, days (default 1). */
  searchDays?: number;
  /** Vehicles to cost the plan with. */
  vehicles?: VehicleSpec[];
  /** m/(Cd A) of the stack for the descent through the air, kg/m² (default the ISS's, 155). */
  ballisticCoefficientKgPerM2?: number;
  /** Earth orientation: UT1 − UTC for the Earth's rotation under the footprint (without it UT1 = UTC, up to 0.9 s: 0.4 km at the equator). */
  eop?: EopSource;
}

/** ISS: 473,264 kg / (2.0 × 1,525 m²), the project's station model (spacecraft/station.ts). */
export const ISS_BALLISTIC_KG_PER_M2 = 473_264 / (2.0 * 1524.99);

export interface DeorbitBurn {
  epoch_utc: string;
  label: string;
  delta_v_m_s: number;
  perigee_after_km: number;
  apogee_after_km: number;
}

export interface DeorbitPlan {
  total_delta_v_m_s: number;
  burns: DeorbitBurn[];
  vehicle_options: { vehicle: string; name: string; propellant_kg: number; flights: number; burn_time_s: number; graded_defaults: string[] }[];
  breakup: { epoch_utc: string; lat_deg: number; lon_deg: number; altitude_km: number };
  footprint: GeoJsonFeatureCollection;
  inside_zone: boolean;
  /** Distance from the footprint's centre to the target, km. */
  target_miss_km: number;
  model: string;
}

export interface GeoJsonFeatureCollection {
  type: 'FeatureCollection';
  features: { type: 'Feature'; properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }[];
}

function apogeeSpeed(ra: number, rp: number): number {
  const a = (ra + rp) / 2;
  return Math.sqrt(MU * (2 / ra - 1 / a));
}

/** Retrograde Δv at apogee that moves perigee from rp to rp2 (radii, m). */
export function perigeeLoweringDeltaVMps(ra: number, rp: number, rp2: number): number {
  return apogeeSpeed(ra, rp) - apogeeSpeed(ra, rp2);
}

interface Footprint {
  line: [number, number][];
  breakup: { t: number; lat: number; lon: number };
  centre: [number, number];
  inside: boolean;
}

/** Geocentric lon/lat (deg) of an inertial position at an instant (GMST of UT1 = UTC + ut1MinusUtcS). */
function lonLat(x: number, y: number, z: number, epoch: Epoch, dtS: number, ut1MinusUtcS: number): [number, number] {
  const e = epoch.plusSeconds(dtS);
  const { mjdDay, secondsOfDay } = e.utcDaySeconds();
  const lon = Math.atan2(y, x) - gmst82Rad(mjdDay, secondsOfDay + ut1MinusUtcS);
  return [wrapLonDeg(lon / RAD_PER_DEG), Math.asin(z / Math.hypot(x, y, z)) / RAD_PER_DEG];
}

/**
 * Footprint of a final burn at apogee at time `burn` (s after `epoch`), apogee at argument of
 * latitude `uA`, orbit (ra, rpFinal) in the plane (i, Ω).
 */
function footprintOf(epoch: Epoch, burn: number, uA: number, inc: number, raan: number, descent: DragDescent, o: Required<Pick<DeorbitInput, 'breakupAltitudeM' | 'debrisLengthM'>> & { ut1MinusUtcS: number }, zone: LonLatRing): Footprint {
  const tBreak = descent.timeS;
  const cO = Math.cos(raan);
  const sO = Math.sin(raan);
  const cI = Math.cos(inc);
  const sI = Math.sin(inc);
  const pos = (u: number, r: number): [number, number, number] => {
    const cu = Math.cos(u);
    const su = Math.sin(u);
    return [r * (cO * cu - sO * su * cI), r * (sO * cu + cO * su * cI), r * su * sI];
  };
  const uBreak = uA + descent.arcRad;
  // Angular rate at breakup along the track, rad/s of central angle (the debris carry it on).
  const angRate = descent.angularRateRadPerS;
  const line: [number, number][] = [];
  const steps = 40;
  const spanRad = o.debrisLengthM / RE;
  let inside = true;
  for (let k = 0; k <= steps; k++) {
    const du = (spanRad * k) / steps;
    const [x, y, z] = pos(uBreak + du, RE);
    const ll = lonLat(x, y, z, epoch, burn + tBreak + du / angRate, o.ut1MinusUtcS);
    line.push(ll);
    if (!insideRing(ll[0], ll[1], zone)) inside = false;
  }
  const [bx, by, bz] = pos(uBreak, RE + o.breakupAltitudeM);
  const b = lonLat(bx, by, bz, epoch, burn + tBreak, o.ut1MinusUtcS);
  return { line, breakup: { t: burn + tBreak, lat: b[1], lon: b[0] }, centre: line[steps / 2], inside };
}

/** Ring around a ground track, ±halfWidth (m) across it: a simple local-tangent offset. */
function corridor(line: [number, number][], halfWidthM: number): [number, number][] {
  const left: [number, number][] = [];
  const right: [number, number][] = [];
  const dLat = (halfWidthM / RE) / RAD_PER_DEG;
  for (let i = 0; i < line.length; i++) {
    const [lon0, lat0] = line[Math.max(0, i - 1)];
    const [lon1, lat1] = line[Math.min(line.length - 1, i + 1)];
    const c = Math.cos(line[i][1] * RAD_PER_DEG);
    const ex = wrapLonDeg(lon1 - lon0) * c;
    const ey = lat1 - lat0;
    const norm = Math.hypot(ex, ey) || 1;
    const nx = -ey / norm;
    const ny = ex / norm;
    left.push([wrapLonDeg(line[i][0] + (nx * dLat) / c), line[i][1] + ny * dLat]);
    right.push([wrapLonDeg(line[i][0] - (nx * dLat) / c), line[i][1] - ny * dLat]);
  }
  const ring = [...left, ...right.reverse()];
  ring.push(ring[0]);
  return ring;
}


export function planDeorbit(input: DeorbitInput): DeorbitPlan {
  const ha = input.apogeeAltitudeM;
  const hp = input.perigeeAltitudeM;
  if (!(ha >= hp && hp > 100e3)) throw new RangeError(`de-orbit: need apogee ≥ perigee > 100 km, got ${ha / 1e3} × ${hp / 1e3} km`);
  if (!(input.stackMassKg > 0)) throw new RangeError(`de-orbit: stackMassKg must be positive, got ${input.stackMassKg}`);
  const finalPerigee = input.finalPerigeeM ?? 50e3;
  const breakupAltitudeM = input.breakupAltitudeM ?? 78e3;
  if (!(finalPerigee < breakupAltitudeM)) throw new RangeError(`de-orbit: finalPerigeeM (${finalPerigee / 1e3} km) must be below the breakup altitude (${breakupAltitudeM / 1e3} km)`);
  let steps = input.intermediatePerigeesM;
  if (!steps) {
    const step = input.perigeeStepM ?? 30e3;
    const last = input.lastIntermediatePerigeeM ?? 160e3;
    steps = [];
    for (let h = hp - step; h > last; h -= step) steps.push(h);
    if (hp > last) steps.push(last);
  }
  for (const [i, s] of steps.entries()) if (!(s < (i ? steps[i - 1] : hp) && s > finalPerigee)) throw new RangeError(`de-orbit: intermediate perigee ${i} (${s / 1e3} km) must be below the one before and above the final perigee`);
  const ra = RE + ha;
  const zone = input.zone ?? SPOUA_APPROXIMATE;
  const target = input.target ?? POINT_NEMO;
  const revs = input.revsBetweenBurns ?? 2;

  // Δv of each burn.
  const perigees = [hp, ...steps, finalPerigee];
  const dvs: number[] = [];
  for (let k = 1; k < perigees.length; k++) dvs.push(perigeeLoweringDeltaVMps(ra, RE + perigees[k - 1], RE + perigees[k]));

  // Search the final burn's time: the apogee is where the burn is; its argument of latitude
  // advances with the mean motion of the orbit before the burn.
  const rpPrev = RE + perigees[perigees.length - 2];
  const aPrev = (ra + rpPrev) / 2;
  const nPrev = Math.sqrt(MU / (aPrev * aPrev * aPrev));
  const searchS = (input.searchDays ?? 1) * 86400;
  // UT1 − UTC changes by ~1 ms a day: one value over the day searched is enough.
  const opts = { breakupAltitudeM, debrisLengthM: input.debrisLengthM ?? 5370e3, ut1MinusUtcS: input.eop ? input.eop.at(input.epoch.utcMjd()).ut1MinusUtcS : 0 };
  const descent = dragDescentToBreakup(input.epoch, ra, RE + finalPerigee, input.ballisticCoefficientKgPerM2 ?? ISS_BALLISTIC_KG_PER_M2, breakupAltitudeM, MU, RE);
  if (!descent) throw new RangeError('de-orbit: the final orbit does not reach the breakup altitude');
  let best: { t: number; u: number; fp: Footprint; miss: number } | null = null;
  // The first lowering burn is no earlier than `epoch`.
  const lead = (dvs.length - 1) * revs * ((2 * Math.PI) / nPrev);
  for (let t = lead; t <= lead + searchS; t += 20) {
    const u = nPrev * t;
    const fp = footprintOf(input.epoch, t, u, input.inclinationRad, input.raanRad, descent, opts, zone);
    const miss = greatCircleKm(fp.centre[1], fp.centre[0], target.latDeg, target.lonDeg);
    const score = miss + (fp.inside ? 0 : 1e5);
    if (!best || score < best.miss + (best.fp.inside ? 0 : 1e5)) best = { t, u, fp, miss };
  }
  if (!best) throw new RangeError('de-orbit: no footprint found (final perigee above breakup?)');
  const period = (2 * Math.PI) / nPrev;
  const finalEpoch = input.epoch.plusSeconds(best.t);
  const burns: DeorbitBurn[] = dvs.map((dv, k) => {
    const before = dvs.length - 1 - k;
    return {
      epoch_utc: finalEpoch.plusSeconds(-before * revs * period).toIsoUtc(0),
      label: k === dvs.length - 1 ? 'final burn' : `perigee lowering ${k + 1}`,
      delta_v_m_s: roundTo(dv, 3),
      perigee_after_km: roundTo(perigees[k + 1] / 1e3, 1),
      apogee_after_km: roundTo(ha / 1e3, 1),
    };
  });
  const total = dvs.reduce((s, x) => s + x, 0);
  const vehicleOptions = (input.vehicles ?? []).map((v) => {
    const kg = propellantForDeltaVKg(input.stackMassKg, total, v.ispS);
    const perFlight = v.reboostPropellantKg + v.transferPropellantKg;
    return {
      vehicle: v.id,
      name: v.name,
      propellant_kg: roundTo(kg, 1),
      flights: perFlight > 0 ? Math.round((kg / perFlight) * 100) / 100 : Infinity,
      burn_time_s: roundTo(burnDurationS(kg, v.reboostThrustN, v.ispS), 1),
      graded_defaults: Object.entries(v.citations).filter(([, c]) => c && (c.grade === 'W' || c.grade === 'EST')).map(([k, c]) => `${k} (${c!.grade})`),
    };
  });
  const fp = best.fp;
  const breakupEpoch = input.epoch.plusSeconds(fp.breakup.t);
  const halfWidth = (input.debrisWidthM ?? 300e3) / 2;
  return {
    total_delta_v_m_s: roundTo(total, 3),
    burns,
    vehicle_options: vehicleOptions,
    breakup: { epoch_utc: breakupEpoch.toIsoUtc(0), lat_deg: roundTo(fp.breakup.lat, 3), lon_deg: roundTo(fp.breakup.lon, 3), altitude_km: breakupAltitudeM / 1e3 },
    footprint: {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { name: 'debris footprint', length_km: opts.debrisLengthM / 1e3, width_km: (2 * halfWidth) / 1e3, inside_zone: fp.inside }, geometry: { type: 'Polygon', coordinates: [corridor(fp.line, halfWidth).map(([x, y]) => [roundTo(x, 3), roundTo(y, 3)])] } },
        { type: 'Feature', properties: { name: 'ground track from breakup' }, geometry: { type: 'LineString', coordinates: fp.line.map(([x, y]) => [roundTo(x, 3), roundTo(y, 3)]) } },
        { type: 'Feature', properties: { name: 'breakup', epoch_utc: breakupEpoch.toIsoUtc(0), altitude_km: breakupAltitudeM / 1e3 }, geometry: { type: 'Point', coordinates: [roundTo(fp.breakup.lon, 3), roundTo(fp.breakup.lat, 3)] } },
        { type: 'Feature', properties: { name: 'target', ...target }, geometry: { type: 'Point', coordinates: [target.lonDeg, target.latDeg] } },
        { type: 'Feature', properties: { name: 'uninhabited area (approximate; see docs/station-keeping.md)' }, geometry: { type: 'Polygon', coordinates: [zone.map((p) => [p[0], p[1]])] } },
      ],
    },
    inside_zone: fp.inside,
    target_miss_km: roundTo(best.miss, 1),
    model: 'impulsive apogee burns (vis-viva); numerical descent with drag (exponential atmosphere) from the final burn to breakup; debris along the ground track; drag between burns ignored',
  };
}
