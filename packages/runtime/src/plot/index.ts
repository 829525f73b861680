export * from './ticks.js';
export { contourSegments, type ContourLines } from './contour.js';
export { svgChart, type ChartAxis, type ChartMarkers, type ChartOptions, type ChartSeries } from './svgChart.js';
