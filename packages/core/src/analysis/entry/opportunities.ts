/**
 * Landing opportunities: the deorbit-burn times in a date range that bring a crew vehicle down in
 * a landing zone, as Soyuz planners choose undocking days.
 *
 * Two stages. (1) A cheap sweep on SGP4 states: from a reference guided landing the burn-to-
 * landing time T and the arc θ flown from the burn point to the landing (in the orbit plane) are
 * measured once; for a burn at t the landing is then where the orbit plane carries the burn point
 * θ further on, on the Earth turned to t + T. The along-track error (zone's arc from the burn
 * point − θ) is zero once per revolution: Brent's method finds each zero, and the zone's angle off
 * the reference's own landing there is the crossrange the guidance would have to fly. The
 * reference descent flies half its lift up with no net sideways lift (mid-way in the guidance's
 * authority); it is measured again at the best candidate of a first sweep. (2) Each candidate with a
 * crossrange below the cut, on the required arc (ascending for Soyuz, which lands "on the
 * ascending arc from south to north", RussianSpaceWeb, W) is flown by the full guided
 * prediction, which gives its landing time and point; it counts when that lands within 5 km of
 * the aim point; its crossrange is how far sideways the guidance flew (the landing against the
 * same descent with no sideways lift). Daylight is the Sun above the horizon there.
 */
import { sunPositionTemeM } from '../../foundation/bodies/sun.js';
import { gmst82Rad } from '../../foundation/frames/earthOrientation.js';
import type { MeanElements } from '../../foundation/formats/meanElements.js';
import { rtnComponents } from '../../foundation/frames/rtn.js';
import { brentRoot } from '../../foundation/math/rootFinding.js';
import { Sgp4Propagator } from '../../propagation/sgp4/sgp4Propagator.js';
import type { Epoch } from '../../foundation/time/epoch.js';
import { predictLanding, type LandingInput, type LandingPrediction } from './landing.js';
import { greatCircleKm, MEAN_EARTH_RADIUS_KM } from '../../foundation/frames/greatCircle.js';
import { groundUnit } from './targeting.js';
import { verticalLift } from './aero.js';
import { entryZone, type EntryZone } from './zones.js';



export interface OpportunityOptions extends Omit<LandingInput, 'burnEpoch' | 'elements' | 'descent' | 'target'> {
  elements: MeanElements;
  from: Epoch;
  days: number;
  /** Landing zone id (default the vehicle's). */
  zone?: string;
  /** Keep only landings with the Sun above the horizon. */
  daylight?: boolean;
  /**
   * Largest crossrange (the zone's distance from the pass's ground track) worth flying, km
   * (default 250: beyond what the guided Soyuz model can reach, ≈ 150 km; a cost cut, not the
   * acceptance — a candidate counts when the full guided flight lands within 5 km of the zone).
   */
  maxCrossrangeKm?: number;
}

export interface LandingOpportunity {
  burnEpoch: Epoch;
  prediction: LandingPrediction;
  /** Sideways distance the guidance flew to reach the zone, km (landing vs the same descent without sideways lift). */
  crossrangeKm: number;
  /** The sweep's estimate: the zone's distance from the reference descent's track, km (positive: left). */
  passOffsetKm: number;
  sunlitAtLanding: boolean;
}

/** Unit vector of a TEME position after rotating Earth-fixed `ecef` to TEME at `epoch` (GMST, UT1 ≈ UTC). */
function ecefToTeme(ecef: ArrayLike<number>, epoch: Epoch): [number, number, number] {
  const { mjdDay, secondsOfDay } = epoch.utcDaySeconds();
  const g = gmst82Rad(mjdDay, secondsOfDay);
  const c = Math.cos(g);
  const s = Math.sin(g);
  return [c * ecef[0] - s * ecef[1], s * ecef[0] + c * ecef[1], ecef[2]];
}

/** A guided landing counts when it is this close to the aim point, km. */
export const OPPORTUNITY_MISS_KM = 5;
/** Vertical lift of the reference descent: cos 60°, mid-way in the guidance's authority. */
const REFERENCE_VERTICAL_LIFT = 0.5;

interface ReferenceArc {
  timeS: number;
  arcRad: number;
  /** Where the reference lands off the orbit plane, rad (the Earth turns under the entry). */
  offPlaneRad: number;
}

/** Burn-to-landing time, in-plane arc and off-plane offset of the reference descent from `burn`. */
function referenceArc(o: OpportunityOptions, sgp4: Sgp4Propagator, burn: Epoch): ReferenceArc {
  const p = predictLanding({ ...o, elements: o.elements, burnEpoch: burn, descent: 'fixed', fixedBankLaw: verticalLift(REFERENCE_VERTICAL_LIFT) });
  const g = geometryAt(sgp4, burn, p.landing.epoch, groundUnit(p.landing.latDeg, p.landing.lonDeg));
  return { timeS: p.landing.epoch.secondsSince(burn), arcRad: g.alongRad, offPlaneRad: g.offPlaneRad };
}

