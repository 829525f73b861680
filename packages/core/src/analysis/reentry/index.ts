export {
  AsOfSpaceWeather,
  DEFAULT_FORECAST_MODEL,
  observedSnapshot,
  type AsOfSpaceWeatherOptions,
  type ForecastModelParameters,
  type ObservedSpaceWeatherSnapshot,
} from './forecastSpaceWeather.js';
export { fitForecastSigmas, measureForecastErrors, walkMeanVariance, type ForecastErrorOptions, type ForecastErrorRow, type SigmaFit } from './forecastCalibration.js';
export {
  checkEnsembleInput,
  EnsembleAbortedError,
  FAST_MEMBER_INTEGRATION,
  FAST_MEMBER_INTEGRATION_DP5,
  fromWireEpoch,
  fromWireState,
  memberDraws,
  memberSpaceWeather,
  quantileSorted,
  runMember,
  runReentryEnsemble,
  summariseEnsemble,
  tableToData,
  toWireEpoch,
  toWireState,
  type EnsembleRunOptions,
  type EnsembleSpaceWeather,
  type EnsembleSummary,
  type MemberIntegration,
  type MemberResult,
  type ReentryEnsembleInput,
  type SpaceWeatherTableData,
  type WireEpoch,
  type WireMeanState,
} from './ensemble.js';
export { propagateDayStepped, type DaySteppedOptions, type DaySteppedResult } from './dayStepper.js';
export { propagateToAltitude, type AltitudeSteppedOptions, type AltitudeSteppedResult } from './altitudeStepper.js';
export { finalGroundTrack, type FinalGroundTrack, type GroundTrackPoint } from './groundTrack.js';
export { DEFAULT_DENSITY_SIGMA, prepareReentryPrediction, ReentryInputError, type ReentryInputErrorCode, type ReentryPreparation, type ReentryPreparationOptions } from './prepare.js';
export { ballisticWithSigma, ISS_BALLISTIC_SIGMA_FRACTION, ISS_BALLISTIC_SOURCE } from './issBallistic.js';
