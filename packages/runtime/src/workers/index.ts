// Worker-thread pools. Each runs core's pure functions on threads started through
// sgp4WorkerBootstrap.mjs, from the TypeScript sources (tests, tsx) or from dist/ alike.
export * from './parallelSgp4.js';
export * from './screeningParallel.js';
export * from './reentryPool.js';
export * from './landingPool.js';
export * from './workerArgs.js';
