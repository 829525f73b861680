export * from './wgs72.js';
export * from './meanMotion.js';
export * from './apsides.js';
export * from './velocityChange.js';
