/**
 * `stationkeeper passes`: when the station rises, culminates and sets over a site, whether it can
 * be seen (sunlit in a dark sky) and how bright it is. Thin: options → core findPasses → table/JSON.
 */
import { Command } from 'commander';
import {
  DEFAULT_MIN_ELEVATION_DEG,
  Epoch,
  findPasses,
  Sgp4Propagator,
  type Pass,
  type PassPoint,
} from '@stationkeeper/core';
import { passJson, resolveDataDir } from '@stationkeeper/runtime';
import { loadEop } from '../context.js';
import { loadElements } from '../elementsSource.js';
import { UsageError, epochOption, integerOption, numberOption, requiredNumber } from '../util/options.js';
import { fixed, formatTable, printJson } from '../util/table.js';

interface PassesOpts {
  tle?: string;
  norad?: string;
  lat?: string;
  lon?: string;
  altM?: string;
  start?: string;
  days?: string;
  minElevation?: string;
  visibleOnly?: boolean;
  json?: boolean;
  tz?: string;
  dataDir?: string;
}

/** Element sets older or newer than this (days) are not propagated to "now" by default. */
const FRESH_ELEMENTS_DAYS = 14;

const COMPASS = ['N', 'NNE', 'NE', 'ENE', 'E', 'ESE', 'SE', 'SSE', 'S', 'SSW', 'SW', 'WSW', 'W', 'WNW', 'NW', 'NNW'];

/** 16-point compass name of an azimuth in degrees. */
export function compassPoint(azimuthDeg: number): string {
  const a = ((azimuthDeg % 360) + 360) % 360;
  return COMPASS[Math.round(a / 22.5) % 16];
}

/** Check an IANA zone name with Intl; the error names the option. */
export function checkTimeZone(tz: string): string {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: tz }).resolvedOptions().timeZone;
  } catch {
    throw new UsageError(`--tz must be an IANA time zone such as Europe/Paris, got ${JSON.stringify(tz)}`);
  }
}

