/**
 * Scenario panel ("what if…"): pick one of the server's shipped examples, change when a partner
 * withdraws and where the run ends (or edit the whole definition as JSON/YAML), run it
 * (POST /api/scenarios → 202 { scenario_id, job }), follow the job's progress over SSE, then show
 * the altitude timeline with the burns, the first reboost that no available vehicle can fly and the re-entry,
 * the propellant ledger, the burns, and a link to the HTML report (docs/api.md "Scenarios").
 */
import { ApiError, describeError, getJson, postJson, postText } from './api.js';
import { altitudeChart, type ChartMarker, type ChartSeries } from './chart.js';
import { fmtDate, fmtNum, fmtUtc, h } from './format.js';
import { JobProgress, jobEndWords, missingDataNotice, type Job } from './jobs.js';
import { partnerLabel, partnersOf, scenarioSubmission, withdrawalOf, type ScenarioForm } from './scenarioRequest.js';

export interface ScenarioExample {
  name: string;
  title: string;
  description: string;
  definition: Record<string, unknown>;
}

/** The ScenarioResult of docs/api.md (fields the panel shows). */
export interface ScenarioResult {
  scenario?: { name?: string; description?: string; start_utc?: string; end_utc?: string };
  assumptions?: { policy?: { min_altitude_km?: number; max_altitude_km?: number }; vehicles?: { id: string; name: string }[]; decay_model?: string; space_weather?: string };
  burns?: Burn[];
  ledger?: { by_vehicle?: VehicleYear[]; by_partner?: PartnerYear[] };
  years?: Year[];
  first_unflown_reboost_utc?: string | null;
  withdrawals?: { partner: string; epoch_utc: string }[];
  /** Deprecated alias of first_unflown_reboost_utc (servers before it was renamed). */
  propellant_exhausted_utc?: string | null;
  reentry?: Reentry | null;
  notes?: { epoch_utc: string; text: string }[];
  altitude_series?: { epoch_utc: string[]; mean_altitude_km: number[]; f107a?: number[] };
  /** Attitude control (docs/attitude.md "In the scenario engine"). */
  attitude?: { propellant_kg: number; desaturations: number; attitude_lost_utc: string | null; saturation_events: { from_utc: string; to_utc: string | null }[]; by_year: { year: number; unpaid_kg: number }[] };
}
interface Burn { epoch_utc: string; vehicle: string; flight?: string; partner?: string; purpose?: string; delta_v_m_s: number; burn_time_s?: number; propellant_kg: number; altitude_before_km?: number; altitude_after_km?: number }
interface VehicleYear { vehicle: string; partner: string; year: number; flights: number; delivered_kg: number; transferred_in_kg: number; burned_kg: number; departed_unused_kg: number; delta_v_m_s: number; burns: number; attitude_kg?: number }
interface PartnerYear { partner: string; year: number; delivered_kg: number; burned_kg: number; delta_v_m_s: number; attitude_kg?: number }
interface Year { year: number; delta_v_m_s: number; delta_v_needed_m_s: number; propellant_kg: number; mean_altitude_km: number; decay_m_per_day: number; f107a_mean: number }
interface Reentry { nominal_utc: string | null; window: { earliest_utc: string; latest_utc: string; confidence?: number } | null; window_status?: string; model?: string; reentry_altitude_km?: number; during_scenario?: boolean }

