/**
 * Inertia tensors: checks that a tensor is physical, principal moments, and the composite tensor of
 * a component model (uniform solid boxes and cylinders, shifted by the parallel-axis theorem).
 * Tensors are row-major Float64Array(9) in kg·m², products of inertia with the usual sign
 * (the matrix J with J_xy = −∫xy dm written as given, e.g. Wie §7.4 prints J directly).
 */

export type Inertia = Float64Array;

/** Eigenvalues of a symmetric 3×3 matrix, ascending (closed form, Smith 1961 trigonometric method). */
export function symmetricEigenvalues(j: ArrayLike<number>): [number, number, number] {
  const p1 = j[1] * j[1] + j[2] * j[2] + j[5] * j[5];
  const q = (j[0] + j[4] + j[8]) / 3;
  const p2 = (j[0] - q) ** 2 + (j[4] - q) ** 2 + (j[8] - q) ** 2 + 2 * p1;
  const p = Math.sqrt(p2 / 6);
  // Off-diagonal terms below double precision of the diagonal move no eigenvalue by more than that
  // precision; dividing by a p that underflowed (1e-162 products of inertia) would give NaN.
  const scale = Math.max(Math.abs(j[0]), Math.abs(j[4]), Math.abs(j[8]));
  if (Math.sqrt(p1) <= Number.EPSILON * scale || !(p > 0)) return [j[0], j[4], j[8]].sort((a, b) => a - b) as [number, number, number];
  const b = [j[0] - q, j[1], j[2], j[3], j[4] - q, j[5], j[6], j[7], j[8] - q].map((x) => x / p);
  const detB = b[0] * (b[4] * b[8] - b[5] * b[7]) - b[1] * (b[3] * b[8] - b[5] * b[6]) + b[2] * (b[3] * b[7] - b[4] * b[6]);
  const phi = Math.acos(Math.max(-1, Math.min(1, detB / 2))) / 3;
  const l3 = q + 2 * p * Math.cos(phi);
  const l1 = q + 2 * p * Math.cos(phi + (2 * Math.PI) / 3);
  return [l1, 3 * q - l1 - l3, l3];
}

/**
 * Checks a tensor given by a user: finite, symmetric (to 1e-9 relative), positive definite and
 * obeying the triangle inequality of principal moments (I1 + I2 ≥ I3, which every real mass
 * distribution satisfies). Throws a RangeError naming `field`.
 */
export function validateInertia(rows: unknown, field = 'inertia_kg_m2'): Inertia {
  if (!Array.isArray(rows) || rows.length !== 3 || rows.some((r) => !Array.isArray(r) || r.length !== 3)) {
    throw new RangeError(`${field}: must be a 3×3 array of numbers`);
  }
  const j = new Float64Array(9);
  for (let i = 0; i < 3; i++) {
    for (let k = 0; k < 3; k++) {
      const v = (rows as unknown[][])[i][k];
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new RangeError(`${field}[${i}][${k}]: must be a finite number, got ${JSON.stringify(v)}`);
      j[3 * i + k] = v;
    }
  }
  const scale = Math.max(Math.abs(j[0]), Math.abs(j[4]), Math.abs(j[8]), 1e-300);
  for (const [a, b, name] of [[1, 3, '[0][1]/[1][0]'], [2, 6, '[0][2]/[2][0]'], [5, 7, '[1][2]/[2][1]']] as const) {
    if (Math.abs(j[a] - j[b]) > 1e-9 * scale) throw new RangeError(`${field}${name}: tensor must be symmetric, got ${j[a]} and ${j[b]}`);
  }
  const [l1, l2, l3] = symmetricEigenvalues(j);
  if (!(l1 > 0)) throw new RangeError(`${field}: tensor must be positive definite (smallest principal moment ${l1.toPrecision(4)} kg·m²)`);
  if (l1 + l2 < l3 * (1 - 1e-9)) {
    throw new RangeError(`${field}: principal moments ${[l1, l2, l3].map((x) => x.toPrecision(4)).join(', ')} violate the triangle inequality (I1 + I2 ≥ I3)`);
  }
  return j;
}

export interface MassComponent {
  name: string;
  massKg: number;
  /** Centre of mass in the structural body frame (x forward, y starboard, z nadir), m. */
  positionM: readonly [number, number, number];
  /** Uniform solid cylinder along `axis` (radius, length) or a uniform box (sizes along x, y, z). */
  shape: { kind: 'cylinder'; axis: 0 | 1 | 2; radiusM: number; lengthM: number } | { kind: 'box'; sizeM: readonly [number, number, number] };
  /** Where the figures come from (P/S/W source or EST with the reasoning). */
  source: string;
}

/** Central principal moments of one component, in body axes (the shapes are axis-aligned). */
function centralMoments(c: MassComponent): [number, number, number] {
  const m = c.massKg;
  if (c.shape.kind === 'box') {
    const [a, b, d] = c.shape.sizeM;
    return [(m * (b * b + d * d)) / 12, (m * (a * a + d * d)) / 12, (m * (a * a + b * b)) / 12];
  }
  const { axis, radiusM: r, lengthM: l } = c.shape;
  const trans = (m * (3 * r * r + l * l)) / 12;
  const out: [number, number, number] = [trans, trans, trans];
  out[axis] = (m * r * r) / 2;
  return out;
}

export interface MassProperties {
  massKg: number;
  /** Composite centre of mass in the structural frame, m. */
  centreOfMassM: [number, number, number];
  /** Inertia about the centre of mass, body axes, kg·m². */
  inertia: Inertia;
}

/** Composite mass, centre of mass and inertia tensor (parallel-axis theorem per component). */
export function compositeMassProperties(components: readonly MassComponent[]): MassProperties {
  let mass = 0;
  const cm = [0, 0, 0];
  for (const c of components) {
    mass += c.massKg;
    for (let i = 0; i < 3; i++) cm[i] += c.massKg * c.positionM[i];
  }
  for (let i = 0; i < 3; i++) cm[i] /= mass;
  const j = new Float64Array(9);
  for (const c of components) {
    const d = [0, 1, 2].map((i) => c.positionM[i] - cm[i]);
    const d2 = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
    const own = centralMoments(c);
    for (let i = 0; i < 3; i++) {
      for (let k = 0; k < 3; k++) j[3 * i + k] += c.massKg * ((i === k ? d2 : 0) - d[i] * d[k]) + (i === k ? own[i] : 0);
    }
  }
  return { massKg: mass, centreOfMassM: cm as [number, number, number], inertia: j };
}

export function inertiaRows(j: ArrayLike<number>): number[][] {
  return [[j[0], j[1], j[2]], [j[3], j[4], j[5]], [j[6], j[7], j[8]]];
}
