/**
 * Runs one job task in a worker thread: imports the task module the job type named (always a file
 * of this code base), calls its export with the input and a progress reporter that posts to the
 * job's MessagePort.
 */
import type { MessagePort } from 'node:worker_threads';

export interface WorkerTaskMessage {
  moduleUrl: string;
  exportName: string;
  input: unknown;
  port: MessagePort;
}

export type FromTask = { type: 'started' } | { type: 'progress'; fraction: number; message: string };

type TaskFn = (input: unknown, report: (fraction: number, message?: string) => void) => unknown;

export default async function dispatch(task: WorkerTaskMessage): Promise<unknown> {
  const { port } = task;
  try {
    const mod = (await import(task.moduleUrl)) as Record<string, unknown>;
    const fn = mod[task.exportName];
    if (typeof fn !== 'function') throw new Error(`job task ${task.exportName} not found in ${task.moduleUrl}`);
    port.postMessage({ type: 'started' } satisfies FromTask);
    const report = (fraction: number, message = '') => port.postMessage({ type: 'progress', fraction, message } satisfies FromTask);
    return await (fn as TaskFn)(task.input, report);
  } finally {
    port.close();
  }
}