export function setupScenario(): Promise<void> {
  const box = document.getElementById('scenario')!;
  const exampleSel = h('select', { id: 'sc-example', 'aria-describedby': 'sc-example-desc' });
  const desc = h('p', { class: 'example-desc', id: 'sc-example-desc', 'data-testid': 'scenario-description' });
  const partnerSel = h('select', { id: 'sc-partner' });
  const dateIn = h('input', { id: 'sc-date', type: 'text', inputmode: 'numeric', placeholder: 'YYYY-MM-DD', autocomplete: 'off', 'aria-describedby': 'sc-date-hint' });
  const endIn = h('input', { id: 'sc-end', type: 'text', inputmode: 'numeric', placeholder: 'YYYY-MM-DD', autocomplete: 'off', 'aria-describedby': 'sc-end-hint' });
  const useAdvanced = h('input', { id: 'sc-advanced', type: 'checkbox' });
  const defText = h('textarea', { id: 'sc-definition', rows: '14', spellcheck: 'false', 'aria-describedby': 'sc-definition-hint' });
  const reloadBtn = h('button', { type: 'button', id: 'sc-load-example', text: 'Load the example' });
  const runBtn = h('button', { type: 'submit', class: 'primary', id: 'sc-run', text: 'Run scenario' });
  const errors = h('p', { class: 'form-errors', role: 'alert', hidden: true, id: 'sc-errors', 'data-testid': 'scenario-errors' });
  const progress = new JobProgress('Scenario progress', 'scenario-progress');
  const status = h('p', { class: 'status', role: 'status', id: 'sc-status', 'data-testid': 'scenario-status' });
  const results = h('div', { class: 'scenario-results', id: 'sc-results', 'data-testid': 'scenario-results' });

  let examples: ScenarioExample[] = [];
  const current = () => examples.find((e) => e.name === exampleSel.value);

  const fillFromExample = () => {
    const ex = current();
    if (!ex) return;
    desc.textContent = ex.description.trim();
    const partners = partnersOf(ex.definition);
    const withdrawing = partners.find((p) => withdrawalOf(ex.definition, p) !== '') ?? partners[0];
    partnerSel.replaceChildren(...partners.map((p) => h('option', { value: p, text: partnerLabel(p) })));
    partnerSel.value = withdrawing;
    dateIn.value = withdrawalOf(ex.definition, withdrawing);
    endIn.value = String(ex.definition.end ?? '').slice(0, 10);
    defText.value = JSON.stringify(ex.definition, null, 2);
  };
  exampleSel.addEventListener('change', fillFromExample);
  partnerSel.addEventListener('change', () => {
    const ex = current();
    if (ex) dateIn.value = withdrawalOf(ex.definition, partnerSel.value);
  });
  reloadBtn.addEventListener('click', fillFromExample);
  const syncAdvanced = () => {
    for (const el of [exampleSel, partnerSel, dateIn, endIn]) el.disabled = useAdvanced.checked;
  };
  useAdvanced.addEventListener('change', syncAdvanced);

  const form = h('form', { class: 'scenario-form', novalidate: true },
    errors,
    h('div', { class: 'fields' },
      h('div', { class: 'field field-wide' }, h('label', { for: 'sc-example', text: 'Example' }), exampleSel),
      field('sc-partner', 'Partner', partnerSel),
      field('sc-date', 'Withdraws on (UTC date)', dateIn, 'sc-date-hint', 'empty = never'),
      field('sc-end', 'Run until (UTC date)', endIn, 'sc-end-hint', 'a shorter run is faster'),
    ),
    desc,
    h('details', { class: 'json-editor' },
      h('summary', { text: 'Advanced: edit the whole definition (JSON or YAML)' }),
      h('label', { class: 'inline check' }, useAdvanced, 'Run this definition instead of the fields above'),
      h('label', { for: 'sc-definition', class: 'visually-hidden', text: 'Scenario definition, JSON or YAML' }),
      defText,
      h('p', { class: 'hint', id: 'sc-definition-hint', text: 'The file form of docs/station-keeping.md: name, start, end, orbit, station, policy, events… Text starting with { is sent as JSON, anything else as YAML.' }),
      h('div', { class: 'place-actions' }, reloadBtn),
    ),
    h('div', { class: 'place-actions' }, runBtn),
  );
  box.replaceChildren(form, progress.element, status, results);

  const showError = (fieldId: string | null, message: string | (Node | string)[]) => {
    errors.replaceChildren(...(Array.isArray(message) ? message : [message]));
    errors.hidden = false;
    if (fieldId) document.getElementById(fieldId)?.focus();
  };

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (progress.running) return;
    const ex = current();
    const f: ScenarioForm = {
      example: exampleSel.value,
      exampleTitle: ex?.title ?? exampleSel.value,
      exampleStart: String(ex?.definition.start ?? '').slice(0, 10),
      exampleEnd: String(ex?.definition.end ?? '').slice(0, 10),
      exampleWithdrawal: ex ? withdrawalOf(ex.definition, partnerSel.value) : '',
      partner: partnerSel.value,
      withdrawalDate: dateIn.value,
      end: endIn.value,
      advanced: useAdvanced.checked ? defText.value : null,
    };
    const checked = scenarioSubmission(f);
    if (!checked.ok) {
      showError(checked.field, checked.message);
      return;
    }
    errors.hidden = true;
    status.textContent = '';
    results.replaceChildren();
    runBtn.disabled = true;
    progress.pending('Sending the scenario…');
    let accepted: { scenario_id: string; job: Job };
    try {
      const v = checked.value;
      accepted = v.kind === 'json' ? await postJson('/api/scenarios', v.body) : await postText('/api/scenarios', v.text, 'text/yaml');
    } catch (err) {
      progress.hide();
      runBtn.disabled = false;
      refused(err);
      return;
    }
    const end = await progress.follow(accepted.job);
    runBtn.disabled = false;
    if (end.status !== 'succeeded') {
      status.textContent = jobEndWords(end);
      return;
    }
    status.textContent = '';
    showScenarioResult(results, end.job.result, accepted.scenario_id);
  });

  /** 400 names the field; 503 names the missing file and the command that fetches it. */
  const refused = (err: unknown) => {
    if (err instanceof ApiError && err.status === 503) {
      results.replaceChildren(missingDataNotice(err, 'scenario-503', 'The server is missing a data file this run needs:', 'then run the scenario again.'));
    } else if (err instanceof ApiError && err.status === 400) {
      showError(useAdvanced.checked ? 'sc-definition' : null, [h('strong', { text: 'The server refused the scenario: ' }), err.serverMessage]);
    } else {
      showError(null, `The scenario was not accepted: ${describeError(err)}`);
    }
  };

  status.textContent = 'Loading the example scenarios…';
  runBtn.disabled = true;
  return getJson<{ examples: ScenarioExample[] }>('/api/scenarios/examples').then(
    (body) => {
      examples = body.examples ?? [];
      exampleSel.replaceChildren(...examples.map((x) => h('option', { value: x.name, text: x.title })));
      const preferred = examples.find((x) => x.name === 'iss-no-russian-reboost-2022') ?? examples[0];
      if (preferred) exampleSel.value = preferred.name;
      fillFromExample();
      syncAdvanced();
      status.textContent = '';
      runBtn.disabled = false;
    },
    (err: unknown) => {
      status.textContent = `The example scenarios could not be loaded: ${describeError(err)}. The advanced editor still works.`;
      useAdvanced.checked = true;
      syncAdvanced();
      runBtn.disabled = false;
    },
  );
}

