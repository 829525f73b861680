/**
 * Turns the NRLMSISE-00 C release's `nrlmsise-00_data.c` into the data-directory JSON
 * (nrlmsise/nrlmsise00-coefficients.json). It reads numbers only: the `double name[a][b] = {...};`
 * initialisers of the ten coefficient arrays, with C's rules that unset trailing entries are zero.
 * Anything else inside an initialiser (an identifier, an expression) is an error naming the line,
 * so a changed or damaged file never turns into wrong coefficients silently.
 */
import {
  DataValidationError,
  NRLMSISE00_ARRAY_SHAPES,
  checkNrlmsise00Coefficients,
  type Nrlmsise00CoefficientsJson,
} from './datasets.js';

const DESCRIPTION =
  'NRLMSISE-00 empirical atmosphere model (Picone, Hedin, Drob 2002; U.S. Naval Research Laboratory): ' +
  'coefficient tables of the C release nrlmsise-00_data.c (D. Brodowski), numbers only, in the array layout ' +
  'declared there (BLOCK DATA GTD7BK), unset trailing entries zero: ' +
  Object.entries(NRLMSISE00_ARRAY_SHAPES)
    .map(([name, shape]) => `${name}[${shape.join('][')}]`)
    .join(', ') +
  '.';

/** Replaces comments and preprocessor lines with spaces, keeping newlines so offsets map to the same lines. */
function blankComments(src: string): string {
  return src.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|^[ \t]*#[^\n]*/gm, (m) => m.replace(/[^\n]/g, ' '));
}

