/** What a screening reports. Plain numbers only, so that shards can travel as JSON. */

/** One close approach: a local minimum of the distance between two objects, below the threshold. */
export interface CloseApproach {
  /** Catalogue indices of the two objects (object1 is the primary, or the lower index in all-vs-all). */
  readonly object1: number;
  readonly object2: number;
  /** Time of closest approach, seconds after the screening start (TAI-uniform). */
  readonly tcaSeconds: number;
  /** Grid interval [t_k, t_{k+1}] that holds the TCA: the key that makes shard results mergeable. */
  readonly step: number;
  readonly missKm: number;
  /** Position of object2 minus object1 at TCA, in object1's RTN frame, km. */
  readonly radialKm: number;
  readonly inTrackKm: number;
  readonly crossTrackKm: number;
  /** |d/dt (r2 − r1)| at TCA, km/s. */
  readonly relativeSpeedKmS: number;
}

/** An object that flies with another (docked vehicle carrying the station's elements), reported once. */
export interface AttachedPair {
  readonly object1: number;
  readonly object2: number;
  /** Largest and smallest distance seen at the rule's 60-s samples over the first orbit, km. */
  readonly maxDistanceKm: number;
  readonly minDistanceKm: number;
}

/** An object the screening could not follow over (part of) the window. */
export interface SkippedObject {
  readonly object: number;
  /** Seconds after the start from which the object has no usable state (0: none at all). */
  readonly fromSeconds: number;
  readonly reason: string;
}

export interface ScreeningStats {
  /** Objects (or pairs, all-vs-all) left after the apogee/perigee filter. */
  shellSurvivors: number;
  /** Grid intervals × pairs that passed the coarse speed bound. */
  coarseCandidates: number;
  /** Those that also passed the Taylor bound and were refined. */
  refinedIntervals: number;
  /** SGP4 evaluations spent in refinement. */
  refinementEvaluations: number;
  /** Object-samples propagated on the time grid. */
  gridPropagations: number;
}

export function emptyStats(): ScreeningStats {
  return { shellSurvivors: 0, coarseCandidates: 0, refinedIntervals: 0, refinementEvaluations: 0, gridPropagations: 0 };
}

export function addStats(into: ScreeningStats, s: ScreeningStats): ScreeningStats {
  into.shellSurvivors += s.shellSurvivors;
  into.coarseCandidates += s.coarseCandidates;
  into.refinedIntervals += s.refinedIntervals;
  into.refinementEvaluations += s.refinementEvaluations;
  into.gridPropagations += s.gridPropagations;
  return into;
}

/** Stable order for reports and merging: TCA, then the pair. */
export function compareApproaches(a: CloseApproach, b: CloseApproach): number {
  return a.tcaSeconds - b.tcaSeconds || a.object1 - b.object1 || a.object2 - b.object2;
}
