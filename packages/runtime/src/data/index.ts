// The data directory: where it is, what it holds (the dataset catalogue, each file declared once
// in dataFiles.ts), and the loaders the applications read it through.
export * from './dataDir.js';
export * from './dataFiles.js';
export * from './datasets.js';
export * from './loaders.js';
export * from './dataDirEop.js';
export * from './buildPropagator.js';
export * from './scenarioDeps.js';
export * from './embeddedDefaults.js';
export * from './nrlmsiseConverter.js';
