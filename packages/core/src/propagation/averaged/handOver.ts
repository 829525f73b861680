/**
 * Hand-over from the averaged propagator to the numerical one: mean state → osculating Cartesian
 * state (first-order J2 short-period terms as SGP4 applies them, shortPeriod.ts), then
 * TEME → GCRF (frames/fk5.ts) for the NumericalPropagator.
 *
 * Stated error: the neglected J2² short-period terms and the short-period terms of J3 and higher
 * zonals leave the osculating state off by tens of metres in position and a few cm/s in
 * velocity; what matters for the lifetime is the mean semi-major axis the numerical run then
 * sees, measured in test/decay/validation.test.ts through the lifetime itself (hand-over at
 * 200 km, re-entry time within a few minutes of a pure numerical run).
 */
import { temeToGcrf } from '../../foundation/frames/fk5.js';
import type { OrbitState } from '../numerical/numericalPropagator.js';
import type { Epoch } from '../../foundation/time/epoch.js';
import type { EopSource } from '../../foundation/time/eop.js';
import { EGM96_AVERAGED_GRAVITY, checkMeanState, type AveragedGravity, type MeanOrbitState } from './meanState.js';
import { eccentricLongitudeFromMean, OSC_LENGTH, osculatingAtEccentricLongitude } from './shortPeriod.js';

export interface CartesianState {
  epoch: Epoch;
  /** Position and velocity in the frame of the mean elements (TEME for TLE-derived states), m and m/s. */
  rM: Float64Array;
  vMps: Float64Array;
}

/** Osculating position and velocity of a mean state, in the elements' frame. */
export function osculatingFromMeanState(
  state: MeanOrbitState,
  options: { gravity?: AveragedGravity; shortPeriod?: boolean } = {},
): CartesianState {
  checkMeanState(state);
  const F = eccentricLongitudeFromMean(state.meanArgumentOfLatitudeRad, state.eCosArgPerigee, state.eSinArgPerigee);
  const out = new Float64Array(OSC_LENGTH);
  osculatingAtEccentricLongitude(
    state.semiMajorAxisM,
    state.eCosArgPerigee,
    state.eSinArgPerigee,
    state.inclinationRad,
    state.raanRad,
    F,
    options.gravity ?? EGM96_AVERAGED_GRAVITY,
    options.shortPeriod ?? true,
    out,
  );
  return { epoch: state.epoch, rM: out.slice(0, 3), vMps: out.slice(3, 6) };
}

/**
 * Initial state for NumericalPropagator.propagate from a mean state whose elements are in TEME
 * (as TLE-derived states are). `massKg` only matters for forces that use the mass (the drag of
 * the decay tools is given by its ballistic coefficient); default 1 kg.
 */
export function numericalStateFromMeanState(
  state: MeanOrbitState,
  options: { gravity?: AveragedGravity; eop?: EopSource; massKg?: number } = {},
): OrbitState {
  const osc = osculatingFromMeanState(state, { gravity: options.gravity });
  const gcrf = temeToGcrf(state.epoch, osc.rM, osc.vMps, options.eop);
  return { epoch: state.epoch, rGcrfM: gcrf.r, vGcrfMps: gcrf.v as Float64Array, massKg: options.massKg ?? 1 };
}
