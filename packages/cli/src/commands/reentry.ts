/**
 * `stationkeeper reentry --tle FILE [--norad N] [--as-of ISO] [--mc N] [--seed S] [--json] [--plot out.svg]`:
 * when will an object re-enter, with a 5–95 % window from a Monte Carlo ensemble, using only what
 * was known at --as-of (TLEs with epoch ≤ as-of; space weather observed to the day before, then
 * forecast). See docs/reentry.md.
 */
import { randomInt } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import cliProgress from 'cli-progress';
import { Command } from 'commander';
import {
  Epoch,
  finalGroundTrack,
  ISS_SAMPLE_HISTORY_INFO,
  ISS_SAMPLE_HISTORY_TLE,
  parseTle,
  prepareReentryPrediction,
  ReentryInputError,
  runReentryEnsemble,
  summariseEnsemble,
  type EnsembleSummary,
  type FinalGroundTrack,
  type MeanElements,
  type MemberResult,
  type ReentryEnsembleInput,
  type ReentryPreparation,
  type ReentryPreparationOptions,
  roundFixed,
} from '@stationkeeper/core';
import { loadAtmosphere, loadSpaceWeather, resolveDataDir, runReentryEnsembleParallel, svgChart } from '@stationkeeper/runtime';
import { DATA_DIR_HELP } from '../context.js';
import { tleParsing } from '../util/checksum.js';
import { epochOption, integerOption, numberOption, UsageError } from '../util/options.js';
import { fixed, formatTable } from '../util/table.js';

export interface ReentryCommandIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly readFile: (path: string) => string;
  readonly writeFile: (path: string, text: string) => void;
  /** Show a progress bar (default: when stderr is a terminal). */
  readonly progress: boolean;
}

export const defaultReentryIo = (): ReentryCommandIo => ({
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  readFile: (p) => readFileSync(p, 'utf8'),
  writeFile: (p, t) => writeFileSync(p, t),
  progress: Boolean(process.stderr.isTTY),
});

/**
 * Element sets of one object from a TLE file; bad records are warned about, never silently used.
 * No file: the embedded sample ISS history (2021-01 … 2022-03), said on stderr.
 */
export function loadHistory(io: ReentryCommandIo, path: string | undefined, norad: number | undefined): MeanElements[] {
  if (path === undefined) {
    if (norad !== undefined && norad !== ISS_SAMPLE_HISTORY_INFO.noradId) throw new UsageError(`--tle is required for NORAD ${norad} (the embedded sample history is the ISS's, 25544)`);
    io.err(`note: no --tle: using the ${ISS_SAMPLE_HISTORY_INFO.label}\n`);
    return parseTle(ISS_SAMPLE_HISTORY_TLE, { fileName: 'embedded sample history' }).records;
  }
  let text: string;
  try {
    text = io.readFile(path);
  } catch (e) {
    throw new UsageError(`cannot read --tle ${path}: ${(e as Error).message}`);
  }
  const parsed = parseTle(text, { fileName: path, verifyChecksum: tleParsing.verifyChecksum });
  for (const e of parsed.errors.slice(0, 3)) io.err(`warning: ${(e as Error).message}\n`);
  if (parsed.errors.length > 3) io.err(`warning: … and ${parsed.errors.length - 3} more bad element sets skipped\n`);
  if (parsed.records.length === 0) throw new UsageError(`no element sets in ${path}`);
  const ids = new Set(parsed.records.map((r) => r.noradId));
  if (norad === undefined && ids.size > 1) throw new UsageError(`${path} holds ${ids.size} objects (NORAD ${[...ids].slice(0, 5).join(', ')}): pick one with --norad`);
  const mine = norad === undefined ? parsed.records : parsed.records.filter((r) => r.noradId === norad);
  if (mine.length === 0) throw new UsageError(`${path}: no element set for NORAD ${norad}`);
  return mine;
}

/**
 * SW-All.csv and the NRLMSISE-00 coefficients from the data directory; where it has none, the
 * solar-cycle model (with a note on stderr) and the coefficient table shipped in the package.
 */
export function loadModelData(io: ReentryCommandIo, dataDirOption: string | undefined) {
  const dataDir = resolveDataDir({ dataDir: dataDirOption });
  const sw = loadSpaceWeather(dataDir, { names: 'relative' });
  if (sw.note !== undefined) io.err(`note: ${sw.note}\n`);
  const msis = loadAtmosphere(dataDir);
  return { table: sw.table, msisCoefficients: msis.json, atmosphere: msis.model };
}

