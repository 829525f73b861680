export * from './vehicles.js';
export * from './aero.js';
export * from './guidedBank.js';
export * from './burn.js';
export * from './profileAtmosphere.js';
export * from './descent.js';
export * from './targeting.js';
export * from './landing.js';
