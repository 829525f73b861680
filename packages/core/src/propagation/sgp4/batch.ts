/**
 * Batch SGP4: N satellites × M times into flat Float64Arrays, never throwing for one bad
 * satellite. Near-Earth objects go through the project's allocation-free SGP4 kernel, deep-space
 * ones through its SDP4 kernel (satellite.js is only the test oracle and benchmark peer).
 *
 * Output layout, [sat][time][xyz]: for satellite s and time j (M times per satellite),
 *   positionKm[3·(s·M + j) + c], velocityKmPerS[3·(s·M + j) + c], c = 0,1,2 (TEME x, y, z),
 *   errors[s·M + j] = SGP4 error code (0 = fine; see Sgp4ErrorCode), NaN state where non-zero.
 */
import type { Epoch } from '../../foundation/time/epoch.js';
import { SECONDS_PER_DAY } from '../../foundation/time/epoch.js';
import { sgp4ElementsFromMeanElements, sgp4ElementsFromTle, isSgp4TleLines, type Sgp4Elements, type Sgp4Source } from './elements.js';
import { Sgp4ErrorCode } from './errors.js';
import { initNearEarthRecord, NearEarthInit, NEAR_EARTH_STRIDE, propagateNearEarth } from './nearEarthKernel.js';
import { DEEP_SPACE_STRIDE, initDeepSpaceRecord, propagateDeepSpace } from './deepSpaceKernel.js';

/** Times to propagate to. */
export type Sgp4BatchTimes =
  /** The same absolute instants for every satellite. */
  | { readonly kind: 'epochs'; readonly epochs: readonly Epoch[] }
  /**
   * Minutes after each satellite's own epoch: `minutes` (length M) applies to every satellite, or,
   * with `perSatellite: true`, holds N·M values laid out [sat][time].
   */
  | { readonly kind: 'minutesSinceEpoch'; readonly minutes: Float64Array; readonly perSatellite?: boolean };

/**
 * Times reduced to plain numbers (structured-clone friendly, for workers): tsince of satellite s
 * at time j = minutes[(perSatellite ? s·M : 0) + j] + (ref ? (ref − epoch_s) in minutes : 0).
 */
export interface Sgp4ResolvedTimes {
  readonly minutes: Float64Array;
  readonly timesPerSatellite: number;
  readonly perSatellite: boolean;
  /** Reference instant of absolute times (TAI MJD day and seconds of day), or null. */
  readonly refTaiMjdDay: number | null;
  readonly refTaiSecondsOfDay: number;
}

export interface Sgp4BatchResult {
  readonly satellites: number;
  readonly timesPerSatellite: number;
  /** TEME position, km, [sat][time][xyz]. */
  readonly positionKm: Float64Array;
  /** TEME velocity, km/s, [sat][time][xyz]. */
  readonly velocityKmPerS: Float64Array;
  /** SGP4 error code per (sat, time), [sat][time]. */
  readonly errors: Uint8Array;
}

/** How each satellite of a batch is propagated. */
export const Sgp4SatelliteModel = { NearEarth: 0, DeepSpace: 1, Invalid: 2 } as const;
export type Sgp4SatelliteModel = (typeof Sgp4SatelliteModel)[keyof typeof Sgp4SatelliteModel];

