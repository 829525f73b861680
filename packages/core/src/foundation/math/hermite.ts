/**
 * Cubic Hermite interpolation on one step of length h, at fraction s ∈ [0, 1]: p(s) = h00·y0 +
 * h10·ẏ0 + h01·y1 + h11·ẏ1 (the ẏ weights include h), and its time derivative with weights
 * d00 … d11. Error ≤ h⁴/384·max|y⁗| for the value and (√3/216)·h³·max|y⁗| for the derivative
 * (de Boor, A Practical Guide to Splines, 2001, ch. II; Birkhoff & Priver 1967). Shared by RK4's
 * dense output and the ephemeris propagator.
 */

/** Writes [h00, h10, h01, h11, d00, d10, d01, d11] into `out` (length ≥ 8) and returns it. */
export function cubicHermiteWeights(s: number, h: number, out: Float64Array): Float64Array {
  const s2 = s * s;
  const s3 = s2 * s;
  out[0] = 2 * s3 - 3 * s2 + 1;
  out[1] = (s3 - 2 * s2 + s) * h;
  out[2] = -2 * s3 + 3 * s2;
  out[3] = (s3 - s2) * h;
  out[4] = (6 * s2 - 6 * s) / h;
  out[5] = 3 * s2 - 4 * s + 1;
  out[6] = (-6 * s2 + 6 * s) / h;
  out[7] = 3 * s2 - 2 * s;
  return out;
}
