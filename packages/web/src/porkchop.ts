/**
 * "Transfer windows to Mars": a porkchop plot computed by the server's `porkchop` job
 * (POST /api/jobs, docs/api.md "Porkchop"). The panel follows the job over SSE, then shows the
 * server's SVG (C3 contours, Type I/II boundary, minima, marked missions) and the minima.
 */
import { describeError, getJson, postJson } from './api.js';
import { fmtNum, h } from './format.js';
import { JobProgress, jobEndWords, type Job } from './jobs.js';

/** One transfer as the server reports it (window optima carry these fields). */
interface WindowPointJson {
  depart_utc: string;
  arrive_utc: string;
  tof_days: number | null;
  c3_km2_s2: number | null;
  type: 'I' | 'II';
}

/** A grid cell or a single transfer: also the asymptote and arrival figures. */
interface TransferJson extends WindowPointJson {
  dla_deg: number | null;
  vinf_arrival_km_s: number | null;
}

interface PointJson extends TransferJson {
  total_delta_v_km_s: number | null;
}

/** A marked date pair as one transfer (the CLI's `lambert --json`). */
interface MarkJson extends TransferJson {
  label: string;
}

export interface PorkchopResult {
  depart_utc: string[];
  arrive_utc: string[];
  minima: Record<string, PointJson | null>;
  svg: string;
  marks?: MarkJson[];
}

export interface WindowsResult {
  windows: { best: WindowPointJson | null; type1: WindowPointJson | null; type2: WindowPointJson | null; launch_period: { start_utc: string; end_utc: string } }[];
}

interface Preset {
  label: string;
  depart: [string, string];
  arrive: [string, string];
  mark?: { label: string; depart: string; arrive: string };
}

