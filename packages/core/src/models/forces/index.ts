export type { ForceContext, ForceModel } from './types.js';
export * from './gravity.js';
export * from './thirdBody.js';
export * from './srp.js';
export * from './drag.js';
export * from './thrust.js';
export * from './config.js';
