export { gaussLegendre, periodicRule, type PeriodicRule, type QuadratureKind } from '../../propagation/averaged/quadrature.js';
export {
  EGM96_AVERAGED_GRAVITY,
  checkMeanState,
  eccentricityOf,
  meanStateFromElements,
  meanStateGeometry,
  type AveragedGravity,
  type MeanOrbitState,
} from '../../propagation/averaged/meanState.js';
export { eccentricLongitudeFromMean, osculatingAtEccentricLongitude } from '../../propagation/averaged/shortPeriod.js';
export {
  AveragedDynamics,
  type AveragedDynamicsOptions,
  type DecaySpaceWeather,
  type DragSettings,
  type QuadratureSettings,
} from '../../propagation/averaged/averagedDynamics.js';
export {
  meanStateFromVector,
  propagateAveraged,
  type AveragedPropagationOptions,
  type AveragedPropagationResult,
  type AveragedStopReason,
} from '../../propagation/averaged/averagedPropagator.js';
export { numericalStateFromMeanState, osculatingFromMeanState, type CartesianState } from '../../propagation/averaged/handOver.js';
export { predictLifetime, type LifetimeOptions, type LifetimeResult } from './lifetime.js';
export {
  BallisticFitError,
  fitBallisticCoefficient,
  type BallisticFitErrorCode,
  type BallisticFitOptions,
  type BallisticFitResult,
} from './ballisticFit.js';
export { kingHeleCircularLifetimeS } from './kingHele.js';
export { Xoshiro128, type RandomSource } from './random.js';
