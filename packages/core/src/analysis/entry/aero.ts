/**
 * Aerodynamic force on an entry capsule as a point mass (3-DOF): drag along the air-relative
 * velocity and lift perpendicular to it, rolled about it by the bank angle σ.
 *
 *   v_rel = v − ω × r − w,  D = ½ ρ |v_rel|² Cd A,  L = (L/D) D,
 *   a = (−D v̂ + L (cos σ û + sin σ l̂)) / m
 *
 * û is the local vertical made perpendicular to v̂ (lift "up" at zero bank), l̂ = û × v̂ points to
 * the left of the flight direction (σ > 0 rolls the lift to the left). The atmosphere co-rotates
 * with the Earth (as forces/drag.ts) plus an optional constant wind w (east, north). The density
 * comes from the project's DragForce (same atmosphere interface and space-weather caching),
 * scaled by `densityScale` for Monte Carlo. Cd and L/D are constants (no Mach table published for
 * these capsules). The bank comes from a {@link BankLaw}.
 */
import type { AtmosphereModel } from '../../models/atmosphere/types.js';
import { DragForce, type DragSpaceWeatherSource } from '../../models/forces/drag.js';
import type { ForceContext, ForceModel } from '../../models/forces/types.js';
import { wgs84GeodeticFromEcef } from '../../models/atmosphere/geodetic.js';
import type { Mat3 } from '../../foundation/frames/mat3.js';
import { ProfileAtmosphere } from './profileAtmosphere.js';
import { STANDARD_GRAVITY_MPS2 } from '../../models/forces/thrust.js';

/** Bank steering: writes the lift's vertical and leftward fractions [cos σ, sin σ] (both 0: no net lift). */
export interface BankLaw {
  readonly name: string;
  /** `sensedG`: the aerodynamic (sensed) acceleration there, in g (what a load-relief rule reads from the accelerometers). */
  liftFractions(rGcrfM: Float64Array, vRelMps: Float64Array, gcrfToItrf: Mat3, out: Float64Array, sensedG?: number): void;
}

/** Spinning capsule (Soyuz ballistic mode, or under a parachute): the lift averages out. */
export const NO_LIFT: BankLaw = {
  name: 'ballistic',
  liftFractions(_r, _v, _m, out) {
    out[0] = 0;
    out[1] = 0;
  },
};

/** Constant bank angle σ (positive: lift rolled to the left). */
export function fixedBank(bankRad: number): BankLaw {
  if (!Number.isFinite(bankRad)) throw new RangeError(`bank: must be a finite angle, got ${bankRad}`);
  const c = Math.cos(bankRad);
  const s = Math.sin(bankRad);
  return {
    name: `fixed bank ${((bankRad * 180) / Math.PI).toFixed(1)}°`,
    liftFractions(_r, _v, _m, out) {
      out[0] = c;
      out[1] = s;
    },
  };
}

/** Vertical lift fraction c with no net sideways lift (bank reversals averaged): the reference descent of the opportunity search. */
export function verticalLift(c: number): BankLaw {
  if (!(c >= -1 && c <= 1)) throw new RangeError(`vertical lift fraction: must be in [-1, 1], got ${c}`);
  return {
    name: `vertical lift ${c.toFixed(2)}, no net sideways lift`,
    liftFractions(_r, _v, _m, out) {
      out[0] = c;
      out[1] = 0;
    },
  };
}

export interface AeroForceOptions {
  atmosphere: AtmosphereModel;
  spaceWeather: DragSpaceWeatherSource;
  /** Cd·A, m² (the capsule's, plus any open canopy). */
  cdAreaM2: number;
  liftToDrag: number;
  bank: BankLaw;
  /** Multiplies the density (Monte Carlo; default 1). */
  densityScale?: number;
  /** Constant wind, m/s, toward east and north (default none). */
  windEastMps?: number;
  windNorthMps?: number;
  /** Atmosphere turning with the Earth (default true; false for closed-form checks). */
  corotating?: boolean;
  /**
   * A canopy filling: Cd·A grows linearly from `fromCdAreaM2` to `cdAreaM2` over `durationS`
   * from the propagation's start (t = 0), so its opening load is not an instantaneous step.
   */
  fill?: { fromCdAreaM2: number; durationS: number };
}

export class EntryAeroForce implements ForceModel {
  readonly name: string;
  private readonly density: DragForce;
  private readonly vRel = new Float64Array(3);
  private readonly fractions = new Float64Array(2);
  private readonly geo = new Float64Array(3);

  constructor(readonly o: AeroForceOptions) {
    if (!(o.cdAreaM2 > 0)) throw new RangeError(`cdAreaM2: must be positive, got ${o.cdAreaM2}`);
    if (!(o.liftToDrag >= 0)) throw new RangeError(`liftToDrag: must be ≥ 0, got ${o.liftToDrag}`);
    this.density = new DragForce({ atmosphere: o.atmosphere, spaceWeather: o.spaceWeather, cd: 1, areaM2: o.cdAreaM2 });
    this.name = `aerodynamics (${o.bank.name}, ${o.atmosphere.name})`;
  }

