export * from './types.js';
export { SCENARIO_JSON_SCHEMA, validateAgainstSchema, isDateText, type SchemaIssue } from './schema.js';
export { parseScenarioText, validateScenario, ScenarioError, MAX_SCENARIO_SPAN_YEARS, MAX_SCENARIO_EVENTS } from './validate.js';
export { readScenarioYaml, scenarioTextBudgetProblem, yamlErrorIssue, SCENARIO_TEXT_LIMITS, SCENARIO_YAML_OPTIONS } from './scenarioYaml.js';
export * from './engine.js';
export { partnerName } from './partners.js';
// Everything the what-if runs are built from, so one line in src/index.ts exports it all.
export * from '../stationkeeping/index.js';
export * from '../../models/maneuvers/index.js';
export * from '../../analysis/deorbit/index.js';
