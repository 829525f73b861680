/**
 * Guided (lifting) descent's bank law: a bank magnitude |σ| = acos(c) that sets the vertical
 * lift (and so the downrange: chosen by the targeting search in targeting.ts), rolled towards
 * the target. The side follows the sign of χ, χ the target's angle off the current flight
 * plane: a smoothed bank reversal (real capsules reverse within a deadband; a continuous law keeps
 * the integrator's error control honest). The side is smoothed, not the magnitude: inside the
 * reversal band the lateral lift is sin|σ|·tanh(χ/χ₀) while the vertical stays cos|σ| — what a
 * capsule reversing back and forth in its deadband gets on average.
 */
import type { Mat3 } from '../../foundation/frames/mat3.js';
import type { BankLaw } from './aero.js';

/** χ₀: half-width of the smoothed reversal, rad (0.15° ≈ 17 km on the ground). */
export const REVERSAL_WIDTH_RAD = (0.15 * Math.PI) / 180;

export function guidedBank(targetItrfUnit: ArrayLike<number>, cosBank: number): BankLaw {
  if (!(cosBank >= -1 && cosBank <= 1)) throw new RangeError(`cosBank: must be in [-1, 1], got ${cosBank}`);
  const bankRad = Math.acos(cosBank);
  const sinBank = Math.sin(bankRad);
  const t = [targetItrfUnit[0], targetItrfUnit[1], targetItrfUnit[2]];
  return {
    name: `guided, |bank| ${((bankRad * 180) / Math.PI).toFixed(1)}°`,
    liftFractions(r: Float64Array, v: Float64Array, m: Mat3, out: Float64Array): void {
      // Target in GCRF: Mᵀ t.
      const gx = m[0] * t[0] + m[3] * t[1] + m[6] * t[2];
      const gy = m[1] * t[0] + m[4] * t[1] + m[7] * t[2];
      const gz = m[2] * t[0] + m[5] * t[1] + m[8] * t[2];
      // Left normal of the flight plane: r × v.
      const nx = r[1] * v[2] - r[2] * v[1];
      const ny = r[2] * v[0] - r[0] * v[2];
      const nz = r[0] * v[1] - r[1] * v[0];
      const chi = Math.asin(Math.max(-1, Math.min(1, (nx * gx + ny * gy + nz * gz) / Math.hypot(nx, ny, nz))));
      out[0] = cosBank;
      out[1] = sinBank * Math.tanh(chi / REVERSAL_WIDTH_RAD);
    },
  };
}
