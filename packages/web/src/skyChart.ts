/**
 * A polar sky chart of one pass, as a star chart is drawn for someone looking up: the zenith in
 * the middle, the horizon on the rim, north at the top and east on the left. The path comes from
 * /passes?sky_step_s= (azimuth and elevation from rise to set); its visible part is drawn bold.
 */
import type { PassJson } from './api.js';
import { fmtInZone } from './format.js';

const SIZE = 240;
const R = 100;
const C = SIZE / 2;
const SVG = 'http://www.w3.org/2000/svg';

/** Chart coordinates of azimuth/elevation (degrees): east left, as seen looking up. */
export function skyXY(azDeg: number, elDeg: number): [number, number] {
  const r = (R * (90 - Math.max(0, Math.min(90, elDeg)))) / 90;
  const a = (azDeg * Math.PI) / 180;
  return [C - r * Math.sin(a), C - r * Math.cos(a)];
}

function el<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

const points = (pts: { az_deg: number; el_deg: number }[]) => pts.map((p) => skyXY(p.az_deg, p.el_deg).map((v) => v.toFixed(1)).join(',')).join(' ');

/** The chart of `pass` (which must carry `sky`), times in `zone` (undefined: the browser's). */
export function skyChart(pass: PassJson, zone: string | undefined): SVGSVGElement {
  const sky = pass.sky ?? [];
  const svg = el('svg', { viewBox: `0 0 ${SIZE} ${SIZE}`, class: 'sky-chart', role: 'img', 'data-testid': 'sky-chart', 'data-points': sky.length });
  const t = (iso: string) => fmtInZone(iso, zone).time;
  svg.append(el('title', {}, `Path across the sky of the pass rising at ${t(pass.rise_utc)}: highest ${Math.round(pass.max_elevation_deg)}° at ${t(pass.culmination_utc)}`));
  for (const e of [0, 30, 60]) svg.append(el('circle', { cx: C, cy: C, r: (R * (90 - e)) / 90, class: e === 0 ? 'sky-horizon' : 'sky-ring' }));
  for (const [label, az] of [['N', 0], ['E', 90], ['S', 180], ['W', 270]] as const) {
    const [x, y] = skyXY(az, -8);
    svg.append(el('text', { x, y, class: 'sky-label', 'text-anchor': 'middle', 'dominant-baseline': 'middle' }, label));
  }
  svg.append(el('polyline', { points: points(sky), class: 'sky-path' }));
  for (const w of pass.visible_windows ?? []) {
    const part = sky.filter((p) => p.t_utc >= w.start_utc.slice(0, 19) && p.t_utc <= w.end_utc.slice(0, 19) + 'Z');
    if (part.length > 1) svg.append(el('polyline', { points: points(part), class: 'sky-visible', 'data-testid': 'sky-visible' }));
  }
  const mark = (azDeg: number, elDeg: number, cls: string, label: string) => {
    const [x, y] = skyXY(azDeg, elDeg);
    svg.append(el('circle', { cx: x, cy: y, r: 3.5, class: cls }), el('text', { x: x + 6, y: y - 6, class: 'sky-time' }, label));
  };
  const top = sky.reduce((a, b) => (b.el_deg > a.el_deg ? b : a), sky[0] ?? { az_deg: pass.culmination_azimuth_deg, el_deg: pass.max_elevation_deg, t_utc: pass.culmination_utc });
  mark(pass.rise_azimuth_deg, sky[0]?.el_deg ?? 0, 'sky-rise', t(pass.rise_utc));
  mark(top.az_deg, top.el_deg, 'sky-top', `${Math.round(pass.max_elevation_deg)}°`);
  mark(pass.set_azimuth_deg, sky.at(-1)?.el_deg ?? 0, 'sky-set', t(pass.set_utc));
  return svg;
}
