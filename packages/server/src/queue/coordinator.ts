/**
 * The coordinator of a distributed screening: plans shards exactly as a local run would
 * (planScreening), stores the catalogue once in Redis, enqueues one BullMQ job per shard
 * (3 attempts with back-off; stalled jobs of a dead worker go back to the queue), waits for them
 * with progress, merges the ShardResults (mergeShardResults: the (pair, grid interval, TCA) key
 * drops a shard that ran twice) and removes everything it wrote.
 *
 *   const result = await screenOnQueue({ sources, options }, 'redis://10.0.0.5:6379', { onProgress });
 */
import { randomBytes } from 'node:crypto';
import type { Job, Queue, QueueEvents } from 'bullmq';
import {
  mergeShardResults,
  planScreening,
  Sgp4Trajectories,
  type ScreeningOptions,
  type ScreeningResult,
  type ShardResult,
  type Sgp4Source,
} from '@stationkeeper/core';
import {
  catalogueKey,
  jobId,
  SCREENING_JOB_NAME,
  SCREENING_JOB_VERSION,
  sha256Hex,
  shardIds,
  toWireSource,
  type ScreeningJobData,
} from './protocol.js';
import { checkRedisClientInstalled, checkRedisReachable, connectionOptions, parseQueueUrl, QUEUE_KEY_PREFIX, type QueueLocation } from './redisUrl.js';

export interface QueueScreenRequest {
  readonly sources: readonly Sgp4Source[];
  readonly options: ScreeningOptions;
  /** Time slices (default: 16 with a primary, 24 all-vs-all) and object chunks / pair blocks (default 1). */
  readonly timeSlices?: number;
  readonly objectChunks?: number;
}

/** What became of one shard (for logs and tests: attempts > 1 or stalls > 0 mean it was retried). */
export interface ShardRunInfo {
  readonly shardId: string;
  readonly jobId: string;
  /** Times a worker took the job (a stalled job counts once per worker that started it). */
  readonly attemptsStarted: number;
  /** Times the job was found stalled (its worker died or blocked) and put back. */
  readonly stalledCount: number;
  /** Failed attempts before the one that succeeded. */
  readonly failedAttempts: number;
  /** Name of the worker that finished it. */
  readonly processedBy?: string;
}

export interface QueueScreenOptions {
  /** After each finished shard. */
  readonly onProgress?: (done: number, total: number) => void;
  /** One line of news for the user (no worker listening, a shard retried). */
  readonly onNotice?: (message: string) => void;
  readonly onShardDone?: (info: ShardRunInfo) => void;
  /** Attempts per shard (default 3). */
  readonly attempts?: number;
  /** Give up after this long, ms (default: no limit). */
  readonly timeoutMs?: number;
  /** How long unfinished jobs and the catalogue may outlive a coordinator that crashed, s (default 1 day). */
  readonly keyTtlSeconds?: number;
  /** Abort (e.g. on Ctrl-C): stop waiting, remove this run's jobs and catalogue, reject. */
  readonly signal?: AbortSignal;
}

const DEFAULT_TTL_S = 86_400;
/** Safety net next to the queue events: how often unfinished jobs are looked up directly. */
const POLL_MS = 1000;
/** Warn when no worker has taken a job after this long. */
const NO_WORKER_NOTICE_MS = 5000;

export async function screenOnQueue(request: QueueScreenRequest, queueUrl: string, opts: QueueScreenOptions = {}): Promise<ScreeningResult> {
  const loc = parseQueueUrl(queueUrl);
  checkRedisClientInstalled();
  await checkRedisReachable(loc);
  const { options } = request;
  // Plan first: bad options fail before anything is written to Redis.
  const traj = new Sgp4Trajectories(request.sources, options.start);
  const slices = request.timeSlices ?? (options.primary === undefined ? 24 : 16);
  const plan = planScreening(traj, options, slices, request.objectChunks ?? 1);
  const ids = shardIds(plan.shards);
  const catalogueText = JSON.stringify(request.sources.map(toWireSource));
  const sha = sha256Hex(catalogueText);
  const run = `r${sha256Hex(JSON.stringify(ids) + sha).slice(0, 10)}-${randomBytes(4).toString('hex')}`;
  const key = catalogueKey(loc.queueName, run, sha);
  const ttl = opts.keyTtlSeconds ?? DEFAULT_TTL_S;

  const { Queue, QueueEvents } = await import('bullmq');
  const connection = connectionOptions(loc);
  const queue: Queue = new Queue(loc.queueName, { connection, prefix: QUEUE_KEY_PREFIX });
  const events: QueueEvents = new QueueEvents(loc.queueName, { connection, prefix: QUEUE_KEY_PREFIX });
  const jobIds = ids.map((s) => jobId(run, s));
  try {
    await Promise.all([queue.waitUntilReady(), events.waitUntilReady()]);
    const client = await queue.getBackend().client;
    await client.set(key, catalogueText, { EX: ttl });
    await queue.addBulk(
      plan.shards.map((shard, k) => ({
        name: SCREENING_JOB_NAME,
        data: { v: SCREENING_JOB_VERSION, run, shardId: ids[k], catalogueKey: key, catalogueSha256: sha, shard } satisfies ScreeningJobData,
        opts: {
          jobId: jobIds[k],
          attempts: opts.attempts ?? 3,
          backoff: { type: 'exponential', delay: 1000 },
          // Removed by us once read; the age limits only matter if this process dies first.
          removeOnComplete: { age: ttl },
          removeOnFail: { age: ttl },
        },
      })),
    );
    const results = await collect(queue, events, loc, ids, jobIds, opts);
    return mergeShardResults(results, plan.attached);
  } finally {
    await cleanUp(queue, key, jobIds).catch(() => undefined);
    await Promise.allSettled([events.close(), queue.close()]);
  }
}