/** `YYYY-MM-DD HH:MM:SS` of an epoch in a time zone (whole seconds, rounded to the nearest like toIsoUtc(0), so both columns agree). */
export function formatLocal(epoch: Epoch, timeZone: string): string {
  const fmt = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  });
  const ms = Math.round(epoch.toDate().getTime() / 1000) * 1000;
  const parts = Object.fromEntries(fmt.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second} ${parts.timeZoneName}`;
}

function utc(epoch: Epoch): string {
  return epoch.toIsoUtc(0);
}

function azimuthCell(p: PassPoint): string {
  return `${fixed(p.azimuthDeg, 0).padStart(3)}° ${compassPoint(p.azimuthDeg)}`;
}

/**
 * JSON form of one pass: the API's pass object (GET /api/objects/:norad/passes, same precision),
 * then local times in the zone, the first and last visible instants, the time of the magnitude
 * and the illumination at culmination.
 */
export function passToJson(p: Pass, timeZone: string): Record<string, unknown> {
  const w = p.visibleWindows;
  return {
    ...passJson(p),
    rise_local: formatLocal(p.rise.epoch, timeZone),
    culmination_local: formatLocal(p.culmination.epoch, timeZone),
    set_local: formatLocal(p.set.epoch, timeZone),
    visible_start_utc: w.length > 0 ? w[0].start.epoch.toIsoUtc(3) : null,
    visible_end_utc: w.length > 0 ? w[w.length - 1].end.epoch.toIsoUtc(3) : null,
    magnitude_utc: p.magnitudeEpoch === null ? null : p.magnitudeEpoch.toIsoUtc(3),
    illumination_at_culmination: p.illuminationAtCulmination,
    time_zone: timeZone,
  };
}

function renderTable(passes: Pass[], timeZone: string): string {
  const local = (e: Epoch) => formatLocal(e, timeZone).slice(11, 19);
  const rows = passes.map((p) => {
    const vis = p.visibleWindows;
    const visible = vis.length === 0 ? 'no' : `${utc(vis[0].start.epoch).slice(11, 19)}–${utc(vis[vis.length - 1].end.epoch).slice(11, 19)}`;
    return [
      `${utc(p.rise.epoch).slice(0, 10)} ${utc(p.rise.epoch).slice(11, 19)}${p.inProgressAtStart ? '*' : ''}`,
      local(p.rise.epoch),
      azimuthCell(p.rise),
      utc(p.culmination.epoch).slice(11, 19),
      local(p.culmination.epoch),
      fixed(p.maxElevationDeg, 1),
      azimuthCell(p.culmination),
      `${utc(p.set.epoch).slice(11, 19)}${p.inProgressAtEnd ? '*' : ''}`,
      local(p.set.epoch),
      azimuthCell(p.set),
      visible,
      p.magnitude === null ? '' : fixed(p.magnitude, 1),
    ];
  });
  return formatTable(
    ['Rise (UTC)', 'local', 'az', 'Culm (UTC)', 'local', 'max el', 'az', 'Set (UTC)', 'local', 'az', 'visible (UTC)', 'mag'],
    rows,
  );
}

export function registerPasses(program: Command): Command {
  return program
    .command('passes')
    .description('rise, culmination and set of a station over a site, visibility to the eye and estimated magnitude')
    .option('--tle <file>', 'TLE/3LE file (default: data directory tle/stations.txt, else the embedded ISS sample)')
    .option('--norad <id>', 'catalogue number to pick from the file (default: ISS 25544, else the first set)')
    .option('--lat <deg>', 'site geodetic latitude, degrees north (required)')
    .option('--lon <deg>', 'site longitude, degrees east (required)')
    .option('--alt-m <m>', 'site height above the WGS-84 ellipsoid, m', '0')
    .option('--start <iso>', 'start of the search, ISO 8601 UTC or "now" (default: now, or the element epoch for old elements)')
    .option('--days <d>', 'length of the search, days', '3')
    .option('--min-elevation <deg>', `rise/set elevation threshold, degrees (0 = geometric horizon)`, String(DEFAULT_MIN_ELEVATION_DEG))
    .option('--visible-only', 'list only passes with a visible part (satellite sunlit, Sun below −6° at the site)')
    .option('--tz <zone>', 'IANA time zone for local times (default: the system zone)')
    .option('--json', 'print a JSON array instead of a table')
    .option('--data-dir <dir>', 'data directory (default $STATIONKEEPER_DATA or ~/.cache/stationkeeper)')
    .addHelpText(
      'after',
      '\nTimes are geometric (no refraction: at 0° the real rise is ~10 s earlier). Visible means the\n' +
        'station is outside the Earth\'s umbra while the Sun is more than 6° below the horizon (civil\n' +
        'twilight). Magnitude: diffuse sphere of standard magnitude −1.8 (1000 km, 90° phase), ±1 mag.\n' +
        'A * marks a pass already up at the start or still up at the end of the search.',
    )
    .action(async (_opts: PassesOpts, cmd: Command) => {
      const opts = cmd.optsWithGlobals<PassesOpts>();
      const lat = requiredNumber('--lat', opts.lat, { min: -90, max: 90 });
      const lon = requiredNumber('--lon', opts.lon, { min: -180, max: 180 });
      const altM = numberOption('--alt-m', opts.altM, { min: -500, max: 9000 }) ?? 0;
      const days = numberOption('--days', opts.days, { min: 0.001, max: 30 }) ?? 3;
      const minElevationDeg = numberOption('--min-elevation', opts.minElevation, { min: -10, max: 89 }) ?? DEFAULT_MIN_ELEVATION_DEG;
      const norad = integerOption('--norad', opts.norad, { min: 1, max: 339999 });
      const timeZone = checkTimeZone(opts.tz ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
      const explicitStart = epochOption('--start', opts.start);

      const dataDir = resolveDataDir({ dataDir: opts.dataDir });
      const { elements, sourceLabel } = await loadElements({ tle: opts.tle, norad, dataDir });
      const elementsEpoch: Epoch = elements.epoch;
      const now = Epoch.now();
      const ageDays = Math.abs(now.secondsSince(elementsEpoch)) / 86400;
      // SGP4 of a station drifts by kilometres a day: far from their epoch, old elements are only
      // good near that epoch, so search there unless told otherwise.
      const useEpoch = explicitStart === undefined && ageDays > FRESH_ELEMENTS_DAYS;
      const start: Epoch = explicitStart ?? (useEpoch ? elementsEpoch : now);
      const note = useEpoch ? `elements are ${ageDays.toFixed(0)} days from now: searching from their epoch (use --start to choose)` : '';
      const end = start.plusDays(days);
      const eop = loadEop(dataDir);
      const passes = findPasses(Sgp4Propagator.fromElements(elements), { latDeg: lat, lonDeg: lon, altM }, start, end, {
        minElevationDeg,
        eop,
      });
      const shown = opts.visibleOnly ? passes.filter((p) => p.visible) : passes;

      if (opts.json) {
        printJson(shown.map((p) => passToJson(p, timeZone)));
        return;
      }
      const name = elements.objectName || `NORAD ${elements.noradId}`;
      const lines = [
        `${name} (${elements.noradId}), elements of ${utc(elements.epoch)} from ${sourceLabel}`,
        `site ${fixed(Math.abs(lat), 4)}°${lat >= 0 ? 'N' : 'S'} ${fixed(Math.abs(lon), 4)}°${lon >= 0 ? 'E' : 'W'} ${fixed(altM, 0)} m; ` +
          `${utc(start)} to ${utc(end)}; min elevation ${minElevationDeg}°; local time ${timeZone}` +
          (eop ? '' : '; no EOP in the data directory (UT1=UTC)'),
      ];
      if (note) lines.push(note);
      if (shown.length === 0) {
        lines.push(opts.visibleOnly ? 'no visible passes' : 'no passes');
      } else {
        lines.push('', renderTable(shown, timeZone));
      }
      process.stdout.write(lines.join('\n') + '\n');
    });
}
