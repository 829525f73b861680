export * from './findPasses.js';
export * from './magnitude.js';
export * from './passGeometry.js';
export * from '../../foundation/math/rootFinding.js';
export * from '../../foundation/bodies/sun.js';
export * from '../../foundation/bodies/shadow.js';
export * from './skyPath.js';
