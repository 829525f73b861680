/** Messages between the parallel SGP4 runner and its worker threads (structured-clone data only). */
import type { Sgp4BatchState, Sgp4NearEarthKernel } from '@stationkeeper/core';

/** Every worker receives the whole batch, initialised once by the coordinator. */
export interface InitMessage {
  readonly type: 'init';
  readonly state: Sgp4BatchState;
  readonly nearEarthKernel: Sgp4NearEarthKernel;
}

export interface RunMessage {
  readonly type: 'run';
  readonly id: number;
  /** Minutes (SharedArrayBuffer-backed) and how to read them; see Sgp4ResolvedTimes. */
  readonly minutes: Float64Array;
  readonly timesPerSatellite: number;
  readonly perSatellite: boolean;
  readonly refTaiMjdDay: number | null;
  readonly refTaiSecondsOfDay: number;
  readonly timeFrom: number;
  readonly timeTo: number;
  readonly satellites: number;
  /**
   * Work units of `unitSatellites` satellites each; a worker claims the next unit by
   * Atomics.add on nextUnit[0] until none is left, so a faster or less loaded thread takes more.
   */
  readonly nextUnit: Int32Array;
  readonly unitSatellites: number;
  readonly positionKm: Float64Array;
  readonly velocityKmPerS: Float64Array;
  readonly errors: Uint8Array;
}

export type ToWorker = InitMessage | RunMessage | { readonly type: 'exit' };
export type FromWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'done'; readonly id: number }
  | { readonly type: 'failed'; readonly id: number; readonly message: string };
