/**
 * The runtime datasets: which files the data directory holds, where each one officially comes
 * from, and a content check per file so that an HTML error page or a cut-off download is never
 * stored as data. One place for all of it; `stationkeeper data fetch|status` and the loaders that
 * call requireDataFile() read this catalogue.
 *
 * The layout and file names are those of ../shared/data, so STATIONKEEPER_DATA=../shared/data
 * works for every command. The validators are pure functions of the bytes.
 */
import { NRLMSISE00_ARRAY_SHAPES, tleChecksum, type Nrlmsise00CoefficientsJson } from '@stationkeeper/core';

import {
  ACTIVE_CATALOG_PATH,
  EOP_CELESTRAK_PATH,
  EOP_FINALS_PATH,
  gravityFilePath,
  LEAP_SECONDS_PATH,
  MSIS_COEFFICIENTS_PATH,
  SATCAT_PATH,
  SPACE_WEATHER_PATH,
  STATIONS_OMM_PATH,
  STATIONS_TLE_PATH,
} from './dataFiles.js';

export type DatasetId = 'tle' | 'spaceweather' | 'eop' | 'gravity' | 'msis';

/** A file of a dataset, as stored in the data directory. */
export interface DataFileSpec {
  /** '/'-separated path inside the data directory. */
  readonly path: string;
  readonly dataset: DatasetId;
  readonly description: string;
  /** Official public source. */
  readonly url: string;
  /** Path of the source file under a mirror base URL (`--source-base`): the stored path, or the raw source for derived files. */
  readonly mirrorPath: string;
  /** Smallest plausible size of the downloaded source, bytes. Anything shorter is an error page or a cut file. */
  readonly minBytes: number;
  /** Largest accepted download, bytes (guards against a runaway response). */
  readonly maxBytes: number;
  /** Throws DataValidationError when the downloaded bytes are not this source's format. */
  readonly validateSource: (bytes: Uint8Array) => void;
  /**
   * Set when the stored file is derived from the download by a named conversion (the converter lives
   * with the fetcher); `validate` then checks the converted bytes.
   */
  readonly derivedBy?: 'nrlmsise00-c-to-json';
  /** Throws DataValidationError when the stored bytes are not this file's format. */
  readonly validate: (bytes: Uint8Array) => void;
}

export interface DatasetSpec {
  readonly id: DatasetId;
  readonly title: string;
  /** Terms of use, in one line (docs/data.md has the detail). */
  readonly terms: string;
  readonly files: readonly DataFileSpec[];
}

/** The downloaded or stored bytes are not what the file should hold. */
export class DataValidationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataValidationError';
  }
}

const MB = 1024 * 1024;
const DEFAULT_MAX_BYTES = 200 * MB;

// ---------------------------------------------------------------------------------------------
// Text helpers

const utf8 = new TextDecoder('utf-8', { fatal: false });

