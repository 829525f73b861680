export * from './sgp4/index.js';
export * from './propagator.js';
export * from './ephemerisPropagator.js';
export * from './averaged/index.js';
