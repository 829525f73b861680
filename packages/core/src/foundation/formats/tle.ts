/**
 * Two-line element set reader (2-line and 3-line forms). Column layout: Hoots & Roehrich,
 * "Spacetrack Report No. 3" (1980); CelesTrak "FAQs: Two-Line Element Set Format".
 */
import { Epoch, daysInMonth } from '../time/epoch.js';
import { FormatError } from './formatError.js';
import type { MeanElements } from './meanElements.js';
import {
  decodeCatalogNumber,
  parseImpliedExponent,
  parseTleDecimal,
  parseTleInteger,
  tleChecksum,
} from './tleFields.js';

/** One element set read from a TLE file, with the text it came from. */
export interface TleRecord extends MeanElements {
  /** Line 1, columns 1–69 (CR and anything after column 69 removed). */
  line1: string;
  /** Line 2, columns 1–69. */
  line2: string;
  /** 1-based line number of line 1 in the file. */
  lineNumber: number;
  /** File the set came from; empty when unknown. */
  fileName: string;
  /** Text after column 69 of line 1, trimmed (usually empty). */
  extraLine1: string;
  /**
   * Text after column 69 of line 2, trimmed. Vallado's SGP4-VER.TLE puts the start, stop and
   * step minutes of each verification run here.
   */
  extraLine2: string;
}

/** What a batch parser returns: every set it could read and an error for each it could not. */
export interface ParseResult<T> {
  records: T[];
  errors: FormatError[];
}

export interface ParseTleOptions {
  /** Named in errors and stored in each record. */
  fileName?: string;
  /**
   * Check the column-69 checksums (default true). Turn off for files known to carry
   * hand-edited lines, e.g. the error cases 33333–33335 at the end of SGP4-VER.TLE.
   */
  verifyChecksum?: boolean;
}

/** Columns of a TLE line; the checksum sits in the last one. */
export const TLE_LINE_LENGTH = 69;

interface LineRef {
  text: string;
  line: number;
}

/**
 * Read every element set in a TLE / 3LE text. Accepts 2-line sets, 3-line sets with `0 NAME`
 * or a bare name line, CRLF, blank lines, `#` comment lines, trailing whitespace and text after
 * column 69. A set with a bad field is reported in `errors` and skipped; the others are kept.
 * Never throws.
 */
export function parseTle(text: string, options: ParseTleOptions = {}): ParseResult<TleRecord> {
  const fileName = options.fileName ?? '';
  const verifyChecksum = options.verifyChecksum ?? true;
  const records: TleRecord[] = [];
  const errors: FormatError[] = [];
  const lines = String(text).split(/\r\n|\n|\r/);
  let name: LineRef | undefined;
  let first: LineRef | undefined;
  let firstName: LineRef | undefined;

  const missingLine2 = (at: LineRef | undefined, set: LineRef): void => {
    errors.push(
      new FormatError({
        fileName,
        line: at ? at.line : set.line,
        column: 1,
        field: 'line2',
        value: at ? at.text : '',
        reason: at
          ? `is not line 2 of the set whose line 1 is line ${set.line} (line 2 missing)`
          : `is missing: end of text after line 1 on line ${set.line}`,
      }),
    );
  };
  const orphanName = (n: LineRef): void => {
    errors.push(
      new FormatError({
        fileName,
        line: n.line,
        column: 1,
        field: 'objectName',
        value: n.text,
        reason: 'is not followed by line 1 of an element set',
      }),
    );
  };

  for (let i = 0; i < lines.length; i++) {
    const t = lines[i].trimEnd();
    if (t.length === 0 || t.trimStart().length === 0) continue;
    const ref = { text: t, line: i + 1 };
    const c0 = t.charCodeAt(0);
    const c1 = t.charCodeAt(1);
    if (c0 === 49 /* 1 */ && c1 === 32) {
      if (first) missingLine2(ref, first);
      first = ref;
      firstName = name; // a name line belongs to the line 1 after it
      name = undefined;
      continue;
    }
    if (c0 === 50 /* 2 */ && c1 === 32) {
      if (!first) {
        errors.push(
          new FormatError({
            fileName,
            line: ref.line,
            column: 1,
            field: 'line1',
            value: t,
            reason: 'is missing: this line 2 has no line 1 before it',
          }),
        );
        name = undefined;
        continue;
      }
      const record = decodeTleSet(firstName, first, ref, fileName, verifyChecksum, errors);
      if (record) records.push(record);
      first = undefined;
      firstName = undefined;
      continue;
    }
    if (c0 === 35 /* # */) continue;
    // A name line (3LE): `0 NAME` or a bare name.
    if (first) {
      missingLine2(ref, first);
      first = undefined;
    }
    if (name) orphanName(name);
    name = ref;
  }
  if (first) missingLine2(undefined, first);
  if (name) orphanName(name);
  return { records, errors };
}

