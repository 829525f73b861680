export * from './averagedPropagator.js';
export * from './averagedStateProvider.js';
