/**
 * Distributed screening end to end: two `stationkeeper worker` processes on a loopback Redis
 * (STATIONKEEPER_TEST_REDIS_URL, started by .ci/run), the coordinator of `screen --queue` in this
 * process. One worker is SIGKILLed while it holds a shard; the shard must come back through
 * BullMQ's stalled-job check, run on the other worker, and the merged result must equal the
 * single-machine screening exactly (same events, same TCAs to the last bit).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { Epoch, parseTle, screenCatalog, type ScreeningOptions } from '@stationkeeper/core';
import type { ShardRunInfo } from '@stationkeeper/server';
import { readShared, sharedDataAvailable } from '../../../test/sharedData.js';
import { runScreenOnQueue } from '../src/commands/screenQueue.js';

const REDIS_URL = process.env.STATIONKEEPER_TEST_REDIS_URL;
const BIN = resolve(fileURLToPath(import.meta.url), '../../bin/stationkeeper.js');
if (!REDIS_URL) console.warn('queueScreening.test: STATIONKEEPER_TEST_REDIS_URL is not set; distributed-screening test skipped');

/** One Redis command over a fresh socket (RESP2; enough for KEYS / DEL / EVAL replies). */
function redis(url: string, args: string[]): Promise<unknown> {
  const u = new URL(url);
  return new Promise((done, fail) => {
    const socket = connect({ host: u.hostname, port: Number(u.port || 6379) });
    let buf = Buffer.alloc(0);
    socket.setTimeout(5000, () => fail(new Error('redis timeout')));
    socket.on('error', fail);
    socket.on('connect', () => socket.write(`*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`));
    socket.on('data', (chunk) => {
      buf = Buffer.concat([buf, chunk]);
      const parsed = parseReply(buf, 0);
      if (parsed === undefined) return;
      socket.end();
      if (parsed.value instanceof Error) fail(parsed.value);
      else done(parsed.value);
    });
  });
}

function parseReply(b: Buffer, at: number): { value: unknown; next: number } | undefined {
  const eol = b.indexOf('\r\n', at);
  if (eol < 0) return undefined;
  const head = b.toString('latin1', at + 1, eol);
  switch (String.fromCharCode(b[at])) {
    case '+':
      return { value: head, next: eol + 2 };
    case '-':
      return { value: new Error(head), next: eol + 2 };
    case ':':
      return { value: Number(head), next: eol + 2 };
    case '$': {
      const n = Number(head);
      if (n < 0) return { value: null, next: eol + 2 };
      if (b.length < eol + 2 + n + 2) return undefined;
      return { value: b.toString('utf8', eol + 2, eol + 2 + n), next: eol + 2 + n + 2 };
    }
    case '*': {
      const n = Number(head);
      const out: unknown[] = [];
      let p = eol + 2;
      for (let k = 0; k < n; k++) {
        const r = parseReply(b, p);
        if (r === undefined) return undefined;
        out.push(r.value);
        p = r.next;
      }
      return { value: out, next: p };
    }
    default:
      throw new Error(`unexpected Redis reply ${head}`);
  }
}

interface WorkerProc {
  readonly name: string;
  readonly child: ChildProcess;
  stderr: string;
  readonly exited: Promise<number | null>;
}

function startWorker(queueUrl: string, name: string): WorkerProc {
  const child = spawn(process.execPath, [BIN, 'worker', '--queue', queueUrl, '--name', name, '--lock-ms', '3000', '--stalled-interval-ms', '1000'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: process.env,
  });
  const w: WorkerProc = {
    name,
    child,
    stderr: '',
    exited: new Promise((done) => child.once('exit', (code) => done(code))),
  };
  child.stderr?.setEncoding('utf8').on('data', (s: string) => {
    w.stderr += s;
  });
  return w;
}

