/**
 * The surroundings an attitude simulation needs at each control step: a circular orbit (position,
 * velocity in the true-of-date inertial frame), the Sun direction and sunlit fraction, and the air
 * density from an AtmosphereModel (NRLMSISE-00 in the CLI) with the atmosphere co-rotating with the
 * Earth. A circular orbit is enough here: attitude torques depend on the orbit through R⁻³ and the
 * density, and the ISS's eccentricity (≈ 0.0005) changes R by 0.1 %.
 */
import type { AtmosphereModel, AtmosphereSpaceWeather } from '../../models/atmosphere/types.js';
import { WGS84, EARTH_ROTATION_RATE_IAU82_RAD_PER_S } from '../../foundation/bodies/earth.js';
import { sunlitFraction } from '../../foundation/bodies/shadow.js';
import { sunPositionTemeM } from '../../foundation/bodies/sun.js';
import { gmst82Rad } from '../../foundation/frames/earthOrientation.js';
import type { Epoch } from '../../foundation/time/epoch.js';

export interface CircularOrbit {
  altitudeM: number;
  inclinationRad: number;
  raanRad: number;
  /** Argument of latitude at the start, rad. */
  argLatRad: number;
}

/** μ of WGS-84, m³/s². */
export const MU_EARTH_M3_S2 = WGS84.gmM3PerS2;

export function orbitRateRadS(altitudeM: number): number {
  const a = WGS84.aM + altitudeM;
  return Math.sqrt(MU_EARTH_M3_S2 / (a * a * a));
}

/** Altitude of the circular orbit with mean motion n, m (inverse of orbitRateRadS). */
export function altitudeForOrbitRateM(nRadS: number): number {
  return Math.cbrt(MU_EARTH_M3_S2 / (nRadS * nRadS)) - WGS84.aM;
}

/** Position and velocity on the circular orbit t seconds after the start (inertial, m and m/s). */
export function circularState(o: CircularOrbit, tS: number, r: Float64Array, v: Float64Array): void {
  const a = WGS84.aM + o.altitudeM;
  const n = Math.sqrt(MU_EARTH_M3_S2 / (a * a * a));
  const u = o.argLatRad + n * tS;
  const cu = Math.cos(u), su = Math.sin(u);
  const cO = Math.cos(o.raanRad), sO = Math.sin(o.raanRad);
  const ci = Math.cos(o.inclinationRad), si = Math.sin(o.inclinationRad);
  r[0] = a * (cO * cu - sO * ci * su);
  r[1] = a * (sO * cu + cO * ci * su);
  r[2] = a * si * su;
  const s = a * n;
  v[0] = s * (-cO * su - sO * ci * cu);
  v[1] = s * (-sO * su + cO * ci * cu);
  v[2] = s * si * cu;
}

export interface EnvironmentSample {
  r: Float64Array;
  v: Float64Array;
  /** Velocity relative to the co-rotating atmosphere, inertial axes, m/s. */
  vRel: Float64Array;
  /** Unit vector to the Sun, inertial axes. */
  sunUnit: Float64Array;
  /** 0 in umbra … 1 in full sunlight. */
  sunlit: number;
  densityKgM3: number;
}

export function emptySample(): EnvironmentSample {
  const z = () => new Float64Array(3);
  return { r: z(), v: z(), vRel: z(), sunUnit: z(), sunlit: 1, densityKgM3: 0 };
}

/** Sun direction is refreshed every 600 s (it moves 0.04° in that time). */
const SUN_REFRESH_S = 600;
/**
 * Density is re-evaluated every 30 s of simulated time (the station covers 230 km, a twentieth of
 * the day–night density swing's half-wavelength); NRLMSISE-00 at every 1 s step would dominate the
 * run time for changes below 1 %.
 */
export const DENSITY_REFRESH_S = 30;

export class OrbitEnvironment {
  private readonly gmst0: number;
  private sunT = Number.NEGATIVE_INFINITY;
  private readonly sunM = new Float64Array(3);
  private readonly ecef = new Float64Array(3);
  private densityT = Number.NEGATIVE_INFINITY;
  private density = 0;

  constructor(
    readonly orbit: CircularOrbit,
    readonly start: Epoch,
    readonly atmosphere: AtmosphereModel | null,
    readonly spaceWeather: AtmosphereSpaceWeather,
  ) {
    const { mjdDay, secondsOfDay } = start.utcDaySeconds();
    this.gmst0 = gmst82Rad(mjdDay, secondsOfDay);
  }

  /** Position, velocity and air-relative velocity only (cheap: for every integrator stage). */
  kinematics(tS: number, out: EnvironmentSample): EnvironmentSample {
    circularState(this.orbit, tS, out.r, out.v);
    const w = EARTH_ROTATION_RATE_IAU82_RAD_PER_S;
    out.vRel[0] = out.v[0] + w * out.r[1];
    out.vRel[1] = out.v[1] - w * out.r[0];
    out.vRel[2] = out.v[2];
    return out;
  }

  /** Everything, density and Sun included (once per control step). */
  sample(tS: number, out: EnvironmentSample): EnvironmentSample {
    this.kinematics(tS, out);
    if (Math.abs(tS - this.sunT) >= SUN_REFRESH_S) {
      sunPositionTemeM(this.start.plusSeconds(tS), this.sunM);
      this.sunT = tS;
    }
    const sn = Math.hypot(this.sunM[0], this.sunM[1], this.sunM[2]);
    for (let i = 0; i < 3; i++) out.sunUnit[i] = this.sunM[i] / sn;
    out.sunlit = sunlitFraction(out.r, this.sunM);
    if (this.atmosphere && Math.abs(tS - this.densityT) >= DENSITY_REFRESH_S) {
      this.density = this.densityAt(tS, out.r);
      this.densityT = tS;
    }
    out.densityKgM3 = this.density;
    return out;
  }

  private densityAt(tS: number, r: Float64Array): number {
    const g = this.gmst0 + EARTH_ROTATION_RATE_IAU82_RAD_PER_S * tS;
    const c = Math.cos(g), s = Math.sin(g);
    this.ecef[0] = c * r[0] + s * r[1];
    this.ecef[1] = -s * r[0] + c * r[1];
    this.ecef[2] = r[2];
    return this.atmosphere!.density(this.ecef, this.start.plusSeconds(tS), this.spaceWeather);
  }
}
