/**
 * CCSDS Conjunction Data Message (CDM), CCSDS 508.0-B-1 (Blue Book, June 2013), read and written
 * in KVN (cdmKvn.ts) and XML (cdmXml.ts). Both syntaxes are read into the same model: the message
 * as ordered keyword entries per section (header, relative metadata/data, OBJECT1, OBJECT2), kept
 * verbatim so that KVN → model → KVN/XML preserves every value, plus typed, validated, SI fields
 * for the quantities a Pc computation needs.
 *
 * Validation (errors name file, line, keyword and value):
 * - keywords must belong to CDM 1.0 (508.0-B-1 Tables 3-1 … 3-5) or the CDM 2.0 draft
 *   (508.0-P-1.0.2) extensions, or be USER_DEFINED_*; the mandatory ones must be present and non-empty;
 * - numbers must be numbers, epochs must be valid CCSDS times (UTC, calendar or day-of-year form);
 * - a unit in brackets must be the one the standard prescribes for the keyword;
 * - the RTN covariance must be complete: the 21 position/velocity terms, then whole rows for
 *   drag, SRP and thrust (7×7, 8×8 or 9×9 lower triangle); variances must be ≥ 0.
 * Tolerated as warnings unless `strict` (real CARA messages carry them): `NaN` in optional numeric
 * fields and a wrong unit on optional fields (e.g. `[m]` on RELATIVE_VELOCITY_R).
 */
import type { Epoch } from '../time/epoch.js';
import { FormatError } from './formatError.js';
import { parseOmmEpoch } from './ommEpoch.js';

/** One `KEYWORD = value [units]` line (or XML element); COMMENT lines are entries with keyword COMMENT. */
export interface CdmEntry {
  keyword: string;
  /** Value text as written (trimmed). */
  value: string;
  /** Units as written inside the brackets / units attribute, if any. */
  units?: string;
  /** 1-based line in the source, when known. */
  line?: number;
}

export interface CdmObject {
  /** All metadata and data entries of the object, in order, including comments. */
  entries: CdmEntry[];
  object: 'OBJECT1' | 'OBJECT2';
  objectDesignator: string;
  catalogName: string;
  objectName: string;
  internationalDesignator: string;
  ephemerisName: string;
  covarianceMethod: string;
  maneuverable: string;
  /** ORBIT_CENTER, EARTH when absent (508.0-B-1 Table 3-3). */
  orbitCenter: string;
  /** REF_FRAME of the state vector, e.g. EME2000, GCRF, ITRF. */
  refFrame: string;
  /** State at TCA in refFrame, m and m/s (the message has km and km/s). */
  positionM: [number, number, number];
  velocityMps: [number, number, number];
  /** RTN covariance, row-major size×size, symmetric; SI (m², m²/s, m²/s², m³/kg, …). */
  covarianceRtn: Float64Array;
  /** 6 (position/velocity), 7 (+drag), 8 (+SRP) or 9 (+thrust). */
  covarianceSize: number;
}

export interface Cdm {
  /** CCSDS_CDM_VERS. */
  version: string;
  header: CdmEntry[];
  relative: CdmEntry[];
  objects: [CdmObject, CdmObject];
  creationDate: Epoch;
  originator: string;
  messageId: string;
  messageFor?: string;
  tca: Epoch;
  missDistanceM: number;
  relativeSpeedMps?: number;
  relativePositionRtnM?: [number, number, number];
  relativeVelocityRtnMps?: [number, number, number];
  collisionProbability?: number;
  collisionProbabilityMethod?: string;
  /**
   * Combined hard-body radius when the message carries one: the CDM 2.0 HBR keyword (object 1
   * additional parameters) or NASA CARA's `COMMENT HBR = 10 [m]` line.
   */
  hardBodyRadiusM?: number;
  /** Tolerated irregularities (see module notes); empty for a clean message. */
  warnings: string[];
}

export interface CdmParseOptions {
  /** Treat NaN in optional fields and wrong units on optional fields as errors (default false). */
  strict?: boolean;
}

