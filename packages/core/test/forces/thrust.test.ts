import { describe, expect, it } from 'vitest';
import {
  applyImpulsiveDeltaV,
  FiniteBurnForce,
  localToInertial,
  massAfterDeltaV,
  rocketEquationDeltaV,
  STANDARD_GRAVITY_MPS2,
} from '../../src/models/forces/thrust.js';
import { Epoch } from '../../src/foundation/time/epoch.js';
import { makeContext, norm } from './context.js';

const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];

describe('local frames and impulsive Δv', () => {
  const r = [6.0e6, 2.0e6, 1.5e6];
  const v = [-2.1e3, 6.9e3, 1.2e3]; // not circular: V ≠ T
  it('VNB and RTN axes are orthonormal and right-handed', () => {
    for (const frame of ['VNB', 'RTN'] as const) {
      const e = [0, 1, 2].map((i) => localToInertial(frame, r, v, [i === 0 ? 1 : 0, i === 1 ? 1 : 0, i === 2 ? 1 : 0], new Float64Array(3)));
      for (let i = 0; i < 3; i++) {
        expect(norm(e[i])).toBeCloseTo(1, 15);
        for (let j = i + 1; j < 3; j++) expect(Math.abs(dot(e[i], e[j]))).toBeLessThan(1e-15);
      }
      const cross = [e[0][1] * e[1][2] - e[0][2] * e[1][1], e[0][2] * e[1][0] - e[0][0] * e[1][2], e[0][0] * e[1][1] - e[0][1] * e[1][0]];
      expect(dot(cross, e[2])).toBeCloseTo(1, 15);
      if (frame === 'VNB') expect(dot(e[0], v) / norm(v)).toBeCloseTo(1, 15);
      if (frame === 'RTN') {
        expect(dot(e[0], r) / norm(r)).toBeCloseTo(1, 15);
        expect(dot(e[1], v)).toBeGreaterThan(0); // T points along the motion
      }
    }
  });
  it('a prograde VNB burn adds |Δv| along v; RTN N and VNB N are the same axis; inertial is as given', () => {
    const out = applyImpulsiveDeltaV(r, v, [1.5, 0, 0], 'VNB', new Float64Array(3));
    expect(norm(out) - norm(v)).toBeCloseTo(1.5, 9);
    const nV = applyImpulsiveDeltaV(r, v, [0, 2, 0], 'VNB', new Float64Array(3));
    const nR = applyImpulsiveDeltaV(r, v, [0, 0, 2], 'RTN', new Float64Array(3));
    for (let i = 0; i < 3; i++) expect(nV[i]).toBeCloseTo(nR[i], 9);
    expect(Array.from(applyImpulsiveDeltaV(r, v, [1, 2, 3], 'inertial', new Float64Array(3)))).toEqual([v[0] + 1, v[1] + 2, v[2] + 3]);
    expect(() => applyImpulsiveDeltaV(r, v, [1, 0, 0], 'LVLH' as never, new Float64Array(3))).toThrow(/frame: must be 'VNB', 'RTN' or 'inertial'/);
  });
  it('rocket equation helpers: g0 = 9.80665 exactly; m1 = m0 e^(−Δv/(Isp g0))', () => {
    expect(STANDARD_GRAVITY_MPS2).toBe(9.80665);
    const m1 = massAfterDeltaV(420000, 1.0, 300);
    expect(rocketEquationDeltaV(420000, m1, 300)).toBeCloseTo(1.0, 12);
    expect(420000 - m1).toBeCloseTo(142.7, 1); // ISS 1 m/s reboost at Isp 300 s: ~143 kg
  });
});

describe('finite burn', () => {
  it('free-space burn integrated with RK4 reproduces Δv = Isp g0 ln(m0/m1) (Tsiolkovsky)', () => {
    const burn = new FiniteBurnForce({ thrustN: 4000, ispS: 310, direction: [0, 0, 1], frame: 'inertial', startTSeconds: 0, durationS: 600 });
    const ctx = makeContext({ r: [0, 0, 0], v: [0, 0, 0], massKg: 2000 });
    // State y = (vz, m); no gravity.
    const f = (t: number, vz: number, m: number): [number, number] => {
      ctx.tSeconds = t;
      ctx.vGcrfMps[2] = vz;
      ctx.massKg = m;
      const a = new Float64Array(3);
      burn.addAcceleration(ctx, a);
      return [a[2], burn.massRateKgPerS(ctx)];
    };
    let vz = 0;
    let m = 2000;
    const h = 1;
    for (let t = 0; t < 600; t += h) {
      const k1 = f(t, vz, m);
      const k2 = f(t + h / 2, vz + (h / 2) * k1[0], m + (h / 2) * k1[1]);
      const k3 = f(t + h / 2, vz + (h / 2) * k2[0], m + (h / 2) * k2[1]);
      const k4 = f(t + h * (1 - 1e-12), vz + h * k3[0], m + h * k3[1]); // end of the step, inside the window
      vz += (h / 6) * (k1[0] + 2 * k2[0] + 2 * k3[0] + k4[0]);
      m += (h / 6) * (k1[1] + 2 * k2[1] + 2 * k3[1] + k4[1]);
    }
    const mdot = 4000 / (310 * 9.80665);
    expect(m).toBeCloseTo(2000 - 600 * mdot, 9); // 1210.7 kg
    const dv = 310 * 9.80665 * Math.log(2000 / m);
    expect(Math.abs(vz - dv) / dv).toBeLessThan(1e-10);
    expect(vz).toBeGreaterThan(1500);
  });

  it('on only inside [start, stop), by epoch or tSeconds; mass rate zero outside', () => {
    const start = Epoch.fromUtc(2024, 1, 1, 12);
    const burn = new FiniteBurnForce({ thrustN: 100, ispS: 300, direction: [1, 0, 0], frame: 'VNB', startEpoch: start, stopEpoch: start.plusSeconds(60) });
    const at = (s: number) => makeContext({ epoch: start.plusSeconds(s), massKg: 1000 });
    expect(burn.isBurning(at(-0.001))).toBe(false);
    expect(burn.isBurning(at(0))).toBe(true);
    expect(burn.isBurning(at(59.999))).toBe(true);
    expect(burn.isBurning(at(60))).toBe(false);
    expect(burn.massRateKgPerS(at(70))).toBe(0);
    expect(burn.massRateKgPerS(at(10))).toBeCloseTo(-100 / (300 * 9.80665), 15);
    // VNB prograde: along v; magnitude F/m.
    const ctx = at(10);
    const a = new Float64Array(3);
    burn.addAcceleration(ctx, a);
    expect(a[1]).toBeCloseTo(0.1, 15);
    expect(Math.abs(a[0]) + Math.abs(a[2])).toBeLessThan(1e-18);
  });

  it('rejects bad burns with the field name', () => {
    const base = { thrustN: 1, ispS: 300, direction: [1, 0, 0], frame: 'RTN' as const, startTSeconds: 0, durationS: 1 };
    expect(() => new FiniteBurnForce({ ...base, thrustN: 0 })).toThrow(/thrustN: must be positive/);
    expect(() => new FiniteBurnForce({ ...base, ispS: -1 })).toThrow(/ispS: must be positive/);
    expect(() => new FiniteBurnForce({ ...base, direction: [0, 0, 0] })).toThrow(/direction: must be a non-zero 3-vector/);
    expect(() => new FiniteBurnForce({ ...base, durationS: 0 })).toThrow(/stop must be after start/);
    expect(() => new FiniteBurnForce({ ...base, startTSeconds: undefined })).toThrow(/exactly one of startEpoch or startTSeconds/);
  });
});
