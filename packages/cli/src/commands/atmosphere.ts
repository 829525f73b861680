/**
 * `stationkeeper atmosphere`: density, temperatures and composition at one place and time, from
 * NRLMSISE-00 (coefficients and space weather from the data directory, or activity given on the
 * command line), Harris-Priester or the exponential model.
 */
import { Command } from 'commander';
import {
  calendarToMjd,
  Epoch,
  ExponentialAtmosphere,
  HarrisPriesterAtmosphere,
  mjdToCalendar,
  NRLMSISE00_STANDARD_SWITCHES,
  Nrlmsise00,
  nrlmsise00Flags,
  Nrlmsise00Output,
  geodeticDegKmToItrfM,
  type SpaceWeatherKind,
} from '@stationkeeper/core';
import { loadAtmosphere, loadSpaceWeather, resolveDataDir, SPACE_WEATHER_PATH } from '@stationkeeper/runtime';
import { DATA_DIR_HELP } from '../context.js';
import { choiceOption, epochOption, numberOption, requiredNumber, UsageError } from '../util/options.js';
import { printJson } from '../util/table.js';

export const ATMOSPHERE_MODELS = ['nrlmsise00', 'harris-priester', 'exponential'] as const;
export type AtmosphereModelId = (typeof ATMOSPHERE_MODELS)[number];

export interface AtmosphereOpts {
  model?: string;
  at?: string;
  lat?: string;
  lon?: string;
  altKm?: string;
  f107?: string;
  f107a?: string;
  ap?: string;
  apHistory?: boolean;
  lst?: string;
  hpExponent?: string;
  json?: boolean;
  dataDir?: string;
}

export interface AtmosphereResult {
  model: string;
  epoch_utc: string;
  lat_deg: number;
  lon_deg: number;
  alt_km: number;
  day_of_year: number;
  ut_seconds: number;
  local_solar_time_h: number;
  /** 'ut+longitude' (UT/3600 + lon/15) or 'given' (--lst). */
  local_solar_time_source: 'ut+longitude' | 'given';
  /** Activity used; null for models that take none. */
  space_weather: null | {
    f107: number;
    f107a: number;
    ap: number[];
    ap_mode: 'daily' | 'history';
    kind: SpaceWeatherKind | 'given';
    source: string;
  };
  harris_priester_exponent: number | null;
  density_kg_m3: number;
  temperature_k: number | null;
  exospheric_temperature_k: number | null;
  he_m3: number | null;
  o_m3: number | null;
  n2_m3: number | null;
  o2_m3: number | null;
  ar_m3: number | null;
  h_m3: number | null;
  n_m3: number | null;
  anomalous_o_m3: number | null;
}

export function registerAtmosphere(program: Command): void {
  program
    .command('atmosphere')
    .description('neutral density, temperature and composition at a place and time (NRLMSISE-00, Harris-Priester, exponential)')
    .option('--model <name>', `atmosphere model: ${ATMOSPHERE_MODELS.join(', ')} (default nrlmsise00)`)
    .option('--at <iso>', 'instant, ISO 8601 UTC or "now" (default now)')
    .option('--lat <deg>', 'geodetic latitude, degrees (WGS-84)')
    .option('--lon <deg>', 'longitude, degrees east')
    .option('--alt-km <km>', 'height above the WGS-84 ellipsoid, km')
    .option('--f107 <sfu>', 'observed F10.7 of the previous day (give --f107, --f107a and --ap together; default: data directory)')
    .option('--f107a <sfu>', '81-day centred average of observed F10.7')
    .option('--ap <ap>', 'daily Ap (used for all seven Ap-history entries with --ap-history)')
    .option('--ap-history', 'NRLMSISE-00 with the 3-hourly Ap history (switch 9 = -1) instead of daily Ap')
    .option('--lst <hours>', 'override the local solar time (default UT + longitude/15; for reproducing published check cases)')
    .option('--hp-exponent <n>', 'Harris-Priester cosine exponent, 2 (low inclination) … 6 (polar) (default 2)')
    .option('--json', 'machine-readable output')
    .option('--data-dir <dir>', DATA_DIR_HELP)
    .action((opts: AtmosphereOpts) => {
      const result = atmosphere(opts);
      if (opts.json) printJson(result);
      else process.stdout.write(renderAtmosphere(result) + '\n');
    });
}

