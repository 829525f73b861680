/**
 * "When can I see it": a place (geolocation, a preset, or typed), validated with messages that
 * name the field, then /passes listed as a table like Heavens-Above's: date and times in the
 * browser's time zone (UTC on a toggle), azimuth at rise, culmination and set, the highest
 * elevation, the visible part and the magnitude.
 */
import { describeError, getJson, passList, type PassJson } from './api.js';
import { compass, fmtDuration, fmtInZone, fmtLat, fmtLon, fmtNum, h, zoneLabel } from './format.js';
import { skyChart } from './skyChart.js';
import { validatePlace, type PlaceQuery } from './validate.js';

const FIELDS: (keyof PlaceQuery)[] = ['lat', 'lon', 'altM', 'days', 'minElevationDeg'];
/** Seconds between the points of each pass's path across the sky (the polar chart). */
const SKY_STEP_S = 15;
const STORAGE_KEY = 'stationkeeper.place';

export interface PassesOptions {
  norad: number;
  /** Start of the search: the time the user chose (ISO UTC), or undefined for the server's default. */
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
  setupPlaceSearch((place) => {
    input('lat').value = String(place.lat_deg);
    input('lon').value = String(place.lon_deg);
    input('altM').value = '0';
    form.requestSubmit();
  });
  // Local time or UTC: the answer is cached on the server, so asking again is cheap.
  $<HTMLInputElement>('passes-utc').addEventListener('change', () => {
    if ($('passes-result').childElementCount > 0) form.requestSubmit();
  });

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
      sky_step_s: SKY_STEP_S,
    });
    const all = passList(body);
    const shown = visibleOnly ? all.filter((p) => p.visible) : all;
    const place = `${fmtLat(q.lat, 4)}, ${fmtLon(q.lon, 4)}`;
    const zone = $<HTMLInputElement>('passes-utc').checked ? 'UTC' : undefined;
    status.textContent =
      shown.length === 0
        ? `No ${visibleOnly ? 'visible ' : ''}passes above ${q.minElevationDeg}° over ${place} in ${q.days} days` +
          (visibleOnly && all.length > 0 ? ` (${all.length} passes in daylight or in Earth's shadow; untick "visible passes only").` : '.')
        : `${shown.length} ${visibleOnly ? 'visible ' : ''}pass${shown.length === 1 ? '' : 'es'} above ${q.minElevationDeg}° over ${place} (times ${zoneLabel(zone)}).`;
    // The server's note: stale elements (an extrapolation, not the sky of that day) or the sample.
    const note = (body as { note?: unknown }).note;
    const warn = $('passes-note');
    warn.textContent = typeof note === 'string' ? note.charAt(0).toUpperCase() + note.slice(1) + '.' : '';
    warn.hidden = typeof note !== 'string';
    result.replaceChildren(...(shown.length ? passesWithSky(shown, zone, q.minElevationDeg) : []));
  } catch (err) {
    status.textContent = `Could not compute passes: ${describeError(err)}`;
    result.replaceChildren();
  } finally {
    result.removeAttribute('aria-busy');
  }
}

/** The table and, beside it, the sky chart of the chosen pass (first the first visible one). */
interface PlaceHit {
  name: string;
  province: string;
  country: string;
  lat_deg: number;
  lon_deg: number;
  time_zone: string;
}

/** City search over the server's offline gazetteer (GET /api/places): a short list to pick from. */
function setupPlaceSearch(pick: (place: PlaceHit) => void): void {
  const field = $<HTMLInputElement>('place-search');
  const list = $('place-results');
  const status = $('place-search-status');
  let timer: number | undefined;
  let asked = '';
  field.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(async () => {
      const q = field.value.trim();
      if (q.length < 2) {
        list.replaceChildren();
        status.textContent = '';
        return;
      }
      asked = q;
      try {
        const body = await getJson<{ places: PlaceHit[] }>('/api/places', { q, limit: 8 });
        if (asked !== q) return; // a later keystroke asked again
        status.textContent = body.places.length ? '' : `No city or town called "${q}…" in the gazetteer; type the latitude and longitude instead.`;
        list.replaceChildren(
          ...body.places.map((p) => {
            const b = h('button', { type: 'button', class: 'place-hit', text: `${p.name}${p.province ? `, ${p.province}` : ''}, ${p.country}` });
            b.addEventListener('click', () => {
              list.replaceChildren();
              field.value = p.name;
              status.textContent = `${p.name}: ${fmtLat(p.lat_deg, 3)}, ${fmtLon(p.lon_deg, 3)} (time zone ${p.time_zone}).`;
              pick(p);
            });
            return h('li', {}, b);
          }),
        );
      } catch (err) {
        status.textContent = `City search failed: ${describeError(err)}`;
      }
    }, 250);
  });
}

