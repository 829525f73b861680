export { gaussLegendre, periodicRule, type PeriodicRule, type QuadratureKind } from './quadrature.js';
export {
  EGM96_AVERAGED_GRAVITY,
  checkMeanState,
  eccentricityOf,
  meanStateFromElements,
  meanStateGeometry,
  type AveragedGravity,
  type MeanOrbitState,
} from './meanState.js';
export { eccentricLongitudeFromMean, osculatingAtEccentricLongitude } from './shortPeriod.js';
export {
  AveragedDynamics,
  type AveragedDynamicsOptions,
  type DecaySpaceWeather,
  type DragSettings,
  type QuadratureSettings,
} from './averagedDynamics.js';
export {
  meanStateFromVector,
  propagateAveraged,
  type AveragedPropagationOptions,
  type AveragedPropagationResult,
  type AveragedStopReason,
} from '../propagation/averaged/averagedPropagator.js';
export { numericalStateFromMeanState, osculatingFromMeanState, type CartesianState } from './handOver.js';
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
