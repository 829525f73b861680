/**
 * Rise, culmination and set times of the passes over one site, found with the orbit event
 * machinery (propagation/events): one `findEvents` run with two detectors on the same samples,
 * - `culminationDetector` (g = elevation rate; a + → − zero is a maximum), which finds every
 *   maximum whatever its height, and
 * - `elevationDetector` (g = elevation − mask), whose crossings are the rises and sets.
 * A pass that is above the mask for less than one sampling step has no sample above it, so the
 * elevation detector cannot see it; its culmination is still found, and its rise and set are
 * solved on each side of it (`eventTimeBetween`, the same Brent refinement).
 */
import type { FrameState } from '../../foundation/frames/frameState.js';
import { RAD_PER_DEG } from '../../foundation/math/angles.js';
import { culminationDetector, elevationDetector } from '../../propagation/events/detectors.js';
import { eventTimeBetween, findEvents } from '../../propagation/events/eventSearch.js';
import type { EventDetector } from '../../propagation/events/types.js';
import type { PassGeometry } from './passGeometry.js';

/** One pass's events, seconds from the search reference. */
export interface PassTimes {
  riseS: number;
  culminationS: number;
  setS: number;
}

/** How far beyond the window a pass in progress is followed to its rise or set. */
const MAX_EXTENSION_S = 86400;
/**
 * The culmination is refined 1000× finer than rise and set: the elevation is flat there but the
 * azimuth is not (1.3°/s for a 59° pass of the ISS, more the higher it is), so 1 ms of time would be
 * up to 0.001° of azimuth; a maximum costs a few more Brent steps, ~15 maxima a day.
 */
const CULMINATION_TOLERANCE_FRACTION = 1e-3;

/** What a search is asked. */
export interface PassSearchSettings {
  /** Sampling step, s: at most one maximum of the elevation per step (P/40 does it). */
  stepS: number;
  /** The mask: rise and set are its crossings, deg. */
  minElevationDeg: number;
  timeToleranceS: number;
}

/** The search of one call: geometry, detectors and the mask. */
interface Search {
  geom: PassGeometry;
  stepS: number;
  minElevationDeg: number;
  thresholdRad: number;
  horizon: EventDetector;
  culmination: EventDetector;
}

/**
 * Passes above the mask that overlap [0, spanS] s after `geom.reference`. A pass in progress at
 * either end keeps its true rise or set outside the window.
 */
export function findPassTimes(geom: PassGeometry, spanS: number, settings: PassSearchSettings): PassTimes[] {
  const { stepS, minElevationDeg, timeToleranceS } = settings;
  const thresholdRad = minElevationDeg * RAD_PER_DEG;
  const search: Search = {
    geom,
    stepS,
    minElevationDeg,
    thresholdRad,
    horizon: elevationDetector({
      maxCheckS: stepS,
      timeToleranceS,
      elevationRad: (s: FrameState) => geom.elevationOfState(s),
      minElevationRad: thresholdRad,
    }),
    culmination: culminationDetector({
      maxCheckS: stepS,
      timeToleranceS: timeToleranceS * CULMINATION_TOLERANCE_FRACTION,
      elevationRateRadPerS: (s: FrameState) => geom.elevationRateOfState(s),
    }),
  };
  const [fromS, toS] = scanWindow(search, spanS);
  const { reference } = geom;
  const { events } = findEvents(geom.source, [search.horizon, search.culmination], reference.plusSeconds(fromS), reference.plusSeconds(toS));
  const passes: PassTimes[] = [];
  let open: { riseS: number; culminationS: number; maxRad: number } | undefined;
  for (const event of events) {
    const t = event.epoch.secondsSince(reference);
    if (event.detector === search.horizon) {
      if (event.increasing) open = { riseS: t, culminationS: Number.NaN, maxRad: -Infinity };
      else if (open) {
        passes.push({ riseS: open.riseS, culminationS: culminationOf(search, open, t), setS: t });
        open = undefined;
      }
      continue;
    }
    const elevationRad = geom.elevationOfState(event.state);
    if (open) {
      // Several maxima in one pass (the elevation dipped but stayed up): the highest is the culmination.
      if (elevationRad > open.maxRad) {
        open.culminationS = t;
        open.maxRad = elevationRad;
      }
    } else if (elevationRad >= thresholdRad) {
      passes.push(grazingPass(search, t));
    }
  }
  return passes.filter((p) => p.riseS <= spanS && p.setS >= 0);
}

/**
 * [from, to] s: the window widened on the grid k·step while the satellite is up at its ends, so
 * passes in progress are whole and the scan starts and ends below the mask.
 */
function scanWindow({ geom, stepS, thresholdRad, minElevationDeg }: Search, spanS: number): [number, number] {
  const maxSteps = Math.ceil(MAX_EXTENSION_S / stepS);
  const up = (k: number) => geom.elevationAt(k * stepS) >= thresholdRad;
  let kLo = -1;
  while (up(kLo) && -kLo < maxSteps) kLo--;
  const lastIndex = Math.ceil(spanS / stepS);
  let kHi = lastIndex + 1;
  while (up(kHi) && kHi - lastIndex < maxSteps) kHi++;
  if (up(kLo) || up(kHi)) throw neverSets(minElevationDeg);
  return [kLo * stepS, kHi * stepS];
}

/** The culmination seen in the pass, or (no maximum sampled, two extrema in one step) the rate's zero between rise and set. */
function culminationOf({ geom, culmination }: Search, open: { riseS: number; culminationS: number }, setS: number): number {
  if (!Number.isNaN(open.culminationS)) return open.culminationS;
  return eventTimeBetween(geom.source, culmination, geom.reference, open.riseS, setS);
}

/** A pass whose culmination `tcS` is above the mask but with no sample above it: rise and set on each side. */
function grazingPass(search: Search, tcS: number): PassTimes {
  const { geom, horizon } = search;
  const riseS = eventTimeBetween(geom.source, horizon, geom.reference, belowMask(search, tcS, -1), tcS);
  const setS = eventTimeBetween(geom.source, horizon, geom.reference, tcS, belowMask(search, tcS, 1));
  return { riseS, culminationS: tcS, setS };
}

/** The first time tcS ± k·step (k ≥ 1, sign `direction`) below the mask: one step unless two passes share a step. */
function belowMask({ geom, stepS, thresholdRad, minElevationDeg }: Search, tcS: number, direction: 1 | -1): number {
  for (let k = 1; k * stepS <= 2 * MAX_EXTENSION_S; k++) {
    const t = tcS + direction * k * stepS;
    if (geom.elevationAt(t) < thresholdRad) return t;
  }
  throw neverSets(minElevationDeg);
}

function neverSets(minElevationDeg: number): RangeError {
  return new RangeError(
    `findPasses: the satellite stays above ${minElevationDeg}° for more than a day beyond the window; ` +
      'rise/set passes are undefined for an object that does not set (e.g. geostationary)',
  );
}
