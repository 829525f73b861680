/**
 * Conjunction screening over worker threads (Node only). The main thread finds attached objects
 * and cuts the screening into shards (conjunction/shard.ts: time slices × object ranges or pair
 * blocks); the workers, each holding a copy of the catalogue's SGP4 records initialised once on
 * the main thread, take shards from a queue; the results
 * are merged in a fixed order, so the output does not depend on the number of workers.
 *
 *   const screener = await ParallelScreener.create(tles, start, { workers: 2 });
 *   const result = await screener.screen({ start, durationSeconds: 7 * 86400, thresholdKm: 5, primary });
 *   await screener.close();
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  mergeShardResults,
  planScreening,
  runShard,
  Sgp4Trajectories,
  type ScreeningOptions,
  type ScreeningResult,
  type ScreeningShard,
  type ShardResult,
} from '@stationkeeper/core';
import type { Sgp4Source } from '@stationkeeper/core';
import type { Epoch } from '@stationkeeper/core';
import type { FromScreeningWorker, ToScreeningWorker } from './screeningProtocol.js';
import { workerExecArgv } from './workerArgs.js';

export interface ParallelScreenerOptions {
  /** Worker threads; default os.availableParallelism(). 0: run on this thread. */
  readonly workers?: number;
  /** Shards per worker (time slices), for load balance; default 4. */
  readonly shardsPerWorker?: number;
  /** Called after each finished shard. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** Resolves when the worker has taken its catalogue (sent with `send` once this thread has built it). */
function workerReady(w: Worker): { ready: Promise<void>; send: (init: ToScreeningWorker) => void } {
  const ready = new Promise<void>((resolve, reject) => {
    const onMessage = (m: FromScreeningWorker) => {
      if (m.type !== 'ready') return;
      w.off('message', onMessage);
      w.off('error', reject);
      resolve();
    };
    w.on('message', onMessage);
    w.once('error', reject);
  });
  return { ready, send: (init) => w.postMessage(init) };
}

export class ParallelScreener {
  private closed = false;

  private constructor(
    /** Trajectories on this thread (planning, attached objects, and the 0-worker mode). */
    readonly trajectories: Sgp4Trajectories,
    private readonly workers: Worker[],
    private readonly options: ParallelScreenerOptions,
  ) {}

  get workerCount(): number {
    return this.workers.length;
  }

  /** Start the workers with the catalogue; all screenings of this screener start at `start`. */
  static async create(sources: readonly Sgp4Source[], start: Epoch, options: ParallelScreenerOptions = {}): Promise<ParallelScreener> {
    const count = Math.max(0, Math.floor(options.workers ?? availableParallelism()));
    const isTs = import.meta.url.endsWith('.ts');
    const workerModuleUrl = new URL(isTs ? './screeningWorker.ts' : './screeningWorker.js', import.meta.url).href;
    const bootstrap = new URL('./sgp4WorkerBootstrap.mjs', import.meta.url);
    const startTai = { mjdDay: start.taiMjdDay, secondsOfDay: start.taiSecondsOfDay };
    // A parent started with `--input-type` (node -e) passes it on, and workers refuse it.
    const execArgv = workerExecArgv(isTs);
    const workers = Array.from({ length: count }, () => new Worker(bootstrap, { execArgv, workerData: { workerModuleUrl, needsTsLoader: isTs } }));
    const handshakes = workers.map(workerReady);
    const ready = Promise.all(handshakes.map((h) => h.ready));
    // The catalogue is parsed and initialised once, here, while the workers start and load their
    // modules; each worker then receives the records (a copy of typed arrays, no parsing).
    let trajectories: Sgp4Trajectories;
    try {
      trajectories = new Sgp4Trajectories(sources, start);
      if (count > 0) {
        const state = trajectories.exportState();
        for (const h of handshakes) h.send({ type: 'init', state, startTai });
      }
      await ready;
    } catch (e) {
      ready.catch(() => undefined);
      await Promise.all(workers.map((w) => w.terminate()));
      throw e;
    }
    for (const w of workers) w.unref();
    return new ParallelScreener(trajectories, workers, options);
  }

  /** Screen (options.start must be the start given to create()). */
  async screen(options: ScreeningOptions): Promise<ScreeningResult> {
    if (this.closed) throw new Error('ParallelScreener is closed');
    const ref = this.trajectories.reference;
    if (options.start.secondsSince(ref) !== 0) {
      throw new RangeError(`screening start ${options.start.toIsoUtc(3)} differs from the screener's ${ref.toIsoUtc(3)}`);
    }
    const slices = Math.max(1, this.workers.length * (this.options.shardsPerWorker ?? 4));
    const plan = planScreening(this.trajectories, options, slices);
    const results = await this.runShards(plan.shards);
    return mergeShardResults(results, plan.attached);
  }

  /** Run shards on the workers (or this thread without workers); results in shard order. */
  async runShards(shards: readonly ScreeningShard[]): Promise<ShardResult[]> {
    const results = new Array<ShardResult>(shards.length);
    const progress = this.options.onProgress;
    if (this.workers.length === 0) {
      shards.forEach((s, k) => {
        results[k] = runShard(this.trajectories, s);
        progress?.(k + 1, shards.length);
      });
      return results;
    }
    let next = 0;
    let done = 0;
    await new Promise<void>((resolve, reject) => {
      let failed = false;
      const feed = (w: Worker): void => {
        if (failed) return;
        if (next >= shards.length) {
          w.unref();
          return;
        }
        const id = next++;
        w.postMessage({ type: 'run', id, shard: shards[id] } satisfies ToScreeningWorker);
      };
      const cleanups: (() => void)[] = [];
      const finish = (e?: Error): void => {
        for (const c of cleanups) c();
        if (e) reject(e);
        else resolve();
      };
      for (const w of this.workers) {
        const onMessage = (m: FromScreeningWorker): void => {
          if (m.type === 'ready' || failed) return;
          if (m.type === 'failed') {
            failed = true;
            finish(new Error(`screening worker failed on shard ${m.id}: ${m.message}`));
            return;
          }
          results[m.id] = m.result;
          done++;
          progress?.(done, shards.length);
          if (done === shards.length) finish();
          else feed(w);
        };
        const onError = (e: Error): void => {
          failed = true;
          finish(e);
        };
        w.on('message', onMessage);
        w.on('error', onError);
        cleanups.push(() => {
          w.off('message', onMessage);
          w.off('error', onError);
          w.unref();
        });
        w.ref();
      }
      if (shards.length === 0) finish();
      else for (const w of this.workers) feed(w);
    });
    return results;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
