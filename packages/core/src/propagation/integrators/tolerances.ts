/** Absolute/relative tolerances, scalar or per component, resolved to one array per kind. */
export type Tolerance = number | ArrayLike<number>;

/** Expands a scalar or per-component tolerance to n values; throws naming the bad field. */
export function resolveTolerance(field: string, value: Tolerance, n: number): Float64Array {
  const out = new Float64Array(n);
  if (typeof value === 'number') {
    out.fill(value);
  } else {
    if (!value || value.length !== n) {
      throw new RangeError(`${field} must be a number or ${n} numbers, got ${value?.length} values`);
    }
    for (let i = 0; i < n; i++) out[i] = value[i];
  }
  for (let i = 0; i < n; i++) {
    if (!(out[i] >= 0) || !Number.isFinite(out[i])) {
      throw new RangeError(`${field}[${i}] must be a finite number ≥ 0, got ${out[i]}`);
    }
  }
  return out;
}

/** Checks that no component has both tolerances zero (its error scale would be 0 at y = 0). */
export function checkTolerancePair(rtol: Float64Array, atol: Float64Array): void {
  for (let i = 0; i < rtol.length; i++) {
    if (rtol[i] === 0 && atol[i] === 0) throw new RangeError(`rtol[${i}] and atol[${i}] are both 0`);
    if (rtol[i] > 0 && rtol[i] < 2 * Number.EPSILON && atol[i] === 0) {
      throw new RangeError(`rtol[${i}] = ${rtol[i]} is below twice the double precision (${2 * Number.EPSILON})`);
    }
  }
}
