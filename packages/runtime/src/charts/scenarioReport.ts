/**
 * Plots and a self-contained HTML report of a scenario run, written for a general reader:
 * what was assumed, what happened (altitude, burns, propellant by partner and year), and when
 * the station would re-enter if propellant ran out. No DOM, no external assets.
 */
import { esc, svgChart, type ChartMarkers } from '../plot/svgChart.js';
import { Epoch, partnerName } from '@stationkeeper/core';
import type { ScenarioResult } from '@stationkeeper/core';

const mjd = (iso: string) => Epoch.fromIso(iso).utcMjd();

/** Mean altitude over time with burns and the policy band marked. */
export function scenarioAltitudeSvg(r: ScenarioResult): string {
  const x = r.altitude_series.epoch_utc.map(mjd);
  const band = r.assumptions.policy;
  const burnsBy = new Map<string, { x: number[]; y: number[] }>();
  for (const b of r.burns) {
    const k = b.purpose === 'reboost' ? b.vehicle : b.purpose;
    if (!burnsBy.has(k)) burnsBy.set(k, { x: [], y: [] });
    burnsBy.get(k)!.x.push(mjd(b.epoch_utc));
    burnsBy.get(k)!.y.push(b.altitude_after_km);
  }
  const markers: ChartMarkers[] = [...burnsBy.entries()].map(([label, m]) => ({ label: `burn: ${label}`, x: m.x, y: m.y, shape: 'triangle-up' as const, sizePx: 5 }));
  if (r.first_unflown_reboost_utc) markers.push({ label: 'first reboost no vehicle can fly', x: [mjd(r.first_unflown_reboost_utc)], shape: 'vline', color: '#d62728' });
  if (r.reentry?.nominal_utc && r.reentry.during_scenario) markers.push({ label: 're-entry (nominal)', x: [mjd(r.reentry.nominal_utc)], shape: 'vline', color: '#000' });
  const x0 = x[0];
  const x1 = x[x.length - 1];
  return svgChart({
    title: `${r.scenario.name}: mean altitude`,
    subtitle: `${r.assumptions.atmosphere}, ${r.assumptions.space_weather}; m/(Cd·A) = ${r.assumptions.ballistic_coefficient_kg_m2} kg/m²`,
    xAxis: { label: 'date (UTC)', type: 'utc-mjd' },
    yAxis: { label: 'mean altitude (km)' },
    series: [
      { label: 'mean altitude', x, y: r.altitude_series.mean_altitude_km },
      { label: `policy band ${band.min_altitude_km}–${band.max_altitude_km} km`, x: [x0, x1, NaN, x0, x1], y: [band.min_altitude_km, band.min_altitude_km, NaN, band.max_altitude_km, band.max_altitude_km], dash: '4 3', color: '#7f7f7f' },
    ],
    markers,
  });
}

/** Propellant burned per year and partner, with the solar activity (F10.7 81-day mean / 10) for scale. */
export function scenarioLedgerSvg(r: ScenarioResult): string {
  const partners = [...new Set(r.ledger.by_partner.map((p) => p.partner))];
  const years = r.years.map((y) => y.year);
  // Each year's total drawn at its middle on a calendar axis (not decimal years); kg only — the Δv
  // need per year is in the table below, in its own unit.
  const midYear = years.map((y) => mjd(`${y}-07-02T00:00:00Z`));
  const series = partners.map((p) => ({
    label: `${partnerName(p)}: kg burned`,
    x: midYear,
    y: years.map((y) => r.ledger.by_partner.find((q) => q.partner === p && q.year === y)?.burned_kg ?? 0),
    style: 'line+markers' as const,
  }));
  return svgChart({
    title: 'Propellant burned per year',
    subtitle: 'each year at its middle; the need follows the solar cycle (drag grows with solar activity)',
    xAxis: { label: 'year', type: 'utc-mjd' },
    yAxis: { label: 'propellant burned (kg)', min: 0 },
    series,
  });
}

const n0 = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 0 });
const n1 = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const n2 = (x: number) => x.toFixed(2);

