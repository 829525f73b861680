export * from './ticks.js';
export { svgChart, type ChartAxis, type ChartMarkers, type ChartOptions, type ChartSeries } from './svgChart.js';
