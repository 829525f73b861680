/**
 * `stationkeeper where`: where the station is at one instant (latitude, longitude, altitude,
 * speed, sunlit), how old its elements are, and its next visible pass over a place.
 */
import { Command } from 'commander';
import { Epoch, findPasses, Sgp4Propagator, subSatelliteState, type Pass, type Propagator } from '@stationkeeper/core';
import { passJson, resolveDataDir, stateJson, type PassJson, type StateJson } from '@stationkeeper/runtime';
import { DATA_DIR_HELP, loadEop } from '../context.js';
import { loadElements } from '../elementsSource.js';
import { epochOption, integerOption, numberOption, UsageError } from '../util/options.js';
import { fixed, printJson } from '../util/table.js';

/** Default place for the pass line: NASA Johnson Space Center, Houston (Mission Control). */
export const DEFAULT_PLACE = { name: 'Houston (NASA JSC)', latDeg: 29.5593, lonDeg: -95.09, altM: 10 };
/** How far ahead `where` looks for the next visible pass. */
const PASS_SEARCH_DAYS = 10;
/** Search spans tried in turn (days): most next visible passes are within a day, and a search of 1 day costs a tenth of 10. */
const PASS_SEARCH_STEPS_DAYS = [1, 3, PASS_SEARCH_DAYS];

/**
 * The first visible pass after `at` within PASS_SEARCH_DAYS. Short spans first: a visible pass
 * that has set by the end of a shorter span is the one the full span would give (the search grid
 * starts at `at` either way; passes before it in the span are complete and not visible).
 */
function nextVisiblePass(propagator: Propagator, place: { latDeg: number; lonDeg: number; altM: number }, at: Epoch, eop: ReturnType<typeof loadEop>): Pass | undefined {
  for (const days of PASS_SEARCH_STEPS_DAYS) {
    const end = at.plusDays(days);
    const next = findPasses(propagator, place, at, end, { eop }).find((p) => p.visible);
    if (next && (days === PASS_SEARCH_DAYS || !next.inProgressAtEnd)) return next;
    if (!next && days === PASS_SEARCH_DAYS) return undefined;
  }
  return undefined;
}

interface WhereOpts {
  tle?: string;
  norad?: string;
  at?: string;
  lat?: string;
  lon?: string;
  json?: boolean;
  dataDir?: string;
}

/** The API's state object (GET /api/objects/:norad/state, same precision) with the source and the next visible pass. */
export interface WhereResult extends StateJson {
  norad: number;
  name: string;
  source: string;
  next_visible_pass: null | ({ place: { name: string; lat_deg: number; lon_deg: number; alt_m: number } } & Pick<PassJson, 'rise_utc' | 'culmination_utc' | 'set_utc' | 'max_elevation_deg' | 'magnitude'>);
}

export function registerWhere(program: Command): void {
  program
    .command('where')
    .description('where the station is now (or --at): position, altitude, speed, sunlit, next visible pass')
    .option('--tle <file>', 'element sets (TLE/3LE, OMM KVN/XML/JSON); default: data directory, else the embedded ISS sample')
    .option('--norad <n>', 'catalogue number of the object (default 25544, the ISS)')
    .option('--at <iso>', 'instant, ISO 8601 UTC or "now" (default now; the sample\'s epoch when the embedded sample is used)')
    .option('--lat <deg>', `latitude of the place for the next visible pass (default ${DEFAULT_PLACE.latDeg}, ${DEFAULT_PLACE.name})`)
    .option('--lon <deg>', `longitude of that place, east positive (default ${DEFAULT_PLACE.lonDeg})`)
    .option('--json', 'machine-readable output')
    .option('--data-dir <dir>', DATA_DIR_HELP)
    .action(async (opts: WhereOpts) => {
      const result = await where(opts);
      if (opts.json) printJson(result);
      else process.stdout.write(renderWhere(result) + '\n');
    });
}