/** Launch and landing dates: ../shared/facts/mars.md (NASA, ESA via press). */
export const PRESETS: Record<string, Preset> = {
  '2022': { label: '2022 window (ExoMars plan)', depart: ['2022-07-01', '2022-12-31'], arrive: ['2023-01-01', '2024-01-31'], mark: { label: 'ExoMars 2022 plan', depart: '2022-09-20T00:00:00Z', arrive: '2023-06-10T15:32:00Z' } },
  '2020': { label: '2020 window (Mars 2020)', depart: ['2020-06-01', '2020-09-30'], arrive: ['2020-12-01', '2021-10-31'], mark: { label: 'Mars 2020 as flown', depart: '2020-07-30T11:50:01Z', arrive: '2021-02-18T20:55:00Z' } },
  '2026': { label: '2026 window', depart: ['2026-08-01', '2027-01-31'], arrive: ['2027-03-01', '2028-03-31'] },
  '2028': { label: '2028 window', depart: ['2028-09-01', '2029-02-28'], arrive: ['2029-04-01', '2030-04-30'] },
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function setupPorkchop(): void {
  const box = document.getElementById('porkchop')!;
  const preset = h('select', { id: 'pc-preset' }, ...Object.entries(PRESETS).map(([k, p]) => h('option', { value: k, text: p.label })));
  const field = (id: string, label: string) => {
    const input = h('input', { id, type: 'text', autocomplete: 'off', spellcheck: 'false', inputmode: 'numeric' });
    return { input, el: h('div', { class: 'field' }, h('label', { for: id, text: label }), input) };
  };
  const ds = field('pc-depart-start', 'Depart from');
  const de = field('pc-depart-end', 'Depart until');
  const as = field('pc-arrive-start', 'Arrive from');
  const ae = field('pc-arrive-end', 'Arrive until');
  const step = field('pc-step', 'Step (days)');
  step.input.value = '4';
  const runBtn = h('button', { type: 'submit', class: 'primary', id: 'pc-run', text: 'Compute porkchop' });
  const errors = h('p', { class: 'form-errors', role: 'alert', hidden: true, 'data-testid': 'porkchop-errors' });
  const progress = new JobProgress('Porkchop progress', 'porkchop-progress');
  const status = h('p', { class: 'status', role: 'status', 'data-testid': 'porkchop-status' });
  const results = h('div', { 'data-testid': 'porkchop-results' });
  const windowsBtn = h('button', { type: 'button', id: 'pc-windows', text: 'List the windows 2020–2030' });
  const windowsProgress = new JobProgress('Windows progress', 'windows-progress');
  const windowsStatus = h('p', { class: 'status', role: 'status', 'data-testid': 'windows-status' });
  const windowsBox = h('div', { class: 'table-wrap', 'data-testid': 'windows' });
  const fill = () => {
    const p = PRESETS[preset.value];
    [ds.input.value, de.input.value] = p.depart;
    [as.input.value, ae.input.value] = p.arrive;
  };
  preset.addEventListener('change', fill);
  fill();
  const form = h('form', { class: 'porkchop-form', novalidate: true },
    h('p', { class: 'lead', text: 'Why does a missed launch cost two years? The energy (C3) a rocket must give for a direct Earth → Mars transfer, for every pair of departure and arrival dates.' }),
    errors,
    h('div', { class: 'fields' }, h('div', { class: 'field field-wide' }, h('label', { for: 'pc-preset', text: 'Window' }), preset), ds.el, de.el, as.el, ae.el, step.el),
    h('div', { class: 'place-actions' }, runBtn, windowsBtn),
  );
  box.replaceChildren(form, progress.element, status, results, windowsProgress.element, windowsStatus, windowsBox);
  windowsBtn.addEventListener('click', () => void listWindows(windowsBtn, windowsProgress, windowsStatus, windowsBox));

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (progress.running) return;
    for (const [f, name] of [[ds, 'Depart from'], [de, 'Depart until'], [as, 'Arrive from'], [ae, 'Arrive until']] as const) {
      if (!DATE.test(f.input.value.trim()) || !Number.isFinite(Date.parse(f.input.value.trim()))) return fail(errors, f.input, `"${name}" must be a date like 2022-09-20, got "${f.input.value}".`);
    }
    const stepDays = Number(step.input.value.trim());
    if (!(stepDays >= 0.25 && stepDays <= 60)) return fail(errors, step.input, `"Step" must be a number of days from 0.25 to 60, got "${step.input.value}".`);
    errors.hidden = true;
    const p = PRESETS[preset.value];
    const iso = (d: string) => `${d.trim()}T00:00:00Z`;
    const params = { from: 'earth', to: 'mars', depart_start: iso(ds.input.value), depart_end: iso(de.input.value), arrive_start: iso(as.input.value), arrive_end: iso(ae.input.value), step_days: stepDays, ...(p.mark ? { marks: [p.mark] } : {}) };
    await runJob({ type: 'porkchop', params, button: runBtn, progress, status, box: results, what: 'porkchop' }, (r) => showPorkchop(results, r as PorkchopResult));
  });
}

interface JobRun {
  type: string;
  params: Record<string, unknown>;
  button: HTMLButtonElement;
  progress: JobProgress;
  status: HTMLElement;
  box: HTMLElement;
  /** "No <what>: …" when it fails. */
  what: string;
}

/** Post a job, follow its progress, then hand its result to `show` (or say why there is none). */
async function runJob(j: JobRun, show: (result: unknown) => void): Promise<void> {
  if (j.progress.running) return;
  j.button.disabled = true;
  j.status.textContent = '';
  j.box.replaceChildren();
  try {
    j.progress.pending('Asking the server…');
    const job = await postJson<Job>('/api/jobs', { type: j.type, params: j.params });
    const end = await j.progress.follow(job);
    if (end.status !== 'succeeded') j.status.textContent = jobEndWords(end);
    else show((await getJson<Job>(`/api/jobs/${encodeURIComponent(job.id)}`)).result);
  } catch (err) {
    j.progress.hide();
    j.status.textContent = `No ${j.what}: ${describeError(err)}`;
  } finally {
    j.button.disabled = false;
  }
}

