/**
 * Disturbance torques on a station, in body axes about the centre of mass (N·m).
 *
 * - Gravity gradient, exact for a rigid body in a point-mass field to second order in size/R:
 *   τ = 3μ/R³ · (r̂ × J r̂), r̂ the body-frame unit position (Wie Eq. 6.81).
 * - Aerodynamic and solar-radiation torques from a surface model: each surface takes a momentum
 *   flux `pressurePa` travelling along `flowDir` (body axes) over its projected area and pushes its
 *   centre of pressure along the flow (free-molecular flow with full accommodation for the air,
 *   a fully absorbing surface for sunlight: both give a force along the flow). Mutual shadowing of
 *   surfaces is ignored (a known limit: it overstates the area of the ISS seen edge-on).
 */

export interface PlateSurface {
  kind: 'plate';
  name: string;
  /** One side's area, m² (both sides exposed: the projected area is A·|n̂·flow|). */
  areaM2: number;
  /** Fixed normal in body axes, or 'sun' for arrays that track the Sun (alpha and beta joints). */
  normal: readonly [number, number, number] | 'sun';
  /** Centre of pressure in the structural frame, m. */
  centreM: readonly [number, number, number];
  source: string;
}

export interface CylinderSurface {
  kind: 'cylinder';
  name: string;
  /** Body axis index of the cylinder's axis. */
  axis: 0 | 1 | 2;
  radiusM: number;
  lengthM: number;
  centreM: readonly [number, number, number];
  source: string;
}

export type StationSurface = PlateSurface | CylinderSurface;

/** τ_gg into `out`: μ (m³/s²), rBody the body-frame position of the station (any length units consistent with μ). */
export function gravityGradientTorque(muM3S2: number, rBody: ArrayLike<number>, j: ArrayLike<number>, out: Float64Array): Float64Array {
  const r = Math.hypot(rBody[0], rBody[1], rBody[2]);
  const x = rBody[0] / r, y = rBody[1] / r, z = rBody[2] / r;
  const jx = j[0] * x + j[1] * y + j[2] * z;
  const jy = j[3] * x + j[4] * y + j[5] * z;
  const jz = j[6] * x + j[7] * y + j[8] * z;
  const k = (3 * muM3S2) / (r * r * r);
  out[0] = k * (y * jz - z * jy);
  out[1] = k * (z * jx - x * jz);
  out[2] = k * (x * jy - y * jx);
  return out;
}

/** Projected area of a surface seen along the unit direction d, m². */
export function projectedAreaM2(s: StationSurface, d: ArrayLike<number>, sunBody: ArrayLike<number>): number {
  if (s.kind === 'cylinder') {
    const c = Math.abs(d[s.axis]);
    const sinA = Math.sqrt(Math.max(0, 1 - c * c));
    return 2 * s.radiusM * s.lengthM * sinA + Math.PI * s.radiusM * s.radiusM * c;
  }
  const n = s.normal === 'sun' ? sunBody : s.normal;
  return s.areaM2 * Math.abs(n[0] * d[0] + n[1] * d[1] + n[2] * d[2]);
}

/**
 * Adds to `out` the torque of a momentum flux: each surface feels F = pressure · A_proj · flowDir at
 * its centre (relative to `cmM`). `sunBody` is the unit Sun direction used by Sun-tracking plates.
 */
export function surfaceFluxTorque(
  surfaces: readonly StationSurface[],
  flowDir: ArrayLike<number>,
  pressurePa: number,
  cmM: ArrayLike<number>,
  sunBody: ArrayLike<number>,
  out: Float64Array,
): Float64Array {
  if (pressurePa === 0) return out;
  for (const s of surfaces) {
    const f = pressurePa * projectedAreaM2(s, flowDir, sunBody);
    const fx = f * flowDir[0], fy = f * flowDir[1], fz = f * flowDir[2];
    const px = s.centreM[0] - cmM[0], py = s.centreM[1] - cmM[1], pz = s.centreM[2] - cmM[2];
    out[0] += py * fz - pz * fy;
    out[1] += pz * fx - px * fz;
    out[2] += px * fy - py * fx;
  }
  return out;
}

/** Solar radiation pressure at 1 AU on an absorbing surface, Pa: 1361 W/m² (Kopp & Lean 2011) / c. */
export const SOLAR_PRESSURE_1AU_PA = 1361 / 299_792_458;