/** Sections as read from either syntax, before validation. */
export interface CdmSections {
  version: string;
  versionLine?: number;
  header: CdmEntry[];
  relative: CdmEntry[];
  objects: CdmEntry[][];
  /** Irregularities the reader tolerated. */
  warnings?: string[];
}

export const CDM_HEADER_KEYWORDS = ['CCSDS_CDM_VERS', 'CREATION_DATE', 'ORIGINATOR', 'MESSAGE_FOR', 'MESSAGE_ID', 'CLASSIFICATION'];

const RELATIVE_KEYWORDS = [
  'CONJUNCTION_ID', 'TCA', 'MISS_DISTANCE', 'MAHALANOBIS_DISTANCE', 'RELATIVE_SPEED',
  'RELATIVE_POSITION_R', 'RELATIVE_POSITION_T', 'RELATIVE_POSITION_N',
  'RELATIVE_VELOCITY_R', 'RELATIVE_VELOCITY_T', 'RELATIVE_VELOCITY_N', 'APPROACH_ANGLE',
  'START_SCREEN_PERIOD', 'STOP_SCREEN_PERIOD', 'SCREEN_TYPE', 'SCREEN_VOLUME_FRAME', 'SCREEN_VOLUME_SHAPE',
  'SCREEN_VOLUME_RADIUS', 'SCREEN_VOLUME_X', 'SCREEN_VOLUME_Y', 'SCREEN_VOLUME_Z', 'SCREEN_ENTRY_TIME',
  'SCREEN_EXIT_TIME', 'SCREEN_PC_THRESHOLD', 'COLLISION_PERCENTILE', 'COLLISION_PROBABILITY',
  'COLLISION_PROBABILITY_METHOD', 'COLLISION_MAX_PROBABILITY', 'COLLISION_MAX_PC_METHOD',
  'SEFI_COLLISION_PROBABILITY', 'SEFI_COLLISION_PROBABILITY_METHOD', 'SEFI_FRAGMENTATION_MODEL',
  'PREVIOUS_MESSAGE_ID', 'PREVIOUS_MESSAGE_EPOCH', 'NEXT_MESSAGE_EPOCH',
];

const OBJECT_METADATA_KEYWORDS = [
  'OBJECT', 'OBJECT_DESIGNATOR', 'CATALOG_NAME', 'OBJECT_NAME', 'INTERNATIONAL_DESIGNATOR', 'OBJECT_TYPE',
  'OPS_STATUS', 'OPERATOR_CONTACT_POSITION', 'OPERATOR_ORGANIZATION', 'OPERATOR_PHONE', 'OPERATOR_EMAIL',
  'ODM_MSG_LINK', 'ADM_MSG_LINK', 'EPHEMERIS_NAME', 'OBS_BEFORE_NEXT_MESSAGE', 'COVARIANCE_METHOD',
  'COVARIANCE_SOURCE', 'MANEUVERABLE', 'ORBIT_CENTER', 'REF_FRAME', 'ALT_COV_TYPE', 'ALT_COV_REF_FRAME',
  'GRAVITY_MODEL', 'ATMOSPHERIC_MODEL', 'N_BODY_PERTURBATIONS', 'SOLAR_RAD_PRESSURE', 'EARTH_TIDES', 'INTRACK_THRUST',
];

const OD_KEYWORDS = [
  'TIME_LASTOB_START', 'TIME_LASTOB_END', 'RECOMMENDED_OD_SPAN', 'ACTUAL_OD_SPAN', 'OBS_AVAILABLE', 'OBS_USED',
  'TRACKS_AVAILABLE', 'TRACKS_USED', 'RESIDUALS_ACCEPTED', 'WEIGHTED_RMS', 'OD_EPOCH',
];

