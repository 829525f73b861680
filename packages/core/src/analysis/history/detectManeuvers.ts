import { deltaVForSemiMajorAxisChangeMPerS } from '../../foundation/elements/velocityChange.js';
import { WGS72_EQUATORIAL_RADIUS_M } from '../../foundation/elements/wgs72.js';
import type { Epoch } from '../../foundation/time/epoch.js';
import {
  fitJump,
  lineAt,
  medianInPlace,
  robustSigma,
  theilSenSlopeSubsampled,
  type Line,
} from './robustLine.js';

const SECONDS_PER_DAY = 86400;

/** What the detector needs of a history point (an OrbitHistoryPoint has it). */
export interface SemiMajorAxisSample {
  epoch: Epoch;
  /** Mean semi-major axis, m. */
  semiMajorAxisM: number;
}

export interface ManeuverDetectionOptions {
  /** Points in each local line fit on either side of a gap (default 8: ~2 days of ISS TLEs). */
  fitPoints?: number;
  /** Fewest points a side needs before a gap is tested (default 4). */
  minFitPoints?: number;
  /** A local fit reaches at most this far from the gap, days (default 4). */
  maxFitSpanDays?: number;
  /**
   * A jump must exceed this many standard deviations of its own estimate (default 10). TLE errors
   * are heavy-tailed (post-burn transients, fits across attitude changes): on the ISS 2021–22 series
   * spurious jumps reach 6–13σ while every confirmed burn is above 23σ.
   */
  thresholdSigma?: number;
  /** And at least this many metres (default 0: the noise alone decides). */
  minDeltaAM?: number;
  /** Same-direction jumps this close (days between windows) are one event: multi-burn reboosts. */
  mergeWindowDays?: number;
  /**
   * Days after a burn whose element sets are left out of the "after" fit when measuring Δa, and
   * within which a weaker opposite jump is taken for part of the burn's signature (default 2).
   * The first TLEs after a burn overshoot and settle over one to two days (their fit arcs straddle
   * the burn); fitting them would overstate Δa by up to ~20 %.
   */
  settleDays?: number;
}

export interface DetectedManeuver {
  kind: 'raise' | 'lower';
  /** Epoch of the last element set before the manoeuvre. */
  windowStart: Epoch;
  /** Epoch of the first element set after it. The burn(s) lie between the two. */
  windowEnd: Epoch;
  /** Indices of those two sets in the history passed in. */
  startIndex: number;
  endIndex: number;
  /** Change of mean semi-major axis, m, between the decay trends before and after, at mid-window. */
  deltaSemiMajorAxisM: number;
  /** 1σ uncertainty of that change, m, from the measured noise and the fit geometry. */
  deltaSemiMajorAxisSigmaM: number;
  /** Equivalent tangential Δv, m/s: v·Δa/(2a) (Gauss, near-circular orbit). */
  deltaVMPerS: number;
  /** Semi-major axis of the trend before and after, at mid-window, m. */
  semiMajorAxisBeforeM: number;
  semiMajorAxisAfterM: number;
  /** How many separately detected jumps were merged into this event. */
  mergedJumps: number;
}

/** An arc between manoeuvres, with its average natural decay. */
export interface DecaySegment {
  start: Epoch;
  end: Epoch;
  startIndex: number;
  endIndex: number;
  points: number;
  /** Loss of semi-major axis per day, m/day (positive = decaying). */
  decayRateMPerDay: number;
  /** Median mean altitude over the arc, m (a − R⊕ WGS-72 equatorial). */
  meanAltitudeM: number;
}

export interface ManeuverDetection {
  maneuvers: DetectedManeuver[];
  decaySegments: DecaySegment[];
  /** Duration-weighted median of the segments' decay rates, m/day (NaN when there are none). */
  decayRateMPerDay: number;
  /** Measured scatter of one element set's semi-major axis about the local trend, m (1σ). */
  noiseSigmaM: number;
  options: Required<ManeuverDetectionOptions>;
}

const DEFAULTS: Required<ManeuverDetectionOptions> = {
  fitPoints: 8,
  minFitPoints: 4,
  maxFitSpanDays: 4,
  thresholdSigma: 10,
  minDeltaAM: 0,
  mergeWindowDays: 1,
  settleDays: 2,
};

interface Step {
  deltaM: number;
  sigmaM: number;
  tMid: number;
  before: Line;
  after: Line;
}

interface Candidate {
  start: number;
  end: number;
  sign: number;
  jumps: number;
  /** Strength of the detection test, |jump|/σ_jump at its strongest gap. */
  score: number;
  step?: Step;
}

