import { Epoch } from '../../foundation/time/epoch.js';
import type { MeanElements } from '../../foundation/formats/meanElements.js';
import { RAD_PER_DEG } from '../../foundation/math/angles.js';
import { REV_PER_DAY_PER_RAD_PER_MIN } from './constants.js';

/**
 * The numbers SGP4 starts from, in the units it works in (radians, rad/min), plus where they came
 * from: the TLE lines when there were some (so that the satellite.js reference path sees exactly
 * the same text), otherwise the mean elements (OMM).
 */
export interface Sgp4Elements {
  readonly noradId: number;
  readonly epoch: Epoch;
  /** Kozai mean motion, rad/min (as the TLE carries it, before SGP4 recovers the Brouwer value). */
  readonly meanMotionRadPerMin: number;
  readonly eccentricity: number;
  readonly inclinationRad: number;
  readonly raanRad: number;
  readonly argPerigeeRad: number;
  readonly meanAnomalyRad: number;
  /** B*, 1/earth radii. */
  readonly bstar: number;
  /** The element set as given: TLE lines or mean elements. */
  readonly source: Sgp4Source;
}

/** What a propagator can be built from. */
export type Sgp4Source = Sgp4TleLines | MeanElements;

export interface Sgp4TleLines {
  readonly line1: string;
  readonly line2: string;
}

/**
 * The TLE line pairs of a 2LE or 3LE text, without checking them (name and blank lines skipped):
 * bad elements become Invalid satellites of a batch, with their reason, instead of stopping it.
 */
export function tleLinePairs(text: string): Sgp4TleLines[] {
  const lines = text.split(/\r?\n/);
  const out: Sgp4TleLines[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    if (lines[i].startsWith('1 ') && lines[i + 1].startsWith('2 ')) {
      out.push({ line1: lines[i], line2: lines[i + 1] });
      i++;
    }
  }
  return out;
}

export function isSgp4TleLines(source: Sgp4Source): source is Sgp4TleLines {
  return typeof (source as Sgp4TleLines).line1 === 'string' && typeof (source as Sgp4TleLines).line2 === 'string';
}

/** SGP4 inputs from a parsed element set (TLE or OMM content). */
export function sgp4ElementsFromMeanElements(el: MeanElements): Sgp4Elements {
  return {
    noradId: el.noradId,
    epoch: el.epoch,
    meanMotionRadPerMin: el.meanMotionRevPerDay / REV_PER_DAY_PER_RAD_PER_MIN,
    eccentricity: el.eccentricity,
    inclinationRad: el.inclinationDeg * RAD_PER_DEG,
    raanRad: el.raanDeg * RAD_PER_DEG,
    argPerigeeRad: el.argPerigeeDeg * RAD_PER_DEG,
    meanAnomalyRad: el.meanAnomalyDeg * RAD_PER_DEG,
    bstar: el.bstar,
    source: el,
  };
}

/**
 * SGP4 inputs straight from the two TLE lines (fixed columns, NORAD format; anything after
 * column 69 — e.g. the verification set's start/stop/step — is ignored). A full TLE parser with
 * checksums lives in formats/; this reads only the fields SGP4 uses.
 */
export function sgp4ElementsFromTle(line1: string, line2: string): Sgp4Elements {
  const l1 = line1.replace(/\s+$/, '');
  const l2 = line2.replace(/\s+$/, '');
  if (l1[0] !== '1' || l1.length < 61) throw new RangeError(`TLE line 1 malformed: ${JSON.stringify(line1)}`);
  if (l2[0] !== '2' || l2.length < 63) throw new RangeError(`TLE line 2 malformed: ${JSON.stringify(line2)}`);
  const yy = num(l1, 18, 20, 1, 'epoch year');
  const day = num(l1, 20, 32, 1, 'epoch day');
  return {
    noradId: catalogNumber(l1.slice(2, 7)),
    epoch: Epoch.fromTleEpoch(yy, day),
    meanMotionRadPerMin: num(l2, 52, 63, 2, 'mean motion') / REV_PER_DAY_PER_RAD_PER_MIN,
    eccentricity: Number('.' + l2.slice(26, 33).replace(/ /g, '0')),
    inclinationRad: num(l2, 8, 16, 2, 'inclination') * RAD_PER_DEG,
    raanRad: num(l2, 17, 25, 2, 'right ascension of ascending node') * RAD_PER_DEG,
    argPerigeeRad: num(l2, 34, 42, 2, 'argument of perigee') * RAD_PER_DEG,
    meanAnomalyRad: num(l2, 43, 51, 2, 'mean anomaly') * RAD_PER_DEG,
    bstar: impliedDecimal(l1.slice(53, 61), 'bstar'),
    source: { line1, line2: line2.length > 69 ? line2.slice(0, 69) : line2 },
  };
}

function num(line: string, from: number, to: number, lineNo: number, field: string): number {
  const text = line.slice(from, to);
  const v = Number(text);
  if (text.trim() === '' || !Number.isFinite(v)) {
    throw new RangeError(`TLE line ${lineNo} column ${from + 1}: field ${field}: ${JSON.stringify(text)} is not a number`);
  }
  return v;
}

/** TLE "implied decimal point" field, e.g. ` 28098-4` → 0.28098e-4. */
function impliedDecimal(text: string, field: string): number {
  const m = /^\s*([+-]?)(\d{1,5})\s*([+-])\s*(\d)\s*$/.exec(text);
  if (!m) {
    if (text.trim() === '' || /^[\s+-]*0*\s*[+-]?0?\s*$/.test(text)) return 0;
    throw new RangeError(`TLE line 1 column 54: field ${field}: ${JSON.stringify(text)} is not an implied-decimal number`);
  }
  const mantissa = Number(`${m[1]}0.${m[2]}`);
  return mantissa * 10 ** Number(`${m[3]}${m[4]}`);
}

/** Catalogue number, including Alpha-5 (A0000 = 100000; letters I and O are not used). */
function catalogNumber(text: string): number {
  const t = text.trim();
  if (/^\d+$/.test(t)) return Number(t);
  const m = /^([A-HJ-NP-Z])(\d{4})$/.exec(t);
  if (!m) throw new RangeError(`TLE line 1 column 3: field catalog number: ${JSON.stringify(text)} is not a catalogue number`);
  const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  return (10 + letters.indexOf(m[1])) * 10000 + Number(m[2]);
}
