/** Messages between the parallel screener and its worker threads (structured-clone data only). */
import type { ScreeningShard, ShardResult } from '@stationkeeper/core';
import type { WireSource } from './sgp4WorkerProtocol.js';

export interface ScreeningInitMessage {
  readonly type: 'init';
  readonly sources: WireSource[];
  /** Screening start (t = 0 of every shard) as TAI MJD day and seconds of day. */
  readonly startTai: { readonly mjdDay: number; readonly secondsOfDay: number };
}

export interface ScreeningRunMessage {
  readonly type: 'run';
  readonly id: number;
  readonly shard: ScreeningShard;
}

export type ToScreeningWorker = ScreeningInitMessage | ScreeningRunMessage;
export type FromScreeningWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'done'; readonly id: number; readonly result: ShardResult }
  | { readonly type: 'failed'; readonly id: number; readonly message: string };