/** Prepare, refusing bad input with the reason. */
export function prepareOrExplain(history: MeanElements[], options: ReentryPreparationOptions): ReentryPreparation {
  try {
    return prepareReentryPrediction(history, options);
  } catch (e) {
    if (e instanceof ReentryInputError) throw new UsageError(`cannot predict (${e.code}): ${e.message}`);
    throw e;
  }
}

/** Run the ensemble with a progress bar; workers = 1 runs in this thread. */
export async function runWithProgress(io: ReentryCommandIo, input: ReentryEnsembleInput, workers: number | undefined): Promise<MemberResult[]> {
  const bar = io.progress
    ? new cliProgress.SingleBar({ stream: process.stderr, hideCursor: true, clearOnComplete: true, format: 'ensemble {bar} {value}/{total} members | ETA {eta_formatted}' })
    : undefined;
  bar?.start(input.members, 0);
  const onProgress = (done: number) => bar?.update(done);
  try {
    return workers === 1 ? await runReentryEnsemble(input, { onProgress }) : await runReentryEnsembleParallel(input, { workers, onProgress });
  } finally {
    bar?.stop();
  }
}

interface ReentryOpts {
  tle?: string;
  norad?: string;
  asOf?: string;
  mc?: string;
  seed?: string;
  workers?: string;
  json?: boolean;
  plot?: string;
  dataDir?: string;
  perfectKnowledge?: boolean;
}

const iso = (e: Epoch | undefined) => (e ? e.toIsoUtc(0) : null);
const REENTRY_DEFINITION = '80 km mean altitude a − R⊕ of the orbit-averaged model (within about one revolution of the 80 km geodetic crossing)';

export function registerReentry(program: Command, ioOverride?: Partial<ReentryCommandIo>): Command {
  const io: ReentryCommandIo = { ...defaultReentryIo(), ...ioOverride };
  return program
    .command('reentry')
    .description('predict the re-entry of a decaying object from its TLE history, with a 5–95 % window from a Monte Carlo ensemble (data up to --as-of only)')
    .option('--tle <file>', 'TLE / 3LE history of the object (default: the embedded sample ISS history 2021-01 … 2022-03)')
    .option('--norad <id>', 'NORAD catalogue number when the file holds several objects')
    .option('--as-of <iso>', 'predict as of this UTC time, using no TLE or space weather observed later (default: the last TLE epoch)')
    .option('--mc <n>', 'ensemble members (default 200)')
    .option('--seed <n>', 'random seed; the same seed gives the same ensemble (default: random, printed)')
    .option('--workers <n>', 'worker threads (default: all cores; 1 runs in the main thread)')
    .option('--json', 'print JSON')
    .option('--plot <file.svg>', 'write the cumulative distribution of the predicted re-entry time')
    .option('--perfect-knowledge', 'HINDCAST ONLY: use the observed space weather after --as-of too (not a forecast; labelled in the output)')
    .option('--data-dir <dir>', DATA_DIR_HELP)
    .action(async (opts: ReentryOpts) => {
      const norad = integerOption('--norad', opts.norad, { min: 1 });
      const members = integerOption('--mc', opts.mc, { min: 1, max: 100000 }) ?? 200;
      const seed = integerOption('--seed', opts.seed, { min: 0, max: 2 ** 31 - 1 }) ?? randomInt(2 ** 31 - 1);
      const workers = integerOption('--workers', opts.workers, { min: 1, max: 256 });
      const history = loadHistory(io, opts.tle, norad);
      let asOf = epochOption('--as-of', opts.asOf);
      if (!asOf) asOf = history.reduce((p, r) => (r.epoch.isAfter(p) ? r.epoch : p), history[0].epoch);
      const { table, msisCoefficients } = loadModelData(io, opts.dataDir);
      const prep = prepareOrExplain(history, { asOf, noradId: norad, spaceWeatherTable: table, msisCoefficients, members, seed, perfectKnowledge: opts.perfectKnowledge });
      const results = await runWithProgress(io, prep.input, workers);
      const summary = summariseEnsemble(prep.input, results);
      // Ground track of the final orbits when re-entry is due within 3 days.
      let track: FinalGroundTrack | undefined;
      if (summary.p05 && summary.p95 && summary.median && summary.median.secondsSince(asOf) < 3 * 86400) {
        const target = summary.p95Days;
        let best = results[0];
        for (const r of results) if (r.reentered && Math.abs(r.lifetimeDays - target) < Math.abs(best.lifetimeDays - target)) best = r;
        const start = summary.p05.plusSeconds(-2 * 3600);
        track = finalGroundTrack(prep.input, best.member, start.isBefore(asOf) ? asOf : start, summary.p95.plusSeconds(600), summary.p05, summary.p95);
      }
      const json = reentryJson(prep, summary, track, seed, opts.perfectKnowledge === true);
      if (opts.plot) {
        io.writeFile(opts.plot, reentryCdfSvg(prep, results, summary, opts.perfectKnowledge === true));
        io.err(`wrote ${opts.plot}\n`);
      }
      if (opts.json) io.out(JSON.stringify(json, null, 2) + '\n');
      else io.out(renderReentry(prep, summary, track, seed, opts.perfectKnowledge === true));
    });
}

