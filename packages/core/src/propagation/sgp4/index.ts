export * from './errors.js';
export * from './elements.js';
export * from './nearEarthKernel.js';
export { initDeepSpaceRecord, propagateDeepSpace, DEEP_SPACE_STRIDE } from './deepSpaceKernel.js';
export * from './satelliteJsAdapter.js';
export * from './batch.js';
export * from './sgp4Propagator.js';
