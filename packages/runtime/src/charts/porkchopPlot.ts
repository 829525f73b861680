/**
 * The porkchop plot as SVG: C3 contours over departure date (x) and arrival date (y), the
 * boundary between Type I and Type II transfers (transfer angle 180°, where C3 ridges up because
 * the transfer plane turns through the ecliptic pole), the minimum-C3 point of each type and any
 * marked date pairs (e.g. a mission's planned launch and landing).
 */
import { contourSegments } from '../plot/contour.js';
import { svgChart, type ChartMarkers, type ChartSeries } from '../plot/svgChart.js';
import type { Epoch } from '@stationkeeper/core';
import { porkchopMinima, type PorkchopGrid } from '@stationkeeper/core';

/** Default C3 contour levels, km²/s². */
export const DEFAULT_C3_LEVELS_KM2_S2 = [8, 10, 12, 15, 20, 25, 30, 40, 60];

export interface PorkchopMark {
  label: string;
  depart: Epoch;
  arrive: Epoch;
}

export interface PorkchopPlotOptions {
  levelsKm2S2?: readonly number[];
  marks?: readonly PorkchopMark[];
  title?: string;
  widthPx?: number;
  heightPx?: number;
}

/** Blue (low C3) to red (high C3). */
function levelColor(k: number, n: number): string {
  const t = n > 1 ? k / (n - 1) : 0;
  const hue = Math.round(230 - 230 * t);
  return `hsl(${hue}, 70%, 42%)`;
}

export function porkchopSvg(g: PorkchopGrid, o: PorkchopPlotOptions = {}): string {
  const xs = g.depart.map((e) => e.utcMjd());
  const ys = g.arrive.map((e) => e.utcMjd());
  const levels = o.levelsKm2S2 ?? DEFAULT_C3_LEVELS_KM2_S2;
  const c3Km2 = g.c3M2S2.map((v) => v / 1e6);
  const labels: { x: number[]; y: number[]; texts: string[] } = { x: [], y: [], texts: [] };
  const series: ChartSeries[] = levels.map((level, k) => {
    const c = contourSegments(c3Km2, xs, ys, level);
    // Label each contour once, at a point in the middle of its list of segments.
    const mid = Math.floor(c.x.length / 6) * 3;
    if (c.x.length > 0) {
      labels.x.push(c.x[mid]);
      labels.y.push(c.y[mid]);
      labels.texts.push(String(level));
    }
    return { label: `C3 ${level} km²/s²`, x: c.x, y: c.y, color: levelColor(k, levels.length), lineWidthPx: 1.3, hideInLegend: true };
  });
  // Zero of (r̂1 × r̂2)·n̂ where the transfer angle is near 180° (not near 0°/360°).
  const nearHalfTurn = g.normalSine.map((v, c) => (Math.abs(g.transferAngleRad[c] - Math.PI) < Math.PI / 2 ? v : NaN));
  const boundary = contourSegments(nearHalfTurn, xs, ys, 0);
  series.push({ label: 'Type I / Type II boundary (180°)', x: boundary.x, y: boundary.y, color: '#333', lineWidthPx: 2.2 });
  const m = porkchopMinima(g);
  const markers: ChartMarkers[] = [{ label: `C3 contours (${levels[0]}–${levels[levels.length - 1]} km²/s², blue to red)`, x: labels.x, y: labels.y, texts: labels.texts, shape: 'circle', sizePx: 2, color: '#555' }];
  for (const [p, label, color] of [[m.minC3Type1, 'min C3 Type I', '#1f77b4'], [m.minC3Type2, 'min C3 Type II', '#9467bd']] as const) {
    if (!p) continue;
    markers.push({ label: `${label}: ${(p.c3M2S2 / 1e6).toFixed(2)} km²/s²`, x: [p.depart.utcMjd()], y: [p.arrive.utcMjd()], shape: 'diamond', color });
  }
  for (const mark of o.marks ?? []) {
    markers.push({ label: mark.label, x: [mark.depart.utcMjd()], y: [mark.arrive.utcMjd()], shape: 'circle', color: '#d62728', sizePx: 6 });
  }
  return svgChart({
    title: o.title ?? `${g.from.name} → ${g.to.name}: departure C3 (direct transfers)`,
    subtitle: 'contours of C3 (km²/s²); below the dark line Type I (< 180°), above it Type II (> 180°)',
    widthPx: o.widthPx ?? 960,
    heightPx: o.heightPx ?? 720,
    xAxis: { label: 'departure date (UTC)', type: 'utc-mjd', min: xs[0], max: xs[xs.length - 1] },
    yAxis: { label: 'arrival date (UTC)', type: 'utc-mjd', min: ys[0], max: ys[ys.length - 1] },
    series,
    markers,
    legend: 'auto',
  });
}
