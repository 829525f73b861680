export * from './station.js';
