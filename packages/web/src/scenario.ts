/**
 * Scenario panel: pick an example or edit the events, run it (POST /api/scenarios → job), follow
 * the job's SSE progress, then show the altitude timeline with the burns, the propellant ledger,
 * when propellant runs out and the re-entry window.
 *
 * Contract the panel is built against (docs/api.md "Jobs" + the scenario-run result):
 *   POST /api/scenarios  body: { name, definition } → 202 { scenario_id, job: Job }
 *   GET  /api/jobs/:id/events  SSE: `job` (Job), `progress` ({ progress, message }), final `job`
 *   Job.result: { altitude: [{ t_utc, alt_km }] | { t_utc: [], alt_km: [] }, burns: [...],
 *                 ledger: [...], propellant_exhausted_utc: string | null, reentry: {...} | null }
 * Until the engine exists the server answers 501, and the panel shows that message.
 */
import { ApiError, describeError, postJson } from './api.js';
import { altitudeChart, type ChartMarker } from './chart.js';
import { fmtDate, fmtUtc, h } from './format.js';

export interface ScenarioEvent {
  at_utc: string;
  type: 'partner-withdraws' | 'reboosts-stop';
  partner?: string;
  capabilities?: string[];
}

/** What the scenario engine runs; its exact schema is the engine's (docs/api.md: `definition`). */
export interface ScenarioDefinition {
  norad: number;
  start_utc: string;
  end_utc: string;
  events: ScenarioEvent[];
}

/** Body of POST /api/scenarios. */
export interface ScenarioRequest {
  name: string;
  definition: ScenarioDefinition;
}

interface Preset {
  id: string;
  label: string;
  /** Uses the partner and date D of the form. */
  events: (d: string, partner: string) => ScenarioEvent[];
}

const PRESETS: Preset[] = [
  { id: 'baseline', label: 'Baseline (reboosts go on)', events: () => [] },
  {
    id: 'partner-stops',
    label: 'Partner stops propulsion on D',
    events: (d, partner) => [{ at_utc: `${d}T00:00:00Z`, type: 'partner-withdraws', partner, capabilities: ['propulsion'] }],
  },
  {
    id: 'no-reboosts',
    label: 'No reboosts at all from D',
    events: (d) => [{ at_utc: `${d}T00:00:00Z`, type: 'reboosts-stop' }],
  },
];

const PARTNERS = [
  { id: 'roscosmos', label: 'Roscosmos (Zvezda, Progress)' },
  { id: 'nasa', label: 'NASA (Cygnus, Dragon boosts)' },
];

interface Job {
  id: string;
  status: string;
  progress?: number;
  message?: string | null;
  result?: unknown;
  error?: string | null;
}

export interface ScenarioPanelOptions {
  norad: number;
  /** Shown time (ISO) when the panel opens: the scenario starts there. */
  startIso: () => string;
}