/** Evaluate the chosen model; throws UsageError for bad options (the message names the option). */
export function atmosphere(opts: AtmosphereOpts): AtmosphereResult {
  const modelId = choiceOption('--model', opts.model, ATMOSPHERE_MODELS, 'nrlmsise00');
  const epoch = epochOption('--at', opts.at) ?? Epoch.now();
  const lat = requiredNumber('--lat', opts.lat, { min: -90, max: 90 });
  const lon = requiredNumber('--lon', opts.lon, { min: -180, max: 360 });
  const altKm = requiredNumber('--alt-km', opts.altKm, { min: 0, max: 10000 });
  const lstGiven = numberOption('--lst', opts.lst, { min: 0, max: 24 });
  const hpExponent = numberOption('--hp-exponent', opts.hpExponent, { min: 2, max: 6 });
  const given = [opts.f107, opts.f107a, opts.ap].filter((v) => v !== undefined).length;
  if (given !== 0 && given !== 3) {
    throw new UsageError('give all three of --f107, --f107a and --ap, or none (space weather then comes from the data directory)');
  }
  const f107 = numberOption('--f107', opts.f107, { min: 0, max: 1000 });
  const f107a = numberOption('--f107a', opts.f107a, { min: 0, max: 1000 });
  const apGiven = numberOption('--ap', opts.ap, { min: 0, max: 400 });
  if (hpExponent !== undefined && modelId !== 'harris-priester') throw new UsageError('--hp-exponent applies to --model harris-priester only');

  const { mjdDay, secondsOfDay } = epoch.utcDaySeconds();
  const dayOfYear = mjdDay - calendarToMjd(mjdToCalendar(mjdDay).year, 1, 1) + 1;
  const lonWrapped = ((((lon + 180) % 360) + 360) % 360) - 180;
  let lstDerived = secondsOfDay / 3600 + lonWrapped / 15;
  lstDerived -= 24 * Math.floor(lstDerived / 24);
  const lst = lstGiven ?? lstDerived;

  const base = {
    epoch_utc: epoch.toIsoUtc(3),
    lat_deg: lat,
    lon_deg: lonWrapped,
    alt_km: altKm,
    day_of_year: dayOfYear,
    ut_seconds: secondsOfDay,
    local_solar_time_h: lst,
    local_solar_time_source: lstGiven === undefined ? ('ut+longitude' as const) : ('given' as const),
  };
  const noSpecies = {
    temperature_k: null,
    exospheric_temperature_k: null,
    he_m3: null,
    o_m3: null,
    n2_m3: null,
    o2_m3: null,
    ar_m3: null,
    h_m3: null,
    n_m3: null,
    anomalous_o_m3: null,
  };

  if (modelId !== 'nrlmsise00') {
    if (lstGiven !== undefined) throw new UsageError('--lst applies to --model nrlmsise00 only (the other models take the Sun from the epoch)');
    const r = geodeticDegKmToItrfM(lat, lonWrapped, altKm);
    if (modelId === 'exponential') {
      const m = new ExponentialAtmosphere();
      return { model: m.name, ...base, space_weather: null, harris_priester_exponent: null, density_kg_m3: m.densityAtAltitude(altKm * 1e3), ...noSpecies };
    }
    const m = new HarrisPriesterAtmosphere({ exponent: hpExponent ?? 2 });
    if (altKm * 1e3 < m.minAltitudeM) {
      throw new UsageError(`--alt-km must be at least ${m.minAltitudeM / 1e3} for harris-priester (its table starts there), got ${opts.altKm}`);
    }
    return { model: m.name, ...base, space_weather: null, harris_priester_exponent: m.exponent, density_kg_m3: m.density(r, epoch), ...noSpecies };
  }

  // NRLMSISE-00: coefficients, then activity from the command line or the data directory.
  const dataDir = resolveDataDir({ dataDir: opts.dataDir });
  const coefficients = loadAtmosphere(dataDir).coefficients;
  let sw: NonNullable<AtmosphereResult['space_weather']>;
  const apMode = opts.apHistory ? 'history' : 'daily';
  if (f107 !== undefined && f107a !== undefined && apGiven !== undefined) {
    sw = { f107, f107a, ap: new Array<number>(7).fill(apGiven), ap_mode: apMode, kind: 'given', source: 'command line' };
  } else {
    const weather = loadSpaceWeather(dataDir, { names: 'relative' });
    const v = weather.source.at(epoch);
    sw = { f107: v.f107, f107a: v.f107a, ap: Array.from(v.ap), ap_mode: apMode, kind: v.kind, source: weather.note ?? SPACE_WEATHER_PATH };
  }
  const switches = NRLMSISE00_STANDARD_SWITCHES.slice();
  if (apMode === 'history') switches[9] = -1;
  const model = new Nrlmsise00(coefficients, { switches });
  const out = model.gtd7d(
    {
      dayOfYear,
      utSeconds: secondsOfDay,
      altitudeKm: altKm,
      latitudeDeg: lat,
      longitudeDeg: lonWrapped,
      localSolarTimeHours: lst,
      f107: sw.f107,
      f107a: sw.f107a,
      ap: sw.ap[0],
      apArray: sw.ap,
    },
    nrlmsise00Flags(switches),
    new Nrlmsise00Output(),
  );
  const d = out.dSi;
  return {
    model: model.name,
    ...base,
    space_weather: sw,
    harris_priester_exponent: null,
    density_kg_m3: d[5],
    temperature_k: out.t[1],
    exospheric_temperature_k: out.t[0],
    he_m3: d[0],
    o_m3: d[1],
    n2_m3: d[2],
    o2_m3: d[3],
    ar_m3: d[4],
    h_m3: d[6],
    n_m3: d[7],
    anomalous_o_m3: d[8],
  };
}

