/**
 * The "where is it" panel: a clock, the state from /state every few seconds, the ground track
 * one orbit back and ahead from /track, and the terminator.
 *
 * The clock runs from the time the server answers first. With fetched elements that is now; with
 * the embedded 2022 sample the server answers at the sample's epoch, and the page says so instead
 * of pretending it is now: the clock then runs forward from that epoch in real time. The time
 * control (timeControl.ts) moves the clock: a chosen time, now, pause, and ×1 … ×1000.
 */
import { describeError, elementsInfo, getJson, trackPoints, type ElementsInfo, type ObjectResponse, type StateResponse } from './api.js';
import { fmtAge, fmtDate, fmtLat, fmtLon, fmtNum, fmtUtc } from './format.js';
import type { GroundMap } from './map.js';

/** How often the marker moves, ms. */
export const STATE_INTERVAL_MS = 5000;
/** The track spans one orbit either side; ISS period ≈ 92.9 min until /objects says otherwise. */
const DEFAULT_PERIOD_MIN = 93;
const TRACK_STEP_S = 30;
/** Fetch a new track once the station has moved this far from the middle of the old one. */
const TRACK_REFRESH_MIN = 20;
/** SGP4 error grows by km per day of extrapolation; beyond this the page warns. */
const STALE_ELEMENTS_DAYS = 3;

export interface LiveOptions {
  norad: number;
  /** Start the clock here (ISO UTC, from the page's `?at=`) instead of the server's default. */
  at?: string;
  map: GroundMap;
  /** Called once the first state is in, with the element information. */
  onElements?: (info: ElementsInfo, state: StateResponse) => void;
}

const $ = (id: string) => document.getElementById(id)!;

export class LivePanel {
  private clockOriginMs = Number.NaN;
  private wallOriginMs = 0;
  /** Shown seconds per real second. */
  private speed = 1;
  /** The shown time while paused; undefined while running. */
  private pausedAtMs: number | undefined;
  /** True once the time control has moved the clock (a chosen time, now, pause or speed). */
  private clockSet = false;
  /** Number of the latest /state request: older answers are dropped. */
  private tickSeq = 0;
  private trackCentreMs = Number.NaN;
  private timer: number | undefined;
  private trackLoading = false;
  /** Whole minutes of one orbit (from the element set's mean motion). */
  private trackHalfSpanMin = DEFAULT_PERIOD_MIN;
  elements: ElementsInfo | null = null;

  constructor(private readonly opts: LiveOptions) {}

  /** The time the page shows, Unix ms (sample epoch + elapsed × speed, or now; fixed while paused). */
  shownTimeMs(): number {
    if (this.pausedAtMs !== undefined) return this.pausedAtMs;
    return this.clockOriginMs + (performance.now() - this.wallOriginMs) * this.speed;
  }

  get clockSpeed(): number {
    return this.speed;
  }

  get paused(): boolean {
    return this.pausedAtMs !== undefined;
  }

  /**
   * Move the clock: to `atMs` (default: where it is), at `speed`, paused or running (default: as
   * it was). The marker, track and night side follow at once.
   */
  setClock(o: { atMs?: number; speed?: number; paused?: boolean }): void {
    this.clockSet = true;
    const at = o.atMs ?? this.shownTimeMs();
    this.clockOriginMs = at;
    this.wallOriginMs = performance.now();
    if (o.speed !== undefined) this.speed = o.speed;
    const paused = o.paused ?? this.paused;
    this.pausedAtMs = paused ? at : undefined;
    this.restartTimer();
    void this.tick();
  }

  /** Faster clocks move the marker every second instead of every five. */
  private restartTimer(): void {
    if (this.timer !== undefined) window.clearInterval(this.timer);
    this.timer = window.setInterval(() => void this.tick(), this.speed > 1 && !this.paused ? 1000 : STATE_INTERVAL_MS);
  }

  shownTimeIso(): string {
    return new Date(this.shownTimeMs()).toISOString();
  }

  /**
   * The shown time when the user chose it (the page's `?at=` or the time control), else undefined:
   * requests then leave the time out and the server's documented default applies (for passes: now,
   * or the element epoch with a note when the elements are stale or the embedded sample).
   */
  chosenTimeIso(): string | undefined {
    return (this.opts.at !== undefined || this.clockSet) && Number.isFinite(this.shownTimeMs()) ? this.shownTimeIso() : undefined;
  }

  async start(): Promise<void> {
    const path = `/api/objects/${this.opts.norad}/state`;
    let state: StateResponse;
    const orbit = getJson<ObjectResponse>(`/api/objects/${this.opts.norad}`).catch(() => null);
    try {
      state = await getJson<StateResponse>(path, this.opts.at ? { at: this.opts.at } : undefined);
    } catch (err) {
      $('map-status').textContent = `Could not get the station's position: ${describeError(err)}`;
      $('elements-note').textContent = 'No element data: the server did not answer /state.';
      $('elements-note').classList.add('warn');
      throw err;
    }
    this.clockOriginMs = Date.parse(state.epoch_utc);
    this.wallOriginMs = performance.now();
    this.elements = elementsInfo(state);
    this.showElements(this.elements, state);
    this.opts.onElements?.(this.elements, state);
    this.render(state);
    this.showOrbit(await orbit);
    void this.refreshTrack();
    this.restartTimer();
  }

  stop(): void {
    if (this.timer !== undefined) window.clearInterval(this.timer);
  }

