export * from './mat3.js';
export * from './earthOrientation.js';
export * from './earthFixed.js';
export * from './nutation80.js';
export * from './fk5.js';
export * from './geodetic.js';
export * from './topocentric.js';
export * from './rtn.js';
