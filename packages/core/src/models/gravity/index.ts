export * from './coefficients.js';
export * from './icgemGfc.js';
export * from './sphericalHarmonics.js';
export * from './zonal.js';
