/**
 * One call from two states + covariances at TCA to a Pc: encounter plane, NPD remediation,
 * principal axes, then the chosen 2-D method.
 */
import {
  encounterPlane,
  principalAxes,
  type ConjunctionObjectState,
  type EncounterPlane,
  type EncounterPlaneOptions,
  type PrincipalAxesOptions,
  type PrincipalEncounter,
} from '../encounter.js';
import { pcChan } from './chan.js';
import { pcFoster } from './foster.js';
import { pcMaxScaledCovariance } from './maximum.js';

/** 2-D methods: exact disk integral, Chan's approximation, maximum over covariance scale. */
export type PcMethod = 'foster' | 'chan' | 'max-scaled';

export interface CollisionProbabilityOptions extends EncounterPlaneOptions, PrincipalAxesOptions {
  method?: PcMethod;
}

export interface CollisionProbability {
  /** Probability of collision (NaN when the covariance is NPD and remediation is off). */
  pc: number;
  method: PcMethod;
  plane: EncounterPlane;
  encounter: PrincipalEncounter;
}

export function collisionProbability(
  primary: ConjunctionObjectState,
  secondary: ConjunctionObjectState,
  hardBodyRadiusM: number,
  options: CollisionProbabilityOptions = {},
): CollisionProbability {
  const method = options.method ?? 'foster';
  const plane = encounterPlane(primary, secondary, options);
  const encounter = principalAxes(plane, hardBodyRadiusM, options);
  return { pc: pcForEncounter(encounter, method), method, plane, encounter };
}

/** Pc of an encounter already in principal axes. */
export function pcForEncounter(encounter: PrincipalEncounter, method: PcMethod): number {
  if (encounter.hardBodyRadiusM === 0) return 0;
  if (encounter.hardBodyRadiusM === Infinity) return 1;
  if (!encounter.positiveDefinite) return NaN;
  switch (method) {
    case 'foster':
      return pcFoster(encounter);
    case 'chan':
      return pcChan(encounter);
    case 'max-scaled':
      return pcMaxScaledCovariance(encounter).pcMax;
    default:
      throw new RangeError(`unknown Pc method ${JSON.stringify(method)} (foster, chan, max-scaled)`);
  }
}
