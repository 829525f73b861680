// Plain-JS entry of an SGP4 worker thread: Node 20 cannot load TypeScript by itself, so register
// tsx's loader in this thread, then load the TypeScript worker module named by the parent.
import { workerData } from 'node:worker_threads';

if (workerData.needsTsLoader) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(workerData.workerModuleUrl);
