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
import { nearEarthWasmKernel } from './nearEarthWasm.js';

/**
 * Which near-Earth kernel a batch uses: 'js' (nearEarthKernel.ts) or 'wasm-simd' (the same
 * equations in WebAssembly SIMD, four times per step, nearEarthWasm.ts; states within
 * 1e-4 mm of 'js', the same error codes).
 */
export type Sgp4NearEarthKernel = 'js' | 'wasm-simd';
export const SGP4_NEAR_EARTH_KERNELS: readonly Sgp4NearEarthKernel[] = ['js', 'wasm-simd'];

export interface Sgp4BatchOptions {
  /** Near-Earth kernel; default 'js'. */
  readonly nearEarthKernel?: Sgp4NearEarthKernel;
}

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

/**
 * An initialised batch as plain typed arrays (structured-clone friendly): a worker thread rebuilds
 * the batch from it without parsing or initialising anything. Deep-space records are packed, one
 * DEEP_SPACE_STRIDE block per deep-space satellite in satellite order; each receiver must hold its
 * own copy (the records carry the resonance integrator's state), which postMessage's copy gives.
 */
export interface Sgp4BatchState {
  readonly models: Uint8Array;
  readonly records: Float64Array;
  readonly deepRecords: Float64Array;
  readonly epochDay: Float64Array;
  readonly epochSec: Float64Array;
  readonly invalidReasons: readonly (readonly [number, string])[];
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
  private readonly singleDeep: (Float64Array | undefined)[] = [];
  /** Scratch of propagateOneMinutes. */
  private readonly oneTime = new Float64Array(1);
  private readonly onePos = new Float64Array(3);
  private readonly oneVel = new Float64Array(3);
  private readonly oneErr = new Uint8Array(1);
  /** The near-Earth kernel's span function (propagateNearEarth or the WebAssembly one). */
  private readonly nearEarthSpan: typeof propagateNearEarth;

  private constructor(
    readonly count: number,
    arrays?: Pick<Sgp4BatchState, 'models' | 'records' | 'epochDay' | 'epochSec'>,
    readonly nearEarthKernel: Sgp4NearEarthKernel = 'js',
  ) {
    if (!SGP4_NEAR_EARTH_KERNELS.includes(nearEarthKernel)) {
      throw new RangeError(`SGP4 batch: unknown near-Earth kernel '${String(nearEarthKernel)}' (${SGP4_NEAR_EARTH_KERNELS.join(', ')})`);
    }
    this.nearEarthSpan = nearEarthKernel === 'js' ? propagateNearEarth : nearEarthWasmKernel().propagate;
    this.models = arrays?.models ?? new Uint8Array(count);
    this.records = arrays?.records ?? new Float64Array(count * NEAR_EARTH_STRIDE);
    this.deepRecords = new Array<Float64Array | undefined>(count);
    this.epochDay = arrays?.epochDay ?? new Float64Array(count);
    this.epochSec = arrays?.epochSec ?? new Float64Array(count);
  }

  /** Build from TLE line pairs or mean elements; bad entries become Invalid (code 7) instead of throwing. */
  static fromSources(sources: readonly Sgp4Source[], options: Sgp4BatchOptions = {}): Sgp4Batch {
    const batch = new Sgp4Batch(sources.length, undefined, options.nearEarthKernel);
    for (let s = 0; s < sources.length; s++) batch.initOne(s, sources[s]);
    return batch;
  }

  /** Build from already-converted SGP4 elements. */
  static fromElements(elements: readonly Sgp4Elements[], options: Sgp4BatchOptions = {}): Sgp4Batch {
    const batch = new Sgp4Batch(elements.length, undefined, options.nearEarthKernel);
    for (let s = 0; s < elements.length; s++) batch.initElements(s, elements[s]);
    return batch;
  }

