import type { AtmosphereModel } from '../../src/models/atmosphere/types.js';

/** Fixed moderate activity for tests (F10.7 = 150 sfu, Ap = 15). */
export const FIXED_WEATHER = Object.freeze({ f107: 150, f107a: 150, ap: Float64Array.from([15, 15, 15, 15, 15, 15, 15]) });

/** ρ = ρ₀ exp(−(|r| − r₀)/H) on a sphere: King-Hele's constant-scale-height atmosphere. */
export class SphericalExponentialAtmosphere implements AtmosphereModel {
  readonly name = 'spherical exponential';
  constructor(
    readonly rho0: number,
    readonly r0: number,
    readonly scaleHeightM: number,
  ) {}
  density(p: ArrayLike<number>): number {
    return this.rho0 * Math.exp(-(Math.hypot(p[0], p[1], p[2]) - this.r0) / this.scaleHeightM);
  }
}

/** No atmosphere (drag-free checks of the gravity terms). */
export const VACUUM: AtmosphereModel = { name: 'vacuum', density: () => 0 };
