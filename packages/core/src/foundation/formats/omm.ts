/**
 * CCSDS Orbit Mean-Elements Message (OMM, CCSDS 502.0-B-2 / -3, §4) carrying SGP4 mean
 * elements: the record type, keyword table and the checks shared by the KVN, XML and JSON
 * readers and writers. Keywords and units: CCSDS 502.0-B-3 table 4-3; JSON form: CelesTrak
 * "A New Way to Obtain GP Data" (T.S. Kelso, 2020), which uses the same keywords.
 */
import { Epoch } from '../time/epoch.js';
import { FormatError } from './formatError.js';
import { stripKvnUnits } from './kvnScan.js';
import { ELEMENT_EPOCH_YEARS, MAX_ABS_BSTAR, MEAN_MOTION_RANGE_REV_PER_DAY, type MeanElements } from './meanElements.js';
import { formatOmmEpoch, parseOmmEpoch } from './ommEpoch.js';
import { intlDesignatorToOmm } from './tleFields.js';

/** One element set read from an OMM. */
export interface OmmRecord extends MeanElements {
  /** File the message came from; empty when unknown. */
  fileName: string;
  /** 1-based line where the message starts (KVN version line, `<omm>` tag, JSON `{`); 0 if unknown. */
  lineNumber: number;
  /** CCSDS_OMM_VERS (empty in CelesTrak JSON). */
  ommVersion: string;
  /** CREATION_DATE as written. */
  creationDate: string;
  originator: string;
  centerName: string;
  refFrame: string;
  timeSystem: string;
  meanElementTheory: string;
  /** COMMENT lines, in order. */
  comments: string[];
}

/** A keyword's value as found, with where it was found (for error messages). */
export interface OmmFieldValue {
  value: string;
  line?: number;
  column?: number;
}

/** Finds where a keyword sits in the source text, for error messages only. */
export interface KeywordLocator {
  locate(key: string, from: number, to: number): { line: number; column: number };
}

/**
 * A field whose line/column are looked up only if an error message needs them (XML and JSON
 * readers: finding a keyword's position costs a text search).
 */
export class LazyLocatedField implements OmmFieldValue {
  private where: { line: number; column: number } | undefined;

  constructor(
    readonly value: string,
    private readonly key: string,
    private readonly from: number,
    private readonly to: number,
    private readonly locator: KeywordLocator,
  ) {}

  get line(): number {
    this.where ??= this.locator.locate(this.key, this.from, this.to);
    return this.where.line;
  }

  get column(): number {
    this.where ??= this.locator.locate(this.key, this.from, this.to);
    return this.where.column;
  }
}

/** Keyword → value for one message, as read by a KVN/XML/JSON front end. */
export type OmmFields = Map<string, OmmFieldValue>;

export interface OmmSource {
  fileName: string;
  /** Line where the message starts (0 when unknown). */
  line: number;
}

/** Options of the OMM writers. */
export interface OmmWriteOptions {
  /** CREATION_DATE; defaults to now. */
  creationDate?: Epoch;
  /** ORIGINATOR; defaults to `stationkeeper`. */
  originator?: string;
}

const NUMBER_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const INTEGER_RE = /^[+-]?\d+$/;

/** Data keywords of an SGP4 OMM, in the order the standard lists them. */
export const OMM_SGP4_KEYWORDS = [
  'EPOCH',
  'MEAN_MOTION',
  'ECCENTRICITY',
  'INCLINATION',
  'RA_OF_ASC_NODE',
  'ARG_OF_PERICENTER',
  'MEAN_ANOMALY',
  'EPHEMERIS_TYPE',
  'CLASSIFICATION_TYPE',
  'NORAD_CAT_ID',
  'ELEMENT_SET_NO',
  'REV_AT_EPOCH',
  'BSTAR',
  'MEAN_MOTION_DOT',
  'MEAN_MOTION_DDOT',
] as const;

/**
 * Check one message's keywords and build the record; push an error per bad keyword and return
 * undefined when there is any. Optional TLE parameters take their CCSDS defaults
 * (EPHEMERIS_TYPE 0, CLASSIFICATION_TYPE U) or 0.
 */
