export * from './rtn.js';
export * from './meanSemiMajorAxis.js';
export * from './decayComparison.js';