export function setupScenario(opts: ScenarioPanelOptions): void {
  const box = document.getElementById('scenario')!;
  const start = opts.startIso();
  const defaultD = firstOfMonthAfter(start, 6);

  const presetSel = h('select', { id: 'sc-preset' }, ...PRESETS.map((p) => h('option', { value: p.id, text: p.label })));
  const partnerSel = h('select', { id: 'sc-partner' }, ...PARTNERS.map((p) => h('option', { value: p.id, text: p.label })));
  const dateIn = h('input', { id: 'sc-date', type: 'date', value: defaultD, 'aria-describedby': 'sc-date-hint' });
  const yearsIn = h('input', { id: 'sc-years', type: 'text', inputmode: 'numeric', value: '5', 'aria-describedby': 'sc-years-hint' });
  const json = h('textarea', { id: 'sc-json', rows: '9', spellcheck: 'false', 'aria-describedby': 'sc-json-hint' });
  const runBtn = h('button', { type: 'submit', class: 'primary', text: 'Run scenario' });
  const cancelBtn = h('button', { type: 'button', text: 'Cancel', hidden: true });
  const errors = h('p', { class: 'form-errors', role: 'alert', hidden: true, id: 'sc-errors' });
  const progress = h('progress', { max: '1', value: '0', hidden: true, 'aria-label': 'Scenario progress' });
  const status = h('p', { class: 'status', role: 'status', id: 'sc-status', 'data-testid': 'scenario-status' });
  const results = h('div', { class: 'scenario-results', id: 'sc-results', 'data-testid': 'scenario-results' });

  const fromForm = (): ScenarioRequest => {
    const preset = PRESETS.find((p) => p.id === presetSel.value) ?? PRESETS[0];
    const years = Number(yearsIn.value) || 5;
    return {
      name:
        preset.id === 'partner-stops'
          ? `${partnerSel.selectedOptions[0]?.textContent?.split(' (')[0] ?? partnerSel.value} stops propulsion on ${dateIn.value}`
          : preset.id === 'no-reboosts'
            ? `No reboosts from ${dateIn.value}`
            : 'Baseline: reboosts go on',
      definition: {
        norad: opts.norad,
        start_utc: start,
        end_utc: addYears(start, years),
        events: preset.events(dateIn.value, partnerSel.value),
      },
    };
  };
  const syncJson = () => {
    const usesD = presetSel.value !== 'baseline';
    dateIn.disabled = !usesD;
    partnerSel.disabled = presetSel.value !== 'partner-stops';
    json.value = JSON.stringify(fromForm(), null, 2);
  };
  for (const el of [presetSel, partnerSel, dateIn, yearsIn]) el.addEventListener('change', syncJson);

  const form = h(
    'form',
    { class: 'scenario-form', novalidate: true },
    errors,
    h('div', { class: 'fields' },
      field('sc-preset', 'Scenario', presetSel),
      field('sc-partner', 'Partner', partnerSel),
      field('sc-date', 'Date D (UTC)', dateIn, 'sc-date-hint', 'when the change happens'),
      field('sc-years', 'Simulate (years)', yearsIn, 'sc-years-hint', '1 to 15 years from the shown time'),
    ),
    h('details', { class: 'json-editor' },
      h('summary', { text: 'Edit the events (JSON)' }),
      h('label', { for: 'sc-json', class: 'visually-hidden', text: 'Scenario as JSON' }),
      json,
      h('p', { class: 'hint', id: 'sc-json-hint', text: 'Times are ISO 8601 UTC. Changing the fields above rewrites this text.' }),
    ),
    h('div', { class: 'place-actions' }, runBtn, cancelBtn),
  );
  box.replaceChildren(form, progress, status, results);
  syncJson();

  let source: EventSource | null = null;
  let controller: AbortController | null = null;
  const finish = () => {
    source?.close();
    source = null;
    runBtn.disabled = false;
    cancelBtn.hidden = true;
  };
  cancelBtn.addEventListener('click', () => {
    controller?.abort();
    finish();
    progress.hidden = true;
    status.textContent = 'Cancelled.';
  });

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const checked = checkScenario(json.value, yearsIn.value);
    if (!checked.ok) {
      errors.textContent = checked.message;
      errors.hidden = false;
      return;
    }
    errors.hidden = true;
    results.replaceChildren();
    runBtn.disabled = true;
    cancelBtn.hidden = false;
    status.textContent = 'Submitting the scenario…';
    controller = new AbortController();
    let job: Job;
    try {
      job = jobOf(await postJson<unknown>('/api/scenarios', checked.value, controller.signal));
    } catch (err) {
      finish();
      if (err instanceof ApiError && err.status === 501) {
        results.replaceChildren(
          h('div', { class: 'placeholder', 'data-testid': 'scenario-501' },
            h('p', {}, h('strong', { text: 'The scenario engine is not on this server yet. ' }), 'The server said: ', h('q', { text: err.serverMessage }), ' (HTTP 501).'),
            h('p', { text: 'When it is, this panel runs the scenario as a background job and shows the altitude timeline with every burn, the propellant ledger, the date propellant runs out and the re-entry window.' }),
          ),
        );
        status.textContent = '';
      } else if (!(err instanceof DOMException && err.name === 'AbortError')) {
        status.textContent = `The scenario was not accepted: ${describeError(err)}`;
      }
      return;
    }
    progress.hidden = false;
    progress.value = job.progress ?? 0;
    status.textContent = `Job ${job.id.slice(0, 8)} ${job.status}…`;
    source = new EventSource(`/api/jobs/${encodeURIComponent(job.id)}/events`);
    source.addEventListener('progress', (ev) => {
      const p = JSON.parse((ev as MessageEvent).data) as { progress?: number; message?: string };
      if (typeof p.progress === 'number') progress.value = p.progress;
      status.textContent = `Running: ${Math.round((p.progress ?? 0) * 100)} %${p.message ? ` — ${p.message}` : ''}`;
    });
    source.addEventListener('job', (ev) => {
      const j = JSON.parse((ev as MessageEvent).data) as Job;
      if (typeof j.progress === 'number') progress.value = j.progress;
      if (j.status === 'succeeded') {
        finish();
        progress.hidden = true;
        status.textContent = 'Done.';
        showResult(results, j.result);
      } else if (j.status === 'failed' || j.status === 'cancelled') {
        finish();
        progress.hidden = true;
        status.textContent = `The run ${j.status}${j.error ? `: ${j.error}` : '.'}`;
      }
    });
    source.onerror = () => {
      if (!source) return;
      finish();
      status.textContent = 'Lost the progress stream from the server.';
    };
  });
}