function sci(x: number): string {
  return x.toExponential(4);
}

export function renderAtmosphere(r: AtmosphereResult): string {
  const lines = [
    `${r.model} at ${r.epoch_utc}`,
    `  place        ${r.lat_deg}° lat, ${r.lon_deg}° lon, ${r.alt_km} km above WGS-84` +
      `  (day ${r.day_of_year}, UT ${r.ut_seconds.toFixed(0)} s, local solar time ${r.local_solar_time_h.toFixed(3)} h${r.local_solar_time_source === 'given' ? ', given' : ''})`,
  ];
  const sw = r.space_weather;
  if (sw) {
    lines.push(
      `  activity     F10.7 ${+sw.f107.toFixed(1)} (previous day), F10.7A ${+sw.f107a.toFixed(1)} (81-day), Ap ${+sw.ap[0].toFixed(1)}` +
        (sw.ap_mode === 'history' ? ` with 3-hourly history [${sw.ap.slice(1).map((a) => +a.toFixed(2)).join(', ')}]` : ' (daily)'),
      `               ${sw.kind === 'given' ? 'given on the command line' : sw.source === SPACE_WEATHER_PATH ? `${sw.kind}, from ${sw.source}` : sw.source}`,
    );
  } else {
    lines.push(`  activity     not used by this model${r.harris_priester_exponent !== null ? ` (mean-activity table, cosine exponent n = ${r.harris_priester_exponent})` : ''}`);
  }
  lines.push(`  density      ${sci(r.density_kg_m3)} kg/m³`);
  if (r.temperature_k !== null && r.exospheric_temperature_k !== null) {
    lines.push(`  temperature  ${r.temperature_k.toFixed(1)} K (exospheric ${r.exospheric_temperature_k.toFixed(1)} K)`);
    const species: [string, number | null][] = [
      ['He', r.he_m3],
      ['O', r.o_m3],
      ['N2', r.n2_m3],
      ['O2', r.o2_m3],
      ['Ar', r.ar_m3],
      ['H', r.h_m3],
      ['N', r.n_m3],
      ['anomalous O', r.anomalous_o_m3],
    ];
    lines.push(`  number densities, m⁻³:`);
    for (const [name, v] of species) lines.push(`    ${name.padEnd(12)} ${v === null ? '-' : sci(v)}`);
  }
  return lines.join('\n');
}