function decode(bytes: Uint8Array): string {
  const text = utf8.decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function lines(text: string): string[] {
  return text.split(/\r?\n/);
}

function preview(text: string): string {
  const head = text.trimStart().slice(0, 60).replace(/\s+/g, ' ');
  return JSON.stringify(head);
}

/** An HTML (or XML) page where data was expected: the usual shape of a portal's error or login page. */
function rejectMarkup(text: string, what: string): void {
  const head = text.trimStart().slice(0, 1024).toLowerCase();
  if (/^<(!doctype|html|head|body|\?xml)/.test(head) || head.includes('<html')) {
    throw new DataValidationError(`got an HTML page instead of ${what} (starts ${preview(text)})`);
  }
}

// ---------------------------------------------------------------------------------------------
// Validators, one per format

/** TLE line checksum (formats' `tleChecksum`: digits summed, '-' counts 1, modulo 10) compared with column 69. */
export function tleChecksumOk(line: string): boolean {
  return line.length >= 69 && line.charCodeAt(68) - 48 === tleChecksum(line);
}

/** Start of a TLE line 1 / line 2: line number, catalogue number (5 digits, blank-padded or Alpha-5), then for line 1 the classification. */
const TLE_LINE1 = /^1 [ \dA-Z][ \d]{4}[A-Z ] /;
const TLE_LINE2 = /^2 [ \dA-Z][ \d]{4} /;

/**
 * 2LE or 3LE text: every line is a name line, a line 1 or a line 2; line 1 and line 2 come in
 * pairs with the same catalogue number and valid checksums; at most one name line before a pair.
 * Returns the number of element sets.
 */
export function validateTleText(bytes: Uint8Array): number {
  const text = decode(bytes);
  rejectMarkup(text, 'TLE text');
  const ls = lines(text).map((l) => l.trimEnd());
  let pairs = 0;
  let namesInARow = 0;
  for (let i = 0; i < ls.length; i++) {
    const l = ls[i];
    if (l === '') continue;
    if (TLE_LINE1.test(l)) {
      const l2 = ls[i + 1] ?? '';
      const where = `line ${i + 1}`;
      if (!TLE_LINE2.test(l2)) throw new DataValidationError(`TLE ${where}: line 1 is not followed by a line 2`);
      if (l.length !== 69 || l2.length !== 69) {
        throw new DataValidationError(`TLE ${where}: lines must be 69 characters (got ${l.length} and ${l2.length})`);
      }
      if (!tleChecksumOk(l)) throw new DataValidationError(`TLE ${where}: line 1 checksum fails`);
      if (!tleChecksumOk(l2)) throw new DataValidationError(`TLE line ${i + 2}: line 2 checksum fails`);
      if (l.slice(2, 7) !== l2.slice(2, 7)) {
        throw new DataValidationError(`TLE ${where}: catalogue numbers differ ('${l.slice(2, 7)}' vs '${l2.slice(2, 7)}')`);
      }
      pairs++;
      namesInARow = 0;
      i++;
    } else if (TLE_LINE2.test(l)) {
      throw new DataValidationError(`TLE line ${i + 1}: line 2 without a line 1`);
    } else {
      namesInARow++;
      if (namesInARow > 1) throw new DataValidationError(`TLE line ${i + 1}: text that is not an element set (${preview(l)})`);
    }
  }
  if (pairs === 0) throw new DataValidationError(`no TLE element set in the text (starts ${preview(text)})`);
  return pairs;
}

/** Fields every CelesTrak OMM JSON record carries (CCSDS OMM keywords). */
const OMM_REQUIRED_KEYS = [
  'OBJECT_NAME',
  'OBJECT_ID',
  'EPOCH',
  'MEAN_MOTION',
  'ECCENTRICITY',
  'INCLINATION',
  'RA_OF_ASC_NODE',
  'ARG_OF_PERICENTER',
  'MEAN_ANOMALY',
  'NORAD_CAT_ID',
] as const;

/** CelesTrak GP data as OMM JSON: a non-empty array of records with the mean-element keywords. */
export function validateOmmJson(bytes: Uint8Array): number {
  const text = decode(bytes);
  rejectMarkup(text, 'OMM JSON');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new DataValidationError(`OMM JSON does not parse: ${(err as Error).message}`);
  }
  if (!Array.isArray(data)) throw new DataValidationError('OMM JSON must be an array of records');
  if (data.length === 0) throw new DataValidationError('OMM JSON holds no records');
  data.forEach((rec, i) => {
    if (typeof rec !== 'object' || rec === null) throw new DataValidationError(`OMM JSON record ${i} is not an object`);
    for (const k of OMM_REQUIRED_KEYS) {
      if (!(k in rec)) throw new DataValidationError(`OMM JSON record ${i} lacks ${k}`);
    }
  });
  return data.length;
}

function validateCsv(bytes: Uint8Array, what: string, headerPrefix: string, firstFieldPattern: RegExp): void {
  const text = decode(bytes);
  rejectMarkup(text, what);
  const ls = lines(text);
  if (!ls[0].startsWith(headerPrefix)) {
    throw new DataValidationError(`${what} header must start with '${headerPrefix}' (got ${preview(ls[0])})`);
  }
  const header = ls[0].split(',');
  const first = ls[1] ?? '';
  if (!firstFieldPattern.test(first)) throw new DataValidationError(`${what} line 2 is not a data row (got ${preview(first)})`);
  if (first.split(',').length < header.length) {
    throw new DataValidationError(`${what} line 2 has fewer fields than the header's ${header.length}`);
  }
}