const ADDITIONAL_KEYWORDS = [
  'AREA_PC', 'AREA_PC_MIN', 'AREA_PC_MAX', 'AREA_DRG', 'AREA_SRP', 'OEB_PARENT_FRAME', 'OEB_PARENT_FRAME_EPOCH',
  'OEB_Q1', 'OEB_Q2', 'OEB_Q3', 'OEB_QC', 'OEB_MAX', 'OEB_INT', 'OEB_MIN', 'AREA_ALONG_OEB_MAX', 'AREA_ALONG_OEB_INT',
  'AREA_ALONG_OEB_MIN', 'RCS', 'RCS_MIN', 'RCS_MAX', 'VM_ABSOLUTE', 'VM_APPARENT_MIN', 'VM_APPARENT', 'VM_APPARENT_MAX',
  'REFLECTANCE', 'MASS', 'HBR', 'CD_AREA_OVER_MASS', 'CR_AREA_OVER_MASS', 'THRUST_ACCELERATION', 'SEDR', 'MIN_DV', 'MAX_DV',
  'LEAD_TIME_REQD_BEFORE_TCA', 'APOAPSIS_ALTITUDE', 'PERIAPSIS_ALTITUDE', 'INCLINATION', 'COV_CONFIDENCE',
  'COV_CONFIDENCE_METHOD', 'SCREENING_DATA_SOURCE', 'DCP_SENSITIVITY_VECTOR_POSITION', 'DCP_SENSITIVITY_VECTOR_VELOCITY',
  'DENSITY_FORECAST_UNCERTAINTY', 'CSCALE_FACTOR_MIN', 'CSCALE_FACTOR', 'CSCALE_FACTOR_MAX',
];

export const CDM_STATE_KEYWORDS = ['X', 'Y', 'Z', 'X_DOT', 'Y_DOT', 'Z_DOT'];

/** RTN covariance row names in CDM order (508.0-B-1 Table 3-5). */
const RTN_ROWS = ['R', 'T', 'N', 'RDOT', 'TDOT', 'NDOT', 'DRG', 'SRP', 'THR'];
/** Physical kind of each row: position, velocity, drag, SRP, thrust. */
const RTN_KIND = ['p', 'p', 'p', 'v', 'v', 'v', 'd', 's', 't'];
/** CDM 2.0 XYZ covariance rows (ALT_COV_TYPE = XYZ). */
const XYZ_ROWS = ['X', 'Y', 'Z', 'XDOT', 'YDOT', 'ZDOT', 'DRG', 'SRP', 'THR'];

/** Keyword of the lower-triangle covariance element (i ≥ j), e.g. CT_R, CRDOT_N, CDRG_DRG. */
export function rtnCovarianceKeyword(i: number, j: number): string {
  return `C${RTN_ROWS[i]}_${RTN_ROWS[j]}`;
}

function lowerTriangleKeywords(rows: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < rows.length; i++) for (let j = 0; j <= i; j++) out.push(`C${rows[i]}_${rows[j]}`);
  return out;
}

const RTN_COV_KEYWORDS = lowerTriangleKeywords(RTN_ROWS);
const XYZ_COV_KEYWORDS = lowerTriangleKeywords(XYZ_ROWS);
const SIG3_KEYWORD = 'CSIG3EIGVEC3';
const RTN_SET = new Set(RTN_COV_KEYWORDS);
const XYZ_ONLY = new Set(XYZ_COV_KEYWORDS.filter((k) => !RTN_SET.has(k)));
const SHARED_COV = new Set(XYZ_COV_KEYWORDS.filter((k) => RTN_SET.has(k)));

const OBJECT_KEYWORDS = new Set<string>([
  ...OBJECT_METADATA_KEYWORDS, ...OD_KEYWORDS, ...ADDITIONAL_KEYWORDS, ...CDM_STATE_KEYWORDS,
  ...RTN_COV_KEYWORDS, ...XYZ_COV_KEYWORDS, SIG3_KEYWORD,
]);
const RELATIVE_SET = new Set(RELATIVE_KEYWORDS);
const HEADER_SET = new Set(CDM_HEADER_KEYWORDS);