/**
 * Find manoeuvres in a mean semi-major-axis history: reboosts (raise) and lowering burns (lower).
 *
 * Method. Between burns, a decays smoothly (drag): over a couple of days it is a line plus TLE
 * noise. For every gap between consecutive element sets, a robust "line with a step" is fitted to
 * up to `fitPoints` sets on each side (one Theil–Sen slope from pairs within each side, a median
 * level per side), and the step at mid-gap is the jump. Most gaps hold no burn, so the MAD of all
 * these jumps (each scaled by its fit geometry) measures the noise of the test for this object:
 * TLE errors are correlated from one set to the next (they share tracking data), so the
 * point-to-point scatter would understate it several-fold. A gap is flagged when
 * |jump| > k·σ_jump. A run of flagged gaps of one sign (a jump also shows from the neighbouring
 * gaps whose windows contain it) is one candidate, narrowed to the last set on the old trend and
 * the first on the new one (sets in between, e.g. fits that straddle a burn, stay inside).
 * Candidates are then accepted strongest first, each measured with fits that stop at the
 * accepted neighbours; same-direction events closer than `mergeWindowDays`, or with too few sets
 * between them to fit, merge (multi-burn reboosts); anything no longer significant is dropped.
 */
export function detectManeuvers(
  history: readonly SemiMajorAxisSample[],
  options: ManeuverDetectionOptions = {},
): ManeuverDetection {
  const o: Required<ManeuverDetectionOptions> = { ...DEFAULTS, ...options };
  validateOptions(o);
  const n = history.length;
  const t = new Float64Array(n);
  const a = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = history[i];
    t[i] = i === 0 ? 0 : p.epoch.secondsSince(history[0].epoch) / SECONDS_PER_DAY;
    a[i] = p.semiMajorAxisM;
    if (!Number.isFinite(a[i])) throw new RangeError(`detectManeuvers: point ${i} has semi-major axis ${a[i]}`);
    if (i > 0 && !(t[i] > t[i - 1])) {
      throw new RangeError(
        `detectManeuvers: point ${i} (${p.epoch.toIsoUtc(3)}) is not after the one before; sort and dedupe first (orbitHistory does)`,
      );
    }
  }

  const measurePoints = 2 * o.fitPoints;
  const scratch = new Float64Array(measurePoints * (measurePoints - 1) + 2 * measurePoints);
  // Jump between set s and set e ≥ s+1: fits through up to fitPoints sets ending at s and starting
  // at e, never beyond lo/hi nor further than maxFitSpanDays; undefined if a side is too short.
  const fitAcross = (s: number, e0: number, lo: number, hi: number, minPoints: number, settle = 0, points = o.fitPoints) => {
    // The after fit starts `settle` days after the window's end when enough sets remain there.
    let e = e0;
    if (settle > 0) {
      let k = e0;
      while (k < hi && t[k] - t[e0] < settle) k++;
      if (t[k] - t[e0] >= settle && hi - k + 1 >= minPoints) e = k;
    }
    let bFrom = Math.max(lo, s - points + 1);
    while (bFrom < s && t[s] - t[bFrom] > o.maxFitSpanDays) bFrom++;
    let aTo = Math.min(hi, e + points - 1);
    while (aTo > e && t[aTo] - t[e] > o.maxFitSpanDays) aTo--;
    if (s - bFrom + 1 < minPoints || aTo - e + 1 < minPoints) return undefined;
    const tMid = 0.5 * (t[s] + t[e0]);
    return { tMid, ...fitJump(t, a, bFrom, s, e, aTo, tMid, scratch) };
  };

  // 1. The jump across every gap, and from their spread the noise.
  const gapFits: ReturnType<typeof fitAcross>[] = [];
  const normalised: number[] = [];
  for (let g = 0; g < n - 1; g++) {
    const f = fitAcross(g, g + 1, 0, n - 1, o.minFitPoints);
    gapFits.push(f);
    if (f) normalised.push(f.jump / Math.sqrt(f.varianceFactor));
  }
  const noiseSigmaM = normalised.length >= 5 ? robustSigma(normalised) : Number.NaN;
  const finish = (maneuvers: DetectedManeuver[], cands: readonly Candidate[]): ManeuverDetection => {
    const decaySegments = decaySegmentsBetween(history, t, a, cands, o);
    return { maneuvers, decaySegments, decayRateMPerDay: weightedDecayRate(decaySegments, t), noiseSigmaM, options: o };
  };
  if (!(noiseSigmaM > 0)) return finish([], []);

  const toStep = (f: NonNullable<ReturnType<typeof fitAcross>>): Step => ({
    deltaM: f.jump,
    sigmaM: noiseSigmaM * Math.sqrt(f.varianceFactor),
    tMid: f.tMid,
    before: f.before,
    after: f.after,
  });
  const step = (s: number, e: number, lo: number, hi: number, minPoints: number, settle = 0, points = o.fitPoints) => {
    const f = fitAcross(s, e, lo, hi, minPoints, settle, points);
    return f && toStep(f);
  };
  const significant = (st: Step) =>
    Math.abs(st.deltaM) > o.thresholdSigma * st.sigmaM && Math.abs(st.deltaM) >= o.minDeltaAM;

  const flag = new Int8Array(n - 1);
  const score = new Float64Array(n - 1);
  for (let g = 0; g < n - 1; g++) {
    const f = gapFits[g];
    if (!f) continue;
    const st = toStep(f);
    score[g] = Math.abs(st.deltaM) / st.sigmaM;
    if (significant(st)) flag[g] = Math.sign(st.deltaM);
  }

  // 2. Runs of same-sign flagged gaps → candidates. Each is narrowed by where its sets sit between
  // the old trend (p = 0) and the new one (p = 1): the window runs from the last set with
  // p ≤ 1/4 to the first with p ≥ 3/4. Sets in between (a fit straddling the burn, the state
  // between two burns) stay inside; the overshoot of the first sets after a burn, or a blip
  // before it, do not widen it.
  const narrow = (first: number, last: number, sign: number, best: number): Candidate => {
    const base = { sign, jumps: 1, score: best };
    const st = step(first, last, 0, n - 1, 2);
    if (!st || st.deltaM === 0) return { start: first, end: last, ...base };
    const p = (i: number) => (a[i] - lineAt(st.before, t[i])) / st.deltaM;
    let e = first + 1;
    while (e < last && p(e) < 0.75) e++;
    let s = e - 1;
    while (s > first && p(s) > 0.25) s--;
    return { start: s, end: e, ...base };
  };
  const found: Candidate[] = [];
  for (let g = 0; g < n - 1; g++) {
    if (flag[g] === 0) continue;
    let last = g;
    let best = score[g];
    while (last + 1 < n - 1 && flag[last + 1] === flag[g]) best = Math.max(best, score[++last]);
    found.push(narrow(g, last + 1, flag[g], best));
    g = last;
  }

  // 3. Accept strongest first. A weaker candidate overlapping or crowding an accepted one merges
  // into it when of the same sign and is discarded when not (fits straddling a big jump can show a
  // small opposite jump beside it).
  let cands: Candidate[] = [];
  for (const c of [...found].sort((p, q) => q.score - p.score)) {
    const k = cands.findIndex((x) => x.start > c.start);
    const at = k < 0 ? cands.length : k;
    const prev = cands[at - 1];
    const next = cands[at];
    // Crowding: fewer than two sets between, or inside the settling time after / before it.
    const crowds = (x: Candidate | undefined, left: boolean) =>
      x !== undefined &&
      (left
        ? c.start - x.end + 1 < 2 || t[c.start] - t[x.end] < o.settleDays
        : x.start - c.end + 1 < 2 || t[x.start] - t[c.end] < o.settleDays);
    if (crowds(prev, true) || crowds(next, false)) {
      const host = crowds(prev, true) ? prev : next;
      if (host.sign === c.sign) {
        host.start = Math.min(host.start, c.start);
        host.end = Math.max(host.end, c.end);
        host.jumps += 1;
      }
      continue;
    }
    cands.splice(at, 0, { ...c });
  }

  // 4. Merge close same-direction events, measure each between its neighbours, drop the weak.
  for (let pass = 0; pass < 10; pass++) {
    cands = mergeClose(cands, t, o);
    let dropped = false;
    const kept: Candidate[] = [];
    for (let k = 0; k < cands.length; k++) {
      const c = cands[k];
      const lo = k > 0 ? cands[k - 1].end : 0;
      const hi = k + 1 < cands.length ? cands[k + 1].start : n - 1;
      // Must hold both in the local fits right at the window (as detected) and in longer fits that
      // skip the settling sets after the burn; the size comes from the latter (drag is smooth over
      // days, so they extrapolate well and average more noise away).
      const local = step(c.start, c.end, lo, hi, 2);
      const measured = step(c.start, c.end, lo, hi, 2, o.settleDays, measurePoints) ?? local;
      const holds = (st: Step | undefined) => st !== undefined && significant(st) && Math.sign(st.deltaM) === c.sign;
      if (holds(local) && holds(measured) && rawLevelsAgree(a, c, lo, hi)) {
        kept.push({ ...c, step: measured });
      } else dropped = true;
    }
    cands = kept;
    if (!dropped) break;
  }

  const maneuvers = cands.map((c): DetectedManeuver => {
    const st = c.step!;
    const aBefore = st.before.value;
    const aAfter = st.after.value;
    return {
      kind: st.deltaM > 0 ? 'raise' : 'lower',
      windowStart: history[c.start].epoch,
      windowEnd: history[c.end].epoch,
      startIndex: c.start,
      endIndex: c.end,
      deltaSemiMajorAxisM: st.deltaM,
      deltaSemiMajorAxisSigmaM: st.sigmaM,
      deltaVMPerS: deltaVForSemiMajorAxisChangeMPerS(0.5 * (aBefore + aAfter), st.deltaM),
      semiMajorAxisBeforeM: aBefore,
      semiMajorAxisAfterM: aAfter,
      mergedJumps: c.jumps,
    };
  });
  return finish(maneuvers, cands);
}

