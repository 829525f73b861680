/**
 * Multi-core batch SGP4 over worker_threads (Node only). The coordinator initialises the
 * satellites once and every worker rebuilds the same batch from its typed arrays; every
 * `propagate` call then runs all workers on SharedArrayBuffer results laid out exactly like
 * `Sgp4Batch.propagate` ([sat][time][xyz], errors [sat][time]).
 *
 * Scheduling: with at least as many satellites as workers, the satellites are cut into units of
 * UNIT_SATELLITES and each worker claims the next unit from a shared counter until none is left.
 * Claiming beats a fixed split: deep-space and decayed objects cost very different times, and a
 * thread that loses its core for a while to other work simply takes fewer units. Every worker
 * holding every satellite makes this possible; the results do not depend on which worker ran a
 * satellite (a deep-space record's resonance integrator lands on the same bits from any start,
 * see Sgp4Batch). With fewer satellites than workers the time axis is split instead.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  allocateSgp4BatchResult,
  resolveSgp4BatchTimes,
  Sgp4Batch,
  type Sgp4BatchResult,
  type Sgp4BatchTimes,
  type Sgp4NearEarthKernel,
  type Sgp4Source,
} from '@stationkeeper/core';
import type { FromWorker, RunMessage, ToWorker } from './sgp4WorkerProtocol.js';
import { workerExecArgv } from './workerArgs.js';

/** Satellites per work unit: ~100 units per worker on a catalogue, each a few ms of work. */
const UNIT_SATELLITES = 128;

export interface ParallelSgp4Options {
  /** Worker threads; default os.availableParallelism(). */
  readonly workers?: number;
  /**
   * Near-Earth kernel of every worker's batch (see Sgp4BatchOptions). Default 'wasm-simd': about
   * 3× the JavaScript kernel's throughput, equal to it within 1e-4 mm (not to the bit).
   */
  readonly nearEarthKernel?: Sgp4NearEarthKernel;
}

function toShared<T extends Float64Array | Uint8Array>(a: T): T {
  if (a.buffer instanceof SharedArrayBuffer) return a;
  const copy = new (a.constructor as { new (b: SharedArrayBuffer): T })(new SharedArrayBuffer(a.byteLength));
  copy.set(a as never);
  return copy;
}

function startWorker(): Worker {
  const isTs = import.meta.url.endsWith('.ts');
  const workerModuleUrl = new URL(isTs ? './sgp4Worker.ts' : './sgp4Worker.js', import.meta.url).href;
  const bootstrap = new URL('./sgp4WorkerBootstrap.mjs', import.meta.url);
  return new Worker(bootstrap, { execArgv: workerExecArgv(isTs), workerData: { workerModuleUrl, needsTsLoader: isTs } });
}

function initWorker(w: Worker, init: ToWorker): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onMessage = (m: FromWorker) => {
      if (m.type === 'ready') {
        w.off('message', onMessage);
        w.off('error', reject);
        resolve();
      }
    };
    w.on('message', onMessage);
    w.once('error', reject);
    w.postMessage(init);
  });
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

  /** Start the workers, initialise the satellites once while they boot, and hand them over. */
  static async create(sources: readonly Sgp4Source[], options: ParallelSgp4Options = {}): Promise<ParallelSgp4Batch> {
    const workerCount = Math.max(1, Math.floor(options.workers ?? availableParallelism()));
    const workers = Array.from({ length: workerCount }, startWorker);
    try {
      const init: ToWorker = { type: 'init', state: Sgp4Batch.fromSources(sources).exportState(), nearEarthKernel: options.nearEarthKernel ?? 'wasm-simd' };
      await Promise.all(workers.map((w) => initWorker(w, init)));
    } catch (e) {
      await Promise.all(workers.map((w) => w.terminate()));
      throw e;
    }
    // Idle workers must not keep the process alive; they are ref'd while a run is in flight.
    for (const w of workers) w.unref();
    return new ParallelSgp4Batch(sources.length, workers, sources.length < workerCount);
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
    // One counter shared by all workers; when the time axis is split, each worker has its own and
    // claims every satellite for its times.
    const counter = () => new Int32Array(new SharedArrayBuffer(4));
    const shared = counter();
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
        nextUnit: this.splitTime ? counter() : shared,
        unitSatellites: this.splitTime ? this.count : UNIT_SATELLITES,
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
