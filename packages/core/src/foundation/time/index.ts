export * from './epoch.js';
export * from './leapSeconds.js';
