import { describe, expect, it } from 'vitest';
import { burnDurationS, catalogVehicle, deltaVFromPropellantMps, massAfterDeltaV, propellantForDeltaVKg, VEHICLE_CATALOG } from '../../src/index.js';

describe('rocket-equation helpers', () => {
  it('propellant for a Δv inverts the rocket equation', () => {
    const kg = propellantForDeltaVKg(450_000, 1, 302);
    // m0(1 − e^{−Δv/(Isp g0)}) = 450 t × (1 − e^{−1/2961.6}) ≈ 151.9 kg
    expect(kg).toBeCloseTo(450_000 * (1 - Math.exp(-1 / (302 * 9.80665))), 9);
    expect(450_000 - kg).toBeCloseTo(massAfterDeltaV(450_000, 1, 302), 6);
    expect(deltaVFromPropellantMps(450_000, kg, 302)).toBeCloseTo(1, 12);
  });
  it('burn duration = propellant / (F / (Isp g0))', () => {
    expect(burnDurationS(100, 2943, 300)).toBeCloseTo((100 * 300 * 9.80665) / 2943, 9);
    expect(() => burnDurationS(1, 0, 300)).toThrow(/thrustN/);
  });
});

describe('vehicle catalog', () => {
  it('effective thrusts reproduce the reported burns they come from (ISS 445 t)', () => {
    // Progress MS-18, 10 Nov 2021: 361 s for 0.70 m/s (docs/history.md)
    const p = catalogVehicle('progress-ms');
    expect((p.reboostThrustN * 361) / 445_386).toBeGreaterThan(0.6);
    expect((p.reboostThrustN * 361) / 445_386).toBeLessThan(0.75);
    // Zvezda, 12 Oct 2021: 38.9 s for 0.54 m/s
    const z = catalogVehicle('zvezda');
    expect(Math.abs((z.reboostThrustN * 38.9) / 445_386 - 0.54)).toBeLessThan(0.03);
  });
  it('every figure is graded and every W/EST default is marked', () => {
    for (const v of Object.values(VEHICLE_CATALOG)) {
      for (const c of Object.values(v.citations)) {
        expect(['P', 'S', 'W', 'EST']).toContain(c!.grade);
        expect(c!.source.length).toBeGreaterThan(10);
      }
      expect(v.citations.ispS, `${v.id} Isp cited`).toBeDefined();
    }
    expect(catalogVehicle('usdv').citations.reboostPropellantKg?.grade).toBe('P');
    expect(() => catalogVehicle('soyuz-x')).toThrow(/unknown vehicle "soyuz-x"; catalog: progress-ms/);
  });
});