/** CelesTrak SW-All.csv (https://celestrak.org/SpaceData/SpaceWx-format.php). */
export function validateSpaceWeatherCsv(bytes: Uint8Array): void {
  validateCsv(bytes, 'SW-All.csv', 'DATE,BSRN,ND,KP1', /^\d{4}-\d{2}-\d{2},/);
  const header = lines(decode(bytes.subarray(0, 4096)))[0];
  for (const col of ['AP_AVG', 'F10.7_OBS', 'F10.7_DATA_TYPE', 'F10.7_OBS_CENTER81']) {
    if (!header.split(',').includes(col)) throw new DataValidationError(`SW-All.csv header lacks column ${col}`);
  }
}

/** CelesTrak SATCAT CSV (https://celestrak.org/satcat/satcat-format.php). */
export function validateSatcatCsv(bytes: Uint8Array): void {
  validateCsv(bytes, 'satcat.csv', 'OBJECT_NAME,OBJECT_ID,NORAD_CAT_ID', /./);
}

const EOP_ROW = /^\d{4} \d\d \d\d \d{5} /;

/** CelesTrak EOP-All.txt (https://celestrak.org/SpaceData/EOP-format.php): an observed block that is complete. */
export function validateCelestrakEop(bytes: Uint8Array): void {
  const text = decode(bytes);
  rejectMarkup(text, 'EOP-All.txt');
  const ls = lines(text);
  const begin = ls.findIndex((l) => l.startsWith('BEGIN OBSERVED'));
  if (begin < 0) throw new DataValidationError(`EOP-All.txt has no 'BEGIN OBSERVED' line (starts ${preview(text)})`);
  const end = ls.findIndex((l, i) => i > begin && l.startsWith('END OBSERVED'));
  if (end < 0) throw new DataValidationError(`EOP-All.txt has no 'END OBSERVED' line: the file is cut off`);
  for (let i = begin + 1; i < end; i++) {
    if (!EOP_ROW.test(ls[i])) throw new DataValidationError(`EOP-All.txt line ${i + 1} is not an EOP row (${preview(ls[i])})`);
  }
  if (end === begin + 1) throw new DataValidationError('EOP-All.txt observed block is empty');
}

/** IERS finals2000A.all: fixed-width rows, YYMMDD then MJD (readme: https://datacenter.iers.org/data/latestVersion/readme.finals2000A). */
export function validateFinals2000A(bytes: Uint8Array): void {
  const text = decode(bytes);
  rejectMarkup(text, 'finals2000A.all');
  const ls = lines(text).filter((l) => l.trim() !== '');
  if (ls.length === 0) throw new DataValidationError('finals2000A.all is empty');
  const row = /^[ \d]\d[ \d]\d[ \d]\d \d{5}\.\d\d /;
  ls.forEach((l, i) => {
    if (!row.test(l)) throw new DataValidationError(`finals2000A.all row ${i + 1} is not 'YYMMDD MJD' fixed-width (${preview(l)})`);
  });
}

/** USNO tai-utc.dat: every line a ΔAT entry; the 2017-01-01 table has 41, later ones can only be longer. */
export function validateTaiUtc(bytes: Uint8Array): void {
  const text = decode(bytes);
  rejectMarkup(text, 'tai-utc.dat');
  const ls = lines(text).filter((l) => l.trim() !== '');
  const row = /^\s*\d{4} [A-Z]{3}\s+\d{1,2} =JD \d{7}\.5\s+TAI-UTC=\s*-?\d+\.\d+\s*S \+ \(MJD - \d+\.\s*\) X\s*\d+\.\d+\s*S\s*$/;
  ls.forEach((l, i) => {
    if (!row.test(l)) throw new DataValidationError(`tai-utc.dat line ${i + 1} is not a TAI-UTC entry (${preview(l)})`);
  });
  if (ls.length < 41) throw new DataValidationError(`tai-utc.dat has ${ls.length} entries; the table has had 41 since 2017`);
}

/**
 * ICGEM .gfc (format: http://icgem.gfz-potsdam.de/ICGEM-Format-2023.pdf): a header with GM, radius
 * and max_degree, then coefficient rows. Checks every (n, m) with 2 ≤ n ≤ max_degree is present,
 * which catches a cut-off file.
 */
