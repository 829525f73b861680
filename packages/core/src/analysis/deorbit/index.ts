export * from './zone.js';
export * from './planner.js';
