import { dateTicks, niceTicks, type Tick } from './ticks.js';

export interface ChartSeries {
  label: string;
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  /** How to draw it (default 'line'); a NaN in x or y breaks a line. */
  style?: 'line' | 'markers' | 'line+markers';
  color?: string;
  lineWidthPx?: number;
  /** SVG stroke-dasharray, e.g. '4 3'. */
  dash?: string;
  markerRadiusPx?: number;
  /** Leave out of the legend. */
  hideInLegend?: boolean;
}

/** Events drawn on top of the series: a symbol at (x, y), or a vertical rule at x if y is absent. */
export interface ChartMarkers {
  label: string;
  x: ArrayLike<number>;
  y?: ArrayLike<number>;
  shape?: 'triangle-up' | 'triangle-down' | 'circle' | 'diamond' | 'vline';
  color?: string;
  sizePx?: number;
  /** Optional text beside each marker (e.g. "+1.3 km"). */
  texts?: readonly string[];
}

export interface ChartAxis {
  label: string;
  /** 'linear' (default) or 'utc-mjd': values are UTC MJD and the ticks are calendar dates (either axis). */
  type?: 'linear' | 'utc-mjd';
  min?: number;
  max?: number;
}

export interface ChartOptions {
  title?: string;
  subtitle?: string;
  widthPx?: number;
  heightPx?: number;
  xAxis: ChartAxis;
  yAxis: ChartAxis;
  series: readonly ChartSeries[];
  markers?: readonly ChartMarkers[];
  /** Legend inside the plot at a corner, 'auto' (default: the corner covering fewest points), or none. */
  legend?: 'auto' | 'top-right' | 'top-left' | 'bottom-right' | 'bottom-left' | 'none';
  fontFamily?: string;
  fontSizePx?: number;
}

const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f'];

/**
 * A self-contained SVG line/scatter chart as a string: axes with nice ticks (or calendar ticks for
 * a UTC-MJD x axis), grid, axis labels with units, title, series, event markers and a legend.
 * No DOM and no dependencies, so it runs in Node and in the browser alike.
 */
