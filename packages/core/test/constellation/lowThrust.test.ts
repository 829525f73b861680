/**
 * Low-thrust raise against an independent method: Cartesian two-body motion integrated with RK4
 * (2-s steps) under the same thrust law — tangential thrust for the coplanar spiral, out-of-plane
 * thrust switching sign at the antinodes for the plane change (Edelbaum's π/2 factor).
 */
import { describe, expect, it } from 'vitest';
import { edelbaumDeltaVMps, lowThrustRaise } from '../../src/analysis/constellation/index.js';
import { WGS72_EQUATORIAL_RADIUS_M, WGS72_MU_M3_PER_S2 } from '../../src/foundation/elements/index.js';

const MU = WGS72_MU_M3_PER_S2;

type Thrust = (s: number[]) => number[];

/** RK4 of two-body motion with an extra acceleration; returns the final state. */
function integrate(s0: number[], accel: Thrust, durationS: number, dt = 2): number[] {
  const f = (s: number[]) => {
    const r = Math.hypot(s[0], s[1], s[2]);
    const a = accel(s);
    return [s[3], s[4], s[5], (-MU * s[0]) / r ** 3 + a[0], (-MU * s[1]) / r ** 3 + a[1], (-MU * s[2]) / r ** 3 + a[2]];
  };
  let s = s0;
  const add = (x: number[], k: number[], h: number) => x.map((v, j) => v + h * k[j]);
  for (let t = 0; t < durationS - 1e-9; t += dt) {
    const h = Math.min(dt, durationS - t);
    const k1 = f(s);
    const k2 = f(add(s, k1, h / 2));
    const k3 = f(add(s, k2, h / 2));
    const k4 = f(add(s, k3, h));
    s = s.map((v, j) => v + (h / 6) * (k1[j] + 2 * k2[j] + 2 * k3[j] + k4[j]));
  }
  return s;
}

function circular(altitudeKm: number): number[] {
  const r = WGS72_EQUATORIAL_RADIUS_M + altitudeKm * 1e3;
  return [r, 0, 0, 0, Math.sqrt(MU / r), 0];
}

const semiMajorAxis = (s: number[]) => 1 / (2 / Math.hypot(s[0], s[1], s[2]) - (s[3] ** 2 + s[4] ** 2 + s[5] ** 2) / MU);

describe('low-thrust raise', () => {
  it('coplanar spiral: the closed-form altitude after a given time matches a numerical integration within 50 m', () => {
    // 0.5 N on 150 kg (3.3 mm/s²), constant mass (huge Isp): 450 km → ≈530 km in 12 h.
    const raise = lowThrustRaise({ fromAltitudeKm: 450, toAltitudeKm: 1200, thrustN: 0.5, massKg: 150, ispS: 1e9 });
    const acc = 0.5 / 150;
    const tangential: Thrust = (s) => {
      const v = Math.hypot(s[3], s[4], s[5]);
      return [(acc * s[3]) / v, (acc * s[4]) / v, (acc * s[5]) / v];
    };
    const t = 43200;
    const end = integrate(circular(450), tangential, t);
    const numericKm = (semiMajorAxis(end) - WGS72_EQUATORIAL_RADIUS_M) / 1e3;
    expect(numericKm - 450).toBeGreaterThan(50);
    // The quasi-circular model neglects the small eccentricity the spiral builds (Δv/v ≈ 2 %).
    expect(Math.abs(raise.altitudeKmAt(t) - numericKm)).toBeLessThan(0.05);
  });

  it("plane change: Δi = (2/π)·a·t/v with thrust switching at the antinodes (Edelbaum's factor)", () => {
    const acc = 0.01;
    const s0 = circular(500);
    const v = s0[4];
    // Orbit in the x-y plane; out-of-plane thrust +ẑ on the half orbit with cos u > 0, −ẑ on the other.
    const normal: Thrust = (s) => [0, 0, acc * Math.sign(s[0] * s0[0] + s[1] * s0[1] + s[2] * s0[2])];
    const t = 6 * 5677; // six revolutions
    const end = integrate(s0, normal, t);
    const h = [end[1] * end[5] - end[2] * end[4], end[2] * end[3] - end[0] * end[5], end[0] * end[4] - end[1] * end[3]];
    const diDeg = (Math.acos(h[2] / Math.hypot(h[0], h[1], h[2])) * 180) / Math.PI;
    const edelbaum = lowThrustRaise({ fromAltitudeKm: 500, toAltitudeKm: 500, inclinationChangeDeg: 10, thrustN: acc * 100, massKg: 100, ispS: 1e9 });
    expect(Math.abs(edelbaum.inclinationChangeDegAt(t) - diDeg) / diDeg).toBeLessThan(0.01);
    expect(Math.abs(edelbaum.deltaVMps - 2 * v * Math.sin((Math.PI / 4) * (10 * Math.PI) / 180))).toBeLessThan(1e-6);
  });

  it("Edelbaum's limits and the rocket equation", () => {
    expect(edelbaumDeltaVMps(7600, 7200, 0)).toBeCloseTo(400, 9);
    // Plane change alone: (π/2)·v·Δi for small Δi (impulsive would be v·Δi).
    expect(edelbaumDeltaVMps(7600, 7600, 1) / (7600 * (Math.PI / 2) * (Math.PI / 180))).toBeCloseTo(1, 4);
    const r = lowThrustRaise({ fromAltitudeKm: 450, toAltitudeKm: 1200, thrustN: 0.02, massKg: 150, ispS: 1500, dutyCycle: 0.5 });
    const ve = 1500 * 9.80665;
    expect(r.propellantKg).toBeCloseTo(150 * (1 - Math.exp(-r.deltaVMps / ve)), 9);
    expect(r.altitudeKmAt(r.durationS)).toBeCloseTo(1200, 6);
    expect(r.altitudeKmAt(0)).toBeCloseTo(450, 6);
    expect(() => lowThrustRaise({ fromAltitudeKm: 450, toAltitudeKm: 1200, thrustN: -1, massKg: 150, ispS: 1500 })).toThrow(/thrustN must be positive/);
  });
});