  /** Cd·A at t seconds into the propagation, m² (a filling canopy grows linearly). */
  cdAreaAt(tSeconds: number): number {
    const f = this.o.fill;
    if (!f || tSeconds >= f.durationS) return this.o.cdAreaM2;
    return f.fromCdAreaM2 + ((this.o.cdAreaM2 - f.fromCdAreaM2) * Math.max(0, tSeconds)) / f.durationS;
  }

  /** Air-relative velocity at the context, GCRF m/s, into `out`. */
  airRelativeVelocity(ctx: ForceContext, out: Float64Array): Float64Array {
    const r = ctx.rGcrfM;
    const v = ctx.vGcrfMps;
    const m = ctx.gcrfToItrf;
    const w = this.o.corotating === false ? 0 : ctx.earthRotationRadPerS;
    const wx = w * m[6];
    const wy = w * m[7];
    const wz = w * m[8];
    out[0] = v[0] - (wy * r[2] - wz * r[1]);
    out[1] = v[1] - (wz * r[0] - wx * r[2]);
    out[2] = v[2] - (wx * r[1] - wy * r[0]);
    const we = this.o.windEastMps ?? 0;
    const wn = this.o.windNorthMps ?? 0;
    if (we !== 0 || wn !== 0) subtractWind(ctx, we, wn, out);
    return out;
  }

  /** Density at the context, kg/m³: a vertical profile straight from the height (no epoch or space weather to build). */
  private densityAt(ctx: ForceContext): number {
    const a = this.o.atmosphere;
    if (a instanceof ProfileAtmosphere && a.covers(ctx.rItrfM)) return a.densityAtHeight(wgs84GeodeticFromEcef(ctx.rItrfM, this.geo)[2]);
    return this.density.densityKgPerM3(ctx);
  }

  addAcceleration(ctx: ForceContext, out: Float64Array): void {
    const rho = this.densityAt(ctx) * (this.o.densityScale ?? 1);
    if (!(rho > 0)) return;
    const u = this.airRelativeVelocity(ctx, this.vRel);
    const speed = Math.hypot(u[0], u[1], u[2]);
    if (speed === 0) return;
    const dragAcc = (0.5 * rho * speed * speed * this.cdAreaAt(ctx.tSeconds)) / ctx.massKg;
    const vx = u[0] / speed;
    const vy = u[1] / speed;
    const vz = u[2] / speed;
    out[0] -= dragAcc * vx;
    out[1] -= dragAcc * vy;
    out[2] -= dragAcc * vz;
    if (this.o.liftToDrag === 0) return;
    const f = this.fractions;
    this.o.bank.liftFractions(ctx.rGcrfM, u, ctx.gcrfToItrf, f, (dragAcc * Math.hypot(1, this.o.liftToDrag)) / STANDARD_GRAVITY_MPS2);
    if (f[0] === 0 && f[1] === 0) return;
    const r = ctx.rGcrfM;
    const rn = Math.hypot(r[0], r[1], r[2]);
    // û: radial unit minus its component along v̂.
    const dot = (r[0] * vx + r[1] * vy + r[2] * vz) / rn;
    let ux = r[0] / rn - dot * vx;
    let uy = r[1] / rn - dot * vy;
    let uz = r[2] / rn - dot * vz;
    const un = Math.hypot(ux, uy, uz);
    ux /= un;
    uy /= un;
    uz /= un;
    // l̂ = û × v̂ (left).
    const lx = uy * vz - uz * vy;
    const ly = uz * vx - ux * vz;
    const lz = ux * vy - uy * vx;
    const liftAcc = this.o.liftToDrag * dragAcc;
    out[0] += liftAcc * (f[0] * ux + f[1] * lx);
    out[1] += liftAcc * (f[0] * uy + f[1] * ly);
    out[2] += liftAcc * (f[0] * uz + f[1] * lz);
  }
}

/** v_rel −= wind (east/north at the position, rotated ITRF → GCRF). */
function subtractWind(ctx: ForceContext, eastMps: number, northMps: number, out: Float64Array): void {
  const p = ctx.rItrfM;
  const rho = Math.hypot(p[0], p[1]);
  const r = Math.hypot(p[0], p[1], p[2]);
  if (rho === 0) return;
  // East = ẑ × r̂ normalised; north = r̂ × east (ITRF, geocentric).
  const ex = -p[1] / rho;
  const ey = p[0] / rho;
  const nx = (-p[2] * ey) / r;
  const ny = (p[2] * ex) / r;
  const nz = (p[0] * ey - p[1] * ex) / r;
  const wx = eastMps * ex + northMps * nx;
  const wy = eastMps * ey + northMps * ny;
  const wz = northMps * nz;
  const m = ctx.gcrfToItrf;
  // GCRF = Mᵀ · ITRF.
  out[0] -= m[0] * wx + m[3] * wy + m[6] * wz;
  out[1] -= m[1] * wx + m[4] * wy + m[7] * wz;
  out[2] -= m[2] * wx + m[5] * wy + m[8] * wz;
}