/** XML grouping of object data keywords (508.0-B-1 Annex / NDM XML schema). */
export function cdmDataGroup(keyword: string): string {
  if (OD_KEYWORDS.includes(keyword)) return 'odParameters';
  if (ADDITIONAL_KEYWORDS.includes(keyword)) return 'additionalParameters';
  if (CDM_STATE_KEYWORDS.includes(keyword)) return 'stateVector';
  if (RTN_COV_KEYWORDS.includes(keyword) || XYZ_COV_KEYWORDS.includes(keyword) || keyword === SIG3_KEYWORD) return 'covarianceMatrix';
  if (keyword.startsWith('USER_DEFINED_')) return 'userDefinedParameters';
  return 'metadata';
}

/** Where a keyword may appear: 'header', 'relative', 'object' or undefined (not a CDM keyword). */
export function cdmKeywordSection(keyword: string): 'header' | 'relative' | 'object' | undefined {
  if (HEADER_SET.has(keyword)) return 'header';
  if (RELATIVE_SET.has(keyword)) return 'relative';
  if (OBJECT_KEYWORDS.has(keyword) || keyword.startsWith('USER_DEFINED_')) return 'object';
  return undefined;
}

const COV_UNIT: Record<string, string> = {
  pp: 'm**2', pv: 'm**2/s', vv: 'm**2/s**2', pd: 'm**3/kg', vd: 'm**3/(kg*s)', dd: 'm**4/kg**2',
  ps: 'm**3/kg', vs: 'm**3/(kg*s)', ds: 'm**4/kg**2', ss: 'm**4/kg**2',
  pt: 'm**2/s**2', vt: 'm**2/s**3', dt: 'm**3/(kg*s**2)', st: 'm**3/(kg*s**2)', tt: 'm**2/s**4',
};

/** Units the standard prescribes (508.0-B-1 Tables 3-2, 3-4, 3-5). */
const UNITS: Record<string, string> = {
  MISS_DISTANCE: 'm', RELATIVE_SPEED: 'm/s',
  RELATIVE_POSITION_R: 'm', RELATIVE_POSITION_T: 'm', RELATIVE_POSITION_N: 'm',
  RELATIVE_VELOCITY_R: 'm/s', RELATIVE_VELOCITY_T: 'm/s', RELATIVE_VELOCITY_N: 'm/s',
  SCREEN_VOLUME_X: 'm', SCREEN_VOLUME_Y: 'm', SCREEN_VOLUME_Z: 'm', SCREEN_VOLUME_RADIUS: 'm', APPROACH_ANGLE: 'deg',
  RECOMMENDED_OD_SPAN: 'd', ACTUAL_OD_SPAN: 'd', RESIDUALS_ACCEPTED: '%',
  AREA_PC: 'm**2', AREA_PC_MIN: 'm**2', AREA_PC_MAX: 'm**2', AREA_DRG: 'm**2', AREA_SRP: 'm**2', MASS: 'kg', HBR: 'm',
  CD_AREA_OVER_MASS: 'm**2/kg', CR_AREA_OVER_MASS: 'm**2/kg', THRUST_ACCELERATION: 'm/s**2', SEDR: 'W/kg',
  X: 'km', Y: 'km', Z: 'km', X_DOT: 'km/s', Y_DOT: 'km/s', Z_DOT: 'km/s',
};
RTN_ROWS.forEach((_, i) => {
  for (let j = 0; j <= i; j++) UNITS[rtnCovarianceKeyword(i, j)] = COV_UNIT[RTN_KIND[j] + RTN_KIND[i]];
});