export async function where(opts: WhereOpts): Promise<WhereResult> {
  const norad = integerOption('--norad', opts.norad, { min: 0, max: 339999 });
  const requestedAt = epochOption('--at', opts.at);
  const lat = numberOption('--lat', opts.lat, { min: -90, max: 90 });
  const lon = numberOption('--lon', opts.lon, { min: -180, max: 360 });
  // Half a place is no place: a latitude alone would silently take Houston's longitude.
  if ((lat === undefined) !== (lon === undefined)) throw new UsageError(`give --lat and --lon together (got only ${lat === undefined ? '--lon' : '--lat'})`);
  const dataDir = resolveDataDir({ dataDir: opts.dataDir });
  const loaded = await loadElements({ tle: opts.tle, norad, dataDir, at: requestedAt ?? Epoch.now() });
  const { elements } = loaded;
  const at = requestedAt ?? (loaded.isSample ? elements.epoch : Epoch.now());
  if (loaded.isSample && !requestedAt) {
    process.stderr.write(
      `note: using the embedded sample element set of ${elements.epoch.toIsoUtc(0)}; showing the station at that epoch.\n` +
        '      Run `stationkeeper data fetch --only tle` for current elements, or pass --at.\n',
    );
  }

  const eop = loadEop(dataDir);
  const propagator = Sgp4Propagator.fromElements(elements);
  const sub = subSatelliteState(propagator, at, eop);

  const place = lat !== undefined || lon !== undefined
    ? { name: 'chosen place', latDeg: lat!, lonDeg: lon!, altM: 0 }
    : DEFAULT_PLACE;
  const next = nextVisiblePass(propagator, place, at, eop);

  return {
    norad: elements.noradId,
    name: elements.objectName,
    ...stateJson(sub, at, elements.epoch),
    source: loaded.sourceLabel,
    next_visible_pass: next ? passSummary(next, place) : null,
  };
}

function passSummary(p: Pass, place: typeof DEFAULT_PLACE): NonNullable<WhereResult['next_visible_pass']> {
  const j = passJson(p);
  return {
    place: { name: place.name, lat_deg: place.latDeg, lon_deg: place.lonDeg, alt_m: place.altM },
    rise_utc: j.rise_utc,
    culmination_utc: j.culmination_utc,
    set_utc: j.set_utc,
    max_elevation_deg: j.max_elevation_deg,
    magnitude: j.magnitude,
  };
}

/** An ISO time of the JSON (to the millisecond) to the nearest second, as the text shows it. */
function toSecond(iso: string): string {
  return Epoch.fromIso(iso).toIsoUtc(0);
}

export function renderWhere(r: WhereResult): string {
  const ns = r.lat_deg >= 0 ? 'N' : 'S';
  const ew = r.lon_deg >= 0 ? 'E' : 'W';
  const lines = [
    `${r.name || 'NORAD ' + r.norad} (NORAD ${r.norad}) at ${r.epoch_utc}`,
    `  position   ${fixed(Math.abs(r.lat_deg), 3)}° ${ns}  ${fixed(Math.abs(r.lon_deg), 3)}° ${ew}  (WGS-84 geodetic)`,
    `  altitude   ${fixed(r.alt_km, 1)} km above the WGS-84 ellipsoid`,
    `  speed      ${fixed(r.speed_km_s, 3)} km/s inertial, ${fixed(r.ground_speed_km_s, 3)} km/s relative to the Earth`,
    `  sunlit     ${r.sunlit ? 'yes' : 'no, in Earth\'s shadow'}`,
    `  elements   epoch ${r.tle_epoch_utc}, ${fixed(Math.abs(r.tle_age_days), 2)} days ${r.tle_age_days >= 0 ? 'old' : 'ahead'}, from ${r.source}`,
  ];
  const p = r.next_visible_pass;
  if (p) {
    lines.push(
      `  next visible pass over ${p.place.name} (${p.place.lat_deg}°, ${p.place.lon_deg}°):`,
      `             rise ${toSecond(p.rise_utc)}, highest ${fixed(p.max_elevation_deg, 0)}° at ${toSecond(p.culmination_utc).slice(11)}, set ${toSecond(p.set_utc).slice(11)}` +
        (p.magnitude === null ? '' : `, magnitude ${fixed(p.magnitude, 1)}`),
    );
  } else {
    lines.push(`  next visible pass: none within ${PASS_SEARCH_DAYS} days`);
  }
  return lines.join('\n');
}
