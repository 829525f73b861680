/**
 * 3×3 rotation matrices as row-major `Float64Array(9)` and 3-vectors as `Float64Array(3)` (or any
 * indexable triple). All functions write into `out` so hot loops can reuse buffers; `out` may
 * alias an input vector (never an input matrix).
 *
 * Rotations are *passive* (frame rotations), as in Vallado, Fundamentals of Astrodynamics and
 * Applications, 4th ed., Eq. 3-15: ROT3(α) = [[c, s, 0], [−s, c, 0], [0, 0, 1]].
 */
export type Vec3 = Float64Array | number[];
export type Mat3 = Float64Array;

export function mat3(): Mat3 {
  return new Float64Array(9);
}

export function vec3(x = 0, y = 0, z = 0): Float64Array {
  const v = new Float64Array(3);
  v[0] = x;
  v[1] = y;
  v[2] = z;
  return v;
}

export function identity(out: Mat3): Mat3 {
  out.fill(0);
  out[0] = out[4] = out[8] = 1;
  return out;
}

/** Passive rotation about x by `angleRad`. */
export function rot1(angleRad: number, out: Mat3): Mat3 {
  const c = Math.cos(angleRad);
  const s = Math.sin(angleRad);
  out[0] = 1; out[1] = 0; out[2] = 0;
  out[3] = 0; out[4] = c; out[5] = s;
  out[6] = 0; out[7] = -s; out[8] = c;
  return out;
}

/** Passive rotation about y by `angleRad`. */
export function rot2(angleRad: number, out: Mat3): Mat3 {
  const c = Math.cos(angleRad);
  const s = Math.sin(angleRad);
  out[0] = c; out[1] = 0; out[2] = -s;
  out[3] = 0; out[4] = 1; out[5] = 0;
  out[6] = s; out[7] = 0; out[8] = c;
  return out;
}

/** Passive rotation about z by `angleRad`. */
export function rot3(angleRad: number, out: Mat3): Mat3 {
  const c = Math.cos(angleRad);
  const s = Math.sin(angleRad);
  out[0] = c; out[1] = s; out[2] = 0;
  out[3] = -s; out[4] = c; out[5] = 0;
  out[6] = 0; out[7] = 0; out[8] = 1;
  return out;
}

/** out = a · b. `out` must not alias `a` or `b`. */
export function mulMat(a: Mat3, b: Mat3, out: Mat3): Mat3 {
  for (let i = 0; i < 3; i++) {
    const a0 = a[3 * i];
    const a1 = a[3 * i + 1];
    const a2 = a[3 * i + 2];
    out[3 * i] = a0 * b[0] + a1 * b[3] + a2 * b[6];
    out[3 * i + 1] = a0 * b[1] + a1 * b[4] + a2 * b[7];
    out[3 * i + 2] = a0 * b[2] + a1 * b[5] + a2 * b[8];
  }
  return out;
}

/** out = mᵀ. `out` must not alias `m`. */
export function transpose(m: Mat3, out: Mat3): Mat3 {
  out[0] = m[0]; out[1] = m[3]; out[2] = m[6];
  out[3] = m[1]; out[4] = m[4]; out[5] = m[7];
  out[6] = m[2]; out[7] = m[5]; out[8] = m[8];
  return out;
}

/** out = m · v (out may alias v). */
export function mulVec(m: Mat3, v: Vec3, out: Vec3): Vec3 {
  const x = v[0];
  const y = v[1];
  const z = v[2];
  out[0] = m[0] * x + m[1] * y + m[2] * z;
  out[1] = m[3] * x + m[4] * y + m[5] * z;
  out[2] = m[6] * x + m[7] * y + m[8] * z;
  return out;
}

/** out = mᵀ · v (out may alias v). */
export function mulTransposeVec(m: Mat3, v: Vec3, out: Vec3): Vec3 {
  const x = v[0];
  const y = v[1];
  const z = v[2];
  out[0] = m[0] * x + m[3] * y + m[6] * z;
  out[1] = m[1] * x + m[4] * y + m[7] * z;
  out[2] = m[2] * x + m[5] * y + m[8] * z;
  return out;
}
