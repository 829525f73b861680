/**
 * Reader for ICGEM `.gfc` gravity-field files (Barthelmes & Förste, "The ICGEM-format",
 * GFZ Potsdam, 2011: http://icgem.gfz-potsdam.de/ICGEM/documents/ICGEM-Format-2011.pdf).
 *
 * Header keys (before `end_of_head`): modelname, earth_gravity_constant, radius, max_degree,
 * norm, tide_system, errors. Data lines:
 *   gfc  L M C S [σC σS]              static coefficient
 *   gfct L M C S [σC σS] t0           time-variable coefficient, value at t0 (yyyymmdd[.hhmm])
 *   trnd L M C S [σC σS]              drift per year, relative to the preceding gfct's t0
 *   asin L M C S [σC σS] period       amplitude of sin(2π(t − t0)/period), period in years
 *   acos L M C S [σC σS] period       amplitude of cos(2π(t − t0)/period)
 * (the number of σ columns follows `errors`: no → 0, formal/calibrated → 2,
 * calibrated_and_formal → 4). Evaluated as in the EIGEN-6S header:
 *   G(t) = gfct + trnd·(t − t0) + Σ_p [asin_p sin(2π(t − t0)/p) + acos_p cos(2π(t − t0)/p)],
 * with t − t0 in Julian years of 365.25 days (the format's "year"; the choice moves G by
 * < 1e-3 of the tiny annual terms).
 *
 * Core stays file-free: the caller passes the text (Latin-1 decoding is fine — only the
 * free-text preamble has non-ASCII characters).
 */
import { Epoch } from '../../foundation/time/epoch.js';
import { coefficientCount, coefficientIndex, type GravityFieldCoefficients } from './coefficients.js';

export interface IcgemParseOptions {
  /** Keep degrees ≤ maxDegree only (lines above are skipped unparsed). Default: the file's max_degree. */
  maxDegree?: number;
  /**
   * Evaluate the time-variable terms (gfct/trnd/asin/acos) at this epoch. Without it the static
   * part is taken: each gfct value at its own t0, drift and periodic terms ignored.
   */
  epoch?: Epoch;
}

const JULIAN_YEAR_DAYS = 365.25;

function fail(fileName: string, lineNo: number, message: string): never {
  throw new Error(`${fileName}:${lineNo}: ${message}`);
}

function parseNumber(token: string | undefined, what: string, fileName: string, lineNo: number): number {
  if (token === undefined) fail(fileName, lineNo, `missing ${what}`);
  const value = Number(token.replace(/[dD]/, 'e'));
  if (!Number.isFinite(value)) fail(fileName, lineNo, `${what} is not a number: '${token}'`);
  return value;
}

/** t0 as yyyymmdd or yyyymmdd.hhmm (UTC). */
function parseT0(token: string | undefined, fileName: string, lineNo: number): Epoch {
  const match = token === undefined ? null : /^(\d{4})(\d{2})(\d{2})(?:\.(\d{2})(\d{2})?)?$/.exec(token);
  if (!match) fail(fileName, lineNo, `t0 must be yyyymmdd or yyyymmdd.hhmm, got '${token ?? ''}'`);
  const [, y, mo, d, h, mi] = match;
  return Epoch.fromUtc(Number(y), Number(mo), Number(d), Number(h ?? 0), Number(mi ?? 0));
}

const SIGMA_COLUMNS: Record<string, number> = { no: 0, formal: 2, calibrated: 2, calibrated_and_formal: 4 };