/** The point's arc along the orbit from the burn position and its angle off the plane. */
function geometryAt(sgp4: Sgp4Propagator, burn: Epoch, landing: Epoch, pointEcef: ArrayLike<number>): { alongRad: number; offPlaneRad: number; ascending: boolean } {
  const s = sgp4.propagate(burn);
  const r = s.subarray(0, 3);
  const v = s.subarray(3, 6);
  const p = ecefToTeme(pointEcef, landing);
  // The point's direction in the burn state's RTN frame: arc along the orbit and angle off the plane.
  const [pr, pt, pn] = rtnComponents(r, v, p, new Float64Array(3));
  const along = Math.atan2(pt, pr);
  // Ascending at the point: the along-track direction there, (r × v) × p̂, points north.
  const ascending = (r[2] * v[0] - r[0] * v[2]) * p[0] - (r[1] * v[2] - r[2] * v[1]) * p[1] < 0;
  return { alongRad: along < 0 ? along + 2 * Math.PI : along, offPlaneRad: Math.asin(Math.max(-1, Math.min(1, pn))), ascending };
}

export function findLandingOpportunities(o: OpportunityOptions): LandingOpportunity[] {
  if (!(o.days > 0 && o.days <= 60)) throw new RangeError(`days: must be in (0, 60], got ${o.days}`);
  const zone = entryZone(o.zone ?? o.vehicle.zone.id);
  const maxCross = o.maxCrossrangeKm ?? 250;
  const sgp4 = Sgp4Propagator.fromElements(o.elements);
  // The arc depends on where the entry happens (the ellipsoid is 14 km lower at 47° than at the
  // equator: ~500 km of arc at a 1.5° entry): measure it again at the best candidate of a first sweep.
  let ref = referenceArc(o, sgp4, o.from);
  let candidates = sweep(o, zone, sgp4, ref);
  const best = candidates.filter((c) => c.arcOk).sort((a, b) => Math.abs(a.crossKm) - Math.abs(b.crossKm))[0];
  if (best) {
    ref = referenceArc(o, sgp4, best.burn);
    candidates = sweep(o, zone, sgp4, ref);
  }
  const out: LandingOpportunity[] = [];
  for (const c of candidates) {
    if (!c.arcOk || Math.abs(c.crossKm) > maxCross) continue;
    const opp = flyOpportunity(o, zone, c.burn, c.crossKm);
    if (opp && (!o.daylight || opp.sunlitAtLanding)) out.push(opp);
  }
  return out;
}

interface Candidate {
  burn: Epoch;
  /** Zone's distance from the reference descent's ground track, km (positive: left of it). */
  crossKm: number;
  arcOk: boolean;
}

/** Burn times, one a revolution, at which the reference descent lands abreast of the zone. */
function sweep(o: OpportunityOptions, zone: EntryZone, sgp4: Sgp4Propagator, ref: ReferenceArc): Candidate[] {
  const zoneEcef = groundUnit(zone.latDeg, zone.lonDeg);
  const at = (t: number) => {
    const burn = o.from.plusSeconds(t);
    return { burn, g: geometryAt(sgp4, burn, burn.plusSeconds(ref.timeS), zoneEcef) };
  };
  const error = (t: number): number => wrapPi(ref.arcRad - at(t).g.alongRad);
  const out: Candidate[] = [];
  const stepS = 120;
  const end = o.days * 86400;
  let t0 = 0;
  let e0 = error(0);
  for (let t1 = stepS; t1 <= end; t1 += stepS) {
    const e1 = error(t1);
    // A true zero (not the ±π wrap): the error rises through 0 as the burn moves later.
    if (e0 < 0 && e1 >= 0 && e1 - e0 < 1) {
      const { burn, g } = at(brentRoot(error, t0, t1, e0, e1, 0.5));
      const arcOk = zone.pass === 'any' || g.ascending === (zone.pass === 'ascending');
      out.push({ burn, crossKm: (g.offPlaneRad - ref.offPlaneRad) * MEAN_EARTH_RADIUS_KM, arcOk });
    }
    t0 = t1;
    e0 = e1;
  }
  return out;
}

function flyOpportunity(o: OpportunityOptions, zone: EntryZone, burn: Epoch, crossrangeKm: number): LandingOpportunity | undefined {
  let prediction: LandingPrediction;
  try {
    prediction = predictLanding({ ...o, burnEpoch: burn, descent: 'guided', target: zone });
  } catch (e) {
    if (e instanceof RangeError) return undefined;
    throw e;
  }
  // The guidance could not reach the zone: not an opportunity.
  if ((prediction.targetMissKm ?? 0) > OPPORTUNITY_MISS_KM) return undefined;
  // Crossrange flown: from where the same vertical lift with no sideways lift lands, to the landing.
  const straight = predictLanding({ ...o, burnEpoch: burn, descent: 'fixed', fixedBankLaw: verticalLift(prediction.guidance!.cosBank), target: zone });
  const flownKm = greatCircleKm(straight.landing.latDeg, straight.landing.lonDeg, prediction.landing.latDeg, prediction.landing.lonDeg);
  return { burnEpoch: burn, prediction, crossrangeKm: flownKm, passOffsetKm: crossrangeKm, sunlitAtLanding: sunUp(prediction.landing.latDeg, prediction.landing.lonDeg, prediction.landing.epoch) };
}

/** Sun above the horizon (geocentric zenith, refraction ignored) at a place and time. */
export function sunUp(latDeg: number, lonDeg: number, epoch: Epoch): boolean {
  const up = ecefToTeme(groundUnit(latDeg, lonDeg), epoch);
  const s = sunPositionTemeM(epoch);
  return up[0] * s[0] + up[1] * s[1] + up[2] * s[2] > 0;
}

function wrapPi(x: number): number {
  return x - 2 * Math.PI * Math.floor((x + Math.PI) / (2 * Math.PI));
}