async function until(what: string, ok: () => boolean, timeoutMs: number): Promise<void> {
  const t0 = Date.now();
  while (!ok()) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(!REDIS_URL || !sharedDataAvailable())('distributed screening on a Redis queue', () => {
  const queueName = `sk-test-${process.pid}-${randomBytes(3).toString('hex')}`;
  const base = new URL(REDIS_URL ?? 'redis://127.0.0.1:6391');
  base.searchParams.set('name', queueName);
  const queueUrl = base.href;
  const workers: WorkerProc[] = [];

  afterAll(async () => {
    for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
    await redis(REDIS_URL as string, ['EVAL', "for _, k in ipairs(redis.call('KEYS', ARGV[1])) do redis.call('DEL', k) end return 1", '0', `stationkeeper:${queueName}:*`]).catch(() => undefined);
  });

  it('survives a worker killed mid-shard and merges to the local result exactly', async () => {
    const records = parseTle(readShared('catalog', 'spacetrack_3le_2022-07-15.txt')).records;
    const iss = records.find((r) => r.noradId === 25544);
    expect(iss).toBeDefined();
    // The ISS and every 6th catalogue object: ~4000 objects, with approaches within 50 km.
    const sources = [iss!, ...records.filter((r, k) => k % 6 === 0 && r.noradId !== 25544)];
    const options: ScreeningOptions = { start: Epoch.fromIso('2022-07-15T00:00:00Z'), durationSeconds: 86400, thresholdKm: 50, primary: 0 };

    workers.push(startWorker(queueUrl, 'wA'), startWorker(queueUrl, 'wB'));
    const local = screenCatalog(sources, options);
    expect(local.approaches.length).toBeGreaterThan(5);
    await until('both workers ready', () => {
      const dead = workers.find((w) => w.child.exitCode !== null);
      if (dead) throw new Error(`worker ${dead.name} exited at start: ${dead.stderr.trim()}`);
      return workers.every((w) => w.stderr.includes('ready (pid'));
    }, 30_000);

    // Kill the first worker that starts a shard, while it holds it.
    let killed: { worker: WorkerProc; shardId: string } | undefined;
    const watcher = (async () => {
      await until('a shard to start', () => workers.some((w) => /shard \S+ of \S+ started/.test(w.stderr)), 30_000);
      const w = workers.find((x) => /shard \S+ of \S+ started/.test(x.stderr)) as WorkerProc;
      w.child.kill('SIGKILL');
      killed = { worker: w, shardId: (/shard (\S+) of \S+ started/.exec(w.stderr) as RegExpExecArray)[1] };
    })();
    const infos: ShardRunInfo[] = [];
    const notices: string[] = [];
    const dist = await runScreenOnQueue({ sources, options, timeSlices: 8 }, queueUrl, {
      onProgress: () => undefined,
      onNotice: (m) => notices.push(m),
      onShardDone: (i) => infos.push(i),
      timeoutMs: 45_000,
    });
    await watcher;
    expect(await killed!.worker.exited).toBeNull();
    expect(killed!.worker.child.signalCode).toBe('SIGKILL');
    // The killed worker never finished its shard: it has no "done" line for it.
    expect(killed!.worker.stderr).not.toMatch(new RegExp(`shard ${killed!.shardId} of \\S+ done`));

    // Same events, same TCAs and misses, bit for bit.
    expect(dist.approaches).toEqual(local.approaches);
    expect(dist.attached).toEqual(local.attached);
    expect(dist.skipped).toEqual(local.skipped);

    // Every shard done once; the killed one came back through the stalled check and ran elsewhere.
    expect(infos).toHaveLength(8);
    const retried = infos.find((i) => i.shardId === killed!.shardId) as ShardRunInfo;
    expect(retried.stalledCount).toBeGreaterThanOrEqual(1);
    expect(retried.attemptsStarted).toBeGreaterThanOrEqual(2);
    const survivor = workers.find((w) => w !== killed!.worker) as WorkerProc;
    expect(retried.processedBy).toBe(survivor.name);
    expect(notices.some((m) => m.includes(killed!.shardId) && m.includes('stalled'))).toBe(true);

    // The coordinator removed its catalogue and its jobs.
    const left = (await redis(REDIS_URL as string, ['KEYS', `stationkeeper:${queueName}:*`])) as string[];
    expect(left.filter((k) => k.includes(':catalogue:') || /:r[0-9a-f]{10}-/.test(k))).toEqual([]);

    // SIGTERM: the surviving worker stops cleanly.
    survivor.child.kill('SIGTERM');
    expect(await survivor.exited).toBe(0);
    expect(survivor.stderr).toMatch(/stopped after \d+ shard/);
  }, 60_000);

  it('names the URL when Redis is unreachable, within a few seconds', async () => {
    const t0 = Date.now();
    await expect(
      runScreenOnQueue({ sources: [], options: { start: Epoch.fromIso('2022-07-15T00:00:00Z'), durationSeconds: 60, thresholdKm: 1 } }, 'redis://127.0.0.1:1'),
    ).rejects.toThrow(/cannot reach Redis at redis:\/\/127\.0\.0\.1:1/);
    expect(Date.now() - t0).toBeLessThan(5000);
  });
});
