/**
 * Runs accepted jobs: a row in `jobs` first (so nothing is lost), then the job type's `run` with
 * a context whose tasks go to the piscina worker pool. Progress is persisted (throttled) and
 * pushed to subscribers (the SSE route); cancel aborts the signal, which makes piscina terminate
 * the worker running the task.
 */
import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { Value } from '@sinclair/typebox/value';
import type { ElementStore } from '../store/elementStore.js';
import { FINISHED, type JobRecord, type JobStore } from '../store/jobStore.js';
import { HttpError } from '../httpError.js';
import { JobParamsError, type JobContext, type JobRegistry, type TaskOptions } from './registry.js';
import type { FromTask, WorkerTaskMessage } from './worker/dispatch.js';
import { workerExecArgv } from '@stationkeeper/runtime';

export type JobEvent = { kind: 'progress'; progress: number; message: string } | { kind: 'job'; job: JobRecord };
export type JobListener = (e: JobEvent) => void;

interface Active {
  controller: AbortController;
  listeners: Set<JobListener>;
  lastPersistMs: number;
  lastEmitMs: number;
  running: boolean;
  done: Promise<void>;
  /** Who asked (the client address), for the per-client cap. */
  client: string;
}

/**
 * Caps on jobs queued or running at once. Without them 40 unauthenticated requests queued 80,003
 * Monte Carlo members (11–33 CPU-hours). A refused job is a 429: retry when one finishes.
 */
export const JOB_QUEUE_LIMITS = { total: 32, perClient: 8 } as const;

export interface JobRunnerOptions {
  /** Worker threads for jobs (default: cores − 1, at least 1, so the API keeps a core). */
  workers?: number;
  /** Milliseconds between progress writes to the database. */
  persistEveryMs?: number;
  /** Milliseconds between progress events to subscribers. */
  emitEveryMs?: number;
  /** Jobs queued or running at once, in all and per client (default JOB_QUEUE_LIMITS). */
  queueLimits?: { total: number; perClient: number };
}

const BOOTSTRAP = new URL('./worker/bootstrap.mjs', import.meta.url).href;

export class JobRunner {
  readonly pool: Piscina;
  /** Threads of the pool. */
  readonly threads: number;
  private readonly active = new Map<string, Active>();
  private readonly persistEveryMs: number;
  private readonly emitEveryMs: number;
  private readonly queueLimits: { total: number; perClient: number };
  /** Ids of jobs found queued/running at start-up and marked failed. */
  readonly interruptedAtStart: string[];

  constructor(
    private readonly jobs: JobStore,
    readonly registry: JobRegistry,
    private readonly elements: ElementStore,
    options: JobRunnerOptions = {},
  ) {
    this.interruptedAtStart = jobs.failInterrupted();
    const workers = options.workers ?? Math.max(1, availableParallelism() - 1);
    this.threads = workers;
    this.pool = new Piscina({ filename: BOOTSTRAP, minThreads: 0, maxThreads: workers, idleTimeout: 30_000, execArgv: workerExecArgv(import.meta.url.endsWith('.ts')) });
    this.persistEveryMs = options.persistEveryMs ?? 500;
    this.emitEveryMs = options.emitEveryMs ?? 100;
    this.queueLimits = options.queueLimits ?? JOB_QUEUE_LIMITS;
  }

  /** Check type and params (400 naming the field), store the job, start it. */
  create(type: string, rawParams: unknown, client = 'local'): JobRecord {
    this.admit(client);
    const t = this.registry.get(type);
    if (!t) {
      const known = this.registry.list().map((x) => x.type).join(', ');
      throw new HttpError(400, `body.type: unknown job type ${JSON.stringify(type)} (known: ${known})`, 'body.type');
    }
    const params = Value.Default(t.params, Value.Clone(rawParams ?? {}));
    const first = Value.Errors(t.params, params).First();
    if (first) {
      const field = `body.params${first.path.replace(/\//g, '.')}`;
      throw new HttpError(400, `${field}: ${first.message}`, field);
    }
    try {
      t.check?.(params, this.elements);
    } catch (e) {
      if (e instanceof JobParamsError) {
        const field = `body.params.${e.field}`;
        throw new HttpError(400, `${field}: ${e.message}`, field);
      }
      throw e;
    }
    const id = randomUUID();
    const record = this.jobs.insert(id, type, params);
    const controller = new AbortController();
    const active: Active = { controller, listeners: new Set(), lastPersistMs: 0, lastEmitMs: 0, running: false, done: Promise.resolve(), client };
    this.active.set(id, active);
    active.done = this.execute(id, params, active);
    return record;
  }

  /** 429 when the queue, or this client's share of it, is full. */
  private admit(client: string): void {
    const { total, perClient } = this.queueLimits;
    if (this.active.size >= total) throw new HttpError(429, `jobs: ${this.active.size} jobs are queued or running (at most ${total}); retry when one finishes`, 'jobs');
    let mine = 0;
    for (const a of this.active.values()) if (a.client === client) mine++;
    if (mine >= perClient) throw new HttpError(429, `jobs: this client has ${mine} jobs queued or running (at most ${perClient}); retry when one finishes`, 'jobs');
  }

