/**
 * CLI start-up: how long `stationkeeper --version`, `--help` and `where` take, as a user runs them
 * (a new Node process each time), for the compiled CLI in dist/ (what the bin runs) against the
 * same sources run through tsx (what every call paid before the build) and a bare `node -e 0`
 * (the floor). Medians of N runs each, interleaved so that a busy machine slows every variant
 * alike; targets from issue 15: --version < 0.3 s, where < 0.8 s. Then `serve --port 0`: the
 * time from the spawn to the first answer of /api/health (target: listening within 2 s), and that
 * it printed the dashboard's address.
 *
 *   npm run bench:startup [-- runs]        (default 7 runs; needs `npm run build` first)
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'packages/cli/bin/stationkeeper.js');
const srcRun = join(root, 'packages/cli/src/run.ts');
if (!existsSync(join(root, 'packages/cli/dist/run.js'))) {
  console.error('startup bench: packages/cli/dist/run.js is missing; run `npm run build` first');
  process.exit(1);
}
const runs = Number(process.argv[2] ?? 7);
const dataDir = mkdtempSync(join(tmpdir(), 'sk-startup-'));
const env = { ...process.env, STATIONKEEPER_DATA: dataDir, STATIONKEEPER_FROM_SOURCE: '0' };

interface Variant {
  name: string;
  argv: (args: string[]) => string[];
}
const variants: Variant[] = [
  { name: 'dist (the bin)', argv: (a) => [bin, ...a] },
  { name: 'tsx from src', argv: (a) => ['--conditions=source', '--import', 'tsx', srcRun, ...a] },
];
const commands: { label: string; args: string[]; targetS?: number }[] = [
  { label: '--version', args: ['--version'], targetS: 0.3 },
  { label: '--help', args: ['--help'] },
  { label: 'where', args: ['where', '--at', '2022-07-15T13:00:00Z'], targetS: 0.8 },
];

function timeOnce(argv: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, argv, { env, encoding: 'utf8' });
  const s = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  return s;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const floor: number[] = [];
const times = new Map<string, number[]>();
for (let k = 0; k < runs; k++) {
  floor.push(timeOnce(['-e', '0']));
  for (const c of commands) for (const v of variants) {
    const key = `${c.label}|${v.name}`;
    if (!times.has(key)) times.set(key, []);
    times.get(key)!.push(timeOnce(v.argv(c.args)));
  }
}

console.log(`CLI start-up, median of ${runs} runs (${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, Node ${process.version})`);
console.log(`  node -e 0 (floor): ${median(floor).toFixed(3)} s`);
for (const c of commands) {
  const dist = median(times.get(`${c.label}|${variants[0].name}`)!);
  const tsx = median(times.get(`${c.label}|${variants[1].name}`)!);
  const target = c.targetS !== undefined ? `; target < ${c.targetS} s: ${dist < c.targetS ? 'met' : 'NOT met'}` : '';
  console.log(`  ${c.label.padEnd(9)} dist ${dist.toFixed(3)} s, tsx ${tsx.toFixed(3)} s: ${(tsx / dist).toFixed(1)}× faster${target}`);
}

/** Spawn `serve --port 0`, read the address it prints, poll /api/health; seconds to the first 200. */
async function serveReadyS(): Promise<{ seconds: number; printed: string }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let printed = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d: string) => (printed += d));
  try {
    for (;;) {
      const url = /dashboard: (http:\/\/\S+\/)/.exec(printed)?.[1];
      if (url) {
        const ok = await fetch(url + 'api/health').then((r) => r.ok, () => false);
        if (ok) return { seconds: (performance.now() - t0) / 1000, printed: printed.split('\n')[0] };
      }
      if (performance.now() - t0 > 20_000) throw new Error(`serve did not answer within 20 s: ${printed}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    child.kill('SIGTERM');
  }
}

const serveTimes: number[] = [];
let line = '';
for (let k = 0; k < Math.min(runs, 5); k++) {
  const r = await serveReadyS();
  serveTimes.push(r.seconds);
  line = r.printed;
}
console.log(`  serve     ${median(serveTimes).toFixed(3)} s from start to the first /api/health answer; target < 2 s: ${median(serveTimes) < 2 ? 'met' : 'NOT met'}`);
console.log(`            it prints: ${line}`);
