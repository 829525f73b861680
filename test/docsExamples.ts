/**
 * The executable examples of README.md and docs/*.md, found by their fences:
 * - ```console: `$ stationkeeper …` lines, each followed by the output it prints (a line `…`
 *   stands for any number of lines);
 * - ```sh: `stationkeeper …` lines that must run and exit 0 (`data fetch`, `serve` and `worker`
 *   need a network or stay up: their own tests cover them);
 * - ```ts: a library example, run as a program.
 * An HTML comment on the line before a fence steers it: `<!-- doctest: skip — why -->` leaves the
 * block out (a fragment, a template), `<!-- doctest: files NAME=PATH … -->` puts files of the
 * reference data (PATH under ../shared/data) in the scratch directory under NAME, and
 * `<!-- doctest: data PATH … -->` puts them in the data directory (as `data fetch` would); clauses
 * are separated by `;`.
 */
import { readFileSync } from 'node:fs';

export interface DocCommand {
  args: string[];
  /** The output shown under a console command; undefined for a shell line (only its exit counts). */
  expected?: string[];
}

export interface DocBlock {
  doc: string;
  line: number;
  lang: 'console' | 'sh' | 'ts';
  body: string;
  files: Record<string, string>;
  /** Reference-data files (paths under ../shared/data) put at the same place in the data directory. */
  data: string[];
  commands: DocCommand[];
}

const NOT_HERE = /^stationkeeper (data fetch|serve|worker)\b/;

/** Words of a shell command line: single and double quotes, no expansion. */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: string | null = null;
  for (const ch of line) {
    if (quote) {
      if (ch === quote) quote = null;
      else word += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += ch;
      inWord = true;
    }
  }
  if (quote) throw new Error(`unclosed quote in: ${line}`);
  if (inWord) words.push(word);
  return words;
}

/** A command line as the reader would type it: `npx` dropped, a trailing `# comment` cut. */
function commandArgs(line: string): string[] | null {
  const text = line.replace(/^npx /, '').replace(/\s+#.*$/, '').trim();
  if (!text.startsWith('stationkeeper ') || NOT_HERE.test(text)) return null;
  return shellWords(text).slice(1);
}

/** Physical lines joined where a line ends with a backslash. */
function logicalLines(body: string): string[] {
  return body.replace(/\\\n\s*/g, ' ').split('\n');
}

function consoleCommands(body: string): DocCommand[] {
  const out: DocCommand[] = [];
  for (const line of logicalLines(body)) {
    if (line.startsWith('$ ')) {
      const args = commandArgs(line.slice(2));
      if (!args) throw new Error(`console example is not a stationkeeper command: ${line}`);
      out.push({ args, expected: [] });
    } else if (out.length > 0) out[out.length - 1].expected!.push(line.trimEnd());
  }
  for (const c of out) while (c.expected!.length > 0 && c.expected![c.expected!.length - 1] === '') c.expected!.pop();
  return out;
}

interface Directive {
  skip: boolean;
  files: Record<string, string>;
  data: string[];
}

function directive(previousLine: string | undefined): Directive {
  const m = /^<!-- doctest: (.*?) -->$/.exec(previousLine?.trim() ?? '');
  const d: Directive = { skip: false, files: {}, data: [] };
  if (!m) return d;
  if (m[1].startsWith('skip')) return { ...d, skip: true }; // the reason may hold any text
  for (const clause of m[1].split(';').map((c) => c.trim())) {
    const [word, ...rest] = clause.split(/\s+/);
    if (word === 'data') d.data.push(...rest);
    else if (word === 'files') for (const pair of rest) d.files[pair.split('=')[0]] = pair.split('=')[1];
    else throw new Error(`unknown doctest directive: ${clause}`);
  }
  return d;
}

/** The executable blocks of one Markdown file. */
export function docBlocks(path: string, doc: string): DocBlock[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  const blocks: DocBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)\s*$/.exec(lines[i]);
    if (!open) continue;
    const end = lines.indexOf('```', i + 1);
    if (end < 0) throw new Error(`${doc}: unclosed fence at line ${i + 1}`);
    const lang = open[1];
    const body = lines.slice(i + 1, end).join('\n');
    const { skip, files, data } = directive(lines[i - 1]);
    const line = i + 1;
    i = end;
    if (skip) continue;
    if (lang === 'console') blocks.push({ doc, line, lang, body, files, data, commands: consoleCommands(body) });
    else if (lang === 'sh') {
      const commands = logicalLines(body).map(commandArgs).filter((a): a is string[] => a !== null).map((args) => ({ args }));
      if (commands.length > 0) blocks.push({ doc, line, lang, body, files, data, commands });
    } else if (lang === 'ts' && body.includes("from '@stationkeeper/")) blocks.push({ doc, line, lang, body, files, data, commands: [] });
  }
  return blocks;
}

/** Shown output against printed output; a shown `…` line matches any run of lines. */
export function matchesShown(shown: string[], printed: string[]): boolean {
  const memo = new Map<string, boolean>();
  const go = (i: number, j: number): boolean => {
    const key = `${i},${j}`;
    if (memo.has(key)) return memo.get(key)!;
    let r: boolean;
    if (i === shown.length) r = j === printed.length;
    else if (shown[i] === '…') r = go(i + 1, j) || (j < printed.length && go(i, j + 1));
    else r = j < printed.length && shown[i] === printed[j] && go(i + 1, j + 1);
    memo.set(key, r);
    return r;
  };
  return go(0, 0);
}
