// The data directory: where it is, what it holds (the dataset catalogue), and the loaders.
export * from './dataDir.js';
export * from './datasets.js';
export * from './dataDirEop.js';
export * from './scenarioDeps.js';
export * from './reentryData.js';
export * from './embeddedDefaults.js';