export function ommRecordFromFields(
  fields: OmmFields,
  source: OmmSource,
  comments: string[],
  errors: FormatError[],
): OmmRecord | undefined {
  const before = errors.length;
  const err = (field: string, found: OmmFieldValue | undefined, reason: string): void => {
    errors.push(
      new FormatError({
        fileName: source.fileName,
        line: found?.line ?? (source.line > 0 ? source.line : undefined),
        column: found?.column,
        field,
        value: found?.value ?? '',
        reason,
      }),
    );
  };
  const text = (key: string, fallback: string): string => fields.get(key)?.value.trim() ?? fallback;
  const expect = (key: string, wanted: string[]): string => {
    const found = fields.get(key);
    const value = found ? found.value.trim() : wanted[0];
    if (!wanted.includes(value.toUpperCase())) {
      err(key, found, `is not supported: an SGP4 OMM needs ${wanted.join(' or ')}`);
    }
    return value;
  };
  const number = (key: string, required: boolean, check?: (v: number) => string | undefined): number => {
    const found = fields.get(key);
    if (!found || found.value.trim() === '') {
      if (required) {
        const hint = key === 'MEAN_MOTION' && fields.has('SEMI_MAJOR_AXIS') ? ' (SGP4 needs MEAN_MOTION, not SEMI_MAJOR_AXIS)' : '';
        err(key, found, `is missing${hint}`);
      }
      return 0;
    }
    const t = stripKvnUnits(found.value);
    if (!NUMBER_RE.test(t)) {
      err(key, found, 'is not a number');
      return 0;
    }
    const v = Number(t) + 0; // -0 is stored as 0, as the TLE reader does
    if (!Number.isFinite(v)) {
      err(key, found, 'is not a finite number');
      return 0;
    }
    const problem = check?.(v);
    if (problem) err(key, found, problem);
    return v;
  };
  const integer = (key: string, required: boolean, min: number): number => {
    const found = fields.get(key);
    if (!found || found.value.trim() === '') {
      if (required) err(key, found, 'is missing');
      return 0;
    }
    const t = stripKvnUnits(found.value);
    if (!INTEGER_RE.test(t)) {
      err(key, found, 'is not an integer');
      return 0;
    }
    const v = Number(t);
    if (v < min || !Number.isSafeInteger(v)) err(key, found, `is out of range (at least ${min})`);
    return v;
  };
  const range = (lo: number, hi: number, hiOpen = false) => (v: number): string | undefined =>
    v >= lo && (hiOpen ? v < hi : v <= hi) ? undefined : `is out of range [${lo}, ${hi}${hiOpen ? ')' : ']'}`;

  const centerName = expect('CENTER_NAME', ['EARTH']);
  const refFrame = expect('REF_FRAME', ['TEME']);
  const timeSystem = expect('TIME_SYSTEM', ['UTC']);
  const meanElementTheory = expect('MEAN_ELEMENT_THEORY', ['SGP4']);

  const epochField = fields.get('EPOCH');
  let epoch: Epoch | undefined;
  if (!epochField || epochField.value.trim() === '') {
    err('EPOCH', epochField, 'is missing');
  } else {
    try {
      epoch = parseOmmEpoch(epochField.value.trim());
    } catch {
      err('EPOCH', epochField, 'is not an ISO 8601 UTC time (e.g. 2022-07-15T12:14:42.323712)');
    }
    const year = epoch?.toUtcComponents().year;
    if (year !== undefined && !(year >= ELEMENT_EPOCH_YEARS.min && year <= ELEMENT_EPOCH_YEARS.max)) {
      err('EPOCH', epochField, `is outside the years ${ELEMENT_EPOCH_YEARS.min}–${ELEMENT_EPOCH_YEARS.max}`);
      epoch = undefined;
    }
  }
  const { min: nMin, max: nMax } = MEAN_MOTION_RANGE_REV_PER_DAY;
  const meanMotionRevPerDay = number('MEAN_MOTION', true, (v) =>
    v > 0 ? (v >= nMin && v <= nMax ? undefined : `is out of range [${nMin}, ${nMax}] rev/day (no Earth orbit outside it)`) : 'must be positive',
  );
  const eccentricity = number('ECCENTRICITY', true, range(0, 1, true));
  const inclinationDeg = number('INCLINATION', true, range(0, 180));
  const raanDeg = normalizeAngle(number('RA_OF_ASC_NODE', true, range(-360, 360)));
  const argPerigeeDeg = normalizeAngle(number('ARG_OF_PERICENTER', true, range(-360, 360)));
  const meanAnomalyDeg = normalizeAngle(number('MEAN_ANOMALY', true, range(-360, 360)));
  const ephemerisType = integer('EPHEMERIS_TYPE', false, 0);
  const classificationField = fields.get('CLASSIFICATION_TYPE');
  const classification = classificationField?.value.trim() || 'U';
  if (!/^[A-Z]$/.test(classification)) err('CLASSIFICATION_TYPE', classificationField, 'is not one capital letter (U, C or S)');
  const noradId = integer('NORAD_CAT_ID', true, 0);
  const elementSetNo = integer('ELEMENT_SET_NO', false, 0);
  const revAtEpoch = integer('REV_AT_EPOCH', false, 0);
  const bstar = number('BSTAR', false, (v) => (Math.abs(v) <= MAX_ABS_BSTAR ? undefined : `is beyond ±${MAX_ABS_BSTAR} (more than a TLE can carry)`));
  const meanMotionDot = number('MEAN_MOTION_DOT', false);
  const meanMotionDdot = number('MEAN_MOTION_DDOT', false);

  if (errors.length > before || !epoch) return undefined;
  return {
    objectName: knownOrEmpty(text('OBJECT_NAME', '')),
    noradId,
    intlDesignator: knownOrEmpty(text('OBJECT_ID', '')),
    classification,
    epoch,
    meanMotionRevPerDay,
    eccentricity,
    inclinationDeg,
    raanDeg,
    argPerigeeDeg,
    meanAnomalyDeg,
    meanMotionDot,
    meanMotionDdot,
    bstar,
    ephemerisType,
    elementSetNo,
    revAtEpoch,
    fileName: source.fileName,
    lineNumber: source.line,
    ommVersion: text('CCSDS_OMM_VERS', ''),
    creationDate: text('CREATION_DATE', ''),
    originator: text('ORIGINATOR', ''),
    centerName,
    refFrame,
    timeSystem,
    meanElementTheory,
    comments,
  };
}

