export * from './findPasses.js';
export * from './magnitude.js';
export * from './passGeometry.js';
export * from '../math/rootFinding.js';
export * from '../bodies/sun.js';
export * from '../bodies/shadow.js';
export * from './skyPath.js';
