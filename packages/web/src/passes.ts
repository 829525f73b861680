/**
 * "When can I see it": a place (geolocation, a preset, or typed), validated with messages that
 * name the field, then /passes listed as a table with times in UTC and directions as compass points.
 */
import { describeError, getJson, passList, type PassJson } from './api.js';
import { compass, fmtDate, fmtDuration, fmtLat, fmtLon, fmtNum, fmtUtcTime, h } from './format.js';
import { validatePlace, type PlaceQuery } from './validate.js';

const FIELDS: (keyof PlaceQuery)[] = ['lat', 'lon', 'altM', 'days', 'minElevationDeg'];
const STORAGE_KEY = 'stationkeeper.place';

export interface PassesOptions {
  norad: number;
  /** Start of the search: the page's shown time, ISO UTC. */
  startIso: () => string | undefined;
  onPlace: (place: { latDeg: number; lonDeg: number } | null) => void;
}

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

export function setupPasses(opts: PassesOptions): void {
  const form = $<HTMLFormElement>('place-form');
  const input = (k: keyof PlaceQuery) => $<HTMLInputElement>(k);

  const saved = loadSaved();
  if (saved) for (const k of FIELDS) if (saved[k] !== undefined) input(k).value = saved[k]!;

  $<HTMLSelectElement>('place-preset').addEventListener('change', (e) => {
    const v = (e.target as HTMLSelectElement).value;
    if (!v) return;
    const [lat, lon, alt] = v.split(',');
    input('lat').value = lat;
    input('lon').value = lon;
    input('altM').value = alt;
    form.requestSubmit();
  });

  $('geolocate').addEventListener('click', () => geolocate(form, input));

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const raw = Object.fromEntries(FIELDS.map((k) => [k, input(k).value])) as Record<keyof PlaceQuery, string>;
    const checked = validatePlace(raw);
    const summary = $('place-errors');
    for (const k of FIELDS) {
      const msg = checked.ok ? undefined : checked.errors[k];
      $(`${k}-error`).textContent = msg ?? '';
      if (msg) input(k).setAttribute('aria-invalid', 'true');
      else input(k).removeAttribute('aria-invalid');
    }
    if (!checked.ok) {
      const msgs = Object.values(checked.errors);
      summary.textContent = msgs.length === 1 ? msgs[0]! : `${msgs.length} fields need fixing: ${msgs.join(' ')}`;
      summary.hidden = false;
      const first = FIELDS.find((k) => checked.errors[k]);
      if (first) input(first).focus();
      return;
    }
    summary.hidden = true;
    summary.textContent = '';
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(raw));
    } catch {
      // private mode: nothing to remember
    }
    opts.onPlace({ latDeg: checked.value.lat, lonDeg: checked.value.lon });
    void findPasses(opts, checked.value);
  });
}

function loadSaved(): Partial<Record<keyof PlaceQuery, string>> | null {
  try {
    const s = localStorage.getItem(STORAGE_KEY);
    return s ? (JSON.parse(s) as Partial<Record<keyof PlaceQuery, string>>) : null;
  } catch {
    return null;
  }
}

function geolocate(form: HTMLFormElement, input: (k: keyof PlaceQuery) => HTMLInputElement): void {
  const status = $('geo-status');
  if (!('geolocation' in navigator) || !window.isSecureContext) {
    status.textContent = 'This browser cannot share your location here; type your latitude and longitude instead.';
    input('lat').focus();
    return;
  }
  status.textContent = 'Asking the browser for your location…';
  navigator.geolocation.getCurrentPosition(
    (pos) => {
      input('lat').value = pos.coords.latitude.toFixed(4);
      input('lon').value = pos.coords.longitude.toFixed(4);
      if (pos.coords.altitude !== null) input('altM').value = pos.coords.altitude.toFixed(0);
      status.textContent = `Using your location (±${Math.round(pos.coords.accuracy)} m).`;
      form.requestSubmit();
    },
    (err) => {
      const why =
        err.code === err.PERMISSION_DENIED
          ? 'permission was refused'
          : err.code === err.TIMEOUT
            ? 'it took too long'
            : 'the position is unavailable';
      status.textContent = `Could not get your location (${why}); type your latitude and longitude instead.`;
      input('lat').focus();
    },
    { enableHighAccuracy: false, timeout: 10_000, maximumAge: 600_000 },
  );
}

