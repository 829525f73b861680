/**
 * The near-Earth SGP4 kernel compiled to WebAssembly (AssemblyScript sources in
 * packages/core/assembly/, built into nearEarthWasm.generated.ts by scripts/build-wasm.mjs): the
 * same equations, record and error codes as nearEarthKernel.ts, computing four times of a satellite
 * per step as two f64x2 vectors (docs/performance.md, "WebAssembly SIMD near-Earth kernel").
 *
 * The module is compiled synchronously on first use, once per thread (WebAssembly.Module:
 * Chromium 156 accepts that on a page's main thread; older versions refused modules over 4 KB
 * there, so in a browser a worker is the safe place). The
 * record and the times are copied into the module's memory and the states copied back, in chunks
 * of CHUNK_TIMES times.
 */
import { VKM_PER_SEC, WGS72_J2, WGS72_RADIUS_KM, XKE } from './constants.js';
import { NEAR_EARTH_STRIDE, type propagateNearEarth } from './nearEarthKernel.js';
import { NEAR_EARTH_WASM_BASE64 } from './nearEarthWasm.generated.js';

const CHUNK_TIMES = 4096;
const PAGE_BYTES = 65536;

interface KernelExports {
  readonly memory: WebAssembly.Memory;
  setConstants(xke: number, j2: number, radiusKm: number, vkmPerSec: number): void;
  propagateSimd(rec: number, baseMin: number, times: number, count: number, pos: number, vel: number, err: number): void;
  sinCosArray(xs: number, out: number, n: number): void;
}

/** One instance of the module with its scratch memory (record, times, states). */
export class NearEarthWasmKernel {
  private readonly ex: KernelExports;
  private readonly recView: Float64Array;
  private readonly timesView: Float64Array;
  private readonly posView: Float64Array;
  private readonly velView: Float64Array;
  private readonly errView: Uint8Array;
  private readonly recPtr: number;
  private readonly timesPtr: number;
  private readonly posPtr: number;
  private readonly velPtr: number;
  private readonly errPtr: number;

  constructor() {
    const bytes = base64Bytes(NEAR_EARTH_WASM_BASE64);
    this.ex = new WebAssembly.Instance(new WebAssembly.Module(bytes), {}).exports as unknown as KernelExports;
    this.ex.setConstants(XKE, WGS72_J2, WGS72_RADIUS_KM, VKM_PER_SEC);
    // Scratch above the module's static data; the module allocates nothing itself.
    const mem = this.ex.memory;
    const base = mem.buffer.byteLength;
    this.recPtr = base;
    this.timesPtr = base + 8 * 64;
    this.posPtr = this.timesPtr + 8 * CHUNK_TIMES;
    this.velPtr = this.posPtr + 24 * CHUNK_TIMES;
    this.errPtr = this.velPtr + 24 * CHUNK_TIMES;
    mem.grow(Math.ceil((this.errPtr + CHUNK_TIMES - base) / PAGE_BYTES));
    const buf = mem.buffer;
    this.recView = new Float64Array(buf, this.recPtr, NEAR_EARTH_STRIDE);
    this.timesView = new Float64Array(buf, this.timesPtr, CHUNK_TIMES);
    this.posView = new Float64Array(buf, this.posPtr, 3 * CHUNK_TIMES);
    this.velView = new Float64Array(buf, this.velPtr, 3 * CHUNK_TIMES);
    this.errView = new Uint8Array(buf, this.errPtr, CHUNK_TIMES);
  }

  /** As propagateNearEarth: the same arguments and output. */
  readonly propagate: typeof propagateNearEarth = (rec, off, baseMin, times, t0, count, pos, vel, err, outIndex) => {
    this.recView.set(rec.subarray(off, off + NEAR_EARTH_STRIDE));
    for (let c = 0; c < count; c += CHUNK_TIMES) {
      const n = Math.min(CHUNK_TIMES, count - c);
      this.timesView.set(times.subarray(t0 + c, t0 + c + n));
      this.ex.propagateSimd(this.recPtr, baseMin, this.timesPtr, n, this.posPtr, this.velPtr, this.errPtr);
      const o = outIndex + c;
      pos.set(this.posView.subarray(0, 3 * n), 3 * o);
      vel.set(this.velView.subarray(0, 3 * n), 3 * o);
      err.set(this.errView.subarray(0, n), o);
    }
  };

  /** sin and cos of every x through the module's two-lane routine (for its tests): [sin, cos] per x. */
  sinCos(xs: Float64Array): Float64Array {
    const out = new Float64Array(2 * xs.length);
    for (let c = 0; c < xs.length; c += CHUNK_TIMES) {
      const n = Math.min(CHUNK_TIMES, xs.length - c);
      this.timesView.fill(0).set(xs.subarray(c, c + n));
      // Four x per step (zeros after the last); results (2 per x) go to the position scratch, which holds 3 per time.
      this.ex.sinCosArray(this.timesPtr, this.posPtr, (n + 3) & ~3);
      out.set(this.posView.subarray(0, 2 * n), 2 * c);
    }
    return out;
  }
}

let shared: NearEarthWasmKernel | undefined;

/** The thread's kernel instance, compiled on first call. */
export function nearEarthWasmKernel(): NearEarthWasmKernel {
  return (shared ??= new NearEarthWasmKernel());
}

function base64Bytes(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const bytes = new Uint8Array(new ArrayBuffer(bin.length));
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}
