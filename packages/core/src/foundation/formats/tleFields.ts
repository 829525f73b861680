/**
 * Field codecs of the two-line element set. Column layout and conventions follow
 * Hoots & Roehrich, "Spacetrack Report No. 3" (1980), appendix, and CelesTrak's
 * "FAQs: Two-Line Element Set Format" (T.S. Kelso); Alpha-5 numbering follows the 18 SDS
 * "Alpha-5" convention published on space-track.org (first digit replaced by a letter A–Z
 * without I and O, A = 10).
 */
import { Epoch, calendarToMjd, mjdToCalendar } from '../time/epoch.js';

/** Letters of the Alpha-5 first column; index + 10 is the value (I and O skipped: look like 1 and 0). */
const ALPHA5_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
/** Largest catalogue number Alpha-5 can write: Z9999. */
export const MAX_ALPHA5_ID = 339999;

/**
 * Catalogue number from columns 3–7: zero- or blank-padded digits (`00005`, `    5`) or Alpha-5
 * (`A0001` = 100001). Undefined when the text is neither.
 */
export function decodeCatalogNumber(text: string): number | undefined {
  const t = text.trim();
  if (/^\d{1,5}$/.test(t)) return Number(t);
  if (/^[A-Z]\d{4}$/.test(t)) {
    const idx = ALPHA5_LETTERS.indexOf(t[0]);
    if (idx < 0) return undefined;
    return (idx + 10) * 10000 + Number(t.slice(1));
  }
  return undefined;
}

/** Five-column catalogue number: zero-padded below 100000, Alpha-5 up to 339999. */
export function encodeCatalogNumber(id: number): string | undefined {
  if (!Number.isInteger(id) || id < 0 || id > MAX_ALPHA5_ID) return undefined;
  if (id < 100000) return String(id).padStart(5, '0');
  const lead = Math.floor(id / 10000);
  return ALPHA5_LETTERS[lead - 10] + String(id % 10000).padStart(4, '0');
}

/** Modulo-10 checksum of columns 1–68: digits count their value, '-' counts 1, all else 0. */
export function tleChecksum(line: string): number {
  let sum = 0;
  const n = Math.min(line.length, 68);
  for (let i = 0; i < n; i++) {
    const c = line.charCodeAt(i);
    if (c >= 48 && c <= 57) sum += c - 48;
    else if (c === 45) sum += 1;
  }
  return sum % 10;
}

const DECIMAL_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const INTEGER_RE = /^[+-]?\d+$/;
const EXPONENT_RE = /^([+-]?)(\d{1,5})([+-])(\d)$/;

/** A plain decimal number as TLE columns write it (`51.6398`, `-.00000030`, `+.00000550`). */
export function parseTleDecimal(text: string): number | undefined {
  const t = text.trim();
  return DECIMAL_RE.test(t) ? Number(t) + 0 : undefined; // + 0: `-.00000000` is 0, not -0
}

/** An integer field; blank counts as 0 (element-set and revolution numbers are often blank). */
export function parseTleInteger(text: string, blankIsZero: boolean): number | undefined {
  const t = text.trim();
  if (t === '') return blankIsZero ? 0 : undefined;
  return INTEGER_RE.test(t) ? Number(t) : undefined;
}

/**
 * Implied-decimal exponent field: ` 12517-3` = 0.12517e-3, `-11606-4`, `00000+0`, `+13742-3`.
 * Digits are parsed as decimal text so the result is the double nearest the written value.
 */
export function parseImpliedExponent(text: string): number | undefined {
  const m = EXPONENT_RE.exec(text.trim());
  if (!m) return undefined;
  return Number(`${m[1]}0.${m[2]}e${m[3]}${m[4]}`) + 0; // + 0: `-00000-0` is 0, not -0
}

/**
 * Eight-column implied-decimal exponent field. Zero is written ` 00000-0` (the form most
 * common in Space-Track output); values below 1e-10 use an unnormalised mantissa with
 * exponent −9 and are zero below 5e-15.
 * Undefined when |value| ≥ 1e9 or not finite.
 */
