/**
 * `stationkeeper history --tle FILE [--norad N] [--json] [--plot out.svg]`: mean altitude, perigee
 * and apogee at every TLE epoch, the reboosts and lowering burns found in it, and the natural
 * decay between them. See docs/history.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Command } from 'commander';
import {
  decaySegmentJson,
  detectionRatesJson,
  detectManeuvers,
  HISTORY_ALTITUDE_REFERENCE,
  historyPointJson,
  ISS_SAMPLE_HISTORY_INFO,
  ISS_SAMPLE_HISTORY_TLE,
  maneuverJson,
  orbitHistory,
  parseTle,
  WGS72_EQUATORIAL_RADIUS_M,
  type DetectedManeuver,
  type MeanElements,
  type ManeuverDetection,
  type OrbitHistoryPoint,
  roundTo,
} from '@stationkeeper/core';
import { resolveDataDir, svgChart } from '@stationkeeper/runtime';
import { DATA_DIR_HELP } from '../context.js';
import { storedHistory } from '../storedHistory.js';
import { tleParsing } from '../util/checksum.js';
import { integerOption, numberOption, UsageError } from '../util/options.js';
import { fixed, formatTable } from '../util/table.js';

export interface HistoryCommandIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly readFile: (path: string) => string;
  readonly writeFile: (path: string, text: string) => void;
}

const defaultIo = (): HistoryCommandIo => ({
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  readFile: (p) => readFileSync(p, 'utf8'),
  writeFile: (p, t) => writeFileSync(p, t),
});

interface HistoryOpts {
  tle?: string;
  norad?: string;
  json?: boolean;
  plot?: string;
  threshold?: string;
  summary?: string;
  dataDir?: string;
}

const km = (m: number) => m / 1000;

/** The --tle file's text. */
function readHistoryText(io: HistoryCommandIo, path: string): string {
  try {
    return io.readFile(path);
  } catch (e) {
    throw new UsageError(`cannot read --tle ${path}: ${(e as Error).message}`);
  }
}

/**
 * The element sets: the --tle file; without it the sets of --norad (default the ISS) stored in the
 * data directory, else the embedded sample ISS history; the source is said on stderr.
 */
async function historySets(io: HistoryCommandIo, opts: HistoryOpts, noradId: number | undefined): Promise<{ records: MeanElements[]; name: string }> {
  if (opts.tle === undefined) {
    const norad = noradId ?? ISS_SAMPLE_HISTORY_INFO.noradId;
    const stored = await storedHistory(resolveDataDir({ dataDir: opts.dataDir }), norad);
    if (stored) {
      io.err(`note: no --tle: using ${stored.label}\n`);
      return { records: stored.elements, name: stored.elements[stored.elements.length - 1].objectName };
    }
    if (norad !== ISS_SAMPLE_HISTORY_INFO.noradId) throw new UsageError(`no element history of NORAD ${norad} in the data directory: pass --tle FILE (the embedded sample history is the ISS's, 25544)`);
    io.err(`note: no --tle: using the ${ISS_SAMPLE_HISTORY_INFO.label}\n`);
  }
  const text = opts.tle === undefined ? ISS_SAMPLE_HISTORY_TLE : readHistoryText(io, opts.tle);
  const parsed = parseTle(text, { fileName: opts.tle ?? 'embedded sample history', verifyChecksum: tleParsing.verifyChecksum });
  for (const e of parsed.errors.slice(0, 5)) io.err(`warning: ${formatParseError(e)}\n`);
  if (parsed.errors.length > 5) io.err(`warning: … and ${parsed.errors.length - 5} more bad element sets skipped\n`);
  if (parsed.records.length === 0) throw new UsageError(`no element sets in ${opts.tle}`);
  return { records: parsed.records, name: parsed.records[0]?.objectName || (opts.tle === undefined ? ISS_SAMPLE_HISTORY_INFO.objectName : '') };
}

