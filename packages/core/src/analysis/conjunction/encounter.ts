/**
 * Short-term encounter geometry: from the two objects' inertial states and position covariances
 * at the time of closest approach (TCA), the encounter (B-)plane normal to the relative velocity,
 * the miss vector in it, the combined covariance projected onto it, and that covariance's
 * principal axes (the frame the 2-D Pc methods work in).
 *
 * Assumptions of every 2-D ("short-term") method (Foster & Estes 1992; Chan 1997; Alfano 2005):
 * straight-line relative motion through the encounter, no velocity uncertainty, uncorrelated
 * Gaussian position errors, so the two covariances add. See docs/collision-probability.md.
 */
/** Any indexable 3-vector. */
export type Vec3Like = ArrayLike<number>;

/** One object at TCA, in any inertial frame (both objects in the same one). */
export interface ConjunctionObjectState {
  positionM: Vec3Like;
  velocityMps: Vec3Like;
  /**
   * Inertial covariance, row-major n×n with n ≥ 3 (3×3 position, 6×6 position–velocity, or larger
   * with drag/SRP/thrust terms); only the top-left 3×3 position block (m²) is used.
   */
  covariance: ArrayLike<number>;
}

export interface EncounterPlaneOptions {
  /**
   * How the miss distance is taken when the states are not exactly at TCA (relative position not
   * quite normal to the relative velocity):
   * - `projected` (default): the component of the relative position in the encounter plane, i.e.
   *   the closest approach of the straight-line relative motion;
   * - `full`: |r₂ − r₁| laid along the in-plane miss direction, as NASA CARA's PcCircle does.
   */
  missDistance?: 'projected' | 'full';
}

/** The encounter plane with its axes given in the input inertial frame. */
export interface EncounterPlane {
  /** Unit vector along the relative velocity v₂ − v₁ (the plane normal). */
  normal: Float64Array;
  /** In-plane unit vector along the miss (component of r₂ − r₁ normal to the relative velocity). */
  missAxis: Float64Array;
  /** In-plane unit vector completing the right-handed set: crossAxis = normal × missAxis. */
  crossAxis: Float64Array;
  /** Miss distance in the plane, m (along missAxis; the cross component is zero by construction). */
  missDistanceM: number;
  /** |r₂ − r₁| at the given states, m. */
  rangeM: number;
  /** |v₂ − v₁|, m/s. */
  relativeSpeedMps: number;
  /** Combined position covariance projected onto (missAxis, crossAxis): [c_mm, c_mc, c_cc], m². */
  covarianceM2: [number, number, number];
}

/**
 * Encounter plane of a conjunction. Throws a RangeError when the relative velocity is zero (the
 * plane is undefined; CARA returns NaN there) or a covariance is malformed.
 */
export function encounterPlane(primary: ConjunctionObjectState, secondary: ConjunctionObjectState, options: EncounterPlaneOptions = {}): EncounterPlane {
  const r = sub(secondary.positionM, primary.positionM);
  const v = sub(secondary.velocityMps, primary.velocityMps);
  const speed = Math.hypot(v[0], v[1], v[2]);
  const rangeM = Math.hypot(r[0], r[1], r[2]);
  if (!Number.isFinite(speed) || !Number.isFinite(rangeM)) throw new RangeError('conjunction states must be finite');
  if (speed === 0) throw new RangeError('relative velocity is zero: the 2-D encounter plane is undefined');
  const normal = new Float64Array([v[0] / speed, v[1] / speed, v[2] / speed]);
  const along = r[0] * normal[0] + r[1] * normal[1] + r[2] * normal[2];
  const perp = new Float64Array([r[0] - along * normal[0], r[1] - along * normal[1], r[2] - along * normal[2]]);
  const perpNorm = Math.hypot(perp[0], perp[1], perp[2]);
  let missAxis: Float64Array;
  if (perpNorm > 1e-12 * Math.max(rangeM, 1)) {
    missAxis = new Float64Array([perp[0] / perpNorm, perp[1] / perpNorm, perp[2] / perpNorm]);
  } else {
    // Zero miss: any in-plane axis gives the same Pc (the disk is centred on the mean); pick one
    // normal to the relative velocity and to the mean position, falling back to a coordinate axis.
    const mean = primary.positionM;
    missAxis = unitPerpendicular(normal, [mean[0], mean[1], mean[2]]);
  }
  const crossAxis = cross(normal, missAxis);
  const c1 = positionBlock(primary.covariance, 'primary');
  const c2 = positionBlock(secondary.covariance, 'secondary');
  const c = new Float64Array(9);
  for (let i = 0; i < 9; i++) c[i] = c1[i] + c2[i];
  const cmm = quadratic(c, missAxis, missAxis);
  const cmc = 0.5 * (quadratic(c, missAxis, crossAxis) + quadratic(c, crossAxis, missAxis));
  const ccc = quadratic(c, crossAxis, crossAxis);
  const missDistanceM = (options.missDistance ?? 'projected') === 'full' ? rangeM : perpNorm;
  return { normal, missAxis, crossAxis, missDistanceM, rangeM, relativeSpeedMps: speed, covarianceM2: [cmm, cmc, ccc] };
}

/** 2-D encounter in the principal axes of its covariance: the input of every Pc method here. */
export interface Encounter2D {
  /** Miss components along the two axes, m. */
  xM: number;
  yM: number;
  /** Standard deviations along the axes, m (> 0). */
  sigmaXM: number;
  sigmaYM: number;
  /** Combined hard-body radius (sum of the two objects' radii), m. */
  hardBodyRadiusM: number;
}

