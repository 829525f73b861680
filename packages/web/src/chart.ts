/**
 * Small wrapper over uPlot for the altitude charts: UTC time axis, km axis, markers for events
 * (reboosts ▲, lowerings ▼, first reboost no vehicle can fly ✕) drawn on the canvas, and a width that follows
 * the panel.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { tickDecimals } from './format.js';

export interface ChartSeries {
  label: string;
  /** Values per x, km (null = gap). */
  values: (number | null)[];
  color: string;
  width?: number;
  dash?: number[];
}

export interface ChartMarker {
  /** Unix seconds. */
  t: number;
  kind: 'raise' | 'lower' | 'event';
  label: string;
}

export interface AltitudeChartOptions {
  /** Unix seconds. */
  x: number[];
  series: ChartSeries[];
  markers?: ChartMarker[];
  yLabel: string;
  height?: number;
  /** Optional shaded time band (e.g. a re-entry window), unix seconds. */
  band?: { from: number; to: number; label: string };
  /** Areas filled between two series (indices into `series`), e.g. a 5–95 % band. */
  fills?: { upper: number; lower: number; color: string }[];
  /** Widen the time axis to at least this span (unix seconds), e.g. to the end of a re-entry window after the data. */
  xRange?: [number, number];
}

const utc = (ts: number) => uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC');

/** `YYYY-MM-DD HH:MM` (UTC) of a uPlot time value in seconds. */
function utcMinute(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 16).replace('T', ' ');
}

export function altitudeChart(container: HTMLElement, o: AltitudeChartOptions): uPlot {
  container.replaceChildren();
  const markers = o.markers ?? [];
  const width = Math.max(280, container.clientWidth || 600);
  const opts: uPlot.Options = {
    width,
    height: o.height ?? 300,
    tzDate: utc,
    scales: { x: o.xRange ? { time: true, range: (_u, min, max) => [Math.min(min, o.xRange![0]), Math.max(max, o.xRange![1])] } : { time: true } },
    legend: { live: true },
    cursor: { drag: { x: true, y: false } },
    series: [
      // Idle (no cursor over the chart) the legend says what to do instead of "--" and "—".
      { label: 'UTC', value: (_u: uPlot, v: number | null) => (v === null ? 'point at the chart for values' : utcMinute(v)) },
      ...o.series.map((s) => ({
        label: s.label,
        stroke: s.color,
        width: s.width ?? 1.5,
        dash: s.dash,
        spanGaps: false,
        value: (_u: uPlot, v: number | null) => (v === null ? '' : `${v.toFixed(1)} km`),
      })),
    ],
    axes: [
      { stroke: '#333', grid: { stroke: '#e3e6ea' }, ticks: { stroke: '#ccc' } },
      {
        label: o.yLabel,
        stroke: '#333',
        grid: { stroke: '#e3e6ea' },
        ticks: { stroke: '#ccc' },
        size: 56,
        values: (_u, vals) => vals.map((v) => v.toFixed(tickDecimals(vals))),
      },
    ],
    bands: (o.fills ?? []).map((f) => ({ series: [f.upper + 1, f.lower + 1] as [number, number], fill: f.color })),
    hooks: {
      drawClear: [(u) => drawBand(u, o.band)],
      draw: [(u) => drawMarkers(u, markers, container)],
    },
  };
  const plot = new uPlot(opts, [o.x, ...o.series.map((s) => s.values)] as uPlot.AlignedData, container);
  const resize = new ResizeObserver(() => {
    const w = container.clientWidth;
    if (w > 0 && Math.abs(w - plot.width) > 2) plot.setSize({ width: w, height: plot.height });
  });
  resize.observe(container);
  return plot;
}

function drawBand(u: uPlot, band: AltitudeChartOptions['band']): void {
  if (!band) return;
  const ctx = u.ctx;
  const x0 = Math.max(u.bbox.left, u.valToPos(band.from, 'x', true));
  const x1 = Math.min(u.bbox.left + u.bbox.width, u.valToPos(band.to, 'x', true));
  if (!(x1 > x0)) return;
  ctx.save();
  ctx.fillStyle = 'rgba(214, 39, 40, 0.12)';
  ctx.fillRect(x0, u.bbox.top, x1 - x0, u.bbox.height);
  ctx.fillStyle = '#a61b1b';
  ctx.font = `${Math.round(11 * devicePixelRatio)}px system-ui, sans-serif`;
  ctx.fillText(band.label, x0 + 4 * devicePixelRatio, u.bbox.top + 14 * devicePixelRatio);
  ctx.restore();
}

/** Triangles along the top of the plot with a faint rule down; the count goes to data-markers. */
function drawMarkers(u: uPlot, markers: ChartMarker[], container: HTMLElement): void {
  const ctx = u.ctx;
  const px = devicePixelRatio;
  const top = u.bbox.top;
  const left = u.bbox.left;
  const right = left + u.bbox.width;
  let drawn = 0;
  ctx.save();
  for (const m of markers) {
    const x = u.valToPos(m.t, 'x', true);
    if (x < left || x > right) continue;
    const color = m.kind === 'raise' ? '#1a7f37' : m.kind === 'lower' ? '#b35900' : '#a61b1b';
    ctx.strokeStyle = color;
    ctx.globalAlpha = 0.35;
    ctx.setLineDash([3 * px, 3 * px]);
    ctx.lineWidth = px;
    ctx.beginPath();
    ctx.moveTo(x, top + 10 * px);
    ctx.lineTo(x, top + u.bbox.height);
    ctx.stroke();
    ctx.globalAlpha = 1;
    ctx.setLineDash([]);
    ctx.fillStyle = color;
    const s = 6 * px;
    ctx.beginPath();
    if (m.kind === 'raise') {
      ctx.moveTo(x, top);
      ctx.lineTo(x - s, top + 1.6 * s);
      ctx.lineTo(x + s, top + 1.6 * s);
    } else if (m.kind === 'lower') {
      ctx.moveTo(x, top + 1.6 * s);
      ctx.lineTo(x - s, top);
      ctx.lineTo(x + s, top);
    } else {
      ctx.arc(x, top + s, s * 0.8, 0, 2 * Math.PI);
    }
    ctx.closePath();
    ctx.fill();
    drawn++;
  }
  ctx.restore();
  container.dataset.markers = String(drawn);
}