/**
 * The element sets themselves must move the way the event says: a raise must leave a above where it
 * was (median of up to three sets after the window against up to three before it), a lowering
 * below. Line fits with one slope read the steepening decay of an object in its last days as
 * jumps; a "raise" while every set is lower than the one before is such an artefact.
 */
function rawLevelsAgree(a: Float64Array, c: Candidate, lo: number, hi: number): boolean {
  const before = Array.from(a.subarray(Math.max(lo, c.start - 2), c.start + 1));
  const after = Array.from(a.subarray(c.end, Math.min(hi, c.end + 2) + 1));
  return Math.sign(medianInPlace(after) - medianInPlace(before)) === c.sign;
}

function validateOptions(o: Required<ManeuverDetectionOptions>): void {
  const check = (name: keyof ManeuverDetectionOptions, ok: boolean) => {
    if (!ok) throw new RangeError(`detectManeuvers: option ${name} = ${o[name]} is out of range`);
  };
  check('fitPoints', Number.isInteger(o.fitPoints) && o.fitPoints >= 2 && o.fitPoints <= 200);
  check('minFitPoints', Number.isInteger(o.minFitPoints) && o.minFitPoints >= 2 && o.minFitPoints <= o.fitPoints);
  check('maxFitSpanDays', o.maxFitSpanDays > 0);
  check('thresholdSigma', o.thresholdSigma > 0);
  check('minDeltaAM', o.minDeltaAM >= 0);
  check('mergeWindowDays', o.mergeWindowDays >= 0);
  check('settleDays', o.settleDays >= 0);
}

