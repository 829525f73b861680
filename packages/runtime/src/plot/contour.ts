/**
 * Contour lines of a gridded field by marching squares (Lorensen & Cline's cube cases reduced to
 * 2-D): each grid cell whose corners straddle the level contributes one or two segments, with
 * the crossing points linearly interpolated along the cell edges. Cells with a non-finite corner
 * are skipped, so holes in the field (no solution) leave gaps rather than false lines.
 */

export interface ContourLines {
  /** Segment end points as polylines separated by NaN (svgChart breaks a line at NaN). */
  x: number[];
  y: number[];
}

/**
 * Contour of `values` (row-major: values[i·ny + j] at (xs[i], ys[j])) at `level`.
 */
export function contourSegments(values: ArrayLike<number>, xs: ArrayLike<number>, ys: ArrayLike<number>, level: number): ContourLines {
  const nx = xs.length;
  const ny = ys.length;
  const out: ContourLines = { x: [], y: [] };
  const at = (i: number, j: number) => values[i * ny + j] - level;
  const crossing = (i0: number, j0: number, i1: number, j1: number): [number, number] => {
    const a = at(i0, j0);
    const b = at(i1, j1);
    const t = a === b ? 0.5 : a / (a - b);
    return [xs[i0] + t * (xs[i1] - xs[i0]), ys[j0] + t * (ys[j1] - ys[j0])];
  };
  const segment = (p: [number, number], q: [number, number]) => {
    out.x.push(p[0], q[0], NaN);
    out.y.push(p[1], q[1], NaN);
  };
  for (let i = 0; i + 1 < nx; i++) {
    for (let j = 0; j + 1 < ny; j++) {
      const c0 = at(i, j);
      const c1 = at(i + 1, j);
      const c2 = at(i + 1, j + 1);
      const c3 = at(i, j + 1);
      if (!(Number.isFinite(c0) && Number.isFinite(c1) && Number.isFinite(c2) && Number.isFinite(c3))) continue;
      const code = (c0 > 0 ? 1 : 0) | (c1 > 0 ? 2 : 0) | (c2 > 0 ? 4 : 0) | (c3 > 0 ? 8 : 0);
      if (code === 0 || code === 15) continue;
      // Edges: bottom (0-1), right (1-2), top (3-2), left (0-3).
      const bottom = () => crossing(i, j, i + 1, j);
      const right = () => crossing(i + 1, j, i + 1, j + 1);
      const top = () => crossing(i, j + 1, i + 1, j + 1);
      const left = () => crossing(i, j, i, j + 1);
      switch (code) {
        case 1: case 14: segment(left(), bottom()); break;
        case 2: case 13: segment(bottom(), right()); break;
        case 3: case 12: segment(left(), right()); break;
        case 4: case 11: segment(right(), top()); break;
        case 6: case 9: segment(bottom(), top()); break;
        case 7: case 8: segment(left(), top()); break;
        case 5: segment(left(), top()); segment(bottom(), right()); break; // saddle: one of the two pairings
        case 10: segment(left(), bottom()); segment(right(), top()); break;
      }
    }
  }
  return out;
}