export function registerHistory(program: Command, ioOverride?: Partial<HistoryCommandIo>): Command {
  const io: HistoryCommandIo = { ...defaultIo(), ...ioOverride };
  return program
    .command('history')
    .description('orbit history from element sets (a TLE file, or the embedded ISS history): mean/perigee/apogee altitude per epoch, reboosts and lowering burns, decay rate')
    .option('--tle <file>', 'TLE / 3LE file (one object, or choose one with --norad; default: the embedded sample ISS history 2021-01 … 2022-03)')
    .option('--norad <id>', 'NORAD catalogue number to use when the file holds several objects')
    .option('--json', 'print JSON with every epoch instead of the summary tables')
    .option('--plot <file.svg>', 'write an altitude-vs-time SVG chart with the manoeuvres marked')
    .option('--threshold <sigma>', 'detection threshold in standard deviations of the measured TLE noise (default 10)')
    .option('--summary <period>', 'rows of the epoch table: day, week or month (default: week, or day under 60 days)')
    .option('--data-dir <dir>', `${DATA_DIR_HELP}; without --tle its stored element sets of --norad (ingested through the API) are used when it has them`)
    .action(async (opts: HistoryOpts) => {
      const noradId = integerOption('--norad', opts.norad, { min: 1 });
      const thresholdSigma = numberOption('--threshold', opts.threshold, { min: 1, max: 1000 });
      if (opts.summary !== undefined && !['day', 'week', 'month'].includes(opts.summary)) {
        throw new UsageError(`--summary must be day, week or month, got ${JSON.stringify(opts.summary)}`);
      }
      const sets = await historySets(io, opts, noradId);
      const history = orbitHistory(sets.records, { noradId });
      const detection = detectManeuvers(history, thresholdSigma !== undefined ? { thresholdSigma } : {});
      if (opts.plot) io.writeFile(opts.plot, historyChartSvg(history, detection, sets.name));
      if (opts.json) {
        io.out(JSON.stringify(historyJson(history, detection), null, 2) + '\n');
      } else {
        io.out(renderSummary(history, detection, (opts.summary as Period | undefined) ?? defaultPeriod(history)));
      }
      if (opts.plot) io.err(`wrote ${opts.plot}\n`);
    });
}

function formatParseError(e: unknown): string {
  const f = e as { message?: string; line?: number; fileName?: string };
  return f.message ?? String(e);
}

type Period = 'day' | 'week' | 'month';

function defaultPeriod(history: readonly OrbitHistoryPoint[]): Period {
  if (history.length < 2) return 'day';
  const days = history[history.length - 1].epoch.secondsSince(history[0].epoch) / 86400;
  return days <= 60 ? 'day' : days <= 730 ? 'week' : 'month';
}

function isoDate(p: { epoch: OrbitHistoryPoint['epoch'] }): string {
  return p.epoch.toIsoUtc(0).slice(0, 10);
}

