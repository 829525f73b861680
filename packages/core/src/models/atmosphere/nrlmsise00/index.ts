export {
  loadNrlmsise00Coefficients,
  NRLMSISE00_ARRAY_SHAPES,
  type Nrlmsise00Coefficients,
  type Nrlmsise00CoefficientsJson,
} from './coefficients.js';
export {
  NRLMSISE00_AP_SWITCH,
  NRLMSISE00_STANDARD_SWITCHES,
  NRLMSISE00_SWITCH_COUNT,
  nrlmsise00ApHistoryFlags,
  nrlmsise00Flags,
  type Nrlmsise00Flags,
} from './flags.js';
export { createNrlmsise00, Nrlmsise00, type Nrlmsise00Input, type Nrlmsise00Options } from './model.js';
export { NRLMSISE00_SPECIES, Nrlmsise00Output } from './output.js';
export { NRLMSISE00_EMBEDDED_COEFFICIENTS } from './embeddedCoefficients.js';