/**
 * Read one element set from its two lines (and an optional name line).
 * @throws FormatError naming the first bad field.
 */
export function parseTleLines(
  line1: string,
  line2: string,
  name?: string,
  options: ParseTleOptions = {},
): TleRecord {
  const fileName = options.fileName ?? '';
  const errors: FormatError[] = [];
  const l1 = { text: String(line1).trimEnd(), line: name === undefined ? 1 : 2 };
  const l2 = { text: String(line2).trimEnd(), line: l1.line + 1 };
  const nameRef = name === undefined ? undefined : { text: String(name).trim(), line: 1 };
  for (const [ref, digit, field] of [
    [l1, '1', 'line1'],
    [l2, '2', 'line2'],
  ] as const) {
    if (!ref.text.startsWith(digit + ' ')) {
      throw new FormatError({
        fileName,
        line: ref.line,
        column: 1,
        field,
        value: ref.text,
        reason: `does not start with "${digit} " (not line ${digit} of a TLE)`,
      });
    }
  }
  const record = decodeTleSet(nameRef, l1, l2, fileName, options.verifyChecksum ?? true, errors);
  if (!record) throw errors[0];
  return record;
}

/** Object name from a 3LE name line: `0 ISS (ZARYA)` or a bare `ISS (ZARYA)`. */
function objectNameFrom(text: string): string {
  const t = text.trim();
  if (t === '0') return '';
  return t.startsWith('0 ') ? t.slice(2).trim() : t;
}

/** Columns 1-based, as the TLE documentation counts them. */
const LINE1_BLANKS = [2, 9, 18, 33, 44, 53, 62, 64];
const LINE2_BLANKS = [2, 8, 17, 26, 34, 43, 52];

/**
 * Decode one set; push an error per bad field and return undefined when there is any.
 * Field errors come first (in column order), checksum errors last: a letter in a number
 * usually breaks the checksum too, and the field error is the useful one.
 */