function table(head: string[], rows: (string | number)[][]): string {
  return `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${esc(String(c))}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

/** The whole report page. */
export function scenarioReportHtml(r: ScenarioResult): string {
  const totalDv = r.burns.reduce((s, b) => s + Math.abs(b.delta_v_m_s), 0);
  const totalKg = r.burns.reduce((s, b) => s + b.propellant_kg, 0);
  const years = r.years.length;
  let verdict: string;
  if (r.first_unflown_reboost_utc === null) verdict = `The station keeps its altitude for the whole period: ${r.burns.length} burns, ${n1(totalDv)} m/s and ${n0(totalKg)} kg of propellant over ${years} calendar years.`;
  else {
    const re = r.reentry;
    const when = re?.nominal_utc ? `around <strong>${esc(re.nominal_utc.slice(0, 10))}</strong>` : 'after the end of the search span';
    const window = re?.window
      ? ` (${Math.round(re.window.confidence * 100)} % of ${re.window.members} ensemble members between ${esc(re.window.earliest_utc.slice(0, 10))} and ${esc(re.window.latest_utc.slice(0, 10))}, median ${esc(re.window.median_utc.slice(0, 10))})`
      : re
        ? ' (nominal date only: no uncertainty window was computed)'
        : '';
    verdict = `On <strong>${esc(r.first_unflown_reboost_utc.slice(0, 10))}</strong> the station needs a reboost that no available vehicle can give.${re ? ` Left alone it would re-enter ${when}${window}.` : ''}`;
    if (r.shortfalls.length && r.shortfalls[r.shortfalls.length - 1].to_utc !== null) verdict += ' Later arrivals restore propellant.';
  }
  const peak = r.years.reduce((a, b) => (b.delta_v_needed_m_s > a.delta_v_needed_m_s ? b : a), r.years[0]);
  const flightTypes = peak ? Object.keys(peak.flights_equivalent) : [];
  // Readers see vehicle names ("Progress MS"), not catalogue ids ("progress-ms").
  const vehicleName = (id: string) => r.assumptions.vehicles.find((v) => v.id === id)?.name ?? id;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(r.scenario.name)}</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem}
table{border-collapse:collapse;font-size:.9rem;margin:.5rem 0}td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:right}
th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}.note{color:#555;font-size:.9rem}
svg{max-width:100%;height:auto}
</style></head><body>
<h1>${esc(r.scenario.name)}</h1>
<p>${esc(r.scenario.description)}</p>
<p>${verdict}</p>
<h2>Altitude</h2>
<p>A space station in low orbit slowly loses height to the thin upper atmosphere, faster when the Sun is active. Vehicles docked to it fire their engines to raise it again ("reboost"). The line shows the average height; triangles are burns.</p>
${scenarioAltitudeSvg(r)}
<h2>Propellant</h2>
${scenarioLedgerSvg(r)}
<h3>Per year</h3>
${table(
  ['year', 'Δv flown (m/s)', 'Δv needed (m/s)', 'propellant burned (kg)', 'mean altitude (km)', 'natural decay (m/day)', 'solar flux F10.7 (81-day)', ...flightTypes.map((t) => `${vehicleName(t)} flights to cover the need`)],
  r.years.map((y) => [y.year, n2(y.delta_v_m_s), n2(y.delta_v_needed_m_s), n0(y.propellant_kg), n1(y.mean_altitude_km), n1(y.decay_m_per_day), n0(y.f107a_mean), ...flightTypes.map((t) => n1(y.flights_equivalent[t]))]),
)}
<h3>Per partner</h3>
${table(['partner', 'year', 'delivered (kg)', 'burned (kg)', 'Δv (m/s)'], r.ledger.by_partner.map((p) => [partnerName(p.partner), p.year, n0(p.delivered_kg), n0(p.burned_kg), n2(p.delta_v_m_s)]))}
<h3>Per vehicle</h3>
${table(['vehicle', 'year', 'flights', 'delivered (kg)', 'transferred in (kg)', 'burned (kg)', 'left unused (kg)', 'burns'], r.ledger.by_vehicle.map((v) => [vehicleName(v.vehicle), v.year, v.flights, n0(v.delivered_kg), n0(v.transferred_in_kg), n0(v.burned_kg), n0(v.departed_unused_kg), v.burns]))}
<h2>Burns</h2>
${r.burns.length ? table(['date (UTC)', 'vehicle', 'flight', 'purpose', 'Δv (m/s)', 'burn (s)', 'propellant (kg)', 'altitude after (km)'], r.burns.map((b) => [b.epoch_utc.slice(0, 10), vehicleName(b.vehicle), b.flight, b.purpose, n2(b.delta_v_m_s), n0(b.burn_time_s), n1(b.propellant_kg), n1(b.altitude_after_km)])) : '<p>No burns.</p>'}
${r.notes.length ? `<h2>Timeline notes</h2><ul>${r.notes.map((n) => `<li>${esc(n.epoch_utc.slice(0, 10))}: ${esc(n.text)}</li>`).join('')}</ul>` : ''}
<h2>Assumptions</h2>
<ul>
<li>Station mass ${n0(r.assumptions.station_mass_kg)} kg, ballistic coefficient m/(Cd·A) ${r.assumptions.ballistic_coefficient_kg_m2} kg/m².</li>
<li>Decay model: ${esc(r.assumptions.decay_model)}; atmosphere ${esc(r.assumptions.atmosphere)}; space weather ${esc(r.assumptions.space_weather)}.</li>
<li>Policy: keep the mean altitude between ${r.assumptions.policy.min_altitude_km} and ${r.assumptions.policy.max_altitude_km} km, at most ${r.assumptions.policy.max_delta_v_per_burn_m_s} m/s a burn; vehicles asked in the order ${esc(r.assumptions.policy.vehicle_priority.map(vehicleName).join(', '))}.</li>
</ul>
${table(['vehicle', 'partner', 'thrust (N)', 'Isp (s)', 'reboost propellant / flight (kg)', 'transfer / flight (kg)', 'Δv / flight (m/s)', 'estimated or weak figures'], r.assumptions.vehicles.map((v) => [v.name, partnerName(v.partner), n0(v.reboost_thrust_n), n0(v.isp_s), n0(v.reboost_propellant_kg), n0(v.transfer_propellant_kg), n2(v.delta_v_per_flight_m_s), v.graded_defaults.join(', ') || '—']))}
<p class="note">Figures marked W (weak source) or EST (estimate) are defaults, not established facts; see docs/station-keeping.md for every source. Altitudes are mean altitudes (semi-major axis minus 6,378.135 km), the convention of the orbit history.</p>
${r.reentry ? `<p class="note">Re-entry: ${esc(r.reentry.model)}; window: ${esc(r.reentry.window_status)}.</p>` : ''}
</body></html>
`;
}