  private async tick(): Promise<void> {
    const at = this.shownTimeIso();
    const seq = ++this.tickSeq;
    try {
      const state = await getJson<StateResponse>(`/api/objects/${this.opts.norad}/state`, { at });
      // An answer overtaken by a later tick or a clock change (pause, jump) is not shown.
      if (seq !== this.tickSeq) return;
      this.render(state);
      if (this.elements) this.showElements(this.elements, state);
      $('map-status').textContent = '';
      if (Math.abs(this.shownTimeMs() - this.trackCentreMs) > TRACK_REFRESH_MIN * 60_000) void this.refreshTrack();
    } catch (err) {
      $('map-status').textContent = `Position update failed: ${describeError(err)} — retrying in ${STATE_INTERVAL_MS / 1000} s.`;
    }
  }

  private async refreshTrack(): Promise<void> {
    if (this.trackLoading) return;
    this.trackLoading = true;
    const centre = this.shownTimeMs();
    try {
      const body = await getJson<unknown>(`/api/objects/${this.opts.norad}/track`, {
        start: new Date(centre - this.trackHalfSpanMin * 60_000).toISOString(),
        minutes: 2 * this.trackHalfSpanMin,
        step_s: TRACK_STEP_S,
      });
      this.trackCentreMs = centre;
      this.opts.map.setTrack(trackPoints(body), this.shownTimeMs());
    } catch (err) {
      $('map-status').textContent = `Ground track unavailable: ${describeError(err)}`;
    } finally {
      this.trackLoading = false;
    }
  }

  /** Inclination and period of the latest element set; the period also sets the track span. */
  private showOrbit(o: ObjectResponse | null): void {
    const e = o?.latest;
    if (!e || !(e.mean_motion_rev_per_day > 0)) return;
    const periodMin = 1440 / e.mean_motion_rev_per_day;
    this.trackHalfSpanMin = Math.round(periodMin);
    $('ro-period').textContent = fmtNum(periodMin, 1, 'min');
    $('ro-inc').textContent = fmtNum(e.inclination_deg, 2, '°');
  }

  private render(s: StateResponse): void {
    const t = Date.parse(s.epoch_utc);
    const clock = $('clock');
    clock.textContent = fmtUtc(s.epoch_utc);
    clock.setAttribute('datetime', s.epoch_utc);
    const ro = $('readout');
    ro.dataset.epochUtc = s.epoch_utc;
    $('ro-lat').textContent = fmtLat(s.lat_deg);
    $('ro-lon').textContent = fmtLon(s.lon_deg);
    $('ro-alt').textContent = fmtNum(s.alt_km, 1, 'km');
    $('ro-speed').textContent = fmtNum(s.speed_km_s, 3, 'km/s');
    $('ro-gspeed').textContent = fmtNum(s.ground_speed_km_s, 3, 'km/s');
    $('ro-sunlit').textContent = s.sunlit ? 'sunlit' : "in Earth's shadow";
    $('ro-age').textContent = fmtAge(s.tle_age_days);
    const map = this.opts.map;
    map.setSun(t);
    map.setStation(
      s.lat_deg,
      s.lon_deg,
      `Station at ${fmtLat(s.lat_deg, 1)}, ${fmtLon(s.lon_deg, 1)}, ${fmtNum(s.alt_km, 0, 'km')} up, at ${fmtUtc(s.epoch_utc)}.`,
    );
    if (Number.isFinite(this.trackCentreMs)) map.setTrackTime(t);
  }

  private showElements(info: ElementsInfo, s: StateResponse): void {
    const note = $('elements-note');
    const date = info.epochUtc ? fmtDate(info.epochUtc) : 'unknown date';
    if (s.name) $('object-name').textContent = s.name;
    $('object-norad').textContent = `NORAD ${s.norad}`;
    const label = $('clock-label');
    if (info.isSample) {
      note.replaceChildren(
        strong(`Elements of ${date}`),
        ' (embedded sample; run ',
        code('stationkeeper data fetch'),
        this.opts.at ? ' for current data).' : ' for current data). The clock starts at the sample epoch, not now.',
      );
      note.classList.add('warn');
      label.textContent = this.clockLabel(this.opts.at ? 'Shown time (from ?at=' : 'Shown time (sample epoch');
      return;
    }
    const source = info.source === 'store' ? 'from the server\'s store' : info.source || 'fetched data';
    const ageDays = Math.abs(s.tle_age_days);
    note.replaceChildren(strong(`Elements of ${date}`), ` (${source}, ${fmtAge(ageDays)} ${s.tle_age_days < 0 ? 'after' : 'before'} the shown time).`);
    const stale = ageDays > STALE_ELEMENTS_DAYS;
    if (stale) {
      note.append(' Positions this far from the element epoch are extrapolations and drift by kilometres a day. Run ', code('stationkeeper data fetch'), ' for current elements.');
    }
    note.classList.toggle('warn', stale);
    label.textContent = this.opts.at || this.speed !== 1 || this.paused || Math.abs(this.shownTimeMs() - Date.now()) > 60_000 ? this.clockLabel('Shown time (chosen') : 'Now';
  }

  /** "Shown time (sample epoch, running ×100)" and the like. */
  private clockLabel(head: string): string {
    return `${head}, ${this.paused ? 'paused' : `running${this.speed !== 1 ? ` ×${this.speed}` : ''}`})`;
  }
}

function strong(text: string): HTMLElement {
  const el = document.createElement('strong');
  el.textContent = text;
  return el;
}

function code(text: string): HTMLElement {
  const el = document.createElement('code');
  el.textContent = text;
  return el;
}
