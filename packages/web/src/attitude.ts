/**
 * "Who holds its direction?": GET /api/attitude (docs/api.md "Attitude") for the built-in 2022 ISS
 * model — its torque-equilibrium attitude (yaw/pitch/roll from LVLH), and a simulation of the CMG
 * momentum against the array's capacity (the saturation line) with every desaturation marked.
 */
import { describeError, getJson } from './api.js';
import { altitudeChart, type ChartMarker } from './chart.js';
import { fmtNum, fmtUtc, h } from './format.js';

export interface AttitudeAnswer {
  atmosphere: string;
  controller: string;
  start_utc: string;
  duration_s: number;
  capacity_n_m_s: number;
  desaturation_threshold_n_m_s: number;
  tea: { yaw_deg: number; pitch_deg: number; roll_deg: number; residual_torque_n_m: number; cmg_secular_momentum_n_m_s_per_orbit: number };
  desaturations: { epoch_utc: string; t_s: number; propellant_kg: number }[];
  total_propellant_kg: number;
  saturation_events: { start_utc: string; end_utc: string }[];
  attitude_lost_utc: string | null;
  peak_momentum_fraction: number;
  history: { t_s: number; momentum_n_m_s: number; yaw_deg: number; pitch_deg: number; roll_deg: number }[];
}

export function setupAttitude(): void {
  const box = document.getElementById('attitude')!;
  const ctrl = h('select', { id: 'at-controller' }, h('option', { value: 'tea-lqr', text: 'momentum management (fly the TEA)' }), h('option', { value: 'hold', text: 'hold +XVV on the CMGs' }));
  const hoursIn = h('input', { id: 'at-hours', type: 'text', inputmode: 'decimal', autocomplete: 'off', value: '12', 'aria-describedby': 'at-hours-hint' });
  const desat = h('input', { id: 'at-desat', type: 'checkbox', checked: true });
  const runBtn = h('button', { type: 'submit', class: 'primary', id: 'at-run', text: 'Simulate' });
  const errors = h('p', { class: 'form-errors', role: 'alert', hidden: true, id: 'at-errors', 'data-testid': 'attitude-errors' });
  const status = h('p', { class: 'status', role: 'status', id: 'at-status', 'data-testid': 'attitude-status' });
  const results = h('div', { id: 'at-results', 'data-testid': 'attitude-results' });
  const form = h('form', { class: 'attitude-form', novalidate: true },
    h('p', { class: 'lead', text: 'The CMGs hold the attitude; thrusters dump their momentum when it builds up. Built-in 2022 ISS model (docs: attitude).' }),
    errors,
    h('div', { class: 'fields' },
      h('div', { class: 'field field-wide' }, h('label', { for: 'at-controller', text: 'Controller' }), ctrl),
      h('div', { class: 'field' }, h('label', { for: 'at-hours', text: 'Hours' }), hoursIn, h('p', { class: 'hint', id: 'at-hours-hint', text: '0.5 to 24' })),
    ),
    h('label', { class: 'inline check' }, desat, ' a vehicle can desaturate (thrusters)'),
    h('div', { class: 'place-actions' }, runBtn),
  );
  box.replaceChildren(form, status, results);

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const hours = Number(hoursIn.value.trim());
    if (hoursIn.value.trim() === '' || !(hours >= 0.5 && hours <= 24)) {
      errors.textContent = `Hours must be a number from 0.5 to 24, got "${hoursIn.value}".`;
      errors.hidden = false;
      hoursIn.focus();
      return;
    }
    errors.hidden = true;
    runBtn.disabled = true;
    status.textContent = 'Simulating…';
    results.replaceChildren();
    try {
      const r = await getJson<AttitudeAnswer>('/api/attitude', { controller: ctrl.value, hours, desaturation: desat.checked ? 'true' : 'false' });
      status.textContent = '';
      showAttitude(results, r);
    } catch (err) {
      status.textContent = `The simulation failed: ${describeError(err)}`;
    } finally {
      runBtn.disabled = false;
    }
  });
}

function fact(label: string, value: string, testId: string): HTMLElement {
  return h('div', {}, h('dt', { text: label }), h('dd', { 'data-testid': testId, text: value }));
}

export function showAttitude(box: HTMLElement, r: AttitudeAnswer): void {
  const t = r.tea;
  const facts = h('dl', { class: 'facts', 'data-testid': 'attitude-facts' },
    fact('Torque-equilibrium attitude', `yaw ${t.yaw_deg.toFixed(1)}°, pitch ${t.pitch_deg.toFixed(1)}°, roll ${t.roll_deg.toFixed(1)}°`, 'attitude-tea'),
    fact('Desaturations', r.desaturations.length ? `${r.desaturations.length} · ${fmtNum(r.total_propellant_kg, 1, 'kg')}` : 'none', 'attitude-desats'),
    fact('Peak CMG momentum', `${fmtNum(100 * r.peak_momentum_fraction, 1, '%')} of ${Math.round(r.capacity_n_m_s).toLocaleString('en-US')} N·m·s`, 'attitude-peak'),
    fact('Attitude', r.attitude_lost_utc ? `cannot be held from ${fmtUtc(r.attitude_lost_utc)} (${r.saturation_events.length} saturation events)` : 'held throughout', 'attitude-lost'),
  );
  const chart = h('div', { class: 'chart', 'data-testid': 'attitude-chart' });
  box.replaceChildren(facts, chart, h('p', { class: 'hint', text: `Atmosphere: ${r.atmosphere}. Dashed red: capacity (saturation); grey: desaturation threshold; ▲ desaturation.` }));
  const t0 = Date.parse(r.start_utc) / 1000;
  const x = r.history.map((p) => t0 + p.t_s);
  const markers: ChartMarker[] = r.desaturations.map((d) => ({ t: t0 + d.t_s, kind: 'raise', label: `desaturation ${fmtNum(d.propellant_kg, 2, 'kg')}` }));
  altitudeChart(chart, {
    x,
    yLabel: 'CMG momentum (N·m·s)',
    series: [
      { label: '|h|', values: r.history.map((p) => p.momentum_n_m_s), color: '#08519c', width: 2 },
      { label: 'capacity', values: x.map(() => r.capacity_n_m_s), color: '#d62728', width: 1, dash: [6, 4] },
      { label: 'desaturation threshold', values: x.map(() => r.desaturation_threshold_n_m_s), color: '#8c959f', width: 1, dash: [2, 3] },
    ],
    markers,
    height: 240,
  });
}
