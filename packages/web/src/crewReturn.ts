/**
 * Crew return: the next landing opportunities of a crew vehicle for the station's elements
 * (POST /api/jobs, type `crew-return`; docs/crew-return.md), followed over SSE, listed in a
 * table; "Show" draws an opportunity's predicted ground track, burn to touchdown, on the map.
 */
import { ApiError, describeError, postJson } from './api.js';
import { fmtUtc, h, showFieldError } from './format.js';
import { JobProgress, jobEndWords, missingDataNotice, type Job } from './jobs.js';
import type { GroundMap } from './map.js';

// Type only (erased from the bundle): the JSON the crew-return job returns.
import type { LandingOpportunityJson } from '@stationkeeper/core';

interface CrewResult {
  opportunities: LandingOpportunityJson[];
  elements_epoch_utc: string;
}

export function setupCrewReturn(opts: { norad: number; fromIso: () => string; map: GroundMap }): void {
  const box = document.getElementById('crew-return')!;
  const fromIn = h('input', { id: 'cr-from', type: 'text', autocomplete: 'off', spellcheck: 'false', value: opts.fromIso(), 'aria-describedby': 'cr-from-hint' });
  const daysIn = h('input', { id: 'cr-days', type: 'text', inputmode: 'decimal', autocomplete: 'off', value: '3', 'aria-describedby': 'cr-days-hint' });
  const vehicleIn = h('select', { id: 'cr-vehicle' }, h('option', { value: 'soyuz-ms', text: 'Soyuz MS (Kazakhstan)' }), h('option', { value: 'crew-dragon', text: 'Crew Dragon (off Florida)' }));
  const daylightIn = h('input', { id: 'cr-daylight', type: 'checkbox' });
  const runBtn = h('button', { type: 'submit', class: 'primary', id: 'cr-run', text: 'Find landings' });
  const errors = h('p', { class: 'form-errors', role: 'alert', hidden: true, 'data-testid': 'crew-errors' });
  const progress = new JobProgress('Crew-return progress', 'crew-progress');
  const status = h('p', { class: 'status', role: 'status', 'data-testid': 'crew-status' });
  const results = h('div', { class: 'table-wrap', 'data-testid': 'crew-results' });
  const form = h('form', { class: 'lifetime-form', novalidate: true },
    h('p', { class: 'lead', text: 'When can a crew leave the station and land in its zone? Deorbit-burn times whose guided descent lands there, each flown by the entry model.' }),
    errors,
    h('div', { class: 'fields' },
      h('div', { class: 'field field-wide' }, h('label', { for: 'cr-from', text: 'Search from (UTC)' }), fromIn, h('p', { class: 'hint', id: 'cr-from-hint', text: 'ISO time; the shown time by default' })),
      h('div', { class: 'field' }, h('label', { for: 'cr-days', text: 'Days' }), daysIn, h('p', { class: 'hint', id: 'cr-days-hint', text: 'up to 14' })),
      h('div', { class: 'field' }, h('label', { for: 'cr-vehicle', text: 'Vehicle' }), vehicleIn),
      h('div', { class: 'field' }, h('label', { for: 'cr-daylight', text: 'Daylight landings only' }), daylightIn),
    ),
    h('div', { class: 'place-actions' }, runBtn),
  );
  box.replaceChildren(form, progress.element, status, results);

  const fail = (fieldId: string, message: string) => showFieldError(errors, fieldId, message);

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (progress.running) return;
    const from = fromIn.value.trim();
    const days = Number(daysIn.value.trim());
    if (!(/^\d{4}-\d{2}-\d{2}/.test(from) && Number.isFinite(Date.parse(from)))) return fail('cr-from', `"Search from" must be an ISO 8601 UTC time like 2022-07-15T12:00:00Z, got "${fromIn.value}".`);
    if (!(days > 0 && days <= 14)) return fail('cr-days', `Days must be a number above 0 and at most 14, got "${daysIn.value}".`);
    errors.hidden = true;
    results.replaceChildren();
    status.textContent = '';
    opts.map.setLandingTrack(null);
    runBtn.disabled = true;
    try {
      progress.pending('Asking the server…');
      const job = await postJson<Job>('/api/jobs', { type: 'crew-return', params: { norad: opts.norad, from, days, vehicle: vehicleIn.value, daylight: daylightIn.checked } });
      const end = await progress.follow(job);
      if (end.status !== 'succeeded') status.textContent = jobEndWords(end);
      else showOpportunities(results, status, end.job.result as CrewResult, opts.map);
    } catch (err) {
      progress.hide();
      if (err instanceof ApiError && err.status === 503) results.replaceChildren(missingDataNotice(err, 'crew-503', 'The server is missing a data file for the entry model:', 'then ask again.'));
      else status.textContent = `No landing opportunities: ${describeError(err)}`;
    } finally {
      runBtn.disabled = false;
    }
  });
}

function showOpportunities(box: HTMLElement, status: HTMLElement, r: CrewResult, map: GroundMap): void {
  const list = r.opportunities;
  status.textContent = `${list.length} landing opportunit${list.length === 1 ? 'y' : 'ies'} (station elements of ${fmtUtc(r.elements_epoch_utc)}).`;
  if (list.length === 0) return;
  const rows = list.map((o, i) => {
    const show = h('button', { type: 'button', text: 'Show', 'data-testid': `crew-show-${i}`, 'aria-label': `Show the track of the landing at ${fmtUtc(o.landing_utc)}` });
    show.addEventListener('click', () => {
      map.setLandingTrack(o.ground_track, [o.landing_lat_deg, o.landing_lon_deg]);
      status.textContent = `Track shown: burn ${fmtUtc(o.burn_utc)}, landing ${fmtUtc(o.landing_utc)} at ${o.landing_lat_deg.toFixed(2)}°, ${o.landing_lon_deg.toFixed(2)}°, peak ${o.max_deceleration_g.toFixed(1)} g.`;
    });
    return h('tr', { 'data-testid': 'crew-row' },
      h('td', { text: fmtUtc(o.burn_utc) }),
      h('td', { text: fmtUtc(o.landing_utc) }),
      h('td', { class: 'num', text: `${o.landing_lat_deg.toFixed(2)}°, ${o.landing_lon_deg.toFixed(2)}°` }),
      h('td', { class: 'num', text: `${o.crossrange_km.toFixed(0)} km` }),
      h('td', { text: o.sunlit_at_landing ? 'day' : 'night' }),
      h('td', {}, show),
    );
  });
  box.replaceChildren(
    h('table', { class: 'data' },
      h('thead', {}, h('tr', {}, ...['Deorbit burn (UTC)', 'Landing (UTC)', 'Where', 'Crossrange', 'Sun', ''].map((t) => h('th', { scope: 'col', text: t })))),
      h('tbody', {}, ...rows),
    ),
  );
}
