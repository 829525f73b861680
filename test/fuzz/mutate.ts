/**
 * Seeded mutations of valid inputs, in the shapes that broke the parsers before (issue 19): byte
 * flips, truncation, swapped and duplicated lines, values replaced by huge numbers, NaN,
 * Infinity, leap seconds and far epochs, unicode, long runs of blanks or brackets (regex and
 * parser blow-ups), deep nesting, YAML anchors and aliases.
 */
import { rng } from '../../packages/core/test/history/syntheticHistory.js';

const TOKENS = [
  'NaN', 'nan', '.nan', 'Infinity', '-Infinity', '.inf', '1e309', '-1e309', '1.797e308', '1.5e301', '4.9e-324', '-0', '0x10', '1e-320',
  '0', '-1', '1', '99999999999999999999', '2016-12-31T23:59:60', '2016-366T23:59:60', '9999-12-31T00:00:00', '1900-01-01T00:00:00',
  '2022-02-30T00:00:00', '24:00:00', 'null', '~', 'true', '[]', '{}', '""', "''", '*a', '&a ', '*a\n', '<<: *a', '!!binary', '!!js/function',
  '\u0000', '\u202e', '\uffff', '\ud800', 'é', '😀', '\t', '\r', '\n', ' ', '=', ':', '- ', '? ', ',', '#', '<', '>', '</', '"', "'", '&amp;', '&#0;',
  '<![CDATA[', ']]>', '<!--', '-->', '<!DOCTYPE x [<!ENTITY a "aaaa">]>', '[', ']', '{', '}', 'E', 'e', '+', '.', 'COMMENT', 'OBJECT = OBJECT1',
  'CCSDS_OMM_VERS = 2.0', 'CCSDS_CDM_VERS = 1.0', 'META_START', 'META_STOP', 'COVARIANCE_START', '__proto__', 'constructor',
];

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)];
}

function randomChar(r: () => number): string {
  const k = r();
  if (k < 0.6) return String.fromCharCode(32 + Math.floor(r() * 95));
  if (k < 0.8) return String.fromCharCode(Math.floor(r() * 32));
  return String.fromCharCode(Math.floor(r() * 0xffff));
}

/** A long run of one character: what backtracking regexes and the YAML library choke on. */
function longRun(r: () => number): string {
  const unit = pick(r, [' ', '[', '{', '- ', '\t', '0', 'a', ',', '<a>', '*a,', '"', '\\']);
  return unit.repeat(1 + Math.floor(r() * (r() < 0.3 ? 20_000 : 300)));
}

type Op = (s: string, r: () => number) => string;

const at = (s: string, r: () => number): number => Math.floor(r() * (s.length + 1));

const OPS: [number, Op][] = [
  [20, (s, r) => { const i = at(s, r); return s.slice(0, i) + randomChar(r) + s.slice(i + 1); }],
  [8, (s, r) => { const i = at(s, r); return s.slice(0, i) + s.slice(i + 1 + Math.floor(r() * 20)); }],
  [16, (s, r) => { const i = at(s, r); return s.slice(0, i) + pick(r, TOKENS) + s.slice(i); }],
  [4, (s, r) => s.slice(0, at(s, r))],
  [14, (s, r) => replaceValue(s, r, pick(r, TOKENS))],
  [6, (s, r) => replaceValue(s, r, pick(r, TOKENS) + longRun(r))],
  [6, (s, r) => { const lines = s.split('\n'); const i = Math.floor(r() * lines.length); lines.splice(i, 0, lines[Math.floor(r() * lines.length)]); return lines.join('\n'); }],
  [6, (s, r) => { const lines = s.split('\n'); const i = Math.floor(r() * lines.length); const j = Math.floor(r() * lines.length); [lines[i], lines[j]] = [lines[j], lines[i]]; return lines.join('\n'); }],
  [4, (s, r) => { const i = at(s, r); return s.slice(0, i) + longRun(r) + s.slice(i); }],
  [2, (s, r) => { const d = 1 + Math.floor(r() * (r() < 0.3 ? 8000 : 50)); const o = pick(r, ['[', '{"a":', '<a>', '- ']); return o.repeat(d) + s; }],
  [2, (s, r) => 'a: &a [x, x, x]\n' + s.replace(/^(\s*\w+:)\s*\S.*$/m, `$1 ${'*a, '.repeat(1 + Math.floor(r() * 80))}*a`)],
  [2, (s, r) => s.replace(/[0-9]+/, String(10 ** Math.floor(r() * 320)))],
];
const TOTAL_WEIGHT = OPS.reduce((a, [w]) => a + w, 0);

/** Replace the value of a random `KEY = value`, `key: value`, `"key": value` or `<K>value</K>`. */
function replaceValue(s: string, r: () => number, value: string): string {
  const re = /(=\s*|:\s*|>)([^\n<,}]+)/g;
  const spots: [number, number][] = [];
  for (let m = re.exec(s); m && spots.length < 400; m = re.exec(s)) spots.push([m.index + m[1].length, m[2].length]);
  if (spots.length === 0) return value + s;
  const [i, n] = pick(r, spots);
  return s.slice(0, i) + value + s.slice(i + n);
}

/** 1–4 mutations of `base`, chosen by the seeded generator. */
export function mutate(base: string, seed: number): string {
  const r = rng(seed);
  let s = base;
  const count = 1 + Math.floor(r() * 4);
  for (let k = 0; k < count; k++) {
    let w = r() * TOTAL_WEIGHT;
    const op = OPS.find(([weight]) => (w -= weight) < 0)![1];
    s = op(s, r);
  }
  return s;
}
