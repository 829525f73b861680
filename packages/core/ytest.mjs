import { parse } from 'yaml';
const n = Number(process.argv[3] ?? 20000);
const cases = {
  brackets: '['.repeat(n),
  braces: '{'.repeat(n),
  bracesClosed: '{'.repeat(n/2)+'}'.repeat(n/2),
  bracketsClosed: 'a: [' + '1,'.repeat(n) + ']',
  flowlist: 'a: [' + '[1],'.repeat(n / 3) + ']',
  dashes: '- '.repeat(n / 2) + 'x',
  indent: Array.from({ length: 300 }, (_, i) => ' '.repeat(i) + 'a' + i + ':').join('\n'),
  manyKeys: Array.from({ length: n / 4 }, (_, i) => 'k' + i + ': ' + i).join('\n'),
  colons: 'a: ' + ':'.repeat(n),
  quotes: 'a: "' + '\\"'.repeat(n / 2),
  commas: '[' + ','.repeat(n),
  qmarks: '? '.repeat(n / 2),
  mixed: '[{'.repeat(n / 2),
  spaces: 'a: b' + ' '.repeat(n) + 'c',
  tabs: 'a:\t' + '\t'.repeat(n) + 'c',
  lines: 'a: |\n' + '  x\n'.repeat(n / 4),
  brackets30: ('['.repeat(30) + ']'.repeat(30) + ',').repeat(n / 60),
  flowmap: '{' + 'a: 1, '.repeat(n / 6) + '}',
  deep64: ('['.repeat(64) + ']'.repeat(64) + '\n').repeat(n / 130),
  braces64: 'a: ' + '{'.repeat(64) + '}'.repeat(64),
  braces200: 'a: ' + '{'.repeat(200) + '}'.repeat(200),
  bracketsOpen64: ('a: ' + '['.repeat(64) + '\n').repeat(n/70),
};
const k = process.argv[2];
const s = cases[k];
const t = Date.now();
let r = 'ok';
try { parse(s, { uniqueKeys: true }); } catch (e) { r = e.constructor.name + ' ' + String(e.message).slice(0,60); }
console.log(k.padEnd(16), s.length, Date.now() - t, 'ms', r);
