/**
 * The examples in docs/*.md (and the README's library example) run as written, so the docs
 * cannot drift: console examples must print what they show, shell lines must succeed, library
 * examples must run. Like the README test: a scratch directory with the examples, an empty data
 * directory (embedded defaults), no network. The README's own shell and console blocks are
 * checked by readme.test.ts.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type DocBlock, docBlocks, matchesShown, shellWords } from './docsExamples.js';
import { runOffline, scratch, type Scratch } from './offlineRun.js';
import { REPO_ROOT, sharedDataAvailable } from './sharedData.js';

const BIN = join(REPO_ROOT, 'packages/cli/bin/stationkeeper.js');
const TSX = join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs');

function allBlocks(): DocBlock[] {
  const docs = readdirSync(join(REPO_ROOT, 'docs')).filter((f) => f.endsWith('.md')).sort();
  const fromDocs = docs.flatMap((f) => docBlocks(join(REPO_ROOT, 'docs', f), `docs/${f}`));
  const readmeLibrary = docBlocks(join(REPO_ROOT, 'README.md'), 'README.md').filter((b) => b.lang === 'ts');
  return [...fromDocs, ...readmeLibrary];
}

function scratchFor(block: DocBlock): Scratch {
  return scratch(block.files, block.data);
}

function run(command: string, args: string[], where: Scratch) {
  return runOffline(command, args, where, 240_000);
}

function runCommands(block: DocBlock): void {
  const where = scratchFor(block);
  for (const c of block.commands) {
    const r = run(process.execPath, [BIN, ...c.args], where);
    const what = `stationkeeper ${c.args.join(' ')}`;
    expect(r.code, `${what}\n${r.stderr}`).toBe(0);
    if (c.expected === undefined) continue;
    const printed = r.stdout.trimEnd().split('\n').map((l) => l.trimEnd());
    expect(matchesShown(c.expected, printed), `${what}\nshown:\n${c.expected.join('\n')}\nprinted:\n${printed.join('\n')}`).toBe(true);
  }
}

function runLibrary(block: DocBlock): void {
  // Inside the repository so that '@stationkeeper/…' resolves to the workspace packages.
  const dir = join(REPO_ROOT, 'test', '.doctest');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${block.doc.replace(/\W+/g, '-')}-${block.line}.ts`);
  writeFileSync(file, block.body);
  try {
    const r = run(process.execPath, [TSX, '--conditions=source', file], scratchFor(block));
    expect(r.code, r.stderr).toBe(0);
  } finally {
    rmSync(file, { force: true });
  }
}

describe.skipIf(!sharedDataAvailable())('the docs’ examples run as written', () => {
  const blocks = allBlocks();

  it('finds the examples', () => {
    expect(blocks.filter((b) => b.lang === 'console').length).toBeGreaterThanOrEqual(4);
    expect(blocks.filter((b) => b.lang === 'ts').length).toBeGreaterThanOrEqual(2);
  });

  it.each(blocks.map((b) => [`${b.doc}:${b.line} (${b.lang})`, b] as const))('%s', (_name, block) => {
    if (block.lang === 'ts') runLibrary(block);
    else runCommands(block);
  }, 600_000);
});

describe('doc example parsing', () => {
  it('splits shell words with quotes', () => {
    expect(shellWords(`group --name 'ONEWEB-*' --x "a b"`)).toEqual(['group', '--name', 'ONEWEB-*', '--x', 'a b']);
    expect(() => shellWords(`a 'b`)).toThrow(/unclosed quote/);
  });

  it('an elision matches any run of lines, and nothing else does', () => {
    expect(matchesShown(['a', '…', 'd'], ['a', 'b', 'c', 'd'])).toBe(true);
    expect(matchesShown(['a', '…', 'd'], ['a', 'd'])).toBe(true);
    expect(matchesShown(['a', '…', 'd'], ['a', 'b', 'c'])).toBe(false);
    expect(matchesShown(['a', 'b'], ['a', 'b', 'c'])).toBe(false);
  });
});