function field(id: string, label: string, control: HTMLElement, hintId?: string, hint?: string): HTMLElement {
  return h('div', { class: 'field' }, h('label', { for: id, text: label }), control, hint ? h('p', { class: 'hint', id: hintId, text: hint }) : null);
}

// ---- results ----

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const kg = (v: number) => `${Math.round(v).toLocaleString('en-US')} kg`;
const unpaidKg = (r: ScenarioResult) => (r.attitude?.by_year ?? []).reduce((s, y) => s + y.unpaid_kg, 0);

export function showScenarioResult(box: HTMLElement, raw: unknown, scenarioId?: string): void {
  const r = (raw ?? {}) as ScenarioResult;
  const burns = r.burns ?? [];
  const reentry = r.reentry ?? null;
  const win = reentry?.window ?? null;
  const vehicleName = new Map((r.assumptions?.vehicles ?? []).map((v) => [v.id, v.name]));
  const vName = (id: string) => vehicleName.get(id) ?? id;
  const runEnd = r.scenario?.end_utc;

  const reentryText = !reentry
    ? 'none predicted: the station is still kept up at the end of the run'
    : reentry.nominal_utc
      ? `${fmtDate(reentry.nominal_utc)} (nominal${reentry.during_scenario ? ', within the run' : runEnd ? `, after the run ends ${fmtDate(runEnd)}` : ''})`
      : 'not within the prediction span';
  const windowText = win
    ? `${fmtDate(win.earliest_utc)} … ${fmtDate(win.latest_utc)}${win.confidence ? ` (${Math.round(win.confidence * 100)} %)` : ''}`
    : reentry
      ? `not computed (${reentry.window_status ?? 'pending'}): only the nominal date`
      : '—';

  const unflown = r.first_unflown_reboost_utc ?? r.propellant_exhausted_utc ?? null;
  const facts = h('dl', { class: 'facts', 'data-testid': 'scenario-facts' },
    fact('First reboost that no available vehicle can fly', unflown ? fmtDate(unflown) : 'none within the run', 'scenario-exhausted'),
    fact('Re-entry', reentryText, 'scenario-reentry'),
    fact('Re-entry window', windowText, 'scenario-window'),
    fact('Attitude cannot be held from', !r.attitude ? '—' : r.attitude.attitude_lost_utc ? `${fmtDate(r.attitude.attitude_lost_utc)} (CMGs saturated, nobody to desaturate)` : 'held throughout the run', 'scenario-attitude-lost'),
    fact('Attitude-control propellant', r.attitude ? `${kg(r.attitude.propellant_kg)} · ${Math.round(r.attitude.desaturations)} desaturations${unpaidKg(r) > 0 ? ` · ${kg(unpaidKg(r))} needed that no vehicle could give` : ''}` : '—', 'scenario-attitude-kg'),
    fact('Burns', burns.length ? `${burns.length} · ${fmtNum(sum(burns.map((b) => b.delta_v_m_s)), 1, 'm/s')} · ${kg(sum(burns.map((b) => b.propellant_kg)))}` : 'none', 'scenario-burn-count'),
  );
  const head = h('div', { class: 'result-head' },
    h('h3', { text: r.scenario?.name ?? 'Result' }),
    scenarioId ? h('a', { href: `/api/scenarios/${encodeURIComponent(scenarioId)}/report`, target: '_blank', rel: 'noopener', class: 'report-link', 'data-testid': 'scenario-report', text: 'Full report (HTML) ↗' }) : null,
  );
  const span = r.scenario?.start_utc && r.scenario?.end_utc ? h('p', { class: 'hint', text: `${fmtDate(r.scenario.start_utc)} to ${fmtDate(r.scenario.end_utc)} · ${r.assumptions?.decay_model ?? ''}${r.assumptions?.space_weather ? ` · space weather ${r.assumptions.space_weather}` : ''}` }) : null;
  const chart = h('div', { class: 'chart', 'data-testid': 'scenario-chart' });
  const why = reentry ? h('p', { class: 'hint', 'data-testid': 'scenario-why', text: "Why this differs from \u201cIf the reboosts stopped\u201d: the scenario's station is reboosted by its vehicles until the first reboost none can fly, so its decay starts later and from the altitude the policy kept." }) : null;
  box.replaceChildren(head, span ?? '', facts, why ?? '', chart);

  const s = r.altitude_series;
  if (s && s.epoch_utc.length > 1) {
    const x = s.epoch_utc.map((t) => Date.parse(t) / 1000);
    const series: ChartSeries[] = [{ label: 'mean altitude', values: s.mean_altitude_km, color: '#08519c', width: 2 }];
    const pol = r.assumptions?.policy;
    if (pol?.min_altitude_km !== undefined && pol.max_altitude_km !== undefined) {
      series.push({ label: `policy floor ${pol.min_altitude_km} km`, values: x.map(() => pol.min_altitude_km!), color: '#8c959f', width: 1, dash: [6, 4] });
      series.push({ label: `ceiling ${pol.max_altitude_km} km`, values: x.map(() => pol.max_altitude_km!), color: '#8c959f', width: 1, dash: [6, 4] });
    }
    const markers: ChartMarker[] = burns.map((b) => ({ t: Date.parse(b.epoch_utc) / 1000, kind: b.delta_v_m_s < 0 ? 'lower' : 'raise', label: `${vName(b.vehicle)} ${fmtNum(b.delta_v_m_s, 2, 'm/s')}` }));
    if (unflown) markers.push({ t: Date.parse(unflown) / 1000, kind: 'event', label: 'first reboost no vehicle can fly' });
    if (reentry?.nominal_utc) markers.push({ t: Date.parse(reentry.nominal_utc) / 1000, kind: 'event', label: 're-entry (nominal)' });
    for (const w of r.withdrawals ?? []) markers.push({ t: Date.parse(w.epoch_utc) / 1000, kind: 'event', label: `${partnerLabel(w.partner)} withdraws` });
    // The axis runs to the end of the re-entry window (or the nominal date) when that comes after the run.
    const ends = [x[x.length - 1], win ? Date.parse(win.latest_utc) / 1000 : NaN, reentry?.nominal_utc ? Date.parse(reentry.nominal_utc) / 1000 : NaN].filter(Number.isFinite);
    altitudeChart(chart, {
      xRange: [x[0], Math.max(...ends)],
      x,
      yLabel: 'mean altitude (km)',
      series,
      markers,
      band: win ? { from: Date.parse(win.earliest_utc) / 1000, to: Date.parse(win.latest_utc) / 1000, label: 're-entry window' } : undefined,
      height: 280,
    });
    box.append(h('p', { class: 'hint chart-key' }, '▲ burn (reboost) · ▼ lowering · ● a partner withdraws / first reboost that no available vehicle can fly / nominal re-entry', win ? ' · shaded: re-entry window' : ''));
  } else {
    chart.replaceChildren(h('p', { class: 'status', text: 'The result has no altitude series.' }));
  }

  const byPartner = r.ledger?.by_partner ?? [];
  const byVehicle = r.ledger?.by_vehicle ?? [];
  if (byPartner.length || byVehicle.length) {
    box.append(
      h('h3', { text: 'Propellant ledger' }),
      table<PartnerYear>('scenario-ledger-partner', 'By partner and year', byPartner, [
        col('Year', (p) => String(p.year)),
        col('Partner', (p) => partnerLabel(p.partner)),
        num('Delivered (kg)', (p) => p.delivered_kg, 0),
        num('Burned (kg)', (p) => p.burned_kg, 0),
        num('Attitude (kg)', (p) => p.attitude_kg, 0),
        num('Δv (m/s)', (p) => p.delta_v_m_s, 2),
      ]),
      table<VehicleYear>('scenario-ledger', 'By vehicle and year', byVehicle, [
        col('Year', (v) => String(v.year)),
        col('Vehicle', (v) => vName(v.vehicle)),
        col('Partner', (v) => partnerLabel(v.partner)),
        num('Flights', (v) => v.flights, 0),
        num('Delivered (kg)', (v) => v.delivered_kg, 0),
        num('Transferred in (kg)', (v) => v.transferred_in_kg, 0),
        num('Burned (kg)', (v) => v.burned_kg, 0),
        num('Left unused (kg)', (v) => v.departed_unused_kg, 0),
        num('Attitude (kg)', (v) => v.attitude_kg, 0),
        num('Burns', (v) => v.burns, 0),
        num('Δv (m/s)', (v) => v.delta_v_m_s, 2),
      ]),
    );
  }
  box.append(
    h('h3', { text: `Burns (${burns.length})` }),
    burns.length
      ? table<Burn>('scenario-burns', null, burns, [
          col('Epoch (UTC)', (b) => fmtUtc(b.epoch_utc).replace(' UTC', '')),
          col('Vehicle', (b) => (b.flight ? `${b.flight}` : vName(b.vehicle))),
          col('Partner', (b) => partnerLabel(b.partner ?? '')),
          col('Purpose', (b) => b.purpose ?? ''),
          num('Δv (m/s)', (b) => b.delta_v_m_s, 2),
          num('Burn time (s)', (b) => b.burn_time_s, 0),
          num('Propellant (kg)', (b) => b.propellant_kg, 1),
          num('Altitude before (km)', (b) => b.altitude_before_km, 1),
          num('after (km)', (b) => b.altitude_after_km, 1),
        ], 'scroll')
      : h('p', { class: 'status', 'data-testid': 'scenario-no-burns', text: 'No burns were flown in this run.' }),
  );
  const years = r.years ?? [];
  if (years.length) {
    box.append(h('details', { class: 'result-more' },
      h('summary', { text: 'Per year: altitude, decay, Δv needed and flown' }),
      table<Year>('scenario-years', null, years, [
        col('Year', (y) => String(y.year)),
        num('Mean altitude (km)', (y) => y.mean_altitude_km, 1),
        num('Decay (m/day)', (y) => y.decay_m_per_day, 1),
        num('F10.7 (81-day, sfu)', (y) => y.f107a_mean, 0),
        num('Δv needed (m/s)', (y) => y.delta_v_needed_m_s, 1),
        num('Δv flown (m/s)', (y) => y.delta_v_m_s, 1),
        num('Propellant (kg)', (y) => y.propellant_kg, 0),
      ]),
    ));
  }
  const notes = r.notes ?? [];
  if (notes.length) {
    box.append(h('details', { class: 'result-more' },
      h('summary', { text: `Notes (${notes.length})` }),
      h('ul', { class: 'notes' }, ...notes.map((n) => h('li', {}, h('time', { text: fmtDate(n.epoch_utc) }), ` ${n.text}`))),
    ));
  }
}