function ommEpochText(epoch: Epoch): string {
  try {
    return formatOmmEpoch(epoch);
  } catch (e) {
    throw new FormatError({ fileName: 'formatOmm', field: 'EPOCH', value: String(epoch.taiMjdDay) + ' TAI MJD', reason: `cannot be written as UTC (${e instanceof Error ? e.message : String(e)})` });
  }
}

/** CCSDS 502.0 asks for `UNKNOWN` where a name or designator is not known; records use ''. */
function knownOrEmpty(value: string): string {
  return value.toUpperCase() === 'UNKNOWN' ? '' : value;
}


/** Angles may be written in (−360, 0); store them in [0, 360). */
function normalizeAngle(deg: number): number {
  return deg < 0 ? deg + 360 : deg;
}

/** One element set as OMM keyword → text, in writing order (header, metadata, data). */
export function ommKeywordValues(e: MeanElements, options: OmmWriteOptions = {}): [string, string][] {
  return [
    ['CCSDS_OMM_VERS', '2.0'],
    ['CREATION_DATE', formatOmmEpoch(options.creationDate ?? Epoch.now())],
    ['ORIGINATOR', options.originator ?? 'stationkeeper'],
    ...ommMetadataAndData(e),
  ];
}

/** Metadata and data keywords (no header), values as text. */
export function ommMetadataAndData(e: MeanElements): [string, string][] {
  const gp = ommGpValues(e);
  return [
    ['OBJECT_NAME', String(gp.OBJECT_NAME)],
    ['OBJECT_ID', String(gp.OBJECT_ID)],
    ['CENTER_NAME', 'EARTH'],
    ['REF_FRAME', 'TEME'],
    ['TIME_SYSTEM', 'UTC'],
    ['MEAN_ELEMENT_THEORY', 'SGP4'],
    ...OMM_SGP4_KEYWORDS.map((k): [string, string] => [k, numberText(gp[k])]),
  ];
}