function decodeTleSet(
  nameRef: LineRef | undefined,
  l1: LineRef,
  l2: LineRef,
  fileName: string,
  verifyChecksum: boolean,
  errors: FormatError[],
): TleRecord | undefined {
  const before = errors.length;
  const err = (ref: LineRef, column: number, field: string, value: string, reason: string): void => {
    errors.push(new FormatError({ fileName, line: ref.line, column, field, value, reason }));
  };
  const truncated = (ref: LineRef, field: string): boolean => {
    if (ref.text.length >= TLE_LINE_LENGTH) return false;
    err(ref, ref.text.length + 1, field, ref.text, `is truncated: ${ref.text.length} columns, a TLE line has ${TLE_LINE_LENGTH}`);
    return true;
  };
  const cut1 = truncated(l1, 'line1');
  const cut2 = truncated(l2, 'line2');
  if (cut1 || cut2) return undefined;

  const a = l1.text.slice(0, TLE_LINE_LENGTH);
  const b = l2.text.slice(0, TLE_LINE_LENGTH);
  /** Field text by 1-based inclusive columns. */
  const f1 = (from: number, to: number): string => a.slice(from - 1, to);
  const f2 = (from: number, to: number): string => b.slice(from - 1, to);

  for (const col of LINE1_BLANKS) {
    if (a[col - 1] !== ' ') err(l1, col, `column ${col}`, f1(col - 3, col + 3), 'must have a blank at the middle character (misaligned fields?)');
  }
  for (const col of LINE2_BLANKS) {
    if (b[col - 1] !== ' ') err(l2, col, `column ${col}`, f2(col - 3, col + 3), 'must have a blank at the middle character (misaligned fields?)');
  }

  // --- line 1 ---
  const noradText = f1(3, 7);
  const noradId = decodeCatalogNumber(noradText);
  if (noradId === undefined) err(l1, 3, 'noradId', noradText, 'is not a catalogue number (digits or Alpha-5 such as A0001)');
  const classification = a[7] === ' ' ? 'U' : a[7];
  if (!/^[A-Z]$/.test(classification)) err(l1, 8, 'classification', a[7], 'is not a classification letter (U, C or S)');
  const intlDesignator = f1(10, 17).trim();
  if (!/^[0-9A-Z ]*$/.test(intlDesignator)) err(l1, 10, 'intlDesignator', f1(10, 17), 'is not an international designator (e.g. 98067A)');

  const yearText = f1(19, 20);
  const dayText = f1(21, 32);
  const dayOfYear = parseTleDecimal(dayText);
  let epoch: Epoch | undefined;
  if (!/^\d\d$/.test(yearText)) {
    err(l1, 19, 'epochYear', yearText, 'is not a two-digit year');
  } else if (dayOfYear === undefined) {
    err(l1, 21, 'epochDay', dayText, 'is not a number');
  } else {
    const yy = Number(yearText);
    const year = yy < 57 ? 2000 + yy : 1900 + yy;
    const daysInYear = daysInMonth(year, 2) === 29 ? 366 : 365;
    if (!(dayOfYear >= 1 && dayOfYear < daysInYear + 1)) {
      err(l1, 21, 'epochDay', dayText, `is out of range [1, ${daysInYear + 1}) for ${year}`);
    } else {
      epoch = Epoch.fromTleEpoch(yy, dayOfYear);
    }
  }

  const ndotText = f1(34, 43);
  const meanMotionDot = parseTleDecimal(ndotText);
  if (meanMotionDot === undefined) err(l1, 34, 'meanMotionDot', ndotText, 'is not a number');
  const nddotText = f1(45, 52);
  const meanMotionDdot = parseImpliedExponent(nddotText);
  if (meanMotionDdot === undefined) err(l1, 45, 'meanMotionDdot', nddotText, 'is not an implied-decimal exponent field (e.g. " 12345-5")');
  const bstarText = f1(54, 61);
  const bstar = parseImpliedExponent(bstarText);
  if (bstar === undefined) err(l1, 54, 'bstar', bstarText, 'is not an implied-decimal exponent field (e.g. " 12517-3")');
  const ephemerisType = parseTleInteger(a[62], true);
  if (ephemerisType === undefined) err(l1, 63, 'ephemerisType', a[62], 'is not a digit');
  const elsetText = f1(65, 68);
  const elementSetNo = parseTleInteger(elsetText, true);
  if (elementSetNo === undefined || elementSetNo < 0) err(l1, 65, 'elementSetNo', elsetText, 'is not a non-negative integer');

  // --- line 2 ---
  const norad2Text = f2(3, 7);
  const noradId2 = decodeCatalogNumber(norad2Text);
  if (noradId2 === undefined) {
    err(l2, 3, 'noradId', norad2Text, 'is not a catalogue number (digits or Alpha-5 such as A0001)');
  } else if (noradId !== undefined && noradId2 !== noradId) {
    err(l2, 3, 'noradId', norad2Text, `does not match line 1's catalogue number ${noradText.trim()} (line ${l1.line})`);
  }
  const inclinationDeg = angleField(l2, f2(9, 16), 9, 'inclinationDeg', 180, err);
  const raanDeg = angleField(l2, f2(18, 25), 18, 'raanDeg', 360, err);
  const eccText = f2(27, 33);
  let eccentricity: number | undefined;
  if (/^ *\d+$/.test(eccText)) eccentricity = Number('0.' + eccText.replace(/ /g, '0'));
  else err(l2, 27, 'eccentricity', eccText, 'is not a number (seven digits after an implied decimal point)');
  const argPerigeeDeg = angleField(l2, f2(35, 42), 35, 'argPerigeeDeg', 360, err);
  const meanAnomalyDeg = angleField(l2, f2(44, 51), 44, 'meanAnomalyDeg', 360, err);
  const nText = f2(53, 63);
  const meanMotionRevPerDay = parseTleDecimal(nText);
  if (meanMotionRevPerDay === undefined) err(l2, 53, 'meanMotionRevPerDay', nText, 'is not a number');
  else if (!(meanMotionRevPerDay > 0)) err(l2, 53, 'meanMotionRevPerDay', nText, 'must be positive');
  const revText = f2(64, 68);
  const revAtEpoch = parseTleInteger(revText, true);
  if (revAtEpoch === undefined || revAtEpoch < 0) err(l2, 64, 'revAtEpoch', revText, 'is not a non-negative integer');

  if (verifyChecksum) {
    for (const [ref, line] of [
      [l1, a],
      [l2, b],
    ] as const) {
      const expected = tleChecksum(line);
      if (line[68] !== String(expected)) {
        err(ref, 69, 'checksum', line[68], `does not match the checksum of columns 1-68 (${expected})`);
      }
    }
  }

  if (errors.length > before) return undefined;
  return {
    objectName: nameRef ? objectNameFrom(nameRef.text) : '',
    noradId: noradId!,
    intlDesignator,
    classification,
    epoch: epoch!,
    meanMotionRevPerDay: meanMotionRevPerDay!,
    eccentricity: eccentricity!,
    inclinationDeg: inclinationDeg!,
    raanDeg: raanDeg!,
    argPerigeeDeg: argPerigeeDeg!,
    meanAnomalyDeg: meanAnomalyDeg!,
    meanMotionDot: meanMotionDot!,
    meanMotionDdot: meanMotionDdot!,
    bstar: bstar!,
    ephemerisType: ephemerisType!,
    elementSetNo: elementSetNo!,
    revAtEpoch: revAtEpoch!,
    line1: a,
    line2: b,
    lineNumber: l1.line,
    fileName,
    extraLine1: l1.text.slice(TLE_LINE_LENGTH).trim(),
    extraLine2: l2.text.slice(TLE_LINE_LENGTH).trim(),
  };
}

