export * from './rtn.js';
export * from '../math/lineFit.js';
export * from './meanSemiMajorAxis.js';
export * from './decayComparison.js';
