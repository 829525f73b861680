export * from './types.js';
export * from './detectors.js';
export * from './odeAdapter.js';
export * from './eventSearch.js';