function angleField(
  ref: LineRef,
  text: string,
  column: number,
  field: string,
  max: number,
  err: (ref: LineRef, column: number, field: string, value: string, reason: string) => void,
): number | undefined {
  const value = parseTleDecimal(text);
  if (value === undefined) {
    err(ref, column, field, text, 'is not a number');
    return undefined;
  }
  if (!(value >= 0 && value <= max)) {
    err(ref, column, field, text, `is out of range [0, ${max}] degrees`);
    return undefined;
  }
  return value;
}

/**
 * Order element sets by epoch (then catalogue number) and drop repeated epochs of the same
 * object. `keep-latest` keeps the set that came last in the input (a re-issued set replaces the
 * earlier one); `keep-first` keeps the first. The input array is not changed.
 */
export function dedupeByEpoch<T extends MeanElements>(records: readonly T[], mode: 'keep-latest' | 'keep-first'): T[] {
  const indexed = records.map((record, index) => ({ record, index }));
  indexed.sort((x, y) => {
    const dt = x.record.epoch.secondsSince(y.record.epoch);
    if (dt !== 0) return dt;
    if (x.record.noradId !== y.record.noradId) return x.record.noradId - y.record.noradId;
    return x.index - y.index;
  });
  const out: T[] = [];
  for (let i = 0; i < indexed.length; i++) {
    const cur = indexed[i].record;
    const prev = out.length > 0 ? out[out.length - 1] : undefined;
    if (prev && prev.noradId === cur.noradId && prev.epoch.secondsSince(cur.epoch) === 0) {
      if (mode === 'keep-latest') out[out.length - 1] = cur;
      continue;
    }
    out.push(cur);
  }
  return out;
}
