export * from '../encounter.js';
export * from './rtnCovariance.js';
export { erf, erfc, erfDifference } from './erf.js';
export { integrateAdaptive, type QuadratureOptions, type QuadratureResult } from './quadrature.js';
export * from './foster.js';
export * from './chan.js';
export * from './maximum.js';
export * from './collisionProbability.js';
export * from './fromCdm.js';