function field(id: string, label: string, control: HTMLElement, hintId?: string, hint?: string): HTMLElement {
  return h('div', { class: 'field' }, h('label', { for: id, text: label }), control, hint ? h('p', { class: 'hint', id: hintId, text: hint }) : null);
}

/** Check the edited JSON before it leaves the page; messages name the field. */
export function checkScenario(text: string, yearsText: string): { ok: true; value: ScenarioRequest } | { ok: false; message: string } {
  const years = Number(yearsText.trim());
  if (!Number.isFinite(years) || years < 1 || years > 15) return { ok: false, message: `Simulate must be between 1 and 15 years, got "${yearsText}".` };
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (err) {
    return { ok: false, message: `The scenario JSON does not parse: ${(err as Error).message}` };
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) return { ok: false, message: 'The scenario must be a JSON object { "name": …, "definition": { … } }.' };
  const body = v as Record<string, unknown>;
  if (typeof body.name !== 'string' || body.name.trim() === '') return { ok: false, message: 'name must be a non-empty text.' };
  if (!body.definition || typeof body.definition !== 'object' || Array.isArray(body.definition)) return { ok: false, message: 'definition must be an object.' };
  const o = body.definition as Record<string, unknown>;
  for (const k of ['start_utc', 'end_utc'] as const) {
    if (typeof o[k] !== 'string' || !Number.isFinite(Date.parse(o[k] as string))) return { ok: false, message: `definition.${k} must be an ISO 8601 UTC time, got ${JSON.stringify(o[k])}.` };
  }
  if (Date.parse(o.end_utc as string) <= Date.parse(o.start_utc as string)) return { ok: false, message: 'definition.end_utc must be after definition.start_utc.' };
  if (!Array.isArray(o.events)) return { ok: false, message: 'definition.events must be a list (use [] for none).' };
  for (const [i, e] of (o.events as unknown[]).entries()) {
    const ev = e as Record<string, unknown>;
    if (!ev || typeof ev !== 'object') return { ok: false, message: `definition.events[${i}] must be an object.` };
    if (typeof ev.at_utc !== 'string' || !Number.isFinite(Date.parse(ev.at_utc))) return { ok: false, message: `definition.events[${i}].at_utc must be an ISO 8601 UTC time, got ${JSON.stringify(ev.at_utc)}.` };
    if (typeof ev.type !== 'string') return { ok: false, message: `definition.events[${i}].type is missing.` };
  }
  return { ok: true, value: body as unknown as ScenarioRequest };
}

function jobOf(body: unknown): Job {
  const o = (body ?? {}) as Record<string, unknown>;
  const j = (o.job && typeof o.job === 'object' ? o.job : o) as Record<string, unknown>;
  const id = j.id ?? o.job_id;
  if (typeof id !== 'string') throw new Error('the server accepted the scenario but sent no job id');
  return { id, status: String(j.status ?? 'queued'), progress: Number(j.progress ?? 0) };
}

// ---- results ----

interface ScenarioResult {
  altitude?: { t_utc: string; alt_km: number }[] | { t_utc: string[]; alt_km: number[] };
  burns?: Record<string, unknown>[];
  ledger?: Record<string, unknown>[];
  propellant_exhausted_utc?: string | null;
  reentry?: Record<string, unknown> | null;
}

