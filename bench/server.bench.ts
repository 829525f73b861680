/**
 * HTTP benchmark of the API server: `npm run bench:server` (= tsx bench/server.bench.ts).
 *
 * Starts the server in a child process (data directory in a temp folder: the ISS comes from the
 * embedded sample, EOP absent) and drives it from this process with a bounded open-loop load
 * generator on loopback (http.Agent keep-alive): requests are *scheduled* at a fixed rate and
 * latency is measured from the scheduled time, so a stalled server cannot hide its queueing
 * ("coordinated omission"). At most MAX_IN_FLIGHT requests are outstanding; beyond that a
 * scheduled request is counted as dropped.
 *
 * Scenarios, each RATE req/s for DURATION s:
 *   state            GET /api/objects/25544/state?at=<varying instant>
 *   passes           GET /api/objects/25544/passes?lat&lon over 50 sites (3 days; cached per site after
 *                    the first answer — the per-request cost of an uncached search is printed separately)
 *   … and both again while the 1,000-member ISS lifetime Monte Carlo (POST /api/objects/25544/lifetime
 *   ?mc=1000, a `lifetime` job) keeps the job workers busy. It needs the space-weather file and the
 *   MSIS coefficients: they are linked into the temporary data directory from STATIONKEEPER_DATA or
 *   ../shared/data; without them the CPU-heavy `cpu-burn` job stands in (the output says which ran).
 * Targets: p99 < 50 ms alone, < 150 ms during the job.
 *
 * Environment: BENCH_RATE (default 500), BENCH_SECONDS (default 8), BENCH_WORKERS (job threads, default 1).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import http from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const RATE = Number(process.env.BENCH_RATE ?? 500);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 1);
const MAX_IN_FLIGHT = 256;
const DECAY_FILES = ['spaceweather/SW-All.csv', 'nrlmsise/nrlmsise00-coefficients.json'];
const SHARED_DATA = fileURLToPath(new URL('../../shared/data', import.meta.url));

/** Link the re-entry job's data files into the bench's data directory; false when none are found. */
function linkDecayData(dataDir: string): string | undefined {
  const from = [process.env.STATIONKEEPER_DATA, SHARED_DATA].find((d) => d && DECAY_FILES.every((f) => existsSync(join(d, f))));
  if (!from) return undefined;
  for (const f of DECAY_FILES) {
    mkdirSync(join(dataDir, f.split('/')[0]), { recursive: true });
    symlinkSync(join(from, f), join(dataDir, f));
  }
  return from;
}
const TICK_MS = 1;


interface Result {
  name: string;
  sent: number;
  ok: number;
  failed: number;
  dropped: number;
  seconds: number;
  latenciesMs: number[];
}

