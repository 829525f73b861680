/**
 * The WebAssembly SIMD near-Earth kernel (nearEarthWasm.ts; AssemblyScript in packages/core/assembly)
 * against the JavaScript kernel: their two-lane sin/cos against Math.sin/Math.cos, then every
 * state of the catalogue within 1 mm and 1 mm/s with the same error codes, odd counts, chunks,
 * mixed batches and worker threads. (Vallado's set: sgp4Vallado.test.ts runs it on every kernel.)
 */
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ParallelSgp4Batch } from '@stationkeeper/runtime';
import { sharedDataAvailable } from '../../../../test/sharedData.js';
import { Sgp4Batch, Sgp4SatelliteModel, type Sgp4BatchResult, type Sgp4NearEarthKernel } from '../../src/propagation/index.js';
import { nearEarthWasmKernel } from '../../src/propagation/sgp4/nearEarthWasm.js';
import { catalogueTles, ISS, MOLNIYA } from './sgp4Fixtures.js';

const ULP_OF_ONE = 2 ** -52;

/** Largest |Δ| of the module's sin and cos against Math.sin, Math.cos over xs. */
function worstSinCosError(xs: number[]): number {
  const out = nearEarthWasmKernel().sinCos(Float64Array.from(xs));
  let worst = 0;
  xs.forEach((x, i) => {
    worst = Math.max(worst, Math.abs(out[2 * i] - Math.sin(x)), Math.abs(out[2 * i + 1] - Math.cos(x)));
  });
  return worst;
}

describe('WebAssembly two-lane sin/cos', () => {
  it('is within 2 ulp of 1 of Math.sin/Math.cos for angles up to 1e6 rad (3,000 fast-check cases)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 40 }), (xs) => {
        expect(worstSinCosError(xs)).toBeLessThanOrEqual(2 * ULP_OF_ONE);
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps relative accuracy near zero, takes the library path beyond 1e8 rad, and gives NaN for NaN and ±∞', () => {
    const small = [1e-300, -3e-200, 1e-9, -2.5e-5, 0.001, -0.3];
    const out = nearEarthWasmKernel().sinCos(Float64Array.from(small));
    small.forEach((x, i) => expect(Math.abs(out[2 * i] - Math.sin(x))).toBeLessThanOrEqual(2 * Math.abs(Math.sin(x)) * ULP_OF_ONE));
    expect(worstSinCosError([1e8, -3.3e9, 1e15, 7e20])).toBeLessThanOrEqual(ULP_OF_ONE);
    const bad = nearEarthWasmKernel().sinCos(Float64Array.from([NaN, Infinity, -Infinity]));
    expect(Array.from(bad).every(Number.isNaN)).toBe(true);
  });
});

interface Agreement {
  states: number;
  errors: number;
  worstPosKm: number;
  worstVelKmS: number;
}

/** Every (sat, time) of `got` against `ref`: same error code, ≤ 1 mm and ≤ 1 mm/s, NaN states on errors. */
function expectAgreement(got: Sgp4BatchResult, ref: Sgp4BatchResult, what: string): Agreement {
  const a: Agreement = { states: 0, errors: 0, worstPosKm: 0, worstVelKmS: 0 };
  const m = ref.timesPerSatellite;
  for (let o = 0; o < ref.errors.length; o++) {
    if (got.errors[o] !== ref.errors[o]) expect.fail(`${what}: satellite ${Math.floor(o / m)} time ${o % m}: code ${got.errors[o]}, JS kernel ${ref.errors[o]}`);
    const p = 3 * o;
    if (ref.errors[o] !== 0) {
      a.errors++;
      expect(Number.isNaN(got.positionKm[p]) && Number.isNaN(got.velocityKmPerS[p + 2])).toBe(true);
      continue;
    }
    const dp = Math.hypot(got.positionKm[p] - ref.positionKm[p], got.positionKm[p + 1] - ref.positionKm[p + 1], got.positionKm[p + 2] - ref.positionKm[p + 2]);
    const dv = Math.hypot(got.velocityKmPerS[p] - ref.velocityKmPerS[p], got.velocityKmPerS[p + 1] - ref.velocityKmPerS[p + 1], got.velocityKmPerS[p + 2] - ref.velocityKmPerS[p + 2]);
    if (!(dp <= 1e-6 && dv <= 1e-6)) expect.fail(`${what}: satellite ${Math.floor(o / m)} time ${o % m}: |Δr| ${dp * 1e6} mm, |Δv| ${dv * 1e6} mm/s`);
    a.worstPosKm = Math.max(a.worstPosKm, dp);
    a.worstVelKmS = Math.max(a.worstVelKmS, dv);
    a.states++;
  }
  return a;
}