export function showResult(box: HTMLElement, raw: unknown): void {
  const r = (raw ?? {}) as ScenarioResult;
  const series = altitudeSeries(r.altitude);
  const chart = h('div', { class: 'chart', 'data-testid': 'scenario-chart' });
  const burns = r.burns ?? [];
  const reentry = r.reentry ?? null;
  const reFrom = reentry ? firstTime(reentry, ['earliest_utc', 'window_start_utc', 'p05_utc']) : null;
  const reTo = reentry ? firstTime(reentry, ['latest_utc', 'window_end_utc', 'p95_utc']) : null;
  const reMid = reentry ? firstTime(reentry, ['median_utc', 'nominal_utc', 'epoch_utc']) : null;

  const facts = h('dl', { class: 'facts', 'data-testid': 'scenario-facts' },
    h('div', {}, h('dt', { text: 'Propellant runs out' }), h('dd', { text: r.propellant_exhausted_utc ? fmtUtc(r.propellant_exhausted_utc) : 'not within the run' })),
    h('div', {}, h('dt', { text: 'Re-entry window' }), h('dd', { text: reFrom && reTo ? `${fmtDate(reFrom)} … ${fmtDate(reTo)}${reMid ? ` (median ${fmtDate(reMid)})` : ''}` : reMid ? fmtDate(reMid) : 'no re-entry within the run' })),
    h('div', {}, h('dt', { text: 'Burns' }), h('dd', { text: String(burns.length) })),
  );
  box.replaceChildren(facts, chart);
  if (series.x.length > 1) {
    const markers: ChartMarker[] = burns
      .map((b) => ({ t: Date.parse(String(b.t_utc ?? b.epoch_utc ?? b.start_utc ?? '')) / 1000, kind: 'raise' as const, label: 'burn' }))
      .filter((m) => Number.isFinite(m.t));
    if (r.propellant_exhausted_utc) markers.push({ t: Date.parse(r.propellant_exhausted_utc) / 1000, kind: 'event', label: 'propellant exhausted' });
    altitudeChart(chart, {
      x: series.x,
      yLabel: 'altitude (km)',
      series: [{ label: 'altitude', values: series.y, color: '#08519c', width: 2 }],
      markers,
      band: reFrom && reTo ? { from: Date.parse(reFrom) / 1000, to: Date.parse(reTo) / 1000, label: 're-entry window' } : undefined,
      height: 260,
    });
  } else {
    chart.replaceChildren(h('p', { class: 'status', text: 'The result has no altitude series.' }));
  }
  if (r.ledger && r.ledger.length) box.append(h('h3', { text: 'Propellant ledger' }), recordTable(r.ledger, 'scenario-ledger'));
  if (burns.length) box.append(h('details', {}, h('summary', { text: `Burns (${burns.length})` }), recordTable(burns, 'scenario-burns')));
}

function altitudeSeries(a: ScenarioResult['altitude']): { x: number[]; y: number[] } {
  if (!a) return { x: [], y: [] };
  if (Array.isArray(a)) return { x: a.map((p) => Date.parse(p.t_utc) / 1000), y: a.map((p) => p.alt_km) };
  return { x: a.t_utc.map((t) => Date.parse(t) / 1000), y: a.alt_km.slice() };
}

function firstTime(o: Record<string, unknown>, keys: string[]): string | null {
  for (const k of keys) if (typeof o[k] === 'string') return o[k] as string;
  return null;
}

/** Column heading from a snake_case key with its unit: "propellant_kg" → "propellant (kg)". */
export function columnTitle(key: string): string {
  const units: [RegExp, string][] = [
    [/_utc$/, 'UTC'],
    [/_kg$/, 'kg'],
    [/_km$/, 'km'],
    [/_m_per_s$/, 'm/s'],
    [/_km_s$/, 'km/s'],
    [/_m$/, 'm'],
    [/_s$/, 's'],
    [/_deg$/, '°'],
    [/_days$/, 'days'],
  ];
  for (const [re, unit] of units) if (re.test(key)) return `${key.replace(re, '').replace(/_/g, ' ')} (${unit})`;
  return key.replace(/_/g, ' ');
}

function cell(key: string, v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'number') return Number.isInteger(v) ? v.toLocaleString('en-US') : v.toLocaleString('en-US', { maximumFractionDigits: 3 });
  if (typeof v === 'string' && /_utc$/.test(key)) return fmtUtc(v).replace(' UTC', '');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function recordTable(rows: Record<string, unknown>[], testId: string): HTMLElement {
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return h('div', { class: 'table-wrap' },
    h('table', { 'data-testid': testId },
      h('thead', {}, h('tr', {}, ...keys.map((k) => h('th', { scope: 'col', class: rows.every((r) => typeof r[k] === 'number' || r[k] == null) ? 'num' : '', text: columnTitle(k) })))),
      h('tbody', {}, ...rows.map((r) => h('tr', {}, ...keys.map((k) => h('td', { class: typeof r[k] === 'number' ? 'num' : '', text: cell(k, r[k]) }))))),
    ),
  );
}

/** A definition list of any flat JSON object, units taken from the key names. */
export function keyValueList(o: Record<string, unknown>): HTMLElement {
  return h('dl', { class: 'facts' },
    ...Object.entries(o)
      .filter(([, v]) => v === null || typeof v !== 'object')
      .map(([k, v]) => h('div', {}, h('dt', { text: columnTitle(k) }), h('dd', { text: cell(k, v) }))),
  );
}

function firstOfMonthAfter(iso: string, months: number): string {
  const d = new Date(Date.parse(iso));
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months + 1, 1));
  return t.toISOString().slice(0, 10);
}

function addYears(iso: string, years: number): string {
  const d = new Date(Date.parse(iso));
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString();
}
