/**
 * The house rules of docs/architecture.md, checked on the import graph:
 * - @stationkeeper/core is grouped into floors, foundation → models → propagation → analysis →
 *   operations; a module imports only its own floor or a lower one (the package index, which
 *   re-exports everything, is the one exception);
 * - no cycle between folders (a folder may not reach itself through other folders);
 * - core is isomorphic (no `node:` module) and imports no other package of the workspace;
 * - each package imports only the packages below it (that it imports them by name, never by a path
 *   into their sources, is packageImports.test.ts's check).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './sharedData.js';

const FLOORS = ['foundation', 'models', 'propagation', 'analysis', 'operations'];
const CORE_SRC = join(REPO_ROOT, 'packages/core/src');
const IMPORT = /(?:from\s+|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|mts|mjs)$/.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => join(e.parentPath, e.name));
}

function importsOf(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((m) => m[1]);
}

/** `floor/folder` of a path under core/src (a file directly in a floor counts as its own folder). */
function folderOf(path: string): string {
  return relative(CORE_SRC, path).split(sep).slice(0, 2).join('/').replace(/\.(ts|js)$/, '');
}

interface Edge {
  from: string;
  to: string;
  file: string;
}

function coreEdges(): Edge[] {
  const edges: Edge[] = [];
  for (const file of sourceFiles(CORE_SRC)) {
    for (const spec of importsOf(file).filter((s) => s.startsWith('.'))) {
      edges.push({ from: relative(CORE_SRC, file), to: relative(CORE_SRC, resolve(dirname(file), spec)), file });
    }
  }
  return edges;
}

/** Folders that reach themselves again: the strongly connected components with more than one folder. */
function folderCycles(edges: Edge[]): string[][] {
  const graph = new Map<string, Set<string>>();
  for (const e of edges) {
    const [a, b] = [folderOf(join(CORE_SRC, e.from)), folderOf(join(CORE_SRC, e.to))];
    if (a !== b && e.from !== 'index.ts') graph.set(a, (graph.get(a) ?? new Set()).add(b));
  }
  const reach = (start: string): Set<string> => {
    const seen = new Set<string>();
    const stack = [start];
    while (stack.length) for (const n of graph.get(stack.pop()!) ?? []) if (!seen.has(n)) seen.add(n), stack.push(n);
    return seen;
  };
  const reachable = new Map([...graph.keys()].map((k) => [k, reach(k)]));
  const cycles = new Map<string, string[]>();
  for (const [k, r] of reachable) {
    if (!r.has(k)) continue;
    const members = [...r].filter((o) => reachable.get(o)?.has(k)).sort();
    cycles.set(members.join(' '), members);
  }
  return [...cycles.values()];
}

describe('the floors of @stationkeeper/core', () => {
  const edges = coreEdges();

  it('every module lives on a floor', () => {
    const top = readdirSync(CORE_SRC).filter((n) => n !== 'index.ts');
    expect(top.sort()).toEqual([...FLOORS].sort());
  });

  it('no import goes up a floor', () => {
    const rank = (path: string) => FLOORS.indexOf(path.split(sep)[0]);
    const upward = edges.filter((e) => e.from !== 'index.ts' && rank(e.to) > rank(e.from)).map((e) => `${e.from} → ${e.to}`);
    expect(upward).toEqual([]);
  });

  it('no folder reaches itself through others', () => {
    expect(folderCycles(edges)).toEqual([]);
  });

  it('core is isomorphic and stands alone', () => {
    const outside = sourceFiles(CORE_SRC).flatMap((f) =>
      importsOf(f).filter((s) => s.startsWith('node:') || s.startsWith('@stationkeeper/')).map((s) => `${relative(CORE_SRC, f)}: ${s}`),
    );
    expect(outside).toEqual([]);
  });
});

describe('the packages', () => {
  const allowed: Record<string, string[]> = {
    core: [],
    runtime: ['core'],
    server: ['core', 'runtime'],
    cli: ['core', 'runtime', 'server'],
    web: ['core', 'runtime'],
  };

  it.each(Object.keys(allowed))('%s imports only the packages below it (deep paths: packageImports.test.ts)', (pkg) => {
    const src = join(REPO_ROOT, 'packages', pkg, 'src');
    const wrong = sourceFiles(src).flatMap((f) =>
      importsOf(f)
        .filter((s) => s.startsWith('@stationkeeper/') && !allowed[pkg].includes(s.split('/')[1]))
        .map((s) => `${relative(REPO_ROOT, f)}: ${s}`),
    );
    expect(wrong).toEqual([]);
  });

  it('the browser bundle takes only types from core and runtime (the wire objects), never their code', () => {
    const src = join(REPO_ROOT, 'packages/web/src');
    const valueImports = sourceFiles(src).flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/^import\s+(?!type\b)[^;]*?from\s+'@stationkeeper\/\w+'/gm)].map(() => relative(REPO_ROOT, f)),
    );
    expect(valueImports).toEqual([]);
  });

  it('a cycle of folders would be found', () => {
    const e = (from: string, to: string) => ({ from, to, file: from });
    expect(folderCycles([e('models/a/x.ts', 'models/b/y.ts'), e('models/b/y.ts', 'models/a/z.ts')])).toEqual([['models/a', 'models/b']]);
    expect(folderCycles([e('models/a/x.ts', 'models/b/y.ts')])).toEqual([]);
  });
});
