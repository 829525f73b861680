/**
 * `stationkeeper propagate`: numerical propagation (Cowell, DOP853 by default) of a TLE/OMM
 * (initial state from SGP4, TEME → GCRF) or of a JSON state file, with the force models of a
 * configuration file (examples/forces/*.json); output a GCRF ephemeris as CSV or CCSDS OEM.
 * Gravity files, NRLMSISE-00 coefficients (else the embedded table) and SW-All.csv come from the data directory; a
 * missing one is named together with the `data fetch --only …` command that gets it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import cliProgress from 'cli-progress';
import { Command } from 'commander';
import {
  Epoch,
  formatOmmEpoch,
  NumericalPropagator,
  parseRunConfig,
  parseStateFile,
  stateFromMeanElements,
  stateToGcrf,
  writeOem,
  type Ephemeris,
  type OrbitState,
  type PropagationResult,
  type RunConfig,
  roundTo,
} from '@stationkeeper/core';
import { buildPropagator, MissingDataFileError, resolveDataDir, RunConfigError } from '@stationkeeper/runtime';
import { DATA_DIR_HELP, loadEop } from '../context.js';
import { loadElements } from '../elementsSource.js';
import { choiceOption, epochOption, integerOption, numberOption, UsageError } from '../util/options.js';

export interface PropagateOpts {
  tle?: string;
  state?: string;
  norad?: string;
  start?: string;
  config?: string;
  duration?: string;
  stepS?: string;
  massKg?: string;
  format?: string;
  out?: string;
  dataDir?: string;
  progress?: boolean;
}

/** Longest run accepted (a typo like 70000d should not start a week-long job). */
export const MAX_DURATION_S = 3660 * 86400;
/** Refuse ephemerides larger than this many rows. */
export const MAX_PROPAGATE_ROWS = 5_000_000;

export function registerPropagate(program: Command): void {
  program
    .command('propagate')
    .description('numerical propagation with configurable forces (gravity field, drag, Sun/Moon, SRP); GCRF ephemeris as CSV or CCSDS OEM')
    .option('--tle <file>', 'element sets (TLE/3LE, OMM); initial state from SGP4 at the element epoch (default: data directory, else the embedded ISS sample)')
    .option('--state <file>', 'JSON state {epoch, frame: GCRF|TEME|ITRF, r_km, v_km_s, mass_kg} instead of --tle')
    .option('--norad <n>', 'catalogue number of the object (with --tle)')
    .option('--start <iso>', 'start epoch for a TLE start (SGP4 state there; default: the element epoch)')
    .option('--config <file>', 'run configuration: forces, spacecraft mass, integrator (see examples/forces/)')
    .option('--duration <span>', 'how long to propagate: number with s, m, h or d (e.g. 90m, 7d)')
    .option('--step-s <s>', 'ephemeris output step in seconds', '60')
    .option('--mass-kg <kg>', 'spacecraft mass (overrides the configuration and the state file)')
    .option('--format <fmt>', 'csv or oem', 'csv')
    .option('--out <file>', 'write the ephemeris to a file instead of standard output')
    .option('--no-progress', 'no progress bar even on a terminal')
    .option('--data-dir <dir>', DATA_DIR_HELP)
    .action(async (opts: PropagateOpts) => {
      await runPropagate(opts, {
        stdout: (chunk) => process.stdout.write(chunk),
        stderr: process.stderr,
      });
    });
}

export interface PropagateIo {
  stdout(chunk: string): void;
  /** Where progress and the summary go; a bar is drawn only when it is a TTY. */
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

/** Parse `90m`, `7d`, `3600s`, `1.5h` or plain seconds. */
export function parseDuration(name: string, text: string | undefined): number {
  if (text === undefined) throw new UsageError(`${name} is required (e.g. 90m, 7d)`);
  const m = /^\s*(\d+(?:\.\d*)?|\.\d+)\s*([smhd]?)\s*$/i.exec(text);
  if (!m) throw new UsageError(`${name} must be a number with an optional unit s, m, h or d (e.g. 90m, 7d), got ${JSON.stringify(text)}`);
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2].toLowerCase() as '' | 's' | 'm' | 'h' | 'd'];
  const seconds = Number(m[1]) * unit;
  if (!(seconds > 0)) throw new UsageError(`${name} must be longer than 0, got ${JSON.stringify(text)}`);
  if (seconds > MAX_DURATION_S) throw new UsageError(`${name} must be at most 3660d, got ${JSON.stringify(text)}`);
  return seconds;
}

