/** Altitude history from /history with the detected reboosts marked, and a table of them. */
import { describeError, getJson, type HistoryResponse, type ManeuverJson } from './api.js';
import { altitudeChart, type ChartMarker } from './chart.js';
import { fmtDate, fmtNum, h } from './format.js';

const $ = (id: string) => document.getElementById(id)!;

export async function loadHistory(norad: number): Promise<void> {
  const status = $('history-status');
  const chart = $('history-chart');
  status.textContent = 'Loading the altitude history…';
  let body: HistoryResponse;
  try {
    body = await getJson<HistoryResponse>(`/api/objects/${norad}/history`);
  } catch (err) {
    chart.hidden = true;
    status.replaceChildren(`No altitude history: ${describeError(err)}. It needs an element-set history: run `, h('code', { text: 'stationkeeper data fetch' }), '.');
    return;
  }
  const points = body.points ?? [];
  if (points.length < 2) {
    chart.hidden = true;
    status.replaceChildren(
      `Only ${points.length} element set${points.length === 1 ? '' : 's'} on the server: a history needs many. Run `,
      h('code', { text: 'stationkeeper data fetch' }),
      ' (or ingest an element-set history with POST /api/ingest).',
    );
    return;
  }
  const maneuvers = body.maneuvers ?? body.reboosts ?? [];
  const x = points.map((p) => Date.parse(p.epoch_utc) / 1000);
  const markers: ChartMarker[] = maneuvers.map((m) => ({
    t: midTime(m),
    kind: m.kind === 'lower' ? 'lower' : 'raise',
    label: `${fmtNum(m.delta_v_m_per_s, 2, 'm/s')}`,
  }));
  const hasPerigee = points.some((p) => p.perigee_altitude_km !== undefined);
  altitudeChart(chart, {
    x,
    yLabel: 'altitude (km)',
    series: [
      { label: 'mean altitude', values: points.map((p) => p.mean_altitude_km), color: '#08519c', width: 2 },
      ...(hasPerigee
        ? [
            { label: 'perigee', values: points.map((p) => p.perigee_altitude_km ?? null), color: '#9ecae1', width: 1 },
            { label: 'apogee', values: points.map((p) => p.apogee_altitude_km ?? null), color: '#9ecae1', width: 1 },
          ]
        : []),
    ],
    markers,
  });
  const raises = maneuvers.filter((m) => m.kind !== 'lower').length;
  const lowers = maneuvers.length - raises;
  const rate = body.decay_rate_m_per_day;
  status.textContent =
    `${points.length} element sets, ${fmtDate(points[0].epoch_utc)} to ${fmtDate(points[points.length - 1].epoch_utc)}: ` +
    `${raises} reboost${raises === 1 ? '' : 's'} ▲` +
    (lowers ? `, ${lowers} lowering${lowers === 1 ? '' : 's'} ▼` : '') +
    (rate !== undefined && rate !== null ? `; typical decay ${fmtNum(rate, 0, 'm/day')}` : '') +
    '.' +
    (body.altitude_reference ? ` Altitude: ${body.altitude_reference}.` : '');
  $('history-maneuvers').replaceChildren(maneuvers.length ? maneuverTable(maneuvers) : '');
}

function midTime(m: ManeuverJson): number {
  return (Date.parse(m.window_start_utc) + Date.parse(m.window_end_utc)) / 2000;
}

function maneuverTable(maneuvers: ManeuverJson[]): HTMLElement {
  const rows = maneuvers.map((m) =>
    h(
      'tr',
      {},
      h('td', { text: fmtDate(new Date(midTime(m) * 1000).toISOString()) }),
      h('td', { text: m.kind === 'lower' ? '▼ lowering' : '▲ reboost' }),
      h('td', { class: 'num', text: fmtNum(m.delta_v_m_per_s, 2, 'm/s') }),
      h('td', { class: 'num', text: fmtNum(m.delta_a_km, 2, 'km') }),
    ),
  );
  return h(
    'details',
    { class: 'maneuvers' },
    h('summary', { text: `Manoeuvres found (${maneuvers.length})` }),
    h(
      'table',
      {},
      h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: 'Date (UTC)' }), h('th', { scope: 'col', text: 'Kind' }), h('th', { scope: 'col', text: 'Δv (m/s)' }), h('th', { scope: 'col', text: 'Δa (km)' }))),
      h('tbody', {}, ...rows),
    ),
  );
}