function startChild(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', fileURLToPath(import.meta.url), '--serve-child', dataDir], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, BENCH_WORKERS: String(WORKERS) },
    });
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      const m = /LISTENING (\S+)/.exec(d);
      if (m) resolve({ child, url: m[1] });
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code})`)));
  });
}

const agent = new http.Agent({ keepAlive: true, maxSockets: MAX_IN_FLIGHT });

function request(url: string, method = 'GET', body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, agent, headers: body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {} }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (data += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }));
    });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

/** Open-loop load: `RATE` requests/s for `SECONDS`, urls from `nextUrl(i)`. */
async function load(name: string, nextUrl: (i: number) => string): Promise<Result> {
  const r: Result = { name, sent: 0, ok: 0, failed: 0, dropped: 0, seconds: SECONDS, latenciesMs: [] };
  let inFlight = 0;
  const t0 = performance.now();
  const total = Math.round(RATE * SECONDS);
  const pending: Promise<void>[] = [];
  let i = 0;
  while (i < total) {
    const now = performance.now();
    const due = Math.min(total, Math.floor(((now - t0) / 1000) * RATE) + 1);
    for (; i < due; i++) {
      const scheduled = t0 + (i / RATE) * 1000;
      if (inFlight >= MAX_IN_FLIGHT) {
        r.dropped++;
        continue;
      }
      inFlight++;
      r.sent++;
      pending.push(
        request(nextUrl(i)).then(
          (res) => {
            inFlight--;
            r.latenciesMs.push(performance.now() - scheduled);
            if (res.status === 200) r.ok++;
            else r.failed++;
          },
          () => {
            inFlight--;
            r.failed++;
          },
        ),
      );
    }
    await new Promise((res) => setTimeout(res, TICK_MS));
  }
  await Promise.all(pending);
  r.seconds = (performance.now() - t0) / 1000;
  return r;
}

function pct(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function report(r: Result, targetP99Ms: number): string {
  const s = [...r.latenciesMs].sort((a, b) => a - b);
  const p99 = pct(s, 99);
  return [
    r.name.padEnd(28),
    `${(r.ok / r.seconds).toFixed(0).padStart(5)} ok/s`,
    `p50 ${pct(s, 50).toFixed(1).padStart(6)} ms`,
    `p99 ${p99.toFixed(1).padStart(6)} ms`,
    `max ${s[s.length - 1]?.toFixed(1).padStart(7)} ms`,
    `failed ${r.failed}`,
    `dropped ${r.dropped}`,
    p99 < targetP99Ms && r.failed === 0 && r.dropped === 0 ? `OK (< ${targetP99Ms} ms)` : `MISSED (target ${targetP99Ms} ms)`,
  ].join('  ');
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sk-bench-'));
  const linked = linkDecayData(dataDir);
  const { child, url } = await startChild(dataDir);
  try {
    console.log(`server ${url} (child process, ${WORKERS} job worker thread), ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), Node ${process.version}`);
    console.log(`open-loop ${RATE} req/s for ${SECONDS} s per scenario, latency from the scheduled send time`);
    console.log(`re-entry data: ${linked ?? 'none found (cpu-burn stands in for the lifetime job)'}\n`);
    const sites = Array.from({ length: 50 }, (_, k) => ({ lat: -50 + 2 * k, lon: -170 + 7 * k }));
    const stateUrl = (i: number) => `${url}/api/objects/25544/state?at=2022-07-15T${String(12 + ((i / 3600) | 0) % 10).padStart(2, '0')}:${String(((i / 60) | 0) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}Z`;
    const passesUrl = (i: number) => `${url}/api/objects/25544/passes?lat=${sites[i % 50].lat}&lon=${sites[i % 50].lon}&days=3`;

    // Uncached passes cost (distinct sites, sequential) and warm-up of both routes.
    for (let k = 0; k < 50; k++) await request(stateUrl(k));
    const t = performance.now();
    const n = 20;
    for (let k = 0; k < n; k++) await request(`${url}/api/objects/25544/passes?lat=${10 + k * 0.37}&lon=${k * 3.1}&days=3`);
    console.log(`uncached passes search (3 days, one site): ${((performance.now() - t) / n).toFixed(1)} ms per request, sequential\n`);
    for (const s of sites) await request(passesUrl(sites.indexOf(s)));

    const results: string[] = [];
    results.push(report(await load('state, alone', stateUrl), 50));
    results.push(report(await load('passes (50 sites), alone', passesUrl), 50));

    // The real load: the 1,000-member lifetime Monte Carlo; cpu-burn when the data files are missing.
    let job: { id: string };
    let jobName = '1,000-member lifetime job';
    let short = 'lifetime';
    const lifetime = await request(`${url}/api/objects/25544/lifetime?mc=1000&seed=${Math.floor(Math.random() * 1e6)}`, 'POST');
    if (lifetime.status === 202) job = (JSON.parse(lifetime.body) as { job: { id: string } }).job;
    else {
      console.log(`lifetime job not available (${lifetime.status}: ${(JSON.parse(lifetime.body) as { error?: string }).error ?? ''}); cpu-burn stands in\n`);
      jobName = 'cpu-burn job';
      short = 'cpu-burn';
      job = JSON.parse((await request(`${url}/api/jobs`, 'POST', JSON.stringify({ type: 'cpu-burn', params: { seconds: 2 * SECONDS + 30 } }))).body) as { id: string };
    }
    for (let k = 0; k < 100; k++) {
      const j = JSON.parse((await request(`${url}/api/jobs/${job.id}`)).body) as { status: string };
      if (j.status === 'running') break;
      await new Promise((res) => setTimeout(res, 50));
    }
    results.push(report(await load(`state, during ${short} job`, stateUrl), 150));
    results.push(report(await load(`passes, during ${short} job`, passesUrl), 150));
    const after = JSON.parse((await request(`${url}/api/jobs/${job.id}`)).body) as { status: string; progress: number };
    await request(`${url}/api/jobs/${job.id}`, 'DELETE');
    console.log(results.join('\n'));
    console.log(`\n${jobName} was ${after.status} throughout (progress ${(after.progress * 100).toFixed(0)} % when the load ended; cancelled after)`);
  } finally {
    child.kill('SIGTERM');
    agent.destroy();
    await new Promise((r) => setTimeout(r, 300));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--serve-child') {
  // Child: the server itself.
  const { startServer } = await import('@stationkeeper/server');
  const s = await startServer({ host: '127.0.0.1', port: 0, dataDir: process.argv[3], jobWorkers: WORKERS, webDist: null });
  process.stdout.write(`LISTENING ${s.url}\n`);
  process.on('SIGTERM', () => void s.close().then(() => process.exit(0)));
} else {
  await main();
}
