/**
 * The loaders of the data directory, one per kind of file: each knows its file (dataFiles.ts),
 * its parser in core and its stand-in when the file is absent. The CLI, the server and the
 * scripts load through these, so a file is named, read and defaulted in one place.
 *
 * Files are parsed once per path and modification time (a later `data fetch` is picked up).
 */
import { readFileSync, statSync } from 'node:fs';
import {
  createNrlmsise00,
  loadNrlmsise00Coefficients,
  NRLMSISE00_EMBEDDED_COEFFICIENTS,
  parseCelestrakSpaceWeatherCsv,
  SolarCycleSpaceWeather,
  TabulatedSpaceWeather,
  type Nrlmsise00,
  type Nrlmsise00Coefficients,
  type SpaceWeatherSource,
  type SpaceWeatherTable,
} from '@stationkeeper/core';
import { MissingDataFileError, optionalDataFile, requireDataFile } from './dataDir.js';
import { gravityFilePath, MSIS_COEFFICIENTS_PATH, SPACE_WEATHER_PATH } from './dataFiles.js';
import { solarCycleStandInTable, SPACE_WEATHER_FALLBACK_NOTE } from './embeddedDefaults.js';

const parsed = new Map<string, { mtimeMs: number; value: unknown }>();

/** `parse(path)` once per path (and `variant`) while the file's modification time stays the same. */
function cachedParse<T>(path: string, variant: string, parse: (path: string) => T): T {
  const key = `${path}\u0000${variant}`;
  const mtimeMs = statSync(path).mtimeMs;
  const hit = parsed.get(key);
  if (hit && hit.mtimeMs === mtimeMs) return hit.value as T;
  const value = parse(path);
  parsed.set(key, { mtimeMs, value });
  return value;
}

export interface AtmosphereData {
  /** NRLMSISE-00 with the coefficients below. */
  readonly model: Nrlmsise00;
  /** The checked coefficient tables (for a model built with other options). */
  readonly coefficients: Nrlmsise00Coefficients;
  /** The parsed JSON, as the re-entry and landing ensembles take it (each worker builds its own model). */
  readonly json: unknown;
  /** True when the data directory's file was used; false: the table embedded in core. */
  readonly fromDataDir: boolean;
  /** How outputs name it: `NRLMSISE-00`, or `NRLMSISE-00 (embedded coefficients)`. */
  readonly name: string;
}

/** NRLMSISE-00 from the data directory's coefficients, else from the table embedded in core. */
export function loadAtmosphere(dataDir: string): AtmosphereData {
  const path = optionalDataFile(dataDir, MSIS_COEFFICIENTS_PATH);
  if (!path) return embeddedAtmosphere();
  return cachedParse(path, 'msis', (p) => atmosphereData(JSON.parse(readFileSync(p, 'utf8')) as unknown, true));
}

let embedded: AtmosphereData | undefined;
function embeddedAtmosphere(): AtmosphereData {
  embedded ??= atmosphereData(NRLMSISE00_EMBEDDED_COEFFICIENTS, false);
  return embedded;
}

function atmosphereData(json: unknown, fromDataDir: boolean): AtmosphereData {
  const coefficients = loadNrlmsise00Coefficients(json);
  const name = fromDataDir ? 'NRLMSISE-00' : 'NRLMSISE-00 (embedded coefficients)';
  return { model: createNrlmsise00(coefficients), coefficients, json, fromDataDir, name };
}

export interface SpaceWeatherOptions {
  /**
   * How the file is named in its parse errors and in the table: 'absolute' (default, the CLI) or
   * 'relative' to the data directory (the server does not show its paths to clients).
   */
  readonly names?: 'absolute' | 'relative';
  /** Throw MissingDataFileError (naming the fetch command) instead of using the stand-in. */
  readonly required?: boolean;
}

export interface SpaceWeatherData {
  /** SW-All.csv's daily table, else the solar-cycle model as a daily table over 1990 … 2070. */
  readonly table: SpaceWeatherTable;
  /** The file's table as a source, else the solar-cycle model itself. */
  readonly source: SpaceWeatherSource;
  /** True when the data directory's SW-All.csv was used. */
  readonly fromDataDir: boolean;
  /** SPACE_WEATHER_FALLBACK_NOTE when the solar-cycle model stood in; undefined otherwise. */
  readonly note: string | undefined;
}

/** CelesTrak SW-All.csv from the data directory, else the solar-cycle model (with a note saying so). */
export function loadSpaceWeather(dataDir: string, options: SpaceWeatherOptions = {}): SpaceWeatherData {
  const path = options.required ? requireDataFile(dataDir, SPACE_WEATHER_PATH) : optionalDataFile(dataDir, SPACE_WEATHER_PATH);
  if (!path) return { table: solarCycleStandInTable(), source: new SolarCycleSpaceWeather(), fromDataDir: false, note: SPACE_WEATHER_FALLBACK_NOTE };
  const label = options.names === 'relative' ? SPACE_WEATHER_PATH : path;
  const table = cachedParse(path, label, (p) => parseCelestrakSpaceWeatherCsv(readFileSync(p, 'utf8'), label));
  return { table, source: new TabulatedSpaceWeather(table), fromDataDir: true, note: undefined };
}

export interface GravityFile {
  /** File name inside gravity/, as a force configuration names the model. */
  readonly fileName: string;
  /** The ICGEM .gfc text (read as Latin-1: headers may hold Latin-1 names; the numbers are ASCII). */
  readonly text: string;
}

/**
 * The first of `candidates` present in the data directory's gravity/ folder. Throws
 * MissingDataFileError naming the first candidate, its fetch command and the others tried.
 */
export function loadGravity(dataDir: string, candidates: readonly string[]): GravityFile {
  if (candidates.length === 0) throw new RangeError('loadGravity: no gravity file named');
  const fileName = candidates.find((name) => optionalDataFile(dataDir, gravityFilePath(name))) ?? candidates[0];
  try {
    const path = requireDataFile(dataDir, gravityFilePath(fileName));
    return { fileName, text: cachedParse(path, 'latin1', (p) => readFileSync(p, 'latin1')) };
  } catch (e) {
    if (e instanceof MissingDataFileError && candidates.length > 1) {
      e.message += ` (nor ${candidates.slice(1).map(gravityFilePath).join(', ')})`;
    }
    throw e;
  }
}