export function formatImpliedExponent(value: number): string | undefined {
  if (!Number.isFinite(value)) return undefined;
  if (value === 0) return ' 00000-0';
  const sign = value < 0 ? '-' : ' ';
  const abs = Math.abs(value);
  // abs = 0.ddddd × 10^exp with 0.1 ≤ 0.ddddd < 1; correct floor(log10) near powers of ten.
  let exp = Math.floor(Math.log10(abs)) + 1;
  let mantissa = Math.round(abs / 10 ** exp * 1e5);
  if (mantissa >= 100000) {
    exp += 1;
    mantissa = Math.round(abs / 10 ** exp * 1e5);
  } else if (mantissa < 10000) {
    exp -= 1;
    mantissa = Math.round(abs / 10 ** exp * 1e5);
  }
  if (mantissa >= 100000) {
    mantissa = 10000;
    exp += 1;
  }
  if (exp < -9) {
    // Below 0.1e-9 only an unnormalised mantissa fits: 0.0dddd × 10^-9.
    const small = Math.round(abs * 1e14);
    return small === 0 ? ' 00000-0' : `${sign}${String(small).padStart(5, '0')}-9`;
  }
  if (exp > 9) return undefined;
  return `${sign}${String(mantissa).padStart(5, '0')}${exp < 0 ? '-' : '+'}${Math.abs(exp)}`;
}

/**
 * First derivative of mean motion / 2 as columns 34–43 write it: sign (blank when positive),
 * no leading zero, eight decimals (` .00006684`, `-.00000030`). Undefined when |value| ≥ 1.
 */
export function formatMeanMotionDot(value: number): string | undefined {
  if (!Number.isFinite(value)) return undefined;
  const digits = Math.round(Math.abs(value) * 1e8);
  if (digits >= 1e8) return undefined;
  const sign = value < 0 && digits > 0 ? '-' : ' ';
  return `${sign}.${String(digits).padStart(8, '0')}`;
}

/** Fixed-point number right-aligned in `width` columns, or undefined when it does not fit. */
export function formatFixed(value: number, width: number, decimals: number): string | undefined {
  if (!Number.isFinite(value)) return undefined;
  let text = value.toFixed(decimals);
  if (text.startsWith('-') && Number(text) === 0) text = text.slice(1);
  return text.length <= width ? text.padStart(width, ' ') : undefined;
}

/**
 * TLE epoch: two-digit year (57–99 → 19xx, 00–56 → 20xx) and day of year with eight
 * decimals (1e-8 day = 864 µs). Rounds to that resolution; undefined outside 1957–2056
 * or when the UTC conversion fails.
 */
export function formatTleEpoch(epoch: Epoch): string | undefined {
  let utc: { mjdDay: number; secondsOfDay: number };
  try {
    utc = epoch.utcDaySeconds();
  } catch {
    return undefined; // an instant the UTC conversion cannot place
  }
  const { mjdDay, secondsOfDay } = utc;
  let day = mjdDay;
  let units = Math.round((secondsOfDay / 86400) * 1e8);
  if (units >= 1e8) {
    day += Math.floor(units / 1e8);
    units %= 1e8;
  }
  const { year } = mjdToCalendar(day);
  if (year < 1957 || year > 2056) return undefined;
  const dayOfYear = day - calendarToMjd(year, 1, 1) + 1;
  return `${String(year % 100).padStart(2, '0')}${String(dayOfYear).padStart(3, '0')}.${String(units).padStart(8, '0')}`;
}

/**
 * International designator in TLE form (`98067A`) from either form; OMM writes `1998-067A`.
 * Text in neither form is returned trimmed (e.g. blank or `UNKNOWN`).
 */
export function intlDesignatorToTle(designator: string): string {
  const t = designator.trim();
  const m = /^(\d{4})-(\d{3})([A-Z]{0,3})$/.exec(t);
  return m ? m[1].slice(2) + m[2] + m[3] : t;
}

/** International designator in OMM / COSPAR form (`1998-067A`) from either form. */
export function intlDesignatorToOmm(designator: string): string {
  const t = designator.trim();
  const m = /^(\d{2})(\d{3})([A-Z]{0,3})$/.exec(t);
  if (!m) return t;
  const yy = Number(m[1]);
  return `${yy < 57 ? 2000 + yy : 1900 + yy}-${m[2]}${m[3]}`;
}