function mergeClose(cands: Candidate[], t: Float64Array, o: Required<ManeuverDetectionOptions>): Candidate[] {
  const out: Candidate[] = [];
  for (const c of cands) {
    const prev = out[out.length - 1];
    const between = prev ? c.start - prev.end + 1 : Infinity;
    if (
      prev &&
      prev.sign === c.sign &&
      (t[c.start] - t[prev.end] <= o.mergeWindowDays || between < o.minFitPoints)
    ) {
      out[out.length - 1] = { start: prev.start, end: c.end, sign: c.sign, jumps: prev.jumps + c.jumps, score: Math.max(prev.score, c.score) };
    } else {
      out.push(c);
    }
  }
  return out;
}

function decaySegmentsBetween(
  history: readonly SemiMajorAxisSample[],
  t: Float64Array,
  a: Float64Array,
  cands: readonly Candidate[],
  o: Required<ManeuverDetectionOptions>,
): DecaySegment[] {
  const n = t.length;
  const bounds: [number, number][] = [];
  let from = 0;
  for (const c of cands) {
    bounds.push([from, c.start]);
    from = c.end;
  }
  if (n > 0) bounds.push([from, n - 1]);
  const segments: DecaySegment[] = [];
  for (const [s, e] of bounds) {
    const points = e - s + 1;
    if (points < o.minFitPoints || t[e] - t[s] < 0.5) continue;
    const slope = theilSenSlopeSubsampled(t, a, s, e);
    const values = Array.from(a.subarray(s, e + 1));
    segments.push({
      start: history[s].epoch,
      end: history[e].epoch,
      startIndex: s,
      endIndex: e,
      points,
      decayRateMPerDay: -slope,
      meanAltitudeM: medianInPlace(values) - WGS72_EQUATORIAL_RADIUS_M,
    });
  }
  return segments;
}

function weightedDecayRate(segments: readonly DecaySegment[], t: Float64Array): number {
  // Duration-weighted median: a short arc with an undetected small burn does not drag it.
  const items = segments
    .map((s) => ({ rate: s.decayRateMPerDay, w: t[s.endIndex] - t[s.startIndex] }))
    .filter((x) => x.w > 0 && Number.isFinite(x.rate))
    .sort((p, q) => p.rate - q.rate);
  const total = items.reduce((sum, x) => sum + x.w, 0);
  let acc = 0;
  for (const x of items) {
    acc += x.w;
    if (acc >= total / 2) return x.rate;
  }
  return Number.NaN;
}
