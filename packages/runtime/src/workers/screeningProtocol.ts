/** Messages between the parallel screener and its worker threads (structured-clone data only). */
import type { ScreeningShard, ShardResult, Sgp4TrajectoriesState } from '@stationkeeper/core';

export interface ScreeningInitMessage {
  readonly type: 'init';
  /**
   * The catalogue as the coordinator initialised it (SGP4 records, epoch offsets): the worker
   * neither parses nor initialises an element set. postMessage copies it, so each worker holds
   * its own records (deep-space records carry the resonance integrator's state).
   */
  readonly state: Sgp4TrajectoriesState;
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
