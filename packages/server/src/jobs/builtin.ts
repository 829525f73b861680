/** The job types the server ships with; others register theirs on the same registry. */
import { JobRegistry } from './registry.js';
import { altitudeBandScreen } from './types/altitudeBandScreen.js';
import { cpuBurn } from './types/cpuBurn.js';

export function builtinJobRegistry(): JobRegistry {
  return new JobRegistry().register(altitudeBandScreen).register(cpuBurn);
}
