/**
 * @stationkeeper/core and @stationkeeper/runtime as a user gets them: `npm pack` of the built
 * packages, installed from the tarballs into a fresh temporary project, then imported
 *   - from plain Node (no tsx, no TypeScript): core, and runtime with a worker pool started from
 *     its dist/ (the .mjs bootstrap must ship);
 *   - from a Vite browser bundle, run in Debian's chromium: SGP4 and passes in the browser.
 * Both must give the numbers the sources give here.
 *
 * "Installed" offline: the test machines reach no registry, so the tarball is unpacked into the
 * project's node_modules as npm would, and exactly the dependencies their package.json files declare
 * are linked from this workspace's install (an undeclared import would fail to resolve).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { Epoch, findPasses, ISS_SAMPLE_TLE, parseTle, Sgp4Propagator } from '@stationkeeper/core';
import { REPO_ROOT } from './sharedData.js';

const CHROMIUM = '/usr/bin/chromium';

/** The computation both consumers run: SGP4 at one instant and the passes over Paris for a day. */
const PROBE = `
const iss = parseTle(ISS_SAMPLE_TLE).records[0];
const at = Epoch.fromIso('2022-07-15T13:00:00Z');
const s = Sgp4Propagator.fromElements(iss).propagate(at);
const passes = findPasses(Sgp4Propagator.fromElements(iss), { latDeg: 48.8566, lonDeg: 2.3522, altM: 35 }, at, at.plusDays(1));
const result = { r: [s[0], s[1], s[2]], passes: passes.map((p) => [p.rise.epoch.toIsoUtc(3), p.maxElevationDeg, p.visible]) };
`;
const IMPORTS = `import { Epoch, findPasses, ISS_SAMPLE_TLE, parseTle, Sgp4Propagator } from '@stationkeeper/core';`;

function expected() {
  const iss = parseTle(ISS_SAMPLE_TLE).records[0];
  const at = Epoch.fromIso('2022-07-15T13:00:00Z');
  const s = Sgp4Propagator.fromElements(iss).propagate(at);
  const passes = findPasses(Sgp4Propagator.fromElements(iss), { latDeg: 48.8566, lonDeg: 2.3522, altM: 35 }, at, at.plusDays(1));
  return { r: [s[0], s[1], s[2]], passes: passes.map((p) => [p.rise.epoch.toIsoUtc(3), p.maxElevationDeg, p.visible]) };
}

type Probe = ReturnType<typeof expected>;

/**
 * Same result: rise times to the millisecond, position and elevations to 1e-12 relative — the
 * browser's V8 may round a libm function (sin, atan2) differently in the last bit.
 */
function expectSame(got: Probe, want: Probe): void {
  got.r.forEach((x, i) => expect(Math.abs(x - want.r[i])).toBeLessThanOrEqual(1e-12 * Math.abs(want.r[i])));
  expect(got.passes.map((p) => [p[0], p[2]])).toEqual(want.passes.map((p) => [p[0], p[2]]));
  got.passes.forEach((p, i) => expect(Math.abs((p[1] as number) - (want.passes[i][1] as number))).toBeLessThanOrEqual(1e-12 * 90));
}

function sh(cmd: string, args: string[], cwd: string, timeout = 240_000) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout, env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} (in ${cwd}) exited ${r.status}: ${r.stderr || r.stdout}`);
  return r.stdout;
}

/** Unpack `npm pack` of packages/<name> into the project; returns the dependencies it declares. */
function install(project: string, packDir: string, name: string): string[] {
  sh('npm', ['pack', '--silent', '--pack-destination', packDir], join(REPO_ROOT, 'packages', name));
  const tarball = readdirSync(packDir).find((f) => f.startsWith(`stationkeeper-${name}-`) && f.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack of ${name} wrote no tarball`);
  const target = join(project, 'node_modules/@stationkeeper', name);
  mkdirSync(target, { recursive: true });
  sh('tar', ['-xzf', join(packDir, tarball), '-C', target, '--strip-components=1'], project);
  return Object.keys(JSON.parse(readFileSync(join(target, 'package.json'), 'utf8')).dependencies ?? {});
}