export interface PrincipalAxesOptions {
  /**
   * Non-positive-definite (NPD) 2×2 covariance handling:
   * - `clip` (default; NASA CARA PcCircle/Pc2D_Foster): eigenvalues below (1e-4·HBR)² are raised to
   *   it, keeping the eigenvectors (Hall, Hejduk & Johnson 2017, AAS 17-567, "eigenvalue clipping");
   * - `none`: no remediation; an NPD covariance gives `positiveDefinite: false` and Pc = NaN
   *   (CARA PcElrod without remediation).
   */
  npdRemediation?: 'clip' | 'none';
}

export interface PrincipalEncounter extends Encounter2D {
  /** Angle from missAxis to the x (major) axis, rad, in (−π/2, π/2]. */
  majorAxisAngleRad: number;
  /** Eigenvalues of the projected covariance before remediation, m² (major first). */
  rawEigenvaluesM2: [number, number];
  /** True when an eigenvalue was clipped. */
  remediated: boolean;
  /** True when the (possibly remediated) covariance is positive definite. */
  positiveDefinite: boolean;
}

/** Eigenvalue clipping factor of CARA (Hall et al. 2017): Lclip = (1e-4 · HBR)². */
export const NPD_CLIP_FACTOR = 1e-4;

/**
 * Rotate a plane's miss and covariance into the covariance principal axes, x = major axis.
 * Miss components are returned non-negative (the Pc is symmetric in their signs).
 * Throws when both eigenvalues are non-positive (no usable covariance), as CARA does.
 */
export function principalAxes(plane: EncounterPlane, hardBodyRadiusM: number, options: PrincipalAxesOptions = {}): PrincipalEncounter {
  checkHbr(hardBodyRadiusM);
  const [a, b, c] = plane.covarianceM2;
  if (![a, b, c].every(Number.isFinite)) throw new RangeError(`projected covariance is not finite: [${a}, ${b}, ${c}]`);
  const mean = 0.5 * (a + c);
  const half = Math.hypot(0.5 * (a - c), b);
  const l1 = mean + half;
  // Smaller eigenvalue from the determinant when that is more accurate than the difference.
  const l2 = l1 > 0 && Math.abs(mean - half) < 1e-3 * l1 ? (a * c - b * b) / l1 : mean - half;
  if (!(l1 > 0)) throw new RangeError(`projected covariance has no positive eigenvalue: [${a}, ${b}, ${c}] m²`);
  // Major-axis direction: angle θ with tan 2θ = 2b/(a − c).
  const angle = 0.5 * Math.atan2(2 * b, a - c);
  const ux = Math.cos(angle);
  const uy = Math.sin(angle);
  const d = plane.missDistanceM;
  const remediation = options.npdRemediation ?? 'clip';
  let lx = l1;
  let ly = l2;
  let remediated = false;
  if (remediation === 'clip' && Number.isFinite(hardBodyRadiusM)) {
    const clip = (NPD_CLIP_FACTOR * hardBodyRadiusM) ** 2;
    if (lx < clip) { lx = clip; remediated = true; }
    if (ly < clip) { ly = clip; remediated = true; }
  }
  return {
    xM: Math.abs(d * ux),
    yM: Math.abs(d * uy),
    sigmaXM: Math.sqrt(Math.max(lx, 0)),
    sigmaYM: Math.sqrt(Math.max(ly, 0)),
    hardBodyRadiusM,
    majorAxisAngleRad: angle,
    rawEigenvaluesM2: [l1, l2],
    remediated,
    positiveDefinite: ly > 0,
  };
}

export function checkHbr(hardBodyRadiusM: number): void {
  if (Number.isNaN(hardBodyRadiusM) || hardBodyRadiusM < 0) {
    throw new RangeError(`hard-body radius must be ≥ 0 m; got ${hardBodyRadiusM}`);
  }
}

function positionBlock(cov: ArrayLike<number>, which: string): Float64Array {
  const n = Math.round(Math.sqrt(cov.length));
  if (n < 3 || n * n !== cov.length) throw new RangeError(`${which} covariance must be a square n×n array with n ≥ 3; got ${cov.length} values`);
  const out = new Float64Array(9);
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      const x = cov[i * n + j];
      if (!Number.isFinite(x)) throw new RangeError(`${which} covariance element (${i + 1},${j + 1}) is not finite: ${x}`);
      out[i * 3 + j] = x;
    }
  }
  return out;
}

function quadratic(c: Float64Array, u: Float64Array, w: Float64Array): number {
  let s = 0;
  for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) s += u[i] * c[i * 3 + j] * w[j];
  return s;
}

function sub(a: Vec3Like, b: Vec3Like): [number, number, number] {
  return [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
}

function cross(a: ArrayLike<number>, b: ArrayLike<number>): Float64Array {
  return new Float64Array([a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]]);
}

function unitPerpendicular(n: Float64Array, hint: number[]): Float64Array {
  const candidates = [hint, [1, 0, 0], [0, 1, 0], [0, 0, 1]];
  for (const h of candidates) {
    const p = cross(n, h);
    const norm = Math.hypot(p[0], p[1], p[2]);
    if (norm > 1e-6 * Math.hypot(h[0], h[1], h[2])) return new Float64Array([p[0] / norm, p[1] / norm, p[2] / norm]);
  }
  throw new RangeError('cannot build an encounter-plane axis');
}