/** Shortest text that reads back as the same double; `E` exponent as CCSDS writes it. */
function numberText(v: string | number): string {
  return typeof v === 'number' ? String(v).replace('e', 'E') : v;
}

/**
 * The CelesTrak GP (JSON) object of one element set: keyword → number or text. Names default
 * to `UNKNOWN`, as CCSDS 502.0 asks when a name or designator is not known.
 */
export function ommGpValues(e: MeanElements): Record<string, string | number> {
  const numbers: [string, number][] = [
    ['meanMotionRevPerDay', e.meanMotionRevPerDay],
    ['eccentricity', e.eccentricity],
    ['inclinationDeg', e.inclinationDeg],
    ['raanDeg', e.raanDeg],
    ['argPerigeeDeg', e.argPerigeeDeg],
    ['meanAnomalyDeg', e.meanAnomalyDeg],
    ['meanMotionDot', e.meanMotionDot],
    ['meanMotionDdot', e.meanMotionDdot],
    ['bstar', e.bstar],
    ['ephemerisType', e.ephemerisType],
    ['noradId', e.noradId],
    ['elementSetNo', e.elementSetNo],
    ['revAtEpoch', e.revAtEpoch],
  ];
  for (const [field, value] of numbers) {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new FormatError({ fileName: 'formatOmm', field, value: String(value), reason: 'is not a finite number' });
    }
  }
  return {
    OBJECT_NAME: e.objectName || 'UNKNOWN',
    OBJECT_ID: intlDesignatorToOmm(e.intlDesignator) || 'UNKNOWN',
    EPOCH: ommEpochText(e.epoch),
    MEAN_MOTION: e.meanMotionRevPerDay,
    ECCENTRICITY: e.eccentricity,
    INCLINATION: e.inclinationDeg,
    RA_OF_ASC_NODE: e.raanDeg,
    ARG_OF_PERICENTER: e.argPerigeeDeg,
    MEAN_ANOMALY: e.meanAnomalyDeg,
    EPHEMERIS_TYPE: e.ephemerisType,
    CLASSIFICATION_TYPE: e.classification || 'U',
    NORAD_CAT_ID: e.noradId,
    ELEMENT_SET_NO: e.elementSetNo,
    REV_AT_EPOCH: e.revAtEpoch,
    BSTAR: e.bstar,
    MEAN_MOTION_DOT: e.meanMotionDot,
    MEAN_MOTION_DDOT: e.meanMotionDdot,
  };
}

/** Line/column lookup for character offsets, built once per text (readers call it per record). */
export class LineIndex implements KeywordLocator {
  private readonly breaks: number[] = [];

  /**
   * @param needle how a keyword appears in the text, e.g. `"KEY"` (JSON) or `<KEY` (XML).
   */
  constructor(
    private readonly text: string,
    private readonly needle: (key: string) => string = (key) => key,
  ) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.breaks.push(i);
  }

  /** Line/column of the first `needle(key)` in [from, to), else of `from`. */
  locateNeedle(needle: string, from: number, to: number): { line: number; column: number } {
    const k = this.text.indexOf(needle, from);
    return this.at(k >= 0 && k < to ? k : from);
  }

  locate(key: string, from: number, to: number): { line: number; column: number } {
    return this.locateNeedle(this.needle(key), from, to);
  }

  /** 1-based line and column of character `offset`. */
  at(offset: number): { line: number; column: number } {
    // Count the line breaks before `offset` (binary search).
    let lo = 0;
    let hi = this.breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.breaks[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    const lineStart = lo === 0 ? 0 : this.breaks[lo - 1] + 1;
    return { line: lo + 1, column: offset - lineStart + 1 };
  }
}