/** The epoch table grouped by day/week/month (medians), then the events and the decay arcs. */
export function renderSummary(history: readonly OrbitHistoryPoint[], d: ManeuverDetection, period: Period): string {
  const lines: string[] = [];
  const first = history[0];
  const last = history[history.length - 1];
  lines.push(
    `NORAD ${first.noradId}: ${history.length} element sets (repeated epochs removed), ${isoDate(first)} … ${isoDate(last)}`,
    `Altitudes are mean (Brouwer) values above the WGS-72 equatorial radius (${WGS72_EQUATORIAL_RADIUS_M / 1000} km): a − R, a(1−e) − R, a(1+e) − R.`,
    '',
  );
  const groups = new Map<string, OrbitHistoryPoint[]>();
  for (const p of history) {
    const key = periodKey(p, period);
    const g = groups.get(key);
    if (g) g.push(p);
    else groups.set(key, [p]);
  }
  const rows = [...groups.entries()].map(([key, ps]) => [
    key,
    ps.length,
    fixed(km(median(ps.map((p) => p.meanAltitudeM))), 2),
    fixed(km(median(ps.map((p) => p.perigeeAltitudeM))), 2),
    fixed(km(median(ps.map((p) => p.apogeeAltitudeM))), 2),
    fixed(km(Math.max(...ps.map((p) => p.meanAltitudeM)) - Math.min(...ps.map((p) => p.meanAltitudeM))), 2),
  ]);
  lines.push(`Per ${period} (medians; --json gives every epoch):`);
  lines.push(formatTable([period === 'day' ? 'date' : period === 'week' ? 'week from' : 'month', 'sets', 'mean alt km', 'perigee km', 'apogee km', 'spread km'], rows));
  lines.push('');
  lines.push(`Manoeuvres (threshold ${d.options.thresholdSigma}σ of the measured TLE noise, σ = ${fixed(d.noiseSigmaM, 1)} m):`);
  if (d.maneuvers.length === 0) lines.push('  none found');
  else {
    lines.push(
      formatTable(
        ['kind', 'window start UTC', 'window end UTC', 'Δa km', '±1σ km', 'Δv m/s', 'mean alt after km'],
        d.maneuvers.map((m) => [
          m.kind === 'raise' ? 'reboost' : 'lowering',
          m.windowStart.toIsoUtc(0).replace('T', ' ').replace('Z', ''),
          m.windowEnd.toIsoUtc(0).replace('T', ' ').replace('Z', ''),
          fixed(km(m.deltaSemiMajorAxisM), 3),
          fixed(km(m.deltaSemiMajorAxisSigmaM), 3),
          fixed(m.deltaVMPerS, 2),
          fixed(km(m.semiMajorAxisAfterM - WGS72_EQUATORIAL_RADIUS_M), 2),
        ]),
      ),
    );
    lines.push('  The burn lies between the two element-set epochs of its window (a TLE issued just after a burn may still show the old orbit).');
  }
  lines.push('');
  lines.push(`Natural decay between manoeuvres (duration-weighted median ${fixed(d.decayRateMPerDay, 1)} m/day):`);
  lines.push(
    formatTable(
      ['from', 'to', 'sets', 'mean alt km', 'decay m/day'],
      d.decaySegments.map((s) => [isoDate({ epoch: s.start }), isoDate({ epoch: s.end }), s.points, fixed(km(s.meanAltitudeM), 2), fixed(s.decayRateMPerDay, 1)]),
    ),
  );
  return lines.join('\n') + '\n';
}

function periodKey(p: OrbitHistoryPoint, period: Period): string {
  if (period === 'day') return isoDate(p);
  if (period === 'month') return isoDate(p).slice(0, 7);
  // Weeks start on Mondays (MJD 0 was a Wednesday, so MJD − 5 ≡ 0 mod 7 on Mondays).
  const mjd = Math.floor(p.epoch.utcMjd());
  const monday = mjd - ((((mjd - 5) % 7) + 7) % 7);
  const e = p.epoch.plusSeconds((monday - p.epoch.utcMjd()) * 86400 + 1);
  return e.toIsoUtc(0).slice(0, 10);
}

function median(values: number[]): number {
  const v = [...values].sort((a, b) => a - b);
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : 0.5 * (v[m - 1] + v[m]);
}

/** JSON for --json: snake_case keys with units in their names. */
export function historyJson(history: readonly OrbitHistoryPoint[], d: ManeuverDetection) {
  const maneuver = (m: DetectedManeuver) => ({
    ...maneuverJson(m),
    a_before_km: roundTo(km(m.semiMajorAxisBeforeM), 4),
    a_after_km: roundTo(km(m.semiMajorAxisAfterM), 4),
    merged_jumps: m.mergedJumps,
  });
  return {
    norad: history[0]?.noradId ?? null,
    altitude_reference: HISTORY_ALTITUDE_REFERENCE,
    points: history.map(historyPointJson),
    maneuvers: d.maneuvers.map(maneuver),
    decay_segments: d.decaySegments.map(decaySegmentJson),
    ...detectionRatesJson(d),
    detection: {
      threshold_sigma: d.options.thresholdSigma,
      fit_points: d.options.fitPoints,
      merge_window_days: d.options.mergeWindowDays,
      settle_days: d.options.settleDays,
    },
  };
}

