// Worker-thread pools. Each runs core's pure functions on threads started through
// sgp4WorkerBootstrap.mjs, from the TypeScript sources (tests, tsx) or from dist/ alike. The
// modules a thread loads import only the area of core they run (`@stationkeeper/core/propagation`,
// `/conjunction`, `/reentry`, `/entry`, `/time`, `/diagnostics`): the whole library took a thread
// started from the sources about 10 s to load on a busy 2-core machine, one area about 2 s.
export * from './parallelSgp4.js';
export * from './screeningParallel.js';
export * from './reentryPool.js';
export * from './landingPool.js';
export * from './workerArgs.js';
