/**
 * A screening worker: takes shard jobs from the queue and runs them (core's runShard) on worker
 * threads, one thread per concurrent job. Shards run off the main thread so that BullMQ can keep
 * renewing the job locks; a worker that dies (SIGKILL, power) stops renewing, and after
 * `lockDurationMs` another worker's stalled-job check puts the shard back in the queue.
 *
 *   const w = await startScreeningWorker('redis://10.0.0.5:6379', { concurrency: 2 });
 *   process.once('SIGTERM', () => void w.close());   // finishes the shards in hand, then stops
 */
import { hostname } from 'node:os';
import type { Job, Worker } from 'bullmq';
import { ParallelScreener } from '@stationkeeper/runtime';
import { Epoch, type ScreeningShard, type ShardResult } from '@stationkeeper/core';
import { fromWireSource, SCREENING_JOB_NAME, SCREENING_JOB_VERSION, sha256Hex, type ScreeningJobData, type WireSource } from './protocol.js';
import { checkRedisClientInstalled, checkRedisReachable, connectionOptions, parseQueueUrl, QUEUE_KEY_PREFIX } from './redisUrl.js';

export interface ScreeningWorkerOptions {
  /** Shards run at once (worker threads); default 1. */
  readonly concurrency?: number;
  /** Job lock, ms: how long a dead worker keeps its shard (default 30 000). */
  readonly lockDurationMs?: number;
  /** How often this worker looks for stalled jobs, ms (default lockDuration / 2). */
  readonly stalledIntervalMs?: number;
  /** How often one shard may stall before it is failed (default 2). */
  readonly maxStalledCount?: number;
  /** Worker name in Redis (CLIENT LIST, job.processedBy); default host:pid. */
  readonly name?: string;
  /** One line per event (shard started / done / failed). */
  readonly log?: (line: string) => void;
}

export interface ScreeningWorkerHandle {
  readonly name: string;
  /** Shards finished by this worker. */
  readonly finished: () => number;
  /** Stop taking jobs; without force, finish the shards in hand first. */
  close(force?: boolean): Promise<void>;
}

/** Screeners (one thread each) for one catalogue and start, shared by the concurrent jobs. */
class ScreenerPool {
  private readonly free: ParallelScreener[] = [];
  private readonly all: ParallelScreener[] = [];
  busy = 0;

  constructor(
    private readonly sources: ReturnType<typeof fromWireSource>[],
    private readonly start: Epoch,
  ) {}

  async run(shard: ScreeningShard): Promise<ShardResult> {
    this.busy++;
    try {
      let s = this.free.pop();
      if (s === undefined) {
        s = await ParallelScreener.create(this.sources, this.start, { workers: 1 });
        this.all.push(s);
      }
      try {
        const [result] = await s.runShards([shard]);
        return result;
      } finally {
        this.free.push(s);
      }
    } finally {
      this.busy--;
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((s) => s.close()));
  }
}

export async function startScreeningWorker(queueUrl: string, opts: ScreeningWorkerOptions = {}): Promise<ScreeningWorkerHandle> {
  const loc = parseQueueUrl(queueUrl);
  checkRedisClientInstalled();
  await checkRedisReachable(loc);
  const { Worker, UnrecoverableError } = await import('bullmq');
  const log = opts.log ?? (() => undefined);
  const name = opts.name ?? `${hostname()}:${process.pid}`;
  const concurrency = Math.max(1, Math.floor(opts.concurrency ?? 1));
  const lockDuration = opts.lockDurationMs ?? 30_000;
  /** Pools by catalogue hash + start; the last two are kept. */
  const pools = new Map<string, Promise<ScreenerPool>>();
  let finished = 0;

  const poolFor = async (data: ScreeningJobData, client: { get(key: string): Promise<string | null> }): Promise<ScreenerPool> => {
    const { startTai } = data.shard.grid;
    const id = `${data.catalogueSha256}@${startTai.mjdDay}:${startTai.secondsOfDay}`;
    let p = pools.get(id);
    if (p === undefined) {
      p = (async () => {
        const text = await client.get(data.catalogueKey);
        if (text === null) throw new UnrecoverableError(`catalogue ${data.catalogueKey} is gone (the run was cancelled or expired)`);
        if (sha256Hex(text) !== data.catalogueSha256) throw new UnrecoverableError(`catalogue ${data.catalogueKey} does not match its SHA-256`);
        const sources = (JSON.parse(text) as WireSource[]).map(fromWireSource);
        return new ScreenerPool(sources, Epoch.fromTai(startTai.mjdDay, startTai.secondsOfDay));
      })();
      pools.set(id, p);
      p.catch(() => pools.delete(id));
      // Drop idle pools beyond the newest two (Map keeps insertion order).
      for (const [oldId, old] of pools) {
        if (pools.size <= 2) break;
        const pool = await old.catch(() => undefined);
        if (pool === undefined || pool.busy === 0) {
          pools.delete(oldId);
          void pool?.close();
        }
      }
    }
    return p;
  };

  const worker: Worker = new Worker(
    loc.queueName,
    async (job: Job<ScreeningJobData>) => {
      const data = job.data;
      if (job.name !== SCREENING_JOB_NAME || data?.v !== SCREENING_JOB_VERSION) {
        throw new UnrecoverableError(`job ${job.id} is not a version-${SCREENING_JOB_VERSION} screening shard (name '${job.name}', version ${data?.v})`);
      }
      const t0 = performance.now();
      log(`shard ${data.shardId} of ${data.run} started (job ${job.id}, attempt ${job.attemptsStarted})`);
      const client = await worker.getBackend().client;
      const pool = await poolFor(data, client);
      const result = await pool.run(data.shard);
      finished++;
      log(`shard ${data.shardId} of ${data.run} done in ${((performance.now() - t0) / 1000).toFixed(2)} s: ${result.approaches.length} approach(es)`);
      return result;
    },
    {
      connection: connectionOptions(loc),
      prefix: QUEUE_KEY_PREFIX,
      name,
      concurrency,
      lockDuration,
      stalledInterval: opts.stalledIntervalMs ?? Math.max(1000, Math.floor(lockDuration / 2)),
      maxStalledCount: opts.maxStalledCount ?? 2,
      autorun: false,
    },
  );
  worker.on('failed', (job, err) => log(`shard ${job?.data?.shardId ?? job?.id} failed: ${err.message}`));
  // Connection errors repeat while Redis is away: say each one once, then at most every 30 s.
  let lastError = '';
  let lastErrorAt = 0;
  worker.on('error', (err) => {
    const now = Date.now();
    if (err.message === lastError && now - lastErrorAt < 30_000) return;
    lastError = err.message;
    lastErrorAt = now;
    log(`queue error: ${err.message}`);
  });
  void worker.run();
  await worker.waitUntilReady();
  log(`worker ${name} listening on queue '${loc.queueName}' at ${loc.display} (concurrency ${concurrency})`);

  let closing: Promise<void> | undefined;
  return {
    name,
    finished: () => finished,
    close(force = false) {
      if (force) {
        // Second signal: drop the shards in hand (their locks lapse and they are re-queued).
        closing = worker.close(true);
      } else {
        closing ??= worker.close();
      }
      return closing.then(async () => {
        const open = await Promise.all([...pools.values()].map((p) => p.catch(() => undefined)));
        pools.clear();
        await Promise.all(open.map((p) => p?.close()));
      });
    },
  };
}
