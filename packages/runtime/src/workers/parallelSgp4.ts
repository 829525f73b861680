/**
 * Multi-core batch SGP4 over worker_threads (Node only). Each worker initialises its share of the
 * satellites once; every `propagate` call then runs all workers on SharedArrayBuffer results laid
 * out exactly like `Sgp4Batch.propagate` ([sat][time][xyz], errors [sat][time]).
 *
 * Sharding: with at least as many satellites as workers, satellites are dealt out in chunks of
 * CHUNK round-robin (balances near-Earth vs deep-space cost along the catalogue); with fewer
 * satellites than workers, every worker holds all satellites and the time axis is split instead.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { MeanElements } from '@stationkeeper/core';
import {
  allocateSgp4BatchResult,
  isSgp4TleLines,
  resolveSgp4BatchTimes,
  type Sgp4BatchResult,
  type Sgp4BatchTimes,
  type Sgp4NearEarthKernel,
  type Sgp4Source,
} from '@stationkeeper/core';
import type { FromWorker, RunMessage, ToWorker, WireChunk, WireSource } from './sgp4WorkerProtocol.js';
import { workerExecArgv } from './workerArgs.js';

const CHUNK = 256;

export interface ParallelSgp4Options {
  /** Worker threads; default os.availableParallelism(). */
  readonly workers?: number;
  /** Near-Earth kernel of every worker's batch (see Sgp4BatchOptions); default 'js'. */
  readonly nearEarthKernel?: Sgp4NearEarthKernel;
}

function toWire(s: Sgp4Source): WireSource {
  if (isSgp4TleLines(s)) return { line1: s.line1, line2: s.line2 };
  const el = s as MeanElements;
  return { ...el, epoch: { taiMjdDay: el.epoch.taiMjdDay, taiSecondsOfDay: el.epoch.taiSecondsOfDay } };
}

function toShared<T extends Float64Array | Uint8Array>(a: T): T {
  if (a.buffer instanceof SharedArrayBuffer) return a;
  const copy = new (a.constructor as { new (b: SharedArrayBuffer): T })(new SharedArrayBuffer(a.byteLength));
  copy.set(a as never);
  return copy;
}

interface Pending {
  remaining: number;
  resolve: () => void;
  reject: (e: Error) => void;
}

export class ParallelSgp4Batch {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private closed = false;

  private constructor(
    readonly count: number,
    private readonly workers: Worker[],
    /** True when the time axis is split between workers (fewer satellites than workers). */
    private readonly splitTime: boolean,
  ) {
    for (const w of workers) {
      w.on('message', (m: FromWorker) => this.onMessage(m));
      w.on('error', (e) => this.failAll(e));
    }
  }

  get workerCount(): number {
    return this.workers.length;
  }

  /** Start the workers and initialise the satellites in them. */
  static async create(sources: readonly Sgp4Source[], options: ParallelSgp4Options = {}): Promise<ParallelSgp4Batch> {
    const n = sources.length;
    const wanted = Math.max(1, Math.floor(options.workers ?? availableParallelism()));
    const workerCount = wanted;
    const splitTime = n < workerCount;
    const wire = sources.map(toWire);
    const shares: { sources: WireSource[]; chunks: WireChunk[] }[] = Array.from({ length: workerCount }, () => ({ sources: [], chunks: [] }));
    if (splitTime) {
      for (const share of shares) {
        share.sources = wire;
        share.chunks = [{ localStart: 0, globalStart: 0, count: n }];
      }
    } else {
      for (let start = 0, c = 0; start < n; start += CHUNK, c++) {
        const share = shares[c % workerCount];
        const count = Math.min(CHUNK, n - start);
        share.chunks.push({ localStart: share.sources.length, globalStart: start, count });
        for (let k = 0; k < count; k++) share.sources.push(wire[start + k]);
      }
    }
    const isTs = import.meta.url.endsWith('.ts');
    const workerModuleUrl = new URL(isTs ? './sgp4Worker.ts' : './sgp4Worker.js', import.meta.url).href;
    const bootstrap = new URL('./sgp4WorkerBootstrap.mjs', import.meta.url);
    const workers = shares.map(() => new Worker(bootstrap, { execArgv: workerExecArgv(isTs), workerData: { workerModuleUrl, needsTsLoader: isTs } }));
    await Promise.all(
      workers.map(
        (w, i) =>
          new Promise<void>((resolve, reject) => {
            const onMessage = (m: FromWorker) => {
              if (m.type === 'ready') {
                w.off('message', onMessage);
                w.off('error', reject);
                resolve();
              }
            };
            w.on('message', onMessage);
            w.once('error', reject);
            w.postMessage({ type: 'init', sources: shares[i].sources, chunks: shares[i].chunks, nearEarthKernel: options.nearEarthKernel ?? 'js' } satisfies ToWorker);
          }),
      ),
    ).catch(async (e) => {
      await Promise.all(workers.map((w) => w.terminate()));
      throw e;
    });
    // Idle workers must not keep the process alive; they are ref'd while a run is in flight.
    for (const w of workers) w.unref();
    return new ParallelSgp4Batch(n, workers, splitTime);
  }