/**
 * y range from the 0.5 % quantile of perigee to the 99.5 % quantile of apogee, padded: a launch
 * orbit or a re-entry tail of a few sets would otherwise squash years of history into a line.
 * Points outside are clipped at the frame.
 */
function robustRange(history: readonly OrbitHistoryPoint[]): { min: number; max: number } {
  const q = (values: number[], f: number) => {
    const v = [...values].sort((a, b) => a - b);
    return v[Math.min(v.length - 1, Math.max(0, Math.round(f * (v.length - 1))))];
  };
  const lo = km(q(history.map((p) => p.perigeeAltitudeM), 0.005));
  const hi = km(q(history.map((p) => p.apogeeAltitudeM), 0.995));
  const pad = Math.max(0.5, 0.06 * (hi - lo));
  return { min: lo - pad, max: hi + 2 * pad };
}

/** Altitude-vs-time chart: mean altitude, perigee and apogee, reboosts ▲ and lowerings ▼. */
export function historyChartSvg(history: readonly OrbitHistoryPoint[], d: ManeuverDetection, objectName: string): string {
  const x = history.map((p) => p.epoch.utcMjd());
  const R = WGS72_EQUATORIAL_RADIUS_M;
  const mid = (m: DetectedManeuver) => 0.5 * (m.windowStart.utcMjd() + m.windowEnd.utcMjd());
  const raises = d.maneuvers.filter((m) => m.kind === 'raise');
  const lowers = d.maneuvers.filter((m) => m.kind === 'lower');
  const label = (m: DetectedManeuver) => `${m.deltaVMPerS > 0 ? '+' : '−'}${Math.abs(m.deltaVMPerS).toFixed(2)} m/s`;
  const first = history[0];
  const last = history[history.length - 1];
  const name = objectName.trim() || `NORAD ${first.noradId}`;
  return svgChart({
    title: `${name}: mean altitude from TLEs, ${isoDate(first)} – ${isoDate(last)}`,
    subtitle: `${d.maneuvers.length} manoeuvres detected (Δv = v·Δa/2a); typical natural decay ${d.decayRateMPerDay.toFixed(0)} m/day (weighted median)`,
    widthPx: 1200,
    heightPx: 600,
    xAxis: { label: 'UTC date', type: 'utc-mjd' },
    yAxis: { label: 'altitude above WGS-72 equatorial radius (km)', ...robustRange(history) },
    series: [
      { label: 'apogee a(1+e) − R', x, y: history.map((p) => km(p.apogeeAltitudeM)), color: '#9ecae1', lineWidthPx: 1 },
      { label: 'mean a − R', x, y: history.map((p) => km(p.meanAltitudeM)), color: '#08519c', lineWidthPx: 1.8 },
      { label: 'perigee a(1−e) − R', x, y: history.map((p) => km(p.perigeeAltitudeM)), color: '#fdae6b', lineWidthPx: 1 },
    ],
    markers: [
      { label: 'reboost (Δv)', shape: 'triangle-up', color: '#238b45', x: raises.map(mid), y: raises.map((m) => km(m.semiMajorAxisAfterM - R)), texts: raises.map(label) },
      { label: 'lowering (Δv)', shape: 'triangle-down', color: '#cb181d', x: lowers.map(mid), y: lowers.map((m) => km(m.semiMajorAxisAfterM - R)), texts: lowers.map(label) },
    ],
    legend: 'auto',
  });
}
