/**
 * `stationkeeper screen`: conjunction screening of a station (or every pair, --all-vs-all) against
 * a catalogue of element sets, each object propagated with SGP4 from its own set. Thin: options →
 * core ParallelScreener → table / JSON / CSV. Method and guarantees: docs/screening.md.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Command } from 'commander';
import { Epoch, parseElements, type CloseApproach, type ElementSetRecord, type ScreeningResult, roundTo } from '@stationkeeper/core';
import { ACTIVE_CATALOG_PATH, optionalDataFile, ParallelScreener, resolveDataDir } from '@stationkeeper/runtime';
import { DATA_DIR_HELP } from '../context.js';
import { tleParsing } from '../util/checksum.js';
import { runScreenOnQueue } from './screenQueue.js';
import { UsageError, epochOption, integerOption, numberOption } from '../util/options.js';
import { fixed, formatTable, printJson } from '../util/table.js';

interface ScreenOpts {
  primary?: string;
  catalog?: string;
  start?: string;
  days?: string;
  thresholdKm?: string;
  stepS?: string;
  allVsAll?: boolean;
  json?: boolean;
  csv?: boolean;
  workers?: string;
  queue?: string;
  dataDir?: string;
  checksum?: boolean;
}

/** Element sets this far (days, median) from the start draw a warning: SGP4 errors grow by km per day. */
const STALE_DAYS = 3;

export interface ScreenConjunctionRow {
  primary_norad: number;
  primary_name: string;
  secondary_norad: number;
  secondary_name: string;
  tca_utc: string;
  miss_km: number;
  radial_km: number;
  in_track_km: number;
  cross_track_km: number;
  relative_speed_km_s: number;
}

export interface ScreenReport {
  mode: 'primary' | 'all-vs-all';
  start_utc: string;
  end_utc: string;
  threshold_km: number;
  objects: number;
  conjunctions: ScreenConjunctionRow[];
  attached: { primary_norad: number; primary_name: string; secondary_norad: number; secondary_name: string; max_distance_km: number; min_distance_km: number }[];
  skipped: { norad: number; name: string; from_utc: string; reason: string }[];
}

export function registerScreen(program: Command): void {
  program
    .command('screen')
    .description('conjunction screening: every close approach of a station (or of every pair) in a catalogue, below a distance threshold')
    .option('--primary <norad>', 'catalogue number of the object to protect (e.g. 25544, the ISS)')
    .option('--all-vs-all', 'screen every pair of the catalogue instead of one primary')
    .option('--catalog <file>', `catalogue of element sets (TLE/3LE, OMM KVN/XML/JSON); default: the data directory's ${ACTIVE_CATALOG_PATH}`)
    .option('--start <iso>', 'start of the window, ISO 8601 UTC or "now" (default now)')
    .option('--days <n>', 'length of the window in days (default 7; 1 with --all-vs-all)')
    .option('--threshold-km <km>', 'report approaches closer than this (default 5)')
    .option('--step-s <s>', 'time-grid step in seconds (default 600 with --primary, 30 with --all-vs-all; at most 600)')
    .option('--json', 'machine-readable output')
    .option('--csv', 'conjunctions as CSV')
    .option('--workers <n>', `worker threads (default ${availableParallelism()}; 0 runs on the main thread)`)
    .option('--queue <url>', 'run the shards on `stationkeeper worker` processes through this Redis: redis://host:port[?name=queue]')
    .option('--data-dir <dir>', DATA_DIR_HELP)
    .action(async (opts: ScreenOpts) => {
      const report = await screen(opts);
      if (opts.json) printJson(jsonRows(report));
      else if (opts.csv) process.stdout.write(renderCsv(report));
      else process.stdout.write(renderScreen(report) + '\n');
    });
}

/** The data directory's catalogue; a usage error naming the file and the fetch command when it is missing. */
function catalogFromDataDir(dataDirOption: string | undefined): string {
  const dataDir = resolveDataDir({ dataDir: dataDirOption });
  const path = optionalDataFile(dataDir, ACTIVE_CATALOG_PATH);
  if (!path) throw new UsageError(`--catalog <file> is required: the data directory has no ${ACTIVE_CATALOG_PATH} (run \`stationkeeper data fetch --only tle\`)`);
  return path;
}

