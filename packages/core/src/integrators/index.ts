export * from './types.js';
export * from './errors.js';
export * from './tolerances.js';
export { RungeKuttaIntegrator } from './rungeKutta.js';
export { EmbeddedRungeKutta, type AdaptiveIntegratorOptions } from './adaptive.js';
export { ClassicalRungeKutta4, type FixedStepOptions } from './rk4.js';
export { DormandPrince54 } from './dormandPrince54.js';
export { DormandPrince853 } from './dormandPrince853.js';
