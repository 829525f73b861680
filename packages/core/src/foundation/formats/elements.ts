/** One entry point for element-set files: sniff TLE/3LE, OMM KVN, OMM XML or GP JSON. */
import { FormatError } from './formatError.js';
import type { MeanElements } from './meanElements.js';
import type { OmmRecord } from './omm.js';
import { parseOmmJson } from './ommJson.js';
import { parseOmmKvn } from './ommKvn.js';
import { parseOmmXml } from './ommXml.js';
import { parseTle, type ParseResult, type ParseTleOptions, type TleRecord } from './tle.js';
import { formatTle } from './tleWriter.js';

export type ElementsFormat = 'tle' | 'omm-kvn' | 'omm-xml' | 'omm-json';

/** An element set from any supported file. Both kinds carry `fileName` and `lineNumber`. */
export type ElementSetRecord = TleRecord | OmmRecord;

export interface ParsedElements extends ParseResult<ElementSetRecord> {
  format: ElementsFormat;
}

/**
 * Which format a text is in, from its first non-blank characters: `<` XML, `[`/`{` JSON,
 * a `CCSDS_OMM_VERS` keyword KVN, anything else TLE.
 */
export function sniffElementsFormat(text: string): ElementsFormat {
  const head = String(text).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('<')) return 'omm-xml';
  if (head.startsWith('[') || head.startsWith('{')) return 'omm-json';
  if (/^\s*CCSDS_OMM_VERS\s*=/m.test(head.slice(0, 4096))) return 'omm-kvn';
  return 'tle';
}

/** Read element sets from text in any supported format (for CLI commands and uploads). Never throws. */
export function parseElements(text: string, options: ParseTleOptions = {}): ParsedElements {
  const body = String(text).replace(/^\uFEFF/, '');
  const format = sniffElementsFormat(body);
  switch (format) {
    case 'omm-xml':
      return { format, ...parseOmmXml(body, options) };
    case 'omm-json':
      return { format, ...parseOmmJson(body, options) };
    case 'omm-kvn':
      return { format, ...parseOmmKvn(body, options) };
    default:
      return { format, ...parseTle(body, options) };
  }
}

/** True when the record came from a TLE (it carries its lines). */
export function isTleRecord(record: ElementSetRecord): record is TleRecord {
  return typeof (record as TleRecord).line1 === 'string';
}

/**
 * The TLE form of any element set: TLE records are returned as they are, others get lines
 * written by `formatTle` (for consumers that want TleRecord[], e.g. history).
 * @throws FormatError when a value does not fit the TLE columns.
 */
export function toTleRecord(record: MeanElements & { fileName?: string; lineNumber?: number }): TleRecord {
  if (isTleRecord(record as ElementSetRecord)) return record as TleRecord;
  const [line1, line2] = formatTle(record);
  return {
    objectName: record.objectName,
    noradId: record.noradId,
    intlDesignator: record.intlDesignator,
    classification: record.classification,
    epoch: record.epoch,
    meanMotionRevPerDay: record.meanMotionRevPerDay,
    eccentricity: record.eccentricity,
    inclinationDeg: record.inclinationDeg,
    raanDeg: record.raanDeg,
    argPerigeeDeg: record.argPerigeeDeg,
    meanAnomalyDeg: record.meanAnomalyDeg,
    meanMotionDot: record.meanMotionDot,
    meanMotionDdot: record.meanMotionDdot,
    bstar: record.bstar,
    ephemerisType: record.ephemerisType,
    elementSetNo: record.elementSetNo,
    revAtEpoch: record.revAtEpoch,
    line1,
    line2,
    lineNumber: record.lineNumber ?? 0,
    fileName: record.fileName ?? '',
    extraLine1: '',
    extraLine2: '',
  };
}

export { FormatError };