export function reentryJson(prep: ReentryPreparation, s: EnsembleSummary, track: FinalGroundTrack | undefined, seed: number, perfect: boolean) {
  const input = prep.input;
  const sw = input.spaceWeather;
  return {
    norad: input.noradId ?? null,
    as_of_utc: iso(Epoch.fromTai(input.asOf.taiMjdDay, input.asOf.taiSecondsOfDay)),
    reentry_epoch_utc: iso(s.median),
    window_p05_utc: iso(s.p05),
    window_p95_utc: iso(s.p95),
    reentry_definition: REENTRY_DEFINITION,
    reentry_altitude_km: (input.reentryAltitudeM ?? 80e3) / 1e3,
    ballistic_coefficient_kg_m2: input.ballisticCoefficientKgPerM2,
    ballistic_coefficient_sigma_kg_m2: input.ballisticSigmaKgPerM2,
    ballistic_coefficient_source: prep.ballisticSource,
    members: s.members,
    members_reentered: s.reenteredMembers,
    seed,
    lifetime_days: { p05: finiteOrNull(s.p05Days), median: finiteOrNull(s.medianDays), p95: finiteOrNull(s.p95Days), from_utc: iso(Epoch.fromTai(input.initial.epoch.taiMjdDay, input.initial.epoch.taiSecondsOfDay)) },
    space_weather:
      sw.mode === 'forecast'
        ? { mode: 'as-of forecast', source: sw.snapshot.source, observed_through_utc_date: isoDate(sw.snapshot.cutMjd), forecast: 'persistence relaxing to the solar-cycle model, lognormal member factors (docs/reentry.md)' }
        : { mode: 'PERFECT KNOWLEDGE (observed after as-of; hindcast only, not a forecast)', source: sw.table.fileName },
    perfect_knowledge: perfect,
    tle: { used: prep.usedElementSets, last_epoch_utc: iso(prep.lastElementEpoch), ignored_after_as_of: prep.ignoredAfterAsOf, repeated_epochs: prep.duplicateEpochs },
    ground_track: track
      ? {
          member: track.member,
          latitude_band_deg: [track.latitudeBand.minDeg, track.latitudeBand.maxDeg],
          whole_orbit: track.wholeOrbit,
          period_min: track.periodMin,
          points: track.points.map((p) => ({ t_utc: p.epoch.toIsoUtc(0), lat_deg: roundFixed(p.latitudeDeg, 3), lon_deg: roundFixed(p.longitudeDeg, 3), alt_km: roundFixed(p.altitudeKm, 2) })),
        }
      : null,
    warnings: prep.warnings,
  };
}

const finiteOrNull = (x: number) => (Number.isFinite(x) ? x : null);

function isoDate(mjd: number): string {
  return Epoch.fromUtcMjd(mjd).toIsoUtc(0).slice(0, 10);
}

