/**
 * "If the reboosts stopped": POST /api/objects/:norad/lifetime?from=&mc= (docs/api.md "Lifetime and
 * re-entry"). The first ask answers 202 with a job: the panel follows its progress over SSE and
 * asks again, which then answers 200 with the result (the server caches the finished job). Shown:
 * the median re-entry date and the 5–95 % window, and the altitude band of the Monte Carlo members.
 */
import { ApiError, describeError, getJsonStatus } from './api.js';
import { altitudeChart } from './chart.js';
import { fmtDate, fmtNum, fmtUtc, h, showFieldError } from './format.js';
import { JobProgress, jobEndWords, missingDataNotice, type Job } from './jobs.js';

export interface LifetimeResult {
  name?: string;
  elements_source?: string;
  note?: string;
  from_utc?: string;
  last_element_set_utc?: string;
  element_sets_used?: number;
  reentry_p05_utc: string | null;
  reentry_median_utc: string | null;
  reentry_p95_utc: string | null;
  lifetime_days?: { p05: number | null; median: number | null; p95: number | null };
  nominal_reentry_utc?: string | null;
  reentry_definition?: string;
  members?: number;
  members_reentered?: number;
  ballistic_coefficient_kg_m2?: number;
  ballistic_coefficient_sigma_kg_m2?: number;
  atmosphere?: string;
  altitude_band_km?: { t_utc: string; p05: number | null; p50: number | null; p95: number | null }[];
  warnings?: string[];
}

interface Pending {
  job: Job;
  events_url: string;
  cached: boolean;
}

/** The default number of Monte Carlo members: enough for a 5–95 % spread, seconds to a minute. */
export const DEFAULT_MEMBERS = 50;
const NOT_WITHIN = 'not within 30 years';

export function setupLifetime(opts: { norad: number }): void {
  const box = document.getElementById('lifetime')!;
  // Empty by default: the server then starts from the latest element set it holds, always a valid
  // date for its data (a time taken from the clock or the map may lie after or before it).
  const fromIn = h('input', { id: 'lt-from', type: 'text', autocomplete: 'off', spellcheck: 'false', value: '', placeholder: 'the latest element set', 'aria-describedby': 'lt-from-hint' });
  const mcIn = h('input', { id: 'lt-mc', type: 'text', inputmode: 'numeric', autocomplete: 'off', value: String(DEFAULT_MEMBERS), 'aria-describedby': 'lt-mc-hint' });
  const runBtn = h('button', { type: 'submit', class: 'primary', id: 'lt-run', text: 'Estimate re-entry' });
  const errors = h('p', { class: 'form-errors', role: 'alert', hidden: true, id: 'lt-errors', 'data-testid': 'lifetime-errors' });
  const progress = new JobProgress('Lifetime progress', 'lifetime-progress');
  const status = h('p', { class: 'status', role: 'status', id: 'lt-status', 'data-testid': 'lifetime-status' });
  const results = h('div', { id: 'lt-results', 'data-testid': 'lifetime-results' });

  const form = h('form', { class: 'lifetime-form', novalidate: true },
    h('p', { class: 'lead', text: 'When would the station come down if nobody reboosted it any more? A Monte Carlo of the orbit decay over the ballistic coefficient and the space-weather future.' }),
    h('p', { class: 'hint', 'data-testid': 'lifetime-why', text: 'Why this differs from the scenario below: here the decay starts at the chosen date from the orbit the tracking measured then; a scenario keeps reboosting with the vehicles it has until the first reboost none can fly, and decays from its last burn.' }),
    errors,
    h('div', { class: 'fields' },
      h('div', { class: 'field field-wide' }, h('label', { for: 'lt-from', text: 'Reboosts stop at (UTC)' }), fromIn, h('p', { class: 'hint', id: 'lt-from-hint', text: 'ISO time; empty: from the latest element set the server holds' })),
      h('div', { class: 'field' }, h('label', { for: 'lt-mc', text: 'Members' }), mcIn, h('p', { class: 'hint', id: 'lt-mc-hint', text: '1 to 2,000; more = smoother, slower' })),
    ),
    h('div', { class: 'place-actions' }, runBtn),
  );
  box.replaceChildren(form, progress.element, status, results);

  const fail = (fieldId: string, message: string) => showFieldError(errors, fieldId, message);

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (progress.running) return;
    const from = fromIn.value.trim();
    const mcText = mcIn.value.trim();
    const mc = Number(mcText);
    if (from !== '' && from !== 'now' && !(/^\d{4}-\d{2}-\d{2}/.test(from) && Number.isFinite(Date.parse(from)))) return fail('lt-from', `"Reboosts stop at" must be an ISO 8601 UTC time like 2022-07-15T12:00:00Z, got "${fromIn.value}".`);
    if (!/^\d+$/.test(mcText) || mc < 1 || mc > 2000) return fail('lt-mc', `Members must be a whole number from 1 to 2,000, got "${mcIn.value}".`);
    errors.hidden = true;
    results.replaceChildren();
    status.textContent = '';
    runBtn.disabled = true;
    try {
      const result = await obtain(opts.norad, from, mc, progress);
      if (typeof result === 'string') status.textContent = result;
      else showLifetime(results, result);
    } catch (err) {
      progress.hide();
      explain(results, status, err);
    } finally {
      runBtn.disabled = false;
    }
  });
}

