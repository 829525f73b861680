/**
 * The re-entry ensemble over worker threads (Node only): each worker runs core's pure
 * `runReentryEnsemble`, claiming the next member from a shared counter (members' lifetimes, so
 * their costs, differ by 2× and more; a fixed deal leaves one thread idle at the end); results
 * come back in member order, so a seeded run gives the same numbers with any number of workers.
 *
 * This module is also the worker's entry: loaded by sgp4WorkerBootstrap.mjs (which registers
 * tsx when running from TypeScript) with `workerData.reentryWorker` set, it serves one run.
 */
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { EnsembleAbortedError, runReentryEnsemble, type MemberResult, type ReentryEnsembleInput } from '@stationkeeper/core/reentry';
import { workerExecArgv } from './workerArgs.js';

export interface ReentryPoolOptions {
  /** Worker threads (default os.availableParallelism(), at most one a member). */
  workers?: number;
  /** Called with (members done, members in total) as members finish. */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** `nextMember[0]`: the next unclaimed member (Atomics.add by each worker). */
type ToWorker = { input: ReentryEnsembleInput; nextMember: Int32Array };
type FromWorker = { type: 'progress' } | { type: 'done'; results: MemberResult[] } | { type: 'failed'; message: string };

/** Run every member of `input` on worker threads; resolves with the members in index order. */
export async function runReentryEnsembleParallel(input: ReentryEnsembleInput, options: ReentryPoolOptions = {}): Promise<MemberResult[]> {
  const n = input.members;
  const count = Math.max(1, Math.min(n, Math.floor(options.workers ?? availableParallelism())));
  const nextMember = new Int32Array(new SharedArrayBuffer(4));
  const isTs = import.meta.url.endsWith('.ts');
  const workerModuleUrl = import.meta.url;
  const bootstrap = new URL('./sgp4WorkerBootstrap.mjs', import.meta.url);
  const workers: Worker[] = [];
  let done = 0;
  const stopAll = () => Promise.all(workers.map((w) => w.terminate()));
  if (options.signal?.aborted) throw new EnsembleAbortedError();
  const onAbort = () => void stopAll();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const parts = await Promise.all(
      Array.from(
        { length: count },
        () =>
          new Promise<MemberResult[]>((resolve, reject) => {
            const w = new Worker(bootstrap, { execArgv: workerExecArgv(isTs), workerData: { workerModuleUrl, needsTsLoader: isTs, reentryWorker: true } });
            workers.push(w);
            w.on('message', (m: FromWorker) => {
              if (m.type === 'progress') options.onProgress?.(++done, n);
              else if (m.type === 'done') resolve(m.results);
              else reject(new Error(`re-entry worker failed: ${m.message}`));
            });
            w.on('error', reject);
            w.on('exit', (code) => {
              if (options.signal?.aborted) reject(new EnsembleAbortedError());
              else if (code !== 0) reject(new Error(`re-entry worker exited with code ${code}`));
            });
            w.postMessage({ input, nextMember } satisfies ToWorker);
          }),
      ),
    );
    const out: MemberResult[] = new Array(n);
    for (const part of parts) for (const r of part) out[r.member] = r;
    return out;
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    await stopAll();
  }
}

if (!isMainThread && parentPort && (workerData as { reentryWorker?: boolean } | null)?.reentryWorker) {
  const port = parentPort;
  port.once('message', async (msg: ToWorker) => {
    try {
      const results = await runReentryEnsemble(msg.input, {
        claimMember: () => Atomics.add(msg.nextMember, 0, 1),
        onProgress: () => port.postMessage({ type: 'progress' } satisfies FromWorker),
      });
      port.postMessage({ type: 'done', results } satisfies FromWorker);
    } catch (e) {
      port.postMessage({ type: 'failed', message: (e as Error).message } satisfies FromWorker);
    }
  });
}
