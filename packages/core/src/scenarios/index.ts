export * from './types.js';
export { SCENARIO_JSON_SCHEMA, validateAgainstSchema, isDateText, type SchemaIssue } from './schema.js';
export { parseScenarioText, validateScenario, ScenarioError } from './validate.js';
export * from './engine.js';
export * from './report.js';
// Everything the what-if runs are built from, so one line in src/index.ts exports it all.
export * from '../stationkeeping/index.js';
export * from '../maneuvers/index.js';
export * from '../deorbit/index.js';