describe('@stationkeeper/core and @stationkeeper/runtime packed, installed from the tarballs and imported', () => {
  let project: string;

  beforeAll(() => {
    // The build the tarballs carry (tsc -b is incremental: quick when dist/ is current).
    sh(process.execPath, [join(REPO_ROOT, 'node_modules/typescript/bin/tsc'), '-b', 'packages/runtime'], REPO_ROOT);
    sh(process.execPath, [join(REPO_ROOT, 'scripts/copy-assets.mjs')], REPO_ROOT);
    const packDir = mkdtempSync(join(tmpdir(), 'sk-pack-'));
    project = mkdtempSync(join(tmpdir(), 'sk-consumer-'));
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    const deps = new Set([...install(project, packDir, 'core'), ...install(project, packDir, 'runtime')]);
    for (const dep of deps) {
      if (dep.startsWith('@stationkeeper/')) continue; // installed from its tarball above
      mkdirSync(dirname(join(project, 'node_modules', dep)), { recursive: true });
      symlinkSync(realpathSync(join(REPO_ROOT, 'node_modules', dep)), join(project, 'node_modules', dep), 'dir');
    }
  }, 300_000);

  it('ship dist (JavaScript, types, source maps, the worker bootstrap) and the exports maps, and no tests', () => {
    const files: Record<string, string[]> = {
      core: ['dist/index.js', 'dist/index.d.ts', 'dist/index.js.map', 'dist/analysis/reentry/index.js'],
      runtime: ['dist/index.js', 'dist/index.d.ts', 'dist/index.js.map', 'dist/workers/sgp4WorkerBootstrap.mjs'],
    };
    // Besides the main entry, core offers the areas its worker threads load (a fraction of the whole).
    const exportsMaps: Record<string, string[]> = {
      core: ['.', './time', './diagnostics', './propagation', './conjunction', './conjunction-shards', './reentry', './entry', './package.json'],
      runtime: ['.', './package.json'],
    };
    for (const [name, expected] of Object.entries(files)) {
      const root = join(project, 'node_modules/@stationkeeper', name);
      const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
      expect(pkg.sideEffects).toBe(false);
      expect(Object.keys(pkg.exports)).toEqual(exportsMaps[name]);
      for (const f of expected) expect(existsSync(join(root, f)), `${name}/${f}`).toBe(true);
      expect(existsSync(join(root, 'test'))).toBe(false);
    }
  });

  it('plain Node imports core and runtime, runs a worker pool from dist, and computes what the sources compute', () => {
    const pool = `const par = await ParallelSgp4Batch.create([iss], { workers: 1 });
const batch = await par.propagate({ kind: 'epochs', epochs: [at] });
await par.close();
const { Sgp4Batch } = await import('@stationkeeper/core');
const serial = Sgp4Batch.fromSources([iss], { nearEarthKernel: 'wasm-simd' }).propagate({ kind: 'epochs', epochs: [at] });`;
    const script = `${IMPORTS}\nimport { ParallelSgp4Batch, resolveDataDir } from '@stationkeeper/runtime';\n${PROBE}\n${pool}\nconsole.log(JSON.stringify({ ...result, dataDir: typeof resolveDataDir, pooled: Array.from(batch.positionKm), serial: Array.from(serial.positionKm) }));`;
    writeFileSync(join(project, 'probe.mjs'), script);
    const got = JSON.parse(sh(process.execPath, ['probe.mjs'], project));
    expect(got.dataDir).toBe('function');
    expect(got.pooled).toEqual(got.serial); // the worker thread, started from dist/, ran the same (default WebAssembly) SGP4
    expect(got.pooled.length).toBe(3);
    expect(got.passes.length).toBeGreaterThan(2); // a day over Paris: several passes, one of them visible
    expect(got.passes.some((p: unknown[]) => p[2] === true)).toBe(true);
    expect({ r: got.r, passes: got.passes }).toEqual(expected());
  });

  it.skipIf(!existsSync(CHROMIUM))('a Vite browser bundle runs SGP4 and passes in chromium, and pulls in nothing of Node', async () => {
    writeFileSync(join(project, 'index.html'), '<!doctype html><html><body><script type="module" src="./main.js"></script></body></html>');
    writeFileSync(join(project, 'main.js'), `${IMPORTS}\n${PROBE}\nwindow.__result = result;\n`);
    const warnings: string[] = [];
    await build({
      root: project,
      base: './',
      logLevel: 'silent',
      configFile: false,
      // satellite.js 7 ships a WebAssembly build with a module worker (top-level await); Vite's
      // default classic-worker format cannot hold it. Documented in the README's library section.
      worker: { format: 'es' },
      build: { outDir: 'dist', target: 'es2022', modulePreload: false, assetsInlineLimit: 0, rollupOptions: { onwarn: (w) => warnings.push(String(w.message)) } },
      customLogger: { info() {}, warn: (m: string) => warnings.push(m), warnOnce: (m: string) => warnings.push(m), error: (m: string) => warnings.push(m), clearScreen() {}, hasErrorLogged: () => false, hasWarned: false },
    });
    // Nothing of Node from core itself (satellite.js's own WebAssembly builds name node: modules
    // behind run-time checks; they are reported by Vite but left out of the bundle).
    expect(warnings.filter((w) => /imported by "[^"]*(@stationkeeper\/core|packages\/core)\//.test(w))).toEqual([]);
    const js = readdirSync(join(project, 'dist/assets')).filter((f) => f.endsWith('.js'));
    expect(js.length).toBeGreaterThan(0);
    const code = js.map((f) => readFileSync(join(project, 'dist/assets', f), 'utf8')).join('\n');
    expect(code).not.toMatch(/from\s*["']node:/);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--allow-file-access-from-files'] });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto('file://' + join(project, 'dist/index.html'));
      await page.waitForFunction(() => (window as unknown as { __result?: unknown }).__result !== undefined, undefined, { timeout: 30_000 });
      const got = await page.evaluate(() => (window as unknown as { __result: unknown }).__result);
      expect(errors).toEqual([]);
      expectSame(got as Probe, expected());
    } finally {
      await browser.close();
    }
  }, 120_000);
});