/** The newest element set of each catalogue number, in file order. */
function newestPerObject(records: ElementSetRecord[]): ElementSetRecord[] {
  const best = new Map<number, number>();
  records.forEach((r, k) => {
    const b = best.get(r.noradId);
    if (b === undefined || r.epoch.isAfter(records[b].epoch)) best.set(r.noradId, k);
  });
  return records.filter((r, k) => best.get(r.noradId) === k);
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.floor(s.length / 2)];
}

export async function screen(opts: ScreenOpts): Promise<ScreenReport> {
  if (opts.json && opts.csv) throw new UsageError('--json and --csv exclude each other');
  const allVsAll = opts.allVsAll === true;
  const primaryId = integerOption('--primary', opts.primary, { min: 0, max: 339999 });
  if (allVsAll && primaryId !== undefined) throw new UsageError('--primary and --all-vs-all exclude each other');
  if (!allVsAll && primaryId === undefined) throw new UsageError('--primary <norad> is required (or --all-vs-all)');
  const catalog = opts.catalog ?? catalogFromDataDir(opts.dataDir);
  /** Named in messages: the file given, or the data directory's file by its relative name. */
  const label = opts.catalog ?? ACTIVE_CATALOG_PATH;
  const start = epochOption('--start', opts.start) ?? Epoch.now();
  const days = numberOption('--days', opts.days, { min: 1 / 1440, max: 60 }) ?? (allVsAll ? 1 : 7);
  const thresholdKm = numberOption('--threshold-km', opts.thresholdKm, { min: 0.001, max: 1000 }) ?? 5;
  const stepSeconds = numberOption('--step-s', opts.stepS, { min: 1, max: 600 });
  const workers = integerOption('--workers', opts.workers, { min: 0, max: 256 }) ?? availableParallelism();

  let text: string;
  try {
    text = readFileSync(catalog, 'utf8');
  } catch (e) {
    throw new UsageError(`--catalog: cannot read ${label}: ${(e as Error).message}`);
  }
  const parsed = parseElements(text, { fileName: label, verifyChecksum: tleParsing.verifyChecksum });
  if (parsed.errors.length > 0) {
    process.stderr.write(`warning: ${parsed.errors.length} element set(s) of ${label} could not be read and are left out (first: ${parsed.errors[0].message})\n`);
  }
  const objects = newestPerObject(parsed.records);
  if (objects.length === 0) throw new UsageError(`--catalog: no element set in ${label}`);
  const primary = primaryId === undefined ? undefined : objects.findIndex((r) => r.noradId === primaryId);
  if (primary === -1) throw new UsageError(`--primary: object ${primaryId} is not in ${label}`);

  const ageDays = median(objects.map((r) => Math.abs(r.epoch.secondsSince(start)) / 86400));
  if (ageDays > STALE_DAYS) {
    process.stderr.write(
      `warning: the catalogue's element sets are ${fixed(ageDays, 1)} days (median) from the start ${start.toIsoUtc(0)}; ` +
        'SGP4 predictions degrade by kilometres per day, so the screening describes the catalogue, not the sky. Pass --start near the epochs.\n',
    );
  }
  if (primary !== undefined) {
    const pAge = Math.abs(objects[primary].epoch.secondsSince(start)) / 86400;
    if (pAge > STALE_DAYS) process.stderr.write(`warning: the primary's element set is ${fixed(pAge, 1)} days from the start\n`);
  }

  const durationSeconds = days * 86400;
  const options = { start, durationSeconds, thresholdKm, primary, stepSeconds };
  let result: ScreeningResult;
  if (opts.queue !== undefined) result = await runScreenOnQueue({ sources: objects, options }, opts.queue);
  else {
    const screener = await ParallelScreener.create(objects, start, { workers });
    try {
      result = await screener.screen(options);
    } finally {
      await screener.close();
    }
  }
  return report(result, objects, start, durationSeconds, thresholdKm, allVsAll);
}

/**
 * `--json`: one array. Each conjunction is an object with `attached: false`; each vehicle docked
 * to the primary (it carries the station's own elements) appears once with `attached: true`, its
 * closest and farthest distance over the first orbit, and no TCA. Objects SGP4 could not follow
 * are counted on stderr.
 */
export function jsonRows(r: ScreenReport): Record<string, unknown>[] {
  if (r.skipped.length > 0) process.stderr.write(`note: ${r.skipped.length} object(s) skipped (decayed or unusable elements); the table output lists them\n`);
  return [
    ...r.conjunctions.map((c) => ({ ...c, attached: false })),
    ...r.attached.map((a) => ({ ...a, attached: true, tca_utc: null })),
  ];
}

