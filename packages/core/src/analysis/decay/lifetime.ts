/**
 * Orbital lifetime: the averaged propagator down to the hand-over altitude, then the final days
 * either with the numerical propagator (Cowell: EGM96 J2…J6 zonals + co-rotating drag with the
 * same atmosphere, space weather and ballistic coefficient, DOP853; stops at the re-entry
 * *geodetic* altitude) or with the averaged model continued down to the re-entry *mean* altitude.
 *
 * Re-entry altitude: 80 km by default (geodetic for the numerical final phase). Below ~120 km an
 * object falls in well under a revolution, so 80 km and 120 km differ by minutes; the averaged
 * final phase reaches the threshold on the mean altitude a − R⊕ (WGS-72 equatorial radius), and is
 * off by up to a revolution (~90 min) from the numerical one (measured in the validation tests).
 *
 * All parameters come per call (Monte Carlo members vary B, densityScale and space weather); the
 * function keeps no state between calls. The atmosphere and space-weather objects carry scratch
 * state: give each worker thread its own instances.
 */
import { altitudeDetector } from '../../propagation/events/detectors.js';
import { DragForce, type DragSpaceWeatherSource } from '../../models/forces/drag.js';
import { ZonalGravityForce } from '../../models/forces/gravity.js';
import { EGM96_ZONAL_MODEL, type ZonalGravityModel } from '../../models/gravity/zonal.js';
import { EventEnvironment } from '../../propagation/numerical/eventEnvironment.js';
import { NumericalPropagator } from '../../propagation/numerical/numericalPropagator.js';
import type { SpaceWeatherSource } from '../../foundation/spaceWeather/types.js';
import type { Epoch } from '../../foundation/time/epoch.js';
import type { EopSource } from '../../foundation/time/eop.js';
import type { AtmosphereSpaceWeather } from '../../models/atmosphere/types.js';
import type { AveragedDynamicsOptions, DecaySpaceWeather } from '../../propagation/averaged/averagedDynamics.js';
import { propagateAveraged, type AveragedPropagationResult } from '../../propagation/averaged/averagedPropagator.js';
import { numericalStateFromMeanState } from '../../propagation/averaged/handOver.js';
import { meanStateGeometry, type MeanOrbitState } from '../../propagation/averaged/meanState.js';

const DAY = 86400;

export interface LifetimeOptions extends AveragedDynamicsOptions {
  /** Re-entry altitude, m (default 80 km). */
  reentryAltitudeM?: number;
  /** Hand over to the final phase when the mean altitude a − R⊕ falls below this, m (default 200 km)… */
  handOverMeanAltitudeM?: number;
  /** …or when the mean perigee altitude falls below this, m (default 180 km). */
  handOverPerigeeAltitudeM?: number;
  /** Final phase: 'numerical' (default) or 'averaged'. */
  finalPhase?: 'numerical' | 'averaged';
  /** Give up (reentered: false) after this many years (default 50). */
  maxYears?: number;
  /** Earth orientation for the numerical phase (without: UT1 = UTC, no polar motion). */
  eop?: EopSource;
  /** Numerical phase: relative tolerance (default 1e-9) and gravity (default EGM96 J2…J6). */
  numericalRtol?: number;
  numericalGravity?: ZonalGravityModel;
  /** Largest averaged step, s (default 2 days). */
  maxStepS?: number;
  /** Record the averaged phase's elements every this many seconds. */
  sampleEveryS?: number;
}

export interface LifetimeResult {
  reentered: boolean;
  /** Epoch of re-entry (undefined when not within maxYears). */
  reentryEpoch?: Epoch;
  /** Days from the initial epoch to re-entry (or to the give-up time). */
  lifetimeDays: number;
  reentryAltitudeM: number;
  finalPhase: 'numerical' | 'averaged';
  /** Where the averaged phase stopped (the hand-over state when the numerical phase ran). */
  handOver?: MeanOrbitState;
  averaged: AveragedPropagationResult;
  numerical?: { steps: number; evaluations: number; wallSeconds: number };
}

