/**
 * `stationkeeper landing --tle FILE --burn-utc ISO --delta-v-m-s DV …`: where and when a crew
 * vehicle lands after a deorbit burn from the station's orbit (guided or ballistic descent), with
 * a Monte Carlo dispersion ellipse on request. See docs/crew-return.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Command } from 'commander';
import {
  dispersionEllipse,
  dispersionPlan,
  ellipseOutline,
  ENTRY_VEHICLE_IDS,
  entryVehicle,
  landingJson,
  parseReturnCase,
  predictLanding,
  ReturnCaseError,
  summariseDispersion,
  TabulatedSpaceWeather,
  type Epoch,
  type LandingInput,
  type MeanElements,
  type ReturnCase,
} from '@stationkeeper/core';
import { resolveDataDir, runDispersionParallel } from '@stationkeeper/runtime';
import { DATA_DIR_HELP, loadEop } from '../context.js';
import { choiceOption, epochOption, integerOption, numberOption, UsageError } from '../util/options.js';
import { formatTable } from '../util/table.js';
import { landingPlotSvg } from './landingPlot.js';
import { registerOpportunities } from './landingOpportunities.js';
import { defaultReentryIo, loadHistory, loadModelData, type ReentryCommandIo } from './reentry.js';

interface LandingOpts {
  case?: string;
  tle?: string;
  norad?: string;
  burnUtc?: string;
  undockingUtc?: string;
  deltaVMS?: string;
  burnDurationS?: string;
  vehicle?: string;
  descent?: string;
  mc?: string;
  seed?: string;
  workers?: string;
  json?: boolean;
  plot?: string;
  geojson?: string;
  dataDir?: string;
}

/** The element set to start from: the latest at or before `at`, else the earliest. */
export function elementsFor(history: MeanElements[], at: Epoch): MeanElements {
  const before = history.filter((r) => !r.epoch.isAfter(at));
  if (before.length > 0) return before.reduce((a, b) => (b.epoch.isAfter(a.epoch) ? b : a));
  return history.reduce((a, b) => (b.epoch.isBefore(a.epoch) ? b : a));
}

/** Model inputs shared by `landing` and `landing opportunities`: elements, atmosphere, space weather, EOP. */
export function landingModel(io: ReentryCommandIo, opts: { tle?: string; norad?: string; dataDir?: string }, caseElements?: MeanElements) {
  const norad = integerOption('--norad', opts.norad, { min: 1 });
  const history = opts.tle !== undefined ? loadHistory(io, opts.tle, norad) : [caseElements!];
  const { table, atmosphere } = loadModelData(io, opts.dataDir);
  const spaceWeather = new TabulatedSpaceWeather(table);
  const eop = loadEop(resolveDataDir({ dataDir: opts.dataDir }));
  return { history, atmosphere, spaceWeather, eop };
}

export function vehicleOption(text: string | undefined, fallback: string) {
  try {
    return entryVehicle(text ?? fallback);
  } catch {
    throw new UsageError(`--vehicle: unknown crew vehicle ${JSON.stringify(text)} (known: ${ENTRY_VEHICLE_IDS.join(', ')})`);
  }
}

