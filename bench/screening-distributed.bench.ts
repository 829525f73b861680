/**
 * Distributed screening benchmark: `npm run bench:screening-distributed`
 * (= tsx bench/screening-distributed.bench.ts).
 *
 * All pairs of the 2022-07-15 Space-Track catalogue (newest set per object), 5 km, default grid step,
 * from 2022-07-15T00:00Z, screened through a Redis queue by 1 and then 2 `stationkeeper worker`
 * processes (concurrency 1 each) on this machine; the coordinator (`screen --queue`) runs here.
 * Wall time from the coordinator's start to the merged result, worker start-up excluded (they
 * are started and idle before), each worker's catalogue load and thread start included. The two
 * runs must give the same events (checked).
 *
 * The full day takes long on a small machine, so BENCH_HOURS (default 24) screens only the first
 * hours and the table extrapolates linearly to one day: the work is a sum over grid intervals,
 * so it scales with the window length (set-up is a few seconds, stated separately).
 *
 * Environment: BENCH_HOURS, BENCH_LIMIT (first N objects only), BENCH_SLICES (shards, default 24),
 * BENCH_REDIS_URL (use this Redis instead of starting redis-server on a free loopback port),
 * BENCH_WORKER_COUNTS (default "1,2").
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_PAIRS_STEP_S, Epoch, parseTle, type ScreeningResult, type TleRecord } from '@stationkeeper/core';
import { screenOnQueue } from '@stationkeeper/server';
import { CATALOG_PATH } from './lib/catalog.js';

const HOURS = Number(process.env.BENCH_HOURS ?? 24);
const LIMIT = process.env.BENCH_LIMIT ? Number(process.env.BENCH_LIMIT) : Infinity;
const SLICES = Number(process.env.BENCH_SLICES ?? 24);
const COUNTS = (process.env.BENCH_WORKER_COUNTS ?? '1,2').split(',').map(Number);
const START = Epoch.fromIso('2022-07-15T00:00:00Z');
const THRESHOLD_KM = 5;
const BIN = resolve(import.meta.dirname, '..', 'packages', 'cli', 'bin', 'stationkeeper.js');

const seconds = (t0: number): number => (performance.now() - t0) / 1000;

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => done(port));
    });
  });
}

/** A throw-away redis-server on loopback (Debian's redis-server), or BENCH_REDIS_URL. */
async function startRedis(): Promise<{ url: string; stop: () => void }> {
  if (process.env.BENCH_REDIS_URL) return { url: process.env.BENCH_REDIS_URL, stop: () => undefined };
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'sk-bench-redis-'));
  const child = spawn('redis-server', ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
  await new Promise<void>((done, fail) => {
    child.once('error', (e) => fail(new Error(`cannot start redis-server (apt-get install redis-server, or set BENCH_REDIS_URL): ${e.message}`)));
    child.once('spawn', () => done());
  });
  await new Promise((r) => setTimeout(r, 300));
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: () => {
      child.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

interface WorkerProc {
  child: ChildProcess;
  stderr: string;
  exited: Promise<void>;
}

function startWorker(queueUrl: string, name: string): WorkerProc {
  const child = spawn(process.execPath, [BIN, 'worker', '--queue', queueUrl, '--name', name], { stdio: ['ignore', 'ignore', 'pipe'] });
  const w: WorkerProc = { child, stderr: '', exited: new Promise((done) => child.once('exit', () => done())) };
  child.stderr?.setEncoding('utf8').on('data', (s: string) => (w.stderr += s));
  return w;
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); NaN elsewhere. */
function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // Fields 14 and 15 of proc(5) (utime, stime), in clock ticks of 1/100 s on Linux.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

async function waitReady(ws: WorkerProc[]): Promise<void> {
  const t0 = Date.now();
  while (!ws.every((w) => w.stderr.includes('ready (pid'))) {
    if (Date.now() - t0 > 60_000) throw new Error(`workers not ready after 60 s:\n${ws.map((w) => w.stderr).join('\n')}`);
    if (ws.some((w) => w.child.exitCode !== null)) throw new Error(`a worker exited:\n${ws.map((w) => w.stderr).join('\n')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Newest element set per catalogue number, as `stationkeeper screen` takes them. */
function newestPerObject(records: TleRecord[]): TleRecord[] {
  const best = new Map<number, number>();
  records.forEach((r, k) => {
    const b = best.get(r.noradId);
    if (b === undefined || r.epoch.isAfter(records[b].epoch)) best.set(r.noradId, k);
  });
  return records.filter((r, k) => best.get(r.noradId) === k);
}

async function main(): Promise<void> {
  if (!existsSync(CATALOG_PATH)) throw new Error(`catalogue not found: ${CATALOG_PATH}`);
  const objects = newestPerObject(parseTle(readFileSync(CATALOG_PATH, 'utf8')).records).slice(0, LIMIT);
  const durationSeconds = HOURS * 3600;
  const redis = await startRedis();
  console.log(`Distributed all-vs-all screening: ${objects.length} objects, ${HOURS} h from ${START.toIsoUtc(0)}, ${THRESHOLD_KM} km, ${DEFAULT_PAIRS_STEP_S}-s grid, ${SLICES} shards`);
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}; Redis ${redis.url}\n`);
  const rows: { workers: number; wall: number; result: ScreeningResult; workerCpu: number[]; coordinatorCpu: number }[] = [];
  try {
    for (const n of COUNTS) {
      const queueUrl = `${redis.url}?name=bench-${process.pid}-${n}`;
      const workers = Array.from({ length: n }, (_, k) => startWorker(queueUrl, `bench-w${k}`));
      try {
        await waitReady(workers);
        const cpu0 = workers.map((w) => cpuSeconds(w.child.pid));
        const own0 = process.cpuUsage();
        const t0 = performance.now();
        let last = 0;
        const result = await screenOnQueue({ sources: objects, options: { start: START, durationSeconds, thresholdKm: THRESHOLD_KM }, timeSlices: SLICES }, queueUrl, {
          onProgress: (done, total) => {
            if (done === total || performance.now() - last > 10_000) {
              last = performance.now();
              process.stderr.write(`  ${n} worker(s): ${done}/${total} shards, ${seconds(t0).toFixed(0)} s\n`);
            }
          },
          onNotice: (m) => process.stderr.write(`  note: ${m}\n`),
        });
        const wall = seconds(t0);
        const own = process.cpuUsage(own0);
        const workerCpu = workers.map((w, k) => cpuSeconds(w.child.pid) - cpu0[k]);
        rows.push({ workers: n, wall, result, workerCpu, coordinatorCpu: (own.user + own.system) / 1e6 });
      } finally {
        for (const w of workers) w.child.kill('SIGTERM');
        await Promise.all(workers.map((w) => w.exited));
      }
    }
  } finally {
    redis.stop();
  }
  const base = rows[0];
  const perDay = 24 / HOURS;
  console.log('| worker processes | wall time | per day (×' + perDay.toFixed(2) + ') | speed-up | worker CPU (each) | coordinator CPU | approaches |');
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    const cpu = r.workerCpu.map((c) => `${c.toFixed(1)} s`).join(' + ');
    console.log(
      `| ${r.workers} | ${r.wall.toFixed(1)} s | ${(r.wall * perDay).toFixed(0)} s | ${(base.wall / r.wall).toFixed(2)}× | ${cpu} | ${r.coordinatorCpu.toFixed(1)} s | ${r.result.approaches.length} |`,
    );
  }
  console.log('\nCPU seconds are the worker processes\' own (all threads); equal sums mean no work is done twice,');
  console.log('and on idle cores the wall time with n workers tends to the largest single worker\'s CPU time.');
  const same = rows.every((r) => JSON.stringify(r.result.approaches) === JSON.stringify(base.result.approaches));
  console.log(`\nsame events with every worker count: ${same ? 'yes' : 'NO'}`);
  if (!same) process.exitCode = 1;
}

await main();