describe.skipIf(!sharedDataAvailable())('WebAssembly SIMD near-Earth kernel against the JavaScript kernel, whole catalogue', () => {
  const tles = sharedDataAvailable() ? catalogueTles() : [];
  // ±1 week, odd count (the SIMD kernel's last pair has one time), out of order.
  const weekMinutes = Float64Array.from([-10080, -1440, -97.3, 0, 1, 45.5, 360, 1440, 4321.7, 10080, 2.5]);
  // One day at 7-min steps: many Newton-step patterns per object.
  const dayMinutes = Float64Array.from({ length: 206 }, (_, j) => j * 7);

  it('every state within 1 mm / 1 mm/s with the same error codes (±1 week, and one day at 7-min steps)', () => {
    const kernel = 'wasm-simd';
    const js = Sgp4Batch.fromSources(tles);
    const wasm = Sgp4Batch.fromSources(tles, { nearEarthKernel: kernel });
    expect(wasm.nearEarthKernel).toBe(kernel);
    const near = tles.filter((_, s) => js.models[s] === Sgp4SatelliteModel.NearEarth).length;
    expect(near).toBeGreaterThan(15000);
    const week = expectAgreement(wasm.propagate({ kind: 'minutesSinceEpoch', minutes: weekMinutes }), js.propagate({ kind: 'minutesSinceEpoch', minutes: weekMinutes }), `${kernel} ±1 week`);
    const day = expectAgreement(wasm.propagate({ kind: 'minutesSinceEpoch', minutes: dayMinutes }), js.propagate({ kind: 'minutesSinceEpoch', minutes: dayMinutes }), `${kernel} one day`);
    console.info(
      `${kernel} vs JS kernel, catalogue (${tles.length} objects, ${near} near-Earth): ±1 week ${week.states} states, ${week.errors} errors agreed, ` +
        `worst ${(week.worstPosKm * 1e6).toFixed(5)} mm; one day ${day.states} states, ${day.errors} errors agreed, worst ${(day.worstPosKm * 1e6).toFixed(5)} mm, ${(day.worstVelKmS * 1e6).toExponential(1)} mm/s`,
    );
    expect(week.errors).toBeGreaterThan(0); // decayed objects exercise the error paths
    expect(day.errors).toBeGreaterThan(0);
  });
});


describe('WebAssembly SIMD near-Earth kernel: batch paths', () => {
  const open: ParallelSgp4Batch[] = [];
  afterAll(async () => {
    await Promise.all(open.map((b) => b.close()));
  });

  it('more times than one chunk (4,096), odd counts, sub-ranges, single states, mixed and invalid satellites', () => {
    const kernel = 'wasm-simd';
    const sources = [ISS, MOLNIYA, { line1: 'garbage', line2: 'garbage' }, ISS];
    const minutes = Float64Array.from({ length: 9001 }, (_, j) => j * 1.1 - 3000);
    const js = Sgp4Batch.fromSources(sources);
    const wasm = Sgp4Batch.fromSources(sources, { nearEarthKernel: kernel });
    const all = expectAgreement(wasm.propagate({ kind: 'minutesSinceEpoch', minutes }), js.propagate({ kind: 'minutesSinceEpoch', minutes }), kernel);
    expect(all.errors).toBe(9001); // the invalid satellite
    // A sub-range of odd length starting at an odd index.
    const out = wasm.propagate({ kind: 'minutesSinceEpoch', minutes });
    out.positionKm.fill(0);
    wasm.propagateRange({ minutes, timesPerSatellite: 9001, perSatellite: false, refTaiMjdDay: null, refTaiSecondsOfDay: 0 }, 0, 1, 3, 8, out);
    const ref = js.propagate({ kind: 'minutesSinceEpoch', minutes });
    for (let j = 0; j < 9001; j++) {
      const inside = j >= 3 && j < 8;
      if (!inside) expect(out.positionKm[3 * j]).toBe(0);
      else expect(Math.abs(out.positionKm[3 * j] - ref.positionKm[3 * j])).toBeLessThan(1e-9);
    }
    const one = new Float64Array(6);
    const two = new Float64Array(6);
    expect(wasm.propagateOneMinutes(0, 123.4, one)).toBe(js.propagateOneMinutes(0, 123.4, two));
    one.forEach((v, i) => expect(Math.abs(v - two[i])).toBeLessThan(1e-9));
  });

  it('runs in worker threads: ParallelSgp4Batch with wasm-simd gives the bits of the serial wasm-simd batch', async () => {
    const sources = Array.from({ length: 600 }, (_, k) => (k % 5 === 0 ? MOLNIYA : ISS));
    const minutes = Float64Array.from({ length: 31 }, (_, j) => j * 9.5 - 50);
    const serial = Sgp4Batch.fromSources(sources, { nearEarthKernel: 'wasm-simd' }).propagate({ kind: 'minutesSinceEpoch', minutes });
    const par = await ParallelSgp4Batch.create(sources, { workers: 2, nearEarthKernel: 'wasm-simd' });
    open.push(par);
    const got = await par.propagate({ kind: 'minutesSinceEpoch', minutes });
    expect(Array.from(got.errors)).toEqual(Array.from(serial.errors));
    expect(Array.from(got.positionKm)).toEqual(Array.from(serial.positionKm));
    expect(Array.from(got.velocityKmPerS)).toEqual(Array.from(serial.velocityKmPerS));
  });

  it('rejects an unknown kernel name with the choices', () => {
    expect(() => Sgp4Batch.fromSources([ISS], { nearEarthKernel: 'gpu' as Sgp4NearEarthKernel })).toThrow(/unknown near-Earth kernel 'gpu' \(js, wasm-simd\)/);
  });
});
