/**
 * Ground track of the final orbits and the latitude band of possible re-entry.
 *
 * The track is that of one ensemble member still in orbit through the whole 5–95 % window (the
 * member whose re-entry is nearest the 95 % quantile, re-run deterministically): its mean
 * elements from the averaged propagator, made osculating with the J2 short-period terms
 * (propagation/averaged/shortPeriod.ts), rotated to Earth-fixed by GMST (IAU 1982, UT1 = UTC: < 0.5 km), then
 * geodetic on WGS-84. The orbit plane (i, Ω) is the same for every member to well under a
 * degree over the last day; what differs between members is *where along the track* the object
 * is at a given time. So:
 * - window shorter than one revolution: the possible re-entry points lie on the track between
 *   the window's start and end, and the latitude band is the latitudes that stretch covers;
 * - window of one revolution or more: every point of the track is possible, and the band is
 *   ±(the highest latitude the orbit reaches, ≈ inclination).
 * Debris of a re-entering object travels on downrange for up to ~1,000–2,000 km after 80 km
 * (not modelled here): the band is where the object crosses 80 km.
 */
import { eccentricLongitudeFromMean, OSC_LENGTH, osculatingAtEccentricLongitude } from '../../propagation/averaged/shortPeriod.js';
import { EGM96_AVERAGED_GRAVITY } from '../../propagation/averaged/meanState.js';
import { propagateAveraged } from '../../propagation/averaged/averagedPropagator.js';
import { gmst82Rad } from '../../foundation/frames/earthOrientation.js';
import { itrfToGeodetic } from '../../foundation/frames/geodetic.js';
import type { Epoch } from '../../foundation/time/epoch.js';
import { memberDraws, memberSpaceWeather, fromWireState, type ReentryEnsembleInput } from './ensemble.js';
import { createNrlmsise00, loadNrlmsise00Coefficients } from '../../models/atmosphere/nrlmsise00/index.js';
import { DEG_PER_RAD } from '../../foundation/math/angles.js';


export interface GroundTrackPoint {
  epoch: Epoch;
  latitudeDeg: number;
  longitudeDeg: number;
  /** Geodetic altitude, km. */
  altitudeKm: number;
}

export interface FinalGroundTrack {
  /** Member whose orbit is drawn. */
  member: number;
  points: GroundTrackPoint[];
  /** Latitude band of possible 80 km crossing, degrees. */
  latitudeBand: { minDeg: number; maxDeg: number };
  /** True when the window spans a revolution or more (band = every latitude the orbit reaches). */
  wholeOrbit: boolean;
  /** Orbital period at the window start, min. */
  periodMin: number;
}

/**
 * Track of `member` from `from` to `to` (sampled every `stepS`), and the latitude band of the
 * window [windowStart, windowEnd]; see the module comment.
 */
export function finalGroundTrack(
  input: ReentryEnsembleInput,
  member: number,
  from: Epoch,
  to: Epoch,
  windowStart: Epoch,
  windowEnd: Epoch,
  stepS = 30,
): FinalGroundTrack {
  const draws = memberDraws(input, member);
  const atmosphere = createNrlmsise00(loadNrlmsise00Coefficients(input.msisCoefficients));
  const common = {
    ballisticCoefficientKgPerM2: draws.ballisticCoefficientKgPerM2,
    densityScale: draws.densityScale,
    atmosphere,
    spaceWeather: memberSpaceWeather(input, member),
    rtol: input.integration?.rtol,
    maxStepS: input.integration?.maxStepS,
    quadrature: input.integration?.nodes ? { nodes: input.integration.nodes } : undefined,
  };
  const initial = fromWireState(input.initial);
  const stopMeanAltitudeM = input.reentryAltitudeM ?? 80e3;
  let start = initial;
  if (from.secondsSince(initial.epoch) > 0) {
    const lead = propagateAveraged(initial, { ...common, endEpoch: from, stopMeanAltitudeM });
    start = lead.final;
  }
  const span = to.secondsSince(start.epoch);
  const points: GroundTrackPoint[] = [];
  const osc = new Float64Array(OSC_LENGTH);
  const ecef = new Float64Array(3);
  const g = EGM96_AVERAGED_GRAVITY;
  const periodMin = (2 * Math.PI * Math.sqrt(start.semiMajorAxisM ** 3 / g.gmM3PerS2)) / 60;
  if (span > 0) {
    const run = propagateAveraged(start, { ...common, endEpoch: to, stopMeanAltitudeM, sampleEveryS: stepS });
    const s = run.samples!;
    for (let k = 0; 7 * k < s.length; k++) {
      const t = s[7 * k];
      const epoch = start.epoch.plusSeconds(t);
      const [a, ex, ey, inc, raan, lam] = [s[7 * k + 1], s[7 * k + 2], s[7 * k + 3], s[7 * k + 4], s[7 * k + 5], s[7 * k + 6]];
      const F = eccentricLongitudeFromMean(lam, ex, ey);
      osculatingAtEccentricLongitude(a, ex, ey, inc, raan, F, g, true, osc);
      const { mjdDay, secondsOfDay } = epoch.utcDaySeconds();
      const th = gmst82Rad(mjdDay, secondsOfDay);
      ecef[0] = Math.cos(th) * osc[0] + Math.sin(th) * osc[1];
      ecef[1] = -Math.sin(th) * osc[0] + Math.cos(th) * osc[1];
      ecef[2] = osc[2];
      const geo = itrfToGeodetic(ecef);
      points.push({ epoch, latitudeDeg: geo.latRad * DEG_PER_RAD, longitudeDeg: geo.lonRad * DEG_PER_RAD, altitudeKm: geo.altM / 1e3 });
    }
  }
  const wholeOrbit = windowEnd.secondsSince(windowStart) >= periodMin * 60;
  let minDeg = Infinity;
  let maxDeg = -Infinity;
  for (const p of points) {
    if (!wholeOrbit && (p.epoch.isBefore(windowStart) || p.epoch.isAfter(windowEnd))) continue;
    minDeg = Math.min(minDeg, p.latitudeDeg);
    maxDeg = Math.max(maxDeg, p.latitudeDeg);
  }
  if (wholeOrbit) {
    // The highest geodetic latitude of the orbit (slightly above i for a prograde orbit).
    const incDeg = start.inclinationRad * DEG_PER_RAD;
    const reach = Math.max(Math.abs(maxDeg), Math.abs(minDeg), incDeg > 90 ? 180 - incDeg : incDeg);
    minDeg = -reach;
    maxDeg = reach;
  }
  return { member, points, latitudeBand: { minDeg, maxDeg }, wholeOrbit, periodMin };
}