/** Allocate a result for N satellites × M times (optionally on a SharedArrayBuffer). */
export function allocateSgp4BatchResult(satellites: number, timesPerSatellite: number, shared = false): Sgp4BatchResult {
  const n = satellites * timesPerSatellite;
  const buf = (bytes: number): ArrayBufferLike => (shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
  return {
    satellites,
    timesPerSatellite,
    positionKm: new Float64Array(buf(n * 24)),
    velocityKmPerS: new Float64Array(buf(n * 24)),
    errors: new Uint8Array(buf(n)),
  };
}

/** Turn user-facing times into the numeric form the kernels take. */
export function resolveSgp4BatchTimes(times: Sgp4BatchTimes, satellites: number): Sgp4ResolvedTimes {
  if (times.kind === 'epochs') {
    const m = times.epochs.length;
    const minutes = new Float64Array(m);
    if (m === 0) return { minutes, timesPerSatellite: 0, perSatellite: false, refTaiMjdDay: null, refTaiSecondsOfDay: 0 };
    const ref = times.epochs[0];
    for (let j = 0; j < m; j++) minutes[j] = times.epochs[j].secondsSince(ref) / 60;
    return { minutes, timesPerSatellite: m, perSatellite: false, refTaiMjdDay: ref.taiMjdDay, refTaiSecondsOfDay: ref.taiSecondsOfDay };
  }
  if (times.perSatellite) {
    if (satellites === 0 || times.minutes.length % satellites !== 0) {
      throw new RangeError(`batch times: ${times.minutes.length} per-satellite minutes is not a multiple of ${satellites} satellites`);
    }
    return { minutes: times.minutes, timesPerSatellite: times.minutes.length / satellites, perSatellite: true, refTaiMjdDay: null, refTaiSecondsOfDay: 0 };
  }
  return { minutes: times.minutes, timesPerSatellite: times.minutes.length, perSatellite: false, refTaiMjdDay: null, refTaiSecondsOfDay: 0 };
}

/** A set of satellites initialised once and propagated to any number of time sets. */
export class Sgp4Batch {
  /** Model per satellite (NearEarth, DeepSpace, Invalid). */
  readonly models: Uint8Array;
  /** Why a satellite is Invalid (index → message). */
  readonly invalidReasons = new Map<number, string>();
  private readonly records: Float64Array;
  /** Deep-space records (own SDP4 kernel), one per deep-space satellite. */
  private readonly deepRecords: (Float64Array | undefined)[];
  private readonly epochDay: Float64Array;
  private readonly epochSec: Float64Array;

  private constructor(readonly count: number) {
    this.models = new Uint8Array(count);
    this.records = new Float64Array(count * NEAR_EARTH_STRIDE);
    this.deepRecords = new Array<Float64Array | undefined>(count);
    this.epochDay = new Float64Array(count);
    this.epochSec = new Float64Array(count);
  }

  /** Build from TLE line pairs or mean elements; bad entries become Invalid (code 7) instead of throwing. */
  static fromSources(sources: readonly Sgp4Source[]): Sgp4Batch {
    const batch = new Sgp4Batch(sources.length);
    for (let s = 0; s < sources.length; s++) batch.initOne(s, sources[s]);
    return batch;
  }

  /** Build from already-converted SGP4 elements. */
  static fromElements(elements: readonly Sgp4Elements[]): Sgp4Batch {
    const batch = new Sgp4Batch(elements.length);
    for (let s = 0; s < elements.length; s++) batch.initElements(s, elements[s]);
    return batch;
  }

  private initOne(s: number, source: Sgp4Source): void {
    let el: Sgp4Elements;
    try {
      el = isSgp4TleLines(source) ? sgp4ElementsFromTle(source.line1, source.line2) : sgp4ElementsFromMeanElements(source);
    } catch (e) {
      this.markInvalid(s, (e as Error).message);
      return;
    }
    this.initElements(s, el);
  }

  private initElements(s: number, el: Sgp4Elements): void {
    this.epochDay[s] = el.epoch.taiMjdDay;
    this.epochSec[s] = el.epoch.taiSecondsOfDay;
    const status = initNearEarthRecord(el, this.records, s * NEAR_EARTH_STRIDE);
    if (status === NearEarthInit.Ok) {
      this.models[s] = Sgp4SatelliteModel.NearEarth;
    } else if (status === NearEarthInit.DeepSpace) {
      this.models[s] = Sgp4SatelliteModel.DeepSpace;
      const deep = new Float64Array(DEEP_SPACE_STRIDE);
      initDeepSpaceRecord(el, deep, 0);
      this.deepRecords[s] = deep;
    } else {
      this.markInvalid(s, 'elements cannot be propagated (non-finite value, e outside [0, 1) or n ≤ 0)');
    }
  }

  private markInvalid(s: number, reason: string): void {
    this.models[s] = Sgp4SatelliteModel.Invalid;
    this.invalidReasons.set(s, reason);
    this.epochDay[s] = NaN;
    this.epochSec[s] = NaN;
  }

  /** Propagate every satellite to `times`; fills (or allocates) a result laid out [sat][time][xyz]. */
  propagate(times: Sgp4BatchTimes, out?: Sgp4BatchResult): Sgp4BatchResult {
    const resolved = resolveSgp4BatchTimes(times, this.count);
    const m = resolved.timesPerSatellite;
    const result = out ?? allocateSgp4BatchResult(this.count, m);
    if (result.satellites !== this.count || result.timesPerSatellite !== m) {
      throw new RangeError(`batch result is ${result.satellites}×${result.timesPerSatellite}, expected ${this.count}×${m}`);
    }
    this.propagateRange(resolved, 0, this.count, 0, m, result);
    return result;
  }

  /**
   * Propagate satellites [satFrom, satTo) at time indices [timeFrom, timeTo) into `out`, whose
   * first satellite is `outSatOffset` (results for satellite s go to row s − outSatOffset). This
   * is the unit of work the parallel runner hands to each worker. Per-satellite minutes are read
   * by result row.
   */
  propagateRange(
    times: Sgp4ResolvedTimes,
    satFrom: number,
    satTo: number,
    timeFrom: number,
    timeTo: number,
    out: Sgp4BatchResult,
    outSatOffset = 0,
  ): void {
    const m = times.timesPerSatellite;
    const count = timeTo - timeFrom;
    if (count <= 0) return;
    const { positionKm: pos, velocityKmPerS: vel, errors: err } = out;
    const absolute = times.refTaiMjdDay !== null;
    for (let s = satFrom; s < satTo; s++) {
      const row = s - outSatOffset;
      const outIndex = row * m + timeFrom;
      // Per-satellite minutes follow the result rows.
      const t0 = (times.perSatellite ? row * m : 0) + timeFrom;
      const model = this.models[s];
      if (model === Sgp4SatelliteModel.Invalid) {
        pos.fill(NaN, 3 * outIndex, 3 * (outIndex + count));
        vel.fill(NaN, 3 * outIndex, 3 * (outIndex + count));
        err.fill(Sgp4ErrorCode.InvalidElements, outIndex, outIndex + count);
        continue;
      }
      // (reference instant − satellite epoch) in minutes, from TAI day/seconds without rounding.
      const baseMin = absolute
        ? (((times.refTaiMjdDay as number) - this.epochDay[s]) * SECONDS_PER_DAY + (times.refTaiSecondsOfDay - this.epochSec[s])) / 60
        : 0;
      if (model === Sgp4SatelliteModel.NearEarth) {
        propagateNearEarth(this.records, s * NEAR_EARTH_STRIDE, baseMin, times.minutes, t0, count, pos, vel, err, outIndex);
      } else {
        propagateDeepSpace(this.deepRecords[s] as Float64Array, 0, baseMin, times.minutes, t0, count, pos, vel, err, outIndex);
      }
    }
  }
}