  get(id: string): JobRecord | undefined {
    return this.jobs.get(id);
  }

  list(status: JobRecord['status'] | undefined, limit: number): JobRecord[] {
    return this.jobs.list(status, limit);
  }

  /** Jobs queued or running in this process. */
  get activeCount(): number {
    return this.active.size;
  }

  /** Cancel a queued or running job; 409 when it already finished. */
  cancel(id: string): JobRecord {
    const job = this.jobs.get(id);
    if (!job) throw new HttpError(404, `params.id: no job ${id}`, 'params.id');
    if (FINISHED.includes(job.status)) throw new HttpError(409, `job ${id} already ${job.status}`);
    const a = this.active.get(id);
    this.jobs.finish(id, 'cancelled', null, 'cancelled by request');
    a?.controller.abort(new Error('cancelled by request'));
    this.emitFinal(id);
    return this.jobs.get(id)!;
  }

  /** Listen to a job's events until it finishes; returns the unsubscribe function. */
  subscribe(id: string, listener: JobListener): () => void {
    const a = this.active.get(id);
    if (!a) return () => {};
    a.listeners.add(listener);
    return () => a.listeners.delete(listener);
  }

  isActive(id: string): boolean {
    return this.active.has(id);
  }

  /** Resolves when the job's run has settled (tests, shutdown). */
  async settled(id: string): Promise<void> {
    await this.active.get(id)?.done;
  }

  /**
   * Stop: abort running jobs and mark them failed ("interrupted by shutdown"), close the pool.
   * With `{ abandon: true }` the rows are left as they are, as after a crash (tests of restart).
   */
  async close(options: { abandon?: boolean } = {}): Promise<void> {
    const pending = [...this.active.entries()];
    for (const [id, a] of pending) {
      if (!options.abandon) this.jobs.finish(id, 'failed', null, 'interrupted by server shutdown');
      a.controller.abort(new Error('server shutdown'));
    }
    await Promise.allSettled(pending.map(([, a]) => a.done));
    await this.pool.destroy();
  }

  private async execute(id: string, params: unknown, a: Active): Promise<void> {
    await new Promise((r) => setImmediate(r)); // let the POST answer before work starts
    const t = this.registry.get(this.jobs.get(id)!.type)!;
    const signal = a.controller.signal;
    const markRunning = () => {
      if (a.running || signal.aborted) return;
      a.running = true;
      this.jobs.markRunning(id);
      this.emit(a, { kind: 'job', job: this.jobs.get(id)! });
    };
    let usesWorker = false;
    const ctx: JobContext = {
      id,
      signal,
      elements: this.elements,
      threads: this.threads,
      progress: (fraction, message) => {
        markRunning();
        this.onProgress(id, a, fraction, message ?? '');
      },
      runTask: <T>(moduleUrl: string, exportName: string, input: unknown, options: TaskOptions = {}): Promise<T> => {
        usesWorker = true;
        const { port1, port2 } = new MessageChannel();
        port1.on('message', (m: FromTask) => {
          if (m.type === 'started') markRunning();
          else if (options.onProgress) options.onProgress(m.fraction, m.message);
          else this.onProgress(id, a, m.fraction, m.message);
        });
        const task: WorkerTaskMessage = { moduleUrl, exportName, input, port: port2 };
        return (this.pool.run(task, { signal, transferList: [port2] }) as Promise<T>).finally(() => port1.close());
      },
    };
    try {
      if (signal.aborted) return;
      const run = t.run(params as never, ctx);
      if (!usesWorker) markRunning();
      const result = await run;
      if (signal.aborted) return;
      markRunning();
      this.jobs.finish(id, 'succeeded', result ?? null, null);
    } catch (e) {
      if (!signal.aborted) {
        markRunning();
        this.jobs.finish(id, 'failed', null, e instanceof Error ? e.message : String(e));
      }
    } finally {
      this.emitFinal(id);
      this.active.delete(id);
    }
  }

  private onProgress(id: string, a: Active, fraction: number, message: string): void {
    if (a.controller.signal.aborted) return;
    const f = Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0));
    const now = Date.now();
    if (now - a.lastPersistMs >= this.persistEveryMs) {
      a.lastPersistMs = now;
      this.jobs.setProgress(id, f, message);
    }
    if (now - a.lastEmitMs >= this.emitEveryMs) {
      a.lastEmitMs = now;
      this.emit(a, { kind: 'progress', progress: f, message });
    }
  }

  private emitFinal(id: string): void {
    const a = this.active.get(id);
    const job = this.jobs.get(id);
    if (!a || !job || !FINISHED.includes(job.status)) return;
    const listeners = [...a.listeners];
    a.listeners.clear();
    for (const l of listeners) l({ kind: 'job', job });
  }

  private emit(a: Active, e: JobEvent): void {
    for (const l of a.listeners) l(e);
  }
}
