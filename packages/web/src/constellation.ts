/**
 * Constellation panel: a group from the stored catalogue (GET /api/constellation/group) drawn on
 * the map, one colour per orbital plane, its planes as a table, and the modelled raise from an
 * insertion orbit to the group's shell (GET /api/constellation/raise) as a chart.
 */
import { describeError, getJson } from './api.js';
import { altitudeChart } from './chart.js';
import { fmtNum, h } from './format.js';
import type { GroundMap } from './map.js';

const $ = (id: string) => document.getElementById(id)!;

/** OneWeb satellite mass ≈150 kg (AP, eoPortal); Hall thrusters ≈1,600 s; half the time thrusting (assumed). */
const MASS_KG = 150;
const ISP_S = 1600;
const DUTY_CYCLE = 0.5;

interface GroupPlane {
  raan_deg: number | null;
  inclination_deg: number | null;
  mean_altitude_km: number | null;
  member_count: number;
  in_plane_spacing_deg: number | null;
}

interface GroupResponse {
  count: number;
  reference_utc: string;
  at_utc: string;
  spacing_deg: number | null;
  plane_slots: number;
  planes: GroupPlane[];
  stragglers: number[];
  members: { norad: number; name: string; plane: number; lat_deg: number | null; lon_deg: number | null }[];
}

interface RaiseResponse {
  delta_v_m_s: number;
  duration_days: number;
  propellant_kg: number;
  profile: { days: number; altitude_km: number }[];
}

interface GroupForm {
  name: string;
  minAltKm: number;
  maxAltKm: number;
  insertionKm: number;
  thrustMn: number;
}

/** The form's values, or the first problem naming its field. */
function readForm(): GroupForm | string {
  const value = (id: string) => ($(id) as HTMLInputElement).value.trim();
  const name = value('group-name');
  if (name === '' || name.length > 64) return 'Name pattern: 1 to 64 characters, e.g. ONEWEB-*';
  const numbers: [keyof GroupForm, string, string, number, number][] = [
    ['minAltKm', 'group-min-alt', 'Shell from', 0, 100000],
    ['maxAltKm', 'group-max-alt', 'Shell to', 0, 100000],
    ['insertionKm', 'group-insertion', 'Insertion', 150, 40000],
    ['thrustMn', 'group-thrust', 'Thrust', 0.001, 1e6],
  ];
  const out: Record<string, number | string> = { name };
  for (const [key, id, label, min, max] of numbers) {
    const v = Number(value(id));
    if (value(id) === '' || !Number.isFinite(v) || v < min || v > max) return `${label}: a number from ${min} to ${max}, got "${value(id)}"`;
    out[key] = v;
  }
  if ((out.maxAltKm as number) <= (out.minAltKm as number)) return 'Shell to: must be above Shell from';
  return out as unknown as GroupForm;
}

function planesTable(g: GroupResponse): HTMLElement {
  const rows = g.planes.map((p, k) =>
    h(
      'tr',
      {},
      h('td', { text: String(k + 1) }),
      h('td', { class: 'num', text: fmtNum(p.raan_deg, 2, '°') }),
      h('td', { class: 'num', text: fmtNum(p.inclination_deg, 2, '°') }),
      h('td', { class: 'num', text: fmtNum(p.mean_altitude_km, 0, 'km') }),
      h('td', { class: 'num', text: String(p.member_count) }),
    ),
  );
  const head = ['Plane', 'RAAN', 'Inclination', 'Mean altitude', 'Satellites'].map((t) => h('th', { scope: 'col', text: t }));
  return h('table', { 'data-testid': 'group-planes-table' }, h('thead', {}, h('tr', {}, ...head)), h('tbody', {}, ...rows));
}

async function showRaise(form: GroupForm, g: GroupResponse): Promise<void> {
  const chart = $('group-raise-chart');
  const shellKm = Math.max(...g.planes.map((p) => p.mean_altitude_km ?? 0));
  if (!(shellKm > form.insertionKm)) {
    chart.hidden = true;
    $('group-raise-note').textContent = 'No raise to model: the shell is not above the insertion altitude.';
    return;
  }
  const r = await getJson<RaiseResponse>('/api/constellation/raise', {
    from_km: form.insertionKm,
    to_km: Math.round(shellKm),
    thrust_mn: form.thrustMn,
    mass_kg: MASS_KG,
    isp_s: ISP_S,
    duty_cycle: DUTY_CYCLE,
  });
  const start = Date.parse(g.reference_utc) / 1000;
  chart.hidden = false;
  altitudeChart(chart, {
    x: r.profile.map((p) => start + p.days * 86400),
    yLabel: 'altitude (km)',
    series: [{ label: 'modelled raise', values: r.profile.map((p) => p.altitude_km), color: '#08519c', width: 2 }],
    height: 220,
  });
  chart.dataset.durationDays = String(r.duration_days);
  $('group-raise-note').textContent =
    `Modelled raise ${form.insertionKm} → ${Math.round(shellKm)} km, drawn from the group's epoch: Δv ${fmtNum(r.delta_v_m_s, 0, 'm/s')}, ${fmtNum(r.duration_days, 0, 'days')}, ` +
    `${fmtNum(r.propellant_kg, 1, 'kg')} of propellant (constant thrust, ${MASS_KG} kg, Isp ${ISP_S} s, thrusting ${DUTY_CYCLE * 100} % of the time — assumptions, not published figures).`;
}

async function showGroup(map: GroundMap, atIso: () => string | undefined): Promise<void> {
  const form = readForm();
  const errors = $('group-errors');
  errors.hidden = typeof form !== 'string';
  if (typeof form === 'string') {
    errors.textContent = form;
    return;
  }
  const status = $('group-status');
  status.textContent = 'Loading the group…';
  try {
    const g = await getJson<GroupResponse>('/api/constellation/group', { name: form.name, min_alt_km: form.minAltKm, max_alt_km: form.maxAltKm, at: atIso() });
    const members = g.members.filter((m) => m.lat_deg !== null && m.lon_deg !== null).map((m) => ({ latDeg: m.lat_deg as number, lonDeg: m.lon_deg as number, plane: m.plane, name: m.name }));
    map.setGroup(members, g.planes.length);
    status.textContent =
      `${g.count} satellites at ${g.at_utc}: ${g.planes.length} planes` +
      (g.spacing_deg === null ? '' : `, ${fmtNum(g.spacing_deg, 2, '°')} apart in RAAN (${g.plane_slots} plane slots)`) +
      (g.stragglers.length ? `; ${g.stragglers.length} outside any plane` : '') +
      '.';
    $('group-planes').replaceChildren(planesTable(g));
    await showRaise(form, g);
  } catch (err) {
    map.setGroup([], 0);
    status.textContent = `No group: ${describeError(err)}.`;
  }
}

export function setupConstellation(opts: { map: GroundMap; atIso: () => string | undefined }): void {
  $('group-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    void showGroup(opts.map, opts.atIso);
  });
}
