/**
 * `stationkeeper screen … --queue redis://host:port`: the same screening, cut into the same kind of
 * shards, run by `stationkeeper worker` processes on any machine that reaches the Redis server.
 * The server package (BullMQ) is loaded only when a queue is named.
 */
import type { ScreeningOptions, ScreeningResult, Sgp4Source } from '@stationkeeper/core';
import { UsageError } from '../util/options.js';

export interface ScreenQueueRequest {
  readonly sources: readonly Sgp4Source[];
  readonly options: ScreeningOptions;
  /** Time slices (default 16 with a primary, 24 all-vs-all). */
  readonly timeSlices?: number;
}

export interface ScreenQueueHooks {
  /** Shards done / total; default: a progress line on stderr. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Notices (no worker listening, a shard stalled); default: stderr. */
  readonly onNotice?: (message: string) => void;
  /** Each finished shard, with its attempts (tests, logs). */
  readonly onShardDone?: (info: import('@stationkeeper/server').ShardRunInfo) => void;
  readonly timeoutMs?: number;
}

function stderrProgress(): (done: number, total: number) => void {
  const tty = process.stderr.isTTY === true;
  return (done, total) => {
    if (tty) process.stderr.write(`\rshards ${done}/${total}${done === total ? '\n' : ''}`);
    else if (done === total || done === 0) process.stderr.write(`shards ${done}/${total}\n`);
  };
}

export async function runScreenOnQueue(request: ScreenQueueRequest, queueUrl: string, hooks: ScreenQueueHooks = {}): Promise<ScreeningResult> {
  const { screenOnQueue, parseQueueUrl, QueueUrlError } = await import('@stationkeeper/server');
  try {
    parseQueueUrl(queueUrl);
  } catch (e) {
    if (e instanceof QueueUrlError) throw new UsageError(e.message);
    throw e;
  }
  // Ctrl-C / SIGTERM: take this run's shards and catalogue out of Redis before exiting.
  const abort = new AbortController();
  const onSignal = (): void => abort.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await screenOnQueue({ sources: request.sources, options: request.options, timeSlices: request.timeSlices }, queueUrl, {
      onProgress: hooks.onProgress ?? stderrProgress(),
      onNotice: hooks.onNotice ?? ((m) => process.stderr.write(`note: ${m}\n`)),
      onShardDone: hooks.onShardDone,
      timeoutMs: hooks.timeoutMs,
      signal: abort.signal,
    });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
