export * from './rocket.js';
export * from './vehicles.js';