/** Wait for every job; results in shard order. Rejects on the first shard that failed for good. */
async function collect(
  queue: Queue,
  events: QueueEvents,
  loc: QueueLocation,
  ids: readonly string[],
  jobIds: readonly string[],
  opts: QueueScreenOptions,
): Promise<ShardResult[]> {
  const total = jobIds.length;
  const results = new Array<ShardResult>(total);
  const indexOf = new Map(jobIds.map((id, k) => [id, k]));
  const pending = new Set(jobIds);
  const reported = new Set<string>();
  opts.onProgress?.(0, total);
  if (total === 0) return results;

  return await new Promise<ShardResult[]>((resolve, reject) => {
    let finished = false;
    const timers: NodeJS.Timeout[] = [];
    const stop = (err?: Error): void => {
      if (finished) return;
      finished = true;
      for (const t of timers) clearTimeout(t);
      events.off('completed', onCompleted);
      events.off('failed', onFailed);
      events.off('stalled', onStalled);
      opts.signal?.removeEventListener('abort', onAbort);
      if (err) reject(err);
      else resolve(results);
    };
    // Look a job up and take its result, or its final failure. Idempotent per job.
    const check = async (id: string): Promise<void> => {
      if (finished || !pending.has(id)) return;
      // State first, then the job: a job read before it completed would carry no return value.
      const state = await queue.getJobState(id);
      if (finished || !pending.has(id) || (state !== 'completed' && state !== 'failed' && state !== 'unknown')) return;
      const job: Job | undefined = await queue.getJob(id);
      if (finished || !pending.has(id)) return;
      if (job === undefined || state === 'unknown') throw new Error(`shard job ${id} vanished from queue '${loc.queueName}' at ${loc.display} (removed by someone else?)`);
      const k = indexOf.get(id) as number;
      if (state === 'completed') {
        pending.delete(id);
        const result = job.returnvalue as ShardResult | null;
        if (result === null || typeof result !== 'object' || !Array.isArray(result.approaches)) throw new Error(`shard ${ids[k]} completed without a result`);
        results[k] = result;
        opts.onShardDone?.({
          shardId: ids[k],
          jobId: id,
          attemptsStarted: job.attemptsStarted,
          stalledCount: job.stalledCounter,
          failedAttempts: job.attemptsMade,
          processedBy: job.processedBy,
        });
        opts.onProgress?.(total - pending.size, total);
        if (pending.size === 0) stop();
      } else if (state === 'failed') {
        stop(new Error(`shard ${ids[k]} failed after ${job.attemptsMade} attempt(s): ${job.failedReason}`));
      }
    };
    const guarded = (id: string): void => {
      check(id).catch((e: Error) => stop(e));
    };
    const onCompleted = ({ jobId: id }: { jobId: string }): void => guarded(id);
    const onFailed = ({ jobId: id }: { jobId: string }): void => guarded(id);
    const onStalled = ({ jobId: id }: { jobId: string }): void => {
      const k = indexOf.get(id);
      if (k === undefined || reported.has(id)) return;
      reported.add(id);
      opts.onNotice?.(`shard ${ids[k]} stalled (its worker stopped answering); it goes back to the queue`);
    };
    events.on('completed', onCompleted);
    events.on('failed', onFailed);
    events.on('stalled', onStalled);

    const poll = (): void => {
      if (finished) return;
      Promise.all([...pending].map((id) => check(id)))
        .then(() => {
          if (!finished) timers.push(setTimeout(poll, POLL_MS));
        })
        .catch((e: Error) => stop(e));
    };
    timers.push(setTimeout(poll, POLL_MS));
    timers.push(
      setTimeout(() => {
        if (finished || pending.size < total) return;
        queue
          .getWorkersCount()
          .then((n) => {
            if (!finished && pending.size === total) {
              opts.onNotice?.(
                n === 0
                  ? `no worker is listening on queue '${loc.queueName}' at ${loc.display}; start one with: stationkeeper worker --queue ${loc.display}`
                  : `${n} worker(s) on queue '${loc.queueName}', none has finished a shard yet`,
              );
            }
          })
          .catch(() => undefined);
      }, NO_WORKER_NOTICE_MS),
    );
    const onAbort = (): void => stop(new Error('distributed screening cancelled; its queued shards were removed'));
    if (opts.signal?.aborted) onAbort();
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    if (opts.timeoutMs !== undefined) {
      timers.push(setTimeout(() => stop(new Error(`distributed screening timed out after ${opts.timeoutMs} ms with ${pending.size} of ${total} shards unfinished`)), opts.timeoutMs));
    }
  });
}

/** Remove this run's jobs (active ones cannot be removed: the age limit takes those) and its catalogue. */
async function cleanUp(queue: Queue, key: string, jobIds: readonly string[]): Promise<void> {
  const client = await queue.getBackend().client;
  await client.del(key);
  await Promise.allSettled(jobIds.map((id) => queue.remove(id)));
}