/** Parse an ICGEM `.gfc` text; errors name `fileName` and the line. */
export function parseIcgemGfc(text: string, fileName: string, options: IcgemParseOptions = {}): GravityFieldCoefficients {
  const lines = text.split(/\r?\n/);
  const header = new Map<string, string>();
  let line = 0;
  let sawEnd = false;
  for (; line < lines.length; line++) {
    const trimmed = lines[line].trim();
    if (trimmed.startsWith('end_of_head')) {
      sawEnd = true;
      line++;
      break;
    }
    const m = /^([A-Za-z_]+)\s+(\S+)/.exec(trimmed);
    if (m) header.set(m[1].toLowerCase(), m[2]);
  }
  if (!sawEnd) fail(fileName, lines.length, "no 'end_of_head' line: not an ICGEM .gfc file");

  const headerNumber = (key: string): number => {
    const v = header.get(key);
    if (v === undefined) fail(fileName, line, `header key '${key}' missing`);
    const x = Number(v.replace(/[dD]/, 'e'));
    if (!Number.isFinite(x) || x <= 0) fail(fileName, line, `header '${key}' must be a positive number, got '${v}'`);
    return x;
  };
  const modelName = header.get('modelname') ?? fileName;
  const gm = headerNumber('earth_gravity_constant');
  const radius = headerNumber('radius');
  const fileMaxDegree = headerNumber('max_degree');
  if (!Number.isInteger(fileMaxDegree)) fail(fileName, line, `header 'max_degree' must be an integer, got ${fileMaxDegree}`);
  const norm = header.get('norm') ?? 'fully_normalized';
  if (norm !== 'fully_normalized') {
    fail(fileName, line, `norm '${norm}' is not supported (only fully_normalized)`);
  }
  const errors = header.get('errors') ?? 'no';
  const sigmaColumns = SIGMA_COLUMNS[errors];
  if (sigmaColumns === undefined) fail(fileName, line, `header 'errors' must be one of ${Object.keys(SIGMA_COLUMNS).join(', ')}, got '${errors}'`);
  const tideSystem = header.get('tide_system') ?? 'unknown';

  const maxDegree = options.maxDegree ?? fileMaxDegree;
  if (!Number.isInteger(maxDegree) || maxDegree < 0 || maxDegree > fileMaxDegree) {
    throw new RangeError(`${fileName}: maxDegree must be an integer 0…${fileMaxDegree} (max_degree), got ${maxDegree}`);
  }
  const size = coefficientCount(maxDegree);
  const cBar = new Float64Array(size);
  const sBar = new Float64Array(size);
  const seen = new Uint8Array(size);
  // For time-variable terms: the t0 (years offset to the evaluation epoch) of each gfct.
  const dtYears = new Float64Array(size).fill(NaN);
  let hasTimeVariable = false;
  let maxOrder = 0;

  for (; line < lines.length; line++) {
    const lineNo = line + 1;
    const raw = lines[line];
    if (raw.trim() === '') continue;
    const tok = raw.trim().split(/\s+/);
    const key = tok[0];
    if (key !== 'gfc' && key !== 'gfct' && key !== 'trnd' && key !== 'asin' && key !== 'acos' && key !== 'dot') {
      fail(fileName, lineNo, `unknown line key '${key}' (expected gfc, gfct, trnd, asin, acos)`);
    }
    const n = parseNumber(tok[1], 'degree L', fileName, lineNo);
    const m = parseNumber(tok[2], 'order M', fileName, lineNo);
    if (!Number.isInteger(n) || !Number.isInteger(m) || n < 0 || m < 0 || m > n) {
      fail(fileName, lineNo, `invalid degree/order L=${tok[1]} M=${tok[2]} (need 0 ≤ M ≤ L)`);
    }
    if (n > fileMaxDegree) fail(fileName, lineNo, `degree ${n} exceeds max_degree ${fileMaxDegree}`);
    if (n > maxDegree) continue;
    const c = parseNumber(tok[3], 'C', fileName, lineNo);
    const s = parseNumber(tok[4], 'S', fileName, lineNo);
    const k = coefficientIndex(n, m);
    if (key === 'gfc' || key === 'gfct') {
      if (seen[k]) fail(fileName, lineNo, `coefficient L=${n} M=${m} given twice`);
      seen[k] = 1;
      cBar[k] = c;
      sBar[k] = s;
      if (m > maxOrder && (c !== 0 || s !== 0)) maxOrder = m;
      if (key === 'gfct') {
        const t0 = parseT0(tok[5 + sigmaColumns], fileName, lineNo);
        hasTimeVariable = true;
        dtYears[k] = options.epoch ? options.epoch.secondsSince(t0) / 86400 / JULIAN_YEAR_DAYS : NaN;
      }
      continue;
    }
    // trnd / dot (ICGEM's older name for the drift) / asin / acos: refer to a preceding gfct.
    if (!seen[k] || (options.epoch && Number.isNaN(dtYears[k]))) {
      fail(fileName, lineNo, `'${key}' for L=${n} M=${m} without a preceding gfct line`);
    }
    hasTimeVariable = true;
    if (!options.epoch) continue;
    const dt = dtYears[k];
    let factor: number;
    if (key === 'trnd' || key === 'dot') {
      factor = dt;
    } else {
      const period = parseNumber(tok[5 + sigmaColumns], 'period (years)', fileName, lineNo);
      if (period <= 0) fail(fileName, lineNo, `period must be positive, got ${period}`);
      const phase = (2 * Math.PI * dt) / period;
      factor = key === 'asin' ? Math.sin(phase) : Math.cos(phase);
    }
    cBar[k] += c * factor;
    sBar[k] += s * factor;
  }

  return {
    modelName,
    gmM3PerS2: gm,
    radiusM: radius,
    maxDegree,
    maxOrder,
    tideSystem,
    cBar,
    sBar,
    timeVariable: !hasTimeVariable
      ? 'none'
      : options.epoch
        ? `evaluated at ${options.epoch.toIsoUtc(3)}`
        : 'static part only (gfct values at their t0; trnd/asin/acos ignored)',
  };
}
