import { describe, expect, it } from 'vitest';
import { SOLAR_PRESSURE_1AU_N_PER_M2, SolarRadiationPressureForce } from '../../src/models/forces/srp.js';
import { ASTRONOMICAL_UNIT_M } from '../../src/foundation/bodies/sun.js';
import { accelerationOf, makeContext, norm } from './context.js';

const AU = ASTRONOMICAL_UNIT_M;

describe('solar radiation pressure (cannonball)', () => {
  it('P⊙ Cr A/m at 1 AU from the satellite, directed away from the Sun (M&G Eq. 3.75)', () => {
    // Satellite on the Sun side at r = 7000 km; Sun at 1 AU + 7000 km from the Earth → d = 1 AU.
    const ctx = makeContext({ r: [7e6, 0, 0], sunGcrfM: Float64Array.from([AU + 7e6, 0, 0]), massKg: 1000 });
    const a = accelerationOf(new SolarRadiationPressureForce({ cr: 1.3, areaM2: 10 }), ctx);
    expect(a[0]).toBeCloseTo((-4.56e-6 * 1.3 * 10) / 1000, 20); // −5.928e-8 m/s²
    expect(a[1]).toBe(0);
    expect(SOLAR_PRESSURE_1AU_N_PER_M2).toBe(4.56e-6);
  });

  it('scales as (1 AU/d)² and with ctx.massKg', () => {
    const f = new SolarRadiationPressureForce({ cr: 1.5, areaM2: 2, shadow: 'none' });
    const a1 = accelerationOf(f, makeContext({ r: [0, 7e6, 0], sunGcrfM: Float64Array.from([AU, 0, 0]), massKg: 100 }));
    const a2 = accelerationOf(f, makeContext({ r: [0, 7e6, 0], sunGcrfM: Float64Array.from([0.5 * AU, 0, 0]), massKg: 200 }));
    expect(norm(a2) / norm(a1)).toBeCloseTo(2, 6); // ×4 closer, ×½ heavier
  });

  it('umbra: zero behind the Earth for both shadow models; penumbra: conical gives 0 < ν < 1', () => {
    const sun = Float64Array.from([AU, 0, 0]);
    const behind = makeContext({ r: [-7e6, 0, 0], sunGcrfM: sun });
    for (const shadow of ['conical', 'cylindrical'] as const) {
      expect(norm(accelerationOf(new SolarRadiationPressureForce({ cr: 1.2, areaM2: 1, shadow }), behind))).toBe(0);
    }
    expect(norm(accelerationOf(new SolarRadiationPressureForce({ cr: 1.2, areaM2: 1, shadow: 'none' }), behind))).toBeGreaterThan(0);
    // Penumbra at 7000 km behind the Earth: apparent Earth radius asin(6378/7000) = 65.7°, Sun 0.267°;
    // put the satellite where the separation c equals the Earth's apparent radius: half the disc.
    const r = 7e6;
    const b = Math.asin(6378137 / r);
    const angle = Math.PI - b; // angle between r and the Sun direction, so that c = b
    const ctx = makeContext({ r: [r * Math.cos(angle), r * Math.sin(angle), 0], sunGcrfM: sun });
    const conical = new SolarRadiationPressureForce({ cr: 1.2, areaM2: 1 });
    const nu = conical.sunlitFraction(ctx);
    expect(nu).toBeGreaterThan(0.4);
    expect(nu).toBeLessThan(0.6);
    const full = norm(accelerationOf(new SolarRadiationPressureForce({ cr: 1.2, areaM2: 1, shadow: 'none' }), ctx));
    expect(norm(accelerationOf(conical, ctx)) / full).toBeCloseTo(nu, 12);
  });

  it('rejects bad options with the field name', () => {
    expect(() => new SolarRadiationPressureForce({ cr: 0, areaM2: 1 })).toThrow(/cr: must be in/);
    expect(() => new SolarRadiationPressureForce({ cr: 1, areaM2: -1 })).toThrow(/areaM2: must be positive/);
    expect(() => new SolarRadiationPressureForce({ cr: 1, areaM2: 1, shadow: 'dual' as never })).toThrow(/shadow: must be/);
  });
});