function lineAt(text: string, offset: number): number {
  let n = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

const TOKEN = /\s*(?:([{},])|([-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?)[fFlL]?(?![\w.])|(\S+?)(?=[\s{},]|$))/y;

/** Nested list of numbers as written inside one brace-enclosed initialiser. */
type Init = (number | Init)[];

/** Parses the initialiser starting at the '{' at `start`; returns it and the offset after its '}'. */
function parseInitialiser(text: string, start: number, name: string): { init: Init; end: number } {
  const stack: Init[] = [];
  let current: Init | undefined;
  TOKEN.lastIndex = start;
  for (;;) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    if (m === null || m[0].trim() === '') {
      throw new DataValidationError(`nrlmsise-00_data.c: initialiser of '${name}' is not closed (from line ${lineAt(text, start)})`);
    }
    const [, punct, num, other] = m;
    if (other !== undefined) {
      throw new DataValidationError(
        `nrlmsise-00_data.c line ${lineAt(text, at + m[0].indexOf(other))}: '${other}' in the initialiser of '${name}' is not a number`,
      );
    }
    if (num !== undefined) {
      if (current === undefined) throw new DataValidationError(`nrlmsise-00_data.c: number outside braces in '${name}'`);
      current.push(Number(num));
    } else if (punct === '{') {
      const child: Init = [];
      if (current !== undefined) current.push(child);
      stack.push(child);
      current = child;
    } else if (punct === '}') {
      const done = stack.pop();
      if (done === undefined) throw new DataValidationError(`nrlmsise-00_data.c: unbalanced '}' in '${name}'`);
      if (stack.length === 0) return { init: done, end: TOKEN.lastIndex };
      current = stack[stack.length - 1];
    }
    // ',' separates; C allows a trailing one.
  }
}

/** Lays an initialiser out into an array of the declared shape (1-D or 2-D), zero-filling unset entries. */
function shapeArray(init: Init, dims: number[], name: string, line: number): number[] | number[][] {
  const where = `nrlmsise-00_data.c line ${line}: '${name}[${dims.join('][')}]'`;
  const numbersOnly = (list: Init, len: number, what: string): number[] => {
    if (list.length > len) throw new DataValidationError(`${where}: ${what} has ${list.length} initialisers for ${len} entries`);
    const out = new Array<number>(len).fill(0);
    list.forEach((v, i) => {
      if (typeof v !== 'number') throw new DataValidationError(`${where}: ${what} has a nested brace where a number belongs`);
      out[i] = v;
    });
    return out;
  };
  if (dims.length === 1) return numbersOnly(init, dims[0], 'the array');
  if (dims.length !== 2) throw new DataValidationError(`${where}: only 1-D and 2-D arrays are expected`);
  const [rows, cols] = dims;
  if (init.every((v) => typeof v === 'number')) {
    // Fully brace-elided: fill row by row.
    const flat = numbersOnly(init, rows * cols, 'the array');
    return Array.from({ length: rows }, (_, r) => flat.slice(r * cols, (r + 1) * cols));
  }
  if (!init.every((v) => Array.isArray(v))) {
    throw new DataValidationError(`${where}: mixes braced rows and bare numbers (partial brace elision is not supported)`);
  }
  if (init.length > rows) throw new DataValidationError(`${where}: has ${init.length} rows for ${rows}`);
  return Array.from({ length: rows }, (_, r) => numbersOnly((init[r] as Init | undefined) ?? [], cols, `row ${r}`));
}

/**
 * Reads the `double name[a]([b]) = {...};` initialisers named in `shapes` from C source text, each
 * declared once with exactly those dimensions, as numbers laid out in that shape (unset trailing
 * entries zero). Other declarations are skipped; a named array that is absent is an error. A 1-D
 * array may instead be declared with the shorter length given in `alsoAccepted`; it is then
 * zero-filled to the length in `shapes`.
 */
export function parseCDoubleArrays(
  source: string,
  shapes: Readonly<Record<string, readonly number[]>>,
  alsoAccepted: Readonly<Record<string, readonly number[]>> = {},
): Record<string, number[] | number[][]> {
  const text = blankComments(source);
  const decl = /\bdouble\s+([A-Za-z_]\w*)\s*((?:\[\s*\d+\s*\]\s*)+)=\s*\{/g;
  const found = new Map<string, number[] | number[][]>();
  for (let m = decl.exec(text); m !== null; m = decl.exec(text)) {
    const name = m[1];
    const braceAt = m.index + m[0].length - 1;
    const { init, end } = parseInitialiser(text, braceAt, name);
    decl.lastIndex = end;
    const expected = Object.hasOwn(shapes, name) ? shapes[name] : undefined;
    if (expected === undefined) continue;
    const line = lineAt(text, m.index);
    const dims = [...m[2].matchAll(/\d+/g)].map((d) => Number(d[0]));
    const smaller = Object.hasOwn(alsoAccepted, name) ? alsoAccepted[name] : undefined;
    if (
      smaller !== undefined &&
      dims.length === 1 &&
      expected.length === 1 &&
      smaller.length === 1 &&
      dims[0] === smaller[0] &&
      smaller[0] < expected[0]
    ) {
      // A 1-D array that an accepted declaration makes shorter: its entries, then zeros up to the
      // expected length (the values C gives the unset trailing entries of the longer declaration).
      if (found.has(name)) throw new DataValidationError(`nrlmsise-00_data.c line ${line}: '${name}' is declared twice`);
      const short = shapeArray(init, dims, name, line) as number[];
      found.set(name, [...short, ...new Array<number>(expected[0] - short.length).fill(0)]);
      continue;
    }
    if (dims.join(',') !== expected.join(',')) {
      throw new DataValidationError(
        `nrlmsise-00_data.c line ${line}: '${name}' is declared [${dims.join('][')}], expected [${expected.join('][')}]`,
      );
    }
    if (found.has(name)) throw new DataValidationError(`nrlmsise-00_data.c line ${line}: '${name}' is declared twice`);
    found.set(name, shapeArray(init, dims, name, line));
  }
  const missing = Object.keys(shapes).filter((n) => !found.has(n));
  if (missing.length > 0) throw new DataValidationError(`nrlmsise-00_data.c lacks the array(s) ${missing.join(', ')}`);
  const arrays: Record<string, number[] | number[][]> = {};
  for (const name of Object.keys(shapes)) arrays[name] = found.get(name)!;
  return arrays;
}

/**
 * Declarations of earlier C releases that hold the same numbers in a shorter array: release 20041227
 * declares `ptm[10]` where release 20151122 declares `ptm[50]`; the ten numbers are the same, the rest zero.
 */
export const NRLMSISE00_EARLIER_RELEASE_SHAPES: Readonly<Record<string, readonly number[]>> = Object.freeze({ ptm: [10] });

/**
 * The ten NRLMSISE-00 coefficient arrays of nrlmsise-00_data.c, as the data-directory JSON object.
 * Strict by default (every array exactly as release 20151122 declares it); `acceptEarlierRelease`
 * also takes the shorter declarations of NRLMSISE00_EARLIER_RELEASE_SHAPES, zero-filled to the
 * 20151122 shape (used by scripts/make-embedded-data.ts; `data fetch` stays strict).
 */
export function convertNrlmsise00DataC(source: string, options: { acceptEarlierRelease?: boolean } = {}): Nrlmsise00CoefficientsJson {
  const arrays = parseCDoubleArrays(source, NRLMSISE00_ARRAY_SHAPES, options.acceptEarlierRelease ? NRLMSISE00_EARLIER_RELEASE_SHAPES : {});
  return checkNrlmsise00Coefficients({ model: 'NRLMSISE-00', description: DESCRIPTION, arrays });
}

/** Bytes of nrlmsise-00_data.c → bytes of nrlmsise00-coefficients.json. */
export function convertNrlmsise00DataCBytes(source: Uint8Array): Uint8Array {
  const json = JSON.stringify(convertNrlmsise00DataC(new TextDecoder('utf-8').decode(source)));
  return new TextEncoder().encode(json + '\n');
}
