/**
 * Linear-time scanners for CCSDS Keyword = Value Notation lines. They replace regular
 * expressions such as `(.*?)\s*$` and `\s*\[[^\]]*\]\s*$`, which backtrack quadratically on a
 * value holding a long run of blanks (a 150 kB line took 30 s): every function here reads each
 * character a bounded number of times.
 */

/** One `KEYWORD = value` line split; `valueStart` is the value's offset in the line given. */
export interface KvnPair {
  keyword: string;
  /** Value with surrounding blanks removed. */
  value: string;
  valueStart: number;
}

function isKeywordStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isKeywordChar(c: number): boolean {
  return isKeywordStart(c) || (c >= 48 && c <= 57) || c === 95;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 11 || c === 12 || c === 13 || c === 10 || c === 0xa0 || c === 0xfeff;
}

/**
 * Split a trimmed line `KEYWORD = value` (keyword: a letter, then letters, digits, `_`).
 * Returns undefined when the line has another shape.
 */
export function splitKvnLine(line: string): KvnPair | undefined {
  if (line.length === 0 || !isKeywordStart(line.charCodeAt(0))) return undefined;
  let i = 1;
  while (i < line.length && isKeywordChar(line.charCodeAt(i))) i++;
  const keyword = line.slice(0, i);
  while (i < line.length && isBlank(line.charCodeAt(i))) i++;
  if (line.charCodeAt(i) !== 61 /* = */) return undefined;
  i++;
  while (i < line.length && isBlank(line.charCodeAt(i))) i++;
  return { keyword, value: line.slice(i).trimEnd(), valueStart: i };
}

/** A value split from a trailing `[units]`. */
export interface KvnUnits {
  value: string;
  /** Text inside the brackets; undefined when there are none. */
  units?: string;
  /** True when a `[` after the last `]` is never closed (`85.4 [`). */
  unclosed: boolean;
}

/**
 * Split `value [units]` (value already trimmed). The units are the text between the first `[`
 * after the last-but-one `]` and the final `]`, as `^(.*?)\s*\[([^\]]*)\]$` would match.
 */
export function splitKvnUnits(text: string): KvnUnits {
  const end = text.length - 1;
  if (end >= 0 && text.charCodeAt(end) === 93 /* ] */) {
    const previousClose = text.lastIndexOf(']', end - 1);
    const open = text.indexOf('[', previousClose + 1);
    if (open >= 0 && open < end) return { value: text.slice(0, open).trimEnd(), units: text.slice(open + 1, end), unclosed: false };
  }
  return { value: text, unclosed: text.lastIndexOf('[') > text.lastIndexOf(']') };
}

/** Drop trailing `[units]` from a value, if any: `15.5 [rev/day]` → `15.5`. */
export function stripKvnUnits(text: string): string {
  return splitKvnUnits(text.trim()).value.trim();
}
