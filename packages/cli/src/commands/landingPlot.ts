/**
 * The landing plot: three stacked panels in one SVG — the ground track (longitude/latitude, with
 * the aim point, the landing and the dispersion ellipse), the altitude and the deceleration
 * against minutes from the burn start.
 */
import { ellipseOutline, type DispersionEllipse, type EntryVehicleSpec, type LandingPrediction } from '@stationkeeper/core';
import { svgChart } from '@stationkeeper/runtime';

const WIDTH = 960;
const PANEL = 360;

/** Place a chart's root <svg> at vertical offset `y` inside the parent. */
function at(svg: string, y: number): string {
  return svg.replace('<svg ', `<svg y="${y}" `);
}

export function landingPlotSvg(p: LandingPrediction, vehicle: EntryVehicleSpec, ellipse?: DispersionEllipse): string {
  const minutes = p.track.map((t) => t.epoch.secondsSince(p.burnEpoch) / 60);
  const title = `${vehicle.name}, ${p.mode}: landing ${p.landing.epoch.toIsoUtc(0)} at ${p.landing.latDeg.toFixed(2)}°, ${p.landing.lonDeg.toFixed(2)}°`;
  const eventMin = p.events.map((e) => e.epoch.secondsSince(p.burnEpoch) / 60);
  const track = svgChart({
    title,
    widthPx: WIDTH,
    heightPx: PANEL,
    xAxis: { label: 'longitude (°E)' },
    yAxis: { label: 'latitude (°N)' },
    series: [
      { label: 'ground track', x: p.track.map((t) => t.lonDeg), y: p.track.map((t) => t.latDeg) },
      ...(ellipse ? [{ label: `${ellipse.confidence * 100} % ellipse`, x: ellipseOutline(ellipse).map((q) => q[1]), y: ellipseOutline(ellipse).map((q) => q[0]), color: '#d62728' }] : []),
    ],
    markers: [
      { label: 'aim point', x: [vehicle.zone.lonDeg], y: [vehicle.zone.latDeg], shape: 'diamond' },
      { label: 'events', x: p.events.map((e) => e.lonDeg), y: p.events.map((e) => e.latDeg), shape: 'circle', texts: p.events.map((e) => e.name) },
    ],
  });
  const altitude = svgChart({
    widthPx: WIDTH,
    heightPx: PANEL,
    xAxis: { label: 'minutes from the burn start' },
    yAxis: { label: 'altitude (km)' },
    series: [{ label: 'altitude', x: minutes, y: p.track.map((t) => t.altitudeKm) }],
    markers: [{ label: 'events', x: eventMin, y: p.events.map((e) => e.altitudeKm), shape: 'circle', texts: p.events.map((e) => e.name) }],
  });
  const g = svgChart({
    widthPx: WIDTH,
    heightPx: PANEL,
    xAxis: { label: 'minutes from the burn start' },
    yAxis: { label: 'sensed acceleration (g)' },
    series: [{ label: 'sensed acceleration: burn, entry, canopies filling (fill times EST)', x: minutes, y: p.track.map((t) => t.decelerationG) }],
    markers: [{ label: `peak ${p.peak.decelerationG.toFixed(2)} g`, x: [p.peak.epoch.secondsSince(p.burnEpoch) / 60], y: [p.peak.decelerationG], shape: 'triangle-down' }],
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${3 * PANEL}" viewBox="0 0 ${WIDTH} ${3 * PANEL}">`,
    at(track, 0),
    at(altitude, PANEL),
    at(g, 2 * PANEL),
    '</svg>',
  ].join('\n');
}
