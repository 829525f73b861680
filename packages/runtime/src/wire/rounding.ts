/** x rounded to `digits` decimals (Math.round of the scaled value), as every wire object writes numbers. */
export function roundTo(x: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(x * scale) / scale;
}