function report(r: ScreeningResult, objects: ElementSetRecord[], start: Epoch, durationSeconds: number, thresholdKm: number, allVsAll: boolean): ScreenReport {
  const row = (a: CloseApproach): ScreenConjunctionRow => ({
    primary_norad: objects[a.object1].noradId,
    primary_name: objects[a.object1].objectName,
    secondary_norad: objects[a.object2].noradId,
    secondary_name: objects[a.object2].objectName,
    tca_utc: start.plusSeconds(a.tcaSeconds).toIsoUtc(3),
    miss_km: roundTo(a.missKm, 4),
    radial_km: roundTo(a.radialKm, 4),
    in_track_km: roundTo(a.inTrackKm, 4),
    cross_track_km: roundTo(a.crossTrackKm, 4),
    relative_speed_km_s: roundTo(a.relativeSpeedKmS, 4),
  });
  return {
    mode: allVsAll ? 'all-vs-all' : 'primary',
    start_utc: start.toIsoUtc(3),
    end_utc: start.plusSeconds(durationSeconds).toIsoUtc(3),
    threshold_km: thresholdKm,
    objects: objects.length,
    conjunctions: r.approaches.map(row),
    attached: r.attached.map((a) => ({
      primary_norad: objects[a.object1].noradId,
      primary_name: objects[a.object1].objectName,
      secondary_norad: objects[a.object2].noradId,
      secondary_name: objects[a.object2].objectName,
      max_distance_km: roundTo(a.maxDistanceKm, 3),
      min_distance_km: roundTo(a.minDistanceKm, 3),
    })),
    skipped: r.skipped.map((s) => ({
      norad: objects[s.object].noradId,
      name: objects[s.object].objectName,
      from_utc: start.plusSeconds(s.fromSeconds).toIsoUtc(0),
      reason: s.reason,
    })),
  };
}

const CSV_COLUMNS: (keyof ScreenConjunctionRow)[] = [
  'primary_norad', 'primary_name', 'secondary_norad', 'secondary_name', 'tca_utc', 'miss_km', 'radial_km', 'in_track_km', 'cross_track_km', 'relative_speed_km_s',
];

function csvCell(v: string | number): string {
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function renderCsv(r: ScreenReport): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const c of r.conjunctions) lines.push(CSV_COLUMNS.map((k) => csvCell(c[k])).join(','));
  return lines.join('\n') + '\n';
}

export function renderScreen(r: ScreenReport): string {
  const out: string[] = [];
  const who = r.mode === 'primary' && r.conjunctions.length + r.attached.length > 0 ? ` for ${(r.conjunctions[0] ?? r.attached[0]).primary_name}` : '';
  out.push(`Screening${who}: ${r.objects} objects, ${r.start_utc} – ${r.end_utc}, threshold ${r.threshold_km} km`);
  if (r.conjunctions.length === 0) out.push('  no close approach below the threshold');
  else {
    out.push(
      formatTable(
        ['TCA (UTC)', ...(r.mode === 'all-vs-all' ? ['object 1'] : []), 'object', 'miss km', 'radial', 'in-track', 'cross-track', 'v_rel km/s'],
        r.conjunctions.map((c) => [
          c.tca_utc,
          ...(r.mode === 'all-vs-all' ? [`${c.primary_norad} ${c.primary_name}`] : []),
          `${c.secondary_norad} ${c.secondary_name}`,
          fixed(c.miss_km, 3),
          fixed(c.radial_km, 3),
          fixed(c.in_track_km, 3),
          fixed(c.cross_track_km, 3),
          fixed(c.relative_speed_km_s, 3),
        ]),
      ),
    );
  }
  if (r.attached.length > 0) {
    out.push(`attached (fly with ${r.mode === 'primary' ? 'the primary' : 'each other'} within 25 km over an orbit; not screened):`);
    for (const a of r.attached) {
      out.push(`  ${a.primary_norad} ${a.primary_name} + ${a.secondary_norad} ${a.secondary_name}  (${fixed(a.min_distance_km, 1)}–${fixed(a.max_distance_km, 1)} km)`);
    }
  }
  if (r.skipped.length > 0) out.push(`${r.skipped.length} object(s) without a usable SGP4 state for part of the window (decayed or stale elements); --json lists them`);
  return out.join('\n');
}