export function svgChart(o: ChartOptions): string {
  const width = o.widthPx ?? 960;
  const height = o.heightPx ?? 540;
  const font = o.fontFamily ?? 'system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';
  const fs = o.fontSizePx ?? 14;
  if (!(width >= 200 && height >= 150)) throw new RangeError(`svgChart: size ${width}×${height} px is too small (min 200×150)`);

  const xr = range(o.series.map((s) => s.x).concat((o.markers ?? []).map((m) => m.x)), o.xAxis);
  const yr = range(
    o.series.map((s) => s.y).concat((o.markers ?? []).flatMap((m) => (m.y ? [m.y] : []))),
    o.yAxis,
    0.04,
  );
  const xTicks = o.xAxis.type === 'utc-mjd' ? dateTicks(xr.min, xr.max) : niceTicks(xr.min, xr.max, Math.round(width / 140)).ticks;
  const yDates = o.yAxis.type === 'utc-mjd';
  const yTicks = yDates ? dateTicks(yr.min, yr.max) : niceTicks(yr.min, yr.max, Math.round(height / 80)).ticks;
  if (!yDates && o.yAxis.min === undefined && o.yAxis.max === undefined && yTicks.length > 0) {
    // Extend to whole ticks so the frame starts and ends on a labelled value.
    const step = yTicks.length > 1 ? yTicks[1].value - yTicks[0].value : 0;
    if (step > 0) {
      if (yTicks[0].value > yr.min) yr.min = yTicks[0].value - step;
      if (yTicks[yTicks.length - 1].value < yr.max) yr.max = yTicks[yTicks.length - 1].value + step;
    }
  }
  const yTicksFinal = (yDates ? yTicks : niceTicks(yr.min, yr.max, Math.round(height / 80)).ticks).filter((t) => t.value >= yr.min - 1e-9 && t.value <= yr.max + 1e-9);

  const yLabelWidth = Math.max(...yTicksFinal.map((t) => t.label.length), 3) * fs * 0.6;
  const left = Math.round(fs * 2.2 + yLabelWidth + 12);
  const right = 24;
  const top = Math.round(o.title ? fs * (o.subtitle ? 4 : 3) : fs * 1.5);
  const bottom = Math.round(fs * 4);
  const pw = width - left - right;
  const ph = height - top - bottom;
  const sx = (x: number) => left + ((x - xr.min) / (xr.max - xr.min)) * pw;
  const sy = (y: number) => top + ph - ((y - yr.min) / (yr.max - yr.min)) * ph;

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${esc(font)}" font-size="${fs}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<defs><clipPath id="plot-area"><rect x="${left}" y="${top}" width="${pw}" height="${ph}"/></clipPath></defs>`,
  );
  if (o.title) out.push(`<text x="${width / 2}" y="${fs * 1.6}" text-anchor="middle" font-size="${fs * 1.3}" font-weight="600">${esc(o.title)}</text>`);
  if (o.subtitle) out.push(`<text x="${width / 2}" y="${fs * 3}" text-anchor="middle" fill="#555">${esc(o.subtitle)}</text>`);

  // Grid and ticks.
  const grid: string[] = [];
  const labels: string[] = [];
  for (const t of xTicks) {
    if (t.value < xr.min - 1e-9 || t.value > xr.max + 1e-9) continue;
    const x = r1(sx(t.value));
    grid.push(`M${x} ${top}V${top + ph}`);
    labels.push(`<text x="${x}" y="${top + ph + fs * 1.4}" text-anchor="middle">${esc(t.label)}</text>`);
  }
  for (const t of yTicksFinal) {
    const y = r1(sy(t.value));
    grid.push(`M${left} ${y}H${left + pw}`);
    labels.push(`<text x="${left - 8}" y="${y}" text-anchor="end" dominant-baseline="middle">${esc(t.label)}</text>`);
  }
  out.push(`<path d="${grid.join('')}" stroke="#e3e3e3" stroke-width="1" fill="none"/>`);
  out.push(`<rect x="${left}" y="${top}" width="${pw}" height="${ph}" fill="none" stroke="#444" stroke-width="1"/>`);
  out.push(`<g fill="#222">${labels.join('')}</g>`);
  out.push(`<text x="${left + pw / 2}" y="${height - fs * 0.9}" text-anchor="middle" fill="#222">${esc(o.xAxis.label)}</text>`);
  out.push(
    `<text transform="translate(${fs * 1.3},${top + ph / 2}) rotate(-90)" text-anchor="middle" fill="#222">${esc(o.yAxis.label)}</text>`,
  );

  // Series.
  const legendEntries: string[] = [];
  out.push(`<g clip-path="url(#plot-area)">`);
  o.series.forEach((s, k) => {
    const color = s.color ?? PALETTE[k % PALETTE.length];
    const style = s.style ?? 'line';
    const lw = s.lineWidthPx ?? 1.5;
    const n = Math.min(s.x.length, s.y.length);
    if (style !== 'markers') {
      let d = '';
      let pen = false;
      for (let i = 0; i < n; i++) {
        const x = s.x[i];
        const y = s.y[i];
        if (!Number.isFinite(x) || !Number.isFinite(y)) {
          pen = false;
          continue;
        }
        d += `${pen ? 'L' : 'M'}${r1(sx(x))} ${r1(sy(y))}`;
        pen = true;
      }
      out.push(
        `<path d="${d}" fill="none" stroke="${esc(color)}" stroke-width="${lw}" stroke-linejoin="round"${s.dash ? ` stroke-dasharray="${esc(s.dash)}"` : ''}/>`,
      );
    }
    if (style !== 'line') {
      const rad = s.markerRadiusPx ?? 2.5;
      const dots: string[] = [];
      for (let i = 0; i < n; i++) {
        if (Number.isFinite(s.x[i]) && Number.isFinite(s.y[i])) dots.push(`<circle cx="${r1(sx(s.x[i]))}" cy="${r1(sy(s.y[i]))}" r="${rad}"/>`);
      }
      out.push(`<g fill="${esc(color)}">${dots.join('')}</g>`);
    }
    if (!s.hideInLegend) legendEntries.push(legendLine(color, lw, s.dash, style) + `|${s.label}`);
  });
  out.push(`</g>`);

  // Event markers (not clipped, so a symbol on the frame stays whole).
  (o.markers ?? []).forEach((m, k) => {
    const color = m.color ?? PALETTE[(o.series.length + k) % PALETTE.length];
    const shape = m.shape ?? (m.y ? 'triangle-up' : 'vline');
    const size = m.sizePx ?? 7;
    const parts: string[] = [];
    for (let i = 0; i < m.x.length; i++) {
      const x = m.x[i];
      if (!Number.isFinite(x) || x < xr.min || x > xr.max) continue;
      const px = r1(sx(x));
      const y = m.y ? m.y[i] : Number.NaN;
      const py = Number.isFinite(y) ? r1(sy(y)) : top + size + 2;
      if (shape === 'vline' || !m.y) parts.push(`<path d="M${px} ${top}V${top + ph}" stroke="${esc(color)}" stroke-width="1.2" stroke-dasharray="5 3"/>`);
      if (shape !== 'vline') parts.push(symbol(shape, px, py, size, color));
      const text = m.texts?.[i];
      if (text) {
        const below = shape === 'triangle-down';
        parts.push(
          `<text x="${px}" y="${r1(below ? py + size + fs * 0.95 : py - size - 4)}" text-anchor="middle" font-size="${Math.round(fs * 0.8)}" fill="#222" stroke="#fff" stroke-width="3" paint-order="stroke">${esc(text)}</text>`,
        );
      }
    }
    out.push(`<g>${parts.join('')}</g>`);
    legendEntries.push(`${symbol(shape === 'vline' ? 'vline' : shape, 0, 0, size, color)}|${m.label}`);
  });

  // Legend.
  if (o.legend !== 'none' && legendEntries.length > 0) {
    const rowH = fs * 1.5;
    const textW = Math.max(...legendEntries.map((e) => e.split('|')[1].length)) * fs * 0.58;
    const boxW = Math.round(textW + 46);
    const boxH = Math.round(legendEntries.length * rowH + fs * 0.6);
    const boxAt = (c: string) => ({
      x: c.endsWith('left') ? left + 10 : left + pw - boxW - 10,
      y: c.startsWith('bottom') ? top + ph - boxH - 10 : top + 10,
    });
    let corner = o.legend ?? 'auto';
    if (corner === 'auto') {
      // Count the drawn points each candidate box would hide; keep the emptiest corner.
      let best = Infinity;
      for (const c of ['top-right', 'top-left', 'bottom-right', 'bottom-left'] as const) {
        const b = boxAt(c);
        let hidden = 0;
        for (const s of o.series) {
          for (let i = 0; i < Math.min(s.x.length, s.y.length); i++) {
            const px = sx(s.x[i]);
            const py = sy(s.y[i]);
            if (px >= b.x && px <= b.x + boxW && py >= b.y && py <= b.y + boxH) hidden++;
          }
        }
        for (const m of o.markers ?? []) {
          for (let i = 0; i < m.x.length; i++) {
            const px = sx(m.x[i]);
            const py = m.y ? sy(m.y[i]) : b.y;
            if (px >= b.x - 40 && px <= b.x + boxW + 40 && py >= b.y - 20 && py <= b.y + boxH + 20) hidden += 50;
          }
        }
        if (hidden < best) {
          best = hidden;
          corner = c;
        }
      }
    }
    const { x: bx, y: by } = boxAt(corner);
    out.push(`<g transform="translate(${bx},${by})">`);
    out.push(`<rect width="${boxW}" height="${boxH}" fill="#ffffff" fill-opacity="0.9" stroke="#bbb"/>`);
    legendEntries.forEach((e, i) => {
      const [mark, label] = [e.slice(0, e.lastIndexOf('|')), e.slice(e.lastIndexOf('|') + 1)];
      const cy = r1(fs * 0.3 + rowH * (i + 0.5) + fs * 0.1);
      out.push(`<g transform="translate(20,${cy})">${mark}</g>`);
      out.push(`<text x="38" y="${cy}" dominant-baseline="middle" fill="#222">${esc(label)}</text>`);
    });
    out.push(`</g>`);
  }
  out.push('</svg>');
  return out.join('\n') + '\n';
}

function legendLine(color: string, lw: number, dash: string | undefined, style: string): string {
  const line = style === 'markers' ? '' : `<path d="M-12 0H12" stroke="${esc(color)}" stroke-width="${Math.max(lw, 2)}"${dash ? ` stroke-dasharray="${esc(dash)}"` : ''}/>`;
  const dot = style === 'line' ? '' : `<circle r="3" fill="${esc(color)}"/>`;
  return line + dot;
}

function symbol(shape: string, x: number, y: number, s: number, color: string): string {
  const c = esc(color);
  switch (shape) {
    case 'triangle-up':
      return `<path d="M${x} ${r1(y - s)}L${r1(x + s)} ${r1(y + s * 0.8)}L${r1(x - s)} ${r1(y + s * 0.8)}Z" fill="${c}" stroke="#fff" stroke-width="1"/>`;
    case 'triangle-down':
      return `<path d="M${x} ${r1(y + s)}L${r1(x + s)} ${r1(y - s * 0.8)}L${r1(x - s)} ${r1(y - s * 0.8)}Z" fill="${c}" stroke="#fff" stroke-width="1"/>`;
    case 'diamond':
      return `<path d="M${x} ${r1(y - s)}L${r1(x + s)} ${y}L${x} ${r1(y + s)}L${r1(x - s)} ${y}Z" fill="${c}" stroke="#fff" stroke-width="1"/>`;
    case 'vline':
      return `<path d="M${x} ${r1(y - s)}V${r1(y + s)}" stroke="${c}" stroke-width="1.5" stroke-dasharray="3 2"/>`;
    default:
      return `<circle cx="${x}" cy="${y}" r="${r1(s * 0.8)}" fill="${c}" stroke="#fff" stroke-width="1"/>`;
  }
}

function range(arrays: ArrayLike<number>[], axis: ChartAxis, pad = 0): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const a of arrays) {
    for (let i = 0; i < a.length; i++) {
      const v = a[i];
      if (Number.isFinite(v)) {
        if (v < min) min = v;
        if (v > max) max = v;
      }
    }
  }
  if (!Number.isFinite(min)) {
    min = 0;
    max = 1;
  }
  if (max === min) {
    const d = min === 0 ? 1 : Math.abs(min) * 0.01;
    min -= d;
    max += d;
  }
  const p = (max - min) * pad;
  return { min: axis.min ?? min - p, max: axis.max ?? max + p };
}

function r1(v: number): number {
  return Math.round(v * 10) / 10;
}

/** Escape text for XML content and attribute values. */
export function esc(text: string): string {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export type { Tick };
