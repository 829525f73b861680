export * from './time/index.js';
export * from './propagation/index.js';