  /**
   * Propagate every satellite to `times` on all workers. `out`, when given, must be backed by
   * SharedArrayBuffers (see allocateSgp4BatchResult(n, m, true)); otherwise one is allocated.
   */
  async propagate(times: Sgp4BatchTimes, out?: Sgp4BatchResult): Promise<Sgp4BatchResult> {
    if (this.closed) throw new Error('ParallelSgp4Batch is closed');
    const resolved = resolveSgp4BatchTimes(times, this.count);
    const m = resolved.timesPerSatellite;
    const result = out ?? allocateSgp4BatchResult(this.count, m, true);
    if (result.satellites !== this.count || result.timesPerSatellite !== m) {
      throw new RangeError(`batch result is ${result.satellites}×${result.timesPerSatellite}, expected ${this.count}×${m}`);
    }
    if (!(result.positionKm.buffer instanceof SharedArrayBuffer) || !(result.errors.buffer instanceof SharedArrayBuffer)) {
      throw new TypeError('ParallelSgp4Batch.propagate: result arrays must be backed by SharedArrayBuffer');
    }
    if (m === 0 || this.count === 0) return result;
    const minutes = toShared(resolved.minutes);
    const id = this.nextId++;
    const w = this.workers.length;
    const done = new Promise<void>((resolve, reject) => this.pending.set(id, { remaining: w, resolve, reject }));
    this.workers.forEach((worker, i) => {
      const timeFrom = this.splitTime ? Math.floor((m * i) / w) : 0;
      const timeTo = this.splitTime ? Math.floor((m * (i + 1)) / w) : m;
      const msg: RunMessage = {
        type: 'run',
        id,
        minutes,
        timesPerSatellite: m,
        perSatellite: resolved.perSatellite,
        refTaiMjdDay: resolved.refTaiMjdDay,
        refTaiSecondsOfDay: resolved.refTaiSecondsOfDay,
        timeFrom,
        timeTo,
        satellites: this.count,
        positionKm: result.positionKm,
        velocityKmPerS: result.velocityKmPerS,
        errors: result.errors,
      };
      worker.postMessage(msg satisfies ToWorker);
    });
    for (const worker of this.workers) worker.ref();
    try {
      await done;
    } finally {
      for (const worker of this.workers) worker.unref();
    }
    return result;
  }

  /** Stop the workers. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private onMessage(m: FromWorker): void {
    if (m.type === 'ready') return;
    const p = this.pending.get(m.id);
    if (!p) return;
    if (m.type === 'failed') {
      this.pending.delete(m.id);
      p.reject(new Error(`SGP4 worker failed: ${m.message}`));
      return;
    }
    if (--p.remaining === 0) {
      this.pending.delete(m.id);
      p.resolve();
    }
  }

  private failAll(e: Error): void {
    for (const [id, p] of this.pending) {
      this.pending.delete(id);
      p.reject(e);
    }
  }
}
