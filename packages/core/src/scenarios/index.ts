export * from './types.js';
export { SCENARIO_JSON_SCHEMA, validateAgainstSchema, isDateText, type SchemaIssue } from './schema.js';
export { parseScenarioText, validateScenario, ScenarioError } from './validate.js';
export * from './engine.js';