export interface PreparedRun {
  propagator: NumericalPropagator;
  initial: OrbitState;
  objectName: string;
  objectId: string;
  forceSummary: string[];
  config: RunConfig;
}

/**
 * Everything up to the propagation: configuration, initial state, and the propagator that
 * runtime's buildPropagator makes from the data directory's files.
 */
export async function prepareRun(opts: PropagateOpts): Promise<PreparedRun> {
  if (opts.tle !== undefined && opts.state !== undefined) throw new UsageError('give either --tle or --state, not both');
  if (opts.config === undefined) throw new UsageError('--config FILE is required (e.g. examples/forces/j2.json)');
  if (!existsSync(opts.config)) throw new UsageError(`--config: file not found: ${opts.config}`);
  const dataDir = resolveDataDir({ dataDir: opts.dataDir });
  let config: RunConfig;
  try {
    config = parseRunConfig(readFileSync(opts.config, 'utf8'), opts.config);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const eop = loadEop(dataDir);
  const massOverride = numberOption('--mass-kg', opts.massKg, { min: 1e-6 });
  const norad = integerOption('--norad', opts.norad, { min: 0, max: 339999 });
  const start = epochOption('--start', opts.start);

  let initial: OrbitState;
  let objectName: string;
  let objectId: string;
  if (opts.state !== undefined) {
    if (start) throw new UsageError('--start applies to --tle starts only (a state file carries its epoch)');
    if (!existsSync(opts.state)) throw new UsageError(`--state: file not found: ${opts.state}`);
    let content;
    try {
      content = parseStateFile(readFileSync(opts.state, 'utf8'), opts.state);
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    if (massOverride !== undefined) content.massKg = massOverride;
    initial = stateToGcrf(content, eop);
    objectName = content.objectName ?? basename(opts.state).replace(/\.json$/i, '');
    objectId = content.objectId ?? 'UNKNOWN';
  } else {
    const massKg = massOverride ?? config.massKg;
    if (massKg === undefined) throw new UsageError(`no spacecraft mass: set spacecraft.massKg in ${opts.config} or pass --mass-kg`);
    const { elements } = await loadElements({ tle: opts.tle, norad, dataDir, at: start });
    initial = stateFromMeanElements(elements, massKg, eop, start);
    objectName = elements.objectName || `NORAD ${elements.noradId}`;
    objectId = cosparId(elements.intlDesignator) ?? String(elements.noradId);
  }

  // Forces after the initial state: time-variable gravity terms are evaluated at its epoch.
  let built;
  try {
    built = buildPropagator(config, initial, dataDir, eop);
  } catch (e) {
    if (e instanceof MissingDataFileError) throw new UsageError(e.message);
    if (e instanceof RunConfigError) throw new UsageError(`${opts.config}: ${e.message}`);
    throw e;
  }
  return { propagator: built.propagator, initial, objectName, objectId, forceSummary: built.forceSummary, config: built.config };
}

export async function runPropagate(opts: PropagateOpts, io: PropagateIo): Promise<PropagationResult> {
  const format = choiceOption('--format', opts.format, ['csv', 'oem'] as const, 'csv');
  const durationS = parseDuration('--duration', opts.duration);
  const stepS = numberOption('--step-s', opts.stepS ?? '60', { min: 1e-3 })!;
  const rows = Math.floor(durationS / stepS) + 2;
  if (rows > MAX_PROPAGATE_ROWS) throw new UsageError(`${rows} rows requested; at most ${MAX_PROPAGATE_ROWS} (increase --step-s)`);
  const run = await prepareRun(opts);
  const end = run.initial.epoch.plusSeconds(durationS);

  const bar =
    opts.progress !== false && io.stderr.isTTY
      ? new cliProgress.SingleBar({
          stream: io.stderr,
          hideCursor: true,
          clearOnComplete: true,
          format: 'propagating {bar} {percentage}% | {simulated} of {total} | ETA {eta_formatted}',
        })
      : undefined;
  const totalText = formatSpan(durationS);
  bar?.start(1000, 0, { simulated: formatSpan(0), total: totalText });
  let result: PropagationResult;
  try {
    result = run.propagator.propagate(run.initial, end, {
      stepS,
      onProgress: bar ? (fraction, t) => bar.update(Math.round(fraction * 1000), { simulated: formatSpan(Math.abs(t)), total: totalText }) : undefined,
    });
  } finally {
    bar?.stop();
  }
  const eph = result.ephemeris!;
  const text = format === 'csv' ? ephemerisCsv(eph) : ephemerisOem(eph, run);
  if (opts.out !== undefined) writeFileSync(opts.out, text);
  else io.stdout(text);
  const s = result.stats;
  io.stderr.write(
    `propagated ${run.objectName} ${formatSpan(durationS)} from ${run.initial.epoch.toIsoUtc(3)} with ${run.forceSummary.join(', ')}: ` +
      `${s.steps} steps, ${s.evaluations} evaluations, ${s.wallSeconds.toFixed(2)} s` +
      (opts.out !== undefined ? `; wrote ${eph.tSeconds.length} states to ${opts.out}` : '') +
      '\n',
  );
  return result;
}

/** TLE designator 98067A → 1998-067A (the OEM's recommended OBJECT_ID form). */
export function cosparId(intl: string | undefined): string | undefined {
  const m = /^\s*(\d{2})(\d{3})([A-Z]{1,3})\s*$/.exec(intl ?? '');
  if (m) return `${Number(m[1]) >= 57 ? '19' : '20'}${m[1]}-${m[2]}${m[3]}`;
  if (/^\d{4}-\d{3}[A-Z]{1,3}$/.test(intl ?? '')) return intl;
  return undefined;
}

function ephemerisCsv(eph: Ephemeris): string {
  const out: string[] = ['epoch_utc,t_s,x_km,y_km,z_km,vx_km_s,vy_km_s,vz_km_s,mass_kg\n'];
  const p = eph.positionsM;
  const v = eph.velocitiesMps;
  for (let i = 0; i < eph.tSeconds.length; i++) {
    const k = 3 * i;
    out.push(
      `${formatOmmEpoch(eph.startEpoch.plusSeconds(eph.tSeconds[i]))}Z,${roundTo(eph.tSeconds[i], 6)},` +
        `${(p[k] / 1e3).toFixed(6)},${(p[k + 1] / 1e3).toFixed(6)},${(p[k + 2] / 1e3).toFixed(6)},` +
        `${(v[k] / 1e3).toFixed(9)},${(v[k + 1] / 1e3).toFixed(9)},${(v[k + 2] / 1e3).toFixed(9)},${roundTo(eph.massKg[i], 6)}\n`,
    );
  }
  return out.join('');
}

function ephemerisOem(eph: Ephemeris, run: PreparedRun): string {
  const epochs = Array.from(eph.tSeconds, (t) => eph.startEpoch.plusSeconds(t));
  return writeOem({
    version: '2.0',
    creationDate: Epoch.now(),
    originator: 'stationkeeper',
    comments: [
      'Numerical propagation (Cowell) by stationkeeper',
      `Forces: ${run.forceSummary.join(', ')}`,
      `Integrator: ${run.config.integrator.method}${run.config.integrator.rtol !== undefined ? ` rtol ${run.config.integrator.rtol}` : ''}`,
      'REF_FRAME GCRF: the integration frame (FK5 with IERS dPsi/dEps, <= 0.4 mas from IAU-2006 GCRS)',
    ],
    segments: [
      {
        metadata: {
          objectName: run.objectName,
          objectId: run.objectId,
          centerName: 'EARTH',
          refFrame: 'GCRF',
          timeSystem: 'UTC',
          startTime: epochs[0],
          stopTime: epochs[epochs.length - 1],
          interpolation: 'HERMITE',
          interpolationDegree: 7,
          comments: [`Mass at start ${run.initial.massKg} kg`],
        },
        dataComments: [],
        epochs,
        positionsM: eph.positionsM,
        velocitiesMps: eph.velocitiesMps,
      },
    ],
  });
}

function formatSpan(seconds: number): string {
  if (seconds >= 86400) return `${+(seconds / 86400).toFixed(2)} d`;
  if (seconds >= 3600) return `${+(seconds / 3600).toFixed(2)} h`;
  if (seconds >= 60) return `${+(seconds / 60).toFixed(1)} min`;
  return `${+seconds.toFixed(1)} s`;
}