export function validateGfc(bytes: Uint8Array): { maxDegree: number; modelName?: string } {
  const text = decode(bytes);
  rejectMarkup(text, 'an ICGEM .gfc gravity model');
  const ls = lines(text);
  const endHead = ls.findIndex((l) => l.startsWith('end_of_head'));
  if (endHead < 0) throw new DataValidationError(`.gfc has no 'end_of_head' line (starts ${preview(text)})`);
  const header = new Map<string, string>();
  for (let i = 0; i < endHead; i++) {
    const m = /^(\w+)\s+(\S+)/.exec(ls[i]);
    if (m) header.set(m[1], m[2]);
  }
  for (const key of ['earth_gravity_constant', 'radius', 'max_degree']) {
    if (!header.has(key)) throw new DataValidationError(`.gfc header lacks '${key}'`);
  }
  for (const key of ['earth_gravity_constant', 'radius']) {
    const v = Number(header.get(key)!.replace(/[dD]/, 'e'));
    if (!Number.isFinite(v) || v <= 0) throw new DataValidationError(`.gfc header '${key}' is not a positive number`);
  }
  const maxDegree = Number(header.get('max_degree'));
  if (!Number.isInteger(maxDegree) || maxDegree < 2 || maxDegree > 10_000) {
    throw new DataValidationError(`.gfc header max_degree '${header.get('max_degree')}' is not a degree`);
  }
  const seen = new Uint8Array(((maxDegree + 1) * (maxDegree + 2)) / 2);
  for (let i = endHead + 1; i < ls.length; i++) {
    const l = ls[i];
    if (l.trim() === '') continue;
    const m = /^(gfc|gfct|trnd|dot|acos|asin)\s+(\d+)\s+(\d+)\s/.exec(l);
    if (!m) throw new DataValidationError(`.gfc line ${i + 1} is not a coefficient row (${preview(l)})`);
    const n = Number(m[2]);
    const mm = Number(m[3]);
    if (n > maxDegree || mm > n) throw new DataValidationError(`.gfc line ${i + 1}: degree/order ${n}/${mm} outside max_degree ${maxDegree}`);
    if (m[1] === 'gfc' || m[1] === 'gfct') seen[(n * (n + 1)) / 2 + mm] = 1;
  }
  for (let n = 2; n <= maxDegree; n++) {
    for (let mm = 0; mm <= n; mm++) {
      if (!seen[(n * (n + 1)) / 2 + mm]) throw new DataValidationError(`.gfc lacks the coefficient of degree ${n} order ${mm}: the file is cut off or incomplete`);
    }
  }
  return { maxDegree, modelName: header.get('modelname') };
}

// The shapes and the JSON type are the model's (atmosphere/nrlmsise00/coefficients.ts), re-exported for the data tools.
export { NRLMSISE00_ARRAY_SHAPES, type Nrlmsise00CoefficientsJson };

/** Checks the parsed coefficient JSON: model name, exactly the ten arrays, each of its declared shape, finite numbers. */
export function checkNrlmsise00Coefficients(data: unknown): Nrlmsise00CoefficientsJson {
  if (typeof data !== 'object' || data === null) throw new DataValidationError('NRLMSISE-00 coefficients must be a JSON object');
  const o = data as Record<string, unknown>;
  if (o.model !== 'NRLMSISE-00') throw new DataValidationError(`NRLMSISE-00 coefficients: 'model' is ${JSON.stringify(o.model)}, expected "NRLMSISE-00"`);
  if (typeof o.description !== 'string') throw new DataValidationError("NRLMSISE-00 coefficients: 'description' must be a string");
  const arrays = o.arrays as Record<string, unknown> | undefined;
  if (typeof arrays !== 'object' || arrays === null) throw new DataValidationError("NRLMSISE-00 coefficients: 'arrays' must be an object");
  const expected = Object.keys(NRLMSISE00_ARRAY_SHAPES);
  for (const k of Object.keys(arrays)) {
    if (!expected.includes(k)) throw new DataValidationError(`NRLMSISE-00 coefficients: unexpected array '${k}'`);
  }
  for (const name of expected) {
    const shape = NRLMSISE00_ARRAY_SHAPES[name];
    const a = arrays[name];
    const fail = (why: string): never => {
      throw new DataValidationError(`NRLMSISE-00 coefficients: array '${name}' ${why}; expected [${shape.join('][')}]`);
    };
    if (!Array.isArray(a)) fail('is missing');
    const arr = a as unknown[];
    if (arr.length !== shape[0]) fail(`has ${arr.length} entries`);
    const rows: unknown[][] = shape.length === 1 ? [arr] : arr.map((r) => (Array.isArray(r) ? r : fail('has a row that is not an array')));
    for (const row of rows) {
      const len = shape.length === 1 ? shape[0] : shape[1];
      if (row.length !== len) fail(`has a row of ${row.length}`);
      for (const v of row) if (typeof v !== 'number' || !Number.isFinite(v)) fail(`holds a non-number ${JSON.stringify(v)}`);
    }
  }
  return data as Nrlmsise00CoefficientsJson;
}

