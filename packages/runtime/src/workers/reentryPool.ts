/**
 * The re-entry ensemble over worker threads (Node only): members are dealt round-robin to the
 * workers, each running core's pure `runReentryEnsemble` on its share; results come back in
 * member order, so a seeded run gives the same numbers with any number of workers.
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

type ToWorker = { input: ReentryEnsembleInput; memberIndices: number[] };
type FromWorker = { type: 'progress' } | { type: 'done'; results: MemberResult[] } | { type: 'failed'; message: string };

/** Run every member of `input` on worker threads; resolves with the members in index order. */
export async function runReentryEnsembleParallel(input: ReentryEnsembleInput, options: ReentryPoolOptions = {}): Promise<MemberResult[]> {
  const n = input.members;
  const count = Math.max(1, Math.min(n, Math.floor(options.workers ?? availableParallelism())));
  const shares: number[][] = Array.from({ length: count }, () => []);
  for (let m = 0; m < n; m++) shares[m % count].push(m);
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
      shares.map(
        (memberIndices) =>
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
            w.postMessage({ input, memberIndices } satisfies ToWorker);
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
        memberIndices: msg.memberIndices,
        onProgress: () => port.postMessage({ type: 'progress' } satisfies FromWorker),
      });
      port.postMessage({ type: 'done', results } satisfies FromWorker);
    } catch (e) {
      port.postMessage({ type: 'failed', message: (e as Error).message } satisfies FromWorker);
    }
  });
}
