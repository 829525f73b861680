/**
 * `stationkeeper ephem`: an SGP4 ephemeris table in TEME, GCRF (IAU-76/FK5), ITRF or WGS-84
 * geodetic coordinates, as CSV or JSON, over an absolute span or minutes from the element epoch.
 */
import { Command } from 'commander';
import {
  earthOrientation,
  emptyEarthOrientation,
  emptyFk5Matrices,
  fk5Matrices,
  itrfToGeodetic,
  mulVec,
  Sgp4Propagator,
  temeToItrfInto,
  vec3,
  type EopSource,
  type Epoch,
  roundTo,
} from '@stationkeeper/core';
import { resolveDataDir } from '@stationkeeper/runtime';
import { DATA_DIR_HELP, loadEop } from '../context.js';
import { loadElements } from '../elementsSource.js';
import { choiceOption, epochOption, integerOption, numberOption, UsageError } from '../util/options.js';

export const EPHEM_FRAMES = ['teme', 'gcrf', 'itrf', 'geodetic'] as const;
export type EphemFrame = (typeof EPHEM_FRAMES)[number];
/** Refuse tables larger than this many rows (a typo in --step-s should not fill the disk). */
export const MAX_EPHEM_ROWS = 5_000_000;

interface EphemOpts {
  tle?: string;
  norad?: string;
  start?: string;
  stop?: string;
  fromMin?: string;
  toMin?: string;
  stepS?: string;
  frame?: string;
  format?: string;
  dataDir?: string;
}

export function registerEphem(program: Command): void {
  program
    .command('ephem')
    .description('SGP4 ephemeris in TEME, GCRF, ITRF or geodetic coordinates (CSV or JSON)')
    .option('--tle <file>', 'element sets (TLE/3LE, OMM KVN/XML/JSON); default: data directory, else the embedded ISS sample')
    .option('--norad <n>', 'catalogue number of the object')
    .option('--start <iso>', 'first epoch, ISO 8601 UTC')
    .option('--stop <iso>', 'last epoch, ISO 8601 UTC')
    .option('--from-min <min>', 'first time, minutes from the element epoch (instead of --start)')
    .option('--to-min <min>', 'last time, minutes from the element epoch (instead of --stop)')
    .option('--step-s <s>', 'step in seconds', '60')
    .option('--frame <frame>', `output frame: ${EPHEM_FRAMES.join(', ')}`, 'teme')
    .option('--format <fmt>', 'csv or json', 'csv')
    .option('--data-dir <dir>', DATA_DIR_HELP)
    .action(async (opts: EphemOpts) => {
      await ephem(opts, (chunk) => process.stdout.write(chunk));
    });
}

export async function ephem(opts: EphemOpts, write: (chunk: string) => void): Promise<void> {
  const frame = choiceOption('--frame', opts.frame, EPHEM_FRAMES, 'teme');
  const format = choiceOption('--format', opts.format, ['csv', 'json'] as const, 'csv');
  const stepS = numberOption('--step-s', opts.stepS ?? '60', { min: 1e-3 })!;
  const norad = integerOption('--norad', opts.norad, { min: 0, max: 339999 });
  const start = epochOption('--start', opts.start);
  const stop = epochOption('--stop', opts.stop);
  const fromMin = numberOption('--from-min', opts.fromMin);
  const toMin = numberOption('--to-min', opts.toMin);
  const absolute = start !== undefined || stop !== undefined;
  const relative = fromMin !== undefined || toMin !== undefined;
  if (absolute === relative) throw new UsageError('give either --start and --stop, or --from-min and --to-min');
  if (absolute && (!start || !stop)) throw new UsageError('--start and --stop go together');
  if (relative && (fromMin === undefined || toMin === undefined)) throw new UsageError('--from-min and --to-min go together');

  const dataDir = resolveDataDir({ dataDir: opts.dataDir });
  const { elements } = await loadElements({ tle: opts.tle, norad, dataDir, at: start });
  const propagator = Sgp4Propagator.fromElements(elements);
  const firstMin = absolute ? propagator.minutesSinceEpoch(start!) : fromMin!;
  const lastMin = absolute ? propagator.minutesSinceEpoch(stop!) : toMin!;
  if (lastMin < firstMin) throw new UsageError('the stop time is before the start time');
  const rows = Math.floor(((lastMin - firstMin) * 60) / stepS + 1e-9) + 1;
  if (rows > MAX_EPHEM_ROWS) throw new UsageError(`${rows} rows requested; at most ${MAX_EPHEM_ROWS} (increase --step-s)`);

  const eop = frame === 'teme' ? undefined : loadEop(dataDir);
  const rowWriter = makeRowWriter(frame, eop);
  const header =
    frame === 'geodetic'
      ? ['epoch_utc', 'tsince_min', 'lat_deg', 'lon_deg', 'alt_km']
      : ['epoch_utc', 'tsince_min', 'x_km', 'y_km', 'z_km', 'vx_km_s', 'vy_km_s', 'vz_km_s'];
  const state = new Float64Array(6);
  const batch: string[] = [];
  const flush = () => {
    if (batch.length) write(batch.join(''));
    batch.length = 0;
  };
  if (format === 'csv') batch.push(header.join(',') + '\n');
  else batch.push(`{"norad":${elements.noradId},"frame":"${frame}","columns":${JSON.stringify(header)},"rows":[\n`);
  for (let k = 0; k < rows; k++) {
    const tsinceMin = firstMin + (k * stepS) / 60;
    const epoch = elements.epoch.plusSeconds(tsinceMin * 60);
    propagator.propagateMinutes(tsinceMin, state);
    const values = rowWriter(epoch, state);
    const cells = [epoch.toIsoUtc(3), roundTo(tsinceMin, 6), ...values];
    if (format === 'csv') batch.push(cells.join(',') + '\n');
    else batch.push((k > 0 ? ',\n' : '') + JSON.stringify(cells));
    if (batch.length >= 2000) flush();
  }
  if (format === 'json') batch.push('\n]}\n');
  flush();
}

/** Converts one TEME state (km, km/s) to the output frame's numbers, reusing scratch buffers. */
function makeRowWriter(frame: EphemFrame, eop: EopSource | undefined): (epoch: Epoch, s: Float64Array) => number[] {
  const r = vec3();
  const v = vec3();
  const rOut = vec3();
  const vOut = vec3();
  const eo = emptyEarthOrientation();
  const fk5 = emptyFk5Matrices();
  const cart = (x: Float64Array, y: Float64Array) => [x[0], x[1], x[2], y[0], y[1], y[2]].map((n) => roundTo(n, 9));
  return (epoch, s) => {
    r.set(s.subarray(0, 3));
    v.set(s.subarray(3, 6));
    if (frame === 'teme') return cart(r, v);
    earthOrientation(epoch, eop, eo);
    if (frame === 'gcrf') {
      const m = fk5Matrices(eo, fk5).temeToGcrf;
      return cart(mulVec(m, r, rOut) as Float64Array, mulVec(m, v, vOut) as Float64Array);
    }
    temeToItrfInto(eo, r, v, rOut, vOut);
    if (frame === 'itrf') return cart(rOut, vOut);
    // Geodetic needs metres (the ellipsoid is in metres); r is in km here.
    const g = itrfToGeodetic(vec3(rOut[0] * 1e3, rOut[1] * 1e3, rOut[2] * 1e3));
    return [roundTo((g.latRad * 180) / Math.PI, 7), roundTo((((g.lonRad * 180) / Math.PI + 540) % 360) - 180, 7), roundTo(g.altM / 1e3, 6)];
  };
}