export function renderReentry(prep: ReentryPreparation, s: EnsembleSummary, track: FinalGroundTrack | undefined, seed: number, perfect: boolean): string {
  const j = reentryJson(prep, s, track, seed, perfect);
  const lines: string[] = [];
  if (perfect) lines.push('*** PERFECT-KNOWLEDGE HINDCAST: observed space weather after the as-of date is used; this is not a forecast ***', '');
  lines.push(`NORAD ${j.norad}, as of ${j.as_of_utc}`);
  lines.push(`  data: ${j.tle.used} element sets up to ${j.tle.last_epoch_utc} (${j.tle.ignored_after_as_of} later ones ignored); space weather ${j.space_weather.mode}${'observed_through_utc_date' in j.space_weather ? `, observed through ${j.space_weather.observed_through_utc_date}` : ''}`);
  lines.push(`  ballistic coefficient m/(Cd·A) = ${fixed(j.ballistic_coefficient_kg_m2, 2)} ± ${fixed(j.ballistic_coefficient_sigma_kg_m2, 2)} kg/m² (${j.ballistic_coefficient_source})`);
  lines.push('');
  lines.push(`Re-entry (${REENTRY_DEFINITION}), ${j.members} members, seed ${seed}:`);
  lines.push(
    formatTable(
      ['', 'UTC', 'days after last TLE'],
      [
        ['5 %', j.window_p05_utc ?? `after ${prep.input.maxYears ?? 30} years`, fixed(s.p05Days, 2)],
        ['median', j.reentry_epoch_utc ?? `after ${prep.input.maxYears ?? 30} years`, fixed(s.medianDays, 2)],
        ['95 %', j.window_p95_utc ?? `after ${prep.input.maxYears ?? 30} years`, fixed(s.p95Days, 2)],
      ],
    ),
  );
  if (s.reenteredMembers < s.members) lines.push(`  ${s.members - s.reenteredMembers} member(s) still in orbit after ${prep.input.maxYears ?? 30} years`);
  if (track) {
    lines.push('');
    const band = `${fixed(track.latitudeBand.minDeg, 1)}° … ${fixed(track.latitudeBand.maxDeg, 1)}°`;
    lines.push(
      track.wholeOrbit
        ? `Latitude band of possible re-entry: ${band} (the window spans a revolution of ${fixed(track.periodMin, 1)} min or more: anywhere along the orbit)`
        : `Latitude band of possible re-entry: ${band} (the ground track between the 5 % and 95 % times; debris falls further downrange)`,
    );
    const step = Math.max(1, Math.floor(track.points.length / 24));
    const rows = track.points.filter((_, k) => k % step === 0).map((p) => [p.epoch.toIsoUtc(0), fixed(p.latitudeDeg, 2), fixed(p.longitudeDeg, 2), fixed(p.altitudeKm, 1)]);
    lines.push('Ground track of the final orbits (--json has every 30 s):');
    lines.push(formatTable(['UTC', 'lat °', 'lon °', 'alt km'], rows));
  }
  if (prep.warnings.length > 0) {
    lines.push('');
    for (const w of prep.warnings) lines.push(`warning: ${w}`);
  }
  return lines.join('\n') + '\n';
}

function reentryCdfSvg(prep: ReentryPreparation, results: MemberResult[], s: EnsembleSummary, perfect: boolean): string {
  const start = Epoch.fromTai(prep.input.initial.epoch.taiMjdDay, prep.input.initial.epoch.taiSecondsOfDay).utcMjd();
  const days = results.filter((r) => r.reentered).map((r) => r.lifetimeDays).sort((p, q) => p - q);
  const x = days.map((d) => start + d);
  const y = days.map((_, k) => (k + 1) / results.length);
  const q = [s.p05, s.median, s.p95].filter((e): e is Epoch => e !== undefined).map((e) => e.utcMjd());
  return svgChart({
    title: `Re-entry of NORAD ${prep.input.noradId} as of ${iso(Epoch.fromTai(prep.input.asOf.taiMjdDay, prep.input.asOf.taiSecondsOfDay))}${perfect ? ' (PERFECT KNOWLEDGE)' : ''}`,
    subtitle: `${results.length} members; 80 km mean altitude; B = ${fixed(prep.input.ballisticCoefficientKgPerM2, 1)} ± ${fixed(prep.input.ballisticSigmaKgPerM2, 1)} kg/m²`,
    xAxis: { label: 'UTC', type: 'utc-mjd' },
    yAxis: { label: 'fraction of members re-entered', min: 0, max: 1 },
    series: [{ label: 'ensemble', x, y, style: 'line+markers', markerRadiusPx: 1.5 }],
    markers: [{ label: '5 % / median / 95 %', x: q, shape: 'vline', color: '#d62728' }],
  });
}

export { numberOption };