/** The `transfer-windows` job for 2019-09 … 2030: one row per window. */
function listWindows(button: HTMLButtonElement, progress: JobProgress, status: HTMLElement, box: HTMLElement): Promise<void> {
  const params = { from: 'earth', to: 'mars', start: '2019-09-01T00:00:00Z', years: 11 };
  return runJob({ type: 'transfer-windows', params, button, progress, status, box, what: 'windows' }, (r) => showWindows(box, r as WindowsResult));
}

export function showWindows(box: HTMLElement, r: WindowsResult): void {
  const cell = (p: WindowPointJson | null) => (p ? `${fmtNum(p.c3_km2_s2, 2, '')} (${p.depart_utc.slice(0, 10)}, ${fmtNum(p.tof_days, 0, 'd')})` : '—');
  const rows = r.windows.map((w) =>
    h('tr', {},
      h('td', { text: w.best ? w.best.depart_utc.slice(0, 10) : '—' }),
      h('td', { text: w.best ? w.best.arrive_utc.slice(0, 10) : '—' }),
      h('td', { text: w.best ? `${fmtNum(w.best.c3_km2_s2, 2, '')} (Type ${w.best.type})` : '—' }),
      h('td', { text: cell(w.type1) }),
      h('td', { text: cell(w.type2) }),
    ));
  box.replaceChildren(
    h('table', { class: 'windows' },
      h('caption', { text: 'Earth → Mars windows: lowest C3 (km²/s²) of each, refined off the grid' }),
      h('thead', {}, h('tr', {}, ...['best departure', 'arrival', 'C3', 'best Type I', 'best Type II'].map((t) => h('th', { scope: 'col', text: t })))),
      h('tbody', {}, ...rows),
    ),
  );
}

function fail(errors: HTMLElement, input: HTMLInputElement, message: string): void {
  errors.textContent = message;
  errors.hidden = false;
  input.focus();
}

export function showPorkchop(box: HTMLElement, r: PorkchopResult): void {
  const img = h('img', { class: 'porkchop-plot', 'data-testid': 'porkchop-plot', alt: 'Porkchop plot: C3 contours over departure and arrival dates', src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(r.svg)}` });
  const row = (label: string, p: PointJson | null, testId: string) =>
    h('div', { 'data-testid': testId }, h('dt', { text: label }),
      h('dd', { text: p ? `${p.depart_utc.slice(0, 10)} → ${p.arrive_utc.slice(0, 10)} (${fmtNum(p.tof_days, 0, 'd')}, Type ${p.type}): C3 ${fmtNum(p.c3_km2_s2, 2, 'km²/s²')}, v∞ at Mars ${fmtNum(p.vinf_arrival_km_s, 2, 'km/s')}` : '—' }));
  const facts = h('dl', { class: 'facts' },
    row('Lowest C3, Type I', r.minima.min_c3_type1, 'porkchop-min-type1'),
    row('Lowest C3, Type II', r.minima.min_c3_type2, 'porkchop-min-type2'),
    row('Lowest total Δv (185 km LEO → 400 km Mars orbit)', r.minima.min_total_delta_v, 'porkchop-min-dv'),
  );
  for (const m of r.marks ?? []) {
    facts.append(h('div', { 'data-testid': 'porkchop-mark' }, h('dt', { text: m.label }),
      h('dd', { text: `${m.depart_utc.slice(0, 10)} → ${m.arrive_utc.slice(0, 10)} (${fmtNum(m.tof_days, 0, 'd')}, Type ${m.type}): C3 ${fmtNum(m.c3_km2_s2, 2, 'km²/s²')}, DLA ${fmtNum(m.dla_deg, 1, '°')}, v∞ at Mars ${fmtNum(m.vinf_arrival_km_s, 2, 'km/s')}` })));
  }
  box.replaceChildren(img, facts, h('p', { class: 'hint', text: `${r.depart_utc.length} × ${r.arrive_utc.length} direct transfers (Lambert, planets from astronomy-engine). Minima at the grid's resolution.` }));
}
