/**
 * The decay module's orbit-averaged propagator and lifetime prediction behind the planner's
 * DecayModel / ReentryPredictor interfaces.
 */
import type { AtmosphereModel } from '../../models/atmosphere/types.js';
import { AveragedDynamics } from '../../propagation/averaged/averagedDynamics.js';
import { propagateAveraged } from '../../propagation/averaged/averagedPropagator.js';
import { predictLifetime } from '../../analysis/decay/lifetime.js';
import type { SpaceWeatherSource } from '../../foundation/spaceWeather/types.js';
import type { Epoch } from '../../foundation/time/epoch.js';
import type { DecayModel, MeanOrbitState } from './decayModel.js';
import type { ReentryPredictor } from './reentry.js';
import { ballisticCoefficientKgPerM2, type BallisticProperties } from '../../models/spacecraft/station.js';

export interface AveragedDecayOptions {
  /** Largest averaged step, s (default 1 day: daily space-weather changes resolved). */
  maxStepS?: number;
  /** Relative tolerance (default 1e-7: the planner's day-by-day calls need metres, not millimetres). */
  rtol?: number;
}

export class AveragedDecayModel implements DecayModel {
  readonly name = 'decay.propagateAveraged (mean elements, J2/J3, drag averaged over the revolution)';
  private readonly y = new Float64Array(6);
  private readonly dy = new Float64Array(6);

  constructor(
    readonly atmosphere: AtmosphereModel,
    readonly spaceWeather: SpaceWeatherSource,
    readonly options: AveragedDecayOptions = {},
  ) {}

  advance(state: MeanOrbitState, to: Epoch, b: BallisticProperties): MeanOrbitState {
    if (to.secondsSince(state.epoch) <= 0) return { ...state, epoch: to };
    return propagateAveraged(state, {
      endEpoch: to,
      ballisticCoefficientKgPerM2: ballisticCoefficientKgPerM2(b),
      atmosphere: this.atmosphere,
      spaceWeather: this.spaceWeather,
      maxStepS: this.options.maxStepS ?? 86400,
      rtol: this.options.rtol ?? 1e-7,
      atolSemiMajorAxisM: 0.5,
    }).final;
  }

  semiMajorAxisRateMps(state: MeanOrbitState, b: BallisticProperties): number {
    const dyn = new AveragedDynamics(state.epoch, { ballisticCoefficientKgPerM2: ballisticCoefficientKgPerM2(b), atmosphere: this.atmosphere, spaceWeather: this.spaceWeather });
    this.y.set([state.semiMajorAxisM, state.eCosArgPerigee, state.eSinArgPerigee, state.inclinationRad, state.raanRad, state.meanArgumentOfLatitudeRad]);
    dyn.rates(0, this.y, this.dy);
    return this.dy[0];
  }
}

/**
 * Re-entry from decay.predictLifetime (averaged to 200 km, then the numerical propagator to
 * 80 km geodetic). Nominal only: the Monte Carlo window is not wired yet (windowStatus 'pending').
 */
export function lifetimeReentry(atmosphere: AtmosphereModel, spaceWeather: SpaceWeatherSource, finalPhase: 'numerical' | 'averaged' = 'averaged'): ReentryPredictor {
  return {
    name: `decay.predictLifetime (${finalPhase} final phase)`,
    predict(state, b, maxYears) {
      const r = predictLifetime(state, { ballisticCoefficientKgPerM2: ballisticCoefficientKgPerM2(b), atmosphere, spaceWeather, maxYears, finalPhase });
      return {
        nominal: r.reentered && r.reentryEpoch ? r.reentryEpoch : null,
        window: null,
        windowStatus: 'pending',
        model: `decay.predictLifetime, averaged then ${finalPhase} to ${r.reentryAltitudeM / 1000} km`,
        reentryAltitudeM: r.reentryAltitudeM,
      };
    },
  };
}
