/**
 * A peer checkout for benchmarks that time "main before a change" in the same run: another
 * checkout of the repository (`git archive <commit> packages | tar -x -C /tmp/base`) whose
 * packages import each other by name. It gets a node_modules of its own: its @stationkeeper/*
 * point at its packages, every other dependency at this checkout's node_modules, so the peer runs
 * its own code with the same third-party packages (and its worker threads resolve the same way).
 */
import { existsSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const OWN_MODULES = resolve(import.meta.dirname, '..', '..', 'node_modules');
const SCOPE = '@stationkeeper';

/** Link `root`/node_modules (once) and return the URL of its package's source entry (`packages/<name>/src/index.ts`). */
export function baseCheckoutEntry(root: string, packageName: string): string {
  const entry = resolve(root, 'packages', packageName, 'src', 'index.ts');
  if (!existsSync(entry)) throw new Error(`peer checkout ${root} has no packages/${packageName}/src/index.ts`);
  const sgp4 = resolve(root, 'packages', 'core', 'src', 'propagation', 'sgp4');
  if (existsSync(resolve(sgp4, 'nearEarthWasm.ts')) && !existsSync(resolve(sgp4, 'nearEarthWasm.generated.ts'))) {
    // git archive leaves out the git-ignored module that `npm run build` generates.
    throw new Error(`peer checkout ${root} has no built WebAssembly kernel: copy packages/core/src/propagation/sgp4/nearEarthWasm.generated.ts into it (when its assembly/ sources are this checkout's) or build it there`);
  }
  const modules = resolve(root, 'node_modules');
  if (!existsSync(modules)) {
    mkdirSync(resolve(modules, SCOPE), { recursive: true });
    for (const name of readdirSync(OWN_MODULES)) {
      if (name !== SCOPE && name !== '.bin') symlinkSync(resolve(OWN_MODULES, name), resolve(modules, name));
    }
    for (const pkg of readdirSync(resolve(root, 'packages'))) symlinkSync(resolve(root, 'packages', pkg), resolve(modules, SCOPE, pkg));
  }
  return pathToFileURL(entry).href;
}
