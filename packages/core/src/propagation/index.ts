export * from './sgp4/index.js';
