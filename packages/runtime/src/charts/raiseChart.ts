/** SVG charts of orbit raising: altitude against time per satellite, the operational shell as a dashed line. */
import { svgChart, type ChartSeries } from '../plot/svgChart.js';
import type { LowThrustRaise, RaiseTrack } from '@stationkeeper/core';

const COLOURS: Record<RaiseTrack['status'], string> = { reached: '#1f77b4', raising: '#ff7f0e', 'never-raised': '#d62728', 'too-short': '#7f7f7f' };
const LABELS: Record<RaiseTrack['status'], string> = { reached: 'reached the shell', raising: 'still raising', 'never-raised': 'never raised', 'too-short': 'history too short' };

/** Altitude vs date of every track, coloured by status (one legend entry per status). */
export function raiseHistoryChartSvg(tracks: readonly RaiseTrack[], shellAltitudeKm: number, title: string): string {
  const shown = new Set<string>();
  const series: ChartSeries[] = tracks.map((t) => {
    const first = !shown.has(t.status);
    shown.add(t.status);
    return {
      label: LABELS[t.status],
      x: t.epochs.map((e) => e.utcMjd()),
      y: t.altitudeKm,
      color: COLOURS[t.status],
      lineWidthPx: 1.2,
      hideInLegend: !first,
    };
  });
  const xs = tracks.flatMap((t) => t.epochs.map((e) => e.utcMjd()));
  series.push({ label: `operational shell ${shellAltitudeKm} km`, x: [Math.min(...xs), Math.max(...xs)], y: [shellAltitudeKm, shellAltitudeKm], color: '#2ca02c', dash: '6 4' });
  return svgChart({
    title,
    subtitle: 'mean altitude above the WGS-72 equatorial radius, from each element set',
    xAxis: { label: 'date (UTC)', type: 'utc-mjd' },
    yAxis: { label: 'altitude (km)' },
    series,
    legend: 'bottom-right',
  });
}

/** The modelled raise: altitude against days since the start of thrusting. */
export function lowThrustChartSvg(raise: LowThrustRaise, title: string): string {
  const days: number[] = [];
  const altitudes: number[] = [];
  for (let k = 0; k <= 200; k++) {
    const t = (raise.durationS * k) / 200;
    days.push(t / 86400);
    altitudes.push(raise.altitudeKmAt(t));
  }
  return svgChart({
    title,
    subtitle: `Δv ${raise.deltaVMps.toFixed(0)} m/s, ${(raise.durationS / 86400).toFixed(1)} days, ${raise.propellantKg.toFixed(2)} kg of propellant`,
    xAxis: { label: 'days since the start of the raise' },
    yAxis: { label: 'altitude (km)' },
    series: [{ label: 'modelled raise (Edelbaum, constant thrust)', x: days, y: altitudes }],
    legend: 'bottom-right',
  });
}
