/**
 * `stationkeeper launch-window`: when a launch site lies in a target orbit plane (each day's
 * in-plane instants, northbound and southbound), with the launch azimuth, or why the inclination
 * cannot be reached directly. Method: docs/constellations.md.
 */
import { Command } from 'commander';
import { launchWindows, LaunchSiteError, LAUNCH_SITES, resolveLaunchSite, type LaunchSite } from '@stationkeeper/core';
import { epochOption, numberOption, requiredNumber, UsageError } from '../util/options.js';
import { fixed, formatTable, printJson } from '../util/table.js';

interface LaunchWindowOpts {
  site?: string;
  inclinationDeg?: string;
  raanDeg?: string;
  date?: string;
  days?: string;
  altitudeKm?: string;
  json?: boolean;
}

export function registerLaunchWindow(program: Command): void {
  program
    .command('launch-window')
    .description('in-plane launch times from a site into a target plane, launch azimuths, and whether the inclination is reachable')
    .option('--site <site>', `${LAUNCH_SITES.map((s) => s.id).join('|')} or LAT,LON (degrees)`)
    .option('--inclination-deg <deg>', 'target inclination')
    .option('--raan-deg <deg>', 'target right ascension of the ascending node at --date (TEME, as in element sets)')
    .option('--date <iso>', 'start of the search and the epoch of --raan-deg, ISO 8601 UTC')
    .option('--days <n>', 'length of the search, days (default 1)')
    .option('--altitude-km <km>', 'insertion altitude: sets the node drift and the rotating-frame azimuth (default 450)')
    .option('--json', 'machine-readable output')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  stationkeeper launch-window --site baikonur --inclination-deg 87.9 --raan-deg 200 --date 2022-03-04\n' +
        '  stationkeeper launch-window --site 28.56,-80.58 --inclination-deg 51.64 --raan-deg 123 --date 2022-03-04T00:00:00Z --json\n' +
        '\nWindows are instantaneous (the site in the plane; no ascent time or drop-zone constraints).',
    )
    .action((opts: LaunchWindowOpts) => {
      const report = launchWindowReport(opts);
      if (opts.json) printJson(report);
      else process.stdout.write(renderLaunchWindows(report) + '\n');
    });
}

function siteOption(text: string | undefined): LaunchSite {
  if (text === undefined) throw new UsageError('--site is required');
  try {
    return resolveLaunchSite(text);
  } catch (e) {
    if (e instanceof LaunchSiteError) throw new UsageError(`--site: ${e.message}`);
    throw e;
  }
}

export function launchWindowReport(opts: LaunchWindowOpts) {
  const site = siteOption(opts.site);
  const inclinationDeg = requiredNumber('--inclination-deg', opts.inclinationDeg, { min: 0, max: 180 });
  const raanDeg = requiredNumber('--raan-deg', opts.raanDeg, { min: -360, max: 360 });
  const start = epochOption('--date', opts.date);
  if (start === undefined) throw new UsageError('--date is required');
  const days = numberOption('--days', opts.days, { min: 0.01, max: 60 }) ?? 1;
  const altitudeKm = numberOption('--altitude-km', opts.altitudeKm, { min: 150, max: 3000 }) ?? 450;
  let windows;
  try {
    windows = launchWindows(site, { inclinationDeg, raanDeg, raanEpoch: start, altitudeKm }, start, days * 86400);
  } catch (e) {
    if (e instanceof RangeError) throw new UsageError(e.message);
    throw e;
  }
  return {
    site: { id: site.id, name: site.name, lat_deg: site.latDeg, lon_deg: site.lonDeg, source: site.source },
    inclination_deg: inclinationDeg,
    raan_deg: raanDeg,
    raan_epoch_utc: start.toIsoUtc(0),
    altitude_km: altitudeKm,
    windows: windows.map((w) => ({
      liftoff_utc: w.epoch.toIsoUtc(0),
      direction: w.direction,
      azimuth_deg: Math.round(w.azimuthDeg * 1000) / 1000,
      azimuth_rotating_deg: Math.round(w.azimuthRotatingDeg * 1000) / 1000,
    })),
  };
}

export function renderLaunchWindows(r: ReturnType<typeof launchWindowReport>): string {
  const head = `${r.site.name} (${fixed(r.site.lat_deg, 3)}°, ${fixed(r.site.lon_deg, 3)}°) into i = ${r.inclination_deg}°, RAAN ${r.raan_deg}° at ${r.raan_epoch_utc}`;
  const table = formatTable(
    ['lift-off (UTC)', 'pass', 'azimuth ° (inertial)', 'azimuth ° (on the rotating Earth)'],
    r.windows.map((w) => [w.liftoff_utc, w.direction === 'ascending' ? 'northbound' : 'southbound', fixed(w.azimuth_deg, 2), fixed(w.azimuth_rotating_deg, 2)]),
  );
  return `${head}\n${table}\nsite coordinates: ${r.site.source}`;
}
