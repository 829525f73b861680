// Charts and reports drawn from core's results (the physics stays in core; these only draw).
export * from './attitudeChart.js';
export * from './porkchopPlot.js';
export * from './raiseChart.js';
export * from './scenarioReport.js';