const INTEGER_KEYWORDS = new Set(['OBS_AVAILABLE', 'OBS_USED', 'TRACKS_AVAILABLE', 'TRACKS_USED']);
const NUMERIC_KEYWORDS = new Set<string>([
  ...Object.keys(UNITS), ...INTEGER_KEYWORDS, 'COLLISION_PROBABILITY', 'COLLISION_MAX_PROBABILITY', 'SEFI_COLLISION_PROBABILITY',
  'SCREEN_PC_THRESHOLD', 'MAHALANOBIS_DISTANCE', 'WEIGHTED_RMS', 'OEB_Q1', 'OEB_Q2', 'OEB_Q3', 'OEB_QC', 'OEB_MAX', 'OEB_INT',
  'OEB_MIN', 'RCS', 'RCS_MIN', 'RCS_MAX', 'REFLECTANCE', 'COV_CONFIDENCE', 'CSCALE_FACTOR', 'CSCALE_FACTOR_MIN',
  'CSCALE_FACTOR_MAX', 'DENSITY_FORECAST_UNCERTAINTY', ...XYZ_COV_KEYWORDS,
]);
const EPOCH_KEYWORDS = new Set([
  'CREATION_DATE', 'TCA', 'START_SCREEN_PERIOD', 'STOP_SCREEN_PERIOD', 'SCREEN_ENTRY_TIME', 'SCREEN_EXIT_TIME',
  'PREVIOUS_MESSAGE_EPOCH', 'NEXT_MESSAGE_EPOCH', 'TIME_LASTOB_START', 'TIME_LASTOB_END', 'OD_EPOCH', 'OEB_PARENT_FRAME_EPOCH',
]);
const MANDATORY_HEADER = ['CREATION_DATE', 'ORIGINATOR', 'MESSAGE_ID'];
const MANDATORY_RELATIVE = ['TCA', 'MISS_DISTANCE'];
const MANDATORY_OBJECT = [
  'OBJECT', 'OBJECT_DESIGNATOR', 'CATALOG_NAME', 'OBJECT_NAME', 'INTERNATIONAL_DESIGNATOR', 'EPHEMERIS_NAME',
  'COVARIANCE_METHOD', 'MANEUVERABLE', 'REF_FRAME', ...CDM_STATE_KEYWORDS, ...RTN_COV_KEYWORDS.slice(0, 21),
];
/** Mandatory numeric fields: never tolerated as NaN or with a wrong unit. */
const STRICT_NUMERIC = new Set(['MISS_DISTANCE', ...CDM_STATE_KEYWORDS, ...RTN_COV_KEYWORDS]);

