export * from './types.js';
export { EventManager, type StepEventOutcome } from './eventManager.js';
export * from './detectors.js';
