/** SVG chart of an attitude simulation: CMG momentum against time with the saturation line. */
import type { SimulateReport } from '@stationkeeper/core';
import { svgChart } from '../plot/svgChart.js';

/** CMG momentum (N·m·s) against time (h) with the capacity and desaturation threshold, desaturations marked. */
export function attitudeMomentumChartSvg(r: SimulateReport, thresholdFraction: number): string {
  const th = r.history.map((h) => h.t_s / 3600);
  const last = th[th.length - 1] ?? 0;
  return svgChart({
    title: `CMG momentum, ${r.controller} controller`,
    subtitle: `start ${r.start_utc}; ${r.desaturations.length} desaturations, ${r.total_propellant_kg} kg`,
    xAxis: { label: 'time since start (h)' },
    yAxis: { label: 'CMG momentum (N·m·s)', min: 0 },
    series: [
      { label: '|h|', x: th, y: r.history.map((h) => h.momentum_n_m_s) },
      { label: 'capacity (saturation)', x: [0, last], y: [r.capacity_n_m_s, r.capacity_n_m_s], color: '#d62728', dash: '6 4' },
      { label: 'desaturation threshold', x: [0, last], y: [thresholdFraction * r.capacity_n_m_s, thresholdFraction * r.capacity_n_m_s], color: '#7f7f7f', dash: '2 3' },
    ],
    markers: r.desaturations.length > 0 ? [{ label: 'desaturation', x: r.desaturations.map((d) => d.t_s / 3600), shape: 'vline', color: '#ff7f0e' }] : [],
  });
}