function passesWithSky(passes: PassJson[], zone: string | undefined, minElevationDeg: number): HTMLElement[] {
  const chartBox = h('figure', { class: 'sky-box', 'data-testid': 'sky-box' });
  const choose = (i: number) => {
    const p = passes[i];
    chartBox.replaceChildren(skyChart(p, zone), h('figcaption', { class: 'hint', 'data-testid': 'sky-caption', text: `Pass rising ${fmtInZone(p.rise_utc, zone).date} ${fmtInZone(p.rise_utc, zone).time} (${zoneLabel(zone)}), seen looking up: north at the top, east on the left; bold: visible.` }));
    table.querySelectorAll('tbody tr').forEach((tr, k) => tr.classList.toggle('chosen', k === i));
  };
  const table = passTable(passes, zone, minElevationDeg, choose);
  const firstVisible = passes.findIndex((p) => p.visible);
  choose(firstVisible >= 0 ? firstVisible : 0);
  // The table scrolls sideways inside its panel rather than being cut off.
  return [h('div', { class: 'table-scroll' }, table), chartBox];
}

function passTable(passes: PassJson[], zone: string | undefined, minElevationDeg: number, choose: (index: number) => void): HTMLTableElement {
  const th = (text: string, unit?: string) => h('th', { scope: 'col' }, text, unit ? h('span', { class: 'unit', text: ` (${unit})` }) : null);
  const two = (main: string, sub: string) => [h('span', { class: 'cell-main', text: main }), h('span', { class: 'cell-sub', text: sub })];
  const at = (iso: string) => fmtInZone(iso, zone);
  const az = (deg: number) => `${fmtNum(deg, 0, '°')} ${compass(deg)}`;
  const zoneName = zoneLabel(zone);
  const table = h(
    'table',
    { class: 'passes' },
    h('caption', { class: 'visually-hidden', text: `Passes: date, rise and set (at ${minElevationDeg}° elevation) with their azimuth, the highest elevation with its time and azimuth, the visible part and the magnitude; times ${zoneName}` }),
    h('thead', {}, h('tr', {}, th('Date'), th('Rise', zoneName), th('Highest', 'elevation'), th('Set'), th('Visible'))),
  );
  const tbody = h('tbody');
  const skyButton = (k: number) => {
    const b = h('button', { type: 'button', class: 'sky-button', text: 'Sky', 'aria-label': `Sky chart of pass ${k + 1}` });
    b.addEventListener('click', () => choose(k));
    return b;
  };
  for (const [k, p] of passes.entries()) {
    const rise = `${at(p.rise_utc).time}${p.in_progress_at_start ? '*' : ''}`;
    const set = `${at(p.set_utc).time}${p.in_progress_at_end ? '*' : ''}`;
    const w = p.visible_windows ?? [];
    const visiblePart = w.length ? `${at(w[0].start_utc).time}–${at(w[w.length - 1].end_utc).time}` : 'yes';
    tbody.append(
      h(
        'tr',
        { class: p.visible ? 'visible-pass' : '' },
        h('td', { 'data-label': 'Date' }, h('span', { class: 'cell-main', text: at(p.rise_utc).date }), h('span', { class: 'cell-sub' }, `${fmtDuration(p.duration_s)} `, skyButton(k))),
        h('td', { 'data-label': `Rise (${zoneName})`, title: `elevation ${fmtNum(minElevationDeg, 0, '°')}` }, ...two(rise, az(p.rise_azimuth_deg))),
        h('td', { 'data-label': 'Highest' }, ...two(fmtNum(p.max_elevation_deg, 0, '°'), `${at(p.culmination_utc).time} · ${az(p.culmination_azimuth_deg)}`)),
        h('td', { 'data-label': 'Set', title: `elevation ${fmtNum(minElevationDeg, 0, '°')}` }, ...two(set, az(p.set_azimuth_deg))),
        h('td', { 'data-label': 'Visible' }, ...(p.visible ? two(visiblePart, fmtNum(p.magnitude, 1, 'mag')) : two('no', ''))),
      ),
    );
  }
  table.append(tbody);
  return table;
}