function dragSource(sw: DecaySpaceWeather): DragSpaceWeatherSource {
  if (typeof (sw as SpaceWeatherSource).at === 'function') return sw as SpaceWeatherSource;
  const fixed = sw as AtmosphereSpaceWeather;
  return { at: () => fixed };
}

/** Propagate `initial` to re-entry; see the module comment for the phases and altitudes. */
export function predictLifetime(initial: MeanOrbitState, options: LifetimeOptions): LifetimeResult {
  const reentryAltitudeM = options.reentryAltitudeM ?? 80e3;
  if (!(reentryAltitudeM >= 0 && reentryAltitudeM < 200e3)) throw new RangeError(`reentryAltitudeM: must be in [0, 200 km), got ${reentryAltitudeM} m`);
  const finalPhase = options.finalPhase ?? 'numerical';
  if (finalPhase !== 'numerical' && finalPhase !== 'averaged') throw new RangeError(`finalPhase: must be 'numerical' or 'averaged', got ${JSON.stringify(finalPhase)}`);
  const maxYears = options.maxYears ?? 50;
  if (!(maxYears > 0)) throw new RangeError(`maxYears: must be > 0, got ${maxYears}`);
  const endEpoch = initial.epoch.plusSeconds(maxYears * 365.25 * DAY);
  const handMean = options.handOverMeanAltitudeM ?? 200e3;
  const handPerigee = options.handOverPerigeeAltitudeM ?? 180e3;

  const geometry = meanStateGeometry(initial);
  const common = { ...options, endEpoch };
  if (finalPhase === 'averaged') {
    const averaged = propagateAveraged(initial, { ...common, stopMeanAltitudeM: reentryAltitudeM });
    const reentered = averaged.stopReason === 'mean-altitude';
    return {
      reentered,
      reentryEpoch: reentered ? averaged.final.epoch : undefined,
      lifetimeDays: averaged.final.epoch.secondsSince(initial.epoch) / DAY,
      reentryAltitudeM,
      finalPhase,
      averaged,
    };
  }

  // Averaged phase, unless the orbit is already at the hand-over.
  const low = geometry.meanAltitudeM <= handMean || geometry.perigeeAltitudeM <= handPerigee;
  const averaged = low
    ? { final: initial, stopReason: 'mean-altitude' as const, stats: { steps: 0, rejected: 0, evaluations: 0, densityCalls: 0, wallSeconds: 0 } }
    : propagateAveraged(initial, { ...common, stopMeanAltitudeM: handMean, stopPerigeeAltitudeM: handPerigee });
  if (averaged.stopReason === 'end-epoch') {
    return { reentered: false, lifetimeDays: maxYears * 365.25, reentryAltitudeM, finalPhase, averaged };
  }
  const handOver = averaged.final;
  const start = numericalStateFromMeanState(handOver, { gravity: options.gravity, eop: options.eop });
  const env = new EventEnvironment(handOver.epoch, options.eop);
  const b = options.ballisticCoefficientKgPerM2 / (options.densityScale ?? 1);
  const propagator = new NumericalPropagator({
    forces: [
      new ZonalGravityForce(options.numericalGravity ?? EGM96_ZONAL_MODEL),
      new DragForce({ atmosphere: options.atmosphere, spaceWeather: dragSource(options.spaceWeather), ballisticCoefficientKgPerM2: b }),
    ],
    integrator: 'dop853',
    rtol: options.numericalRtol ?? 1e-9,
    eop: options.eop,
    needsSun: false,
    needsMoon: false,
    detectors: [altitudeDetector({ name: 'reentry', thresholdM: reentryAltitudeM, altitudeM: env.geodeticAltitudeOfM, action: 'stop' })],
  });
  const run = propagator.propagate(start, endEpoch);
  const reentered = run.stopped;
  const end = run.final.epoch;
  return {
    reentered,
    reentryEpoch: reentered ? end : undefined,
    lifetimeDays: end.secondsSince(initial.epoch) / DAY,
    reentryAltitudeM,
    finalPhase,
    handOver,
    averaged,
    numerical: { steps: run.stats.steps, evaluations: run.stats.evaluations, wallSeconds: run.stats.wallSeconds },
  };
}
