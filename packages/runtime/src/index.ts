// @stationkeeper/runtime: what the applications (CLI, server, benchmarks, scripts) need around the
// physics library and that is not physics: reading the data directory, worker pools, SVG plots.
export * from './wire/index.js';
