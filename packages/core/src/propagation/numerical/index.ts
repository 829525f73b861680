export * from './numericalPropagator.js';
export * from './propagationContext.js';
export * from './earthRotationCache.js';
export * from './bodyPositionCache.js';
export * from './initialState.js';
export * from './runConfig.js';
export * from './eventEnvironment.js';
