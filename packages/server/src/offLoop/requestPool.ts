/**
 * Request work that can take more than a few milliseconds (a catalogue ingest, a 24 h attitude
 * simulation, a catalogue-wide group) runs on a small worker pool of its own, so the event loop
 * keeps answering `/api/health` and everything else within 100 ms. It is separate from the job
 * pool so a request never waits behind an hour-long Monte Carlo job. Tasks are modules of this
 * code base run by the job workers' dispatcher; they answer with `offLoopAnswer` so a refusal
 * (an HttpError) crosses the thread boundary with its status and field.
 */
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { workerExecArgv } from '@stationkeeper/runtime';
import { HttpError } from '../httpError.js';
import type { WorkerTaskMessage } from '../jobs/worker/dispatch.js';

const BOOTSTRAP = new URL('../jobs/worker/bootstrap.mjs', import.meta.url).href;

/** Threads for request work, and requests waiting for one before the next gets a 429. */
export const REQUEST_POOL_LIMITS = { threads: 2, queued: 16 } as const;

export type OffLoopAnswer<T> = { ok: true; value: T } | { ok: false; status: number; message: string; field?: string };

/** Worker side: run `work`, turning an HttpError into an answer the main thread rebuilds. */
export async function offLoopAnswer<T>(work: () => T | Promise<T>): Promise<OffLoopAnswer<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (e) {
    if (e instanceof HttpError) return { ok: false, status: e.statusCode, message: e.message, field: e.field };
    throw e;
  }
}

export class RequestPool {
  private readonly pool = new Piscina({
    filename: BOOTSTRAP,
    minThreads: 0,
    maxThreads: REQUEST_POOL_LIMITS.threads,
    maxQueue: REQUEST_POOL_LIMITS.queued,
    idleTimeout: 60_000,
    // From the sources, threads resolve @stationkeeper/* to the sources as the main thread does.
    execArgv: workerExecArgv(import.meta.url.endsWith('.ts')),
  });

  /** Run `exportName` of `moduleUrl` (a file of this code base) in a pool thread; 429 when the queue is full. */
  async run<T>(moduleUrl: string, exportName: string, input: unknown): Promise<T> {
    if (this.pool.queueSize >= REQUEST_POOL_LIMITS.queued) throw new HttpError(429, `server: ${this.pool.queueSize} heavy requests are waiting; retry in a moment`);
    const { port1, port2 } = new MessageChannel();
    const task: WorkerTaskMessage = { moduleUrl, exportName, input, port: port2 };
    try {
      const answer = (await this.pool.run(task, { transferList: [port2] })) as OffLoopAnswer<T>;
      if (!answer.ok) throw new HttpError(answer.status, answer.message, answer.field);
      return answer.value;
    } finally {
      port1.close();
    }
  }

  close(): Promise<void> {
    return this.pool.destroy();
  }
}
