/**
 * The applications (cli, server, web), the runtime package, the benchmarks and the scripts reach
 * another package by its name only (`@stationkeeper/core`, `@stationkeeper/runtime`, …, or an
 * entry its exports map offers, such as `@stationkeeper/core/time`), never by a path into its code
 * (`../packages/core/src/…`, `…/dist/…`) or a subpath its exports map does not offer: what they use must be part of that package's public entry, and the packages can be
 * rearranged inside without breaking them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './sharedData.js';

/** Folders whose TypeScript/JavaScript is checked. */
const CHECKED = ['packages/cli', 'packages/server', 'packages/web', 'packages/runtime', 'bench', 'scripts'];
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'playwright-report', 'test-results']);
const SOURCE_FILE = /\.(ts|tsx|mts|js|mjs)$/;

/** Module specifiers of static imports/exports, dynamic import() and require(). */
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)(['"])([^'"\n]+)\1/g;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) {
      if (!SKIPPED_DIRS.has(e.name)) out.push(...sourceFiles(join(dir, e.name)));
    } else if (SOURCE_FILE.test(e.name) && !e.name.endsWith('.d.ts')) out.push(join(dir, e.name));
  }
  return out;
}

/** Subpaths (`./time`, …) the exports map of packages/<name> offers; none for an unknown package. */
function exportedSubpaths(name: string): string[] {
  try {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'packages', name, 'package.json'), 'utf8')) as { exports?: Record<string, unknown> };
    return Object.keys(pkg.exports ?? {});
  } catch {
    return [];
  }
}

/** `packages/<name>` holding `absPath`, or undefined outside the packages. */
function packageOf(absPath: string): string | undefined {
  const rel = relative(REPO_ROOT, absPath).split(sep);
  return rel[0] === 'packages' && rel.length > 2 ? rel[1] : undefined;
}

/** True for a path inside a package's code (src/ or the compiled dist/). */
function inPackageCode(absPath: string): boolean {
  const rel = relative(REPO_ROOT, absPath).split(sep);
  return rel[0] === 'packages' && (rel[2] === 'src' || rel[2] === 'dist');
}

/** Why `specifier`, imported by `file`, reaches into a package other than by its name; undefined when it does not. */
export function deepImport(file: string, specifier: string): string | undefined {
  const sub = /^@stationkeeper\/([^/]+)\/(.+)$/.exec(specifier);
  if (sub && !exportedSubpaths(sub[1]).includes(`./${sub[2]}`)) return `subpath import ${specifier} (not in the package's exports map)`;
  if (!specifier.startsWith('.')) return undefined;
  const target = resolve(dirname(file), specifier);
  const to = packageOf(target);
  // A package's own files are its business; so are test helpers reused as benchmark peers.
  if (to === undefined || to === packageOf(file) || !inPackageCode(target)) return undefined;
  return `path into packages/${to}: ${specifier}`;
}

function violations(): { files: number; found: string[] } {
  const files = CHECKED.flatMap((d) => sourceFiles(join(REPO_ROOT, d)));
  const found: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(SPECIFIER)) {
      const why = deepImport(file, m[2]);
      if (why) found.push(`${relative(REPO_ROOT, file)}: ${why}`);
    }
  }
  return { files: files.length, found };
}

describe('packages are imported by name only', () => {
  it('flags paths into another package and subpaths, and lets a package import its own files', () => {
    const bench = join(REPO_ROOT, 'bench/x.bench.ts');
    expect(deepImport(bench, '../packages/core/src/time/epoch.js')).toMatch(/packages\/core/);
    expect(deepImport(join(REPO_ROOT, 'scripts/lib/y.ts'), '../../packages/cli/src/data/fetch.js')).toMatch(/packages\/cli/);
    expect(deepImport(join(REPO_ROOT, 'packages/cli/src/commands/z.ts'), '../../../core/src/index.js')).toMatch(/packages\/core/);
    expect(deepImport(bench, '@stationkeeper/core/node')).toMatch(/subpath/);
    expect(deepImport(bench, '@stationkeeper/core/src/time/epoch.js')).toMatch(/subpath/);
    expect(deepImport(bench, '@stationkeeper/core/time')).toBeUndefined(); // an entry of core's exports map
    expect(deepImport(join(REPO_ROOT, 'packages/cli/src/commands/z.ts'), '../util/options.js')).toBeUndefined();
    expect(deepImport(bench, './lib/catalog.js')).toBeUndefined();
    expect(deepImport(bench, '../packages/core/test/integrators/twoBody.js')).toBeUndefined();
    expect(deepImport(bench, '@stationkeeper/runtime')).toBeUndefined();
    expect(deepImport(bench, '@stationkeeper/core/package.json')).toBeUndefined();
    expect(deepImport(bench, 'node:fs')).toBeUndefined();
  });

  it('in cli, server, web, runtime, bench and scripts', () => {
    const { files, found } = violations();
    expect(files).toBeGreaterThan(100); // the walk did find the sources
    expect(found).toEqual([]);
  });
});