export function registerLanding(program: Command, ioOverride?: Partial<ReentryCommandIo>): Command {
  const io: ReentryCommandIo = { ...defaultReentryIo(), ...ioOverride };
  const landing = program.command('landing');
  registerOpportunities(landing, io);
  return landing
    .description('predict where and when a crew vehicle lands after its deorbit burn from the station (guided or ballistic descent), with a Monte Carlo dispersion ellipse')
    .option('--case <file>', 'a return case (YAML: elements, vehicle, burn, Monte Carlo, what was published), e.g. examples/return/soyuz-ms-19.yaml; flags override it')
    .option('--tle <file>', "station element sets (TLE/3LE), required without --case; the latest at or before the burn is used")
    .option('--norad <id>', 'NORAD catalogue number when the file holds several objects')
    .option('--burn-utc <iso>', 'deorbit burn start, ISO 8601 UTC (required)')
    .option('--undocking-utc <iso>', "undocking, ISO 8601 UTC: fly the vehicle's separation from the station to the burn (default: start from the station at the burn)")
    .option('--delta-v-m-s <dv>', "deorbit burn Δv, m/s (default: the vehicle's nominal, 128 for Soyuz MS)")
    .option('--burn-duration-s <s>', "burn duration, s (default: the vehicle's nominal, 278 for Soyuz MS)")
    .option('--vehicle <id>', `crew vehicle: ${ENTRY_VEHICLE_IDS.join(' | ')}`, 'soyuz-ms')
    .option('--descent <mode>', 'guided (lifting, steered to the landing zone) | ballistic (spinning, no net lift)', 'guided')
    .option('--mc <n>', 'Monte Carlo members for the dispersion ellipse (burn, air density, L/D, wind errors)')
    .option('--seed <n>', 'random seed of the Monte Carlo (default: the case file\'s, else 1); the same seed gives the same ellipse')
    .option('--workers <n>', 'worker threads for the Monte Carlo (default: all cores; 0 runs in the main thread)')
    .option('--json', 'print JSON')
    .option('--plot <file.svg>', 'write the ground track and altitude / deceleration against time (SVG)')
    .option('--geojson <file>', 'write the ground track, landing point and ellipse as GeoJSON')
    .option('--data-dir <dir>', DATA_DIR_HELP)
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  stationkeeper landing --case examples/return/soyuz-ms-19.yaml --plot ms19.svg            # Soyuz MS-19\n' +
        '  stationkeeper landing --tle iss.tle --burn-utc 2022-03-30T10:34:00Z --delta-v-m-s 128\n' +
        '  stationkeeper landing --tle iss.tle --burn-utc 2022-03-30T10:34:00Z --delta-v-m-s 128 --mc 1000 --seed 7 --json\n' +
        '  stationkeeper landing opportunities --help                  # burn times that land in the zone\n' +
        '\nNeeds the NRLMSISE-00 coefficients and the space-weather file in the data directory\n' +
        '(`stationkeeper data fetch --only msis`, `--only spaceweather`).',
    )
    .action(async (opts: LandingOpts) => {
      const c = opts.case !== undefined ? readCase(io, opts.case) : undefined;
      // Checked here, not by commander: a parent's required options would also be demanded of `landing opportunities`.
      if (opts.tle === undefined && !c) throw new UsageError('--tle is required (the station element sets), or --case FILE');
      const burnEpoch = epochOption('--burn-utc', opts.burnUtc) ?? c?.burnEpoch;
      if (!burnEpoch) throw new UsageError('--burn-utc is required (the deorbit burn start)');
      const undockingEpoch = epochOption('--undocking-utc', opts.undockingUtc) ?? c?.undockingEpoch;
      const vehicle = vehicleOption(opts.vehicle ?? c?.vehicleId, 'soyuz-ms');
      const descent = choiceOption('--descent', opts.descent ?? c?.descent, ['guided', 'ballistic'] as const, 'guided');
      const deltaVMps = numberOption('--delta-v-m-s', opts.deltaVMS, { min: 0.1, max: 1000 }) ?? c?.deltaVMps;
      const burnDurationS = numberOption('--burn-duration-s', opts.burnDurationS, { min: 1, max: 7200 }) ?? c?.burnDurationS;
      const members = integerOption('--mc', opts.mc, { min: 3, max: 100000 }) ?? c?.monteCarlo?.members;
      const seed = integerOption('--seed', opts.seed, { min: 0, max: 2 ** 31 - 1 }) ?? c?.monteCarlo?.seed ?? 1;
      const workers = integerOption('--workers', opts.workers, { min: 0, max: 256 });
      if (members !== undefined && descent !== 'guided') throw new UsageError('--mc: the dispersion is computed for the guided descent only');
      const model = landingModel(io, { ...opts, tle: opts.tle }, c?.elements);
      const input: LandingInput = { elements: elementsFor(model.history, burnEpoch), burnEpoch, undockingEpoch, vehicle, deltaVMps, burnDurationS, descent, atmosphere: model.atmosphere, spaceWeather: model.spaceWeather, eop: model.eop };
      let prediction;
      try {
        prediction = predictLanding(input);
      } catch (e) {
        if (e instanceof RangeError) throw new UsageError(e.message);
        throw e;
      }
      let dispersion;
      if (members !== undefined) {
        const plan = dispersionPlan(input, prediction, seed);
        const results = await runDispersionParallel(plan, members, { workers });
        dispersion = summariseDispersion(results, seed, dispersionEllipse(results, 0.95));
      }
      const json = { ...(c ? { case: c.name } : {}), ...landingJson(prediction, vehicle.id, dispersion), ...(c?.published ? { published: publishedJson(c.published, prediction.landing.epoch) } : {}) };
      if (opts.plot) {
        io.writeFile(opts.plot, landingPlotSvg(prediction, vehicle, dispersion?.ellipse));
        io.err(`wrote ${opts.plot}\n`);
      }
      if (opts.geojson) {
        io.writeFile(opts.geojson, JSON.stringify(landingGeoJson(json, dispersion?.ellipse), null, 1) + '\n');
        io.err(`wrote ${opts.geojson}\n`);
      }
      io.out(opts.json ? JSON.stringify(json, null, 2) + '\n' : (c ? `${c.name}\n` : '') + renderLanding(json, vehicle.name) + (c?.published ? renderPublished(json.published!) : ''));
    });
}