/** Ask; while the answer is 202, follow the job and ask again. A string = why there is no result. */
async function obtain(norad: number, from: string, mc: number, progress: JobProgress): Promise<LifetimeResult | string> {
  progress.pending('Asking the server…');
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await getJsonStatus<LifetimeResult | Pending>(`/api/objects/${norad}/lifetime`, { from: from === '' ? undefined : from, mc }, undefined, 'POST');
    if (res.status === 200) {
      progress.hide();
      return res.body as LifetimeResult;
    }
    const pending = res.body as Pending;
    const end = await progress.follow(pending.job, pending.events_url);
    if (end.status !== 'succeeded') return jobEndWords(end);
  }
  progress.hide();
  return 'The job finished but the server did not return its result; try again.';
}

function explain(results: HTMLElement, status: HTMLElement, err: unknown): void {
  if (err instanceof ApiError && err.status === 503) {
    results.replaceChildren(missingDataNotice(err, 'lifetime-503', 'The server is missing a data file for the decay model:', 'then ask again.'));
  } else if (err instanceof ApiError && err.status === 422) {
    results.replaceChildren(
      h('div', { class: 'placeholder', 'data-testid': 'lifetime-422' },
        h('p', {}, h('strong', { text: 'Cannot be computed from what the server has: ' }), err.serverMessage),
      ),
    );
  } else {
    status.textContent = `No lifetime estimate: ${describeError(err)}`;
  }
}

export function showLifetime(box: HTMLElement, r: LifetimeResult): void {
  const d = (iso: string | null | undefined) => (iso ? fmtDate(iso) : NOT_WITHIN);
  const days = r.lifetime_days;
  const band = h('p', { class: 'big-band', 'data-testid': 'lifetime-band' },
    'Re-entry ', h('strong', { text: d(r.reentry_median_utc) }), ' (median)',
    h('br'),
    h('span', { class: 'band-range' }, '5–95 %: ', h('strong', { 'data-testid': 'lifetime-window', text: `${d(r.reentry_p05_utc)} … ${d(r.reentry_p95_utc)}` })),
  );
  const facts = h('dl', { class: 'facts' },
    fact('Reboosts stop', r.from_utc ? fmtUtc(r.from_utc) : '—'),
    fact('Lifetime (median, 5–95 %)', days ? `${fmtNum(days.median, 0, 'days')} (${fmtNum(days.p05, 0, '')}–${fmtNum(days.p95, 0, '')})` : '—'),
    fact('Members re-entered', r.members !== undefined ? `${r.members_reentered ?? '—'} of ${r.members}` : '—'),
    fact('Ballistic coefficient', r.ballistic_coefficient_kg_m2 !== undefined ? `${fmtNum(r.ballistic_coefficient_kg_m2, 0, '')} ± ${fmtNum(r.ballistic_coefficient_sigma_kg_m2, 0, 'kg/m²')}` : '—'),
  );
  const chart = h('div', { class: 'chart', 'data-testid': 'lifetime-chart' });
  box.replaceChildren(band, facts, ...(r.from_utc ? [startWhy(r.from_utc, r.last_element_set_utc)] : []), chart);
  const pts = r.altitude_band_km ?? [];
  if (pts.length > 1) {
    const p05 = r.reentry_p05_utc ? Date.parse(r.reentry_p05_utc) / 1000 : NaN;
    const p95 = r.reentry_p95_utc ? Date.parse(r.reentry_p95_utc) / 1000 : NaN;
    altitudeChart(chart, {
      x: pts.map((p) => Date.parse(p.t_utc) / 1000),
      yLabel: 'mean altitude (km)',
      series: [
        { label: '95th percentile', values: pts.map((p) => p.p95), color: '#6baed6', width: 1 },
        { label: 'median', values: pts.map((p) => p.p50), color: '#08519c', width: 2 },
        { label: '5th percentile', values: pts.map((p) => p.p05), color: '#6baed6', width: 1 },
      ],
      fills: [{ upper: 0, lower: 2, color: 'rgba(107, 174, 214, 0.25)' }],
      band: Number.isFinite(p05) ? { from: p05, to: Number.isFinite(p95) ? p95 : pts.length ? Date.parse(pts[pts.length - 1].t_utc) / 1000 : p05, label: 're-entry 5–95 %' } : undefined,
      height: 220,
    });
    box.append(h('p', { class: 'hint', text: 'Blue band: mean altitude between the members\' 5th and 95th percentiles (a line ends when that share has re-entered). Red: the 5–95 % re-entry window.' }));
  }
  const notes = [r.note, ...(r.warnings ?? [])].filter((s): s is string => typeof s === 'string' && s.length > 0);
  if (notes.length) {
    box.append(h('details', { class: 'result-more' },
      h('summary', { text: `Notes and warnings from the server (${notes.length})` }),
      h('ul', { class: 'notes', 'data-testid': 'lifetime-notes' }, ...notes.map((n) => h('li', { text: n }))),
    ));
  }
  if (r.reentry_definition || r.atmosphere) box.append(h('p', { class: 'hint', text: [r.atmosphere ? `Atmosphere ${r.atmosphere}.` : '', r.reentry_definition ? `Re-entry = ${r.reentry_definition}.` : ''].join(' ') }));
}

/**
 * Why two starts give two dates (the latest element set, 03-03 for the sample history, against a
 * chosen 03-01): each decays from the orbit tracked at its start and meets its own solar activity.
 */
function startWhy(fromUtc: string, lastSetUtc: string | undefined): HTMLElement {
  const from = lastSetUtc ? `the element set of ${fmtDate(lastSetUtc)}` : `the orbit tracked on ${fmtDate(fromUtc)}`;
  return h('p', { class: 'hint', 'data-testid': 'lifetime-start-why', text: `This decay starts from ${from}. Another start date starts from another orbit (each day of drag lowers it, a reboost in between raises it) and meets other solar activity, so its re-entry date differs.` });
}

function fact(label: string, value: string): HTMLElement {
  return h('div', {}, h('dt', { text: label }), h('dd', { text: value }));
}
