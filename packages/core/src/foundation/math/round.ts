/**
 * Rounding of reported numbers (JSON and tables), the one set of helpers for cli, server and
 * core reports. Two rules, both kept so that every existing output stays byte-identical:
 * - `roundTo`: Math.round(x·10^d)/10^d, ties towards +∞ on the scaled binary value;
 * - `roundFixed`: Number(x.toFixed(d)), ties away from zero on the exact decimal value of the
 *   double. They differ on some ties: 0.0055 → 0.006 vs 0.005 (its double is 0.00549999…), and
 *   −0.5 → −0 vs −1 at 0 digits.
 * The `…OrNull` forms give null for NaN and ±∞, which JSON cannot hold.
 */

/** x rounded to `digits` decimals by Math.round of the scaled value. */
export function roundTo(x: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(x * scale) / scale;
}

/** As {@link roundTo}; null when x is not finite. */
export function roundToOrNull(x: number, digits: number): number | null {
  return Number.isFinite(x) ? roundTo(x, digits) : null;
}

/** x rounded to `digits` decimals as `toFixed` writes it, back as a number. */
export function roundFixed(x: number, digits: number): number {
  return Number(x.toFixed(digits));
}

/** As {@link roundFixed}; null when x is not finite. */
export function roundFixedOrNull(x: number, digits: number): number | null {
  return Number.isFinite(x) ? roundFixed(x, digits) : null;
}
