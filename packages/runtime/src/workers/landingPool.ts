/**
 * The landing dispersion over worker threads (Node only): members are dealt in contiguous blocks
 * to the workers, each running core's pure `runDispersionMembers` on the plan (plain data);
 * results come back in member order, so a seeded run gives the same numbers with any number of
 * workers. This module is also the worker's entry (loaded through sgp4WorkerBootstrap.mjs with
 * `workerData.landingWorker` set).
 */
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { setWarningHandler } from '@stationkeeper/core/diagnostics';
import { runDispersionMembers, type DispersionPlan, type MemberLanding } from '@stationkeeper/core/entry';
import { workerExecArgv } from './workerArgs.js';

export interface LandingPoolOptions {
  /** Worker threads (default os.availableParallelism(); 0: run on this thread). */
  workers?: number;
  /** Called with (members done, members in total) as blocks finish. */
  onProgress?: (done: number, total: number) => void;
}

type ToWorker = { plan: DispersionPlan; from: number; to: number };
type FromWorker = { type: 'done'; results: MemberLanding[] } | { type: 'failed'; message: string };

/** Members 0 … members−1 of the plan's ensemble. */
export async function runDispersionParallel(plan: DispersionPlan, members: number, options: LandingPoolOptions = {}): Promise<MemberLanding[]> {
  if (!Number.isInteger(members) || members < 1) throw new RangeError(`members: must be a positive integer, got ${members}`);
  const count = Math.min(members, Math.floor(options.workers ?? availableParallelism()));
  if (count <= 0) {
    const out = runDispersionMembers(plan, 0, members);
    options.onProgress?.(members, members);
    return out;
  }
  const bootstrap = new URL('./sgp4WorkerBootstrap.mjs', import.meta.url);
  const needsTsLoader = import.meta.url.endsWith('.ts');
  const workers: Worker[] = [];
  let done = 0;
  // Blocks of ~25 members, handed out as workers free up (the members differ in cost).
  const blocks: [number, number][] = [];
  for (let k = 0; k < members; k += 25) blocks.push([k, Math.min(members, k + 25)]);
  const results: MemberLanding[] = new Array(members);
  try {
    await Promise.all(
      Array.from({ length: count }, () => {
        const w = new Worker(bootstrap, { execArgv: workerExecArgv(needsTsLoader), workerData: { workerModuleUrl: import.meta.url, needsTsLoader, landingWorker: true } });
        workers.push(w);
        return new Promise<void>((resolve, reject) => {
          let current: [number, number] | undefined;
          const next = () => {
            current = blocks.shift();
            if (!current) return resolve();
            w.postMessage({ plan, from: current[0], to: current[1] } satisfies ToWorker);
          };
          w.on('message', (m: FromWorker) => {
            if (m.type === 'failed') return reject(new Error(`landing worker failed: ${m.message}`));
            for (let i = 0; i < m.results.length; i++) results[current![0] + i] = m.results[i];
            done += m.results.length;
            options.onProgress?.(done, members);
            next();
          });
          w.on('error', reject);
          next();
        });
      }),
    );
    return results;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

if (!isMainThread && parentPort && (workerData as { landingWorker?: boolean } | null)?.landingWorker) {
  const port = parentPort;
  // Members run without EOP by design (UT1 = UTC: ≤ 0.5 km on a ≈ 20 km ellipse); the main thread has already said what it loaded.
  setWarningHandler(() => {});
  port.on('message', (msg: ToWorker) => {
    try {
      port.postMessage({ type: 'done', results: runDispersionMembers(msg.plan, msg.from, msg.to) } satisfies FromWorker);
    } catch (e) {
      port.postMessage({ type: 'failed', message: (e as Error).message } satisfies FromWorker);
    }
  });
}
