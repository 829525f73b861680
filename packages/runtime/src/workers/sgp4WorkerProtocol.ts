/** Messages between the parallel SGP4 runner and its worker threads (structured-clone data only). */
import type { MeanElements } from '@stationkeeper/core';
import type { Sgp4NearEarthKernel, Sgp4TleLines } from '@stationkeeper/core';

/** Mean elements with the epoch as plain TAI numbers (Epoch instances do not survive cloning). */
export type WireMeanElements = Omit<MeanElements, 'epoch'> & { epoch: { taiMjdDay: number; taiSecondsOfDay: number } };
export type WireSource = Sgp4TleLines | WireMeanElements;

/** A contiguous run of satellites: local index in the worker's batch → global result row. */
export interface WireChunk {
  readonly localStart: number;
  readonly globalStart: number;
  readonly count: number;
}

export interface InitMessage {
  readonly type: 'init';
  readonly sources: WireSource[];
  readonly chunks: WireChunk[];
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
  readonly positionKm: Float64Array;
  readonly velocityKmPerS: Float64Array;
  readonly errors: Uint8Array;
}

export type ToWorker = InitMessage | RunMessage | { readonly type: 'exit' };
export type FromWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'done'; readonly id: number }
  | { readonly type: 'failed'; readonly id: number; readonly message: string };