  /** The batch as typed arrays, to rebuild it elsewhere with fromState. */
  exportState(): Sgp4BatchState {
    let deepCount = 0;
    for (let s = 0; s < this.count; s++) if (this.deepRecords[s] !== undefined) deepCount++;
    const deepRecords = new Float64Array(deepCount * DEEP_SPACE_STRIDE);
    let slot = 0;
    for (let s = 0; s < this.count; s++) {
      const rec = this.deepRecords[s];
      if (rec !== undefined) deepRecords.set(rec, DEEP_SPACE_STRIDE * slot++);
    }
    return {
      models: this.models.slice(),
      records: this.records.slice(),
      deepRecords,
      epochDay: this.epochDay.slice(),
      epochSec: this.epochSec.slice(),
      invalidReasons: [...this.invalidReasons],
    };
  }

  /** Rebuild a batch from exportState's arrays (taken over, not copied). */
  static fromState(state: Sgp4BatchState, options: Sgp4BatchOptions = {}): Sgp4Batch {
    const count = state.models.length;
    if (state.records.length !== count * NEAR_EARTH_STRIDE || state.epochDay.length !== count || state.epochSec.length !== count) {
      throw new RangeError(`SGP4 batch state: array lengths do not match ${count} satellites`);
    }
    const batch = new Sgp4Batch(count, state, options.nearEarthKernel);
    let slot = 0;
    for (let s = 0; s < count; s++) {
      if (state.models[s] !== Sgp4SatelliteModel.DeepSpace) continue;
      if (DEEP_SPACE_STRIDE * (slot + 1) > state.deepRecords.length) throw new RangeError('SGP4 batch state: too few deep-space records');
      batch.deepRecords[s] = state.deepRecords.subarray(DEEP_SPACE_STRIDE * slot, DEEP_SPACE_STRIDE * ++slot);
    }
    for (const [s, reason] of state.invalidReasons) batch.invalidReasons.set(s, reason);
    return batch;
  }

  /**
   * One satellite at `tsinceMin` minutes from its own epoch: [x, y, z, vx, vy, vz] (km, km/s) into
   * out[off…]; returns the SGP4 error code. The same kernels and records as Sgp4Propagator, so the
   * same numbers as Sgp4Propagator.tryPropagateMinutes.
   */
  propagateOneMinutes(s: number, tsinceMin: number, out: Float64Array, off = 0): Sgp4ErrorCode {
    const model = this.models[s];
    if (model === Sgp4SatelliteModel.Invalid) {
      out.fill(NaN, off, off + 6);
      return Sgp4ErrorCode.InvalidElements;
    }
    this.oneTime[0] = tsinceMin;
    const { oneTime: t, onePos: p, oneVel: v, oneErr: e } = this;
    if (model === Sgp4SatelliteModel.NearEarth) this.nearEarthSpan(this.records, s * NEAR_EARTH_STRIDE, 0, t, 0, 1, p, v, e, 0);
    else propagateDeepSpace(this.singleDeepRecord(s), 0, 0, t, 0, 1, p, v, e, 0);
    out[off] = p[0];
    out[off + 1] = p[1];
    out[off + 2] = p[2];
    out[off + 3] = v[0];
    out[off + 4] = v[1];
    out[off + 5] = v[2];
    return e[0] as Sgp4ErrorCode;
  }

  /**
   * A second deep-space record for single states: batch propagation walks the grid forward while
   * single states jump back and forth, and a shared resonance integrator would restart from epoch
   * at every jump back (the numbers are the same either way; the work is not).
   */
  private singleDeepRecord(s: number): Float64Array {
    let rec = this.singleDeep[s];
    if (rec === undefined) this.singleDeep[s] = rec = (this.deepRecords[s] as Float64Array).slice();
    return rec;
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
        this.nearEarthSpan(this.records, s * NEAR_EARTH_STRIDE, baseMin, times.minutes, t0, count, pos, vel, err, outIndex);
      } else {
        propagateDeepSpace(this.deepRecords[s] as Float64Array, 0, baseMin, times.minutes, t0, count, pos, vel, err, outIndex);
      }
    }
  }
}
