// @stationkeeper/runtime: what the applications (CLI, server, benchmarks, scripts) need around the
// physics library and that is not physics: reading the data directory, worker pools, SVG plots
// and charts drawn from core's results, the wire objects shared by CLI and API, and the helpers
// of the validation scripts. Node only.
export * from './data/index.js';
export * from './workers/index.js';
export * from './plot/index.js';
export * from './charts/index.js';
export * from './validation/index.js';
export * from './wire/index.js';