function readCase(io: ReentryCommandIo, path: string): ReturnCase {
  let text: string;
  try {
    text = io.readFile(path);
  } catch (e) {
    throw new UsageError(`cannot read --case ${path}: ${(e as Error).message}`);
  }
  try {
    return parseReturnCase(text, path);
  } catch (e) {
    if (e instanceof ReturnCaseError) throw new UsageError(e.message);
    throw e;
  }
}

function publishedJson(p: NonNullable<ReturnCase['published']>, landing: Epoch) {
  return {
    landing_utc: p.landingEpoch?.toIsoUtc(0) ?? null,
    place: p.place ?? null,
    source: p.source ?? null,
    predicted_minus_published_s: p.landingEpoch ? Number(landing.secondsSince(p.landingEpoch).toFixed(1)) : null,
  };
}

function renderPublished(p: ReturnType<typeof publishedJson>): string {
  const dt = p.predicted_minus_published_s;
  return `\npublished: landing ${p.landing_utc ?? '?'}${p.place ? `, ${p.place}` : ''}${p.source ? ` (${p.source})` : ''}${dt !== null ? `; predicted ${dt >= 0 ? '+' : ''}${dt} s` : ''}\n`;
}

type LandingJson = ReturnType<typeof landingJson>;

function renderLanding(j: LandingJson, vehicleName: string): string {
  const lines = [
    `${vehicleName}, ${j.descent} descent: ${j.undocking_utc ? `undocking ${j.undocking_utc} (separation flown), ` : ''}deorbit burn ${j.burn_utc} (ends ${j.burn_end_utc}; perigee after ${j.perigee_after_burn_km} km)`,
    `  landing   ${j.landing_utc} at ${j.landing_lat_deg.toFixed(3)}°, ${j.landing_lon_deg.toFixed(3)}° (${j.burn_to_landing_min.toFixed(1)} min after the burn start)`,
    `  peak      ${j.max_deceleration_g.toFixed(2)} g at ${j.max_deceleration_altitude_km} km (${j.max_deceleration_utc})`,
  ];
  if (j.bank_deg !== null) lines.push(`  guidance  bank ${j.bank_deg}°, ${j.target_miss_km} km from the aim point`);
  if ('ellipse' in j && j.ellipse && j.monte_carlo) {
    const e = j.ellipse;
    lines.push(`  ellipse   ${e.semi_major_km.toFixed(1)} × ${e.semi_minor_km.toFixed(1)} km (semi-axes, ${e.confidence * 100} %), major axis at ${e.azimuth_deg}° from north; landing time ±${j.monte_carlo.landing_time_sigma_s} s (1σ), ${j.monte_carlo.members} members, seed ${j.monte_carlo.seed}`);
  }
  lines.push('', formatTable(['event', 'UTC', 'altitude km', 'lat °', 'lon °', 'air speed m/s'], j.events.map((e) => [e.name, e.utc, e.altitude_km.toFixed(1), e.lat_deg.toFixed(3), e.lon_deg.toFixed(3), e.air_speed_m_s.toFixed(0)])));
  return lines.join('\n') + '\n';
}

function landingGeoJson(j: Pick<LandingJson, 'ground_track' | 'landing_utc' | 'landing_lat_deg' | 'landing_lon_deg'>, ellipse: Parameters<typeof ellipseOutline>[0] | undefined) {
  const features: unknown[] = [
    { type: 'Feature', properties: { name: 'ground track' }, geometry: { type: 'LineString', coordinates: j.ground_track.map(([lat, lon]) => [lon, lat]) } },
    { type: 'Feature', properties: { name: 'landing', utc: j.landing_utc }, geometry: { type: 'Point', coordinates: [j.landing_lon_deg, j.landing_lat_deg] } },
  ];
  if (ellipse) features.push({ type: 'Feature', properties: { name: `dispersion ellipse ${ellipse.confidence * 100} %` }, geometry: { type: 'Polygon', coordinates: [ellipseOutline(ellipse).map(([lat, lon]) => [lon, lat])] } });
  return { type: 'FeatureCollection', features };
}
