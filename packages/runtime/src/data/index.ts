// Node-only entry point of core (`@stationkeeper/core/node`): file access and workers.
export * from './dataDir.js';
export * from './datasets.js';
export * from './parallelSgp4.js';
export * from './dataDirEop.js';
export * from './screeningParallel.js';
export * from './reentryPool.js';
export * from './scenarioDeps.js';
export * from './reentryData.js';
export * from './landingPool.js';
export * from './embeddedDefaults.js';
export * from './workerArgs.js';