async function findPasses(opts: PassesOptions, q: PlaceQuery): Promise<void> {
  const status = $('passes-status');
  const result = $('passes-result');
  const visibleOnly = $<HTMLInputElement>('visible-only').checked;
  status.textContent = `Searching ${q.days} days of passes over ${fmtLat(q.lat, 4)}, ${fmtLon(q.lon, 4)}…`;
  result.setAttribute('aria-busy', 'true');
  try {
    const body = await getJson<unknown>(`/api/objects/${opts.norad}/passes`, {
      lat: q.lat,
      lon: q.lon,
      alt_m: q.altM,
      days: q.days,
      min_elevation: q.minElevationDeg,
      start: opts.startIso(),
    });
    const all = passList(body);
    const shown = visibleOnly ? all.filter((p) => p.visible) : all;
    const place = `${fmtLat(q.lat, 4)}, ${fmtLon(q.lon, 4)}`;
    status.textContent =
      shown.length === 0
        ? `No ${visibleOnly ? 'visible ' : ''}passes above ${q.minElevationDeg}° over ${place} in ${q.days} days` +
          (visibleOnly && all.length > 0 ? ` (${all.length} passes in daylight or in Earth's shadow; untick "visible passes only").` : '.')
        : `${shown.length} ${visibleOnly ? 'visible ' : ''}pass${shown.length === 1 ? '' : 'es'} above ${q.minElevationDeg}° over ${place} (times UTC).`;
    // The server's note: stale elements (an extrapolation, not the sky of that day) or the sample.
    const note = (body as { note?: unknown }).note;
    const warn = $('passes-note');
    warn.textContent = typeof note === 'string' ? note.charAt(0).toUpperCase() + note.slice(1) + '.' : '';
    warn.hidden = typeof note !== 'string';
    result.replaceChildren(shown.length ? passTable(shown) : '');
  } catch (err) {
    status.textContent = `Could not compute passes: ${describeError(err)}`;
    result.replaceChildren();
  } finally {
    result.removeAttribute('aria-busy');
  }
}

function passTable(passes: PassJson[]): HTMLTableElement {
  const th = (text: string, unit?: string) => h('th', { scope: 'col' }, text, unit ? h('span', { class: 'unit', text: ` (${unit})` }) : null);
  const two = (main: string, sub: string) => [h('span', { class: 'cell-main', text: main }), h('span', { class: 'cell-sub', text: sub })];
  const table = h(
    'table',
    { class: 'passes' },
    h('caption', { class: 'visually-hidden', text: 'Passes: rise time, highest point, path across the sky with set time and duration, and visibility; times in UTC' }),
    h('thead', {}, h('tr', {}, th('Rise', 'UTC'), th('Highest'), th('Path across the sky'), th('Visible'))),
  );
  const tbody = h('tbody');
  for (const p of passes) {
    const rise = `${fmtUtcTime(p.rise_utc)}${p.in_progress_at_start ? '*' : ''}`;
    const set = `${fmtUtcTime(p.set_utc)}${p.in_progress_at_end ? '*' : ''}`;
    tbody.append(
      h(
        'tr',
        { class: p.visible ? 'visible-pass' : '' },
        h('td', { 'data-label': 'Rise (UTC)' }, ...two(rise, fmtDate(p.rise_utc))),
        h('td', { 'data-label': 'Highest' }, ...two(fmtNum(p.max_elevation_deg, 0, '°'), `at ${fmtUtcTime(p.culmination_utc)}`)),
        h('td', { 'data-label': 'Path across the sky' }, ...two(`${compass(p.rise_azimuth_deg)} → ${compass(p.culmination_azimuth_deg)} → ${compass(p.set_azimuth_deg)}`, `sets ${set}, ${fmtDuration(p.duration_s)}`)),
        h('td', { 'data-label': 'Visible' }, ...(p.visible ? two('yes', fmtNum(p.magnitude, 1, 'mag')) : two('no', ''))),
      ),
    );
  }
  table.append(tbody);
  return table;
}