function fact(label: string, value: string, testId: string): HTMLElement {
  return h('div', {}, h('dt', { text: label }), h('dd', { 'data-testid': testId, text: value }));
}

interface Column<T> { title: string; value: (row: T) => string; numeric: boolean }
const col = <T>(title: string, value: (row: T) => string): Column<T> => ({ title, value, numeric: false });
const num = <T>(title: string, value: (row: T) => number | undefined, digits: number): Column<T> => ({
  title,
  numeric: true,
  value: (row) => {
    const v = value(row);
    return v === undefined || !Number.isFinite(v) ? '—' : v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }).replace('-', '−');
  },
});

function table<T>(testId: string, caption: string | null, rows: T[], cols: Column<T>[], extraClass = ''): HTMLElement {
  return h('div', { class: `table-wrap ${extraClass}`.trim() },
    h('table', { 'data-testid': testId, class: 'result-table' },
      caption ? h('caption', { text: caption }) : null,
      h('thead', {}, h('tr', {}, ...cols.map((c) => h('th', { scope: 'col', class: c.numeric ? 'num' : '', text: c.title })))),
      h('tbody', {}, ...rows.map((r) => h('tr', {}, ...cols.map((c) => h('td', { class: c.numeric ? 'num' : '', text: c.value(r) }))))),
    ),
  );
}

/** Column heading from a snake_case key with its unit: "propellant_kg" → "propellant (kg)". */
export function columnTitle(key: string): string {
  const units: [RegExp, string][] = [
    [/_utc$/, 'UTC'],
    [/_kg_m2$/, 'kg/m²'],
    [/_kg$/, 'kg'],
    [/_km$/, 'km'],
    [/_m_per_s$|_m_s$/, 'm/s'],
    [/_km_s$/, 'km/s'],
    [/_m$/, 'm'],
    [/_s$/, 's'],
    [/_deg$/, '°'],
    [/_days$/, 'days'],
  ];
  for (const [re, unit] of units) if (re.test(key)) return `${key.replace(re, '').replace(/_/g, ' ')} (${unit})`;
  return key.replace(/_/g, ' ');
}
