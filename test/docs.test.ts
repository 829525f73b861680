/**
 * The examples in docs/*.md (and the README's library example) run as written, so the docs
 * cannot drift: console examples must print what they show, shell lines must succeed, library
 * examples must run. Like the README test: a scratch directory with the examples, an empty data
 * directory (embedded defaults), no network. The README's own shell and console blocks are
 * checked by readme.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type DocBlock, docBlocks, matchesShown, shellWords } from './docsExamples.js';
import { REPO_ROOT, SHARED_DATA, sharedDataAvailable } from './sharedData.js';

const BIN = join(REPO_ROOT, 'packages/cli/bin/stationkeeper.js');
const TSX = join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs');

function allBlocks(): DocBlock[] {
  const docs = readdirSync(join(REPO_ROOT, 'docs')).filter((f) => f.endsWith('.md')).sort();
  const fromDocs = docs.flatMap((f) => docBlocks(join(REPO_ROOT, 'docs', f), `docs/${f}`));
  const readmeLibrary = docBlocks(join(REPO_ROOT, 'README.md'), 'README.md').filter((b) => b.lang === 'ts');
  return [...fromDocs, ...readmeLibrary];
}

function scratch(block: DocBlock): { cwd: string; dataDir: string } {
  const cwd = mkdtempSync(join(tmpdir(), 'sk-docs-'));
  symlinkSync(join(REPO_ROOT, 'examples'), join(cwd, 'examples'), 'dir');
  mkdirSync(join(cwd, 'docs')); // examples that redraw a figure of the docs write it there
  for (const [name, path] of Object.entries(block.files)) symlinkSync(join(SHARED_DATA, path), join(cwd, name));
  const dataDir = mkdtempSync(join(tmpdir(), 'sk-docs-data-'));
  for (const path of block.data) {
    mkdirSync(dirname(join(dataDir, path)), { recursive: true });
    copyFileSync(join(SHARED_DATA, path), join(dataDir, path));
  }
  return { cwd, dataDir };
}

function run(command: string, args: string[], where: { cwd: string; dataDir: string }) {
  // No network: a download would fail against this unreachable mirror.
  const env = { ...process.env, STATIONKEEPER_DATA: where.dataDir, STATIONKEEPER_SOURCES: '{"*":"http://127.0.0.1:9/"}', TZ: 'UTC' };
  const r = spawnSync(command, args, { cwd: where.cwd, env, encoding: 'utf8', timeout: 240_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function runCommands(block: DocBlock): void {
  const where = scratch(block);
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
    const r = run(process.execPath, [TSX, '--conditions=source', file], scratch(block));
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
