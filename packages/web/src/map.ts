/**
 * World map (SVG, equirectangular like a mission-control ground-track display): land and borders
 * from Natural Earth 1:110m (world-atlas, bundled as a local asset), night and twilight from the
 * subsolar point, the ground track one orbit back and one ahead, the station, and the observer.
 */
import { geoCircle, geoEquirectangular, geoGraticule10, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import worldUrl from 'world-atlas/countries-110m.json?url';
import { antisolarPoint } from './sun.js';
import type { TrackPoint } from './api.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 480;

/** Sun depression of the twilight limits, deg: horizon, civil, nautical, astronomical. */
const NIGHT_BANDS_DEG = [0, 6, 12, 18];

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

export class GroundMap {
  readonly svgEl: SVGSVGElement;
  private readonly projection = geoEquirectangular().fitExtent(
    [
      [0, 0],
      [MAP_WIDTH, MAP_HEIGHT],
    ],
    { type: 'Sphere' },
  );
  private readonly path = geoPath(this.projection);
  private readonly nightLayer: SVGGElement;
  private readonly landLayer: SVGGElement;
  private readonly pastTrack: SVGPathElement;
  private readonly futureTrack: SVGPathElement;
  private readonly observer: SVGGElement;
  private readonly station: SVGGElement;
  private readonly groupLayer: SVGGElement;
  private readonly landingTrack: SVGPathElement;
  private readonly landingPoint: SVGCircleElement;

  constructor(container: HTMLElement) {
    this.svgEl = svg('svg', {
      viewBox: `0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`,
      role: 'img',
      'aria-labelledby': 'map-title map-desc',
      class: 'ground-map',
      preserveAspectRatio: 'xMidYMid meet',
    });
    const title = svg('title', { id: 'map-title' });
    title.textContent = 'World map with the station, its ground track and the night side';
    const desc = svg('desc', { id: 'map-desc' });
    this.svgEl.append(title, desc);

    const sphere = svg('path', { class: 'sphere', d: this.path({ type: 'Sphere' }) ?? '' });
    const graticule = svg('path', { class: 'graticule', d: this.path(geoGraticule10()) ?? '' });
    this.landLayer = svg('g', { class: 'land-layer' });
    this.nightLayer = svg('g', { class: 'night-layer' });
    this.pastTrack = svg('path', { class: 'track track-past', 'data-testid': 'track-past' });
    this.futureTrack = svg('path', { class: 'track track-future', 'data-testid': 'track-future' });
    this.observer = svg('g', { class: 'observer', visibility: 'hidden' });
    this.observer.append(svg('circle', { r: 5 }), svg('path', { d: 'M-9,0H9M0,-9V9' }));
    this.station = svg('g', { class: 'station', visibility: 'hidden', 'data-testid': 'station-marker' });
    this.station.append(svg('circle', { class: 'halo', r: 13 }), svg('circle', { class: 'dot', r: 6 }));
    this.groupLayer = svg('g', { class: 'group-layer', 'data-testid': 'group-layer' });
    this.landingTrack = svg('path', { class: 'landing-track', 'data-testid': 'landing-track' });
    this.landingPoint = svg('circle', { class: 'landing-point', r: 5, visibility: 'hidden', 'data-testid': 'landing-point' });
    this.svgEl.append(sphere, graticule, this.landLayer, this.nightLayer, this.groupLayer, this.pastTrack, this.futureTrack, this.landingTrack, this.landingPoint, this.observer, this.station);
    container.append(this.svgEl);
  }

  /** Load the Natural Earth outline (a same-origin asset). */
  async loadLand(): Promise<void> {
    const res = await fetch(worldUrl);
    if (!res.ok) throw new Error(`world outline ${worldUrl}: HTTP ${res.status}`);
    const topo = (await res.json()) as Topology<{ land: GeometryCollection; countries: GeometryCollection }>;
    const land = feature(topo, topo.objects.land);
    const borders = mesh(topo, topo.objects.countries, (a, b) => a !== b);
    this.landLayer.replaceChildren(
      svg('path', { class: 'land', d: this.path(land) ?? '' }),
      svg('path', { class: 'borders', d: this.path(borders) ?? '' }),
    );
  }

  /** Night side and twilight bands for the given time. */
  setSun(unixMs: number): void {
    const anti = antisolarPoint(unixMs);
    const center: [number, number] = [anti.lonDeg, anti.latDeg];
    this.nightLayer.replaceChildren(
      ...NIGHT_BANDS_DEG.map((depression) =>
        svg('path', {
          class: 'night',
          'data-depression-deg': depression,
          d: this.path(geoCircle().center(center).radius(90 - depression).precision(1)()) ?? '',
        }),
      ),
    );
  }

  private trackPoints: TrackPoint[] = [];

  /** Ground track split at `nowMs`: faint behind the station, solid ahead. */
  setTrack(points: TrackPoint[], nowMs: number): void {
    this.trackPoints = points;
    this.setTrackTime(nowMs);
  }

  /** Move the split between the past and future parts of the track to `nowMs`. */
  setTrackTime(nowMs: number): void {
    const points = this.trackPoints;
    const past: [number, number][] = [];
    const future: [number, number][] = [];
    for (const p of points) {
      const t = Date.parse(p.epoch_utc);
      const c: [number, number] = [p.lon_deg, p.lat_deg];
      if (t <= nowMs) past.push(c);
      if (t >= nowMs) future.push(c);
    }
    // Join the two halves at the station when a sample does not fall exactly on it.
    if (past.length > 0 && future.length > 0 && past[past.length - 1] !== future[0]) past.push(future[0]);
    this.pastTrack.setAttribute('d', past.length > 1 ? (this.path({ type: 'LineString', coordinates: past }) ?? '') : '');
    this.futureTrack.setAttribute('d', future.length > 1 ? (this.path({ type: 'LineString', coordinates: future }) ?? '') : '');
    this.svgEl.dataset.trackPoints = String(points.length);
  }

  setStation(latDeg: number, lonDeg: number, label: string): void {
    const xy = this.projection([lonDeg, latDeg]);
    if (!xy) return;
    this.station.setAttribute('transform', `translate(${xy[0].toFixed(2)},${xy[1].toFixed(2)})`);
    this.station.setAttribute('visibility', 'visible');
    this.station.dataset.latDeg = String(latDeg);
    this.station.dataset.lonDeg = String(lonDeg);
    const desc = this.svgEl.querySelector('desc');
    if (desc) desc.textContent = label;
  }

  /** A crew vehicle's predicted track ([lat, lon] from the burn to touchdown) and its landing; null clears. */
  setLandingTrack(track: [number, number][] | null, landing?: [number, number]): void {
    const coords = (track ?? []).map(([lat, lon]) => [lon, lat] as [number, number]);
    this.landingTrack.setAttribute('d', coords.length > 1 ? (this.path({ type: 'LineString', coordinates: coords }) ?? '') : '');
    this.svgEl.dataset.landingTrackPoints = String(coords.length);
    const xy = landing ? this.projection([landing[1], landing[0]]) : null;
    if (!xy) {
      this.landingPoint.setAttribute('visibility', 'hidden');
      return;
    }
    this.landingPoint.setAttribute('cx', xy[0].toFixed(2));
    this.landingPoint.setAttribute('cy', xy[1].toFixed(2));
    this.landingPoint.setAttribute('visibility', 'visible');
  }

  setObserver(place: { latDeg: number; lonDeg: number } | null): void {
    if (!place) {
      this.observer.setAttribute('visibility', 'hidden');
      return;
    }
    const xy = this.projection([place.lonDeg, place.latDeg]);
    if (!xy) return;
    this.observer.setAttribute('transform', `translate(${xy[0].toFixed(2)},${xy[1].toFixed(2)})`);
    this.observer.setAttribute('visibility', 'visible');
  }

  /** A constellation group: one dot per satellite, coloured by plane (plane −1: outside any plane). */
  setGroup(members: { latDeg: number; lonDeg: number; plane: number; name: string }[], planes: number): void {
    const dots = members.flatMap((m) => {
      const xy = this.projection([m.lonDeg, m.latDeg]);
      if (!xy) return [];
      const hue = planes > 0 ? Math.round((360 * m.plane) / planes) : 0;
      const dot = svg('circle', { cx: xy[0].toFixed(2), cy: xy[1].toFixed(2), r: 3.2, 'data-plane': m.plane });
      if (m.plane < 0) dot.setAttribute('class', 'straggler');
      else dot.setAttribute('fill', `hsl(${hue} 70% 45%)`);
      const title = svg('title');
      title.textContent = m.plane < 0 ? `${m.name} (outside any plane)` : `${m.name} (plane ${m.plane + 1})`;
      dot.append(title);
      return [dot];
    });
    this.groupLayer.replaceChildren(...dots);
    this.groupLayer.dataset.count = String(dots.length);
  }

  /** Screen position of a lon/lat in the SVG's own units (for tests and tooltips). */
  project(latDeg: number, lonDeg: number): [number, number] | null {
    return this.projection([lonDeg, latDeg]);
  }

  pathOf(object: GeoPermissibleObjects): string {
    return this.path(object) ?? '';
  }
}