/** nrlmsise/nrlmsise00-coefficients.json bytes. */
export function validateNrlmsise00Json(bytes: Uint8Array): void {
  const text = decode(bytes);
  rejectMarkup(text, 'NRLMSISE-00 coefficient JSON');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new DataValidationError(`NRLMSISE-00 coefficient JSON does not parse: ${(err as Error).message}`);
  }
  checkNrlmsise00Coefficients(data);
}

/** The C release's nrlmsise-00_data.c, before conversion: C text that declares the coefficient arrays. */
export function validateNrlmsise00DataC(bytes: Uint8Array): void {
  const text = decode(bytes);
  rejectMarkup(text, 'nrlmsise-00_data.c');
  for (const name of Object.keys(NRLMSISE00_ARRAY_SHAPES)) {
    if (!new RegExp(`\\bdouble\\s+${name}\\s*\\[`).test(text)) {
      throw new DataValidationError(`nrlmsise-00_data.c does not declare 'double ${name}[...]' (starts ${preview(text)})`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The catalogue

const CELESTRAK_GP = 'https://celestrak.org/NORAD/elements/gp.php';

function file(spec: Omit<DataFileSpec, 'mirrorPath' | 'maxBytes' | 'validateSource'> & Partial<DataFileSpec>): DataFileSpec {
  return Object.freeze({
    mirrorPath: spec.path,
    maxBytes: DEFAULT_MAX_BYTES,
    validateSource: spec.validate,
    ...spec,
  });
}

const voidTle = (b: Uint8Array): void => void validateTleText(b);
const voidOmm = (b: Uint8Array): void => void validateOmmJson(b);
const voidGfc = (b: Uint8Array): void => void validateGfc(b);

export const DATASETS: readonly DatasetSpec[] = Object.freeze([
  {
    id: 'tle',
    title: 'CelesTrak GP element sets (stations, active catalogue) and SATCAT',
    terms: 'CelesTrak public data, from the US Space Force catalogue (18/19 SDS); cite CelesTrak',
    files: [
      file({
        path: STATIONS_TLE_PATH,
        dataset: 'tle',
        description: 'space stations group, 3-line TLE',
        url: `${CELESTRAK_GP}?GROUP=stations&FORMAT=tle`,
        minBytes: 500,
        validate: voidTle,
      }),
      file({
        path: STATIONS_OMM_PATH,
        dataset: 'tle',
        description: 'space stations group, OMM JSON',
        url: `${CELESTRAK_GP}?GROUP=stations&FORMAT=json`,
        minBytes: 500,
        validate: voidOmm,
      }),
      file({
        path: ACTIVE_CATALOG_PATH,
        dataset: 'tle',
        description: 'active objects catalogue, 3-line TLE',
        url: `${CELESTRAK_GP}?GROUP=active&FORMAT=tle`,
        minBytes: 100_000,
        validate: voidTle,
      }),
      file({
        path: SATCAT_PATH,
        dataset: 'tle',
        description: 'satellite catalogue (SATCAT): launch, decay dates, RCS',
        url: 'https://celestrak.org/pub/satcat.csv',
        minBytes: 100_000,
        validate: validateSatcatCsv,
      }),
    ],
  },
  {
    id: 'spaceweather',
    title: 'CelesTrak space weather: Kp/Ap, F10.7 observed, daily and monthly predictions',
    terms: 'CelesTrak public data built from GFZ (Kp/Ap, CC BY 4.0), NRCan/DRAO (F10.7) and NOAA SWPC',
    files: [
      file({
        path: SPACE_WEATHER_PATH,
        dataset: 'spaceweather',
        description: 'space weather since 1957 with predictions',
        url: 'https://celestrak.org/SpaceData/SW-All.csv',
        minBytes: 100_000,
        validate: validateSpaceWeatherCsv,
      }),
    ],
  },
  {
    id: 'eop',
    title: 'Earth orientation parameters and leap seconds',
    terms: 'IERS/USNO products, free to use with acknowledgement; CelesTrak file built from IERS C04 and Bulletin A',
    files: [
      file({
        path: EOP_CELESTRAK_PATH,
        dataset: 'eop',
        description: 'CelesTrak EOP (IERS 20 C04 observed + Bulletin A predictions)',
        url: 'https://celestrak.org/SpaceData/EOP-All.txt',
        minBytes: 100_000,
        validate: validateCelestrakEop,
      }),
      file({
        path: EOP_FINALS_PATH,
        dataset: 'eop',
        description: 'IERS Rapid Service finals2000A.all (IAU 2000)',
        url: 'https://datacenter.iers.org/data/9/finals2000A.all',
        minBytes: 100_000,
        validate: validateFinals2000A,
      }),
      file({
        path: LEAP_SECONDS_PATH,
        dataset: 'eop',
        description: 'USNO TAI-UTC (leap second) table',
        url: 'https://maia.usno.navy.mil/ser7/tai-utc.dat',
        minBytes: 3_000,
        validate: validateTaiUtc,
      }),
    ],
  },
  {
    id: 'gravity',
    title: 'EGM96 geopotential, ICGEM .gfc',
    terms: 'EGM96 (NASA GSFC / NIMA), US government work; distributed by ICGEM (GFZ)',
    files: [
      file({
        path: gravityFilePath('EGM96.gfc'),
        dataset: 'gravity',
        description: 'EGM96 spherical-harmonic coefficients to degree 360',
        // ICGEM's download form: /getmodel/gfc/<sha256 of the model>/<name>.gfc (model list: https://icgem.gfz-potsdam.de/tom_longtime).
        url: 'https://icgem.gfz-potsdam.de/getmodel/gfc/971b0a3b49a497910aad23cd85e066d4cd9af0aeafe7ce6301a696bed8570be3/EGM96.gfc',
        minBytes: 1_000_000,
        validate: voidGfc,
      }),
    ],
  },
  {
    id: 'msis',
    title: 'NRLMSISE-00 coefficient tables, converted from the C release',
    terms: 'NRLMSISE-00 is a U.S. Naval Research Laboratory model; C release by D. Brodowski',
    files: [
      file({
        path: MSIS_COEFFICIENTS_PATH,
        dataset: 'msis',
        description: 'coefficient arrays of nrlmsise-00_data.c (release 20151122) as JSON',
        // The maintainer's own git repository (cgit 'plain' view). Mirror: https://raw.githubusercontent.com/magnific0/nrlmsise-00/master/nrlmsise-00_data.c
        url: 'https://git.linta.de/~brodo/nrlmsise-00.git/plain/nrlmsise-00_data.c',
        mirrorPath: 'nrlmsise/nrlmsise-00_data.c',
        minBytes: 10_000,
        maxBytes: 10 * MB,
        validateSource: validateNrlmsise00DataC,
        derivedBy: 'nrlmsise00-c-to-json',
        validate: validateNrlmsise00Json,
      }),
    ],
  },
] satisfies DatasetSpec[]);

export const DATASET_IDS: readonly DatasetId[] = Object.freeze(DATASETS.map((d) => d.id));

export function isDatasetId(id: string): id is DatasetId {
  return (DATASET_IDS as readonly string[]).includes(id);
}

/** The dataset with this id; throws naming the valid ids. */
export function datasetById(id: string): DatasetSpec {
  const d = DATASETS.find((x) => x.id === id);
  if (d === undefined) throw new Error(`unknown dataset '${id}'; datasets are ${DATASET_IDS.join(', ')}`);
  return d;
}

/** The catalogue entry of a data-directory path, if a dataset provides it. */
export function fileSpecForPath(relPath: string): DataFileSpec | undefined {
  for (const d of DATASETS) for (const f of d.files) if (f.path === relPath) return f;
  return undefined;
}
