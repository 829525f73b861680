/**
 * Earth gravity as force models: point mass (GCRF), closed-form zonals and full spherical
 * harmonics (both evaluated in ITRF from ctx.rItrfM and rotated back to GCRF with the transpose
 * of ctx.gcrfToItrf — zonal terms depend on the Earth-fixed z axis, not GCRF's).
 */
import { mulTransposeVec } from '../../foundation/frames/mat3.js';
import type { SphericalHarmonicGravity } from '../gravity/sphericalHarmonics.js';
import { checkZonalModel, zonalAcceleration, type ZonalGravityModel } from '../gravity/zonal.js';
import type { ForceContext, ForceModel } from './types.js';

/** Central term −GM r/r³ in GCRF. */
export class PointMassGravityForce implements ForceModel {
  readonly name = 'point-mass gravity';
  constructor(readonly gmM3PerS2: number) {
    if (!(gmM3PerS2 > 0)) throw new RangeError(`gmM3PerS2: must be positive, got ${gmM3PerS2}`);
  }
  addAcceleration(ctx: ForceContext, out: Float64Array): void {
    const r = ctx.rGcrfM;
    const r2 = r[0] * r[0] + r[1] * r[1] + r[2] * r[2];
    const k = -this.gmM3PerS2 / (r2 * Math.sqrt(r2));
    out[0] += k * r[0];
    out[1] += k * r[1];
    out[2] += k * r[2];
  }
}

/** Central term plus J2…J6 closed forms (gravity/zonal.ts), in ITRF then rotated to GCRF. */
export class ZonalGravityForce implements ForceModel {
  readonly name: string;
  private readonly accItrf = new Float64Array(3);
  constructor(readonly model: ZonalGravityModel, name = 'zonal gravity') {
    checkZonalModel(model);
    this.name = name;
  }
  addAcceleration(ctx: ForceContext, out: Float64Array): void {
    const a = zonalAcceleration(this.model, ctx.rItrfM, this.accItrf);
    mulTransposeVec(ctx.gcrfToItrf, a, a);
    out[0] += a[0];
    out[1] += a[1];
    out[2] += a[2];
  }
}

/** Spherical-harmonic field (includes the central term C̄00 = 1), in ITRF then rotated to GCRF. */
export class SphericalHarmonicGravityForce implements ForceModel {
  readonly name: string;
  private readonly accItrf = new Float64Array(3);
  constructor(readonly field: SphericalHarmonicGravity) {
    this.name = `${field.modelName} ${field.degree}×${field.order}`;
  }
  addAcceleration(ctx: ForceContext, out: Float64Array): void {
    const a = this.field.accelerationEcef(ctx.rItrfM, this.accItrf);
    mulTransposeVec(ctx.gcrfToItrf, a, a);
    out[0] += a[0];
    out[1] += a[1];
    out[2] += a[2];
  }
}
