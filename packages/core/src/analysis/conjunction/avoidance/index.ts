export * from './clohessyWiltshire.js';
export * from './planner.js';
export * from './simulator.js';
