// Part of `npm run build` (and so of `npm install`): tsc -b compiles every .ts under
// packages/{core,server,cli}/src to dist/; this copies the other files there (the worker
// bootstraps, *.mjs) to the same place in dist/, so that the compiled packages run as they are.
// It walks the folders: a new file under src needs no list anywhere.
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let copied = 0;
for (const pkg of ['core', 'runtime', 'server', 'cli']) {
  const src = join(root, 'packages', pkg, 'src');
  const dist = join(root, 'packages', pkg, 'dist');
  for (const entry of readdirSync(src, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name.endsWith('.ts')) continue;
    const from = join(entry.parentPath, entry.name);
    const to = join(dist, relative(src, from));
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(from, to);
    copied++;
  }
}
console.log(`copy-assets: ${copied} non-TypeScript file(s) copied next to the compiled JavaScript`);
