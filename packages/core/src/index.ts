export * from './time/index.js';
export * from './propagation/index.js';
export * from './elements/index.js';
export * from './history/index.js';