const NUMBER_RE = /^[+-]?(\d+(?:\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Largest magnitude a numeric value may have before it is refused as absurd: beyond these the
 * Pc arithmetic (sums and products of covariances) overflows to Infinity/NaN. A state component
 * of 1e7 km is 25 lunar distances; a covariance element of 1e30 is a position sigma of 1e15 m.
 */
function magnitudeLimit(keyword: string): number {
  if (CDM_STATE_KEYWORDS.includes(keyword)) return 1e7;
  return 1e30;
}

/** Canonical spelling of a unit for comparison: lower case, no blanks. */
function normaliseUnit(u: string): string {
  return u.replace(/\s+/g, '').toLowerCase();
}

export function expectedCdmUnit(keyword: string): string | undefined {
  return UNITS[keyword];
}

/**
 * Validate sections read from KVN or XML and build the typed message.
 * @throws FormatError naming file, line, keyword and value.
 */
export function buildCdm(sections: CdmSections, fileName: string, options: CdmParseOptions = {}): Cdm {
  const strict = options.strict ?? false;
  const warnings: string[] = [...(sections.warnings ?? [])];
  const err = (e: CdmEntry | undefined, field: string, value: string, reason: string, line?: number): FormatError =>
    new FormatError({ fileName, line: e?.line ?? line, field, value, reason });
  const warn = (e: CdmEntry, reason: string): void => {
    warnings.push(`${fileName || '<input>'}${e.line ? `:${e.line}` : ''}: field ${e.keyword}: ${JSON.stringify(e.value)} ${reason}`);
  };

  if (!/^[12]\.\d+$/.test(sections.version)) {
    throw err(undefined, 'CCSDS_CDM_VERS', sections.version, 'is not a supported CDM version (1.0 or 2.0)', sections.versionLine ?? 1);
  }
  // Keyword placement and value syntax.
  const checkEntries = (entries: CdmEntry[], section: 'header' | 'relative' | 'object'): void => {
    const seen = new Set<string>();
    const blockOf = covarianceBlocks(entries);
    for (const e of entries) {
      if (e.keyword === 'COMMENT') continue;
      const home = cdmKeywordSection(e.keyword);
      if (home === undefined) throw err(e, e.keyword, e.value, 'is not a CDM keyword (CCSDS 508.0-B-1)');
      if (home !== section) throw err(e, e.keyword, e.value, `belongs in the ${home} section, not the ${section} section`);
      const key = `${blockOf.get(e) ?? ''}${e.keyword}`;
      if (seen.has(key)) throw err(e, e.keyword, e.value, `appears twice in the ${section} section`);
      seen.add(key);
      checkValue(e);
    }
  };
  const checkValue = (e: CdmEntry): void => {
    const k = e.keyword;
    if (e.value === '') return; // empty: absent for optional keywords; mandatory ones are checked below
    if (NUMERIC_KEYWORDS.has(k)) {
      const isNaN = e.value === 'NaN';
      if (!NUMBER_RE.test(e.value) && !isNaN) {
        throw err(e, k, e.value, `is not a number${e.value.includes(' ') ? ' (one value per keyword)' : ''}`);
      }
      if (isNaN) {
        if (strict || STRICT_NUMERIC.has(k)) throw err(e, k, e.value, 'is not a number');
        warn(e, 'is NaN (tolerated in an optional field)');
      }
      if (INTEGER_KEYWORDS.has(k) && !isNaN && !/^[+-]?\d+$/.test(e.value)) throw err(e, k, e.value, 'is not an integer');
      if (!isNaN) checkMagnitude(e, k);
    }
    if (EPOCH_KEYWORDS.has(k)) epochOf(e);
    const unit = UNITS[k];
    if (e.units !== undefined && unit !== undefined && normaliseUnit(e.units) !== normaliseUnit(unit)) {
      if (strict || STRICT_NUMERIC.has(k)) throw err(e, k, e.value, `has units [${e.units}]; expected [${unit}]`);
      warn(e, `has units [${e.units}]; expected [${unit}] (tolerated in an optional field)`);
    }
  };
  const checkMagnitude = (e: CdmEntry, k: string): void => {
    const x = Number(e.value);
    if (!Number.isFinite(x)) throw err(e, k, e.value, 'is not a finite number');
    const limit = magnitudeLimit(k);
    if (Math.abs(x) > limit) throw err(e, k, e.value, `is beyond any physical value (|x| ≤ ${limit})`);
  };
  const epochOf = (e: CdmEntry): Epoch => {
    try {
      return parseOmmEpoch(e.value);
    } catch (x) {
      throw err(e, e.keyword, e.value, `is not a valid CCSDS UTC time (YYYY-MM-DDThh:mm:ss[.d] or YYYY-DDDThh:mm:ss[.d]): ${(x as Error).message}`);
    }
  };
  checkEntries(sections.header, 'header');
  checkEntries(sections.relative, 'relative');
  if (sections.objects.length !== 2) {
    throw err(undefined, 'OBJECT', String(sections.objects.length), 'object sections found; a CDM has exactly two (OBJECT1, OBJECT2)', 1);
  }
  sections.objects.forEach((o) => checkEntries(o, 'object'));

  const find = (entries: CdmEntry[], k: string): CdmEntry | undefined => entries.find((e) => e.keyword === k);
  const required = (entries: CdmEntry[], k: string, where: string, line: number | undefined): CdmEntry => {
    const e = find(entries, k);
    if (!e) throw err(undefined, k, '', `is missing from the ${where}`, line ?? 1);
    if (e.value === '') throw err(e, k, '', `is empty; it is mandatory in the ${where}`);
    return e;
  };
  const firstLine = (entries: CdmEntry[]): number | undefined => entries.find((e) => e.line !== undefined)?.line;
  for (const k of MANDATORY_HEADER) required(sections.header, k, 'header', firstLine(sections.header));
  for (const k of MANDATORY_RELATIVE) required(sections.relative, k, 'relative metadata/data', firstLine(sections.relative));
  const num = (e: CdmEntry | undefined): number | undefined => (e && e.value !== '' ? Number(e.value) : undefined);
  const optionalNumber = (k: string): number | undefined => num(find(sections.relative, k));
  const triple = (keys: string[]): [number, number, number] | undefined => {
    const v = keys.map(optionalNumber);
    return v.every((x) => x !== undefined) ? (v as [number, number, number]) : undefined;
  };

  const objects = sections.objects.map((entries, index) => buildObject(entries, index, strict, warn, required, err, firstLine(entries)));
  const h = (k: string): string | undefined => find(sections.header, k)?.value || undefined;
  const cp = find(sections.relative, 'COLLISION_PROBABILITY');
  const cpm = find(sections.relative, 'COLLISION_PROBABILITY_METHOD');
  const cdm: Cdm = {
    version: sections.version,
    header: sections.header,
    relative: sections.relative,
    objects: [objects[0], objects[1]],
    creationDate: epochOf(required(sections.header, 'CREATION_DATE', 'header', 1)),
    originator: required(sections.header, 'ORIGINATOR', 'header', 1).value,
    messageId: required(sections.header, 'MESSAGE_ID', 'header', 1).value,
    tca: epochOf(required(sections.relative, 'TCA', 'relative metadata/data', 1)),
    missDistanceM: Number(required(sections.relative, 'MISS_DISTANCE', 'relative metadata/data', 1).value),
    warnings,
  };
  if (h('MESSAGE_FOR')) cdm.messageFor = h('MESSAGE_FOR');
  const speed = optionalNumber('RELATIVE_SPEED');
  if (speed !== undefined) cdm.relativeSpeedMps = speed;
  const rp = triple(['RELATIVE_POSITION_R', 'RELATIVE_POSITION_T', 'RELATIVE_POSITION_N']);
  if (rp) cdm.relativePositionRtnM = rp;
  const rv = triple(['RELATIVE_VELOCITY_R', 'RELATIVE_VELOCITY_T', 'RELATIVE_VELOCITY_N']);
  if (rv) cdm.relativeVelocityRtnMps = rv;
  if (cp && cp.value !== '') {
    const p = Number(cp.value);
    if (!(p >= 0 && p <= 1)) throw err(cp, 'COLLISION_PROBABILITY', cp.value, 'is not a probability in [0, 1]');
    cdm.collisionProbability = p;
  }
  if (cpm && cpm.value !== '') cdm.collisionProbabilityMethod = cpm.value;
  const hbr = hardBodyRadius(sections, find);
  if (hbr !== undefined) cdm.hardBodyRadiusM = hbr;
  return cdm;
}

function hardBodyRadius(sections: CdmSections, find: (entries: CdmEntry[], k: string) => CdmEntry | undefined): number | undefined {
  const v2 = find(sections.objects[0], 'HBR');
  if (v2 && v2.value !== '' && Number(v2.value) >= 0) return Number(v2.value);
  // NASA CARA writes the combined HBR as a comment of the relative section: "COMMENT HBR = 10 [m]".
  const leadingObjectComments: CdmEntry[] = [];
  for (const e of sections.objects[0]) {
    if (e.keyword !== 'COMMENT') break;
    leadingObjectComments.push(e);
  }
  for (const e of [...sections.relative, ...sections.header, ...leadingObjectComments]) {
    if (e.keyword !== 'COMMENT') continue;
    // Trimmed first: a blank run between two optional parts would backtrack quadratically.
    const m = /^HBR\s*=\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*(?:\[\s*m\s*\])?$/i.exec(e.value.trim());
    if (m) return Number(m[1]);
  }
  return undefined;
}

/**
 * Entries of the CDM 2.0 alternate XYZ covariance block (ALT_COV_TYPE = XYZ), which shares the
 * keywords CDRG_DRG, CSRP_DRG, … with the RTN block: everything from its first XYZ-only keyword
 * (CX_X, CY_X, …, CDRG_X, …) on. Maps entry → 'XYZ:'.
 */
function covarianceBlocks(entries: CdmEntry[]): Map<CdmEntry, string> {
  const out = new Map<CdmEntry, string>();
  let inXyz = false;
  for (const e of entries) {
    if (XYZ_ONLY.has(e.keyword)) inXyz = true;
    if (inXyz && (XYZ_ONLY.has(e.keyword) || SHARED_COV.has(e.keyword))) out.set(e, 'XYZ:');
  }
  return out;
}

function buildObject(
  entries: CdmEntry[],
  index: number,
  strict: boolean,
  warn: (e: CdmEntry, reason: string) => void,
  required: (entries: CdmEntry[], k: string, where: string, line: number | undefined) => CdmEntry,
  err: (e: CdmEntry | undefined, field: string, value: string, reason: string, line?: number) => FormatError,
  line: number | undefined,
): CdmObject {
  const name = `OBJECT${index + 1}`;
  const where = `${name} section`;
  const get = (k: string): string => required(entries, k, where, line).value;
  const objectEntry = required(entries, 'OBJECT', where, line);
  if (objectEntry.value !== name) throw err(objectEntry, 'OBJECT', objectEntry.value, `found where ${name} was expected (objects come in the order OBJECT1, OBJECT2)`);
  for (const k of MANDATORY_OBJECT) required(entries, k, where, line);
  const maneuverable = get('MANEUVERABLE');
  const man = entries.find((e) => e.keyword === 'MANEUVERABLE')!;
  if (!['YES', 'NO', 'N/A'].includes(maneuverable.toUpperCase())) throw err(man, 'MANEUVERABLE', maneuverable, 'is not YES, NO or N/A');
  const values = new Map<string, CdmEntry>();
  const blockOf = covarianceBlocks(entries);
  for (const e of entries) if (e.keyword !== 'COMMENT' && e.value !== '' && !blockOf.has(e)) values.set(e.keyword, e);
  const state = CDM_STATE_KEYWORDS.map((k) => Number(values.get(k)!.value) * 1e3);
  // Covariance: 6×6 mandatory, then whole extra rows.
  let size = 6;
  for (let row = 6; row < 9; row++) {
    const keys = Array.from({ length: row + 1 }, (_, j) => rtnCovarianceKeyword(row, j));
    const present = keys.filter((k) => values.has(k));
    if (present.length === 0) break;
    if (present.length !== keys.length || size !== row) {
      const missing = keys.find((k) => !values.has(k)) ?? keys[0];
      const at = values.get(present[0])!;
      throw err(at, missing, '', `is missing: covariance row ${RTN_ROWS[row]} of ${name} is incomplete (a ${row + 1}×${row + 1} lower triangle needs every element)`);
    }
    size = row + 1;
  }
  for (let row = size; row < 9; row++) {
    for (let j = 0; j <= row; j++) {
      const e = values.get(rtnCovarianceKeyword(row, j));
      if (e) throw err(e, e.keyword, e.value, `belongs to covariance row ${RTN_ROWS[row]} but row ${RTN_ROWS[size]} is absent`);
    }
  }
  const cov = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j <= i; j++) {
      const e = values.get(rtnCovarianceKeyword(i, j))!;
      const x = Number(e.value);
      if (i === j && x < 0) {
        // Position/velocity variances feed the Pc: always an error. Drag/SRP/thrust ones are not used
        // here, and Orekit's valid sample CDMExample4 carries CTHR_THR < 0: a warning unless strict.
        if (i < 6 || strict) throw err(e, e.keyword, e.value, 'is a negative variance');
        warn(e, 'is a negative variance (tolerated outside the position/velocity block)');
      }
      cov[i * size + j] = x;
      cov[j * size + i] = x;
    }
  }
  return {
    entries,
    object: name as 'OBJECT1' | 'OBJECT2',
    objectDesignator: get('OBJECT_DESIGNATOR'),
    catalogName: get('CATALOG_NAME'),
    objectName: get('OBJECT_NAME'),
    internationalDesignator: get('INTERNATIONAL_DESIGNATOR'),
    ephemerisName: get('EPHEMERIS_NAME'),
    covarianceMethod: get('COVARIANCE_METHOD'),
    maneuverable,
    orbitCenter: values.get('ORBIT_CENTER')?.value ?? 'EARTH',
    refFrame: get('REF_FRAME'),
    positionM: [state[0], state[1], state[2]],
    velocityMps: [state[3], state[4], state[5]],
    covarianceRtn: cov,
    covarianceSize: size,
  };
}
