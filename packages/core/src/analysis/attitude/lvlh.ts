/**
 * The local-vertical local-horizontal frame of the ISS flight rules (x ≈ velocity, z toward nadir,
 * y = −orbit normal) and the named flight attitudes built on it.
 *
 * Named attitudes (body relative to LVLH as 3-2-1 yaw/pitch/roll; facts/attitude.md §2):
 *   xvv   +X axis along the velocity vector, +Z nadir (the ISS's usual "+XVV" attitude)
 *   -xvv  +X against the velocity (yaw 180°), +Z nadir
 *   yvv   +Y along the velocity (yaw −90°), +Z nadir
 *   -yvv  −Y along the velocity (yaw +90°), +Z nadir
 *   xpop  inertial: +X along the orbit normal, +Z toward nadir at the reference instant, then held
 *         fixed in inertial space (NASA's "X perpendicular to orbit plane")
 */
import { dcmToQuat, quatCompose, type Quaternion } from './quaternion.js';
import { euler321ToQuat, type YawPitchRoll } from './euler321.js';

export const NAMED_ATTITUDES = ['xvv', '-xvv', 'yvv', '-yvv', 'xpop'] as const;
export type NamedAttitude = (typeof NAMED_ATTITUDES)[number];

const LVLH_YAW_DEG: Record<Exclude<NamedAttitude, 'xpop'>, number> = { xvv: 0, '-xvv': 180, yvv: -90, '-yvv': 90 };

export function parseNamedAttitude(text: string, field = 'attitude'): NamedAttitude {
  const t = text.trim().toLowerCase().replace(/^\+/, '');
  if ((NAMED_ATTITUDES as readonly string[]).includes(t)) return t as NamedAttitude;
  throw new RangeError(`${field}: unknown attitude ${JSON.stringify(text)} (known: ${NAMED_ATTITUDES.join(', ')})`);
}

/**
 * C_LI: inertial components → LVLH components, rows x̂ = ŷ × ẑ, ŷ = −(r × v)/|r × v|, ẑ = −r/|r|.
 */
export function lvlhDcm(r: ArrayLike<number>, v: ArrayLike<number>, out: Float64Array = new Float64Array(9)): Float64Array {
  const rn = Math.hypot(r[0], r[1], r[2]);
  const z0 = -r[0] / rn, z1 = -r[1] / rn, z2 = -r[2] / rn;
  let h0 = r[1] * v[2] - r[2] * v[1];
  let h1 = r[2] * v[0] - r[0] * v[2];
  let h2 = r[0] * v[1] - r[1] * v[0];
  const hn = Math.hypot(h0, h1, h2);
  if (!(rn > 0 && hn > 0)) throw new RangeError('LVLH: position and velocity must be non-zero and not parallel');
  h0 /= hn; h1 /= hn; h2 /= hn;
  const y0 = -h0, y1 = -h1, y2 = -h2;
  out[0] = y1 * z2 - y2 * z1; out[1] = y2 * z0 - y0 * z2; out[2] = y0 * z1 - y1 * z0;
  out[3] = y0; out[4] = y1; out[5] = y2;
  out[6] = z0; out[7] = z1; out[8] = z2;
  return out;
}

/** Quaternion q_LI of the LVLH frame relative to inertial axes. */
export function lvlhQuat(r: ArrayLike<number>, v: ArrayLike<number>, out?: Quaternion): Quaternion {
  return dcmToQuat(lvlhDcm(r, v), out);
}

/** Yaw/pitch/roll relative to LVLH of an LVLH-held named attitude (xpop is inertial: no fixed angles). */
export function namedAttitudeYpr(name: Exclude<NamedAttitude, 'xpop'>): YawPitchRoll {
  return { yawRad: (LVLH_YAW_DEG[name] * Math.PI) / 180, pitchRad: 0, rollRad: 0 };
}

/** q_BI of a named attitude at the state (r, v); for xpop, (r, v) is the reference instant. */
export function namedAttitudeQuat(name: NamedAttitude, r: ArrayLike<number>, v: ArrayLike<number>): Quaternion {
  const cLI = lvlhDcm(r, v);
  if (name === 'xpop') {
    // Body x = orbit normal = −ŷ_L, body z = ẑ_L (nadir now), body y = z × x.
    const c = new Float64Array(9);
    c[0] = -cLI[3]; c[1] = -cLI[4]; c[2] = -cLI[5];
    c[6] = cLI[6]; c[7] = cLI[7]; c[8] = cLI[8];
    c[3] = c[7] * c[2] - c[8] * c[1]; c[4] = c[8] * c[0] - c[6] * c[2]; c[5] = c[6] * c[1] - c[7] * c[0];
    return dcmToQuat(c);
  }
  return quatCompose(euler321ToQuat(namedAttitudeYpr(name)), dcmToQuat(cLI));
}
