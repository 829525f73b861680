export * from './time/index.js';
export * from './propagation/index.js';
export * from './elements/index.js';
export * from './history/index.js';
export * from './time/eop.js';
export * from './diagnostics.js';
export * from './bodies/earth.js';
export * from './frames/index.js';
