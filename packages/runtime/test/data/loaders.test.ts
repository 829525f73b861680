/**
 * The data-directory loaders: each reads its file when present (parsed once while unchanged),
 * else its stand-in, and a required file that is missing is named with its fetch command.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createNrlmsise00,
  Epoch,
  ISS_SAMPLE_TLE,
  loadNrlmsise00Coefficients,
  NRLMSISE00_EMBEDDED_COEFFICIENTS,
  parseCelestrakSpaceWeatherCsv,
  parseRunConfig,
  parseTle,
  SolarCycleSpaceWeather,
  stateFromMeanElements,
} from '@stationkeeper/core';
import { REPO_ROOT, sharedDataAvailable, sharedPath } from '../../../../test/sharedData.js';
import {
  buildPropagator,
  loadAtmosphere,
  loadEop,
  loadGravity,
  loadSpaceWeather,
  MissingDataFileError,
  MSIS_COEFFICIENTS_PATH,
  RunConfigError,
  SPACE_WEATHER_FALLBACK_NOTE,
  SPACE_WEATHER_PATH,
} from '../../src/data/index.js';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'sk-loaders-'));
  dirs.push(d);
  return d;
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A data directory holding copies of the given files of ../shared/data. */
function dataDirWith(...relPaths: string[]): string {
  const d = tempDir();
  for (const rel of relPaths) {
    mkdirSync(join(d, rel, '..'), { recursive: true });
    copyFileSync(sharedPath(...rel.split('/')), join(d, ...rel.split('/')));
  }
  return d;
}

const AT = Epoch.fromIso('2022-07-15T12:00:00Z');
const INPUT = { dayOfYear: 196, utSeconds: 43200, altitudeKm: 400, latitudeDeg: 30, longitudeDeg: -60, localSolarTimeHours: 8, f107a: 150, f107: 150, ap: 4 };

describe('loadAtmosphere', () => {
  it('without the coefficient file: the embedded table, said so in the name', () => {
    const a = loadAtmosphere(tempDir());
    expect(a.fromDataDir).toBe(false);
    expect(a.name).toBe('NRLMSISE-00 (embedded coefficients)');
    const reference = createNrlmsise00(loadNrlmsise00Coefficients(NRLMSISE00_EMBEDDED_COEFFICIENTS));
    expect(a.model.gtd7(INPUT).totalMassDensityKgM3).toBe(reference.gtd7(INPUT).totalMassDensityKgM3);
  });

  it.skipIf(!sharedDataAvailable())('with the file: its coefficients, parsed once until the file changes', () => {
    const dir = dataDirWith(MSIS_COEFFICIENTS_PATH);
    const a = loadAtmosphere(dir);
    expect(a.fromDataDir).toBe(true);
    expect(a.name).toBe('NRLMSISE-00');
    const direct = createNrlmsise00(loadNrlmsise00Coefficients(JSON.parse(readFileSync(join(dir, MSIS_COEFFICIENTS_PATH), 'utf8'))));
    expect(a.model.gtd7(INPUT).totalMassDensityKgM3).toBe(direct.gtd7(INPUT).totalMassDensityKgM3);
    expect(loadAtmosphere(dir)).toBe(a);
    utimesSync(join(dir, MSIS_COEFFICIENTS_PATH), new Date(), new Date(Date.now() + 5000));
    expect(loadAtmosphere(dir)).not.toBe(a);
  });
});

describe('loadSpaceWeather', () => {
  it('without SW-All.csv: the solar-cycle model and the note; required: the fetch command', () => {
    const dir = tempDir();
    const sw = loadSpaceWeather(dir);
    expect(sw.fromDataDir).toBe(false);
    expect(sw.note).toBe(SPACE_WEATHER_FALLBACK_NOTE);
    expect(sw.source).toBeInstanceOf(SolarCycleSpaceWeather);
    expect(() => loadSpaceWeather(dir, { required: true })).toThrow(MissingDataFileError);
    expect(() => loadSpaceWeather(dir, { required: true })).toThrow(/stationkeeper data fetch --only spaceweather/);
  });

  it.skipIf(!sharedDataAvailable())('with the file: the values the CelesTrak parser gives, no note', () => {
    const dir = dataDirWith(SPACE_WEATHER_PATH);
    const sw = loadSpaceWeather(dir, { names: 'relative' });
    expect(sw.fromDataDir).toBe(true);
    expect(sw.note).toBeUndefined();
    const direct = parseCelestrakSpaceWeatherCsv(readFileSync(join(dir, SPACE_WEATHER_PATH), 'utf8'));
    expect(Array.from(sw.table.f107Obs)).toEqual(Array.from(direct.f107Obs));
    expect(Array.from(sw.table.ap3h)).toEqual(Array.from(direct.ap3h));
    expect(sw.table.fileName).toBe(SPACE_WEATHER_PATH); // names relative to the data directory
    expect(sw.source.at(AT).kind).toBe('observed');
  });
});

describe('loadGravity and loadEop', () => {
  it('a missing field names the first candidate, its fetch command and the others tried', () => {
    expect(() => loadGravity(tempDir(), ['EGM96.gfc', 'eigen-6s.gfc'])).toThrow(/gravity\/EGM96\.gfc — run `stationkeeper data fetch --only gravity.*\(nor gravity\/eigen-6s\.gfc\)/);
    expect(loadEop(tempDir())).toBeUndefined();
  });

  it.skipIf(!sharedDataAvailable())('the first candidate present is read', () => {
    const dir = dataDirWith('gravity/eigen-6s.gfc', 'eop/EOP-All.txt');
    const g = loadGravity(dir, ['EGM96.gfc', 'eigen-6s.gfc']);
    expect(g.fileName).toBe('eigen-6s.gfc');
    expect(g.text).toMatch(/^begin_of_head/m);
    expect(loadEop(dir)).toBeDefined();
  });
});

describe('buildPropagator', () => {
  const iss = parseTle(ISS_SAMPLE_TLE).records[0];
  const initial = stateFromMeanElements(iss, 1000);

  it('builds the configuration forces; the data files it needs are required', () => {
    const j2 = parseRunConfig(readFileSync(join(REPO_ROOT, 'examples/forces/j2.json'), 'utf8'), 'j2.json');
    const built = buildPropagator(j2, initial, tempDir());
    expect(built.forceSummary.join(' ')).toMatch(/J2/i);
    const end = initial.epoch.plusSeconds(600);
    expect(built.propagator.propagate(initial, end).final.epoch.secondsSince(end)).toBe(0);

    const full = parseRunConfig(readFileSync(join(REPO_ROOT, 'examples/forces/iss-full.json'), 'utf8'), 'iss-full.json');
    expect(() => buildPropagator(full, initial, tempDir())).toThrow(MissingDataFileError);
    expect(() => buildPropagator({ ...j2, forces: { ...j2.forces, gravity: { model: 'j2', degree: -1 } } } as never, initial, tempDir())).toThrow(RunConfigError);
  });
});
